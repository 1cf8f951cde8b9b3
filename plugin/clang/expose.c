/* expose.c - the exposure rule over Clang's AST (docs/design.md "Soundness",
 * the same classification as plugin/gcc/narrow.cc's on GIMPLE).
 *
 * ISO/IEC TS 6010 (PNVI-ae-udi): a pointer can be rebuilt from integers only if
 * its storage was exposed, i.e. its bytes were read as non-pointer data.  So a
 * *data load* - an lvalue of non-pointer scalar type (integer of any width,
 * enum, bool, floating, complex, vector) read as an rvalue, which Clang marks
 * with an implicit lvalue-to-rvalue conversion - either
 *   - is a *copy*: its value only lands in memory again (directly the right
 *     operand of `=` or the initializer of a memory object, through parentheses,
 *     `?:`, `,` and conversions between scalars of the same size); it carries
 *     what its memory holds (esc_copy: at once for an any-bytes access, else
 *     only when that memory may be raw), and when it is an any-bytes access the
 *     store receiving it writes raw bytes (esc_store_raw, esc_raw; typed copies
 *     of raw memory are raw by the core's propagation); or
 *   - *exposes* the memory it reads (esc_expose) and carries nothing.
 * Integers are not followed through arithmetic, comparisons or calls; a pointer
 * made from bytes that may be data is unknown instead (design.md "Pointers
 * rebuilt from data": expr.c's cast, load_of and assign; a typed write of a
 * declared data field or element, ce_declared_data_store, is not one).
 *
 * Locals: Clang has no SSA.  A scalar local whose address is never taken (nor
 * an asm operand, nor volatile) is what GCC makes an SSA name: reading it is no
 * load; a load stored into it is a copy only if every read of it is again a
 * copy (a fixpoint: copy_only), and a store of it writes raw bytes if it holds
 * any-bytes copies (holds).  Every other local is memory.
 *
 * A data load is an *any-bytes* access (esc_expose with any: its memory's
 * contents escape at once) when the lvalue may read any object's bytes: a
 * character type, a type with may_alias (the lvalue's, a record's on its access
 * path, a dereferenced pointer's pointee), a member of a union, a load through
 * a pointer whose origin is `&x` of a local (or an array of one) viewed as
 * another type (`*(T *)&x`), or a pointer whose declared pointee type holds
 * pointers and differs from the access type (`((uint16_t *)pm)[i]`, pm a
 * `gomap **`; void pointees are not such views), and every data access under
 * an explicit -fno-strict-aliasing.  Anything else is typed: the core exposes
 * it only when the memory read may be raw.  A store through an any-bytes
 * lvalue writes raw bytes too, as does a store through a pointer whose
 * declared pointee (not void) is not the stored type (`*(gomap **)half = m`).
 */
#include "fe.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* ---- types ------------------------------------------------------------------------ */

bool ce_data_type(CXType t)
{
    t = clang_getCanonicalType(t);
    switch (t.kind) {
    case CXType_Bool: case CXType_Float: case CXType_Double: case CXType_LongDouble:
    case CXType_Half: case CXType_Float16: case CXType_Float128: case CXType_Complex:
    case CXType_Vector: case CXType_ExtVector:
        return true;
    case CXType_Atomic:
        return ce_data_type(clang_Type_getValueType(t));
    default:
        return ce_type_is_integer(t);
    }
}

static bool is_union(CXType t)
{
    t = clang_getCanonicalType(t);
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

/* Can an object of type T hold a pointer?  A union can when one of its members
 * can: the members of a union of data (int and float) overlay data with data,
 * and pointer bytes get into them only as into any data, by a raw store. */
static bool holds_pointer(CXType t)
{
    t = clang_getCanonicalType(t);
    if (ce_type_is_array(t) || t.kind == CXType_Vector)
        return holds_pointer(clang_getElementType(t));
    if (t.kind == CXType_Record)
        return some_field(t, holds_pointer);
    return ce_type_is_pointer(t);
}

static bool pointer_union(CXType t)
{
    return is_union(t) && holds_pointer(t);
}

bool ce_has_union(CXType t)
{
    t = clang_getCanonicalType(t);
    if (ce_type_is_array(t))
        return ce_has_union(clang_getArrayElementType(t));
    return pointer_union(t) || (t.kind == CXType_Record && some_field(t, ce_has_union));
}

static bool char_type(CXType t)
{
    switch (clang_getCanonicalType(t).kind) {
    case CXType_Char_S: case CXType_Char_U: case CXType_SChar: case CXType_UChar:
        return true;
    default:
        return false;
    }
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
    if (a.kind != b.kind)
        return false;
    if (a.kind == CXType_Record || a.kind == CXType_Enum)
        return clang_equalCursors(clang_getTypeDeclaration(a), clang_getTypeDeclaration(b));
    if (ce_type_is_pointer(a) || ce_type_is_array(a) || a.kind == CXType_Complex
        || a.kind == CXType_Vector)
        return clang_equalTypes(a, b)
            || (clang_Type_getSizeOf(a) == clang_Type_getSizeOf(b)
                && same_object(clang_getPointeeType(a), clang_getPointeeType(b)));
    return true;                        /* the same builtin kind */
}

/* A scalar conversion that keeps the bytes: between integers, enums and
 * pointers of the same size (GCC's NOP conversions). */
static bool same_size_scalar(CXType a, CXType b)
{
    bool ia = ce_type_is_integer(a) || ce_type_is_pointer(a);
    bool ib = ce_type_is_integer(b) || ce_type_is_pointer(b);
    return ia && ib && clang_Type_getSizeOf(a) == clang_Type_getSizeOf(b)
        && clang_Type_getSizeOf(a) > 0;
}

static const char *const may_alias_words[] = { "may_alias", "__may_alias__", NULL };

/* Does T (a typedef on the way, or the record) carry may_alias? */
static bool may_alias(CXTranslationUnit tu, CXType t)
{
    for (int guard = 0; guard < 32; guard++) {
        if (t.kind == CXType_Elaborated) {
            t = clang_Type_getNamedType(t);
        } else if (t.kind == CXType_Typedef) {
            CXCursor d = clang_getTypeDeclaration(t);
            if (ce_has_attr(tu, d, may_alias_words))
                return true;
            t = clang_getTypedefDeclUnderlyingType(d);
        } else if (t.kind == CXType_Attributed) {
            t = clang_Type_getModifiedType(t);
        } else {
            t = clang_getCanonicalType(t);
            if (ce_type_is_array(t))
                return may_alias(tu, clang_getArrayElementType(t));
            return t.kind == CXType_Record
                && ce_has_attr(tu, clang_getTypeDeclaration(t), may_alias_words);
        }
    }
    return false;
}

/* ---- lvalues --------------------------------------------------------------------- */

static bool local_decl(CXCursor d)
{
    enum CXCursorKind k = clang_getCursorKind(d);
    return k == CXCursor_ParmDecl
        || (k == CXCursor_VarDecl && !clang_Cursor_hasVarDeclGlobalStorage(d)
            && !clang_Cursor_hasVarDeclExternalStorage(d));
}

/* E is an implicit lvalue-to-rvalue conversion of a data lvalue: *LV. */
static bool data_read(CXCursor e, CXCursor *lv)
{
    CXCursor k;
    if (!ce_is_implicit_cast(e, &k) || !ce_lvalue_kind(k))
        return false;
    CXType te = clang_getCanonicalType(clang_getCursorType(e));
    CXType tk = clang_getCanonicalType(clang_getCursorType(k));
    if (!ce_data_type(te) || te.kind != tk.kind
        || clang_Type_getSizeOf(te) != clang_Type_getSizeOf(tk))
        return false;
    *lv = ce_strip_parens(k);
    return true;
}

/* The local a DeclRefExpr E names (null cursor otherwise). */
static bool named_local(CXCursor e, CXCursor *var)
{
    e = ce_strip_parens(e);
    if (clang_getCursorKind(e) != CXCursor_DeclRefExpr)
        return false;
    *var = clang_getCursorReferenced(e);
    return local_decl(*var);
}

/* ---- per function state ------------------------------------------------------------ */

/* A scalar local GCC keeps in SSA form. */
typedef struct reg {
    CXCursor var;
    bool used;            /* read other than as a copy */
    bool holds;           /* receives an any-bytes copy load or a holding register */
    VEC(int) into;     /* registers this one is copied into */
    VEC(int) from;     /* registers copied into this one */
} reg;

typedef enum { C_USE, C_DISCARD, C_MEM, C_REG } ctx_kind;
typedef struct ctx { ctx_kind k; int reg; } ctx;

struct ce_expose {
    ce_map *addressed;    /* locals whose address is taken (or asm operands) */
    ce_map *regs;         /* register-like local -> index + 1 */
    VEC(reg) r;
    ce_map *loads;        /* data lvalue cursor -> ctx (k + 1, reg << 8) */
    VEC(CXCursor) into_regs;   /* loads stored into registers (see fixpoint) */
    ce_map *defs;         /* local pointer -> ce_cursors * of the values stored in it */
    VEC(ce_cursors *) all_defs;
    bool no_strict_aliasing;
};

static ce_op op_of(ce_fn *fn, CXCursor e, bool binary)
{
    return binary ? ce_binary_op(fn->u->tu, e) : ce_unary_op(fn->u->tu, e);
}

/* ---- pass 1: addresses taken ------------------------------------------------------------ */

/* The object lvalue E is part of: through parentheses, members (not through a
 * pointer) and subscripts of arrays (&x, &(x), &x.f, &a[i] are all x). */
static CXCursor object_base(CXCursor e)
{
    for (int guard = 0; guard < 256; guard++) {
        CXCursor k[2], arr;
        e = ce_strip_parens(e);
        if (clang_getCursorKind(e) == CXCursor_MemberRefExpr && ce_children(e, k, 2) == 1
            && !ce_type_is_pointer(clang_getCursorType(k[0])))
            e = k[0];
        else if (clang_getCursorKind(e) == CXCursor_ArraySubscriptExpr
                 && ce_children(e, k, 2) == 2 && ce_is_implicit_cast(k[0], &arr)
                 && ce_type_is_array(clang_getCursorType(arr)))
            e = arr;
        else
            break;
    }
    return e;
}

static void note_addressed(ce_fn *fn, CXCursor e)
{
    CXCursor var;
    if (named_local(object_base(e), &var))
        *ce_map_slot(fn->expose->addressed, var, true) = (void *)1;
}

static enum CXChildVisitResult find_addressed(CXCursor c, CXCursor parent, CXClientData d)
{
    (void)parent;
    ce_fn *fn = d;
    CXCursor k[2];
    enum CXCursorKind kind = clang_getCursorKind(c);
    if (kind == CXCursor_UnaryOperator && ce_children(c, k, 2) == 1) {
        ce_op op = op_of(fn, c, false);
        if (op == CE_OP_ADDR || (op == CE_OP_UNKNOWN && ce_type_is_pointer(clang_getCursorType(c))))
            note_addressed(fn, k[0]);
    } else if (kind == CXCursor_GCCAsmStmt) {
        ce_cursors a = ce_all_children(c);
        for (int i = 0; i < a.n; i++)
            note_addressed(fn, a.v[i]);
        VFREE(a);
    }
    return CXChildVisit_Recurse;
}

static int reg_of(ce_fn *fn, CXCursor var)
{
    void **s = ce_map_slot(fn->expose->regs, var, false);
    return s ? (int)(intptr_t)*s - 1 : -1;
}

static int make_reg(ce_fn *fn, CXCursor var)
{
    struct ce_expose *x = fn->expose;
    int i = reg_of(fn, var);
    if (i >= 0)
        return i;
    CXType t = clang_getCursorType(var);
    if (!local_decl(var) || !ce_data_type(t) || clang_isVolatileQualifiedType(t)
        || ce_map_slot(x->addressed, var, false))
        return -1;
    reg r;
    memset(&r, 0, sizeof r);
    r.var = var;
    VPUSH(x->r, r);
    *ce_map_slot(x->regs, var, true) = (void *)(intptr_t)x->r.n;
    return x->r.n - 1;
}

/* ---- pass 2: where every data load's value goes ------------------------------------------ */

static void walk(ce_fn *fn, CXCursor e, ctx c);
static void walk_stmt(ce_fn *fn, CXCursor s);

static const ctx USE = { C_USE, -1 };

/* The lvalue LV is read in context C. */
static void note_read(ce_fn *fn, CXCursor lv, ctx c)
{
    struct ce_expose *x = fn->expose;
    CXCursor var;
    if (named_local(lv, &var) && reg_of(fn, var) >= 0) {
        int i = reg_of(fn, var);
        if (c.k == C_USE) {
            x->r.v[i].used = true;
        } else if (c.k == C_REG) {
            VPUSH(x->r.v[i].into, c.reg);
            VPUSH(x->r.v[c.reg].from, i);
        }
        return;
    }
    if (c.k == C_REG)
        VPUSH(x->into_regs, lv);
    void **s = ce_map_slot(x->loads, lv, true);
    intptr_t v = (intptr_t)(c.k + 1) | ((intptr_t)(c.reg + 1) << 8);
    if (*s && (intptr_t)*s != v)          /* read twice differently: a use */
        v = C_USE + 1;
    *s = (void *)v;
}

/* The subexpressions of lvalue E (it is not read itself). */
static void walk_lvalue(ce_fn *fn, CXCursor e)
{
    CXCursor k[2];
    e = ce_strip_parens(e);
    switch (clang_getCursorKind(e)) {
    case CXCursor_DeclRefExpr:
        return;
    case CXCursor_MemberRefExpr:
        if (ce_children(e, k, 2) == 1) {
            if (ce_type_is_pointer(clang_getCursorType(k[0])))
                walk(fn, k[0], USE);
            else
                walk_lvalue(fn, k[0]);
        }
        return;
    case CXCursor_CompoundLiteralExpr:
        walk(fn, e, USE);
        return;
    default:                 /* *p, p[i], and anything else: its operands are values */
        {
            ce_cursors a = ce_all_children(e);
            for (int i = 0; i < a.n; i++)
                if (clang_isExpression(clang_getCursorKind(a.v[i])))
                    walk(fn, a.v[i], USE);
            VFREE(a);
        }
        return;
    }
}

/* Where a store into lvalue LHS puts its value. */
static ctx target(ce_fn *fn, CXCursor lhs)
{
    CXCursor var;
    int i;
    if (named_local(lhs, &var) && (i = reg_of(fn, var)) >= 0)
        return (ctx){ C_REG, i };
    return (ctx){ C_MEM, -1 };
}

static void walk_kids(ce_fn *fn, CXCursor e, int from, ctx c)
{
    ce_cursors a = ce_all_children(e);
    for (int i = from; i < a.n; i++)
        if (clang_isExpression(clang_getCursorKind(a.v[i])))
            walk(fn, a.v[i], c);
        else
            walk_stmt(fn, a.v[i]);
    VFREE(a);
}

/* { a, .f = b, [2] = c }: each element initializes memory (a scalar's braces:
 * the scalar). */
static void walk_init_list(ce_fn *fn, CXCursor e, ctx c)
{
    CXType t = clang_getCanonicalType(clang_getCursorType(e));
    ctx ec = t.kind == CXType_Record || ce_type_is_array(t) || t.kind == CXType_Vector
        ? (ctx){ C_MEM, -1 } : c;
    ce_cursors a = ce_all_children(e);
    for (int i = 0; i < a.n; i++) {
        CXCursor v = a.v[i], d[2];
        if (!clang_isExpression(clang_getCursorKind(v)))
            continue;
        if (clang_getCursorKind(v) == CXCursor_UnexposedExpr && ce_children(v, d, 2) >= 2) {
            CXCursor last;          /* designators, then the value */
            if (ce_last_expr_child(v, &last)) {
                ce_cursors dk = ce_all_children(v);
                for (int j = 0; j < dk.n; j++)
                    if (!clang_equalCursors(dk.v[j], last)
                        && clang_isExpression(clang_getCursorKind(dk.v[j])))
                        walk(fn, dk.v[j], USE);
                VFREE(dk);
                walk(fn, last, ec);
            }
            continue;
        }
        walk(fn, v, ec);
    }
    VFREE(a);
}

/* A value stored into the local pointer VAR (punned_pointer follows them). */
static void note_def(ce_fn *fn, CXCursor var, CXCursor val)
{
    struct ce_expose *x = fn->expose;
    if (!ce_type_is_pointer(clang_getCursorType(var)))
        return;
    ce_cursors **s = (ce_cursors **)ce_map_slot(x->defs, var, true);
    if (!*s) {
        *s = calloc(1, sizeof **s);
        if (!*s) abort();
        VPUSH(x->all_defs, *s);
    }
    VPUSH(**s, val);
}

static void walk_assign(ce_fn *fn, CXCursor lhs, CXCursor rhs, ctx c)
{
    CXCursor var;
    if (named_local(lhs, &var))
        note_def(fn, var, rhs);
    ctx t = target(fn, lhs);
    if (c.k != C_DISCARD && !(c.k == C_MEM && t.k == C_MEM))
        t = USE;                       /* the assignment's own value is used */
    walk_lvalue(fn, lhs);
    walk(fn, rhs, t);
}

static void walk(ce_fn *fn, CXCursor e, ctx c)
{
    CXCursor k[3], lv;
    enum CXCursorKind kind = clang_getCursorKind(e);
    switch (kind) {
    case CXCursor_ParenExpr:
        walk_kids(fn, e, 0, c);
        return;
    case CXCursor_UnexposedExpr:
        if (data_read(e, &lv)) {
            note_read(fn, lv, c);
            walk_lvalue(fn, lv);
            return;
        }
        if (ce_is_implicit_cast(e, &k[0])) {
            if (ce_lvalue_kind(k[0]) && !ce_type_is_array(clang_getCursorType(k[0]))
                && clang_getCanonicalType(clang_getCursorType(k[0])).kind != CXType_FunctionProto)
                walk_lvalue(fn, k[0]);      /* a pointer or aggregate read */
            else if (ce_type_is_array(clang_getCursorType(k[0])))
                walk_lvalue(fn, k[0]);      /* decay: the address */
            else
                walk(fn, k[0], same_size_scalar(clang_getCursorType(e),
                                                clang_getCursorType(k[0])) ? c : USE);
            return;
        }
        walk_kids(fn, e, 0, USE);
        return;
    case CXCursor_CStyleCastExpr: {
        CXCursor arg;
        if (!ce_last_expr_child(e, &arg))
            return;
        CXType to = clang_getCanonicalType(clang_getCursorType(e));
        walk(fn, arg, to.kind == CXType_Void ? (ctx){ C_DISCARD, -1 }
             : same_size_scalar(to, clang_getCursorType(arg)) ? c : USE);
        return;
    }
    case CXCursor_BinaryOperator:
        if (ce_children(e, k, 3) != 2)
            break;
        switch (op_of(fn, e, true)) {
        case CE_OP_ASSIGN:
            walk_assign(fn, k[0], k[1], c);
            return;
        case CE_OP_COMMA:
            walk(fn, k[0], (ctx){ C_DISCARD, -1 });
            walk(fn, k[1], c);
            return;
        case CE_OP_ARITH: case CE_OP_CMP:
            walk(fn, k[0], USE);
            walk(fn, k[1], USE);
            return;
        default:                    /* a macro's operator: maybe op=, a read */
            note_read(fn, ce_strip_parens(k[0]), USE);
            walk_lvalue(fn, k[0]);
            walk(fn, k[1], USE);
            return;
        }
    case CXCursor_CompoundAssignOperator:
        if (ce_children(e, k, 3) != 2)
            break;
        note_read(fn, ce_strip_parens(k[0]), USE);
        walk_lvalue(fn, k[0]);
        walk(fn, k[1], USE);
        return;
    case CXCursor_UnaryOperator:
        if (ce_children(e, k, 2) != 1)
            break;
        switch (op_of(fn, e, false)) {
        case CE_OP_ADDR:
            walk_lvalue(fn, k[0]);
            return;
        case CE_OP_INCDEC:
            note_read(fn, ce_strip_parens(k[0]), USE);
            walk_lvalue(fn, k[0]);
            return;
        case CE_OP_DEREF:           /* an lvalue reached as a value: the pointer */
            walk(fn, k[0], USE);
            return;
        default:
            if (ce_lvalue_kind(k[0]) && ce_data_type(clang_getCursorType(k[0]))
                && !data_read(k[0], &lv))
                note_read(fn, ce_strip_parens(k[0]), USE);   /* __real__ x, unknown */
            walk(fn, k[0], USE);
            return;
        }
    case CXCursor_ConditionalOperator: {
        int n = ce_children(e, k, 3);
        if (n == 3) {
            walk(fn, k[0], USE);
            walk(fn, k[1], c);
            walk(fn, k[2], c);
            return;
        }
        break;
    }
    case CXCursor_InitListExpr:
        walk_init_list(fn, e, c);
        return;
    case CXCursor_CompoundLiteralExpr:
        walk_kids(fn, e, 0, (ctx){ C_MEM, -1 });
        return;
    case CXCursor_UnaryExpr:            /* sizeof, _Alignof: not evaluated */
    case CXCursor_DeclRefExpr: case CXCursor_IntegerLiteral: case CXCursor_FloatingLiteral:
    case CXCursor_ImaginaryLiteral: case CXCursor_CharacterLiteral:
    case CXCursor_StringLiteral:
        return;
    case CXCursor_MemberRefExpr: case CXCursor_ArraySubscriptExpr:
        walk_lvalue(fn, e);
        return;
    case CXCursor_StmtExpr:
        walk_kids(fn, e, 0, USE);
        return;
    default:
        break;
    }
    walk_kids(fn, e, 0, USE);
}

static void walk_var(ce_fn *fn, CXCursor d)
{
    CXCursor init;
    bool has = ce_last_expr_child(d, &init);
    ce_cursors a = ce_all_children(d);
    for (int i = 0; i < a.n; i++) {
        if (has && clang_equalCursors(a.v[i], init))
            continue;
        if (clang_isExpression(clang_getCursorKind(a.v[i])))
            walk(fn, a.v[i], USE);      /* array bounds */
    }
    VFREE(a);
    if (has) {
        int r = reg_of(fn, d);
        if (local_decl(d))
            note_def(fn, d, init);
        walk(fn, init, r >= 0 ? (ctx){ C_REG, r } : (ctx){ C_MEM, -1 });
    }
}

/* The condition of a for statement: between its first two ';' at depth one. */
static bool for_condition(ce_fn *fn, CXCursor s, CXCursor e)
{
    CXTranslationUnit tu = fn->u->tu;
    CXToken *t = NULL;
    unsigned n = 0, semi[2] = { 0, 0 };
    int depth = 0, found = 0;
    clang_tokenize(tu, clang_getCursorExtent(s), &t, &n);
    for (unsigned i = 0; i < n && found < 2; i++) {
        char *sp = ce_string(clang_getTokenSpelling(tu, t[i]));
        if (!strcmp(sp, "(") || !strcmp(sp, "[") || !strcmp(sp, "{"))
            depth++;
        else if (!strcmp(sp, ")") || !strcmp(sp, "]") || !strcmp(sp, "}"))
            depth--;
        else if (!strcmp(sp, ";") && depth == 1)
            semi[found++] = ce_offset(clang_getTokenLocation(tu, t[i]));
        free(sp);
    }
    if (t)
        clang_disposeTokens(tu, t, n);
    unsigned at = ce_extent(e).begin;
    return found < 2 || (at > semi[0] && at < semi[1]);
}

static void walk_stmt(ce_fn *fn, CXCursor s)
{
    enum CXCursorKind kind = clang_getCursorKind(s);
    if (clang_isExpression(kind)) {
        walk(fn, s, (ctx){ C_DISCARD, -1 });
        return;
    }
    if (kind == CXCursor_VarDecl) {
        walk_var(fn, s);
        return;
    }
    if (kind == CXCursor_FunctionDecl || kind == CXCursor_StructDecl
        || kind == CXCursor_UnionDecl || kind == CXCursor_EnumDecl
        || kind == CXCursor_TypedefDecl)
        return;
    ce_cursors a = ce_all_children(s);
    for (int i = 0; i < a.n; i++) {
        CXCursor c = a.v[i];
        if (!clang_isExpression(clang_getCursorKind(c))) {
            walk_stmt(fn, c);
            continue;
        }
        bool cond;              /* a value the statement uses, or a statement */
        switch (kind) {
        case CXCursor_IfStmt: case CXCursor_WhileStmt: case CXCursor_SwitchStmt:
            cond = i == 0;
            break;
        case CXCursor_DoStmt:
            cond = i == a.n - 1;
            break;
        case CXCursor_ForStmt:
            cond = i < a.n - 1 && for_condition(fn, s, c);
            break;
        case CXCursor_CompoundStmt: case CXCursor_LabelStmt: case CXCursor_DefaultStmt:
            cond = false;
            break;
        case CXCursor_CaseStmt:
            cond = i < a.n - 1;
            break;
        default:                /* return, asm operands, goto *p, ... */
            cond = true;
            break;
        }
        walk(fn, c, cond ? USE : (ctx){ C_DISCARD, -1 });
    }
    VFREE(a);
}

static enum CXChildVisitResult find_regs(CXCursor c, CXCursor parent, CXClientData d)
{
    (void)parent;
    if (clang_getCursorKind(c) == CXCursor_VarDecl || clang_getCursorKind(c) == CXCursor_ParmDecl)
        make_reg(d, c);
    return CXChildVisit_Recurse;
}

/* How the value of the data lvalue LV is used (C_USE if never seen); *REG for
 * C_REG. */
static ctx_kind load_ctx(struct ce_expose *x, CXCursor lv, int *reg)
{
    void **s = ce_map_slot(x->loads, ce_strip_parens(lv), false);
    intptr_t v = s ? (intptr_t)*s : C_USE + 1;
    *reg = (int)(v >> 8) - 1;
    return (ctx_kind)((v & 0xff) - 1);
}

/* copy_only: no read but copies into memory or copy-only registers; holds:
 * copy-only and receives an any-bytes copy load or a holding register's value. */
static void fixpoint(ce_fn *fn, struct ce_expose *x)
{
    VEC(int) w = { 0 };
    for (int i = 0; i < x->r.n; i++)
        if (x->r.v[i].used)
            VPUSH(w, i);
    while (w.n) {                       /* used flows back along the copies */
        reg *s = &x->r.v[w.v[--w.n]];
        for (int j = 0; j < s->from.n; j++)
            if (!x->r.v[s->from.v[j]].used) {
                x->r.v[s->from.v[j]].used = true;
                VPUSH(w, s->from.v[j]);
            }
    }
    for (int i = 0; i < x->into_regs.n; i++) {
        int r;
        CXCursor lv = x->into_regs.v[i];
        if (load_ctx(x, lv, &r) == C_REG && !x->r.v[r].used && !x->r.v[r].holds
            && ce_any_bytes(fn, lv, false)) {
            x->r.v[r].holds = true;
            VPUSH(w, r);
        }
    }
    while (w.n) {                       /* holds flows forward */
        reg *s = &x->r.v[w.v[--w.n]];
        for (int j = 0; j < s->into.n; j++) {
            reg *t = &x->r.v[s->into.v[j]];
            if (!t->used && !t->holds) {
                t->holds = true;
                VPUSH(w, s->into.v[j]);
            }
        }
    }
    VFREE(w);
}

static struct ce_expose *scan(ce_fn *fn)
{
    if (fn->expose)
        return fn->expose;
    struct ce_expose *x = calloc(1, sizeof *x);
    if (!x) abort();
    fn->expose = x;
    x->addressed = ce_map_new();
    x->regs = ce_map_new();
    x->loads = ce_map_new();
    x->defs = ce_map_new();
    x->no_strict_aliasing = fn->u->opt->no_strict_aliasing;
    clang_visitChildren(fn->decl, find_addressed, fn);
    clang_visitChildren(fn->decl, find_regs, fn);
    ce_cursors a = ce_all_children(fn->decl);
    if (a.n)
        walk_stmt(fn, a.v[a.n - 1]);
    VFREE(a);
    fixpoint(fn, x);
    return x;
}

void ce_expose_free(ce_fn *fn)
{
    struct ce_expose *x = fn->expose;
    if (!x)
        return;
    ce_map_free(x->addressed);
    ce_map_free(x->regs);
    ce_map_free(x->loads);
    VFREE(x->into_regs);
    ce_map_free(x->defs);
    for (int i = 0; i < x->all_defs.n; i++) {
        VFREE(*x->all_defs.v[i]);
        free(x->all_defs.v[i]);
    }
    VFREE(x->all_defs);
    for (int i = 0; i < x->r.n; i++) {
        VFREE(x->r.v[i].into);
        VFREE(x->r.v[i].from);
    }
    VFREE(x->r);
    free(x);
    fn->expose = NULL;
}

/* ---- any bytes ------------------------------------------------------------------------ */

/* GCC's TYPE_MAIN_VARIANT of the element type. */
static CXType strip_arrays(CXType t)
{
    t = clang_getCanonicalType(t);
    while (ce_type_is_array(t))
        t = clang_getCanonicalType(clang_getArrayElementType(t));
    return t;
}

/* Is DECLARED (a pointer's pointee type) a declaration of pointer-holding
 * contents that ACCESS views as something else?  Void and character pointees
 * (slots, byte buffers) declare nothing.  STORE: of any contents (pointer
 * bytes written where data is declared). */
static bool punned_view(CXType declared, CXType access, bool store)
{
    CXType d = clang_getCanonicalType(declared);
    if (d.kind == CXType_Void || (!store && !holds_pointer(d)))
        return false;
    return !same_object(strip_arrays(d), strip_arrays(access));
}

/* The object whose address &OBJ is: the type of its base (a local or global
 * variable, or what a pointer points to), as GCC's get_base_address. */
static CXType base_type(CXCursor obj)
{
    obj = object_base(obj);
    if (clang_getCursorKind(obj) == CXCursor_MemberRefExpr) {    /* p->f: *p */
        CXCursor k[2];
        if (ce_children(obj, k, 2) == 1)
            return clang_getPointeeType(clang_getCanonicalType(clang_getCursorType(k[0])));
    }
    return clang_getCursorType(obj);
}

/* Does the pointer P, or a pointer it was converted, copied or offset from
 * (DEPTH steps, through the values stored into a local pointer whose address
 * is never taken: GCC's SSA definitions), declare a pointer-holding pointee
 * other than ACCESS? */
static bool punned_pointer(ce_fn *fn, CXCursor p, CXType access, int depth, bool store)
{
    struct ce_expose *x = fn->expose;
    CXTranslationUnit tu = fn->u->tu;
    for (; depth >= 0; depth--) {
        CXCursor k[3], arg, var;
        p = ce_strip_parens(p);
        CXType t = clang_getCursorType(p);
        if (ce_type_is_pointer(t)) {
            if (may_alias(tu, clang_getPointeeType(t)))
                return true;
            if (punned_view(clang_getPointeeType(clang_getCanonicalType(t)), access, store))
                return true;
        }
        enum CXCursorKind kind = clang_getCursorKind(p);
        if (ce_is_implicit_cast(p, &arg)) {
            if (data_read(p, &var) || ce_type_is_array(clang_getCursorType(arg)))
                return false;
            if (ce_lvalue_kind(arg) && named_local(arg, &var)) {
                void **s = ce_map_slot(x->defs, var, false);
                if (!s || ce_map_slot(x->addressed, var, false))
                    return false;
                ce_cursors *defs = *s;
                for (int i = 0; i < defs->n; i++)
                    if (punned_pointer(fn, defs->v[i], access, depth - 1, store))
                        return true;
                return false;
            }
            p = arg;
        } else if (kind == CXCursor_CStyleCastExpr && ce_last_expr_child(p, &arg)
                   && ce_type_is_pointer(clang_getCursorType(arg))) {
            p = arg;
        } else if (kind == CXCursor_BinaryOperator && ce_children(p, k, 3) == 2
                   && op_of(fn, p, true) == CE_OP_ARITH) {
            p = ce_type_is_pointer(clang_getCursorType(k[0])) ? k[0] : k[1];
        } else if (kind == CXCursor_BinaryOperator && ce_children(p, k, 3) == 2
                   && op_of(fn, p, true) == CE_OP_ASSIGN) {
            p = k[1];
        } else {
            return false;
        }
    }
    return false;
}

/* Is ACCESS (the type *p has) a view of what pointer P points to: a pointer
 * with may_alias, `*(T *)&x` with T other than x's type (GCC's MEM[&x]), or
 * a punned pointer? */
static bool pointer_view(ce_fn *fn, CXCursor p, CXType access, bool store)
{
    CXCursor q = ce_strip_parens(p), arg, k[3], obj = clang_getNullCursor();
    for (int guard = 0; guard < 64; guard++) {   /* casts and offsets of &x, arrays */
        if (clang_getCursorKind(q) == CXCursor_CStyleCastExpr && ce_last_expr_child(q, &arg)
            && ce_type_is_pointer(clang_getCursorType(arg))) {
            q = ce_strip_parens(arg);
        } else if (ce_is_implicit_cast(q, &arg) && ce_type_is_array(clang_getCursorType(arg))) {
            obj = ce_strip_parens(arg);
            break;
        } else if (ce_is_implicit_cast(q, &arg) && ce_type_is_pointer(clang_getCursorType(arg))
                   && !ce_lvalue_kind(arg)) {
            q = ce_strip_parens(arg);
        } else if (clang_getCursorKind(q) == CXCursor_BinaryOperator && ce_children(q, k, 3) == 2
                   && op_of(fn, q, true) == CE_OP_ARITH) {
            q = ce_strip_parens(ce_type_is_pointer(clang_getCursorType(k[0])) ? k[0] : k[1]);
        } else {
            if (clang_getCursorKind(q) == CXCursor_UnaryOperator && ce_children(q, k, 2) == 1
                && op_of(fn, q, false) == CE_OP_ADDR)
                obj = ce_strip_parens(k[0]);
            break;
        }
    }
    if (!clang_Cursor_isNull(obj)) {
        if (same_object(access, clang_getCursorType(obj)))
            return false;                    /* *(T *)&x.f of its own type: x.f */
        return !same_object(strip_arrays(base_type(obj)), strip_arrays(access));
    }
    return punned_pointer(fn, p, access, 8, store);
}

bool ce_any_bytes(ce_fn *fn, CXCursor e, bool store)
{
    struct ce_expose *x = scan(fn);
    CXTranslationUnit tu = fn->u->tu;
    CXType t = clang_getCursorType(e);
    if (x->no_strict_aliasing)
        return true;
    if ((char_type(t) && ce_data_type(t)) || may_alias(tu, t))
        return true;
    for (int guard = 0; guard < 256; guard++) {
        CXCursor k[2], arr;
        e = ce_strip_parens(e);
        switch (clang_getCursorKind(e)) {
        case CXCursor_MemberRefExpr: {
            if (ce_children(e, k, 2) != 1)
                return true;
            CXType bt = clang_getCursorType(k[0]);
            if (ce_type_is_pointer(bt)) {
                CXType pt = clang_getPointeeType(clang_getCanonicalType(bt));
                return pointer_union(pt) || pointer_view(fn, k[0], pt, store);
            }
            if (pointer_union(bt) || may_alias(tu, bt))
                return true;
            e = k[0];
            break;
        }
        case CXCursor_ArraySubscriptExpr:
            if (ce_children(e, k, 2) != 2)
                return true;
            if (ce_is_implicit_cast(k[0], &arr) && ce_type_is_array(clang_getCursorType(arr))) {
                if (may_alias(tu, clang_getCursorType(arr)))
                    return true;
                e = arr;
                break;
            }
            if (!ce_type_is_pointer(clang_getCursorType(k[0])))
                k[0] = k[1];                     /* i[p] */
            return pointer_view(fn, k[0], clang_getCursorType(e), store);
        case CXCursor_UnaryOperator:
            if (ce_children(e, k, 2) != 1)
                return true;
            return pointer_view(fn, k[0], clang_getCursorType(e), store);
        default:
            return false;
        }
    }
    return true;
}

/* ---- what the translation asks ------------------------------------------------------------ */

bool ce_register_local(ce_fn *fn, CXCursor var)
{
    scan(fn);
    return reg_of(fn, var) >= 0;
}

bool ce_copy_load(ce_fn *fn, CXCursor e)
{
    struct ce_expose *x = scan(fn);
    int r;
    ctx_kind k = load_ctx(x, e, &r);
    return k == C_MEM || k == C_DISCARD || (k == C_REG && r >= 0 && !x->r.v[r].used);
}

/* Does the value E (an assignment's right operand, an initializer) carry a
 * copy (RAW: raw bytes, an any-bytes copy load or a register holding one),
 * through the same steps the walk lets copies through? */
bool ce_copied(ce_fn *fn, CXCursor e, bool raw)
{
    struct ce_expose *x = scan(fn);
    for (int guard = 0; guard < 256; guard++) {
        CXCursor k[3], lv, var;
        e = ce_strip_parens(e);
        switch (clang_getCursorKind(e)) {
        case CXCursor_UnexposedExpr:
            if (data_read(e, &lv)) {
                int r;
                if (named_local(lv, &var) && (r = reg_of(fn, var)) >= 0)
                    return raw ? x->r.v[r].holds : !x->r.v[r].used;
                return ce_copy_load(fn, lv) && (!raw || ce_any_bytes(fn, lv, false));
            }
            if (ce_is_implicit_cast(e, &k[0])
                && same_size_scalar(clang_getCursorType(e), clang_getCursorType(k[0]))) {
                e = k[0];
                break;
            }
            return false;
        case CXCursor_CStyleCastExpr:
            if (!ce_last_expr_child(e, &k[0]))
                return false;
            if (ce_type_is_pointer(clang_getCursorType(k[0]))
                && ce_type_is_integer(clang_getCursorType(e)))
                return true;                    /* a pointer's bytes as an integer */
            if (!same_size_scalar(clang_getCursorType(e), clang_getCursorType(k[0])))
                return false;
            e = k[0];
            break;
        case CXCursor_ConditionalOperator:
            if (ce_children(e, k, 3) != 3)
                return false;
            if (ce_copied(fn, k[1], raw))
                return true;
            e = k[2];
            break;
        case CXCursor_BinaryOperator:
            if (ce_children(e, k, 3) != 2)
                return false;
            switch (op_of(fn, e, true)) {
            case CE_OP_COMMA: case CE_OP_ASSIGN:
                e = k[1];
                break;
            default:
                return false;
            }
            break;
        case CXCursor_InitListExpr: case CXCursor_CompoundLiteralExpr: {
            ce_cursors a = ce_all_children(e);
            bool found = false;
            for (int i = 0; i < a.n && !found; i++) {
                CXCursor v = a.v[i], d[2];
                if (!clang_isExpression(clang_getCursorKind(v)))
                    continue;
                if (clang_getCursorKind(v) == CXCursor_UnexposedExpr
                    && ce_children(v, d, 2) >= 2 && !ce_last_expr_child(v, &v))
                    continue;
                found = ce_copied(fn, v, raw);
            }
            VFREE(a);
            return found;
        }
        default:
            return false;
        }
    }
    return true;
}

bool ce_raw_store(ce_fn *fn, CXCursor lhs, CXCursor rhs, bool compound)
{
    return ce_any_bytes(fn, lhs, true)
        || (!compound && ce_data_type(clang_getCursorType(lhs)) && ce_copied(fn, rhs, true));
}

bool ce_declared_data_store(ce_fn *fn, CXCursor e)
{
    CXTranslationUnit tu = fn->u->tu;
    bool component = false;
    if (!ce_data_type(clang_getCursorType(e)) || may_alias(tu, clang_getCursorType(e)))
        return false;
    for (int guard = 0; guard < 256; guard++) {
        CXCursor k[2], arr;
        e = ce_strip_parens(e);
        switch (clang_getCursorKind(e)) {
        case CXCursor_MemberRefExpr: {
            if (ce_children(e, k, 2) != 1)
                return false;
            CXType bt = clang_getCursorType(k[0]);
            if (ce_type_is_pointer(bt)) {            /* p->f: a field of *p as declared */
                CXType pt = clang_getPointeeType(clang_getCanonicalType(bt));
                return !pointer_union(pt) && !may_alias(tu, pt) && !pointer_view(fn, k[0], pt, true);
            }
            if (pointer_union(bt) || may_alias(tu, bt))
                return false;
            e = k[0];
            component = true;
            break;
        }
        case CXCursor_ArraySubscriptExpr:           /* of a declared array; p[i] may be anywhere */
            if (ce_children(e, k, 2) != 2 || !ce_is_implicit_cast(k[0], &arr)
                || !ce_type_is_array(clang_getCursorType(arr)) || may_alias(tu, clang_getCursorType(arr)))
                return false;
            e = arr;
            component = true;
            break;
        case CXCursor_DeclRefExpr:
            return component;
        default:
            return false;
        }
    }
    return false;
}

/* Is the unary operator U (operand X) `&`?  Its token (ce_unary_op), or in a macro
 * expansion, where the token is the macro's name, its type: the only unary
 * operator giving a pointer to its operand's type. */
static bool address_of(ce_fn *fn, CXCursor u, CXCursor x)
{
    if (ce_unary_op(fn->u->tu, u) == CE_OP_ADDR)
        return true;
    CXType t = clang_getCanonicalType(clang_getCursorType(u));
    return t.kind == CXType_Pointer
        && clang_equalTypes(clang_getCanonicalType(clang_getPointeeType(t)),
                            clang_getCanonicalType(clang_getCursorType(x)));
}

/* Is E a declared object: a variable (or a by-value parameter), a field of one
 * (`s.f`, not `p->f`), an element of a declared array (not `p[i]`), a compound
 * literal?  Only there is the memory known to hold an object of E's type. */
static bool declared_object(CXCursor e)
{
    for (int step = 0; step < 64; step++) {
        CXCursor k[2], arr;
        e = ce_strip_parens(e);
        switch (clang_getCursorKind(e)) {
        case CXCursor_DeclRefExpr: {
            enum CXCursorKind d = clang_getCursorKind(clang_getCursorReferenced(e));
            return d == CXCursor_VarDecl || d == CXCursor_ParmDecl;
        }
        case CXCursor_CompoundLiteralExpr:
            return true;
        case CXCursor_MemberRefExpr:
            if (ce_children(e, k, 2) != 1 || ce_type_is_pointer(clang_getCursorType(k[0])))
                return false;
            e = k[0];
            break;
        case CXCursor_ArraySubscriptExpr:
            if (ce_children(e, k, 2) != 2 || !ce_is_implicit_cast(k[0], &arr)
                || !ce_type_is_array(clang_getCursorType(arr)))
                return false;
            e = arr;
            break;
        default:
            return false;
        }
    }
    return false;
}

/* gomap.h's gostring (through typedefs and qualifiers). */
static bool is_gostring(CXType t)
{
    for (int i = 0; i < 8 && t.kind == CXType_Elaborated; i++)
        t = clang_Type_getNamedType(t);
    for (int i = 0; i < 8 && t.kind == CXType_Typedef; i++) {
        CXString n = clang_getTypedefName(t);
        bool is = !strcmp(clang_getCString(n), "gostring");
        clang_disposeString(n);
        if (is)
            return true;
        t = clang_getTypedefDeclUnderlyingType(clang_getTypeDeclaration(t));
    }
    return false;
}

/* How the map runtime's read of a key reads the memory the key argument K points
 * to (esc_key_read; the plugin's calls.cc: callsite_key_read, without the map's
 * descriptor, so always as for a key type of unknown size): back through
 * parentheses and casts to `&x` (x's type), a character view on the way reads
 * bytes; memory that holds pointers is read as data (a key of unknown size may
 * read any of its bytes), except a gostring (a string key), other memory typed.  A pointer from elsewhere (a
 * parameter, arithmetic, a call) may point into any object: bytes; except a
 * `void *` variable, taken for an iterator's key slot (the plugin checks that
 * only gomap_iter_next writes it, over maps of the key type). */
int ce_key_read(ce_fn *fn, CXCursor k)
{
    for (int step = 0; step < 16; step++) {
        CXType t = clang_getCanonicalType(clang_getCursorType(k));
        if (t.kind == CXType_Pointer) {
            CXType p = clang_getCanonicalType(clang_getPointeeType(t));
            while (ce_type_is_array(p))
                p = clang_getCanonicalType(clang_getArrayElementType(p));
            if (char_type(p))
                return ESC_KEY_BYTES;
        }
        enum CXCursorKind kind = clang_getCursorKind(k);
        if (kind != CXCursor_ParenExpr && kind != CXCursor_CStyleCastExpr
            && kind != CXCursor_UnexposedExpr)
            break;
        CXCursor c[2];
        if (ce_children(k, c, 2) != 1)
            break;
        k = c[0];
    }
    CXCursor c[2];
    if (is_gostring(clang_getCursorType(k)))
        return ESC_KEY_STRING;  /* a faststr form's key by value, taken for a string map's */
    CXType kt = clang_getCanonicalType(clang_getCursorType(k));
    if (kt.kind == CXType_Pointer
        && clang_getCanonicalType(clang_getPointeeType(kt)).kind == CXType_Void) {
        CXCursor d = clang_getCursorReferenced(k);
        return clang_getCursorKind(k) == CXCursor_DeclRefExpr
               && clang_getCursorKind(d) == CXCursor_VarDecl ? ESC_KEY_TYPED : ESC_KEY_BYTES;
    }
    if (clang_getCursorKind(k) != CXCursor_UnaryOperator || ce_children(k, c, 2) != 1
        || !address_of(fn, k, c[0]) || !declared_object(c[0]))
        return ESC_KEY_BYTES;   /* `&p->k`, `&xs[i]` of a pointer: anyone's memory */
    CXType target = clang_getCanonicalType(clang_getCursorType(c[0]));
    CXType elem = target;
    while (ce_type_is_array(elem))
        elem = clang_getCanonicalType(clang_getArrayElementType(elem));
    if (char_type(elem) || clang_Type_getSizeOf(target) <= 0)
        return ESC_KEY_BYTES;
    if (is_gostring(clang_getCursorType(c[0])))
        return ESC_KEY_STRING;  /* gomap.h's string key */
    return target.kind == CXType_Pointer || holds_pointer(target) ? ESC_KEY_BYTES : ESC_KEY_TYPED;
}

