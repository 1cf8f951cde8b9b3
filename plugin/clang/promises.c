/* promises.c - noescape promises a function makes beyond its own parameters
 * (as plugin/gcc/promises.cc).
 *
 * Callers trust __attribute__((noescape)) wherever they see it, so the defining
 * unit checks every promise it can see for a function defined here:
 *   - any declaration of the function (Clang keeps each redeclaration as its
 *     own FunctionDecl: a prototype in a header, a redeclaration after the
 *     definition, a block-scope extern), by its type or its parameters'
 *     attributes;
 *   - an expression of a pointer to a function type with a noescape parameter
 *     that is the function's address: Clang spells the conversion as a cast
 *     (implicit BitCast or written) of that type above the function's name, in
 *     an assignment, argument, return, initializer or call.
 * The parameters get esc_param_promised; the core reports a leaking one like a
 * parameter declared noescape.  Not seen: an address reaching such a pointer
 * through a variable of another type or through another unit.
 */
#include <stdlib.h>

#include "fe.h"

static const char *const noescape_words[] = { "noescape", "__noescape__", NULL };

static esc_func *defined(ce_unit *u, CXCursor fn)
{
    void **slot = ce_map_slot(u->funcs, clang_getCanonicalCursor(fn), false);
    return slot ? *slot : NULL;
}

/* FT (a function type) promises parameter i noescape: mark it on F. */
static void promise_from_type(esc_func *f, CXType ft)
{
    CXType t = clang_getCanonicalType(ft);
    if (t.kind != CXType_FunctionProto)
        return;
    int n = clang_getNumArgTypes(t);
    for (int i = 0; i < n; i++)
        if (ce_param_noescape(t, i))
            esc_param_promised(f, i);
}

/* The functions whose address E (of the promising pointer type) is. */
static void functions_of(ce_unit *u, CXCursor e, CXType pointee, int depth)
{
    if (depth > 64)
        return;
    enum CXCursorKind k = clang_getCursorKind(e);
    CXCursor kid;
    if (k == CXCursor_DeclRefExpr) {
        CXCursor r = clang_getCursorReferenced(e);
        esc_func *f = clang_getCursorKind(r) == CXCursor_FunctionDecl ? defined(u, r) : NULL;
        if (f)
            promise_from_type(f, pointee);
    } else if (k == CXCursor_ParenExpr || k == CXCursor_UnexposedExpr
               || k == CXCursor_CStyleCastExpr || k == CXCursor_UnaryOperator) {
        if (ce_last_expr_child(e, &kid))
            functions_of(u, kid, pointee, depth + 1);
    } else if (k == CXCursor_ConditionalOperator) {
        ce_cursors ks = ce_all_children(e);
        for (int i = 1; i < ks.n; i++)
            functions_of(u, ks.v[i], pointee, depth + 1);
        VFREE(ks);
    } else if (k == CXCursor_BinaryOperator) {           /* a comma: its right */
        if (ce_last_expr_child(e, &kid))
            functions_of(u, kid, pointee, depth + 1);
    }
}

static bool promising_pointer(CXType t, CXType *pointee)
{
    t = clang_getCanonicalType(t);
    if (t.kind != CXType_Pointer)
        return false;
    CXType p = clang_getCanonicalType(clang_getPointeeType(t));
    if (p.kind != CXType_FunctionProto)
        return false;
    int n = clang_getNumArgTypes(p);
    for (int i = 0; i < n; i++)
        if (ce_param_noescape(p, i)) {
            *pointee = p;
            return true;
        }
    return false;
}

static enum CXChildVisitResult visit(CXCursor c, CXCursor parent, CXClientData d)
{
    (void)parent;
    ce_unit *u = d;
    enum CXCursorKind k = clang_getCursorKind(c);
    if (k == CXCursor_FunctionDecl) {
        esc_func *f = defined(u, c);
        if (f) {
            promise_from_type(f, clang_getCursorType(c));
            int n = clang_Cursor_getNumArguments(c);
            for (int i = 0; i < n; i++)
                if (ce_has_attr(u->tu, clang_Cursor_getArgument(c, (unsigned)i), noescape_words))
                    esc_param_promised(f, i);
        }
    } else if (clang_isExpression(k)) {
        CXType pointee;
        if (promising_pointer(clang_getCursorType(c), &pointee))
            functions_of(u, c, pointee, 0);
    }
    return CXChildVisit_Recurse;
}

void ce_note_promises(ce_unit *u)
{
    clang_visitChildren(clang_getTranslationUnitCursor(u->tu), visit, u);
}
