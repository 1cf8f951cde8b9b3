/* ops.c - which operator a UnaryOperator / BinaryOperator cursor is.
 *
 * libclang 14 has no operator-kind query, so the operator is read back from the
 * source tokens of the expression (clang_tokenize over its extent):
 *
 *   unary   the first token when the operand starts after it (prefix: & * - + ~ !
 *           ++ -- __extension__ __real__ __imag__), else the last token (postfix
 *           ++ --);
 *   binary  the first token at or after the end of the left operand.
 *
 * When the expression comes from a macro expansion, the extents are those of the
 * macro invocation.  A binary operator is then read where its operands are
 * spelled (in the macro's definition, or in one argument): the token right
 * before the right operand, when both operands are spelled in the same file, the
 * left one first, with balanced brackets from it to that token, and the token is
 * an operator other than ',' (operands from two arguments are separated by the
 * arguments' comma, and one from the definition and one from an argument by a
 * '(' or ',' or more than a short stretch of text).  Anything else is
 * CE_OP_UNKNOWN, and the callers fall back to the types or to a conservative
 * reading (expr.c, expose.c).
 */
#include "fe.h"

#include <stdlib.h>
#include <string.h>

static const struct { const char *tok; ce_op unary, binary; } table[] = {
    { "&",  CE_OP_ADDR,   CE_OP_ARITH },    { "*",  CE_OP_DEREF,  CE_OP_ARITH },
    { "+",  CE_OP_ARITH,  CE_OP_ARITH },    { "-",  CE_OP_ARITH,  CE_OP_ARITH },
    { "~",  CE_OP_ARITH,  CE_OP_UNKNOWN },  { "!",  CE_OP_NOT,    CE_OP_UNKNOWN },
    { "++", CE_OP_INCDEC, CE_OP_UNKNOWN },  { "--", CE_OP_INCDEC, CE_OP_UNKNOWN },
    { "/",  CE_OP_UNKNOWN, CE_OP_ARITH },   { "%",  CE_OP_UNKNOWN, CE_OP_ARITH },
    { "<<", CE_OP_UNKNOWN, CE_OP_ARITH },   { ">>", CE_OP_UNKNOWN, CE_OP_ARITH },
    { "|",  CE_OP_UNKNOWN, CE_OP_ARITH },   { "^",  CE_OP_UNKNOWN, CE_OP_ARITH },
    { "==", CE_OP_UNKNOWN, CE_OP_CMP },     { "!=", CE_OP_UNKNOWN, CE_OP_CMP },
    { "<",  CE_OP_UNKNOWN, CE_OP_CMP },     { ">",  CE_OP_UNKNOWN, CE_OP_CMP },
    { "<=", CE_OP_UNKNOWN, CE_OP_CMP },     { ">=", CE_OP_UNKNOWN, CE_OP_CMP },
    { "&&", CE_OP_UNKNOWN, CE_OP_CMP },     { "||", CE_OP_UNKNOWN, CE_OP_CMP },
    { "=",  CE_OP_UNKNOWN, CE_OP_ASSIGN },  { ",",  CE_OP_UNKNOWN, CE_OP_COMMA },
    { "+=", CE_OP_UNKNOWN, CE_OP_COMPOUND },{ "-=", CE_OP_UNKNOWN, CE_OP_COMPOUND },
    { "*=", CE_OP_UNKNOWN, CE_OP_COMPOUND },{ "/=", CE_OP_UNKNOWN, CE_OP_COMPOUND },
    { "%=", CE_OP_UNKNOWN, CE_OP_COMPOUND },{ "<<=", CE_OP_UNKNOWN, CE_OP_COMPOUND },
    { ">>=", CE_OP_UNKNOWN, CE_OP_COMPOUND },{ "&=", CE_OP_UNKNOWN, CE_OP_COMPOUND },
    { "|=", CE_OP_UNKNOWN, CE_OP_COMPOUND },{ "^=", CE_OP_UNKNOWN, CE_OP_COMPOUND },
    { "__extension__", CE_OP_EXTENSION, CE_OP_UNKNOWN },
    { "__real__", CE_OP_EXTENSION, CE_OP_UNKNOWN },
    { "__imag__", CE_OP_EXTENSION, CE_OP_UNKNOWN },
};

ce_op ce_op_from_spelling(const char *tok, bool binary)
{
    for (size_t i = 0; i < sizeof table / sizeof *table; i++)
        if (!strcmp(table[i].tok, tok))
            return binary ? table[i].binary : table[i].unary;
    return CE_OP_UNKNOWN;
}

const char *ce_op_name(ce_op op)
{
    static const char *const names[] = {
        "unknown", "addr", "deref", "incdec", "not", "arith", "cmp", "assign",
        "compound", "comma", "extension",
    };
    return names[op];
}

static enum CXChildVisitResult take_first(CXCursor c, CXCursor parent, CXClientData d)
{
    (void)parent;
    *(CXCursor *)d = c;
    return CXChildVisit_Break;
}

static bool first_child(CXCursor c, CXCursor *out)
{
    *out = clang_getNullCursor();
    clang_visitChildren(c, take_first, out);
    return !clang_Cursor_isNull(*out);
}

/* Tokens of C's extent; NULL when it is a macro expansion (or empty). */
static CXToken *tokens_of(CXTranslationUnit tu, CXCursor c, unsigned *n)
{
    CXSourceLocation loc = clang_getCursorLocation(c);
    CXFile f1, f2;
    unsigned o1, o2;
    clang_getSpellingLocation(loc, &f1, NULL, NULL, &o1);
    clang_getExpansionLocation(loc, &f2, NULL, NULL, &o2);
    *n = 0;
    if (!f1 || !clang_File_isEqual(f1, f2) || o1 != o2)
        return NULL;                              /* spelled inside a macro */
    CXToken *toks = NULL;
    clang_tokenize(tu, clang_getCursorExtent(c), &toks, n);
    return toks;
}

static bool spelled_at(CXTranslationUnit tu, CXToken t, const char **out, char **buf)
{
    *buf = ce_string(clang_getTokenSpelling(tu, t));
    *out = *buf;
    return clang_getTokenKind(t) == CXToken_Punctuation
        || clang_getTokenKind(t) == CXToken_Keyword;
}

ce_op ce_unary_op(CXTranslationUnit tu, CXCursor c)
{
    CXCursor operand;
    unsigned n;
    if (!first_child(c, &operand))
        return CE_OP_UNKNOWN;
    CXToken *toks = tokens_of(tu, c, &n);
    if (!toks || n < 2) {
        if (toks) clang_disposeTokens(tu, toks, n);
        return CE_OP_UNKNOWN;
    }
    unsigned op_off = ce_offset(clang_getTokenLocation(tu, toks[0]));
    unsigned arg_off = ce_offset(clang_getRangeStart(clang_getCursorExtent(operand)));
    CXToken t = op_off < arg_off ? toks[0] : toks[n - 1];
    const char *s;
    char *buf;
    ce_op op = CE_OP_UNKNOWN;
    if (spelled_at(tu, t, &s, &buf)) {
        op = ce_op_from_spelling(s, false);
        if (op_off >= arg_off && op != CE_OP_INCDEC)    /* postfix: only ++ -- */
            op = CE_OP_UNKNOWN;
    }
    free(buf);
    clang_disposeTokens(tu, toks, n);
    return op;
}

/* Where the first token of C is spelled. */
static bool spelling_start(CXCursor c, CXFile *file, unsigned *off)
{
    CXSourceLocation loc = clang_getRangeStart(clang_getCursorExtent(c));
    clang_getSpellingLocation(loc, file, NULL, NULL, off);
    return *file != NULL;
}

static int bracket_depth(const char *s)
{
    return strchr("([{", s[0]) && s[1] == 0 ? 1 : strchr(")]}", s[0]) && s[1] == 0 ? -1 : 0;
}

/* The operator between LHS and RHS where they are spelled (see the header). */
static ce_op macro_binary_op(CXTranslationUnit tu, CXCursor lhs, CXCursor rhs)
{
    CXFile f1, f2;
    unsigned o1, o2;
    if (!spelling_start(lhs, &f1, &o1) || !spelling_start(rhs, &f2, &o2)
        || !clang_File_isEqual(f1, f2) || o1 >= o2 || o2 - o1 > 4096)
        return CE_OP_UNKNOWN;
    CXSourceRange r = clang_getRange(clang_getLocationForOffset(tu, f1, o1),
                                     clang_getLocationForOffset(tu, f1, o2));
    CXToken *toks = NULL;
    unsigned n = 0;
    clang_tokenize(tu, r, &toks, &n);
    unsigned last = n;          /* the last token that starts before o2 */
    for (unsigned i = 0; i < n; i++) {
        unsigned off;
        clang_getSpellingLocation(clang_getTokenLocation(tu, toks[i]), NULL, NULL, NULL, &off);
        if (off < o2)
            last = i;
    }
    ce_op op = CE_OP_UNKNOWN;
    int depth = 0;
    for (unsigned i = 0; i < n && i <= last; i++) {
        const char *s;
        char *buf;
        bool punct = spelled_at(tu, toks[i], &s, &buf);
        if (i < last && punct)
            depth += bracket_depth(s);
        else if (i == last && punct && depth == 0 && i > 0)
            op = ce_op_from_spelling(s, true);
        free(buf);
    }
    if (toks)
        clang_disposeTokens(tu, toks, n);
    return op == CE_OP_COMMA ? CE_OP_UNKNOWN : op;
}

ce_op ce_binary_op(CXTranslationUnit tu, CXCursor c)
{
    esc_pos where;
    return ce_binary_op_at(tu, c, &where);
}

ce_op ce_binary_op_at(CXTranslationUnit tu, CXCursor c, esc_pos *where)
{
    CXCursor lhs;
    unsigned n;
    *where = ce_cursor_pos(c);
    if (!first_child(c, &lhs))
        return CE_OP_UNKNOWN;
    CXToken *toks = tokens_of(tu, c, &n);
    if (!toks) {
        CXCursor k[3];
        return ce_children(c, k, 3) == 2 ? macro_binary_op(tu, k[0], k[1]) : CE_OP_UNKNOWN;
    }
    unsigned lhs_end = ce_offset(clang_getRangeEnd(clang_getCursorExtent(lhs)));
    ce_op op = CE_OP_UNKNOWN;
    for (unsigned i = 0; i < n; i++) {
        if (ce_offset(clang_getTokenLocation(tu, toks[i])) < lhs_end)
            continue;
        const char *s;
        char *buf;
        if (spelled_at(tu, toks[i], &s, &buf))
            op = ce_op_from_spelling(s, true);
        free(buf);
        if (op != CE_OP_UNKNOWN)
            *where = ce_pos(clang_getTokenLocation(tu, toks[i]));
        break;
    }
    clang_disposeTokens(tu, toks, n);
    return op;
}
