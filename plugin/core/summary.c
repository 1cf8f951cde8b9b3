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
 * Which functions recurse, for the frame budget, is decided on a wider graph
 * (mark_recursion, below).
 */
#include "core.h"

#include <stdlib.h>

/* ---- linking calls ---------------------------------------------------------------- */
static bool in_batch(batch *b, const esc_func *g)
{
    return g && g->has_body && g->trusted && g->scc == b->fns[0]->scc;
}

/* -m=2's note for argument i of call k to g: Go's "call parameter", the callee
 * and why it keeps the argument. */
static const char *arg_why(esc_ctx *c, const call *k, const esc_func *g, int i,
                           const fparam *p, const char *summary)
{
    char buf[600];
    (void)k;
    if (!g)
        snprintf(buf, sizeof buf, "call parameter: indirect call, the callee is not known");
    else if (!p)
        snprintf(buf, sizeof buf, "call parameter: variadic argument %d of %s", i + 1, g->name);
    else if (!g->has_body)
        snprintf(buf, sizeof buf, "call parameter: %s has no body in this unit", g->name);
    else if (!g->trusted)
        snprintf(buf, sizeof buf, "call parameter: %s is interposable (-fPIC or weak), "
                 "its body here may not be the one that runs", g->name);
    else if (summary)
        snprintf(buf, sizeof buf, "call parameter: %s's summary says %s", g->name, summary);
    else
        snprintf(buf, sizeof buf, "call parameter of %s", g->name);
    return esc_intern(c, buf);
}

static void link_arg(batch *b, const call *k, esc_func *g, int i, int a)
{
    esc_ctx *c = b->c;
    int heap = c->funcs.v[k->fn]->heap;
    const fparam *p = g && i < g->params.n && g->params.v[i].set ? &g->params.v[i] : NULL;
    if (!p) {                                   /* unknown callee or vararg */
        esc_edge_add(c, heap, a, 0, k->pos, arg_why(c, k, g, i, p, NULL));
    } else if (in_batch(b, g)) {                /* Go's inMutualBatch: direct */
        esc_edge_add(c, p->loc, a, 0, k->pos, arg_why(c, k, g, i, p, NULL));
    } else if (g->has_body && g->trusted) {     /* Go's tagHole: the summary */
        location *pl = LOC(c, p->loc);
        if (!g->summarized) esc_fatal("callee not summarized before its caller");
        char name[64], msgs[2][512];
        int paths[2], n;
        fparam q = *p;
        if (!q.name || !*q.name) {
            snprintf(name, sizeof name, "#%d", i + 1);
            q.name = name;
        }
        esc_param_msgs(c, &q, msgs, paths, &n);
        if (pl->leak_heap >= 0)
            esc_edge_add(c, heap, a, pl->leak_heap, k->pos, arg_why(c, k, g, i, p, msgs[0]));
        if (k->result >= 0 && pl->leak_result >= 0)
            esc_edge_add(c, k->result, a, pl->leak_result, k->pos,
                         arg_why(c, k, g, i, p, msgs[n - 1]));
    } else if (!p->noescape) {                  /* body unknown: keeps everything */
        esc_edge_add(c, heap, a, 0, k->pos, arg_why(c, k, g, i, p, NULL));
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
            esc_ctor_link(b, f->calls.v[ci]);       /* maps the callee makes for f */
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
        if (esc_unseen(L) || L->fn != f->id) return false;
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
    esc_ctor_begin(&b);
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

/* ---- recursion for the frame budget ---------------------------------------------------- */
/* C stacks do not grow: every frame of a recursion pays its map storage again,
 * so a function that may be in a cycle of calls gets the recursive frame budget
 * (decide.c).  The may-call graph is wider than the summary graph: node n is
 * "unknown code"; f -> g for every direct call to a function g with a body here
 * (trusted or not: the local body may be the one that runs); f -> unknown for
 * an indirect call (esc_unknown_call) or a call to a function without a trusted
 * body here (its real body may call anything it has a pointer to); unknown ->
 * g for every g whose address is taken (callbacks, function pointers: the only
 * functions of the unit code outside it can reach, besides the public ones by
 * name, which docs/design.md "Known limits" leaves out).  f recurses when its
 * component has another node (unknown code counts) or f calls itself. */
typedef struct rgraph {
    int n;                      /* functions; node n is unknown code */
    int *start, *adj;           /* CSR: successors of v are adj[start[v] .. start[v+1]) */
} rgraph;

static bool wild_call(esc_ctx *c, const call *k)
{
    if (k->callee < 0) return true;
    const esc_func *g = c->funcs.v[k->callee];
    return !g->has_body || !g->trusted;
}

static int rg_edges(esc_ctx *c, int v, int *out)
{
    int n = c->funcs.n, m = 0;
    if (v == n) {
        for (int g = 0; g < n; g++)
            if (c->funcs.v[g]->has_body && c->funcs.v[g]->address_taken) {
                if (out) out[m] = g;
                m++;
            }
        return m;
    }
    const esc_func *f = c->funcs.v[v];
    if (!f->has_body) return 0;
    bool wild = f->calls_unknown;
    for (int i = 0; i < f->calls.n; i++) {
        const call *k = &c->calls.v[f->calls.v[i]];
        wild |= wild_call(c, k);
        if (k->callee >= 0 && c->funcs.v[k->callee]->has_body) {
            if (out) out[m] = k->callee;
            m++;
        }
    }
    if (wild) {
        if (out) out[m] = n;
        m++;
    }
    return m;
}

static void mark_recursion(esc_ctx *c)
{
    int n = c->funcs.n;
    rgraph g = { n, esc_xmalloc(sizeof(int) * (size_t)(n + 2)), NULL };
    g.start[0] = 0;
    for (int v = 0; v <= n; v++) g.start[v + 1] = g.start[v] + rg_edges(c, v, NULL);
    g.adj = esc_xmalloc(sizeof(int) * (size_t)(g.start[n + 1] + 1));
    for (int v = 0; v <= n; v++) rg_edges(c, v, g.adj + g.start[v]);
    int *index = esc_xmalloc(sizeof(int) * (size_t)(n + 1));
    int *low = esc_xmalloc(sizeof(int) * (size_t)(n + 1));
    int *pos = esc_xmalloc(sizeof(int) * (size_t)(n + 1));
    bool *on = esc_xmalloc(sizeof(bool) * (size_t)(n + 1));
    VEC(int) stack = {0};
    VEC(int) frames = {0};
    for (int v = 0; v <= n; v++) { index[v] = -1; on[v] = false; }
    int counter = 0;
    for (int root = 0; root <= n; root++) {
        if (index[root] >= 0) continue;
        index[root] = low[root] = counter++;
        pos[root] = g.start[root];
        on[root] = true;
        VPUSH(stack, root);
        VPUSH(frames, root);
        while (frames.n) {
            int v = frames.v[frames.n - 1];
            if (pos[v] < g.start[v + 1]) {
                int w = g.adj[pos[v]++];
                if (index[w] < 0) {
                    index[w] = low[w] = counter++;
                    pos[w] = g.start[w];
                    on[w] = true;
                    VPUSH(stack, w);
                    VPUSH(frames, w);
                } else if (on[w] && index[w] < low[v]) {
                    low[v] = index[w];
                }
                continue;
            }
            frames.n--;
            if (frames.n) {
                int u = frames.v[frames.n - 1];
                if (low[v] < low[u]) low[u] = low[v];
            }
            if (low[v] != index[v]) continue;
            int first = stack.n;                /* pop v's component */
            do first--; while (stack.v[first] != v);
            bool cycle = stack.n - first > 1;
            for (int i = first; i < stack.n; i++) {
                int w = stack.v[i];
                on[w] = false;
                if (w == n) continue;
                bool self = cycle;
                for (int e = g.start[w]; e < g.start[w + 1] && !self; e++)
                    self = g.adj[e] == w;
                c->funcs.v[w]->recursive = self;
            }
            stack.n = first;
        }
    }
    VFREE(stack);
    VFREE(frames);
    free(index);
    free(low);
    free(pos);
    free(on);
    free(g.start);
    free(g.adj);
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
    mark_recursion(c);
    esc_decide_all(c);
    c->solved = true;
}
