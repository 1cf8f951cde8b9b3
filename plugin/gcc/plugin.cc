/*
 * escape.so - Go's escape analysis for gomap maps, as a GCC 12 plugin.
 *
 * Every gomap_make() whose map provably does not outlive its function gets its
 * header (and, when small enough, its first bucket) on the caller's stack: the
 * call becomes gomap_make_on() with storage the plugin adds to the frame.
 *
 * Options (-fplugin-arg-escape-NAME[=VALUE]):
 *   m, m=N            print Go -gcflags=-m style decisions (N = 1 or 2; 2 adds
 *                     the flow explaining each escape)
 *   max-kv-size=N     largest key+value size whose first bucket may go on the
 *                     stack (default 128)
 *   recursive-frame-limit=N
 *                     map storage per frame of a function in a recursive cycle
 *                     (default 256; others get 64 KiB)
 *   transform=yes|no  rewrite the calls (default yes); no = analyse and report
 *   json=PATH         write every decision as JSON (PATH a directory: a file per unit)
 *   sarif=PATH        the same as SARIF 2.1.0
 *
 * Attribute:
 *   __attribute__((noescape)) on a pointer parameter: the callee keeps nothing
 *   reachable from it, even when its body is elsewhere.
 *
 * Usage:
 *   gcc -O2 -fplugin=build/escape.so -fplugin-arg-escape-m -c prog.c
 *
 * Before:
 *   size_t count(const int *xs, size_t n) {
 *       gomap *seen = gomap_make(GOMAP_TYPE(int, bool), 0);
 *       for (size_t i = 0; i < n; i++) *(bool *)gomap_assign(seen, &xs[i]) = true;
 *       size_t r = gomap_len(seen);
 *       gomap_free(seen);
 *       return r;
 *   }
 * After (GIMPLE):
 *   char gomap_hmap.0[96] __attribute__((aligned(8)));
 *   char gomap_bucket.1[...] __attribute__((aligned(8)));
 *   seen_4 = gomap_make_on (&gomap_t_, 0, &gomap_hmap.0, &gomap_bucket.1);
 * and with -fplugin-arg-escape-m:
 *   prog.c:2:18: make(map[int]bool) does not escape
 *   prog.c:1:32: xs does not escape
 *
 * The pass is a SIMPLE_IPA pass right after "build_ssa_passes": it sees every
 * function of the unit in SSA form, at any -O level, before early inlining and
 * GCC's own optimisations, so the decisions do not depend on -O.  In lto1 it does
 * nothing (the compile step already rewrote the bodies it streamed).
 *
 * Version check: GCC plugins are tied to the exact compiler they were built
 * against (tree codes, pass structures and struct layouts change between
 * releases).  plugin_init compares the running GCC with the one recorded in
 * plugin-version.h at build time (plugin_default_version_check: version,
 * date stamp, dev phase, revision and configure arguments); on a mismatch it
 * reports a GCC error naming both versions and returns non-zero, so GCC stops
 * with "fail to initialize plugin" instead of crashing in mismatched data
 * structures.  (Testing this needs a second GCC build, so the suite does not.)
 */
#include "fe.h"
#include "plugin-version.h"
#include "context.h"

int plugin_is_GPL_compatible;

unsigned fe_run_unit(void);

static struct plugin_info escape_info = {
    ESC_TOOL_VERSION,
    "Go escape analysis for gomap maps; -fplugin-arg-escape-{m[=N],max-kv-size=N,"
    "recursive-frame-limit=N,transform=yes|no,json=PATH,sarif=PATH}"
};

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

static const pass_data escape_pass_data = {
    SIMPLE_IPA_PASS,
    "escape",           /* name */
    OPTGROUP_NONE,
    TV_NONE,
    0, 0, 0, 0, 0,
};

class escape_pass : public simple_ipa_opt_pass {
public:
    escape_pass(gcc::context *ctx) : simple_ipa_opt_pass(escape_pass_data, ctx) {}
    bool gate(function *) final override { return !in_lto_p && !seen_error(); }
    unsigned execute(function *) final override { return fe_run_unit(); }
};

static bool version_ok(const char *name, struct plugin_gcc_version *version)
{
    if (plugin_default_version_check(version, &gcc_version))
        return true;
    error("plugin %qs was built for GCC %s (%s) but is loaded by GCC %s (%s); "
          "rebuild it with this compiler", name, gcc_version.basever,
          gcc_version.datestamp, version->basever, version->datestamp);
    return false;
}

int plugin_init(struct plugin_name_args *info, struct plugin_gcc_version *version)
{
    if (!version_ok(info->base_name, version))
        return 1;
    register_callback(info->base_name, PLUGIN_INFO, NULL, &escape_info);
    if (!fe_parse_args(info->base_name, info->argc, info->argv))
        return 0;       /* error() already failed the compilation; no pass */

    register_callback(info->base_name, PLUGIN_ATTRIBUTES, fe_register_attributes, NULL);
    register_callback(info->base_name, PLUGIN_FINISH_DECL, fe_note_decl, NULL);
    register_callback(info->base_name, PLUGIN_PRE_GENERICIZE, fe_pre_genericize, NULL);
    register_callback(info->base_name, PLUGIN_REGISTER_GGC_ROOTS, NULL,
                      (void *)escape_roots);

    struct register_pass_info pass;
    pass.pass = new escape_pass(g);
    pass.reference_pass_name = "build_ssa_passes";
    pass.ref_pass_instance_number = 1;
    pass.pos_op = PASS_POS_INSERT_AFTER;
    register_callback(info->base_name, PLUGIN_PASS_MANAGER_SETUP, NULL, &pass);
    return 0;
}
