/* ctor.c - maps made by helper functions, in their callers' storage.
 *
 * A helper that makes a map and hands it to its caller (`return
 * gomap_make(...)`, `ix->m = gomap_make(...)`) makes a map that escapes the
 * helper; Go keeps it on the stack only when its inliner copied the helper into
 * the caller first.  Here the caller gets the map's storage whether or not
 * anything inlines (docs/design.md "Maps made by helpers"):
 *
 *   outputs   A site of f (a gomap_make site, or a site of one of f's calls,
 *             below) is an output when the only roots that reach its handle
 *             (&MAP, derefs -1) and outlive it are f's result ~r0 and the
 *             ROLE_OUT locations of f's pointer parameters, which receive the
 *             stores `*p = m` through a parameter p itself (p + offsets, no
 *             deeper level) of a value that may be a map's handle.  The walk
 *             (solve.c walk_one) asks esc_ctor_exempt before marking such a
 *             map escaping and goes on through its contents as from an escaped
 *             location; when the batch's walk is done, every map reached that
 *             way and by nothing else is an output, and escapes after all
 *             (esc_ctor_finish): in f as compiled, and for callers that do
 *             not give storage, it is on the heap as before.  Only f in a
 *             batch of its own that does not call itself, trusted, whose
 *             address is not taken, and only sites at loop depth 0 (made at
 *             most once per call, also with setjmp: loops.cc adds 1 there).
 *   call sites  A call (esc_call_at) to a summarized callee g with outputs
 *             gets one site per output in the caller, at the call's position
 *             and loop depth, with the output's type, hint and sizes: the map
 *             g makes in that call.  It is modelled as what g does with it:
 *             `result <- MAP [-1]` for the result, and the store
 *             `*arg_i = &MAP` for out parameter i (resolved as any store of
 *             the caller).  g's parameter summaries still hold (g's
 *             own reads of *p are in them: a caller's argument whose content
 *             leaks takes the map with it).  The site is decided like any
 *             other: frame budget, loop depth, escapes.  Nested helpers: a
 *             call site is a site of the caller, so it can be the caller's
 *             output in turn.
 *
 * What is sound about it: the output's map was made in that call of g and
 * reached nothing that outlives g other than the result or *p (else it would
 * have escaped in g); the caller's graph has every edge for the rest of its
 * life.  The front end gives the storage through a clone of g (the original
 * symbol is unchanged for callers elsewhere and through pointers).
 */
#include "core.h"

#include <stdlib.h>

#define MAXD 30

static bool calls_self(esc_ctx *c, const esc_func *f)
{
    for (int i = 0; i < f->calls.n; i++)
        if (c->calls.v[f->calls.v[i]].callee == f->id) return true;
    return false;
}

void esc_ctor_begin(batch *b)
{
    esc_ctx *c = b->c;
    for (int fi = 0; fi < b->n; fi++) {
        esc_func *f = b->fns[fi];
        f->ctor_ok = b->n == 1 && f->has_body && f->trusted && !f->address_taken &&
                     !f->no_outputs && !calls_self(c, f);
    }
}

bool esc_ctor_exempt(esc_ctx *c, int root, int l)
{
    const location *R = LOC(c, root), *L = LOC(c, l);
    if (L->kind != ESC_LOC_MAP || L->fn != R->fn || L->loopdepth != 0) return false;
    if (R->role == ROLE_OUT) return R->param >= 0 && R->param < 31 && c->funcs.v[R->fn]->ctor_ok;
    return R->role == ROLE_RESULT && c->funcs.v[R->fn]->ctor_ok;
}

void esc_ctor_note(esc_ctx *c, int root, int l, int path)
{
    const location *R = LOC(c, root);
    location *L = LOC(c, l);
    L->ctor_mask |= R->role == ROLE_OUT ? 1u << (R->param + 1) : 1u;
    if (L->ctor_path < 0) L->ctor_path = path;
}

int esc_ctor_out(esc_ctx *c, int fn, int param)
{
    esc_func *f = c->funcs.v[fn];
    fparam *p = &f->params.v[param];
    if (p->out < 0) {
        p->out = esc_loc_add(c, fn, ESC_LOC_VALUE, ROLE_OUT, p->name, p->pos, 0);
        LOC(c, p->out)->param = param;
    }
    return p->out;
}

/* An exact-deref walk back from (derefs) l: calls ok(loc, derefs) on every
 * location reached; false when ok does, or when the walk goes past MAXD or a
 * small budget. */
typedef struct xwalk { esc_ctx *c; VEC(int) work; } xwalk;

static bool exact_walk(xwalk *w, int l, int derefs, int (*ok)(esc_ctx *, int, int, void *),
                       void *arg)
{
    esc_ctx *c = w->c;
    unsigned gen = ++c->sgen;
    long budget = 200000;
    w->work.n = 0;
    VPUSH(w->work, l);
    VPUSH(w->work, derefs);
    LOC(c, l)->sgen = gen;
    LOC(c, l)->smask = 0;
    while (w->work.n) {
        int d = w->work.v[--w->work.n];
        int x = w->work.v[--w->work.n];
        int r = ok(c, x, d, arg);
        if (r < 0) return false;
        if (r == 0) continue;                   /* do not follow */
        for (int e = LOC(c, x)->ehead; e >= 0; e = c->edges.v[e].next) {
            const edge *E = &c->edges.v[e];
            location *S = LOC(c, E->src);
            int nd = d + E->derefs;
            if (--budget < 0 || nd > MAXD) return false;
            if (nd < -1) continue;
            if (S->sgen != gen) { S->sgen = gen; S->smask = 0; }
            uint32_t bit = nd < 0 ? 1u << 31 : 1u << nd;
            if (S->smask & bit) continue;
            S->smask |= bit;
            VPUSH(w->work, E->src);
            VPUSH(w->work, nd);
        }
    }
    return true;
}

/* ptr is pointer parameter P of fn plus offsets, and nothing else. */
struct out_arg { int fn, param; };

static int out_ok(esc_ctx *c, int l, int d, void *arg)
{
    struct out_arg *a = arg;
    const location *L = LOC(c, l);
    if (L->fn != a->fn || d < 0 || L->role == ROLE_HEAP || L->role == ROLE_OUT) return -1;
    if (L->role == ROLE_PARAM) {
        const esc_func *f = c->funcs.v[a->fn];
        if (d != 0 || L->param < 0 || L->param >= f->params.n ||
            !f->params.v[L->param].is_pointer || (a->param >= 0 && a->param != L->param))
            return -1;
        a->param = L->param;
        return 0;
    }
    if (esc_unseen(L) || L->role == ROLE_RESULT) return -1;
    return 1;
}

/* The value stored may be a map's handle: (derefs) src reaches a map of fn at
 * loop depth 0 at -1.  Through a raw location (a local holding pointer bytes as
 * data, store.c), it reaches the map as bytes. */
struct fresh_arg { int fn; bool found, raw; };

static int fresh_ok(esc_ctx *c, int l, int d, void *arg)
{
    struct fresh_arg *a = arg;
    const location *L = LOC(c, l);
    if (L->raw) a->raw = true;
    if (d < 0) {
        if (L->kind == ESC_LOC_MAP && L->fn == a->fn && L->loopdepth == 0) a->found = true;
        return 0;
    }
    return 1;
}

bool esc_ctor_out_src(esc_ctx *c, int fn, int ptr, int src, int derefs, int *param, bool *raw)
{
    if (!c->funcs.v[fn]->ctor_ok) return false;
    xwalk w = { c, {0} };
    struct out_arg a = { fn, -1 };
    bool ok = exact_walk(&w, ptr, 0, out_ok, &a) && a.param >= 0 && a.param < 31;
    if (ok && src >= 0) {
        struct fresh_arg fa = { fn, false, false };
        ok = exact_walk(&w, src, derefs, fresh_ok, &fa) && fa.found;
        if (fa.raw) *raw = true;
    }
    VFREE(w.work);
    *param = a.param;
    return ok;
}

/* Does the value (derefs) src come through raw memory (its bytes copied as
 * data on the way)?  Too deep or over budget: yes. */
static int raw_ok(esc_ctx *c, int l, int d, void *arg)
{
    (void)d;
    if (LOC(c, l)->raw) {
        *(bool *)arg = true;
        return -1;
    }
    return 1;
}

bool esc_value_raw(esc_ctx *c, int src, int derefs)
{
    if (src < 0 || !c->any_raw) return false;   /* no raw location in the unit */
    xwalk w = { c, {0} };
    bool raw = false;
    bool done = exact_walk(&w, src, derefs, raw_ok, &raw);
    VFREE(w.work);
    return raw || !done;
}

bool esc_ctor_out_raw(esc_ctx *c, int fn, int param)
{
    fparam *p = &c->funcs.v[fn]->params.v[param];
    if (p->out_raw) return false;
    p->out_raw = true;
    return true;
}

/* ---- call sites -------------------------------------------------------------------------------- */
void esc_ctor_link(batch *b, int ci)
{
    esc_ctx *c = b->c;
    call *k = &c->calls.v[ci];
    if (k->callee < 0 || k->ndsite) return;
    esc_func *g = c->funcs.v[k->callee];
    if (!g->has_body || !g->trusted || !g->summarized || g->outputs.n == 0) return;
    esc_func *f = c->funcs.v[k->fn];
    int depth = k->loopdepth >= 0 ? k->loopdepth : f->maxdepth + 1;
    int first = c->sites.n;
    for (int oi = 0; oi < g->outputs.n; oi++) {
        const site *o = &c->sites.v[g->outputs.v[oi]];
        esc_site_info info = o->info;
        info.pos = c->calls.v[ci].pos;
        info.loopdepth = depth;
        unsigned mask = o->out_mask;
        int gsite = o->id;
        esc_loc map;
        int id = esc_map_site(f, &info, &map);
        c->sites.v[id].via_call = ci;
        c->sites.v[id].via_site = gsite;
        k = &c->calls.v[ci];
        if ((mask & 1u) && k->result >= 0)
            esc_edge_add(c, k->result, map, -1, k->pos, "call result");
        for (int i = 0; i < 31; i++) {
            if (!(mask & (1u << (i + 1)))) continue;
            int a = i < k->nargs ? c->args.v[k->args + i] : -1;
            int t = esc_loc_add(c, f->id, ESC_LOC_VALUE, ROLE_PLAIN, NULL, k->pos, depth);
            esc_edge_add(c, t, map, -1, k->pos, "call result");
            if (a < 0) {                        /* through a pointer we do not see */
                esc_edge_add(c, f->heap, t, 0, k->pos, "out parameter");
                continue;
            }
            /* raw bytes in g (memcpy(out, &m, ...)): raw in the caller too, whose
             * object may be an integer it reads as data (an exposure) */
            store s = { f->id, a, t, 0, k->pos, esc_intern(c, "out parameter"),
                        g->params.v[i].out_raw, false };
            VPUSH(c->stores, s);
            VPUSH(f->stores, c->stores.n - 1);
        }
    }
    k = &c->calls.v[ci];
    k->dsite = first;
    k->ndsite = c->sites.n - first;
}

void esc_func_no_outputs(esc_func *f)
{
    f->no_outputs = true;
}

/* ---- queries ----------------------------------------------------------------------------------- */
int esc_func_outputs(esc_ctx *c, const esc_func *f, int *sites, int max)
{
    (void)c;
    int n = 0;
    for (int i = 0; i < f->outputs.n && n < max; i++) sites[n++] = f->outputs.v[i];
    return n;
}

int esc_call_sites(esc_ctx *c, int ci, int *sites, int max)
{
    if (ci < 0 || ci >= c->calls.n) return 0;
    const call *k = &c->calls.v[ci];
    int n = 0;
    for (int i = 0; i < k->ndsite && n < max; i++) sites[n++] = k->dsite + i;
    return n;
}

int esc_site_made_by(esc_ctx *c, int s)
{
    return s >= 0 && s < c->sites.n ? c->sites.v[s].via_site : -1;
}
