/* summary.c - per-parameter summaries and the order of analysis: strongly
 * connected components of the unit's call graph (Tarjan, iterative), solved
 * bottom-up so that every call to a function outside the caller's component
 * can use that function's parameter summary (Go's ir.VisitFuncsBottomUp +
 * escape.Batch, tagHole, paramTag).
 *
 * Nodes are the functions with bodies; an edge f -> g is a call from f to a
 * trusted g with a body (the only calls that use a summary).  Tarjan emits a
 * component only after every component it calls, so each is solved the moment
 * it is complete.  The per-parameter summaries themselves (Go's leaks: least
 * derefs to the heap and to ~r0) are computed by the walk in solve.c.
 */
#include "core.h"

#include <stdlib.h>

/* ---- linking calls ---------------------------------------------------------------- */
static bool in_batch(batch *b, const esc_func *g)
{
    return g && g->has_body && g->trusted && g->scc == b->fns[0]->scc;
}

static void link_arg(batch *b, const call *k, esc_func *g, int i, int a)
{
    esc_ctx *c = b->c;
    int heap = c->funcs.v[k->fn]->heap;
    const char *why = "call parameter";
    const fparam *p = g && i < g->params.n && g->params.v[i].set ? &g->params.v[i] : NULL;
    if (!p) {                                   /* unknown callee or vararg */
        esc_edge_add(c, heap, a, 0, k->pos, why);
    } else if (in_batch(b, g)) {                /* Go's inMutualBatch: direct */
        esc_edge_add(c, p->loc, a, 0, k->pos, why);
    } else if (g->has_body && g->trusted) {     /* Go's tagHole: the summary */
        location *pl = LOC(c, p->loc);
        if (!g->summarized) esc_fatal("callee not summarized before its caller");
        if (pl->leak_heap >= 0) esc_edge_add(c, heap, a, pl->leak_heap, k->pos, why);
        if (k->result >= 0 && pl->leak_result >= 0)
            esc_edge_add(c, k->result, a, pl->leak_result, k->pos, why);
    } else if (!p->noescape) {                  /* body unknown: keeps everything */
        esc_edge_add(c, heap, a, 0, k->pos, why);
    }
}

/* A callee whose result is only ever its parameters (at exact deref counts):
 * the call's result is those arguments, and is not an unknown pointer. */
static void link_closed_result(esc_ctx *c, const call *k, const esc_func *g)
{
    for (int i = 0; i < k->nargs && i < g->params.n; i++) {
        int a = c->args.v[k->args + i];
        uint32_t m = g->params.v[i].set ? g->params.v[i].result_mask : 0;
        for (int d = 0; a >= 0 && d < 32; d++)
            if (m & (1u << d)) esc_edge_add(c, k->result, a, d, k->pos, "call result");
    }
}

static void link_calls(batch *b)
{
    esc_ctx *c = b->c;
    for (int fi = 0; fi < b->n; fi++) {
        esc_func *f = b->fns[fi];
        for (int ci = 0; ci < f->calls.n; ci++) {
            const call *k = &c->calls.v[f->calls.v[ci]];
            esc_func *g = k->callee >= 0 ? c->funcs.v[k->callee] : NULL;
            for (int i = 0; i < k->nargs; i++) {
                int a = c->args.v[k->args + i];
                if (a >= 0) link_arg(b, k, g, i, a);
            }
            if (k->result < 0) continue;
            if (g && g->result_closed) link_closed_result(c, k, g);
            else LOC(c, k->result)->opaque = true;  /* may return any pointer */
            if (in_batch(b, g) && g->result >= 0)
                esc_edge_add(c, k->result, g->result, 0, k->pos, "call result");
        }
    }
}

/* ---- summaries (Go's paramTag + leaks.Optimize) ------------------------------------------------ */
static void finish(batch *b)
{
    esc_ctx *c = b->c;
    for (int fi = 0; fi < b->n; fi++) {
        esc_func *f = b->fns[fi];
        for (int i = 0; i < f->params.n; i++) {
            if (!f->params.v[i].set) continue;
            location *L = LOC(c, f->params.v[i].loc);
            if (L->escapes) {                   /* &p escaped: so did p's value */
                L->leak_heap = 0;
                L->path_heap = L->path_esc;
            }
            if (L->leak_heap >= 0 && L->leak_result >= L->leak_heap) {
                L->leak_result = -1;
                L->path_result = -1;
            }
        }
        f->summarized = true;
    }
}

/* Is f's result closed: only ever *^d of its own parameters?  An exact-deref
 * walk back from ~r0 (as store.c's points_to) that fails on anything else:
 * a location's address (a local's: dangling; or the heap), the heap, a call
 * result, memory written by unseen code (ext), another function.  Callers
 * then know the call's result exactly instead of "may point anywhere". */
static bool close_result(batch *b, esc_func *f)
{
    esc_ctx *c = b->c;
    unsigned gen = ++c->sgen;
    b->work.n = 0;
    VPUSH(b->work, f->result);
    VPUSH(b->work, 0);
    LOC(c, f->result)->sgen = gen;
    LOC(c, f->result)->smask = 1;
    while (b->work.n) {
        int d = b->work.v[--b->work.n];
        int l = b->work.v[--b->work.n];
        location *L = LOC(c, l);
        if (L->role == ROLE_PARAM) {
            f->params.v[L->param].result_mask |= 1u << d;
            continue;
        }
        if (L->role == ROLE_HEAP || L->opaque || L->ext || L->fn != f->id) return false;
        for (int e = L->ehead; e >= 0; e = c->edges.v[e].next) {
            const edge *E = &c->edges.v[e];
            location *S = LOC(c, E->src);
            int nd = d + E->derefs;
            if (nd < 0 || nd > 30) return false;
            if (S->sgen != gen) { S->sgen = gen; S->smask = 0; }
            if (S->smask & (1u << nd)) continue;
            S->smask |= 1u << nd;
            VPUSH(b->work, E->src);
            VPUSH(b->work, nd);
        }
    }
    return true;
}

static void close_results(batch *b)
{
    for (int fi = 0; fi < b->n; fi++) {
        esc_func *f = b->fns[fi];
        bool closed = f->trusted && f->result >= 0 && close_result(b, f);
        for (int i = 0; !closed && i < f->params.n; i++) f->params.v[i].result_mask = 0;
        f->result_closed = closed;
    }
}

/* One batch: calls, stores, the walk, then its summaries for its callers. */
static void solve_batch(esc_ctx *c, esc_func **fns, int n)
{
    batch b = { c, fns, n, {0} };
    link_calls(&b);
    esc_resolve_stores(&b);
    esc_walk_all(&b);
    finish(&b);
    close_results(&b);
    VFREE(b.work);
}

/* ---- Tarjan ------------------------------------------------------------------------ */
typedef struct frame { int fn, pos; } frame;

typedef struct tarjan {
    esc_ctx *c;
    int index, nscc;
    VEC(int) stack;
    VEC(frame) frames;
    VEC(esc_func *) batch;
} tarjan;

static esc_func *summarized_callee(esc_ctx *c, const call *k)
{
    if (k->callee < 0) return NULL;
    esc_func *g = c->funcs.v[k->callee];
    return g->has_body && g->trusted ? g : NULL;
}

static void visit(tarjan *t, esc_func *f)
{
    f->tj_index = f->tj_low = t->index++;
    f->tj_on = true;
    VPUSH(t->stack, f->id);
    frame fr = { f->id, 0 };
    VPUSH(t->frames, fr);
}

/* A batch of several functions, or one that calls itself, recurses: C stacks
 * do not grow, so its frames get the recursive frame budget (decide.c). */
static void mark_recursive(esc_ctx *c, esc_func **fns, int n)
{
    for (int i = 0; i < n; i++) {
        esc_func *f = fns[i];
        f->recursive = n > 1;
        for (int k = 0; k < f->calls.n && !f->recursive; k++)
            f->recursive = summarized_callee(c, &c->calls.v[f->calls.v[k]]) == f;
    }
}

/* Pops the component rooted at f and solves it. */
static void emit(tarjan *t, esc_func *f)
{
    esc_ctx *c = t->c;
    t->batch.n = 0;
    int w;
    do {
        w = t->stack.v[--t->stack.n];
        esc_func *g = c->funcs.v[w];
        g->tj_on = false;
        g->scc = t->nscc;
        VPUSH(t->batch, g);
    } while (w != f->id);
    t->nscc++;
    mark_recursive(c, t->batch.v, t->batch.n);
    solve_batch(c, t->batch.v, t->batch.n);
}

static void strongconnect(tarjan *t, esc_func *root)
{
    esc_ctx *c = t->c;
    visit(t, root);
    while (t->frames.n) {
        frame *fr = &t->frames.v[t->frames.n - 1];
        esc_func *v = c->funcs.v[fr->fn];
        if (fr->pos < v->calls.n) {
            esc_func *w = summarized_callee(c, &c->calls.v[v->calls.v[fr->pos++]]);
            if (!w) continue;
            if (w->tj_index < 0) visit(t, w);
            else if (w->tj_on && w->tj_index < v->tj_low) v->tj_low = w->tj_index;
            continue;
        }
        t->frames.n--;
        if (t->frames.n) {
            esc_func *u = c->funcs.v[t->frames.v[t->frames.n - 1].fn];
            if (v->tj_low < u->tj_low) u->tj_low = v->tj_low;
        }
        if (v->tj_low == v->tj_index) emit(t, v);
    }
}

void esc_solve(esc_ctx *c)
{
    if (c->solved) return;
    tarjan t = { c, 0, 0, {0}, {0}, {0} };
    for (int i = 0; i < c->funcs.n; i++) {
        esc_func *f = c->funcs.v[i];
        if (f->has_body && f->tj_index < 0) strongconnect(&t, f);
    }
    VFREE(t.stack);
    VFREE(t.frames);
    VFREE(t.batch);
    esc_decide_all(c);
    c->solved = true;
}
