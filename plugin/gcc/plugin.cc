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
 *
 * Two files: escape.so is this loader, escape-analysis.so (next to it) the
 * analysis, loaded only for a unit that may need it (loader.h): a plugin
 * argument, a declaration of a function named gomap_*, a noescape
 * attribute, a precompiled header, or C++ modules (-fmodules-ts).  Every other
 * unit (most of a project adding the plugin to its flags) costs the loader
 * only: a few of cc1's symbols resolved instead of some 140, which was most of
 * the plugin's cost on files that use no map.
 */
#include "gcc-plugin.h"
#include "plugin-version.h"
#include "tree.h"
#include "tree-pass.h"
#include "context.h"
#include "diagnostic-core.h"
#include <dlfcn.h>
#include "escape.h"
#include "loader.h"

int plugin_is_GPL_compatible;

static struct plugin_info escape_info = {
    ESC_TOOL_VERSION,
    "Go escape analysis for gomap maps; -fplugin-arg-escape-{m[=N],max-kv-size=N,"
    "recursive-frame-limit=N,transform=yes|no,json=PATH,sarif=PATH}"
};

static struct plugin_name_args *self;           /* GCC keeps it for the whole compile */
static const struct escape_analysis *analysis;  /* NULL until loaded */
static bool load_failed;

/* escape-analysis.so from escape.so's directory, its entry point checked to be
 * this build's.  A failure is an error (the unit needs the analysis: it names
 * the runtime or uses noescape) and is reported once. */
static bool load(void)
{
    if (analysis || load_failed)
        return analysis != NULL;
    load_failed = true;
    const char *dir_end = strrchr(self->full_name, '/');
    size_t dlen = dir_end ? (size_t)(dir_end - self->full_name) + 1 : 0;
    size_t n = dlen + sizeof ESCAPE_ANALYSIS_SO;
    char *path = XNEWVEC(char, n);
    memcpy(path, self->full_name, dlen);
    memcpy(path + dlen, ESCAPE_ANALYSIS_SO, sizeof ESCAPE_ANALYSIS_SO);
    void *h = dlopen(dlen ? path : "./" ESCAPE_ANALYSIS_SO, RTLD_NOW | RTLD_LOCAL);
    escape_analysis_entry_fn *entry
        = h ? (escape_analysis_entry_fn *)dlsym(h, ESCAPE_ANALYSIS_ENTRY) : NULL;
    const struct escape_analysis *a = entry ? entry() : NULL;
    if (!a || strcmp(a->version, ESC_TOOL_VERSION) != 0) {
        const char *why = !h ? dlerror() : !a ? "no " ESCAPE_ANALYSIS_ENTRY
                          : "built from another version";
        error("plugin %qs: cannot load %qs: %s", self->base_name, path, why);
        XDELETEVEC(path);
        return false;
    }
    XDELETEVEC(path);
    if (!a->init(self))
        return false;   /* a bad argument: error() said which */
    analysis = a;
    load_failed = false;
    return true;
}

/* The callbacks: each hands over to the analysis once it is loaded, and loads
 * it when what it sees means the unit may need it. */
static tree handle_noescape(tree *node, tree name, tree args, int flags, bool *no_add)
{
    if (!load()) {
        *no_add = true;
        return NULL_TREE;
    }
    return analysis->handle_noescape(node, name, args, flags, no_add);
}

static const struct attribute_spec noescape_attr = {
    "noescape", 0, 0, true, false, false, false, handle_noescape, NULL
};

static void register_attributes(void *, void *)
{
    register_attribute(&noescape_attr);
}

static bool runtime_name(tree decl)
{
    return decl && TREE_CODE(decl) == FUNCTION_DECL && DECL_NAME(decl)
        && esc_runtime_prefixed(IDENTIFIER_POINTER(DECL_NAME(decl)));
}

static void note_decl(void *gcc_data, void *user_data)
{
    if (analysis || (runtime_name((tree)gcc_data) && load()))
        analysis->note_decl(gcc_data, user_data);
}

/* A precompiled header's declarations come back as they were saved: no
 * PLUGIN_FINISH_DECL, no attribute handler runs for them, so whether the unit
 * needs the analysis cannot be seen from them (a noescape promise made there
 * must still be checked where the function is defined).  Reading one loads
 * the analysis; GCC then calls the front end's own hook, if it has one. */
extern void (*lang_post_pch_load)(void) __attribute__((weak));   /* c-family: not in lto1 */
static void (*next_post_pch_load)(void);

static void post_pch_load(void)
{
    if (load())
        analysis->note_restored_decls();
    if (next_post_pch_load)
        next_post_pch_load();
}

static void pre_genericize(void *gcc_data, void *user_data)
{
    if (analysis)
        analysis->pre_genericize(gcc_data, user_data);
}

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
    bool gate(function *) final override { return analysis != NULL; }
    unsigned execute(function *) final override { return analysis->run_unit(); }
};

int plugin_init(struct plugin_name_args *info, struct plugin_gcc_version *version)
{
    if (!plugin_default_version_check(version, &gcc_version)) {
        error("plugin %qs was built for GCC %s (%s) but is loaded by GCC %s (%s); "
              "rebuild it with this compiler", info->base_name, gcc_version.basever,
              gcc_version.datestamp, version->basever, version->datestamp);
        return 1;
    }
    self = info;
    register_callback(info->base_name, PLUGIN_INFO, NULL, &escape_info);
    /* arguments (-m, json=, transform=no, ...) are the analysis's: checked now,
     * and a bad one fails the compilation with no pass, as GCC's own options do */
    if (info->argc > 0 && !load())
        return 0;
    /* C++20 modules: an imported header unit's or module's declarations come
     * back as a precompiled header's do (below), at an import no hook shows. */
    if (flag_modules) {
        if (!load())
            return 0;
        analysis->note_restored_decls();
    }

    if (&lang_post_pch_load) {   /* a C-family front end */
        next_post_pch_load = lang_post_pch_load;
        lang_post_pch_load = post_pch_load;
    }
    register_callback(info->base_name, PLUGIN_ATTRIBUTES, register_attributes, NULL);
    register_callback(info->base_name, PLUGIN_FINISH_DECL, note_decl, NULL);
    register_callback(info->base_name, PLUGIN_PRE_GENERICIZE, pre_genericize, NULL);

    struct register_pass_info pass;
    pass.pass = new escape_pass(g);
    pass.reference_pass_name = "build_ssa_passes";
    pass.ref_pass_instance_number = 1;
    pass.pos_op = PASS_POS_INSERT_AFTER;
    register_callback(info->base_name, PLUGIN_PASS_MANAGER_SETUP, NULL, &pass);
    return 0;
}
