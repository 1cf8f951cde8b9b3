/* promises.cc - noescape promises a function makes beyond its own parameters.
 *
 * Callers trust __attribute__((noescape)) wherever they see it, so the defining
 * unit checks every promise it can see for a function with a body here:
 *   - any declaration of the function (a prototype in a shared header before
 *     the definition, a redeclaration after it, a block-scope extern): each
 *     is recorded at PLUGIN_FINISH_DECL with the function type it had then
 *     (C merges redeclarations into one FUNCTION_DECL, whose composite type may
 *     not keep every declaration's parameter types);
 *   - a pointer to a function type with a noescape parameter that the
 *     function's address is converted to: assigned to, passed as, returned as,
 *     or initialising such a pointer, in a body (GIMPLE: the destination's type,
 *     since GCC drops conversions between function pointer types; back through
 *     SSA copies and PHIs, as for `x ? f : g`; a compiler temporary is not a
 *     destination: a conditional's type merges both operands' attributes) or in
 *     a static initializer (the type of the field, element or variable).
 *     Also: stored by an __atomic_* / __sync_* builtin into such a pointer
 *     (GCC passes the address as an integer), passed to an unprototyped call
 *     whose definition's parameter has that type, a nested function through
 *     its trampoline (every function put in one in that body);
 *   - a declaration naming another function's symbol: an asm label (the
 *     function it names), an ifunc (every function its resolver returns).
 * unit.cc marks those parameters esc_param_promised; the core then reports a
 * leaking one like a parameter declared noescape.  Not seen: a function's
 * address that reaches such a pointer through a variable of another type
 * (void *, a pointer type without the attribute) or through another unit, and
 * symbols bound outside C (toplevel asm `.set`/`.symver`, linker options).
 */
#include "fe.h"

/* GC root: TREE_LIST, purpose a FUNCTION_DECL, value the FUNCTION_TYPE one of its
 * declarations had when it was seen (PLUGIN_FINISH_DECL). */
tree fe_promises;

bool fe_promises_any(tree fntype)
{
    if (!fntype || !FUNC_OR_METHOD_TYPE_P(fntype))
        return false;
    for (tree a = TYPE_ARG_TYPES(fntype); a && a != void_list_node; a = TREE_CHAIN(a))
        if (TREE_VALUE(a) && lookup_attribute("noescape", TYPE_ATTRIBUTES(TREE_VALUE(a))))
            return true;
    return false;
}

/* At PLUGIN_FINISH_DECL: kept for the pass (one entry per declaration). */
static void record(tree fndecl, tree fntype)
{
    if (fe_promises_any(fntype))
        fe_promises = tree_cons(fndecl, fntype, fe_promises);
}

void fe_note_promise_decl(tree decl)
{
    if (decl && TREE_CODE(decl) == FUNCTION_DECL)
        record(decl, TREE_TYPE(decl));
}

static bool is_conversion(tree v)
{
    return CONVERT_EXPR_P(v) || TREE_CODE(v) == NON_LVALUE_EXPR
        || TREE_CODE(v) == VIEW_CONVERT_EXPR;
}

static void apply(fe_unit *u, tree fndecl, tree fntype);

static void note_value_1(fe_unit *u, tree v, tree type, int *budget);

/* A nested function's trampoline (__builtin_adjust_trampoline): the functions
 * __builtin_init_trampoline puts in a trampoline anywhere in the unit (all of
 * them: which trampoline is which is not followed; a sibling nested function
 * may set one up for another). */
static void note_trampolines(fe_unit *u, tree type, int *budget)
{
    cgraph_node *node;
    FOR_EACH_FUNCTION_WITH_GIMPLE_BODY(node) {
        function *fun = DECL_STRUCT_FUNCTION(node->decl);
        basic_block bb;
        if (!fun || !fun->cfg)
            continue;
        FOR_EACH_BB_FN(bb, fun)
            for (gimple_stmt_iterator si = gsi_start_bb(bb); !gsi_end_p(si); gsi_next(&si))
                if (gcall *c = dyn_cast<gcall *>(gsi_stmt(si)))
                    if (gimple_call_builtin_p(c, BUILT_IN_INIT_TRAMPOLINE)
                        && gimple_call_num_args(c) > 1)
                        note_value_1(u, gimple_call_arg(c, 1), type, budget);
    }
}

/* TYPE: a pointer to a function type the value of V is viewed as. */
static void note_type(fe_unit *u, tree fndecl, tree type)
{
    if (type && POINTER_TYPE_P(type) && fe_promises_any(TREE_TYPE(type)))
        apply(u, fndecl, TREE_TYPE(type));
}

/* The value V (a function's address, maybe converted, maybe through SSA copies
 * and PHIs: `V = x ? f : g`) flows into a slot of type TYPE.  BUDGET bounds the
 * walk back through SSA definitions. */
static void note_value_1(fe_unit *u, tree v, tree type, int *budget)
{
    if (!v || --*budget < 0)
        return;
    if (TREE_CODE(v) == SSA_NAME) {
        gimple *d = SSA_NAME_DEF_STMT(v);
        if (gassign *a = d ? dyn_cast<gassign *>(d) : NULL) {
            enum tree_code code = gimple_assign_rhs_code(a);
            if (gimple_assign_single_p(a) || CONVERT_EXPR_CODE_P(code)
                || code == POINTER_PLUS_EXPR)       /* GNU C: keeper + 0 */
                note_value_1(u, gimple_assign_rhs1(a), type, budget);
        } else if (gphi *p = d ? dyn_cast<gphi *>(d) : NULL) {
            for (unsigned i = 0; i < gimple_phi_num_args(p); i++)
                note_value_1(u, gimple_phi_arg_def(p, i), type, budget);
        } else if (gcall *c = d ? dyn_cast<gcall *>(d) : NULL) {
            if (gimple_call_builtin_p(c, BUILT_IN_ADJUST_TRAMPOLINE))
                note_trampolines(u, type, budget);
        }
        return;
    }
    tree w = v;
    while (is_conversion(w))
        w = TREE_OPERAND(w, 0);
    if (TREE_CODE(w) != ADDR_EXPR || TREE_CODE(TREE_OPERAND(w, 0)) != FUNCTION_DECL)
        return;
    tree fndecl = TREE_OPERAND(w, 0);
    note_type(u, fndecl, type);
    for (w = v; is_conversion(w); w = TREE_OPERAND(w, 0))
        note_type(u, fndecl, TREE_TYPE(w));
}

static void note_value(fe_unit *u, tree v, tree type)
{
    int budget = 64;
    if (type && POINTER_TYPE_P(type) && fe_promises_any(TREE_TYPE(type)))
        note_value_1(u, v, type, &budget);
    else if (v && TREE_CODE(v) != SSA_NAME)       /* a cast of its own: (visit_fn)f */
        note_value_1(u, v, type, &budget);
}

static void note_init(fe_unit *u, tree init, tree type)
{
    if (!init || init == error_mark_node)
        return;
    if (TREE_CODE(init) != CONSTRUCTOR) {
        note_value(u, init, type);
        return;
    }
    unsigned i;
    tree idx, val;
    FOR_EACH_CONSTRUCTOR_ELT(CONSTRUCTOR_ELTS(init), i, idx, val) {
        tree et = TREE_TYPE(val);
        if (idx && TREE_CODE(idx) == FIELD_DECL)
            et = TREE_TYPE(idx);
        else if (type && TREE_CODE(type) == ARRAY_TYPE)
            et = TREE_TYPE(type);
        note_init(u, val, et);
    }
}

/* The type of the object an __atomic_* / __sync_* builtin stores its value
 * arguments into (GCC passes them as integers), or NULL for other calls. */
static tree atomic_object(gcall *c)
{
    tree callee = gimple_call_fndecl(c);
    if (!callee || !fndecl_built_in_p(callee, BUILT_IN_NORMAL) || !DECL_NAME(callee)
        || gimple_call_num_args(c) < 2)
        return NULL_TREE;
    const char *name = IDENTIFIER_POINTER(DECL_NAME(callee));
    if (strncmp(name, "__atomic_", 9) && strncmp(name, "__sync_", 7))
        return NULL_TREE;
    tree p = gimple_call_arg(c, 0);
    for (int i = 0; i < 8 && TREE_CODE(p) == SSA_NAME && !SSA_NAME_IS_DEFAULT_DEF(p); i++) {
        gassign *d = dyn_cast<gassign *>(SSA_NAME_DEF_STMT(p));
        if (!d || !(gimple_assign_single_p(d) || CONVERT_EXPR_CODE_P(gimple_assign_rhs_code(d))))
            break;
        p = gimple_assign_rhs1(d);
    }
    while (is_conversion(p))
        p = TREE_OPERAND(p, 0);
    if (TREE_CODE(p) == ADDR_EXPR)
        return TREE_TYPE(TREE_OPERAND(p, 0));
    return POINTER_TYPE_P(TREE_TYPE(p)) ? TREE_TYPE(TREE_TYPE(p)) : NULL_TREE;
}

/* The parameters of the body a call to DECL runs, where the unit has it. */
static tree definition_parms(tree decl)
{
    tree def = decl;
    if (cgraph_node *n = cgraph_node::get(decl))
        if (cgraph_node *t = n->ultimate_alias_target())
            def = t->decl;
    if (!DECL_ARGUMENTS(def))
        if (cgraph_node *r = fe_renamed_body(decl))
            def = r->decl;
    return DECL_ARGUMENTS(def);
}

/* A compiler temporary (a conditional's `iftmp`, a nameless SSA value): its type
 * is GCC's (a conditional's is the composite of both operands', carrying an
 * attribute either has), not one the program declared; the value's promise is
 * that of where it goes next (followed back from there: note_value_1). */
static bool temporary(tree lhs)
{
    if (TREE_CODE(lhs) != SSA_NAME)
        return false;
    tree var = SSA_NAME_VAR(lhs);
    return !var || DECL_ARTIFICIAL(var) || !DECL_NAME(var);
}

static void note_stmt(fe_unit *u, tree fndecl, gimple *s)
{
    if (gassign *a = dyn_cast<gassign *>(s)) {
        tree lhs = gimple_assign_lhs(a);
        tree rhs = gimple_assign_rhs1(a);
        if (temporary(lhs))
            return;
        if (gimple_assign_single_p(a) || CONVERT_EXPR_CODE_P(gimple_assign_rhs_code(a)))
            note_init(u, rhs, TREE_TYPE(lhs));
    } else if (gcall *c = dyn_cast<gcall *>(s)) {
        tree fntype = gimple_call_fntype(c);
        tree callee = gimple_call_fndecl(c);
        tree a = fntype ? TYPE_ARG_TYPES(fntype) : NULL_TREE;
        /* an unprototyped call (`void run();`): the definition's parameters,
         * through aliases and asm labels */
        tree parm = !a && callee && !fndecl_built_in_p(callee) ? definition_parms(callee) : NULL_TREE;
        tree obj = atomic_object(c);
        for (unsigned i = 0; i < gimple_call_num_args(c); i++) {
            tree at = a && a != void_list_node ? TREE_VALUE(a) : parm ? TREE_TYPE(parm) : NULL_TREE;
            if (obj && i > 0)           /* __atomic_store_n(&hook, f): stored into hook */
                at = obj;
            note_value(u, gimple_call_arg(c, i), at);
            if (a && a != void_list_node)
                a = TREE_CHAIN(a);
            if (parm)
                parm = DECL_CHAIN(parm);
        }
        tree fn = gimple_call_fn(c);     /* ((visit_fn)keep)(m): called as that type */
        if (fn && fntype && callee && fntype != TREE_TYPE(callee) && fe_promises_any(fntype))
            apply(u, callee, fntype);
    } else if (greturn *r = dyn_cast<greturn *>(s)) {
        if (DECL_RESULT(fndecl))
            note_value(u, gimple_return_retval(r), TREE_TYPE(DECL_RESULT(fndecl)));
    } else if (gphi *p = dyn_cast<gphi *>(s)) {
        if (temporary(gimple_phi_result(p)))
            return;
        for (unsigned i = 0; i < gimple_phi_num_args(p); i++)
            note_value(u, gimple_phi_arg_def(p, i), TREE_TYPE(gimple_phi_result(p)));
    }
}

/* Is every value V may be (through SSA copies, conversions and PHIs) the
 * address of a function with a body here? */
static bool only_functions(fe_unit *u, tree v, int *budget);

bool fe_only_checked_functions(fe_unit *u, tree v)
{
    int budget = 64;
    return only_functions(u, v, &budget);
}

static bool only_functions(fe_unit *u, tree v, int *budget)
{
    if (!v || --*budget < 0)
        return false;
    if (TREE_CODE(v) == SSA_NAME) {
        gimple *d = SSA_NAME_DEF_STMT(v);
        if (gassign *a = d ? dyn_cast<gassign *>(d) : NULL)
            return (gimple_assign_single_p(a) || CONVERT_EXPR_CODE_P(gimple_assign_rhs_code(a)))
                && only_functions(u, gimple_assign_rhs1(a), budget);
        if (gphi *p = d ? dyn_cast<gphi *>(d) : NULL) {
            for (unsigned i = 0; i < gimple_phi_num_args(p); i++)
                if (!only_functions(u, gimple_phi_arg_def(p, i), budget))
                    return false;
            return true;
        }
        return false;
    }
    while (is_conversion(v))
        v = TREE_OPERAND(v, 0);
    return TREE_CODE(v) == ADDR_EXPR && TREE_CODE(TREE_OPERAND(v, 0)) == FUNCTION_DECL
        && fe_body_here(u, TREE_OPERAND(v, 0));     /* a body the promise is checked against */
}

bool fe_resolver_checked(fe_unit *u, tree decl)
{
    cgraph_node *node = cgraph_node::get(decl);
    cgraph_node *r = node ? node->ultimate_alias_target() : NULL;
    function *fun = r && r != node ? DECL_STRUCT_FUNCTION(r->decl) : NULL;
    if (!fun || !fun->cfg)
        return false;
    basic_block bb;
    int budget = 64;
    FOR_EACH_BB_FN(bb, fun)
        if (greturn *ret = safe_dyn_cast<greturn *>(last_stmt(bb)))
            if (!only_functions(u, gimple_return_retval(ret), &budget))
                return false;
    return true;
}

/* An ifunc's promise holds for every function its resolver returns.  Each
 * (resolver, promise) pair is walked once: resolvers returning ifuncs form
 * chains, cycles and diamonds. */
static vec<tree> resolved_done;          /* pairs: resolver, function type (one walk) */

static void apply_resolved(fe_unit *u, cgraph_node *resolver, tree fntype)
{
    vec<tree> &done = resolved_done;
    function *fun = DECL_STRUCT_FUNCTION(resolver->decl);
    if (!fun || !fun->cfg)
        return;
    for (unsigned i = 0; i + 1 < done.length(); i += 2)
        if (done[i] == resolver->decl && done[i + 1] == fntype)
            return;
    done.safe_push(resolver->decl);
    done.safe_push(fntype);
    tree ptype = build_pointer_type(fntype);
    basic_block bb;
    FOR_EACH_BB_FN(bb, fun)
        if (greturn *r = safe_dyn_cast<greturn *>(last_stmt(bb))) {
            int budget = 64;
            note_value_1(u, gimple_return_retval(r), ptype, &budget);
        }
}

static tree canonical(tree t)
{
    return TYPE_CANONICAL(t) ? TYPE_CANONICAL(t) : TYPE_MAIN_VARIANT(t);
}

/* FNDECL, whose body that runs is not here (another unit's, a weak one's), is
 * converted to FNTYPE: what FNTYPE promises beyond FNDECL's own declarations is
 * checked by no unit (the defining one does not see the conversion), so calls
 * through that type do not trust it (fe_call_promises). */
static void unchecked(fe_unit *u, tree fndecl, tree fntype)
{
    unsigned n = 0;
    for (tree a = TYPE_ARG_TYPES(fntype); a && a != void_list_node; a = TREE_CHAIN(a))
        n++;
    auto_vec<bool, 16> type_says, own;
    type_says.safe_grow(n, true);
    own.safe_grow(n, true);
    fe_params_noescape(NULL_TREE, fntype, n, type_says.address());
    fe_params_noescape(fndecl, TREE_TYPE(fndecl), n, own.address());
    for (unsigned k = 0; k < n; k++)
        if (type_says[k] && !own[k] && !fe_promise_unchecked(u, fntype, (int)k)) {
            u->unchecked_types.safe_push(canonical(fntype));
            u->unchecked_parms.safe_push((int)k);
        }
}

bool fe_promise_unchecked(fe_unit *u, tree fntype, int k)
{
    if (!fntype || !FUNC_OR_METHOD_TYPE_P(fntype))
        return false;
    tree c = canonical(fntype);
    for (unsigned i = 0; i < u->unchecked_types.length(); i++)
        if (u->unchecked_parms[i] == k && u->unchecked_types[i] == c)
            return true;
    return false;
}

static void apply(fe_unit *u, tree fndecl, tree fntype)
{
    if (cgraph_node *r = fe_renamed_body(fndecl))
        fndecl = r->decl;           /* a declaration renamed to a function here */
    tree target = fndecl;
    cgraph_node *node = cgraph_node::get(fndecl);
    for (symtab_node *a = node; a && a->alias && a->analyzed; a = a->get_alias_target())
        if (a->ifunc_resolver) {        /* an ifunc, or an alias of one on the way */
            if (cgraph_node *r = dyn_cast<cgraph_node *>(a->get_alias_target()))
                apply_resolved(u, r, fntype);
            return;
        }
    if (node)
        if (cgraph_node *t = node->ultimate_alias_target())
            target = t->decl;
    if (!FUNC_OR_METHOD_TYPE_P(fntype))
        return;
    if (!fe_body_here(u, target))
        unchecked(u, fndecl, fntype);
    esc_func **f = u->funcs->get(target);
    if (!f)
        return;
    int i = 0;
    for (tree a = TYPE_ARG_TYPES(fntype); a && a != void_list_node; a = TREE_CHAIN(a), i++)
        if (TREE_VALUE(a) && lookup_attribute("noescape", TYPE_ATTRIBUTES(TREE_VALUE(a))))
            esc_param_promised(*f, i);
}

void fe_collect_promises(fe_unit *u)
{
    resolved_done.truncate(0);          /* one walk per unit: each resolver once */
    cgraph_node *node;
    FOR_EACH_FUNCTION_WITH_GIMPLE_BODY(node) {
        function *fun = DECL_STRUCT_FUNCTION(node->decl);
        if (fe_promises_any(TREE_TYPE(node->decl)))
            apply(u, node->decl, TREE_TYPE(node->decl));
        if (!fun || !fun->cfg)
            continue;
        basic_block bb;
        FOR_EACH_BB_FN(bb, fun) {
            for (gphi_iterator pi = gsi_start_phis(bb); !gsi_end_p(pi); gsi_next(&pi))
                note_stmt(u, node->decl, pi.phi());
            for (gimple_stmt_iterator si = gsi_start_bb(bb); !gsi_end_p(si); gsi_next(&si))
                note_stmt(u, node->decl, gsi_stmt(si));
        }
    }
    varpool_node *v;
    FOR_EACH_VARIABLE(v)
        note_init(u, DECL_INITIAL(v->decl), TREE_TYPE(v->decl));
    for (tree l = fe_promises; l; l = TREE_CHAIN(l))
        apply(u, TREE_PURPOSE(l), TREE_VALUE(l));
}
