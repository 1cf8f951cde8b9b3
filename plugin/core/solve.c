/* solve.c - Go's walk over one batch of functions (an SCC of the call graph)
 * once its calls are linked and its stores resolved: Bellman-Ford over the
 * incoming edges from every root, derefs floored at 0 at address-of, marking
 * what escapes and recording what reaches each parameter (Go's
 * cmd/compile/internal/escape/solve.go: walkAll, walkOne, outlives, leakTo,
 * explainPath).  Escaped locations become roots themselves, so what is stored
 * in an escaped map escapes too.  Flow paths are captured at the moment of
 * the decision (the walk's dst pointers still describe them) when the context
 * wants them (m >= 2 or JSON).
 */
#include "core.h"

#include <stdlib.h>

static esc_func *FN(esc_ctx *c, int l) { return c->funcs.v[LOC(c, l)->fn]; }

/* ---- Go's walk ----------------------------------------------------------------------------------- */
/* Records the flow path from l to root (Go's explainPath) while the walk's
 * dst pointers still describe it. */
static int record_path(esc_ctx *c, int root, int l)
{
    if (!c->capture) return -1;
    path p = { c->steps.n, 0 };
    for (int hops = 0; l != root && hops < c->locs.n; hops++) {
        location *L = LOC(c, l);
        if (L->dst < 0) break;
        step st = { L->dst, L->dstedge };
        VPUSH(c->steps, st);
        p.n++;
        l = L->dst;
    }
    VPUSH(c->paths, p);
    return c->paths.n - 1;
}

static bool outlives(esc_ctx *c, int root, int other)
{
    const location *R = LOC(c, root), *O = LOC(c, other);
    if (R->escapes) return true;                /* the heap outlives everything */
    if (R->role == ROLE_RESULT) return true;    /* callers may keep results */
    return R->fn == O->fn && R->loopdepth < O->loopdepth;
}

static void leak_to(esc_ctx *c, int l, int root, int derefs)
{
    location *L = LOC(c, l);
    const location *R = LOC(c, root);
    if (!R->escapes && R->role == ROLE_RESULT && R->fn == L->fn) {
        if (L->leak_result < 0 || derefs < L->leak_result) {
            L->leak_result = derefs;
            L->path_result = record_path(c, root, l);
        }
    } else if (L->leak_heap < 0 || derefs < L->leak_heap) {
        L->leak_heap = derefs;
        L->path_heap = record_path(c, root, l);
    }
}

typedef VEC(int) intvec;

static void enqueue(esc_ctx *c, intvec *q, int l)
{
    location *L = LOC(c, l);
    if (L->queued) return;
    L->queued = true;
    VPUSH(*q, l);
}

static void walk_one(batch *b, int root, intvec *q)
{
    esc_ctx *c = b->c;
    unsigned gen = ++c->walkgen;
    location *R = LOC(c, root);
    R->walkgen = gen;
    R->derefs = 0;
    R->dst = -1;
    b->work.n = 0;
    VPUSH(b->work, root);
    while (b->work.n) {
        int l = b->work.v[--b->work.n];
        location *L = LOC(c, l);
        int derefs = L->derefs;
        bool addr = derefs < 0;
        if (addr) derefs = 0;                   /* root = &l; l = x: x's address is not */
        if (outlives(c, root, l)) {
            if (L->role == ROLE_PARAM) leak_to(c, l, root, derefs);
            if (addr && !L->escapes) {
                L->escapes = true;
                L->path_esc = record_path(c, root, l);
                enqueue(c, q, l);
                continue;
            }
        }
        for (int e = L->ehead; e >= 0; e = c->edges.v[e].next) {
            const edge *E = &c->edges.v[e];
            location *S = LOC(c, E->src);
            if (S->escapes) continue;
            int d = derefs + E->derefs;
            if (S->walkgen != gen || S->derefs > d) {
                S->walkgen = gen;
                S->derefs = d;
                S->dst = l;
                S->dstedge = e;
                VPUSH(b->work, E->src);
            }
        }
    }
}

/* A root that outlives nothing marks nothing: skip its walk (exact). */
static bool may_outlive(esc_ctx *c, int l)
{
    const location *L = LOC(c, l);
    return L->escapes || L->role == ROLE_RESULT || L->loopdepth < FN(c, l)->maxdepth;
}

void esc_walk_all(batch *b)
{
    esc_ctx *c = b->c;
    intvec q = {0};
    for (int fi = 0; fi < b->n; fi++)
        for (int i = 0; i < b->fns[fi]->locs.n; i++) {
            int l = b->fns[fi]->locs.v[i];
            if (LOC(c, l)->role != ROLE_HEAP && may_outlive(c, l)) enqueue(c, &q, l);
        }
    for (int fi = 0; fi < b->n; fi++) enqueue(c, &q, b->fns[fi]->heap);
    while (q.n) {
        int root = q.v[--q.n];
        LOC(c, root)->queued = false;
        walk_one(b, root, &q);
    }
    VFREE(q);
}

