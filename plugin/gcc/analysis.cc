/* analysis.cc - escape-analysis.so's entry point: what escape.so (plugin.cc)
 * calls once it has decided that a unit may need the analysis (loader.h).
 *
 *   init             parse the plugin's arguments (args.cc), register the GC roots
 *   handle_noescape  the noescape attribute's handler (attrs.cc)
 *   note_decl        PLUGIN_FINISH_DECL: promises, gomap_fast.h, gomap_make_on
 *   pre_genericize   PLUGIN_PRE_GENERICIZE: argument locations (position.cc)
 *   run_unit         the SIMPLE_IPA pass after "build_ssa_passes" (unit.cc); in
 *                    lto1 nothing (the compile step already rewrote the bodies
 *                    it streamed), nor after an error
 *   note_restored_decls
 *                    a precompiled header was read, or C++ modules are on: the
 *                    pass runs in full (declarations whose promises were never
 *                    seen: unit.cc)
 */
#include "fe.h"
#include "loader.h"

unsigned fe_run_unit(void);

static const struct ggc_root_tab escape_roots[] = {
    { &fe_make_on_decl, 1, sizeof(fe_make_on_decl), &gt_ggc_mx_tree_node,
      &gt_pch_nx_tree_node },
    { &fe_make_into_decl, 1, sizeof(fe_make_into_decl), &gt_ggc_mx_tree_node,
      &gt_pch_nx_tree_node },
    { &fe_promises, 1, sizeof(fe_promises), &gt_ggc_mx_tree_node,
      &gt_pch_nx_tree_node },
    { &fe_fast_decls, 1, sizeof(fe_fast_decls), &gt_ggc_mx_tree_node,
      &gt_pch_nx_tree_node },
    LAST_GGC_ROOT_TAB
};

static bool init(struct plugin_name_args *info)
{
    if (!fe_parse_args(info->base_name, info->argc, info->argv))
        return false;
    register_callback(info->base_name, PLUGIN_REGISTER_GGC_ROOTS, NULL,
                      (void *)escape_roots);
    return true;
}

static unsigned run_unit(void)
{
    if (in_lto_p || seen_error())
        return 0;
    return fe_run_unit();
}

bool fe_restored_decls;

static void note_restored_decls(void)
{
    fe_restored_decls = true;
}

static const struct escape_analysis analysis = {
    ESC_TOOL_VERSION, init, fe_handle_noescape, fe_note_decl, fe_pre_genericize, run_unit,
    note_restored_decls,
};

extern "C" const struct escape_analysis *escape_analysis_entry(void)
{
    return &analysis;
}
