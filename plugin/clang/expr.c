/* expr.c - Clang expressions as sources (location, derefs), Go's convention.
 *
 * Every local variable and parameter is one ESC_LOC_VAR for the whole function
 * (flow-insensitive, as Go's escape analysis on its AST); globals and static
 * locals are the heap.  An rvalue is a set of sources:
 *
 *     x                 (x, 0)            a local variable's value
 *     &x, arr (decay)   (x, -1)           address of a local
 *     *e, e->f, e[i]    value(e) + 1      load through a pointer
 *     x.f               (x, 0)            field-insensitive
 *     global, "str"     (heap, 0)         an unknown pointer
 *     (T)e              value(e); pointer -> integer escapes (Go's uintptr
 *                       rule), integer -> pointer adds the heap
 *     a = b             assigns, value(b)
 *     f(...)            calls.c
 *
 * and an assignment stores each source through the address sources of its
 * left-hand side: (x, -1) is a flow into x, a pointer is an esc_store, the heap
 * (global memory) an escape.  Operators come from ops.c; when it cannot tell
 * (macros), the types decide, else every reading is taken (sound).  Anything
 * not modelled makes its operands escape and its result unknown.
 */
#include "fe.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* ---- cursor helpers ------------------------------------------------------------ */

typedef struct kids { CXCursor *v; int n, max; } kids;

static enum CXChildVisitResult collect(CXCursor c, CXCursor parent, CXClientData d)
{
    (void)parent;
    kids *k = d;
    if (k->n < k->max)
        k->v[k->n] = c;
    k->n++;
    return CXChildVisit_Continue;
}

int ce_children(CXCursor c, CXCursor *out, int max)
{
    kids k = { out, 0, max };
    clang_visitChildren(c, collect, &k);
    return k.n;
}

static enum CXChildVisitResult collect_all(CXCursor c, CXCursor parent, CXClientData d)
{
    (void)parent;
    ce_cursors *k = d;
    VPUSH(*k, c);
    return CXChildVisit_Continue;
}

ce_cursors ce_all_children(CXCursor c)
{
    ce_cursors k = { 0 };
    clang_visitChildren(c, collect_all, &k);
    return k;
}

static bool same_extent(CXCursor a, CXCursor b)
{
    return clang_equalRanges(clang_getCursorExtent(a), clang_getCursorExtent(b));
}

static bool is_va_list(CXType t)
{
    char *s = ce_string(clang_getTypeSpelling(clang_getCanonicalType(t)));
    bool r = strstr(s, "__va_list") != NULL;
    free(s);
    return r;
}

/* An implicit cast is an UnexposedExpr with one child (its operand) over the same
 * source range; a va_arg is the one such expression reading a va_list. */
static bool is_va_arg(CXCursor e, CXCursor child)
{
    return is_va_list(clang_getCursorType(child)) && !is_va_list(clang_getCursorType(e));
}

bool ce_is_implicit_cast(CXCursor e, CXCursor *child)
{
    CXCursor k[2];
    if (clang_getCursorKind(e) != CXCursor_UnexposedExpr || ce_children(e, k, 2) != 1)
        return false;
    *child = k[0];
    return clang_isExpression(clang_getCursorKind(k[0])) && !is_va_arg(e, k[0])
        && same_extent(e, k[0]);
}

CXCursor ce_strip_parens(CXCursor e)
{
    CXCursor k[2];
    while (clang_getCursorKind(e) == CXCursor_ParenExpr && ce_children(e, k, 2) == 1)
        e = k[0];
    return e;
}

/* Is E (inside parentheses) of a kind that can be an lvalue? */
bool ce_lvalue_kind(CXCursor e)
{
    switch (clang_getCursorKind(ce_strip_parens(e))) {
    case CXCursor_DeclRefExpr: case CXCursor_MemberRefExpr:
    case CXCursor_ArraySubscriptExpr: case CXCursor_UnaryOperator:
    case CXCursor_CompoundLiteralExpr:
        return true;
    default:
        return false;
    }
}

CXCursor ce_strip(CXCursor e)
{
    for (;;) {
        CXCursor k[2];
        if (clang_getCursorKind(e) == CXCursor_ParenExpr && ce_children(e, k, 2) == 1)
            e = k[0];
        else if (!ce_is_implicit_cast(e, &e))
            return e;
    }
}

bool ce_type_is_pointer(CXType t)
{
    t = clang_getCanonicalType(t);
    return t.kind == CXType_Pointer || t.kind == CXType_BlockPointer;
}

bool ce_type_is_integer(CXType t)
{
    t = clang_getCanonicalType(t);
    return (t.kind >= CXType_Char_U && t.kind <= CXType_Int128 && t.kind != CXType_Bool)
        || t.kind == CXType_Enum;
}

bool ce_type_is_array(CXType t)
{
    t = clang_getCanonicalType(t);
    return t.kind == CXType_ConstantArray || t.kind == CXType_IncompleteArray
        || t.kind == CXType_VariableArray || t.kind == CXType_DependentSizedArray;
}

static bool is_function(CXType t)
{
    t = clang_getCanonicalType(t);
    return t.kind == CXType_FunctionProto || t.kind == CXType_FunctionNoProto;
}

/* The expression operand of a cast (the last child; a C-style cast also has a
 * TypeRef child). */
static bool operand_of(CXCursor e, CXCursor *out)
{
    return ce_last_expr_child(e, out);
}

bool ce_last_expr_child(CXCursor c, CXCursor *out)
{
    ce_cursors k = ce_all_children(c);
    int i = k.n - 1;
    while (i >= 0 && !clang_isExpression(clang_getCursorKind(k.v[i])))
        i--;
    if (i >= 0)
        *out = k.v[i];
    VFREE(k);
    return i >= 0;
}

/* ---- locations ---------------------------------------------------------------- */

esc_loc ce_heap(ce_fn *fn)
{
    return esc_heap(fn->u->ctx);
}

int ce_depth_at(ce_fn *fn, CXCursor c)
{
    return ce_point_depth(&fn->loops, ce_offset(clang_getCursorLocation(c)));
}

esc_loc ce_temp(ce_fn *fn, CXCursor at)
{
    return esc_loc_new(fn->ef, ESC_LOC_VALUE, NULL, ce_cursor_pos(at), ce_depth_at(fn, at));
}

void ce_push(ce_srcs *out, esc_loc loc, int derefs)
{
    if (loc == ESC_NOLOC)
        return;
    VPUSH(*out, ((ce_src){ loc, derefs }));
}

static void push_heap(ce_fn *fn, ce_srcs *out)
{
    ce_push(out, ce_heap(fn), 0);
}

static int var_depth(ce_fn *fn, CXCursor decl)
{
    ce_range whole = { 0, ~0u };
    ce_range b = fn->blocks.n ? fn->blocks.v[fn->blocks.n - 1] : whole;
    return ce_var_depth(&fn->loops, b, ce_offset(clang_getCursorLocation(decl)));
}

ce_range ce_extent(CXCursor c)
{
    CXSourceRange r = clang_getCursorExtent(c);
    ce_range x = { ce_offset(clang_getRangeStart(r)), ce_offset(clang_getRangeEnd(r)) };
    return x;
}

static bool is_local_decl(CXCursor d)
{
    enum CXCursorKind k = clang_getCursorKind(d);
    if (k == CXCursor_ParmDecl)
        return true;
    return k == CXCursor_VarDecl && !clang_Cursor_hasVarDeclGlobalStorage(d)
        && !clang_Cursor_hasVarDeclExternalStorage(d);
}

esc_loc ce_var_loc(ce_fn *fn, CXCursor decl)
{
    if (!is_local_decl(decl))
        return ESC_NOLOC;
    void **slot = ce_map_slot(fn->vars, decl, true);
    if (*slot)
        return (esc_loc)(intptr_t)*slot - 1;
    /* A data parameter carries no pointer we follow (the plugin's fe_ssa_loc):
     * its own location, with nothing flowing in. */
    bool data_parm = clang_getCursorKind(decl) == CXCursor_ParmDecl
        && ce_data_type(clang_getCursorType(decl));
    void **param = clang_getCursorKind(decl) == CXCursor_ParmDecl && !data_parm
        ? ce_map_slot(fn->u->params, decl, false) : NULL;
    if (param && !ce_written(fn, decl)) {     /* one value throughout: the parameter */
        *slot = *param;
        return (esc_loc)(intptr_t)*param - 1;
    }
    char *name = ce_string(clang_getCursorSpelling(decl));
    esc_pos pos = ce_cursor_pos(decl);
    bool parm = clang_getCursorKind(decl) == CXCursor_ParmDecl;
    esc_loc l = esc_loc_new(fn->ef, ESC_LOC_VAR, *name ? ce_intern(name) : NULL, pos,
                            parm ? 0 : var_depth(fn, decl));
    free(name);
    *slot = (void *)(intptr_t)(l + 1);
    if (ce_has_union(clang_getCursorType(decl)))
        esc_raw(fn->ef, l);                  /* a union's members overlay its bytes */
    if (parm && !data_parm) {
        if (param)
            esc_param_home(fn->ef, (esc_loc)(intptr_t)*param - 1, l, pos);
        else
            esc_flow(fn->ef, l, ce_heap(fn), 0, pos, "unknown");
    }
    return l;
}

/* A compound literal is an unnamed local object of its block. */
static esc_loc literal_loc(ce_fn *fn, CXCursor e, bool *fresh)
{
    void **slot = ce_map_slot(fn->vars, e, true);
    *fresh = !*slot;
    if (*slot)
        return (esc_loc)(intptr_t)*slot - 1;
    esc_loc l = esc_loc_new(fn->ef, ESC_LOC_VAR, NULL, ce_cursor_pos(e), var_depth(fn, e));
    *slot = (void *)(intptr_t)(l + 1);
    if (ce_has_union(clang_getCursorType(e)))
        esc_raw(fn->ef, l);
    return l;
}

/* ---- edges ---------------------------------------------------------------------- */

void ce_flow_at(ce_fn *fn, esc_loc dst, const ce_srcs *srcs, esc_pos pos, const char *why)
{
    for (int i = 0; i < srcs->n; i++)
        esc_flow(fn->ef, dst, srcs->v[i].loc, srcs->v[i].derefs, pos, why);
}

void ce_flow_srcs(ce_fn *fn, esc_loc dst, const ce_srcs *srcs, CXCursor at,
                  const char *why)
{
    ce_flow_at(fn, dst, srcs, ce_cursor_pos(at), why);
}

static void escape_at(ce_fn *fn, const ce_srcs *srcs, esc_pos pos, const char *why)
{
    for (int i = 0; i < srcs->n; i++)
        esc_escape(fn->ef, srcs->v[i].loc, srcs->v[i].derefs, pos, why);
}

void ce_escape_srcs(ce_fn *fn, const ce_srcs *srcs, CXCursor at, const char *why)
{
    escape_at(fn, srcs, ce_cursor_pos(at), why);
}

/* How the value of RHS arrives (for -m=2): a call's result at the call, as the
 * plugin says; anything else at POS. */
const char *ce_arrival(CXCursor rhs, esc_pos *pos)
{
    CXCursor r = ce_strip(rhs);
    if (clang_getCursorKind(r) != CXCursor_CallExpr)
        return "assign";
    *pos = ce_cursor_pos(r);
    return "call result";
}

esc_loc ce_srcs_loc(ce_fn *fn, const ce_srcs *srcs, CXCursor at)
{
    if (!srcs->n)
        return ESC_NOLOC;
    esc_loc t = ce_temp(fn, at);
    ce_flow_srcs(fn, t, srcs, at, "assign");
    return t;
}

/* -m=2: the global variable an assignment's left side names, as the plugin
 * says it ("store to global cache"); "store to global" when none is named. */
typedef struct gname { char *name; bool lhs_done; } gname;

static enum CXChildVisitResult find_global(CXCursor c, CXCursor parent, CXClientData d)
{
    (void)parent;
    gname *g = d;
    if (clang_getCursorKind(c) == CXCursor_DeclRefExpr) {
        CXCursor v = clang_getCursorReferenced(c);
        enum CX_StorageClass sc = clang_Cursor_getStorageClass(v);
        if (clang_getCursorKind(v) == CXCursor_VarDecl &&
            (sc == CX_SC_Static || sc == CX_SC_Extern ||
             clang_getCursorKind(clang_getCursorSemanticParent(v)) ==
                 CXCursor_TranslationUnit)) {
            g->name = ce_string(clang_getCursorSpelling(v));
            return CXChildVisit_Break;
        }
    }
    return CXChildVisit_Recurse;
}

static enum CXChildVisitResult first_child_global(CXCursor c, CXCursor parent,
                                                  CXClientData d)
{
    (void)parent;
    gname *g = d;
    find_global(c, parent, d);
    if (!g->name) clang_visitChildren(c, find_global, d);
    return CXChildVisit_Break;              /* the left side only */
}

const char *ce_global_why(CXCursor at, char *buf, size_t n)
{
    gname g = { NULL, false };
    if (clang_getCursorKind(at) == CXCursor_VarDecl) {
        g.name = ce_string(clang_getCursorSpelling(at));
    } else {
        clang_visitChildren(at, first_child_global, &g);
    }
    if (g.name && *g.name) snprintf(buf, n, "store to global %s", g.name);
    else snprintf(buf, n, "store to global");
    free(g.name);
    return buf;
}

void ce_store_to(ce_fn *fn, const ce_srcs *addr, const ce_srcs *srcs, bool raw,
                 CXCursor at, esc_pos pos, const char *why)
{
    esc_loc heap = ce_heap(fn);
    for (int i = 0; i < addr->n; i++) {
        ce_src a = addr->v[i];
        if (a.loc == heap) {
            char gw[300];
            escape_at(fn, srcs, pos, ce_global_why(at, gw, sizeof gw));
            continue;
        }
        if (a.derefs < 0) {
            ce_flow_at(fn, a.loc, srcs, pos, why);
            if (raw)
                esc_raw(fn->ef, a.loc);
            continue;
        }
        esc_loc p = a.loc;
        if (a.derefs > 0) {
            p = ce_temp(fn, at);
            esc_flow(fn->ef, p, a.loc, a.derefs, pos, why);
        }
        for (int j = 0; j < srcs->n; j++)
            (raw ? esc_store_raw : esc_store)(fn->ef, p, srcs->v[j].loc, srcs->v[j].derefs,
                                              pos, why);
    }
}

/* The value stored at the addresses ADDR (heap stays heap). */
static void load(ce_fn *fn, const ce_srcs *addr, ce_srcs *out)
{
    esc_loc heap = ce_heap(fn);
    for (int i = 0; i < addr->n; i++)
        ce_push(out, addr->v[i].loc,
                addr->v[i].loc == heap ? 0 : addr->v[i].derefs + 1);
}

/* The load that is E's value (expose.c): a data load that is a copy carries
 * its memory (esc_copy, as the plugin's temporary); any other exposes the
 * memory it reads and carries nothing. */
static void load_of(ce_fn *fn, CXCursor e, const ce_srcs *addr, ce_srcs *out)
{
    if (!ce_data_type(clang_getCursorType(e))) {
        load(fn, addr, out);
        if (ce_type_is_pointer(clang_getCursorType(e)) && ce_any_bytes(fn, e, false))
            push_heap(fn, out);     /* a pointer read out of any bytes: maybe data's */
        return;
    }
    esc_loc heap = ce_heap(fn), copy = ce_copy_load(fn, e) ? ce_temp(fn, e) : ESC_NOLOC;
    bool any = ce_any_bytes(fn, e, false);
    esc_pos pos = ce_cursor_pos(e);
    for (int i = 0; i < addr->n; i++) {
        esc_loc l = addr->v[i].loc;
        int derefs = l == heap ? 0 : addr->v[i].derefs + 1;
        if (copy != ESC_NOLOC)
            esc_copy(fn->ef, copy, l, derefs, any, pos, "copy");
        else if (l != heap)
            esc_expose(fn->ef, l, derefs, any, pos, "pointer bytes read as data");
    }
    ce_push(out, copy, 0);
}

static void discard(ce_fn *fn, CXCursor e)
{
    ce_srcs tmp = { 0 };
    ce_value(fn, e, &tmp);
    VFREE(tmp);
}

static void value_of_kids(ce_fn *fn, CXCursor e, int from, ce_srcs *out)
{
    ce_cursors k = ce_all_children(e);
    for (int i = from; i < k.n; i++)
        if (clang_isExpression(clang_getCursorKind(k.v[i])))
            ce_value(fn, k.v[i], out);
    VFREE(k);
}

void ce_unmodelled(ce_fn *fn, CXCursor e, ce_srcs *out, const char *why)
{
    ce_srcs all = { 0 };
    ce_cursors k = ce_all_children(e);
    for (int i = 0; i < k.n; i++) {
        if (!clang_isExpression(clang_getCursorKind(k.v[i])))
            continue;
        ce_value(fn, k.v[i], &all);
        if (ce_lvalue_kind(ce_strip(k.v[i])))
            ce_address(fn, k.v[i], &all);
    }
    VFREE(k);
    int m = all.n;
    for (int i = 0; i < m; i++)        /* and what they point to, at any level */
        ce_push(&all, all.v[i].loc, all.v[i].derefs + 1);
    ce_escape_srcs(fn, &all, e, why);
    VFREE(all);
    push_heap(fn, out);
}

/* An aggregate lvalue E passed by value to a call or returned: code that may
 * read it typed sees its bytes (as the plugin's fe_expose_aggregate). */
void ce_expose_aggregate(ce_fn *fn, CXCursor e)
{
    CXCursor k;
    while (ce_is_implicit_cast(e, &k) || (clang_getCursorKind(e) == CXCursor_ParenExpr
                                          && ce_children(e, &k, 1) == 1))
        e = k;
    CXType t = clang_getCanonicalType(clang_getCursorType(e));
    if (t.kind != CXType_Record || !ce_lvalue_kind(ce_strip(e)))
        return;
    ce_srcs a = { 0 };
    ce_address(fn, e, &a);
    esc_loc heap = ce_heap(fn);
    for (int i = 0; i < a.n; i++)
        if (a.v[i].loc != heap)
            esc_expose(fn->ef, a.v[i].loc, a.v[i].derefs + 1, false, ce_cursor_pos(e),
                       "raw bytes passed by value");
    VFREE(a);
}

/* ---- casts ------------------------------------------------------------------------ */

static void cast(ce_fn *fn, CXCursor e, CXCursor arg, ce_srcs *out)
{
    CXType from = clang_getCursorType(arg), to = clang_getCursorType(e);
    if (ce_type_is_array(from) && !ce_type_is_array(to)) {
        ce_address(fn, arg, out);
        return;
    }
    if (is_function(from)) {
        push_heap(fn, out);
        return;
    }
    if (ce_type_is_pointer(from) && ce_type_is_integer(to)) {
        ce_srcs conv = { 0 };               /* the integer carries nothing */
        ce_value(fn, arg, &conv);
        ce_escape_srcs(fn, &conv, e, "converted to integer");
        VFREE(conv);
        return;
    }
    if (ce_data_type(to) && !ce_data_type(from)) {
        discard(fn, arg);                   /* bool of a pointer: nothing */
        return;
    }
    if (ce_data_type(to) && ce_data_type(from) && !ce_copied(fn, e, false)) {
        discard(fn, arg);                   /* data carries only copies */
        return;
    }
    ce_value(fn, arg, out);
    if (!ce_type_is_pointer(from) && ce_type_is_pointer(to))
        push_heap(fn, out);                 /* any integer's, a copy's too: unknown */
}

/* The only expression child of E (a va_arg also names its type: a TypeRef). */
static bool single_expr_child(CXCursor e, CXCursor *out)
{
    ce_cursors k = ce_all_children(e);
    int n = 0;
    for (int i = 0; i < k.n; i++)
        if (clang_isExpression(clang_getCursorKind(k.v[i])))
            *out = k.v[n++, i];
    VFREE(k);
    return n == 1;
}

static void unexposed(ce_fn *fn, CXCursor e, ce_srcs *out)
{
    CXCursor k[2], arg;
    int n = ce_children(e, k, 2);
    if (n == 0) {
        if (ce_type_is_pointer(clang_getCursorType(e)))
            push_heap(fn, out);
        return;
    }
    if (single_expr_child(e, &arg) && is_va_arg(e, arg)) {
        /* va_arg(ap, T): ap (decayed) points to the va_list record, which
         * points to the argument save areas: the value is ap [2]; and, as the
         * level is the ABI's business, also unknown */
        ce_srcs ap = { 0 };
        ce_value(fn, arg, &ap);
        for (int i = 0; i < ap.n; i++)
            ce_push(out, ap.v[i].loc, ap.v[i].derefs + 2);
        VFREE(ap);
        push_heap(fn, out);
        return;
    }
    if (n == 1 && clang_isExpression(clang_getCursorKind(k[0]))) {
        cast(fn, e, k[0], out);
        return;
    }
    ce_unmodelled(fn, e, out, "unmodelled");
}

/* ---- operators ---------------------------------------------------------------------- */

static bool same_type(CXType a, CXType b)
{
    return clang_equalTypes(clang_getCanonicalType(a), clang_getCanonicalType(b));
}

/* When the tokens cannot tell: & gives a pointer to the operand's type, * takes
 * one away. */
static ce_op unary_by_type(CXCursor e, CXCursor arg)
{
    CXType te = clang_getCursorType(e), ta = clang_getCursorType(arg);
    if (ce_type_is_pointer(te) && same_type(clang_getPointeeType(clang_getCanonicalType(te)), ta))
        return CE_OP_ADDR;
    if (ce_type_is_pointer(ta) && same_type(clang_getPointeeType(clang_getCanonicalType(ta)), te))
        return CE_OP_DEREF;
    return CE_OP_ARITH;
}

static bool first_two(CXCursor e, CXCursor *a, CXCursor *b)
{
    CXCursor k[3];
    int n = ce_children(e, k, 3);
    if (n < 1)
        return false;
    *a = k[0];
    if (b) {
        if (n != 2)
            return false;
        *b = k[1];
    }
    return true;
}

static void unary(ce_fn *fn, CXCursor e, ce_srcs *out)
{
    CXCursor arg;
    if (!first_two(e, &arg, NULL)) {
        ce_unmodelled(fn, e, out, "unmodelled");
        return;
    }
    ce_op op = ce_unary_op(fn->u->tu, e);
    if (op == CE_OP_UNKNOWN)
        op = unary_by_type(e, arg);
    switch (op) {
    case CE_OP_ADDR:
        ce_address(fn, arg, out);
        return;
    case CE_OP_DEREF: {
        ce_srcs p = { 0 };
        ce_value(fn, arg, &p);
        load_of(fn, e, &p, out);
        VFREE(p);
        return;
    }
    case CE_OP_NOT:
        discard(fn, arg);
        return;
    default:
        if (ce_data_type(clang_getCursorType(e)) && op != CE_OP_EXTENSION)
            discard(fn, arg);               /* data carries nothing (expose.c) */
        else
            ce_value(fn, arg, out);
        return;
    }
}

/* lhs = rhs (or lhs op= rhs): returns the value of the whole expression. */
static void assign(ce_fn *fn, CXCursor e, CXCursor lhs, CXCursor rhs, bool compound,
                   ce_srcs *out)
{
    ce_srcs addr = { 0 }, val = { 0 };
    ce_address(fn, lhs, &addr);
    ce_value(fn, rhs, &val);
    esc_pos pos;
    ce_binary_op_at(fn->u->tu, e, &pos);      /* GCC's position: the operator */
    const char *why = ce_arrival(rhs, &pos);
    bool raw = ce_raw_store(fn, lhs, rhs, compound), data = ce_data_type(clang_getCursorType(lhs));
    if (compound && data) {
        ce_srcs old = { 0 };               /* x op= v reads x: data, nothing */
        load_of(fn, lhs, &addr, &old);
        VFREE(old);
        val.n = 0;
    }
    /* Data written where a pointer's bytes may be read back as a pointer: an
     * integer may carry any exposed address (TS 6010), an unknown pointer. */
    if (raw && data && val.n == 0) {
        if (ce_declared_data_store(fn, lhs))
            raw = false;                    /* data into declared data */
        else
            push_heap(fn, &val);
    }
    if (compound && data) {
        if (raw)
            ce_store_to(fn, &addr, &val, true, e, pos, why);
    } else {
        ce_store_to(fn, &addr, &val, raw, e, pos, why);
        if (compound)
            load_of(fn, lhs, &addr, out);
    }
    for (int i = 0; i < val.n; i++)
        ce_push(out, val.v[i].loc, val.v[i].derefs);
    VFREE(addr);
    VFREE(val);
}

static void binary(ce_fn *fn, CXCursor e, ce_srcs *out)
{
    CXCursor lhs, rhs;
    if (!first_two(e, &lhs, &rhs)) {
        ce_unmodelled(fn, e, out, "unmodelled");
        return;
    }
    ce_op op = ce_binary_op(fn->u->tu, e);
    if (op == CE_OP_UNKNOWN)      /* macro: '=' is possible only at the lhs type */
        op = same_type(clang_getCursorType(e), clang_getCursorType(lhs))
            && ce_lvalue_kind(ce_strip(lhs)) ? CE_OP_COMPOUND : CE_OP_ARITH;
    switch (op) {
    case CE_OP_ASSIGN:
    case CE_OP_COMPOUND:
        assign(fn, e, lhs, rhs, op == CE_OP_COMPOUND, out);
        return;
    case CE_OP_CMP:
        discard(fn, lhs);
        discard(fn, rhs);
        return;
    case CE_OP_COMMA:
        discard(fn, lhs);
        ce_value(fn, rhs, out);
        return;
    default:
        if (ce_data_type(clang_getCursorType(e))) {
            discard(fn, lhs);               /* data carries nothing (expose.c) */
            discard(fn, rhs);
            return;
        }
        ce_value(fn, lhs, out);
        ce_value(fn, rhs, out);
        return;
    }
}

static void compound_assign(ce_fn *fn, CXCursor e, ce_srcs *out)
{
    CXCursor lhs, rhs;
    if (!first_two(e, &lhs, &rhs))
        ce_unmodelled(fn, e, out, "unmodelled");
    else
        assign(fn, e, lhs, rhs, true, out);
}

static void conditional(ce_fn *fn, CXCursor e, ce_srcs *out)
{
    CXCursor k[3];
    int n = ce_children(e, k, 3);
    if (n != 3) {
        ce_unmodelled(fn, e, out, "unmodelled");
        return;
    }
    discard(fn, k[0]);
    ce_value(fn, k[1], out);
    ce_value(fn, k[2], out);
}

static void compound_literal(ce_fn *fn, CXCursor e, ce_srcs *out, int derefs)
{
    bool fresh;
    esc_loc l = literal_loc(fn, e, &fresh);
    if (fresh) {
        ce_srcs init = { 0 };
        value_of_kids(fn, e, 0, &init);
        ce_flow_srcs(fn, l, &init, e, "assign");
        VFREE(init);
        if (ce_copied(fn, e, true))
            esc_raw(fn->ef, l);
    }
    if (derefs == 0 && ce_data_type(clang_getCursorType(e))) {
        ce_srcs a = { 0 };              /* (int){ ... } read: a data load */
        ce_push(&a, l, -1);
        load_of(fn, e, &a, out);
        VFREE(a);
        return;
    }
    ce_push(out, l, derefs);
}

/* ({ ...; e; }) - the statements, then the value of the last one. */
static void stmt_expr(ce_fn *fn, CXCursor e, ce_srcs *out)
{
    CXCursor body;
    if (!first_two(e, &body, NULL) || clang_getCursorKind(body) != CXCursor_CompoundStmt) {
        ce_unmodelled(fn, e, out, "unmodelled");
        return;
    }
    ce_cursors k = ce_all_children(body);
    VPUSH(fn->blocks, ce_extent(body));
    for (int i = 0; i < k.n; i++) {
        if (i == k.n - 1 && clang_isExpression(clang_getCursorKind(k.v[i])))
            ce_value(fn, k.v[i], out);
        else
            ce_stmt(fn, k.v[i]);
    }
    fn->blocks.n--;
    VFREE(k);
}

static void decl_ref_value(ce_fn *fn, CXCursor e, ce_srcs *out)
{
    CXCursor d = clang_getCursorReferenced(e);
    switch (clang_getCursorKind(d)) {
    case CXCursor_VarDecl:
    case CXCursor_ParmDecl: {
        esc_loc l = ce_var_loc(fn, d);
        if (l == ESC_NOLOC) {
            push_heap(fn, out);
        } else if (ce_data_type(clang_getCursorType(e)) && !ce_register_local(fn, d)) {
            ce_srcs a = { 0 };          /* a local in memory: a data load */
            ce_push(&a, l, -1);
            load_of(fn, e, &a, out);
            VFREE(a);
        } else {
            ce_push(out, l, 0);
        }
        return;
    }
    case CXCursor_EnumConstantDecl:
        return;
    default:
        push_heap(fn, out);         /* functions, anything unexpected */
        return;
    }
}

/* { a, .f = b, [2] = c }: a designated initializer is an UnexposedExpr whose
 * children are the designators (references, index constants) and the value. */
static enum CXChildVisitResult init_elem(CXCursor c, CXCursor parent, CXClientData d)
{
    (void)parent;
    void **a = d;
    CXCursor k[2];
    if (!clang_isExpression(clang_getCursorKind(c)))
        return CXChildVisit_Continue;
    if (clang_getCursorKind(c) == CXCursor_UnexposedExpr && ce_children(c, k, 2) >= 2)
        value_of_kids(a[0], c, 0, a[1]);
    else
        ce_value(a[0], c, a[1]);
    return CXChildVisit_Continue;
}

static void init_list(ce_fn *fn, CXCursor e, ce_srcs *out)
{
    void *a[2] = { fn, out };
    clang_visitChildren(e, init_elem, a);
}

static void generic_selection(ce_fn *fn, CXCursor e, ce_srcs *out)
{
    value_of_kids(fn, e, 1, out);   /* any association may be the chosen one */
}

void ce_value(ce_fn *fn, CXCursor e, ce_srcs *out)
{
    switch (clang_getCursorKind(e)) {
    case CXCursor_ParenExpr:        value_of_kids(fn, e, 0, out); return;
    case CXCursor_UnexposedExpr:    unexposed(fn, e, out); return;
    case CXCursor_CStyleCastExpr: {
        CXCursor arg;
        if (operand_of(e, &arg))
            cast(fn, e, arg, out);
        return;
    }
    case CXCursor_DeclRefExpr:      decl_ref_value(fn, e, out); return;
    case CXCursor_IntegerLiteral: case CXCursor_FloatingLiteral:
    case CXCursor_ImaginaryLiteral: case CXCursor_CharacterLiteral:
    case CXCursor_UnaryExpr:        /* sizeof, _Alignof */
        return;
    case CXCursor_StringLiteral: case CXCursor_AddrLabelExpr:
        push_heap(fn, out);
        return;
    case CXCursor_UnaryOperator:    unary(fn, e, out); return;
    case CXCursor_BinaryOperator:   binary(fn, e, out); return;
    case CXCursor_CompoundAssignOperator: compound_assign(fn, e, out); return;
    case CXCursor_ConditionalOperator: conditional(fn, e, out); return;
    case CXCursor_CallExpr:         ce_call(fn, e, out); return;
    case CXCursor_MemberRefExpr:
    case CXCursor_ArraySubscriptExpr: {
        ce_srcs a = { 0 };
        ce_address(fn, e, &a);
        load_of(fn, e, &a, out);
        VFREE(a);
        return;
    }
    case CXCursor_InitListExpr:     init_list(fn, e, out); return;
    case CXCursor_CompoundLiteralExpr: compound_literal(fn, e, out, 0); return;
    case CXCursor_StmtExpr:         stmt_expr(fn, e, out); return;
    case CXCursor_GenericSelectionExpr: generic_selection(fn, e, out); return;
    default:
        ce_unmodelled(fn, e, out, "unmodelled");
        return;
    }
}

/* ---- addresses ------------------------------------------------------------------------ */

/* The address of an rvalue (a struct returned by a call, ...): a temporary. */
static void rvalue_address(ce_fn *fn, CXCursor e, ce_srcs *out)
{
    ce_srcs v = { 0 };
    ce_value(fn, e, &v);
    esc_loc t = esc_loc_new(fn->ef, ESC_LOC_VAR, NULL, ce_cursor_pos(e), var_depth(fn, e));
    ce_flow_srcs(fn, t, &v, e, "assign");
    VFREE(v);
    ce_push(out, t, -1);
}

static void member_address(ce_fn *fn, CXCursor e, ce_srcs *out)
{
    CXCursor base;
    if (!first_two(e, &base, NULL)) {
        push_heap(fn, out);
        return;
    }
    if (ce_type_is_pointer(clang_getCursorType(base)))
        ce_value(fn, base, out);                /* p->f */
    else
        ce_address(fn, base, out);              /* s.f */
}

static void subscript_address(ce_fn *fn, CXCursor e, ce_srcs *out)
{
    CXCursor a, b;
    if (!first_two(e, &a, &b)) {
        ce_unmodelled(fn, e, out, "unmodelled");
        return;
    }
    if (!ce_type_is_pointer(clang_getCursorType(a)) && ce_type_is_pointer(clang_getCursorType(b))) {
        CXCursor t = a;     /* i[p] */
        a = b;
        b = t;
    }
    ce_value(fn, a, out);
    discard(fn, b);         /* a pointer turned integer has escaped already */
}

static void unary_address(ce_fn *fn, CXCursor e, ce_srcs *out)
{
    CXCursor arg;
    if (!first_two(e, &arg, NULL)) {
        push_heap(fn, out);
        return;
    }
    ce_op op = ce_unary_op(fn->u->tu, e);
    if (op == CE_OP_UNKNOWN)
        op = unary_by_type(e, arg);
    if (op == CE_OP_DEREF)
        ce_value(fn, arg, out);
    else if (op == CE_OP_EXTENSION)
        ce_address(fn, arg, out);
    else
        rvalue_address(fn, e, out);
}

void ce_address(ce_fn *fn, CXCursor e, ce_srcs *out)
{
    CXCursor k[2];
    switch (clang_getCursorKind(e)) {
    case CXCursor_ParenExpr:
        if (first_two(e, &k[0], NULL))
            ce_address(fn, k[0], out);
        return;
    case CXCursor_DeclRefExpr: {
        CXCursor d = clang_getCursorReferenced(e);
        esc_loc l = ce_var_loc(fn, d);
        if (l == ESC_NOLOC)
            push_heap(fn, out);                 /* globals, functions */
        else
            ce_push(out, l, -1);
        return;
    }
    case CXCursor_MemberRefExpr:        member_address(fn, e, out); return;
    case CXCursor_ArraySubscriptExpr:   subscript_address(fn, e, out); return;
    case CXCursor_UnaryOperator:        unary_address(fn, e, out); return;
    case CXCursor_CompoundLiteralExpr:  compound_literal(fn, e, out, -1); return;
    case CXCursor_StringLiteral:        push_heap(fn, out); return;
    default:
        rvalue_address(fn, e, out);
        return;
    }
}
