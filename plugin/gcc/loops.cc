/* loops.cc - Go's loopDepth for GIMPLE.
 *
 * The core compares depths: a location at a smaller depth outlives one at a larger
 * depth, so a map whose handle is kept somewhere that lives across the iterations
 * of the loop making it (and would survive to the next execution of its own call
 * site, which reuses the site's stack storage) escapes.
 *
 *   SSA value      depth of its defining block (loop_depth(bb->loop_father));
 *                  a PHI in a loop header carries values across the back edge,
 *                  so it gets the depth of the enclosing loop (depth - 1);
 *   map site       depth of its block, + 1 in an irreducible region or when a
 *                  returns-twice call (setjmp, vfork, ...) reaches its block: a
 *                  longjmp back runs it again in the same frame, a back edge
 *                  that no loop shows (a site no such call reaches runs once
 *                  per frame, whatever longjmp does: see reentered_blocks);
 *   memory var     0 (it lives for the whole call), except a variable whose every
 *                  reference lies in a loop L and whose end-of-scope clobbers cut
 *                  every path from a reference back to L's header: its value never
 *                  reaches another iteration, so it gets depth(L).  This keeps
 *                    for (...) { gomap_iter it; gomap *m = gomap_make(...);
 *                                gomap_iter_init(&it, m); ... }
 *                  on the stack.  (L is the innermost such loop around all the
 *                  references.)
 */
#include "fe.h"
#include "asan.h"

static void release_references(void);
static void release_reentered(void);

void fe_loops_begin(fe_fn *)
{
    loop_optimizer_init(AVOID_CFG_MODIFICATIONS | LOOPS_HAVE_MARKED_IRREDUCIBLE_REGIONS);
}

void fe_loops_end(fe_fn *)
{
    release_references();
    release_reentered();
    loop_optimizer_finalize();
}

int fe_bb_depth(basic_block bb)
{
    return bb && bb->loop_father ? loop_depth(bb->loop_father) : 0;
}

int fe_ssa_depth(tree ssa)
{
    if (SSA_NAME_IS_DEFAULT_DEF(ssa))
        return 0;
    gimple *def = SSA_NAME_DEF_STMT(ssa);
    basic_block bb = gimple_bb(def);
    int d = fe_bb_depth(bb);
    if (gimple_code(def) == GIMPLE_PHI && bb->loop_father
        && bb->loop_father->header == bb && d > 0)
        d--;
    return d;
}

/* The blocks a return from a returns-twice call can reach: the blocks of those
 * calls (a returns-twice call starts its block) and of the abnormal
 * dispatcher's targets (setjmp receivers), and every block reachable from them
 * along any edge.  A longjmp (or the second return of vfork, getcontext, ...)
 * resumes at such a call while the frame lives, and what follows runs again: a
 * map site there may run twice in one frame, reusing its stack storage while
 * the first map's handle may still be held.  A site no such call reaches runs
 * at most once per frame: the frame is live for as long as a longjmp can
 * return into it (C11 7.13.2.1p2), and its storage is initialised only when
 * the site runs, so every handle value the frame holds (even an indeterminate
 * variable's, 7.13.2.1p3: it is one of the values stored) is that live map. */
static bitmap reentered;

static void compute_reentered(function *fun)
{
    reentered = BITMAP_ALLOC(NULL);
    auto_vec<basic_block> work;
    basic_block bb;
    FOR_EACH_BB_FN(bb, fun) {
        bool seed = false;
        for (gimple_stmt_iterator gsi = gsi_start_bb(bb); !gsi_end_p(gsi); gsi_next(&gsi)) {
            gimple *s = gsi_stmt(gsi);
            if (!is_gimple_call(s))
                continue;
            if (gimple_call_flags(s) & ECF_RETURNS_TWICE)
                seed = true;
            if (gimple_call_internal_p(s, IFN_ABNORMAL_DISPATCHER)) {
                edge e;
                edge_iterator ei;
                FOR_EACH_EDGE(e, ei, bb->succs)
                    if (bitmap_set_bit(reentered, e->dest->index))
                        work.safe_push(e->dest);
            }
        }
        if (seed && bitmap_set_bit(reentered, bb->index))
            work.safe_push(bb);
    }
    while (!work.is_empty()) {
        basic_block b = work.pop();
        edge e;
        edge_iterator ei;
        FOR_EACH_EDGE(e, ei, b->succs)
            if (bitmap_set_bit(reentered, e->dest->index))
                work.safe_push(e->dest);
    }
}

static void release_reentered(void)
{
    if (reentered)
        BITMAP_FREE(reentered);
    reentered = NULL;
}

int fe_site_depth(fe_fn *fn, basic_block bb)
{
    int d = fe_bb_depth(bb);
    if (fn->fun->calls_setjmp && !reentered)
        compute_reentered(fn->fun);
    if ((bb->flags & BB_IRREDUCIBLE_LOOP)
        || (fn->fun->calls_setjmp && bitmap_bit_p(reentered, bb->index)))
        d++;
    return d;
}

/* ---- memory variables ------------------------------------------------------ */

/* References of every memory variable of the function, and the variables whose
 * address is a PHI argument: one scan, made on the first question. */
static hash_map<tree, vec<gimple *>> *var_refs;
static hash_set<tree> *phi_addressed;

/* ASan's (un)poisoning of a variable's shadow at the ends of its scope touches
 * no value: not a reference. */
static bool shadow_mark_p(gimple *s)
{
    return gimple_call_internal_p(s, IFN_ASAN_MARK) || gimple_call_internal_p(s, IFN_HWASAN_MARK);
}

static bool note_ref(gimple *stmt, tree base, tree, void *)
{
    if (base && TREE_CODE(base) == VAR_DECL) {
        bool existed;
        vec<gimple *> &v = var_refs->get_or_insert(base, &existed);
        if (!existed)
            v = vNULL;
        if (v.is_empty() || v.last() != stmt)
            v.safe_push(stmt);
    }
    return false;
}

static void scan_references(void)
{
    var_refs = new hash_map<tree, vec<gimple *>>;
    phi_addressed = new hash_set<tree>;
    basic_block bb;
    FOR_EACH_BB_FN(bb, cfun) {
        for (gphi_iterator g = gsi_start_phis(bb); !gsi_end_p(g); gsi_next(&g))
            for (unsigned i = 0; i < gimple_phi_num_args(g.phi()); i++) {
                tree a = gimple_phi_arg_def(g.phi(), i);
                if (TREE_CODE(a) == ADDR_EXPR)
                    if (tree base = get_base_address(TREE_OPERAND(a, 0)))
                        phi_addressed->add(base);
            }
        for (gimple_stmt_iterator g = gsi_start_bb(bb); !gsi_end_p(g); gsi_next(&g)) {
            gimple *s = gsi_stmt(g);
            if (!gimple_clobber_p(s) && !shadow_mark_p(s))
                walk_stmt_load_store_addr_ops(s, NULL, note_ref, note_ref, note_ref);
        }
    }
}

static void release_references(void)
{
    if (!var_refs)
        return;
    for (auto it = var_refs->begin(); it != var_refs->end(); ++it)
        (*it).second.release();
    delete var_refs;
    delete phi_addressed;
    var_refs = NULL;
    phi_addressed = NULL;
}

/* The end of VAR's scope: a clobber, or under -fsanitize=address the
 * ASAN_MARK (POISON, &var, size) that replaces it. */
static bool is_clobber_of(gimple *s, tree var)
{
    if (gimple_clobber_p(s))
        return gimple_assign_lhs(s) == var;
    if (gimple_call_internal_p(s, IFN_ASAN_MARK) && gimple_call_num_args(s) >= 2
        && tree_fits_shwi_p(gimple_call_arg(s, 0))
        && tree_to_shwi(gimple_call_arg(s, 0)) == ASAN_MARK_POISON) {
        tree a = gimple_call_arg(s, 1);
        return TREE_CODE(a) == ADDR_EXPR && get_base_address(TREE_OPERAND(a, 0)) == var;
    }
    return false;
}

/* Scan BB from GSI on: true when a clobber of VAR ends the walk in BB. */
static bool clobbered_from(gimple_stmt_iterator gsi, tree var)
{
    for (; !gsi_end_p(gsi); gsi_next(&gsi))
        if (is_clobber_of(gsi_stmt(gsi), var))
            return true;
    return false;
}

/* Forward walk from the references of VAR, stopping at its clobbers: does a
 * value stored in VAR reach the header of LOOP (its next iteration, or a new
 * execution of the loop)? */
static bool reaches_header(tree var, const vec<gimple *> &refs, class loop *loop)
{
    auto_bitmap seen;
    auto_vec<basic_block, 16> work;
    for (gimple *s : refs) {
        gimple_stmt_iterator gsi = gsi_for_stmt(s);
        gsi_next(&gsi);
        if (!clobbered_from(gsi, var))
            work.safe_push(gimple_bb(s));
    }
    while (!work.is_empty()) {
        basic_block bb = work.pop();
        edge e;
        edge_iterator ei;
        FOR_EACH_EDGE(e, ei, bb->succs) {
            basic_block d = e->dest;
            if (d == loop->header)
                return true;
            if (d == EXIT_BLOCK_PTR_FOR_FN(cfun) || !bitmap_set_bit(seen, d->index))
                continue;
            if (!clobbered_from(gsi_start_bb(d), var))
                work.safe_push(d);
        }
    }
    return false;
}

static int compute_var_depth(tree var)
{
    if (!var_refs)
        scan_references();
    vec<gimple *> *refs = var_refs->get(var);
    if (!refs || refs->is_empty() || phi_addressed->contains(var) || cfun->calls_setjmp)
        return 0;
    class loop *l = gimple_bb((*refs)[0])->loop_father;
    for (gimple *s : *refs) {
        if (gimple_bb(s)->flags & BB_IRREDUCIBLE_LOOP)
            return 0;
        l = find_common_loop(l, gimple_bb(s)->loop_father);
    }
    /* The innermost loop around all references whose iterations the value
     * cannot cross (a reference in an inner loop reaches that loop's header, but
     * maybe not the header of the loop whose body scopes the variable). */
    for (; l && loop_depth(l) > 0; l = loop_outer(l))
        if (!reaches_header(var, *refs, l))
            return loop_depth(l);
    return 0;
}

int fe_var_depth(fe_fn *fn, tree var)
{
    if (int *d = fn->var_depth->get(var))
        return *d;
    int d = TREE_CODE(var) == VAR_DECL ? compute_var_depth(var) : 0;
    fn->var_depth->put(var, d);
    return d;
}
