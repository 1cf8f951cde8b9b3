/* solve.c - Go's walk over one batch of functions (an SCC of the call graph)
 * once its calls are linked and its stores resolved: Bellman-Ford over the
 * incoming edges from every root, derefs floored at 0 at address-of, marking
 * what escapes and recording what reaches each parameter (Go's
 * cmd/compile/internal/escape/solve.go: walkAll, walkOne, outlives, leakTo,
 * explainPath).  Escaped locations become roots themselves, so what is stored
 * in an escaped map escapes too.  Flow paths are captured at the moment of
 * the decision (the walk's dst pointers still describe them) when the context
 * wants them (m >= 2 or JSON).
 *
 * One departure from Go, for time: Go walks again from scratch from every
 * location that becomes escaping, which is O(escaping locations x edges).
 * But every escaping root behaves as the heap does (it outlives everything,
 * what reaches it leaks to the heap), so all of them share ONE walk, the heap
 * walk: the heap proxies and each location as it escapes are its sources (0
 * derefs, no dst), and a location is visited again only when its derefs to
 * them improve.  Its total work is about edges x distinct deref levels, and it
 * decides the same (the least derefs from any escaping root is what Go's walks
 * compute between them); a -m=2 path names the nearest escaping root found
 * first rather than the one Go would walk first.  Roots that do not escape
 * (results, locations outliving a loop) keep Go's walk of their own.
 */
#include "core.h"

#include <stdlib.h>

static esc_func *FN(esc_ctx *c, int l) { return c->funcs.v[LOC(c, l)->fn]; }

typedef VEC(int) intvec;

/* ---- Go's walk ----------------------------------------------------------------------------------- */
/* Records the flow path from l to root (-1: to a source of the heap walk) along
 * the dst pointers of the walk (heap: the heap walk's) while they still
 * describe it (Go's explainPath).  A dst chain can close on itself while a
 * cycle's derefs are still improving: the path stops where it would repeat. */
static int record_path(esc_ctx *c, int root, int l, bool heap)
{
    if (!c->capture) return -1;
    path p = { c->steps.n, 0 };
    unsigned gen = ++c->sgen;
    while (l != root) {
        location *L = LOC(c, l);
        const hop *H = heap ? &L->h : &L->w;
        if (H->dst < 0 || L->sgen == gen) break;
        L->sgen = gen;
        step st = { H->dst, H->edge };
        VPUSH(c->steps, st);
        p.n++;
        l = H->dst;
    }
    VPUSH(c->paths, p);
    return c->paths.n - 1;
}

static bool outlives(esc_ctx *c, int root, int other)
{
    const location *R = LOC(c, root), *O = LOC(c, other);
    if (R->escapes) return true;                /* the heap outlives everything */
    if (R->role == ROLE_RESULT || R->role == ROLE_OUT) return true; /* callers may keep them */
    return R->fn == O->fn && R->loopdepth < O->loopdepth;
}

/* root -1: the heap walk. */
static void leak_to(esc_ctx *c, int l, int root, int derefs)
{
    location *L = LOC(c, l);
    const location *R = root >= 0 ? LOC(c, root) : NULL;
    if (R && !R->escapes && R->role == ROLE_RESULT && R->fn == L->fn) {
        if (L->leak_result < 0 || derefs < L->leak_result) {
            L->leak_result = derefs;
            L->path_result = record_path(c, root, l, false);
        }
    } else if (L->leak_heap < 0 || derefs < L->leak_heap) {
        L->leak_heap = derefs;
        L->path_heap = record_path(c, root, l, !R);
    }
}

/* ---- the heap walk ------------------------------------------------------------------------------- */
static void heap_push(esc_ctx *c, intvec *hw, int l)
{
    location *L = LOC(c, l);
    if (L->hqueued) return;
    L->hqueued = true;
    VPUSH(*hw, l);
}

/* l escapes (or is a heap proxy): a source of the heap walk from now on. */
static void heap_source(esc_ctx *c, intvec *hw, int l)
{
    location *L = LOC(c, l);
    hop h = { 0, -1, -1, false };
    L->h = h;
    L->hseen = true;
    heap_push(c, hw, l);
}

/* Runs the heap walk until nothing improves. */
static void heap_walk(esc_ctx *c, intvec *hw)
{
    while (hw->n) {
        int l = hw->v[--hw->n];
        location *L = LOC(c, l);
        L->hqueued = false;
        int derefs = L->h.derefs;
        bool addr = derefs < 0;
        if (addr) derefs = 0;                   /* heap = &l; l = x: x's address is not */
        if (L->role == ROLE_PARAM) leak_to(c, l, -1, derefs);
        if (addr && !L->escapes) {
            L->escapes = true;
            L->path_esc = record_path(c, -1, l, true);
            L->h.dst = -1;                      /* a source now */
        }
        for (int e = L->ehead; e >= 0; e = c->edges.v[e].next) {
            const edge *E = &c->edges.v[e];
            location *S = LOC(c, E->src);
            if (S->escapes) continue;           /* a source itself */
            int d = derefs + E->derefs;
            if (!S->hseen || S->h.derefs > d) {
                hop h = { d, l, e, false };
                S->h = h;
                S->hseen = true;
                heap_push(c, hw, E->src);
            }
        }
    }
}

/* ---- walks from the roots that do not escape -------------------------------------------------------- */
static void walk_one(batch *b, int root, intvec *hw)
{
    esc_ctx *c = b->c;
    unsigned gen = ++c->walkgen;
    location *R = LOC(c, root);
    hop r = { 0, -1, -1, false };
    R->walkgen = gen;
    R->w = r;
    b->work.n = 0;
    VPUSH(b->work, root);
    while (b->work.n) {
        int l = b->work.v[--b->work.n];
        location *L = LOC(c, l);
        int derefs = L->w.derefs;
        bool addr = derefs < 0, inner = L->w.inner;
        if (addr) derefs = 0;                   /* root = &l; l = x: x's address is not */
        if (outlives(c, root, l)) {
            if (L->role == ROLE_PARAM) leak_to(c, l, root, derefs);
            if (addr && !L->escapes) {
                if (!inner && esc_ctor_exempt(c, root, l)) {  /* the caller's, maybe (ctor.c) */
                    esc_ctor_note(c, root, l, L->ctor_path < 0 ? record_path(c, root, l, false)
                                                               : -1);
                    /* What it holds reaches the caller only inside it, where the
                     * caller's model of the call does not look: a map (this one
                     * included) whose address is in there is no output. */
                    inner = true;
                } else {
                    L->escapes = true;
                    L->path_esc = record_path(c, root, l, false);
                    heap_source(c, hw, l);
                    continue;
                }
            }
        }
        for (int e = L->ehead; e >= 0; e = c->edges.v[e].next) {
            const edge *E = &c->edges.v[e];
            location *S = LOC(c, E->src);
            if (S->escapes) continue;
            int d = derefs + E->derefs;
            bool seen = S->walkgen == gen;
            if (!seen || S->w.derefs > d || (inner && !S->w.inner)) {
                /* an inner path after a plain one: inner from now on, at the least
                 * derefs of both (more escapes, never fewer) */
                hop h = { seen && S->w.derefs < d ? S->w.derefs : d, l, e, inner || (seen && S->w.inner) };
                S->walkgen = gen;
                S->w = h;
                VPUSH(b->work, E->src);
            }
        }
    }
}

/* A root that outlives nothing marks nothing: skip its walk (exact). */
static bool may_outlive(esc_ctx *c, int l)
{
    const location *L = LOC(c, l);
    return L->role == ROLE_RESULT || L->role == ROLE_OUT || L->loopdepth < FN(c, l)->maxdepth;
}

static void enqueue(esc_ctx *c, intvec *q, int l)
{
    location *L = LOC(c, l);
    if (L->queued) return;
    L->queued = true;
    VPUSH(*q, l);
}

void esc_walk_all(batch *b)
{
    esc_ctx *c = b->c;
    intvec q = {0}, hw = {0};
    for (int fi = 0; fi < b->n; fi++)
        for (int i = 0; i < b->fns[fi]->locs.n; i++) {
            int l = b->fns[fi]->locs.v[i];
            if (LOC(c, l)->role != ROLE_HEAP && may_outlive(c, l)) enqueue(c, &q, l);
        }
    for (int fi = 0; fi < b->n; fi++) heap_source(c, &hw, b->fns[fi]->heap);
    heap_walk(c, &hw);
    while (q.n) {
        int root = q.v[--q.n];
        LOC(c, root)->queued = false;
        if (LOC(c, root)->escapes) continue;    /* walked by the heap walk */
        walk_one(b, root, &hw);
        heap_walk(c, &hw);
    }
    /* Maps only the result or *p reached are the functions' outputs (ctor.c);
     * in the functions themselves they escape. */
    for (int fi = 0; fi < b->n; fi++) {
        esc_func *f = b->fns[fi];
        for (int i = 0; i < f->sites.n; i++) {
            site *s = &c->sites.v[f->sites.v[i]];
            location *L = LOC(c, s->loc);
            if (!L->ctor_mask || L->escapes) continue;
            s->out_mask = L->ctor_mask;
            VPUSH(f->outputs, s->id);
            L->escapes = true;
            L->path_esc = L->ctor_path;
            heap_source(c, &hw, s->loc);
        }
    }
    heap_walk(c, &hw);
    VFREE(q);
    VFREE(hw);
}
