/* writes.c - two facts about a function's locals, each from one scan:
 *
 * written: the left operand of an assignment (or of one the tokens cannot read),
 *   of ++ or --, an asm operand, or anything whose address is taken (it may be
 *   written through the pointer).  The others hold one value for the whole
 *   function, so a parameter can be its own esc_param location (as the plugin's
 *   default SSA definition) and a descriptor can be followed through a copy.
 *
 * untyped: a local whose address is used other than as a direct argument of a
 *   call to a (non-builtin) function, or decays from an array there: memcpy and
 *   friends, pointer copies and asm can put pointer bytes where its fields say
 *   int.  The core's variables are field-insensitive (a load from s carries
 *   every pointer stored in s), so, as the plugin does, an int, float or bool
 *   field read by member access (s.count, s.a[i].n) of a local struct with no
 *   union that is not untyped carries nothing; every other load carries.
 */
#include "fe.h"

#include <stdlib.h>
#include <string.h>

typedef struct written { ce_fn *fn; ce_map *set; } written;

static void mark(written *w, CXCursor target)
{
    target = ce_strip(target);
    while (clang_getCursorKind(target) == CXCursor_ParenExpr) {
        CXCursor k[1];
        if (ce_children(target, k, 1) != 1)
            return;
        target = ce_strip(k[0]);
    }
    if (clang_getCursorKind(target) == CXCursor_DeclRefExpr)
        *ce_map_slot(w->set, clang_getCursorReferenced(target), true) = (void *)1;
}

static enum CXChildVisitResult find_writes(CXCursor c, CXCursor parent, CXClientData d)
{
    (void)parent;
    written *w = d;
    CXCursor k[2];
    enum CXCursorKind kind = clang_getCursorKind(c);
    CXTranslationUnit tu = w->fn->u->tu;
    if (kind == CXCursor_BinaryOperator && ce_children(c, k, 2) == 2) {
        ce_op op = ce_binary_op(tu, c);
        if (op == CE_OP_ASSIGN || op == CE_OP_UNKNOWN)
            mark(w, k[0]);
    } else if (kind == CXCursor_CompoundAssignOperator && ce_children(c, k, 2) == 2) {
        mark(w, k[0]);
    } else if (kind == CXCursor_UnaryOperator && ce_children(c, k, 1) == 1) {
        ce_op op = ce_unary_op(tu, c);
        if (op == CE_OP_ADDR || op == CE_OP_INCDEC || op == CE_OP_UNKNOWN)
            mark(w, k[0]);
    } else if (kind == CXCursor_GCCAsmStmt) {
        clang_visitChildren(c, find_writes, d);      /* any operand may be written */
        ce_cursors ops = ce_all_children(c);
        for (int i = 0; i < ops.n; i++)
            mark(w, ops.v[i]);
        CE_FREE(ops);
        return CXChildVisit_Continue;
    }
    return CXChildVisit_Recurse;
}

bool ce_written(ce_fn *fn, CXCursor var)
{
    if (!fn->written) {
        written w = { fn, ce_map_new() };
        clang_visitChildren(fn->decl, find_writes, &w);
        fn->written = w.set;
    }
    return ce_map_slot(fn->written, var, false) != NULL;
}

/* ---- untyped ------------------------------------------------------------------ */

/* The local variable at the base of a chain of '.' and array indexing, if any. */
static bool base_var(CXCursor e, CXCursor *var)
{
    for (int guard = 0; guard < 256; guard++) {
        CXCursor k[2];
        e = ce_strip(e);
        enum CXCursorKind kind = clang_getCursorKind(e);
        if (kind == CXCursor_ParenExpr && ce_children(e, k, 2) == 1) {
            e = k[0];
        } else if (kind == CXCursor_MemberRefExpr && ce_children(e, k, 2) == 1
                   && !ce_type_is_pointer(clang_getCursorType(k[0]))) {
            e = k[0];
        } else if (kind == CXCursor_ArraySubscriptExpr && ce_children(e, k, 2) == 2) {
            CXCursor arr;
            if (!ce_is_implicit_cast(k[0], &arr) || !ce_type_is_array(clang_getCursorType(arr)))
                return false;
            e = arr;
        } else if (kind == CXCursor_DeclRefExpr) {
            *var = clang_getCursorReferenced(e);
            return clang_getCursorKind(*var) == CXCursor_VarDecl
                && !clang_Cursor_hasVarDeclGlobalStorage(*var);
        } else {
            return false;
        }
    }
    return false;
}

typedef struct untyped { ce_fn *fn; ce_map *set; } untyped;

static void mark_untyped(untyped *u, CXCursor e)
{
    CXCursor var;
    if (base_var(e, &var))
        *ce_map_slot(u->set, var, true) = (void *)1;
}

/* &x or an array decaying to its address (through parentheses and implicit
 * conversions such as T * -> const T *): the object whose address it is. */
static bool address_of(untyped *u, CXCursor e, CXCursor *obj)
{
    for (int guard = 0; guard < 64; guard++) {
        CXCursor k[2], arg;
        if (clang_getCursorKind(e) == CXCursor_ParenExpr && ce_children(e, k, 2) == 1) {
            e = k[0];
        } else if (ce_is_implicit_cast(e, &arg)) {
            if (ce_type_is_array(clang_getCursorType(arg))
                && !ce_type_is_array(clang_getCursorType(e))) {
                *obj = arg;
                return true;
            }
            e = arg;
        } else if (clang_getCursorKind(e) == CXCursor_UnaryOperator
                   && ce_children(e, k, 2) == 1 && ce_unary_op(u->fn->u->tu, e) == CE_OP_ADDR) {
            *obj = k[0];
            return true;
        } else {
            return false;
        }
    }
    return false;
}

/* A direct call to a function that is no builtin and no known libc function. */
static bool typed_call(CXCursor call)
{
    CXCursor k[1];
    if (ce_children(call, k, 1) < 1)
        return false;
    CXCursor callee = ce_strip(k[0]);
    CXCursor d = clang_getCursorReferenced(callee);
    if (clang_getCursorKind(callee) != CXCursor_DeclRefExpr
        || clang_getCursorKind(d) != CXCursor_FunctionDecl)
        return false;
    char *name = ce_string(clang_getCursorSpelling(d));
    bool typed = strncmp(name, "__builtin", 9) && ce_libc_lookup(name) == CE_LIBC_NONE;
    free(name);
    return typed;
}

static enum CXChildVisitResult find_untyped(CXCursor c, CXCursor parent, CXClientData d)
{
    (void)parent;
    untyped *u = d;
    CXCursor obj;
    enum CXCursorKind kind = clang_getCursorKind(c);
    if (kind == CXCursor_CallExpr && typed_call(c)) {
        ce_cursors k = ce_all_children(c);
        for (int i = 0; i < k.n; i++)
            if (i == 0 || !address_of(u, k.v[i], &obj))
                clang_visitChildren(k.v[i], find_untyped, d), find_untyped(k.v[i], c, d);
            else
                clang_visitChildren(obj, find_untyped, d);    /* indices, side effects */
        CE_FREE(k);
        return CXChildVisit_Continue;
    }
    if (address_of(u, c, &obj))
        mark_untyped(u, obj);
    else if (kind == CXCursor_GCCAsmStmt) {
        ce_cursors k = ce_all_children(c);
        for (int i = 0; i < k.n; i++)
            mark_untyped(u, k.v[i]);
        CE_FREE(k);
    }
    return CXChildVisit_Recurse;
}

static bool has_union(CXType t);

static enum CXVisitorResult field_union(CXCursor f, CXClientData d)
{
    if (has_union(clang_getCursorType(f))) {
        *(bool *)d = true;
        return CXVisit_Break;
    }
    return CXVisit_Continue;
}

static bool has_union(CXType t)
{
    t = clang_getCanonicalType(t);
    if (ce_type_is_array(t))
        return has_union(clang_getArrayElementType(t));
    if (t.kind != CXType_Record)
        return false;
    CXCursor decl = clang_getTypeDeclaration(t);
    if (clang_getCursorKind(decl) == CXCursor_UnionDecl)
        return true;
    bool found = false;
    clang_Type_visitFields(t, field_union, &found);
    return found;
}

static bool narrow_scalar(CXType t)
{
    t = clang_getCanonicalType(t);
    switch (t.kind) {
    case CXType_Float: case CXType_Double: case CXType_LongDouble: case CXType_Half:
    case CXType_Float16: case CXType_Float128: case CXType_Bool:
        return true;
    case CXType_Complex:
        return narrow_scalar(clang_getElementType(t));
    default:
        return ce_type_is_integer(t) && clang_Type_getSizeOf(t) >= 0
            && clang_Type_getSizeOf(t) < (long long)sizeof(void *);
    }
}

bool ce_typed_narrow_field(ce_fn *fn, CXCursor e)
{
    CXCursor var;
    e = ce_strip(e);
    if (clang_getCursorKind(e) != CXCursor_MemberRefExpr || !narrow_scalar(clang_getCursorType(e))
        || !base_var(e, &var) || has_union(clang_getCursorType(var)))
        return false;
    if (!fn->untyped) {
        untyped u = { fn, ce_map_new() };
        clang_visitChildren(fn->decl, find_untyped, &u);
        fn->untyped = u.set;
    }
    return ce_map_slot(fn->untyped, var, false) == NULL;
}

