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
 *   friends, pointer copies and asm can put pointer bytes where its type says
 *   int.  The core's variables are field-insensitive (a load from s carries
 *   every pointer stored in s); a value narrower than a pointer holds only a
 *   piece of one, and pieces exist only where memory was written untyped.  So,
 *   as the plugin decides (plugin/gcc/translate.cc, "narrow loads"), a narrow
 *   load from memory carries what the memory holds only when: it reads a local
 *   with a union in its type or used untyped, or it reads through a pointer and
 *   some local that can hold a pointer is used untyped.  Reading a variable
 *   itself (the plugin's SSA values) always carries.
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

/* Where a load reads: a local variable (through '.' and indexing of arrays), or
 * memory through a pointer; anything else (globals, call results) is neither. */
typedef enum { BASE_OTHER, BASE_LOCAL, BASE_POINTER } base_kind;

static base_kind load_base(CXCursor e, CXCursor *var)
{
    for (int guard = 0; guard < 256; guard++) {
        CXCursor k[2], arr;
        e = ce_strip(e);
        enum CXCursorKind kind = clang_getCursorKind(e);
        if (kind == CXCursor_ParenExpr && ce_children(e, k, 2) == 1) {
            e = k[0];
        } else if (kind == CXCursor_MemberRefExpr && ce_children(e, k, 2) == 1) {
            if (ce_type_is_pointer(clang_getCursorType(k[0])))
                return BASE_POINTER;
            e = k[0];
        } else if (kind == CXCursor_ArraySubscriptExpr && ce_children(e, k, 2) == 2) {
            if (!ce_is_implicit_cast(k[0], &arr) || !ce_type_is_array(clang_getCursorType(arr)))
                return BASE_POINTER;
            e = arr;
        } else if (kind == CXCursor_UnaryOperator) {
            return BASE_POINTER;      /* only * yields an lvalue */
        } else if (kind == CXCursor_DeclRefExpr) {
            *var = clang_getCursorReferenced(e);
            enum CXCursorKind dk = clang_getCursorKind(*var);
            return dk == CXCursor_ParmDecl || (dk == CXCursor_VarDecl
                                               && !clang_Cursor_hasVarDeclGlobalStorage(*var))
                ? BASE_LOCAL : BASE_OTHER;
        } else {
            return BASE_OTHER;
        }
    }
    return BASE_OTHER;
}

static bool base_var(CXCursor e, CXCursor *var)
{
    return load_base(e, var) == BASE_LOCAL;
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
    if (clang_getCursorKind(clang_getTypeDeclaration(t)) == CXCursor_UnionDecl)
        return true;
    bool found = false;
    clang_Type_visitFields(t, field_union, &found);
    return found;
}

/* Can an object of type T hold a pointer (whose bytes a narrow pointer may read)? */
static bool holds_pointer(CXType t);

static enum CXVisitorResult field_pointer(CXCursor f, CXClientData d)
{
    if (holds_pointer(clang_getCursorType(f))) {
        *(bool *)d = true;
        return CXVisit_Break;
    }
    return CXVisit_Continue;
}

static bool holds_pointer(CXType t)
{
    t = clang_getCanonicalType(t);
    if (ce_type_is_pointer(t))
        return true;
    if (ce_type_is_array(t) || t.kind == CXType_Vector)
        return holds_pointer(clang_getElementType(t));
    if (t.kind == CXType_Record) {
        if (clang_getCursorKind(clang_getTypeDeclaration(t)) == CXCursor_UnionDecl)
            return true;
        bool found = false;
        clang_Type_visitFields(t, field_pointer, &found);
        return found;
    }
    return ce_type_is_integer(t) && clang_Type_getSizeOf(t) >= (long long)sizeof(void *);
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

static ce_map *untyped_set(ce_fn *fn)
{
    if (!fn->untyped) {
        untyped u = { fn, ce_map_new() };
        clang_visitChildren(fn->decl, find_untyped, &u);
        fn->untyped = u.set;
    }
    return fn->untyped;
}

static enum CXChildVisitResult find_pointer_local(CXCursor c, CXCursor parent, CXClientData d)
{
    (void)parent;
    void **a = d;
    ce_fn *fn = a[0];
    enum CXCursorKind k = clang_getCursorKind(c);
    if ((k == CXCursor_VarDecl || k == CXCursor_ParmDecl)
        && ce_map_slot(untyped_set(fn), c, false) && holds_pointer(clang_getCursorType(c))) {
        a[1] = (void *)1;
        return CXChildVisit_Break;
    }
    return CXChildVisit_Recurse;
}

/* Does some local that can hold a pointer have its bytes exposed untyped? */
static bool any_untyped_local(ce_fn *fn)
{
    void *a[2] = { fn, NULL };
    clang_visitChildren(fn->decl, find_pointer_local, a);
    return a[1] != NULL;
}

bool ce_narrow_load_carries(ce_fn *fn, CXCursor e)
{
    CXCursor var;
    if (!narrow_scalar(clang_getCursorType(e)))
        return true;
    switch (load_base(e, &var)) {
    case BASE_LOCAL:
        return has_union(clang_getCursorType(var))
            || ce_map_slot(untyped_set(fn), var, false) != NULL;
    case BASE_POINTER:
        return any_untyped_local(fn);
    default:
        return true;        /* globals are the heap already; temporaries carry */
    }
}

