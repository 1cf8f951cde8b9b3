/* position.cc - GCC locations as the core's esc_pos (FILE:LINE:COL as GCC prints
 * them).  A location inside a macro expansion is reported at the expansion point,
 * the place the user wrote; "in system header" is judged there too.  Columns
 * are printed the way GCC's own diagnostics count them (-fdiagnostics-column-unit,
 * tabs expanded by default), but that conversion re-reads the source line through
 * GCC's file cache, whose line index is sparse (a line far behind the last one
 * read costs a scan of up to 1% of the file): positions keep GCC's byte column,
 * which orders the sites of a line the same way, and only the positions actually
 * printed (-m lines, JSON) are converted, by fe_print_col (esc_options.print_col).
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
    p.col = x.column;
    p.in_system_header = in_system_header_at(loc);
    return p;
}

/* The display column of a printed position.  -m=2 prints the same positions
 * again and again (every hop of a flow repeats the diagnostic's own): the last
 * conversions are remembered, keyed by the interned file name, line and column. */
struct col_memo { const char *file; int line, col, out; };
static col_memo col_cache[64];

void fe_print_col_forget(void)       /* the interned names die with the context */
{
    memset(col_cache, 0, sizeof col_cache);
}

int fe_print_col(esc_pos p)
{
    if (p.col <= 0 || !p.file)
        return p.col;
    col_memo *m = &col_cache[((unsigned)p.line * 31u + (unsigned)p.col) % 64u];
    if (m->file == p.file && m->line == p.line && m->col == p.col)
        return m->out;
    expanded_location x;
    memset(&x, 0, sizeof x);
    x.file = p.file;
    x.line = p.line;
    x.column = p.col;
    m->file = p.file;
    m->line = p.line;
    m->col = p.col;
    m->out = diagnostic_converted_column(global_dc, x);
    return m->out;
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
    /* no gomap_make call is possible before its name has been read */
    if (!maybe_get_identifier("gomap_make"))
        return;
    if (fndecl && TREE_CODE(fndecl) == FUNCTION_DECL && DECL_SAVED_TREE(fndecl))
        walk_tree_without_duplicates(&DECL_SAVED_TREE(fndecl), keep_arg_location, NULL);
}
