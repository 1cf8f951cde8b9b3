/* position.cc - GCC locations as the core's esc_pos (FILE:LINE:COL as GCC prints
 * them).  A location inside a macro expansion is reported at the expansion point,
 * the place the user wrote; "in system header" is judged there too.  Columns
 * are counted the way GCC's own diagnostics count them (-fdiagnostics-column-unit,
 * tabs expanded by default).
 */
#include "fe.h"
#include "diagnostic.h"

esc_pos fe_pos(location_t loc)
{
    esc_pos p = { NULL, 0, 0, false };
    if (loc == UNKNOWN_LOCATION)
        return p;
    loc = linemap_resolve_location(line_table, loc, LRK_MACRO_EXPANSION_POINT, NULL);
    expanded_location x = expand_location(loc);
    p.file = x.file;
    p.line = x.line;
    /* A display column re-reads the source line through GCC's file cache: only
     * worth it when positions are printed (-m, json=).  Byte columns order the
     * sites of a line the same way, which is all the decisions need. */
    if (x.column > 0)
        p.col = fe_opts.m || fe_opts.json ? diagnostic_converted_column(global_dc, x)
                                          : x.column;
    p.in_system_header = in_system_header_at(loc);
    return p;
}

esc_pos fe_stmt_pos(gimple *stmt)
{
    location_t loc = stmt ? gimple_location(stmt) : UNKNOWN_LOCATION;
    if (loc == UNKNOWN_LOCATION && cfun)
        loc = DECL_SOURCE_LOCATION(cfun->decl);
    return fe_pos(loc);
}

/* GCC's gimplifier gives every call argument the location of the call it is
 * passed to, so `use(gomap_make(...))` would report the make at `use`.  Before
 * gimplification (PLUGIN_PRE_GENERICIZE) a gomap_make call passed directly as an
 * argument is wrapped in a no-op conversion: the wrapper takes the outer call's
 * location, the call keeps its own, and the gimplifier drops the wrapper. */
static tree keep_arg_location(tree *tp, int *, void *)
{
    if (TREE_CODE(*tp) != CALL_EXPR)
        return NULL_TREE;
    for (int i = 0; i < call_expr_nargs(*tp); i++) {
        tree a = CALL_EXPR_ARG(*tp, i);
        if (TREE_CODE(a) == CALL_EXPR && EXPR_HAS_LOCATION(a)
            && fe_is_gomap_fn(get_callee_fndecl(a), "gomap_make"))
            CALL_EXPR_ARG(*tp, i) = build1_loc(EXPR_LOCATION(a), NOP_EXPR,
                                               TREE_TYPE(a), a);
    }
    return NULL_TREE;
}

void fe_pre_genericize(void *gcc_data, void *)
{
    tree fndecl = (tree)gcc_data;
    if (fndecl && TREE_CODE(fndecl) == FUNCTION_DECL && DECL_SAVED_TREE(fndecl))
        walk_tree_without_duplicates(&DECL_SAVED_TREE(fndecl), keep_arg_location, NULL);
}
