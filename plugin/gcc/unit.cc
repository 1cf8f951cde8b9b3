/* unit.cc - the pass body: one translation unit, analysed in one go.
 *
 *   1. every function with a GIMPLE body gets an esc_func and its parameters
 *      (callees without a body get theirs lazily, from their type);
 *   2. every body is translated (translate.cc, calls.cc);
 *   3. esc_solve, then the -m report, the JSON record and the rewrite.
 */
#include "fe.h"

static const char *decl_name(tree decl)
{
    return DECL_NAME(decl) ? IDENTIFIER_POINTER(DECL_NAME(decl)) : "?";
}

static const char *parm_name(tree parm)
{
    return parm && DECL_NAME(parm) ? IDENTIFIER_POINTER(DECL_NAME(parm)) : "";
}

/* A function with a body: parameters from its PARM_DECLs.  One the compiler
 * made (DECL_ARTIFICIAL: OpenMP's .omp_data_i) is analysed like any other but
 * gets no -m line: diagnostics are about what the user wrote. */
static void register_defined(fe_unit *u, cgraph_node *node)
{
    tree decl = node->decl;
    bool trusted = node->get_availability() >= AVAIL_AVAILABLE;
    esc_func *f = esc_func_new(u->ctx, decl_name(decl), fe_pos(DECL_SOURCE_LOCATION(decl)),
                               true, trusted);
    int i = 0;
    for (tree p = DECL_ARGUMENTS(decl); p; p = DECL_CHAIN(p), i++) {
        bool named = DECL_NAME(p) != NULL_TREE && !DECL_ARTIFICIAL(p);
        esc_loc l = esc_param(f, i, parm_name(p), fe_pos(DECL_SOURCE_LOCATION(p)),
                              named && POINTER_TYPE_P(TREE_TYPE(p)),
                              fe_parm_decl_noescape(p));
        u->params->put(p, l);
    }
    u->funcs->put(decl, f);
}

/* A callee the unit has no (trustworthy) body for: parameters from its type, so
 * that noescape parameters keep nothing; an unprototyped one has none, so every
 * argument escapes as a vararg. */
static esc_func *register_external(fe_unit *u, tree decl)
{
    esc_func *f = esc_func_new(u->ctx, decl_name(decl), fe_pos(DECL_SOURCE_LOCATION(decl)),
                               false, false);
    tree type = TREE_TYPE(decl);
    if (prototype_p(type)) {
        unsigned n = 0;
        for (tree a = TYPE_ARG_TYPES(type); a && a != void_list_node; a = TREE_CHAIN(a))
            n++;
        auto_vec<bool, 16> noescape;
        noescape.safe_grow(n, true);
        fe_params_noescape(decl, type, n, noescape.address());
        for (unsigned i = 0; i < n; i++)
            esc_param(f, (int)i, "", fe_pos(DECL_SOURCE_LOCATION(decl)), false, noescape[i]);
    }
    u->funcs->put(decl, f);
    return f;
}

esc_func *fe_func_for(fe_unit *u, tree decl, tree)
{
    cgraph_node *node = cgraph_node::get(decl);
    if (node) {
        enum availability avail = AVAIL_NOT_AVAILABLE;
        cgraph_node *target = node->ultimate_alias_target(&avail);
        if (target && avail >= AVAIL_AVAILABLE)
            if (esc_func **f = u->funcs->get(target->decl))
                return *f;
    }
    if (esc_func **f = u->funcs->get(decl))
        return *f;
    return register_external(u, decl);
}

static bool analysable(cgraph_node *node)
{
    return !node->alias && !node->thunk && DECL_STRUCT_FUNCTION(node->decl)
        && DECL_STRUCT_FUNCTION(node->decl)->cfg
        && gimple_in_ssa_p(DECL_STRUCT_FUNCTION(node->decl));
}

static esc_options core_options(void)
{
    esc_options o = fe_opts;
    o.print_col = fe_print_col;
    return o;
}

unsigned fe_run_unit(void)
{
    esc_options opt = core_options();
    fe_unit u;
    u.ctx = esc_ctx_new(&opt);
    u.funcs = new hash_map<tree, esc_func *>;
    u.params = new hash_map<tree, esc_loc>;
    u.sites = vNULL;

    cgraph_node *node;
    FOR_EACH_FUNCTION_WITH_GIMPLE_BODY(node)
        if (analysable(node))
            register_defined(&u, node);
    FOR_EACH_FUNCTION_WITH_GIMPLE_BODY(node)
        if (analysable(node))
            fe_translate_function(&u, node);

    esc_solve(u.ctx);
    if (fe_opts.m >= 1)
        esc_report(u.ctx, stderr);
    if (fe_opts.json_path && esc_write_json(u.ctx, fe_opts.json_path) != 0)
        error("escape plugin: cannot write %qs: %m", fe_opts.json_path);
    if (fe_opts.transform)
        fe_rewrite_unit(&u);

    u.sites.release();
    delete u.params;
    delete u.funcs;
    esc_ctx_free(u.ctx);
    fe_print_col_forget();
    return 0;
}
