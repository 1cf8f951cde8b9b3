/* narrow.cc - when does a load narrower than a pointer carry one?
 *
 * The core's variables are field-insensitive: a load from struct s carries every
 * pointer stored anywhere in s.  A value narrower than a pointer (int, short,
 * char, float, bool) holds a pointer only as a piece of one, and pieces exist only
 * where memory was written untyped.  So a narrow load carries what its memory
 * holds only when that memory may hold pointer bytes:
 *   - a local variable with a union in its type, or used untyped: its address
 *     given to a builtin (memcpy), cast or copied into a pointer, taken in a
 *     MEM_REF store, a PHI or asm (passing &s directly to a function is a
 *     typed use); a MEM_REF load of &x reads x through another type;
 *   - memory through a pointer, when some local of the function that can hold a
 *     pointer is used untyped (a char or uint32_t pointer walking over a
 *     pointer's bytes);
 *   - a piece of an SSA value (BIT_FIELD_REF, VIEW_CONVERT_EXPR).
 * Not followed: pieces stored into a narrow field by typed stores, and a pointer
 * to pointer bytes passed to another function that reads them narrowly. */
#include "fe.h"

static bool narrow_scalar(tree type)
{
    switch (TREE_CODE(type)) {
    case REAL_TYPE:
    case FIXED_POINT_TYPE:
    case BOOLEAN_TYPE:
        return true;
    case COMPLEX_TYPE:
        return narrow_scalar(TREE_TYPE(type));
    case INTEGER_TYPE:
    case ENUMERAL_TYPE:
        return TYPE_PRECISION(type) < POINTER_SIZE;
    default:
        return false;
    }
}

static bool has_union(tree type)
{
    if (TREE_CODE(type) == UNION_TYPE || TREE_CODE(type) == QUAL_UNION_TYPE)
        return true;
    if (TREE_CODE(type) == ARRAY_TYPE)
        return has_union(TREE_TYPE(type));
    if (TREE_CODE(type) == RECORD_TYPE)
        for (tree f = TYPE_FIELDS(type); f; f = DECL_CHAIN(f))
            if (TREE_CODE(f) == FIELD_DECL && has_union(TREE_TYPE(f)))
                return true;
    return false;
}

static tree note_untyped(tree *tp, int *walk_subtrees, void *data)
{
    if (TYPE_P(*tp)) {
        *walk_subtrees = 0;
    } else if (TREE_CODE(*tp) == ADDR_EXPR) {
        if (tree base = get_base_address(TREE_OPERAND(*tp, 0)))
            if (DECL_P(base))
                ((hash_set<tree> *)data)->add(base);
    }
    return NULL_TREE;
}

/* Sanitizer checks: internal calls, sanitizer and object-size builtins, and
 * the location-less address arithmetic UBSan adds around them. */
static bool instrumentation_p(gimple *st)
{
    if (gcall *c = dyn_cast<gcall *>(st)) {
        if (gimple_call_internal_p(c))
            return true;
        tree fndecl = gimple_call_fndecl(c);
        return fndecl && (fe_sanitizer_builtin(fndecl)
                          || fndecl_built_in_p(fndecl, BUILT_IN_OBJECT_SIZE)
                          || fndecl_built_in_p(fndecl, BUILT_IN_DYNAMIC_OBJECT_SIZE));
    }
    return is_gimple_assign(st) && !gimple_has_location(st)
        && CONVERT_EXPR_CODE_P(gimple_assign_rhs_code(st))
        && INTEGRAL_TYPE_P(TREE_TYPE(gimple_assign_lhs(st)));
}

/* An assignment writes X untyped when its lhs is a MEM_REF on &X (unless it
 * stores a constant, such as the zeroing of padding), and copies &X when an
 * rhs operand is the address itself.  Loads write nothing. */
static void scan_assign(fe_fn *fn, gassign *st)
{
    tree lhs = gimple_assign_lhs(st);
    tree rhs1 = gimple_assign_rhs1(st);
    bool constant = gimple_assign_single_p(st)
        && (CONSTANT_CLASS_P(rhs1) || (TREE_CODE(rhs1) == CONSTRUCTOR
                                       && CONSTRUCTOR_NELTS(rhs1) == 0));
    if (!constant && TREE_CODE(lhs) != SSA_NAME && !DECL_P(lhs))
        walk_tree(&lhs, note_untyped, fn->untyped, NULL);
    for (unsigned i = 1; i < gimple_num_ops(st); i++) {
        tree op = gimple_op(st, i);
        if (op && TREE_CODE(op) == ADDR_EXPR)
            walk_tree(&op, note_untyped, fn->untyped, NULL);
    }
}

/* Variables whose address is used other than as a direct argument of a call to
 * a function (not a builtin). */
static void scan_untyped(fe_fn *fn)
{
    fn->untyped = new hash_set<tree>;
    basic_block bb;
    FOR_EACH_BB_FN(bb, fn->fun) {
        for (gphi_iterator g = gsi_start_phis(bb); !gsi_end_p(g); gsi_next(&g))
            for (unsigned i = 0; i < gimple_phi_num_args(g.phi()); i++) {
                tree a = gimple_phi_arg_def(g.phi(), i);
                walk_tree(&a, note_untyped, fn->untyped, NULL);
            }
        for (gimple_stmt_iterator g = gsi_start_bb(bb); !gsi_end_p(g); gsi_next(&g)) {
            gimple *st = gsi_stmt(g);
            if (instrumentation_p(st))
                continue;
            if (is_gimple_assign(st)) {
                scan_assign(fn, as_a<gassign *>(st));
                continue;
            }
            gcall *c = dyn_cast<gcall *>(st);
            bool typed_call = c && !gimple_call_internal_p(c)
                && gimple_call_fndecl(c) && !fndecl_built_in_p(gimple_call_fndecl(c));
            for (unsigned i = 0; i < gimple_num_ops(st); i++) {
                tree op = gimple_op(st, i);
                if (!op || (typed_call && TREE_CODE(op) == ADDR_EXPR
                            && op != gimple_call_fn(c)))
                    continue;
                walk_tree(&op, note_untyped, fn->untyped, NULL);
            }
        }
    }
}

/* Can an object of TYPE hold a pointer (whose bytes a narrow pointer may read)? */
static bool holds_pointer(tree type)
{
    switch (TREE_CODE(type)) {
    case POINTER_TYPE:
    case REFERENCE_TYPE:
    case UNION_TYPE:
    case QUAL_UNION_TYPE:
        return true;
    case ARRAY_TYPE:
    case VECTOR_TYPE:
        return holds_pointer(TREE_TYPE(type));
    case RECORD_TYPE:
        for (tree f = TYPE_FIELDS(type); f; f = DECL_CHAIN(f))
            if (TREE_CODE(f) == FIELD_DECL && holds_pointer(TREE_TYPE(f)))
                return true;
        return false;
    case INTEGER_TYPE:
        return TYPE_PRECISION(type) >= POINTER_SIZE;
    default:
        return false;
    }
}

static bool untyped_local(fe_fn *fn, tree var)
{
    if (!fn->untyped)
        scan_untyped(fn);
    return fn->untyped->contains(var);
}

static bool any_untyped_local(fe_fn *fn)
{
    if (!fn->untyped)
        scan_untyped(fn);
    for (hash_set<tree>::iterator it = fn->untyped->begin(); it != fn->untyped->end(); ++it)
        if (auto_var_in_fn_p(*it, fn->decl) && holds_pointer(TREE_TYPE(*it)))
            return true;
    return false;
}

/* May the load OP carry (a piece of) a pointer? */
bool fe_narrow_may_carry(fe_fn *fn, tree op)
{
    if (!narrow_scalar(TREE_TYPE(op)))
        return true;
    tree t = op;
    while (handled_component_p(t))
        t = TREE_OPERAND(t, 0);
    if (TREE_CODE(t) == MEM_REF || TREE_CODE(t) == TARGET_MEM_REF) {
        tree p = TREE_OPERAND(t, 0);
        if (TREE_CODE(p) == SSA_NAME)
            return any_untyped_local(fn);
        if (TREE_CODE(p) != ADDR_EXPR)
            return false;
        return true;    /* MEM_REF on &x: x read through another type */
    }
    if (TREE_CODE(t) == SSA_NAME)
        return true;
    if (DECL_P(t) && auto_var_in_fn_p(t, fn->decl))
        return has_union(TREE_TYPE(t)) || untyped_local(fn, t);
    return false;       /* globals: the heap already */
}
