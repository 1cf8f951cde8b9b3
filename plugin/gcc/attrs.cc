/* attrs.cc - __attribute__((noescape)) on pointer parameters.
 *
 *     void visit(gomap *m __attribute__((noescape)));
 *
 * promises that the callee keeps nothing reachable from the argument beyond the
 * call, so a caller may keep a map passed there on its stack even when the
 * callee's body is not in the unit.  The attribute sits on the PARM_DECL; since
 * a prototype's PARM_DECLs are dropped, the handler also marks the parameter's
 * type (an attribute variant that does not affect type identity), which survives
 * in TYPE_ARG_TYPES of the function type a call is made through.
 */
#include "fe.h"

bool fe_noescape_used;

/* The attribute's handler: escape.so (plugin.cc) registers the attribute and
 * calls this once it has loaded the analysis. */
tree fe_handle_noescape(tree *node, tree name, tree, int, bool *no_add_attrs)
{
    if (TREE_CODE(*node) != PARM_DECL) {
        warning(OPT_Wattributes, "%qE attribute only applies to function parameters",
                name);
        *no_add_attrs = true;
        return NULL_TREE;
    }
    fe_noescape_used = true;   /* even where rejected below: the pass then runs */
    tree type = TREE_TYPE(*node);
    if (!POINTER_TYPE_P(type)) {
        warning(OPT_Wattributes, "%qE attribute only applies to pointer parameters",
                name);
        *no_add_attrs = true;
        return NULL_TREE;
    }
    if (!lookup_attribute("noescape", TYPE_ATTRIBUTES(type))) {
        tree attrs = tree_cons(get_identifier("noescape"), NULL_TREE,
                               TYPE_ATTRIBUTES(type));
        TREE_TYPE(*node) = build_type_attribute_variant(type, attrs);
    }
    return NULL_TREE;
}

bool fe_parm_decl_noescape(tree parm)
{
    return lookup_attribute("noescape", DECL_ATTRIBUTES(parm))
        || lookup_attribute("noescape", TYPE_ATTRIBUTES(TREE_TYPE(parm)));
}

void fe_params_noescape(tree fndecl, tree fntype, unsigned n, bool *out)
{
    for (unsigned k = 0; k < n; k++)
        out[k] = false;
    if (fndecl) {
        unsigned k = 0;
        for (tree p = DECL_ARGUMENTS(fndecl); p && k < n; p = DECL_CHAIN(p), k++)
            out[k] |= fe_parm_decl_noescape(p);
    }
    tree types[2] = { fntype, fndecl ? TREE_TYPE(fndecl) : NULL_TREE };
    for (tree t : types) {
        if (!t || !FUNC_OR_METHOD_TYPE_P(t))
            continue;
        unsigned k = 0;
        for (tree a = TYPE_ARG_TYPES(t); a && a != void_list_node && k < n; a = TREE_CHAIN(a), k++)
            out[k] |= lookup_attribute("noescape", TYPE_ATTRIBUTES(TREE_VALUE(a))) != NULL_TREE;
    }
}

/* What SOURCE, the pointer a call goes through, was declared to promise (AND into
 * OUT): the type of the variable, parameter, field, element or call result it
 * was read from, or the declarations of the function whose address it is;
 * through SSA copies, conversions and PHIs every source must promise.  Neither
 * the type of a conditional (GCC's composite of both operands' types, which
 * carries an attribute either has: `(c ? keep : look)(m)`) nor a cast is a
 * declaration of the pointer: `((visit_fn)fn)(m)` promises what fn's type does. */
static void declared_1(tree v, unsigned n, bool *out, int *budget)
{
    auto none = [&]() { for (unsigned k = 0; k < n; k++) out[k] = false; };
    auto_vec<bool, 16> mine;
    mine.safe_grow(n ? n : 1, true);
    auto promised = [&](tree fndecl, tree fntype) {     /* out &= what they promise */
        fe_params_noescape(fndecl, fntype, n, mine.address());
        for (unsigned k = 0; k < n; k++)
            out[k] = out[k] && mine[k];
    };
    auto by_type = [&](tree ptype) {
        promised(NULL_TREE, ptype && POINTER_TYPE_P(ptype) ? TREE_TYPE(ptype) : NULL_TREE);
    };
    if (!v || --*budget < 0) {
        none();
        return;
    }
    while (CONVERT_EXPR_P(v) || TREE_CODE(v) == NON_LVALUE_EXPR)
        v = TREE_OPERAND(v, 0);
    if (TREE_CODE(v) == ADDR_EXPR && TREE_CODE(TREE_OPERAND(v, 0)) == FUNCTION_DECL) {
        promised(TREE_OPERAND(v, 0), TREE_TYPE(TREE_OPERAND(v, 0)));
        return;
    }
    if (TREE_CODE(v) != SSA_NAME) {
        if (TREE_CODE(v) == MEM_REF && TREE_CODE(TREE_OPERAND(v, 0)) == ADDR_EXPR
            && DECL_P(TREE_OPERAND(TREE_OPERAND(v, 0), 0)) && integer_zerop(TREE_OPERAND(v, 1)))
            by_type(TREE_TYPE(TREE_OPERAND(TREE_OPERAND(v, 0), 0)));   /* *(T *)&p: p's */
        else if (TREE_CODE(v) == MEM_REF || TREE_CODE(v) == TARGET_MEM_REF)
            none();                     /* through a pointer: its pointee type is no declaration */
        else if (TREE_CODE(v) == VAR_DECL || TREE_CODE(v) == PARM_DECL || REFERENCE_CLASS_P(v))
            by_type(TREE_TYPE(v));      /* read from declared memory */
        else
            none();
        return;
    }
    tree var = SSA_NAME_VAR(v);
    if (var && !DECL_ARTIFICIAL(var) && DECL_NAME(var)) {
        by_type(TREE_TYPE(var));        /* the program's variable or parameter */
        return;
    }
    gimple *d = SSA_NAME_DEF_STMT(v);
    if (gassign *a = d ? dyn_cast<gassign *>(d) : NULL) {
        if (gimple_assign_single_p(a) || CONVERT_EXPR_CODE_P(gimple_assign_rhs_code(a)))
            declared_1(gimple_assign_rhs1(a), n, out, budget);
        else
            none();
    } else if (gphi *p = d ? dyn_cast<gphi *>(d) : NULL) {
        for (unsigned i = 0; i < gimple_phi_num_args(p); i++)
            declared_1(gimple_phi_arg_def(p, i), n, out, budget);
    } else if (d && is_gimple_call(d)) {
        by_type(TREE_TYPE(v));          /* the callee's declared result */
    } else {
        none();
    }
}

void fe_call_promises(fe_unit *u, gcall *c, unsigned n, bool *out)
{
    tree ft = gimple_call_fntype(c);
    fe_params_noescape(NULL_TREE, ft, n, out);
    int budget = 64;
    declared_1(gimple_call_fn(c), n, out, &budget);
    /* a type some function without a checked body was converted to: trusted
     * only for pointers seen to come from functions with checked bodies */
    if (!u->unchecked_types.length() || fe_only_checked_functions(u, gimple_call_fn(c)))
        return;
    for (unsigned k = 0; k < n; k++)
        if (out[k] && fe_promise_unchecked(u, ft, (int)k))
            out[k] = false;
}

