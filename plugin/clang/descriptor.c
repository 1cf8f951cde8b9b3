/* descriptor.c - the map type of a gomap_make call, read from the AST.
 *
 * GOMAP_TYPE(K, V) is a statement expression whose value is the address of a
 * static const struct gomap_type; the first argument of gomap_make is that
 * address (possibly in parentheses and casts), or the address of a const global
 * descriptor defined in the unit, possibly through local variables that are
 * never written after their initialization nor have their address taken (the
 * plugin follows the same copies in SSA form).  Its initializer is read by position
 * (gomap_layout.h): version, keysize, valsize, keyalign, valalign, flags, name,
 * each evaluated by clang_Cursor_Evaluate.  Anything else (an extern descriptor,
 * a computed pointer, another layout version) leaves it unresolved: name NULL,
 * so the bucket never goes on the stack, though the header still may.  As in
 * plugin/gcc/descriptor.cc.
 */
#include "fe.h"

#include <stdlib.h>
#include <string.h>

/* A local const-descriptor copy: its initializer. */
static bool follow_local(ce_fn *fn, CXCursor *e)
{
    CXCursor d = clang_getCursorReferenced(*e);
    if (!fn || clang_getCursorKind(d) != CXCursor_VarDecl || clang_Cursor_hasVarDeclGlobalStorage(d)
        || clang_isVolatileQualifiedType(clang_getCursorType(d)) || ce_written(fn, d))
        return false;
    return ce_last_expr_child(d, e);
}

static CXCursor strip_all(ce_fn *fn, CXCursor e)
{
    for (int guard = 0; guard < 64; guard++) {
        e = ce_strip(e);
        CXCursor k[64];
        enum CXCursorKind kind = clang_getCursorKind(e);
        if (kind == CXCursor_CStyleCastExpr) {
            int n = ce_children(e, k, 64);
            if (n < 1 || n > 64)
                return e;
            e = k[n - 1];
        } else if (kind == CXCursor_DeclRefExpr) {
            if (!follow_local(fn, &e))
                return e;
        } else if (kind == CXCursor_StmtExpr) {
            CXCursor body;
            if (ce_children(e, &body, 1) != 1)
                return e;
            int n = ce_children(body, k, 64);
            if (n < 1 || n > 64 || !clang_isExpression(clang_getCursorKind(k[n - 1])))
                return e;
            e = k[n - 1];
        } else {
            return e;
        }
    }
    return e;
}

/* &var where var is a static const object defined here: var's cursor. */
static bool descriptor_var(ce_fn *fn, CXCursor e, CXCursor *var)
{
    CXCursor k[2];
    e = strip_all(fn, e);
    if (clang_getCursorKind(e) != CXCursor_UnaryOperator || ce_children(e, k, 2) != 1)
        return false;
    CXCursor ref = ce_strip(k[0]);
    if (clang_getCursorKind(ref) != CXCursor_DeclRefExpr)
        return false;
    CXCursor d = clang_getCursorReferenced(ref);
    CXType t = clang_getCursorType(d);
    if (clang_getCursorKind(d) != CXCursor_VarDecl || !clang_Cursor_hasVarDeclGlobalStorage(d)
        || clang_Cursor_hasVarDeclExternalStorage(d) || !clang_isConstQualifiedType(t)
        || clang_isVolatileQualifiedType(t) || !clang_isCursorDefinition(d))
        return false;
    *var = d;
    return true;
}

static bool field_uint(CXCursor e, unsigned long *out)
{
    CXEvalResult r = clang_Cursor_Evaluate(e);
    bool ok = r && clang_EvalResult_getKind(r) == CXEval_Int;
    if (ok) {
        long long v = clang_EvalResult_getAsLongLong(r);
        ok = v >= 0;
        *out = (unsigned long)v;
    }
    if (r)
        clang_EvalResult_dispose(r);
    return ok;
}

/* The literal as libclang spells it ("..." with the pieces of a concatenation
 * joined and C escapes), unquoted; NULL for an escape other than \\ and \". */
static char *literal_spelling(CXCursor lit)
{
    char *sp = ce_string(clang_getCursorSpelling(lit));
    size_t n = strlen(sp);
    char *s = NULL;
    if (n >= 2 && sp[0] == '"' && sp[n - 1] == '"' && (s = malloc(n))) {
        size_t j = 0;
        for (size_t i = 1; i + 1 < n; i++) {
            if (sp[i] == '\\') {
                if (sp[i + 1] != '\\' && sp[i + 1] != '"') {
                    free(s);
                    s = NULL;
                    break;
                }
                i++;
            }
            s[j++] = sp[i];
        }
        if (s)
            s[j] = '\0';
    }
    free(sp);
    return s;
}

/* The name: libclang evaluates the string through its array-to-pointer cast in
 * C; in C++ it evaluates neither that nor the literal, whose spelling serves. */
static char *field_string(CXCursor e)
{
    CXCursor lit = strip_all(NULL, e);
    if (clang_getCursorKind(lit) != CXCursor_StringLiteral)
        return NULL;
    CXEvalResult r = clang_Cursor_Evaluate(e);
    char *s = NULL;
    if (r && clang_EvalResult_getKind(r) == CXEval_StrLiteral)
        s = strdup(clang_EvalResult_getAsStr(r));
    if (r)
        clang_EvalResult_dispose(r);
    return s ? s : literal_spelling(lit);
}

esc_descriptor ce_resolve_descriptor(ce_fn *fn, CXCursor arg)
{
    esc_descriptor d = { NULL, 0, 0, 0, 0, 0 };
    CXCursor var, k[16], init = clang_getNullCursor();
    if (!descriptor_var(fn, arg, &var))
        return d;
    int n = ce_children(var, k, 16);
    for (int i = 0; i < n && i < 16; i++)
        if (clang_getCursorKind(k[i]) == CXCursor_InitListExpr)
            init = k[i];
    if (clang_Cursor_isNull(init) || (n = ce_children(init, k, 16)) != 7)
        return d;
    unsigned long version, flags;
    if (!field_uint(k[0], &version)
        || !field_uint(k[1], &d.keysize) || !field_uint(k[2], &d.valsize)
        || !field_uint(k[3], &d.keyalign) || !field_uint(k[4], &d.valalign)
        || !field_uint(k[5], &flags) || !esc_descriptor_usable(version, &d))
        return d;
    d.name = field_string(k[6]);
    return d;
}
