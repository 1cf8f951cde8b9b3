/* unit.cc - the pass body: one translation unit, analysed in one go.
 *
 *   1. every function with a GIMPLE body gets an esc_func and its parameters
 *      (callees without a body get theirs lazily, from their type);
 *   2. every body is translated (translate.cc, calls.cc);
 *   3. esc_solve, then the -m report, the JSON and SARIF records (json=PATH,
 *      sarif=PATH: see write_records), the noescape promises (a parameter
 *      declared noescape that leaks is an error) and the rewrite.
 *
 * Trust (callers may use a body's summary) needs the body to be the one that
 * runs: see body_runs.
 */
#include "fe.h"
#include "varasm.h"

static const char *decl_name(tree decl)
{
    return DECL_NAME(decl) ? IDENTIFIER_POINTER(DECL_NAME(decl)) : "?";
}

static const char *parm_name(tree parm)
{
    return parm && DECL_NAME(parm) ? IDENTIFIER_POINTER(DECL_NAME(parm)) : "";
}

static bool has_attr(tree decl, const char *name)
{
    return lookup_attribute(name, DECL_ATTRIBUTES(decl)) != NULL_TREE;
}

/* naked: the body is asm that reads the parameters' registers; GIMPLE shows none
 * of it. */
static bool naked(tree decl)
{
    return has_attr(decl, "naked");
}

/* Is this body the one a call runs?  GCC's availability says AVAIL_AVAILABLE
 * for bodies it may inline but that are not the definition linked:
 *   - DECL_EXTERNAL: a C99 inline definition (`inline` without `extern` in any
 *     declaration) or a gnu_inline / -fgnu89-inline `extern inline` body; a call
 *     that is not inlined (-O0, -fno-inline, too big) runs the external
 *     definition of another unit (C11 6.7.4p7), which may do anything.  Unless
 *     always_inline: every direct call is then inlined (or the compilation fails);
 *   - an inline public function that can be interposed (-fPIC without
 *     -fno-semantic-interposition), which GCC deems safe to analyse and C does not;
 *   - naked (the body is asm), noipa (its callers must not look inside; GCC's
 *     naked implies it), ifunc (the resolver picks the body at load time).
 * Weak and interposable functions are below AVAIL_AVAILABLE already. */
static bool symbol_char(char c)
{
    return ISALNUM(c) || c == '_' || c == '.' || c == '$';
}

/* Does TEXT, handed to the assembler, hold a directive (`.weak`, `.set`,
 * `.macro`, `.include`, ...) or a symbol assignment (`a = b`)?  Any of them may
 * bind a symbol of the unit to another definition than the one C shows, under
 * any spelling (a macro can paste the name together). */
static bool asm_binds(const char *t)
{
    for (const char *p = t; *p; p++)
        if ((*p == '.' && (p == t || !symbol_char(p[-1])) && ISALPHA(p[1])) || *p == '=')
            return true;
    return false;
}

/* A plain name?  GCC writes section names, asm labels and alias targets into
 * the assembly as they are: anything else may smuggle a directive in. */
static bool plain_name(const char *n)
{
    for (; n && *n; n++)
        if (!symbol_char(*n) && *n != '-')
            return false;
    return true;
}

/* The other strings GCC writes into the assembly as they are: a symbol's asm
 * label, a weakref's or alias's target, ifunc and symver strings.  Plain names,
 * and no symver (which binds a versioned name)? */
static bool plain_strings(symtab_node *sym)
{
    tree decl = sym->decl;
    if (DECL_ASSEMBLER_NAME_SET_P(decl)) {
        const char *raw = IDENTIFIER_POINTER(DECL_ASSEMBLER_NAME_RAW(decl));
        if (!plain_name(raw + (*raw == '*')))
            return false;
    }
    if (sym->alias_target && TREE_CODE(sym->alias_target) == IDENTIFIER_NODE
        && !plain_name(IDENTIFIER_POINTER(sym->alias_target)))
        return false;
    for (tree a = DECL_ATTRIBUTES(decl); a; a = TREE_CHAIN(a)) {
        tree name = get_attribute_name(a);
        if (is_attribute_p("symver", name))
            return false;
        if (!is_attribute_p("alias", name) && !is_attribute_p("weakref", name)
            && !is_attribute_p("ifunc", name))
            continue;
        for (tree v = TREE_VALUE(a); v; v = TREE_CHAIN(v))
            if (TREE_VALUE(v) && TREE_CODE(TREE_VALUE(v)) == STRING_CST
                && !plain_name(TREE_STRING_POINTER(TREE_VALUE(v))))
                return false;
    }
    return true;
}

static bool unit_asm_binds;

/* Set once per unit (fe_run_unit): top-level asm, asm statements in bodies and
 * section names that may bind symbols (docs/design.md, "Symbols bound outside
 * C").  Then no symbol's body or initializer is trusted, every library call is
 * the program's (own_body), and printf conversions may be replaced. */
static void scan_asm(void)
{
    unit_asm_binds = false;
    for (asm_node *a = symtab->first_asm_symbol(); a; a = a->next)
        if (TREE_CODE(a->asm_str) != STRING_CST || asm_binds(TREE_STRING_POINTER(a->asm_str)))
            unit_asm_binds = true;
    symtab_node *sym;
    FOR_EACH_SYMBOL(sym)
        if (!plain_name(sym->get_section()) || !plain_strings(sym))
            unit_asm_binds = true;
    cgraph_node *node;
    FOR_EACH_FUNCTION_WITH_GIMPLE_BODY(node) {
        function *fun = DECL_STRUCT_FUNCTION(node->decl);
        basic_block bb;
        if (fun && fun->cfg)
            FOR_EACH_BB_FN(bb, fun)
                for (gimple_stmt_iterator g = gsi_start_bb(bb); !gsi_end_p(g); gsi_next(&g))
                    if (gasm *a = dyn_cast<gasm *>(gsi_stmt(g)))
                        if (asm_binds(gimple_asm_string(a)))
                            unit_asm_binds = true;
    }
}

bool fe_asm_binds(void)
{
    return unit_asm_binds;
}

/* Does a top-level asm statement name the symbol SYM (as a whole name)?  Also
 * rewrite.cc's test for a clone name already taken. */
bool fe_asm_names(const char *sym)
{
    size_t n = sym ? strlen(sym) : 0;
    if (!n)
        return false;
    for (asm_node *a = symtab->first_asm_symbol(); a; a = a->next) {
        if (TREE_CODE(a->asm_str) != STRING_CST)
            return true;        /* unreadable: may name anything */
        const char *t = TREE_STRING_POINTER(a->asm_str);
        for (const char *p = strstr(t, sym); p; p = strstr(p + 1, sym))
            if ((p == t || !symbol_char(p[-1])) && !symbol_char(p[n]))
                return true;
    }
    return false;
}

/* Is DECL's symbol bound by asm text: named in a top-level asm statement (`a = b`
 * needs no directive), or any asm of the unit binds symbols (scan_asm)?  There
 * `.weak`, `.set`, `.symver` or `.globl` may bind it to another definition than
 * the one C shows (a weak symbol overridden at link time): its body, or its
 * initializer, is not surely the one that runs. */
bool fe_named_in_asm(tree decl)
{
    return unit_asm_binds
        || fe_asm_names(DECL_ASSEMBLER_NAME_SET_P(decl) ? fe_linked_symbol(decl)
                        : DECL_NAME(decl) ? IDENTIFIER_POINTER(DECL_NAME(decl)) : NULL);
}

static bool body_runs(cgraph_node *node)
{
    tree decl = node->decl;
    if (node->get_availability() < AVAIL_AVAILABLE || fe_named_in_asm(decl))
        return false;
    if (DECL_EXTERNAL(decl) && !has_attr(decl, "always_inline"))
        return false;
    if (TREE_PUBLIC(decl) && !DECL_EXTERNAL(decl) && decl_replaceable_p(decl, false))
        return false;
    return !naked(decl) && !has_attr(decl, "noipa") && !has_attr(decl, "ifunc");
}

/* A function with a body: parameters from its PARM_DECLs.  One the compiler
 * made (DECL_ARTIFICIAL: OpenMP's .omp_data_i) is analysed like any other but
 * gets no -m line: diagnostics are about what the user wrote. */
static void register_defined(fe_unit *u, cgraph_node *node)
{
    tree decl = node->decl;
    /* A function a system header's macro wrote (gomap_typed.h's GOMAP_DECLARE expands
     * in the user's file): its body's `{` is spelled in that header.  Its function and
     * parameter lines are the header's, not the user's: no -m line for them. */
    function *fn = DECL_STRUCT_FUNCTION(decl);
    bool sys = fn && in_system_header_at(fn->function_start_locus);
    esc_pos fpos = fe_pos(DECL_SOURCE_LOCATION(decl));
    fpos.in_system_header |= sys;
    esc_func *f = esc_func_new(u->ctx, decl_name(decl), fpos, true, body_runs(node));
    if (lookup_attribute("always_inline", DECL_ATTRIBUTES(decl)))
        esc_func_always_inline(f);      /* its frame joins every caller's */
    int i = 0;
    for (tree p = DECL_ARGUMENTS(decl); p; p = DECL_CHAIN(p), i++) {
        bool named = DECL_NAME(p) != NULL_TREE && !DECL_ARTIFICIAL(p);
        esc_pos ppos = fe_pos(DECL_SOURCE_LOCATION(p));
        ppos.in_system_header |= sys;
        esc_loc l = esc_param(f, i, parm_name(p), ppos,
                              named && POINTER_TYPE_P(TREE_TYPE(p)),
                              fe_parm_decl_noescape(p));
        if (naked(decl))        /* the asm may keep any parameter anywhere */
            esc_escape(f, l, 0, fe_pos(DECL_SOURCE_LOCATION(p)), "naked function");
        u->params->put(p, l);
    }
    if (!fe_cloneable(decl))
        esc_func_no_outputs(f);
    u->funcs->put(decl, f);
}

/* A callee the unit has no (trustworthy) body for: parameters from its type, so
 * that noescape parameters keep nothing; an unprototyped one has none, so every
 * argument escapes as a vararg. */
static esc_func *register_external(fe_unit *u, tree decl, bool promises)
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
            esc_param(f, (int)i, "", fe_pos(DECL_SOURCE_LOCATION(decl)), false,
                      promises && noescape[i]);
    }
    u->funcs->put(decl, f);
    return f;
}

static bool analysable(cgraph_node *node);

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
    /* A declaration naming another function's symbol (`__asm__("impl")`) calls
     * that function: its body's summary when the unit has it and the
     * declaration promises nothing; its promises, which are checked against
     * that body (promises.cc), when it has it; none otherwise.  An ifunc's
     * promises hold when its resolver returns only addresses of functions
     * with a body here, each checked. */
    cgraph_node *renamed = fe_renamed_body(decl);
    esc_func *body = renamed ? fe_body_here(u, renamed->decl) : NULL;
    if (body && !fe_promises_any(TREE_TYPE(decl)))
        return body;
    bool checked = renamed ? body != NULL
                 : node && node->ifunc_resolver ? fe_resolver_checked(u, decl)
                 : node && node->alias ? fe_body_here(u, decl) != NULL     /* weakref, alias */
                 : true;
    return register_external(u, decl, checked);
}

/* The analysed body that runs for DECL, when this unit has it for sure: no
 * ifunc on the way, not weak or interposable (another unit's definition may be
 * the one that runs), a body translated here; NULL otherwise. */
esc_func *fe_body_here(fe_unit *u, tree decl)
{
    cgraph_node *n = cgraph_node::get(decl);
    if (!n)
        return NULL;
    symtab_node *s = n;
    for (int i = 0; i < 64 && s && s->alias && s->analyzed; i++, s = s->get_alias_target())
        if (s->ifunc_resolver || fe_named_in_asm(s->decl))
            return NULL;
    enum availability avail = AVAIL_NOT_AVAILABLE;
    cgraph_node *t = n->ultimate_alias_target(&avail);
    if (!t || t->ifunc_resolver || avail < AVAIL_AVAILABLE || DECL_WEAK(t->decl) || !analysable(t)
        || !body_runs(t))
        return NULL;
    esc_func **f = u->funcs->get(t->decl);
    return f ? *f : NULL;
}

/* The function defined in this unit that DECL's symbol names when the user
 * renamed it with an asm label, or NULL. */
cgraph_node *fe_renamed_body(tree decl)
{
    if (!DECL_ASSEMBLER_NAME_SET_P(decl))
        return NULL;
    for (symtab_node *n = symtab_node::get_for_asmname(DECL_ASSEMBLER_NAME_RAW(decl)); n;
         n = n->next_sharing_asm_name)
        if (cgraph_node *c = dyn_cast<cgraph_node *>(n))
            if (c->decl != decl && c->definition)
                return c;
    return NULL;
}

static bool analysable(cgraph_node *node)
{
    return !node->alias && !node->thunk && DECL_STRUCT_FUNCTION(node->decl)
        && DECL_STRUCT_FUNCTION(node->decl)->cfg
        && gimple_in_ssa_p(DECL_STRUCT_FUNCTION(node->decl));
}

/* Unknown code may call a function whose address is taken (callbacks, function
 * pointers): the frame budget counts that as a possible cycle (summary.c). */
static void note_address_taken(fe_unit *u)
{
    cgraph_node *node;
    FOR_EACH_FUNCTION(node) {
        if (!node->address_taken)
            continue;
        cgraph_node *target = node->ultimate_alias_target();
        esc_func **f = u->funcs->get(target ? target->decl : node->decl);
        if (f)
            esc_func_address_taken(*f);
    }
}

/* __attribute__((noescape)) is a promise callers in other units rely on (they
 * keep their maps on the stack): a parameter the analysis finds leaking is an
 * error at its declaration, with the flow when -m=2 (or JSON) captured it. */
static void flow_note(void *arg, const char *text)
{
    inform(*(location_t *)arg, "%s", text);
}

static int by_position(const void *a, const void *b)
{
    expanded_location x = expand_location(DECL_SOURCE_LOCATION((*(cgraph_node *const *)a)->decl));
    expanded_location y = expand_location(DECL_SOURCE_LOCATION((*(cgraph_node *const *)b)->decl));
    int k = strcmp(x.file ? x.file : "", y.file ? y.file : "");
    if (k)
        return k;
    if (x.line != y.line)
        return x.line < y.line ? -1 : 1;
    return (x.column > y.column) - (x.column < y.column);
}

static void check_promises(fe_unit *u)
{
    auto_vec<cgraph_node *> nodes;
    cgraph_node *n;
    FOR_EACH_FUNCTION_WITH_GIMPLE_BODY(n)
        if (analysable(n) && u->funcs->get(n->decl))
            nodes.safe_push(n);
    nodes.qsort(by_position);
    for (cgraph_node *node : nodes) {
        esc_func **f = u->funcs->get(node->decl);
        int i = 0;
        for (tree p = DECL_ARGUMENTS(node->decl); p; p = DECL_CHAIN(p), i++) {
            char msg[700];
            location_t loc = DECL_SOURCE_LOCATION(p);
            if (!esc_promise_broken(u->ctx, *f, i, msg, sizeof msg))
                continue;
            error_at(loc, "%s", msg);
            esc_promise_flow(u->ctx, *f, i, flow_note, &loc);
        }
    }
}

/* The unit's name, what its output file is called without extension: the
 * driver passes -dumpdir DIR/ -dumpbase NAME.c -dumpbase-ext .c for `-c -o
 * DIR/NAME.o` (NAME.c and no -dumpdir for `-c NAME.c`, -dumpdir PROG- when
 * linking), which is also how GCC names the unit's dump and -save-temps files.
 * Whether finish_options has already joined DIR to NAME and dropped the
 * extension depends on the release, so both are handled.  cc1 run by hand
 * without -dumpbase: the main input file's name. */
static char *unit_name(void)
{
    const char *base = dump_base_name ? dump_base_name : main_input_filename;
    const char *dir = dump_dir_name;
    const char *ext = dump_base_ext;
    if (!base || !*base)
        base = "unit";
    size_t dlen = dir ? strlen(dir) : 0;
    if (dlen && !strncmp(base, dir, dlen))
        dir = NULL, dlen = 0;
    size_t blen = strlen(base);
    size_t elen = ext ? strlen(ext) : 0;
    if (elen && blen > elen && !strcmp(base + blen - elen, ext))
        blen -= elen;
    else if (!ext || !dump_base_name) {
        const char *dot = strrchr(base, '.'), *slash = strrchr(base, '/');
        if (dot && dot > base && (!slash || dot > slash + 1))
            blen = (size_t)(dot - base);
    }
    char *name = XNEWVEC(char, dlen + blen + 1);
    if (dlen)
        memcpy(name, dir, dlen);
    memcpy(name + dlen, base, blen);
    name[dlen + blen] = 0;
    return name;
}

/* json=PATH, sarif=PATH: this unit's file (PATH, or a file in the directory
 * PATH named after the unit; plugin/core/output.c).  A file that cannot be
 * written is an error without a source position: it is about no line. */
static void write_records(esc_ctx *ctx)
{
    if (!fe_opts.json_path && !fe_opts.sarif_path)
        return;
    char *unit = unit_name();
    for (int k = 0; k < 2; k++) {
        const char *path = k ? fe_opts.sarif_path : fe_opts.json_path;
        esc_format fmt = k ? ESC_FORMAT_SARIF : ESC_FORMAT_JSON;
        if (!path)
            continue;
        char *part = esc_render(ctx, fmt, unit, main_input_filename);
        char *file = esc_output_path(path, unit, fmt);
        if (esc_write_parts(file, fmt, &part, 1) != 0) {
            const char *why = xstrerror(errno);
            error_at(UNKNOWN_LOCATION, "escape plugin: cannot write %qs: %s", file, why);
        }
        free(file);
        free(part);
    }
    XDELETEVEC(unit);
}

static esc_options core_options(void)
{
    esc_options o = fe_opts;
    o.print_col = fe_print_col;
    return o;
}

/* Does code of the unit (outside gomap_fast.h's inline paths, which only the
 * rewrite calls) call a function named gomap_* or take its address?  By its C
 * name or the symbol it links to: every runtime entry point is so named. */
static bool runtime_named(tree decl)
{
    const char *sym = fe_linked_symbol(decl);
    return (DECL_NAME(decl) && esc_runtime_prefixed(IDENTIFIER_POINTER(DECL_NAME(decl))))
        || esc_runtime_prefixed(sym);
}

static bool uses_runtime(void)
{
    cgraph_node *node;
    FOR_EACH_FUNCTION(node) {
        if (!runtime_named(node->decl) || fe_fast_helper(node->decl))
            continue;
        for (cgraph_edge *e = node->callers; e; e = e->next_caller)
            if (!fe_fast_helper(e->caller->decl))
                return true;
        ipa_ref *ref;
        for (unsigned i = 0; node->iterate_referring(i, ref); i++)
            if (!fe_fast_helper(ref->referring->decl))
                return true;
    }
    return false;
}

/* A unit that uses no runtime function makes no map the rewrite could move and
 * no map call it could specialise; asking for no report (-m, json, sarif),
 * making no noescape promise and restoring no declarations (a precompiled
 * header, C++ modules: promises never seen), it has nothing the pass could
 * change or say.  The pass then stops at once: a plugin added to a whole
 * project's flags costs the units without maps its loading only (bench/README,
 * "Compile time"). */
static bool nothing_to_do(void)
{
    return !fe_opts.m && !fe_opts.json_path && !fe_opts.sarif_path && !fe_noescape_used
        && !fe_restored_decls && !uses_runtime();
}

unsigned fe_run_unit(void)
{
    if (fe_restored_decls)
        fe_note_unit_decls();
    if (nothing_to_do()) {
        fe_fast_helpers_release();
        return 0;
    }
    esc_options opt = core_options();
    fe_unit u;
    u.ctx = esc_ctx_new(&opt);
    u.funcs = new hash_map<tree, esc_func *>;
    u.params = new hash_map<tree, esc_loc>;
    u.sites = vNULL;
    u.mapcalls = vNULL;
    u.calls = vNULL;

    cgraph_node *node;
    scan_asm();
    if (unit_asm_binds)
        esc_printf_hooked(u.ctx);
    symtab_node *named;         /* printf conversions replaced: before any call is read */
    FOR_EACH_SYMBOL(named) {    /* a function or an object (its address is the function's) */
        const char *sym = fe_linked_symbol(named->decl);   /* also under an asm label */
        tree target = named->alias_target;                  /* a weakref's */
        if (target && DECL_P(target))
            target = DECL_NAME(target);
        if ((DECL_NAME(named->decl) && esc_libc_printf_hook(IDENTIFIER_POINTER(DECL_NAME(named->decl))))
            || (sym && esc_libc_printf_hook(sym))
            || (target && TREE_CODE(target) == IDENTIFIER_NODE
                && esc_libc_printf_hook(IDENTIFIER_POINTER(target))))
            esc_printf_hooked(u.ctx);
    }
    /* gomap_fast.h's inline paths are kept for specialise.cc, not analysed:
     * they are runtime code the rewrite calls, not the user's. */
    FOR_EACH_FUNCTION_WITH_GIMPLE_BODY(node)
        if (analysable(node) && !fe_fast_helper(node->decl))
            register_defined(&u, node);
    u.unchecked_types = vNULL;
    u.unchecked_parms = vNULL;
    fe_collect_promises(&u);    /* before calls are read: they ask which promises no unit checks */
    FOR_EACH_FUNCTION_WITH_GIMPLE_BODY(node)
        if (analysable(node) && !fe_fast_helper(node->decl))
            fe_translate_function(&u, node);
    note_address_taken(&u);

    esc_solve(u.ctx);
    if (fe_opts.m >= 1)
        esc_report(u.ctx, stderr);
    check_promises(&u);
    if (fe_opts.transform) {
        fe_rewrite_unit(&u);
        fe_specialise_unit(&u);   /* notes each call it rewrites for the JSON record */
    }
    write_records(u.ctx);
    fe_fast_helpers_release();

    u.sites.release();
    u.unchecked_types.release();
    u.unchecked_parms.release();
    u.mapcalls.release();
    u.calls.release();
    delete u.params;
    delete u.funcs;
    esc_ctx_free(u.ctx);
    fe_print_col_forget();
    return 0;
}
