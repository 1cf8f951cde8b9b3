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
 */
#include "fe.h"
#include "gimple-fold.h"

tree fe_make_on_decl;

/* PLUGIN_FINISH_DECL: remember the unit's own declaration of gomap_make_on; every
 * declaration's noescape promises (promises.cc). */
void fe_note_decl(void *gcc_data, void *)
{
    tree decl = (tree)gcc_data;
    fe_note_promise_decl(decl);
    fe_note_fast_decl(decl);
    if (decl && TREE_CODE(decl) == FUNCTION_DECL && fe_is_gomap_fn(decl, "gomap_make_on"))
        fe_make_on_decl = decl;
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

static void rewrite_site(const fe_site &s, esc_decision d)
{
    gcall *old = s.call;
    tree hmap = stack_array(GOMAP_HMAP_SIZE, GOMAP_HMAP_ALIGN, "gomap_hmap");
    tree bucket = null_pointer_node;
    if (d.placement == ESC_STACK_ALL && s.bucket_bytes)
        bucket = build_fold_addr_expr(stack_array(s.bucket_bytes, s.bucket_align,
                                                  "gomap_bucket"));
    gcall *c = gimple_build_call(make_on_decl(), 4, gimple_call_arg(old, 0),
                                 gimple_call_arg(old, 1), build_fold_addr_expr(hmap),
                                 bucket);
    gimple_call_set_lhs(c, gimple_call_lhs(old));
    gimple_set_location(c, gimple_location(old));
    gimple_set_block(c, gimple_block(old));
    gimple_move_vops(c, old);
    gimple_stmt_iterator gsi = gsi_for_stmt(old);
    gsi_replace(&gsi, c, true);
}

/* Rewrite the sites of one function (sites[from, to)). */
static void rewrite_function(fe_unit *u, unsigned from, unsigned to)
{
    tree decl = u->sites[from].fndecl;
    bool changed = false;
    tree saved_decl = current_function_decl;
    push_cfun(DECL_STRUCT_FUNCTION(decl));
    current_function_decl = decl;
    for (unsigned i = from; i < to; i++) {
        esc_decision d = esc_site_decision(u->ctx, u->sites[i].id);
        if (d.placement == ESC_HEAP_ALL)
            continue;
        rewrite_site(u->sites[i], d);
        changed = true;
    }
    if (changed)
        cgraph_edge::rebuild_edges();
    pop_cfun();
    current_function_decl = saved_decl;
}

void fe_rewrite_unit(fe_unit *u)
{
    unsigned n = u->sites.length();
    for (unsigned i = 0, j; i < n; i = j) {
        for (j = i + 1; j < n && u->sites[j].fndecl == u->sites[i].fndecl; j++)
            ;
        rewrite_function(u, i, j);
    }
}
