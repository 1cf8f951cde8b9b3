/* narrow.c - when does a value narrower than a pointer carry a piece of one?
 * (plugin/gcc/narrow.cc's rule, over Clang's AST and flow-insensitively.)
 *
 * The core's variables are field-insensitive: a load from struct s carries every
 * pointer stored anywhere in s.  A value narrower than a pointer (int, short,
 * char, float, bool) holds a pointer only as a piece of one, so a narrow load
 * carries what its memory holds only when that memory may hold pointer bytes:
 *   - a local with a union in its type, or used untyped: its address used
 *     other than as a direct argument of a call to a user function (memcpy and
 *     friends, casts, copies into pointers, asm);
 *   - a local that received pieces: a store into it (assignment, compound
 *     assignment, initializer) of a value narrower than a pointer that carries;
 *   - memory through a pointer, when some local in memory may hold pointer
 *     bytes: one used untyped whose type can hold a pointer (the plugin's rule),
 *     one written untyped whatever its type (a memcpy's destination, its address
 *     converted to another pointer type, an asm operand), any used untyped when
 *     a memcpy writes through a pointer, or one that received pieces; or when
 *     the function views memory of a pointer-holding type narrowly (a callee
 *     reading its caller's struct in bytes): it converts a pointer to a type
 *     that can hold a pointer into a pointer to void, char, a narrow scalar or
 *     an aggregate with one (not as a direct argument of the gomap runtime or
 *     the library), or dereferences a pointer to a type with a union in it.
 * A value carries when it derives (casts, arithmetic, conditionals, builtins)
 * from a pointer-sized or wider value, a carrying load or local, a parameter or
 * a user function's result; constants, comparisons, `!` and the gomap runtime's
 * integers (gomap_len) carry nothing; whatever is not recognised carries.
 * Pieces and carriers are a fixpoint over the function's stores.  Where pieces
 * leave what we follow, they escape (ce_narrow_store_escapes, ce_narrow_call):
 *   - a carrying narrow value stored through a pointer (the caller may read it
 *     back narrowly from its own local);
 *   - the contents of a local that may hold pointer bytes (a union, used
 *     untyped, received pieces) passed by address to a function, or of one
 *     holding a pointer passed to a parameter of type pointer to void, char or
 *     another narrow scalar (or unprototyped, or variadic): the callee may read
 *     them in pieces;
 *   - what any other pointer argument points to, when the function has pieces.
 * Reading a variable itself always carries (the plugin's SSA values): the graph
 * has the variable's own sources; only loads from memory are filtered.
 */
#include "fe.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Values in fn->untyped: the address is a typed call's argument; it is used
 * untyped; it is written untyped (a memcpy's destination, cast to another
 * pointer type or to void * or char *, an asm operand): pointer bytes may land
 * there whatever its type. */
enum { ADDRESSED = 1, UNTYPED = 2, RAW = 3 };

/* ---- types ------------------------------------------------------------------------ */

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

static bool wide_scalar(CXType t)
{
    return ce_type_is_pointer(t)
        || (ce_type_is_integer(t) && clang_Type_getSizeOf(t) >= (long long)sizeof(void *));
}

static bool is_union(CXType t)
{
    return t.kind == CXType_Record
        && clang_getCursorKind(clang_getTypeDeclaration(t)) == CXCursor_UnionDecl;
}

typedef bool type_pred(CXType t);
typedef struct field_q { type_pred *pred; bool found; } field_q;

static enum CXVisitorResult field_visit(CXCursor f, CXClientData d)
{
    field_q *q = d;
    if (q->pred(clang_getCursorType(f))) {
        q->found = true;
        return CXVisit_Break;
    }
    return CXVisit_Continue;
}

static bool some_field(CXType t, type_pred *pred)
{
    field_q q = { pred, false };
    clang_Type_visitFields(t, field_visit, &q);
    return q.found;
}

static bool has_union(CXType t)
{
    t = clang_getCanonicalType(t);
    if (ce_type_is_array(t))
        return has_union(clang_getArrayElementType(t));
    return is_union(t) || (t.kind == CXType_Record && some_field(t, has_union));
}

/* Can an object of type T hold a pointer (whose bytes a narrow pointer may read)? */
static bool holds_pointer(CXType t)
{
    t = clang_getCanonicalType(t);
    if (ce_type_is_array(t) || t.kind == CXType_Vector)
        return holds_pointer(clang_getElementType(t));
    if (t.kind == CXType_Record)
        return is_union(t) || some_field(t, holds_pointer);
    return wide_scalar(t);
}

/* ---- where a load reads ------------------------------------------------------------- */

/* A local variable or compound literal (through '.' and indexing of arrays),
 * memory through a pointer, a global, or anything else (call results). */
typedef enum { BASE_OTHER, BASE_LOCAL, BASE_POINTER, BASE_GLOBAL } base_kind;

static bool local_decl(CXCursor d)
{
    enum CXCursorKind k = clang_getCursorKind(d);
    return k == CXCursor_ParmDecl
        || (k == CXCursor_VarDecl && !clang_Cursor_hasVarDeclGlobalStorage(d));
}

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
            if (local_decl(*var))
                return BASE_LOCAL;
            return clang_getCursorKind(*var) == CXCursor_VarDecl ? BASE_GLOBAL : BASE_OTHER;
        } else if (kind == CXCursor_CompoundLiteralExpr) {
            *var = e;               /* a local object without a name (expr.c) */
            return BASE_LOCAL;
        } else {
            return BASE_OTHER;
        }
    }
    return BASE_OTHER;
}

/* ---- untyped: addresses used other than as a call's argument ------------------------- */

typedef struct untyped {
    ce_fn *fn;
    ce_map *set;
    bool blind_copy;      /* a memcpy into memory not named as a local */
} untyped;

static void mark(untyped *u, CXCursor e, intptr_t how)
{
    CXCursor var;
    if (load_base(e, &var) == BASE_LOCAL) {
        void **s = ce_map_slot(u->set, var, true);
        if ((intptr_t)*s < how)
            *s = (void *)how;
    }
}

/* &x or an array decaying to its address (through parentheses and implicit
 * conversions such as T * -> const T *, and with CASTS explicit pointer casts
 * too): the object whose address it is. */
static bool address_of(CXTranslationUnit tu, CXCursor e, CXCursor *obj, bool casts)
{
    for (int guard = 0; guard < 64; guard++) {
        CXCursor k[2], arg;
        enum CXCursorKind kind = clang_getCursorKind(e);
        if (kind == CXCursor_ParenExpr && ce_children(e, k, 2) == 1) {
            e = k[0];
        } else if (ce_is_implicit_cast(e, &arg)) {
            if (ce_type_is_array(clang_getCursorType(arg))
                && !ce_type_is_array(clang_getCursorType(e))) {
                *obj = arg;
                return true;
            }
            e = arg;
        } else if (casts && kind == CXCursor_CStyleCastExpr && ce_last_expr_child(e, &arg)
                   && ce_type_is_pointer(clang_getCursorType(e))
                   && (ce_type_is_pointer(clang_getCursorType(arg))
                       || ce_type_is_array(clang_getCursorType(arg)))) {
            e = arg;
        } else if (kind == CXCursor_UnaryOperator && ce_children(e, k, 2) == 1
                   && ce_unary_op(tu, e) == CE_OP_ADDR) {
            *obj = k[0];
            return true;
        } else {
            return false;
        }
    }
    return false;
}

/* The function a call calls directly; false for indirect calls. */
static bool callee_decl(CXCursor call, CXCursor *decl)
{
    CXCursor k[1];
    if (ce_children(call, k, 1) < 1)
        return false;
    CXCursor callee = ce_strip(k[0]);
    *decl = clang_getCursorReferenced(callee);
    return clang_getCursorKind(callee) == CXCursor_DeclRefExpr
        && clang_getCursorKind(*decl) == CXCursor_FunctionDecl;
}

static bool library_call(CXCursor decl)
{
    char *name = ce_string(clang_getCursorSpelling(decl));
    bool lib = ce_library_function(decl, name);
    free(name);
    return lib;
}

static bool gomap_runtime(CXCursor decl)
{
    char *name = ce_string(clang_getCursorSpelling(decl));
    bool rt = !strncmp(name, "gomap_", 6) && clang_getCursorLinkage(decl) == CXLinkage_External;
    free(name);
    return rt;
}

static enum CXChildVisitResult find_untyped(CXCursor c, CXCursor parent, CXClientData d);

static void visit(untyped *u, CXCursor e, CXCursor parent)
{
    if (find_untyped(e, parent, u) == CXChildVisit_Recurse)
        clang_visitChildren(e, find_untyped, u);
}

/* One step along an access path that names memory of the same object: (e),
 * s.f, a[i] of an array a (no address is taken: GCC's ARRAY_REF, COMPONENT_REF).
 * *INDEX: the index to visit, if any. */
static bool path_step(CXCursor e, CXCursor *next, CXCursor *index)
{
    CXCursor k[2];
    *index = clang_getNullCursor();
    switch (clang_getCursorKind(e)) {
    case CXCursor_ParenExpr:
        return ce_children(e, next, 1) == 1;
    case CXCursor_MemberRefExpr:
        return ce_children(e, next, 1) == 1 && !ce_type_is_pointer(clang_getCursorType(*next));
    case CXCursor_ArraySubscriptExpr:
        if (ce_children(e, k, 2) != 2 || !ce_is_implicit_cast(k[0], next)
            || !ce_type_is_array(clang_getCursorType(*next)))
            return false;
        *index = k[1];
        return true;
    default:
        return false;
    }
}

/* An lvalue: the indices along its path, then whatever it starts from. */
static void visit_lvalue(untyped *u, CXCursor e)
{
    CXCursor next, index;
    for (int guard = 0; guard < 256 && path_step(e, &next, &index); guard++) {
        if (!clang_Cursor_isNull(index))
            visit(u, index, e);
        e = next;
    }
    if (clang_getCursorKind(e) != CXCursor_DeclRefExpr)
        visit(u, e, e);
}

/* The argument index a library call copies into, or -1. */
static int copy_destination(CXCursor decl)
{
    char *name = ce_string(clang_getCursorSpelling(decl));
    ce_libc_kind k = ce_libc_lookup(name);
    free(name);
    return k == CE_LIBC_COPY ? 0 : k == CE_LIBC_BCOPY ? 1 : -1;
}

/* A library call: its arguments are used untyped (converted to void * or
 * char * as the library wants), its destination written untyped. */
static void library_args(untyped *u, CXCursor call, CXCursor decl)
{
    CXTranslationUnit tu = u->fn->u->tu;
    int dst = copy_destination(decl);
    ce_cursors k = ce_all_children(call);
    for (int i = 0; i < k.n; i++) {
        CXCursor obj, var;
        base_kind b = i > 0 && address_of(tu, k.v[i], &obj, true)
            ? load_base(obj, &var) : BASE_OTHER;
        if (i > 0 && i - 1 == dst) {
            if (b == BASE_LOCAL)
                mark(u, obj, RAW);
            else if (b != BASE_GLOBAL)
                u->blind_copy = true;       /* through a pointer: maybe a local */
        }
        if (i > 0 && address_of(tu, k.v[i], &obj, false)) {
            mark(u, obj, UNTYPED);
            visit_lvalue(u, obj);
        } else {
            visit(u, k.v[i], call);
        }
    }
    CE_FREE(k);
}

static bool byte_pointer(CXType t)
{
    if (!ce_type_is_pointer(t))
        return false;
    CXType to = clang_getCanonicalType(clang_getPointeeType(clang_getCanonicalType(t)));
    switch (to.kind) {
    case CXType_Void: case CXType_Char_S: case CXType_Char_U:
    case CXType_SChar: case CXType_UChar:
        return true;
    default:
        return false;
    }
}

/* Is PARENT a local's initializer or an assignment to (part of) a local? */
static bool kept_locally(CXCursor parent)
{
    CXCursor k[2], var;
    switch (clang_getCursorKind(parent)) {
    case CXCursor_VarDecl:
        return local_decl(parent);
    case CXCursor_BinaryOperator:
        return ce_children(parent, k, 2) == 2 && load_base(k[0], &var) == BASE_LOCAL;
    default:
        return false;
    }
}

/* &x converted to another pointer type, explicitly or to void * or char * kept
 * in a local (where this function may write through it): written untyped. */
static void conversion(untyped *u, CXCursor c, CXCursor parent)
{
    CXCursor arg, obj;
    CXTranslationUnit tu = u->fn->u->tu;
    CXType to = clang_getCursorType(c);
    if (clang_getCursorKind(c) == CXCursor_CStyleCastExpr) {
        if (ce_last_expr_child(c, &arg) && ce_type_is_pointer(to)
            && address_of(tu, arg, &obj, false)
            && !clang_equalTypes(clang_getCanonicalType(clang_getPointeeType(clang_getCanonicalType(to))),
                                 clang_getCanonicalType(clang_getCursorType(obj))))
            mark(u, obj, RAW);
    } else if (ce_is_implicit_cast(c, &arg) && byte_pointer(to) && kept_locally(parent)
               && ce_type_is_pointer(clang_getCursorType(arg)) && address_of(tu, arg, &obj, false)
               && !byte_pointer(clang_getCursorType(arg))) {
        mark(u, obj, RAW);
    }
}

static enum CXChildVisitResult find_untyped(CXCursor c, CXCursor parent, CXClientData d)
{
    untyped *u = d;
    CXCursor obj, decl;
    CXTranslationUnit tu = u->fn->u->tu;
    enum CXCursorKind kind = clang_getCursorKind(c);
    if (kind == CXCursor_CallExpr && callee_decl(c, &decl) && library_call(decl)) {
        library_args(u, c, decl);
        return CXChildVisit_Continue;
    }
    if (kind == CXCursor_CallExpr && callee_decl(c, &decl)) {
        ce_cursors k = ce_all_children(c);
        for (int i = 0; i < k.n; i++)
            if (i == 0 || !address_of(tu, k.v[i], &obj, false)) {
                visit(u, k.v[i], c);
            } else {
                mark(u, obj, ADDRESSED);
                visit_lvalue(u, obj);
            }
        CE_FREE(k);
        return CXChildVisit_Continue;
    }
    if (path_step(c, &obj, &decl)) {
        visit_lvalue(u, c);
        return CXChildVisit_Continue;
    }
    conversion(u, c, parent);
    if (address_of(tu, c, &obj, false))
        mark(u, obj, UNTYPED);
    else if (kind == CXCursor_GCCAsmStmt) {
        ce_cursors k = ce_all_children(c);
        for (int i = 0; i < k.n; i++)
            mark(u, k.v[i], RAW);
        CE_FREE(k);
    }
    return CXChildVisit_Recurse;
}

static intptr_t untyped_how(ce_fn *fn, CXCursor var)
{
    void **s = ce_map_slot(fn->untyped, var, false);
    return s ? (intptr_t)*s : 0;
}

/* ---- narrow views: memory of a pointer-holding type read in pieces ------------------ */

/* Does T have a narrow scalar somewhere (void: anything)? */
static bool narrow_view_type(CXType t)
{
    t = clang_getCanonicalType(t);
    if (t.kind == CXType_Void || narrow_scalar(t))
        return true;
    if (ce_type_is_array(t) || t.kind == CXType_Vector)
        return narrow_view_type(clang_getElementType(t));
    return t.kind == CXType_Record && some_field(t, narrow_view_type);
}

/* A and B name the same object type (qualifiers aside)? */
static bool same_object(CXType a, CXType b)
{
    a = clang_getCanonicalType(a);
    b = clang_getCanonicalType(b);
    while (ce_type_is_array(a) && ce_type_is_array(b)) {
        a = clang_getCanonicalType(clang_getArrayElementType(a));
        b = clang_getCanonicalType(clang_getArrayElementType(b));
    }
    if (a.kind == CXType_Record && b.kind == CXType_Record)
        return clang_equalCursors(clang_getTypeDeclaration(a), clang_getTypeDeclaration(b));
    return clang_equalTypes(a, b);
}

/* The type what a pointer (or an array decaying to one) of type T points to. */
static bool pointee(CXType t, CXType *to)
{
    t = clang_getCanonicalType(t);
    if (ce_type_is_pointer(t))
        *to = clang_getPointeeType(t);
    else if (ce_type_is_array(t))
        *to = clang_getArrayElementType(t);
    else
        return false;
    return true;
}

/* A conversion (explicit or implicit) from a pointer to a type that can hold a
 * pointer to a pointer through which it is read narrowly (void *, char *, a
 * narrow scalar's, an aggregate with one). */
static bool narrow_conversion(CXCursor c)
{
    CXCursor arg;
    CXType from, to;
    bool cast = clang_getCursorKind(c) == CXCursor_CStyleCastExpr && ce_last_expr_child(c, &arg);
    if (!cast && !ce_is_implicit_cast(c, &arg))
        return false;
    CXType t = clang_getCanonicalType(clang_getCursorType(c));
    return ce_type_is_pointer(t) && pointee(t, &to) && pointee(clang_getCursorType(arg), &from)
        && holds_pointer(from) && narrow_view_type(to) && !same_object(from, to);
}

/* A dereference of a pointer to a type with a union in it (w->h[1], *w, w[i]):
 * the union's narrow members overlay its pointer ones. */
static bool union_deref(CXCursor c)
{
    CXCursor k[2], arr;
    CXType t = clang_getCanonicalType(clang_getCursorType(c));
    switch (clang_getCursorKind(c)) {
    case CXCursor_MemberRefExpr:
        return ce_children(c, k, 2) == 1 && ce_type_is_pointer(clang_getCursorType(k[0]))
            && has_union(clang_getPointeeType(clang_getCanonicalType(clang_getCursorType(k[0]))));
    case CXCursor_ArraySubscriptExpr:
        return ce_children(c, k, 2) == 2
            && !(ce_is_implicit_cast(k[0], &arr) && ce_type_is_array(clang_getCursorType(arr)))
            && has_union(t);
    case CXCursor_UnaryOperator:        /* *p: a pointer operand, a union result */
        return ce_children(c, k, 2) == 1 && ce_type_is_pointer(clang_getCursorType(k[0]))
            && !ce_type_is_pointer(t) && has_union(t);
    default:
        return false;
    }
}

/* Arguments of the gomap runtime and the library: converted to void * for
 * typed copies (keys, values) or handled untyped (find_untyped). */
static void visit_views_args(CXCursor call, ce_fn *fn);

static enum CXChildVisitResult find_view(CXCursor c, CXCursor parent, CXClientData d)
{
    (void)parent;
    ce_fn *fn = d;
    CXCursor decl;
    if (clang_getCursorKind(c) == CXCursor_CallExpr && callee_decl(c, &decl)
        && (gomap_runtime(decl) || library_call(decl))) {
        visit_views_args(c, fn);
        return fn->piece_local ? CXChildVisit_Break : CXChildVisit_Continue;
    }
    if (narrow_conversion(c) || union_deref(c)) {
        fn->piece_local = true;
        return CXChildVisit_Break;
    }
    return CXChildVisit_Recurse;
}

static void visit_views_args(CXCursor call, ce_fn *fn)
{
    ce_cursors k = ce_all_children(call);
    for (int i = 1; i < k.n && !fn->piece_local; i++) {
        CXCursor e = k.v[i], next;
        for (;;) {              /* past the argument's own conversions */
            if (clang_getCursorKind(e) == CXCursor_ParenExpr && ce_children(e, &next, 1) == 1)
                e = next;
            else if (clang_getCursorKind(e) == CXCursor_CStyleCastExpr
                     && ce_last_expr_child(e, &next))
                e = next;
            else if (!ce_is_implicit_cast(e, &e))
                break;
        }
        if (find_view(e, call, fn) == CXChildVisit_Recurse)
            clang_visitChildren(e, find_view, fn);
    }
    CE_FREE(k);
}

/* ---- pieces ------------------------------------------------------------------------ */

/* May the local VAR (as memory) hold pointer bytes? */
static bool local_holds(ce_fn *fn, CXCursor var)
{
    return has_union(clang_getCursorType(var)) || untyped_how(fn, var) >= UNTYPED
        || ce_map_slot(fn->pieces, var, false);
}

/* May the memory E (an lvalue) hold pointer bytes? */
static bool holds_pieces(ce_fn *fn, CXCursor e)
{
    CXCursor var;
    switch (load_base(e, &var)) {
    case BASE_LOCAL:   return local_holds(fn, var);
    case BASE_POINTER: return fn->piece_local;
    case BASE_GLOBAL:  return false;       /* the heap already */
    default:           return true;
    }
}

static ce_op cached_op(ce_fn *fn, CXCursor e, bool binary)
{
    void **s = ce_map_slot(fn->ops, e, true);
    if (!*s)
        *s = (void *)(intptr_t)((binary ? ce_binary_op(fn->u->tu, e)
                                 : ce_unary_op(fn->u->tu, e)) + 1);
    return (ce_op)((intptr_t)*s - 1);
}

static bool carries(ce_fn *fn, CXCursor e);

static bool any_child_carries(ce_fn *fn, CXCursor e, int from)
{
    ce_cursors k = ce_all_children(e);
    bool r = false;
    for (int i = from; i < k.n && !r; i++)
        r = clang_isExpression(clang_getCursorKind(k.v[i])) && carries(fn, k.v[i]);
    CE_FREE(k);
    return r;
}

static bool unary_carries(ce_fn *fn, CXCursor e)
{
    CXCursor k[2];
    if (ce_children(e, k, 2) != 1)
        return true;
    switch (cached_op(fn, e, false)) {
    case CE_OP_DEREF:
        return holds_pieces(fn, e);
    case CE_OP_NOT:
        return false;
    case CE_OP_INCDEC: case CE_OP_ARITH: case CE_OP_EXTENSION:
        return carries(fn, k[0]);
    default:                /* a macro: *p reads memory, anything else derives */
        return ce_type_is_pointer(clang_getCursorType(k[0])) ? fn->piece_local
                                                              : carries(fn, k[0]);
    }
}

static bool binary_carries(ce_fn *fn, CXCursor e)
{
    CXCursor k[3];
    if (ce_children(e, k, 3) != 2)
        return true;
    switch (cached_op(fn, e, true)) {
    case CE_OP_CMP:
        return false;
    case CE_OP_ASSIGN: case CE_OP_COMMA:
        return carries(fn, k[1]);
    default:
        return carries(fn, k[0]) || carries(fn, k[1]);
    }
}

static bool call_carries(ce_fn *fn, CXCursor e)
{
    CXCursor decl;
    if (!callee_decl(e, &decl))
        return true;
    return library_call(decl) ? any_child_carries(fn, e, 1) : true;
}

static bool decl_ref_carries(ce_fn *fn, CXCursor e)
{
    CXCursor d = clang_getCursorReferenced(e);
    switch (clang_getCursorKind(d)) {
    case CXCursor_EnumConstantDecl: return false;
    case CXCursor_ParmDecl:         return true;
    case CXCursor_VarDecl:
        return local_decl(d) ? local_holds(fn, d) : false;   /* globals: the heap */
    default:                        return true;
    }
}

/* An initializer stores each element into its own field: a pointer-sized one
 * holds a whole pointer, read back typed. */
static bool init_list_carries(ce_fn *fn, CXCursor e)
{
    ce_cursors k = ce_all_children(e);
    bool r = false;
    for (int i = 0; i < k.n && !r; i++) {
        CXCursor v = k.v[i], d[2];
        if (!clang_isExpression(clang_getCursorKind(v)))
            continue;
        if (clang_getCursorKind(v) == CXCursor_UnexposedExpr && ce_children(v, d, 2) >= 2
            && !ce_last_expr_child(v, &v))        /* .f = v, [i] = v */
            continue;
        r = !wide_scalar(clang_getCursorType(v)) && carries(fn, v);
    }
    CE_FREE(k);
    return r;
}

/* May the rvalue E carry pointer bits (whole or in pieces)? */
static bool carries(ce_fn *fn, CXCursor e)
{
    CXCursor arg;
    switch (clang_getCursorKind(e)) {
    case CXCursor_IntegerLiteral: case CXCursor_FloatingLiteral:
    case CXCursor_ImaginaryLiteral: case CXCursor_CharacterLiteral:
    case CXCursor_UnaryExpr:        /* sizeof, _Alignof */
    case CXCursor_StringLiteral:    /* char buf[] = "..." */
        return false;
    case CXCursor_CallExpr:
        if (!ce_type_is_pointer(clang_getCursorType(e)) && callee_decl(e, &arg)
            && gomap_runtime(arg))
            return false;           /* gomap_len */
        break;
    default:
        break;
    }
    if (wide_scalar(clang_getCursorType(e)))
        return true;
    switch (clang_getCursorKind(e)) {
    case CXCursor_ParenExpr:
        return any_child_carries(fn, e, 0);
    case CXCursor_CStyleCastExpr:
        return !ce_last_expr_child(e, &arg) || carries(fn, arg);
    case CXCursor_UnexposedExpr:     /* implicit casts, designated initializers */
        return ce_children(e, &arg, 1) == 0 || any_child_carries(fn, e, 0);
    case CXCursor_DeclRefExpr:       return decl_ref_carries(fn, e);
    case CXCursor_MemberRefExpr: case CXCursor_ArraySubscriptExpr:
        return holds_pieces(fn, e);
    case CXCursor_UnaryOperator:     return unary_carries(fn, e);
    case CXCursor_BinaryOperator:    return binary_carries(fn, e);
    case CXCursor_CompoundAssignOperator: return any_child_carries(fn, e, 0);
    case CXCursor_ConditionalOperator:
        return any_child_carries(fn, e, ce_children(e, &arg, 1) == 3 ? 1 : 0);
    case CXCursor_CallExpr:          return call_carries(fn, e);
    case CXCursor_InitListExpr:      return init_list_carries(fn, e);
    case CXCursor_CompoundLiteralExpr:
        return !ce_last_expr_child(e, &arg) || carries(fn, arg);
    case CXCursor_GenericSelectionExpr: return any_child_carries(fn, e, 1);
    default:
        return true;
    }
}

/* ---- the fixpoint over the function's stores ------------------------------------------ */

/* DST = VAL (ALSO: the old value of DST, for compound assignments); VAR: the
 * local stored into; DECL: DST is that local's declaration (an initializer). */
typedef struct store { CXCursor dst, val, also, var; bool decl; } store;
typedef struct stores { ce_fn *fn; CE_VEC(store) v; } stores;

/* Stores into locals of values that are not pointer-sized: assignments (and
 * operators the tokens cannot read: a macro's), compound assignments,
 * initializers. */
static enum CXChildVisitResult find_stores(CXCursor c, CXCursor parent, CXClientData d)
{
    (void)parent;
    stores *s = d;
    CXCursor k[3], var;
    enum CXCursorKind kind = clang_getCursorKind(c);
    if ((kind == CXCursor_CompoundLiteralExpr || (kind == CXCursor_VarDecl && local_decl(c)))
        && !wide_scalar(clang_getCursorType(c)) && ce_last_expr_child(c, &k[0])) {
        store st = { c, k[0], clang_getNullCursor(), c, true };
        CE_PUSH(s->v, st);
    } else if ((kind == CXCursor_BinaryOperator || kind == CXCursor_CompoundAssignOperator)
               && ce_children(c, k, 3) == 2 && !wide_scalar(clang_getCursorType(k[0]))
               && load_base(k[0], &var) == BASE_LOCAL) {
        ce_op op = kind == CXCursor_BinaryOperator ? cached_op(s->fn, c, true) : CE_OP_COMPOUND;
        if (op == CE_OP_ASSIGN || op == CE_OP_COMPOUND || op == CE_OP_UNKNOWN) {
            store st = { k[0], k[1], op == CE_OP_ASSIGN ? clang_getNullCursor() : k[0], var,
                         false };
            CE_PUSH(s->v, st);
        }
    }
    return CXChildVisit_Recurse;
}

static bool note_piece(ce_fn *fn, const store *st)
{
    CXCursor var = st->var;
    void **slot = ce_map_slot(fn->pieces, var, true);
    if (*slot)
        return false;
    *slot = (void *)1;
    /* A narrow variable whose address is never taken is an SSA value for the
     * plugin; anything else is memory some pointer may read. */
    bool whole = st->decl || clang_getCursorKind(ce_strip(st->dst)) == CXCursor_DeclRefExpr;
    if (!whole || !narrow_scalar(clang_getCursorType(var)) || untyped_how(fn, var))
        fn->piece_local = true;
    return true;
}

/* A local used untyped that may hold pointer bytes: one of pointer-holding type,
 * one written untyped, any when a copy writes memory not named here. */
static enum CXChildVisitResult find_pointer_local(CXCursor c, CXCursor parent, CXClientData d)
{
    (void)parent;
    void **a = d;
    ce_fn *fn = a[0];
    bool blind = a[1] != NULL;
    enum CXCursorKind k = clang_getCursorKind(c);
    intptr_t how = k == CXCursor_VarDecl || k == CXCursor_ParmDecl
        || k == CXCursor_CompoundLiteralExpr ? untyped_how(fn, c) : 0;
    if (how == RAW || (how == UNTYPED && (blind || holds_pointer(clang_getCursorType(c))))) {
        fn->piece_local = true;
        return CXChildVisit_Break;
    }
    return CXChildVisit_Recurse;
}

/* Which stores read which locals: a store is looked at again only when a local
 * its value reads receives pieces (or when memory through pointers starts to
 * hold them), so a long chain of copies costs no more than its length. */
typedef CE_VEC(int) ints;
typedef struct readers { ce_map *by_var; CE_VEC(ints *) all; int store; } readers;

static enum CXChildVisitResult note_reader(CXCursor c, CXCursor parent, CXClientData d)
{
    (void)parent;
    readers *r = d;
    enum CXCursorKind k = clang_getCursorKind(c);
    CXCursor var = k == CXCursor_DeclRefExpr ? clang_getCursorReferenced(c) : c;
    if ((k == CXCursor_DeclRefExpr && local_decl(var)) || k == CXCursor_CompoundLiteralExpr) {
        ints **list = (ints **)ce_map_slot(r->by_var, var, true);
        if (!*list) {
            *list = calloc(1, sizeof **list);
            if (!*list) abort();
            CE_PUSH(r->all, *list);
        }
        if (!(*list)->n || (*list)->v[(*list)->n - 1] != r->store)
            CE_PUSH(**list, r->store);
    }
    return CXChildVisit_Recurse;
}

static void note_readers(readers *r, CXCursor e)
{
    if (clang_Cursor_isNull(e))
        return;
    note_reader(e, e, r);
    clang_visitChildren(e, note_reader, r);
}

typedef struct work { CE_VEC(int) list; bool *queued; } work;

static void enqueue(work *w, int i)
{
    if (!w->queued[i]) {
        w->queued[i] = true;
        CE_PUSH(w->list, i);
    }
}

static void fixpoint(ce_fn *fn, const stores *s)
{
    readers r = { ce_map_new(), { 0 }, 0 };
    for (r.store = 0; r.store < s->v.n; r.store++) {
        note_readers(&r, s->v.v[r.store].val);
        note_readers(&r, s->v.v[r.store].also);
    }
    work w = { { 0 }, calloc((size_t)s->v.n + 1, sizeof(bool)) };
    if (!w.queued) abort();
    for (int i = s->v.n - 1; i >= 0; i--)
        enqueue(&w, i);
    while (w.list.n) {
        const store *st = &s->v.v[w.list.v[--w.list.n]];
        w.queued[st - s->v.v] = false;
        bool flag = fn->piece_local;
        if (!(carries(fn, st->val) || (!clang_Cursor_isNull(st->also) && carries(fn, st->also)))
            || !note_piece(fn, st))
            continue;
        if (!flag && fn->piece_local) {
            for (int i = 0; i < s->v.n; i++)
                enqueue(&w, i);
            continue;
        }
        ints **list = (ints **)ce_map_slot(r.by_var, st->var, false);
        for (int i = 0; list && i < (*list)->n; i++)
            enqueue(&w, (*list)->v[i]);
    }
    CE_FREE(w.list);
    free(w.queued);
    for (int i = 0; i < r.all.n; i++) {
        CE_FREE(*r.all.v[i]);
        free(r.all.v[i]);
    }
    CE_FREE(r.all);
    ce_map_free(r.by_var);
}

static void scan(ce_fn *fn)
{
    if (fn->pieces)
        return;
    untyped u = { fn, ce_map_new(), false };
    clang_visitChildren(fn->decl, find_untyped, &u);
    fn->untyped = u.set;
    fn->pieces = ce_map_new();
    fn->ops = ce_map_new();
    void *a[2] = { fn, u.blind_copy ? fn : NULL };
    clang_visitChildren(fn->decl, find_pointer_local, a);
    if (!fn->piece_local)
        clang_visitChildren(fn->decl, find_view, fn);
    stores s = { fn, { 0 } };
    clang_visitChildren(fn->decl, find_stores, &s);
    fixpoint(fn, &s);
    CE_FREE(s.v);
}

void ce_narrow_free(ce_fn *fn)
{
    ce_map_free(fn->untyped);
    ce_map_free(fn->pieces);
    ce_map_free(fn->ops);
    fn->untyped = fn->pieces = fn->ops = NULL;
}

/* ---- what the translation asks ---------------------------------------------------------- */

bool ce_narrow_load_carries(ce_fn *fn, CXCursor e)
{
    if (!narrow_scalar(clang_getCursorType(e)))
        return true;
    scan(fn);
    CXCursor var;
    base_kind b = load_base(e, &var);
    return b == BASE_LOCAL ? local_holds(fn, var) : b == BASE_POINTER ? fn->piece_local : true;
}

bool ce_narrow_store_escapes(ce_fn *fn, CXCursor lhs, CXCursor rhs, bool compound)
{
    CXCursor var;
    if (!narrow_scalar(clang_getCursorType(lhs)) || load_base(lhs, &var) != BASE_POINTER)
        return false;
    scan(fn);
    return carries(fn, rhs) || (compound && carries(fn, lhs));
}

/* May a callee read an object through a parameter of type T in pieces?  (No
 * prototype, or a variadic argument: CXType_Invalid.) */
static bool narrow_reader(CXType t)
{
    if (t.kind == CXType_Invalid)
        return true;
    if (!ce_type_is_pointer(t))
        return false;
    CXType to = clang_getCanonicalType(clang_getPointeeType(clang_getCanonicalType(t)));
    return to.kind == CXType_Void || narrow_scalar(to);
}

static CXType param_type(CXCursor call, int i)
{
    CXCursor k[1];
    CXType ft = { CXType_Invalid, { 0 } };
    if (ce_children(call, k, 1) < 1)
        return ft;
    ft = clang_getCanonicalType(clang_getCursorType(ce_strip(k[0])));
    if (ft.kind == CXType_Pointer)
        ft = clang_getCanonicalType(clang_getPointeeType(ft));
    if (ft.kind != CXType_FunctionProto || i >= clang_getNumArgTypes(ft)) {
        CXType none = { CXType_Invalid, { 0 } };
        return none;
    }
    return clang_getArgType(ft, (unsigned)i);
}

void ce_narrow_call(ce_fn *fn, CXCursor call, const CXCursor *args, const esc_loc *locs, int n)
{
    CXCursor decl, obj, var;
    if (callee_decl(call, &decl) && (gomap_runtime(decl) || library_call(decl)))
        return;
    scan(fn);
    for (int i = 0; i < n; i++) {
        ce_srcs s = { 0 };
        bool local = address_of(fn->u->tu, args[i], &obj, true)
            && load_base(obj, &var) == BASE_LOCAL;
        if (local) {
            bool named = clang_getCursorKind(var) != CXCursor_CompoundLiteralExpr;
            if (local_holds(fn, var)
                || (narrow_reader(param_type(call, i)) && holds_pointer(clang_getCursorType(var))))
                ce_push(&s, named ? ce_var_loc(fn, var) : locs[i], named ? 0 : 1);
        } else if (fn->piece_local && locs[i] != ESC_NOLOC
                   && ce_type_is_pointer(clang_getCursorType(args[i]))) {
            ce_push(&s, locs[i], 1);      /* &p->f, &global, any pointer */
        }
        if (s.n && s.v[0].loc != ESC_NOLOC)
            ce_escape_srcs(fn, &s, call, "pointer pieces passed");
        CE_FREE(s);
    }
}
