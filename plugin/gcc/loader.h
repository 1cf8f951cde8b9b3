/* loader.h - what escape.so (plugin.cc, the loader) asks of escape-analysis.so
 * (analysis.cc and everything else in plugin/gcc and plugin/core).
 *
 * The loader is what GCC loads into every compile that names the plugin; it
 * imports a handful of cc1's symbols.  The analysis imports some 130 more,
 * and GCC loads plugins with RTLD_NOW, so each compile would look them all up
 * in cc1's symbol tables (0.5-0.7 ms a compile, measured: bench/README,
 * "Compile time").  The loader therefore loads the analysis only when a unit
 * may need it: a plugin argument is given, a function named gomap_* is
 * declared, noescape is applied, a precompiled header is read or C++ modules
 * are enabled (whose declarations come back without any of these events).  A
 * unit with none of these gets no map on the stack, no specialised call and no
 * message from the analysis either.
 */
#ifndef ESCAPE_LOADER_H
#define ESCAPE_LOADER_H

#define ESCAPE_ANALYSIS_SO "escape-analysis.so"   /* next to escape.so */
#define ESCAPE_ANALYSIS_ENTRY "escape_analysis_entry"

struct escape_analysis {
    const char *version;    /* ESC_TOOL_VERSION: the loader refuses another build's */
    /* Parses the plugin's arguments (false: error() already said why) and
     * registers the analysis's GC roots. */
    bool (*init)(struct plugin_name_args *info);
    /* __attribute__((noescape))'s handler (attribute_spec.handler) */
    tree (*handle_noescape)(tree *node, tree name, tree args, int flags, bool *no_add);
    void (*note_decl)(void *gcc_data, void *user_data);        /* PLUGIN_FINISH_DECL */
    void (*pre_genericize)(void *gcc_data, void *user_data);   /* PLUGIN_PRE_GENERICIZE */
    unsigned (*run_unit)(void);                                 /* the pass */
    /* The unit has declarations never shown to note_decl nor their attributes
     * to handle_noescape: a precompiled header was read, or C++ modules may be
     * imported (-fmodules-ts). */
    void (*note_restored_decls)(void);
};

typedef const struct escape_analysis *escape_analysis_entry_fn(void);

#endif
