/* rewrite.cc - put non-escaping maps on the stack.
 *
 * For a site the core placed on the stack,
 *
 *     m_1 = gomap_make (t_2, 0);
 * becomes
 *     m_1 = gomap_make_on (t_2, 0, &gomap_hmap.N, &gomap_bucket.M);   (or 0B)
 *
 * where gomap_hmap.N is a function-level char[GOMAP_HMAP_SIZE] aligned to
 * GOMAP_HMAP_ALIGN and gomap_bucket.M a char[bucket size] aligned like a bucket
 * (ESC_STACK_ALL only).  They have no scope and no clobbers, so they live for the
 * whole call; one pair per site is enough because the core made every map whose
 * handle could survive to the next execution of its site escape.  The cgraph
 * edges of a changed function are rebuilt so -flto streams the new callee.
 *
 * A call to a helper that makes a map for its caller (core ctor.c) whose map the
 * caller keeps calls a clone of the helper that takes the storage as extra
 * parameters (below: "maps made by helpers").
 */
#include "fe.h"
#include "gimple-fold.h"
#include "tree-inline.h"
#include "tree-dfa.h"
#include "tree-into-ssa.h"
#include "hash-set.h"

tree fe_make_on_decl;

/* The runtime's own functions: its entry points and inline paths
 * (specialise.cc) and the unit's declaration of gomap_make_on.  Noting one
 * twice changes nothing. */
static void note_runtime_decl(tree decl)
{
    fe_note_fast_decl(decl);
    if (decl && TREE_CODE(decl) == FUNCTION_DECL && fe_is_gomap_fn(decl, "gomap_make_on"))
        fe_make_on_decl = decl;
}

/* PLUGIN_FINISH_DECL: the runtime's functions; every declaration's noescape
 * promises (promises.cc). */
void fe_note_decl(void *gcc_data, void *)
{
    tree decl = (tree)gcc_data;
    fe_note_promise_decl(decl);
    note_runtime_decl(decl);
}

/* Declarations a precompiled header or a C++ module restored had no
 * PLUGIN_FINISH_DECL (plugin.cc): the runtime's functions are noted from the
 * symbol table when the pass starts (their promises are read from the
 * functions' types there). */
void fe_note_unit_decls(void)
{
    cgraph_node *node;
    FOR_EACH_FUNCTION(node)
        note_runtime_decl(node->decl);
}

static tree make_on_decl(void)
{
    if (!fe_make_on_decl) {
        tree type = build_function_type_list(ptr_type_node, const_ptr_type_node,
                                             size_type_node, ptr_type_node,
                                             ptr_type_node, NULL_TREE);
        fe_make_on_decl = build_fn_decl("gomap_make_on", type);
    }
    return fe_make_on_decl;
}

static tree stack_array(unsigned long bytes, unsigned long align, const char *prefix)
{
    tree type = build_array_type_nelts(char_type_node, bytes);
    tree var = create_tmp_var(type, prefix);
    TREE_ADDRESSABLE(var) = 1;
    TREE_USED(var) = 1;
    SET_DECL_ALIGN(var, align * BITS_PER_UNIT);
    DECL_USER_ALIGN(var) = 1;
    return var;
}

/* gomap_make_into (t, hint, hmap, bucket): gomap_make_on, or gomap_make when
 * hmap is NULL (a clone's storage parameters; runtime/gomap.c). */
tree fe_make_into_decl;

static tree make_into_decl(void)
{
    tree &decl = fe_make_into_decl;
    if (!decl) {
        tree type = build_function_type_list(ptr_type_node, const_ptr_type_node,
                                             size_type_node, ptr_type_node,
                                             ptr_type_node, NULL_TREE);
        decl = build_fn_decl("gomap_make_into", type);
        TREE_NOTHROW(decl) = 1;
    }
    return decl;
}

/* A body holding map storage in its frame is not inlined: the storage (arrays
 * of the whole body, no scope) would travel into its caller's frame, once per
 * inlined call and into every frame of a recursive caller, past the frame
 * budget the analysis gave it (docs/design.md "Frame budgets").  An
 * always_inline body, which must be inlined, got the recursive budget instead
 * (unit.cc, esc_func_always_inline). */
static void keep_frame(tree fndecl)
{
    if (lookup_attribute("always_inline", DECL_ATTRIBUTES(fndecl)))
        return;
    DECL_UNINLINABLE(fndecl) = 1;
    if (!lookup_attribute("noinline", DECL_ATTRIBUTES(fndecl)))
        DECL_ATTRIBUTES(fndecl) = tree_cons(get_identifier("noinline"), NULL_TREE,
                                            DECL_ATTRIBUTES(fndecl));
}

/* Storage for one map in the current function: &hmap and &bucket (or 0B). */
struct storage { tree hmap, bucket; };

static storage local_storage(esc_decision d, unsigned long bucket_bytes,
                             unsigned long bucket_align)
{
    storage st = { build_fold_addr_expr(stack_array(GOMAP_HMAP_SIZE, GOMAP_HMAP_ALIGN,
                                                    "gomap_hmap")),
                   null_pointer_node };
    if (d.placement == ESC_STACK_ALL && bucket_bytes)
        st.bucket = build_fold_addr_expr(stack_array(bucket_bytes, bucket_align,
                                                     "gomap_bucket"));
    return st;
}

static void replace_call(gcall *old, gcall *c)
{
    gimple_call_set_lhs(c, gimple_call_lhs(old));
    gimple_set_location(c, gimple_location(old));
    gimple_set_block(c, gimple_block(old));
    gimple_move_vops(c, old);
    gimple_stmt_iterator gsi = gsi_for_stmt(old);
    gsi_replace(&gsi, c, true);
}

static void rewrite_make(gcall *old, tree fn, storage st)
{
    gcall *c = gimple_build_call(fn, 4, gimple_call_arg(old, 0), gimple_call_arg(old, 1),
                                 st.hmap, st.bucket);
    replace_call(old, c);
}

/* ---- maps made by helpers: clones taking their caller's storage ------------------
 *
 * A function g with outputs (esc_func_outputs: maps it makes for its caller,
 * core ctor.c) gets, when some call gives storage for one of them, a clone
 * "g.gomap_stack" (a local symbol; g itself is unchanged, for callers in other
 * units and through pointers) with two pointer parameters per output appended:
 * its header and first-bucket storage.  In the clone an output's gomap_make
 * becomes gomap_make_into (NULL header: the heap, as g does), and a call
 * whose site is an output passes the parameters on.  A call to g whose sites
 * are not all on the heap calls the clone, with local storage for the sites
 * placed on the stack and NULL for the others.  Statements are matched between
 * g and its clone through their uid, set before cloning. */
struct fn_info {
    esc_func *ef;
    vec<int> make_ix;           /* indices into u->sites */
    vec<int> call_ix;           /* indices into u->calls (with sites) */
    vec<int> outputs;           /* site ids */
    tree clone;                 /* NULL_TREE: none */
    vec<tree> parms;            /* the clone's storage parameters: 2 per output */
};

typedef hash_map<tree, fn_info *> fn_map;

static fn_info *info_for(fe_unit *u, fn_map *fm, tree decl)
{
    if (fn_info **p = fm->get(decl))
        return *p;
    fn_info *fi = new fn_info();
    esc_func **ef = u->funcs->get(decl);
    fi->ef = ef ? *ef : NULL;
    fi->make_ix = vNULL;
    fi->call_ix = vNULL;
    fi->outputs = vNULL;
    fi->parms = vNULL;
    fi->clone = NULL_TREE;
    if (fi->ef) {
        int buf[64];
        int n = esc_func_outputs(u->ctx, fi->ef, buf, 64);
        for (int i = 0; i < n; i++)
            fi->outputs.safe_push(buf[i]);
    }
    fm->put(decl, fi);
    return fi;
}

static int output_index(const fn_info *fi, int site)
{
    for (unsigned i = 0; i < fi->outputs.length(); i++)
        if (fi->outputs[i] == site)
            return (int)i;
    return -1;
}

static int call_sites(fe_unit *u, const fe_callrec &k, int *buf, int max)
{
    return esc_call_sites(u->ctx, k.id, buf, max);
}

/* Header size, bucket size and alignment of a site: a call's site has its
 * maker's (the gomap_make at the end of the chain of outputs). */
static const fe_site *make_site_of(fe_unit *u, hash_map<int_hash<int, -1, -2>, int> *by_id,
                                   int site)
{
    for (int guard = 0; guard < 1000; guard++) {
        int m = esc_site_made_by(u->ctx, site);
        if (m < 0)
            break;
        site = m;
    }
    int *ix = by_id->get(site);
    return ix ? &u->sites[*ix] : NULL;
}

/* Whether the unit already uses NAME for a symbol: a declaration's (an asm label
 * can give any name) or a top-level asm statement's text (which may define it). */
static bool name_taken(tree name)
{
    return symtab_node::get_for_asmname(name) || fe_asm_names(IDENTIFIER_POINTER(name));
}

/* Whether decl can have a clone "NAME.gomap_stack": a function GCC can version,
 * and the name is free (a program may already use it, `__asm__("mk.gomap_stack")`:
 * the assembler would reject the second definition). */
bool fe_cloneable(tree decl)
{
    tree type = TREE_TYPE(decl);
    cgraph_node *node = cgraph_node::get(decl);
    return node && prototype_p(type) && !stdarg_p(type) && !DECL_STATIC_CHAIN(decl)
           && !name_taken(clone_function_name(decl, "gomap_stack"))
           && tree_versionable_function_p(decl) && !DECL_STATIC_CONSTRUCTOR(decl)
           && !DECL_STATIC_DESTRUCTOR(decl)
           && !lookup_attribute("always_inline", DECL_ATTRIBUTES(decl))
           && !lookup_attribute("target_clones", DECL_ATTRIBUTES(decl))
           && !lookup_attribute("noclone", DECL_ATTRIBUTES(decl));
}

enum { CALL_TAG = 1 << 30 };

static void clear_uids(function *fun)
{
    basic_block bb;
    FOR_EACH_BB_FN(bb, fun)
        for (gimple_stmt_iterator g = gsi_start_bb(bb); !gsi_end_p(g); gsi_next(&g))
            gimple_set_uid(gsi_stmt(g), 0);
}

/* The clone of FI's function, with its storage parameters. */
/* The function type's attributes for a clone with storage parameters appended:
 * a bare `nonnull` (every pointer parameter) would also cover the storage
 * pointers, which are NULL for a map the caller keeps on the heap, and GCC would
 * fold the clone's `hmap ? gomap_make_on : gomap_make` on that promise; it
 * becomes `nonnull` of the original pointer parameters, by position. */
static tree clone_attributes(tree old_type)
{
    tree out = NULL_TREE;
    for (tree a = TYPE_ATTRIBUTES(old_type); a; a = TREE_CHAIN(a)) {
        tree v = TREE_VALUE(a);
        if (is_attribute_p("nonnull", get_attribute_name(a)) && !v) {
            unsigned k = 0;
            for (tree t = TYPE_ARG_TYPES(old_type); t && t != void_list_node; t = TREE_CHAIN(t)) {
                k++;
                if (POINTER_TYPE_P(TREE_VALUE(t)))
                    v = tree_cons(NULL_TREE, build_int_cst(integer_type_node, k), v);
            }
            if (!v)
                continue;
            v = nreverse(v);
        }
        out = tree_cons(TREE_PURPOSE(a), v, out);
    }
    return nreverse(out);
}

static void make_clone(fe_unit *u, fn_map *fm, tree decl, fn_info *fi)
{
    cgraph_node *node = cgraph_node::get(decl);
    if (!node)
        return;
    /* tag the statements the clone's rewrite must find (and nothing else) */
    clear_uids(DECL_STRUCT_FUNCTION(decl));
    for (int ix : fi->make_ix)
        gimple_set_uid(u->sites[ix].call, 1 + ix);
    for (int ix : fi->call_ix)
        gimple_set_uid(u->calls[ix].call, CALL_TAG + ix);
    vec<cgraph_edge *> redirect = vNULL;
    cgraph_node *cl = node->create_version_clone_with_body(redirect, NULL, NULL, NULL, NULL,
                                                          "gomap_stack", NULL_TREE, false);
    clear_uids(DECL_STRUCT_FUNCTION(decl));
    if (!cl)
        return;
    tree nd = cl->decl;
    tree old_type = TREE_TYPE(nd);
    tree args = NULL_TREE;
    for (tree a = TYPE_ARG_TYPES(old_type); a && a != void_list_node; a = TREE_CHAIN(a))
        args = tree_cons(NULL_TREE, TREE_VALUE(a), args);
    unsigned n = 2 * fi->outputs.length();
    for (unsigned i = 0; i < n; i++)
        args = tree_cons(NULL_TREE, ptr_type_node, args);
    args = nreverse(args);
    args = chainon(args, void_list_node);
    tree type = build_function_type(TREE_TYPE(old_type), args);
    type = build_type_attribute_variant(type, clone_attributes(old_type));
    TREE_TYPE(nd) = type;
    tree last = NULL_TREE;
    for (tree p = DECL_ARGUMENTS(nd); p; p = DECL_CHAIN(p))
        last = p;
    for (unsigned i = 0; i < n; i++) {
        tree p = build_decl(DECL_SOURCE_LOCATION(nd), PARM_DECL,
                            get_identifier(i % 2 ? "gomap_bucket_arg" : "gomap_hmap_arg"),
                            ptr_type_node);
        DECL_ARG_TYPE(p) = ptr_type_node;
        DECL_CONTEXT(p) = nd;
        DECL_ARTIFICIAL(p) = 1;
        TREE_USED(p) = 1;
        if (last)
            DECL_CHAIN(last) = p;
        else
            DECL_ARGUMENTS(nd) = p;
        last = p;
        fi->parms.safe_push(p);
    }
    fi->clone = nd;
    (void)fm;
}

/* Rewrite one body: DECL's original (CLONE false) or its clone. */
static void rewrite_body(fe_unit *u, fn_map *fm, hash_map<int_hash<int, -1, -2>, int> *by_id,
                         tree decl, fn_info *fi, bool clone)
{
    tree body = clone ? fi->clone : decl;
    tree saved_decl = current_function_decl;
    push_cfun(DECL_STRUCT_FUNCTION(body));
    current_function_decl = body;
    bool changed = false, own = false;      /* own: storage in this body's frame */

    /* the statements of this body, by tag */
    hash_map<int_hash<int, -1, -2>, gimple *> stmts;
    if (clone) {
        basic_block bb;
        FOR_EACH_BB_FN(bb, cfun)
            for (gimple_stmt_iterator g = gsi_start_bb(bb); !gsi_end_p(g); gsi_next(&g))
                if (gimple_uid(gsi_stmt(g)) && is_gimple_call(gsi_stmt(g)))
                    stmts.put((int)gimple_uid(gsi_stmt(g)), gsi_stmt(g));
    }
    vec<tree> parm_defs = vNULL;
    for (tree p : fi->parms)
        parm_defs.safe_push(clone ? get_or_create_ssa_default_def(cfun, p) : NULL_TREE);

    for (int ix : fi->make_ix) {
        const fe_site &s = u->sites[ix];
        gcall *call = s.call;
        if (clone) {
            gimple **g = stmts.get(1 + ix);
            if (!g || gimple_call_fndecl(*g) != gimple_call_fndecl(s.call))
                continue;
            call = as_a<gcall *>(*g);
        }
        int o = clone ? output_index(fi, s.id) : -1;
        if (o >= 0) {
            storage st = { parm_defs[2 * o], parm_defs[2 * o + 1] };
            rewrite_make(call, make_into_decl(), st);
            changed = true;
            continue;
        }
        esc_decision d = esc_site_decision(u->ctx, s.id);
        if (d.placement == ESC_HEAP_ALL)
            continue;
        rewrite_make(call, make_on_decl(), local_storage(d, s.bucket_bytes, s.bucket_align));
        changed = own = true;
    }

    for (int ix : fi->call_ix) {
        const fe_callrec &k = u->calls[ix];
        gcall *call = k.call;
        if (clone) {
            gimple **g = stmts.get(CALL_TAG + ix);
            if (!g || gimple_call_fndecl(*g) != gimple_call_fndecl(k.call))
                continue;
            call = as_a<gcall *>(*g);
        }
        fn_info **gi = fm->get(k.callee);
        if (!gi || !(*gi)->clone
            || gimple_call_num_args(call) != (unsigned)list_length(DECL_ARGUMENTS(k.callee)))
            continue;                           /* no clone: the heap, as before */
        int sites[64];
        int n = call_sites(u, k, sites, 64);
        auto_vec<tree, 8> extra;
        bool any = false;
        for (int i = 0; i < n; i++) {
            int o = clone ? output_index(fi, sites[i]) : -1;
            storage st = { null_pointer_node, null_pointer_node };
            esc_decision d = esc_site_decision(u->ctx, sites[i]);
            if (o >= 0) {
                st.hmap = parm_defs[2 * o];
                st.bucket = parm_defs[2 * o + 1];
                any = true;
            } else if (d.placement != ESC_HEAP_ALL) {
                const fe_site *ms = make_site_of(u, by_id, sites[i]);
                st = local_storage(d, ms ? ms->bucket_bytes : 0, ms ? ms->bucket_align : 0);
                any = own = true;
            }
            extra.safe_push(st.hmap);
            extra.safe_push(st.bucket);
        }
        if (!any || extra.length() != (*gi)->parms.length())
            continue;
        auto_vec<tree, 16> args;
        for (unsigned i = 0; i < gimple_call_num_args(call); i++)
            args.safe_push(gimple_call_arg(call, i));
        for (tree t : extra)
            args.safe_push(t);
        gcall *c = gimple_build_call_vec((*gi)->clone, args);
        gimple_call_set_chain(c, gimple_call_chain(call));
        gimple_call_set_tail(c, false);
        gimple_call_set_nothrow(c, gimple_call_nothrow_p(call));
        gimple_call_set_return_slot_opt(c, gimple_call_return_slot_opt_p(call));
        replace_call(call, c);
        changed = true;
    }

    if (clone)                                  /* the tags are no one else's business */
        clear_uids(cfun);
    if (own)
        keep_frame(body);
    if (changed || clone) {
        cgraph_edge::rebuild_edges();
        if (clone)
            update_ssa(TODO_update_ssa_only_virtuals);
    }
    parm_defs.release();
    pop_cfun();
    current_function_decl = saved_decl;
}

void fe_rewrite_unit(fe_unit *u)
{
    fn_map fm;
    hash_map<int_hash<int, -1, -2>, int> by_id;
    auto_vec<tree> order;                       /* functions, in the order first seen */
    for (unsigned i = 0; i < u->sites.length(); i++) {
        fn_info *fi = info_for(u, &fm, u->sites[i].fndecl);
        if (fi->make_ix.is_empty() && fi->call_ix.is_empty())
            order.safe_push(u->sites[i].fndecl);
        fi->make_ix.safe_push((int)i);
        by_id.put(u->sites[i].id, (int)i);
    }
    for (unsigned i = 0; i < u->calls.length(); i++) {
        int buf[1];
        if (call_sites(u, u->calls[i], buf, 1) == 0)
            continue;
        fn_info *fi = info_for(u, &fm, u->calls[i].fndecl);
        if (fi->make_ix.is_empty() && fi->call_ix.is_empty())
            order.safe_push(u->calls[i].fndecl);
        fi->call_ix.safe_push((int)i);
    }

    /* Which functions need a clone: callees of calls giving storage, from the
     * originals and then from the clones (which pass theirs on). */
    auto_vec<tree> work;
    hash_set<tree> needed;
    auto give = [&](tree decl, bool clone) {
        fn_info *fi = info_for(u, &fm, decl);
        for (int ix : fi->call_ix) {
            const fe_callrec &k = u->calls[ix];
            int sites[64];
            int n = call_sites(u, k, sites, 64);
            bool any = false;
            for (int i = 0; i < n && !any; i++)
                any = esc_site_decision(u->ctx, sites[i]).placement != ESC_HEAP_ALL
                      || (clone && output_index(fi, sites[i]) >= 0);
            if (any && !needed.add(k.callee))
                work.safe_push(k.callee);
        }
    };
    for (tree d : order)
        give(d, false);
    while (!work.is_empty()) {
        tree d = work.pop();
        give(d, true);
    }
    for (tree d : order)                        /* clones of unrewritten bodies */
        if (needed.contains(d))
            make_clone(u, &fm, d, info_for(u, &fm, d));
    for (tree d : order) {
        fn_info *fi = info_for(u, &fm, d);
        rewrite_body(u, &fm, &by_id, d, fi, false);
        if (fi->clone)
            rewrite_body(u, &fm, &by_id, d, fi, true);
    }
    for (auto it = fm.begin(); it != fm.end(); ++it) {
        fn_info *fi = (*it).second;
        fi->make_ix.release();
        fi->call_ix.release();
        fi->outputs.release();
        fi->parms.release();
        delete fi;
    }
}
