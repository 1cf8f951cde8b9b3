/* store.c - resolving the stores of one batch of functions (an SCC of the call
 * graph) before Go's walk runs on it.
 *
 * Stores.  Go sends every `*p = x` to the heap; C stores through pointers all
 * the time, so `*ptr = src` is resolved against what ptr may point to, and
 * iterated to a fixpoint (a resolved store adds edges, which can change what
 * other pointers point to):
 *
 *   - pointees(ptr): walk ptr's incoming edges backwards counting derefs
 *     exactly (no flooring, a 31-bit mask of the deref counts seen per
 *     location); a location reached at -1 is a pointee, its own incoming edges
 *     are its contents and not followed from there;
 *   - the pointer is UNKNOWN when the walk reaches, at derefs >= 0, something
 *     whose value we do not see: a heap location (globals, values loaded from
 *     escaped memory, anything a front end flows from esc_heap()), a parameter
 *     (the caller chose it: this is Go's `*p = x`, x leaks to the heap), the
 *     result of a call (unless the trusted callee's result is closed: only its
 *     parameters, see summary.c), a location marked ext (below), raw memory
 *     (esc_unseen: a pointer read out of bytes that may have been written as
 *     data is rebuilt from an integer); or when the walk reaches a heap location at
 *     all, or needs more than 30 derefs;
 *   - a pointer with no pointee yet waits: a store resolved later may give it
 *     one; at the fixpoint, one that still points nowhere is UNKNOWN too (its
 *     value comes from something the front end did not describe);
 *   - if every pointee is an ESC_LOC_VAR or ESC_LOC_MAP of the storing function,
 *     each gets pointee <- src (derefs); otherwise heap <- src (derefs);
 *   - except (Go's self-assignment rule, see in_region): when the pointer is
 *     one pointer parameter p of the storing function plus offsets, and the
 *     value stored is loaded from that same object *p (one dereference of p,
 *     or comes from outside), the store only moves a value within one object
 *     and adds no edge.  `c->count++` then leaves c "does not escape".
 *
 * ext ("content written by code we do not see"): a location whose address
 * reaches a call argument (of any callee: even a noescape or summarized one may
 * write through the pointer it gets) or the heap may hold anything after that,
 * so reading a pointer out of it is UNKNOWN.  ext is Go's floored walk started
 * at once from every call argument and heap location of the batch: reached at
 * derefs < 0 means the address is visible there, and flooring at 0 covers
 * everything reachable through it.  A parameter reached at all is marked ext
 * too ("exposed"): some of its memory is seen by other code, or was stored by
 * a store that moved its values across levels, so the self-assignment rule
 * (in_region) no longer holds for it.
 *
 * Exposure (TS 6010, docs/design.md "Soundness"): a local is raw when it may
 * hold pointer bytes as non-pointer data (esc_raw, or the local pointee of a
 * resolved esc_store_raw), or when its contents include a raw location's
 * contents (copies of raw bytes are raw: raw_copies).  A typed data load (esc_expose without any) whose
 * memory may be raw makes that memory's contents escape (heap <- src [derefs],
 * the load's position and why); a raw location that is also ext has its
 * contents escape (another function may read them typed).  Both are decided
 * in the same fixpoint, since pointees, raw-ness and ext grow with it.  While
 * no location of the unit is raw (c->any_raw), no memory may be: reads_raw
 * answers without a walk; once one is, the pairs a walk found clean stop later
 * walks until the graph or the raw marks grow (the memo in reads_raw).
 *
 * Soundness rests on these assumptions about front ends: every statement that
 * moves a pointer is an esc_flow/esc_store/esc_escape/esc_call; a pointer that
 * comes from outside the modelled code (global, integer cast, unknown memory)
 * flows from esc_heap() or a parameter or a call result; a local whose address
 * is taken is an ESC_LOC_VAR; a callee keeps nothing of a noescape parameter,
 * neither the pointer nor what it points to (the attribute's contract, checked
 * where the definition is compiled: docs/design.md; like Go's
 * //go:noescape); the analysis is flow- and field-insensitive, which only adds
 * flows.  A resolution budget bounds the work; past it every
 * remaining store of the batch goes to the heap (sound, less precise).
 */
#include "core.h"

#include <string.h>

#include <stdlib.h>

#define MAXD        30              /* exact deref counts tracked by points_to */
#define ADDRBIT     (1u << 31)      /* reached at -1: a pointee */
#define STORE_BUDGET 50000000L      /* edge visits per batch for store resolution */

typedef struct solver {
    esc_ctx *c;
    esc_func **fns;
    int n;
    VEC(int) work;              /* (loc, derefs) pairs or locations */
    VEC(int) pts;               /* pointees of the last points_to */
    VEC(int) seen;              /* (loc, derefs) pairs a raw walk went through */
    long budget;
    bool unknown;               /* the last points_to hit something unseen */
    int region;                 /* ... and that was only this parameter, else -1 */
    uint32_t region_mask;       /* derefs at which the pointer is from it */
} solver;

static void set_raw(esc_ctx *c, location *L)
{
    L->raw = c->any_raw = true;
    c->raw_sets++;
}

/* ---- ext: addresses visible to code we do not see --------------------------------------- */
static void ext_seed(solver *s, int l, unsigned gen)
{
    location *L = LOC(s->c, l);
    if (L->sgen == gen && L->sderefs <= 0) return;
    L->sgen = gen;
    L->sderefs = 0;
    VPUSH(s->work, l);
}

static void mark_ext(solver *s)
{
    esc_ctx *c = s->c;
    unsigned gen = ++c->sgen;
    s->work.n = 0;
    for (int fi = 0; fi < s->n; fi++) {
        esc_func *f = s->fns[fi];
        ext_seed(s, f->heap, gen);
        for (int i = 0; i < f->params.n; i++)   /* *p, like the heap (ctor.c) */
            if (f->params.v[i].set && f->params.v[i].out >= 0)
                ext_seed(s, f->params.v[i].out, gen);
        for (int ci = 0; ci < f->calls.n; ci++) {
            const call *k = &c->calls.v[f->calls.v[ci]];
            for (int i = 0; i < k->nargs; i++)
                if (c->args.v[k->args + i] >= 0) ext_seed(s, c->args.v[k->args + i], gen);
        }
        for (int i = 0; i < f->ext_args.n; i++) ext_seed(s, f->ext_args.v[i], gen);
    }
    while (s->work.n) {
        location *L = LOC(c, s->work.v[--s->work.n]);
        int d = L->sderefs;
        if (d < 0 || L->role == ROLE_PARAM) L->ext = true;  /* param: exposed */
        if (d < 0) d = 0;
        for (int e = L->ehead; e >= 0; e = c->edges.v[e].next) {
            const edge *E = &c->edges.v[e];
            location *S = LOC(c, E->src);
            int nd = d + E->derefs;
            if (S->sgen != gen || S->sderefs > nd) {
                S->sgen = gen;
                S->sderefs = nd;
                VPUSH(s->work, E->src);
            }
        }
    }
}

/* ---- points-to ------------------------------------------------------------------------------ */
static uint32_t *smask(esc_ctx *c, int l, unsigned gen)
{
    location *L = LOC(c, l);
    if (L->sgen != gen) { L->sgen = gen; L->smask = 0; }
    return &L->smask;
}

static bool unseen(solver *s)
{
    s->unknown = true;
    return false;
}

/* An unseen value at derefs >= 0.  A parameter of the storing function fn is
 * remembered as the region the pointer stays in (see in_region); anything
 * else, or a second parameter, makes the pointer unknown for good. */
static bool unseen_at(solver *s, int l, int d, int fn)
{
    const location *L = LOC(s->c, l);
    if (L->role == ROLE_PARAM && L->fn == fn && !L->ext && (s->region < 0 || s->region == l)) {
        if (s->region < 0) s->region_mask = 0;
        s->region_mask |= 1u << d;
        s->region = l;
        return true;
    }
    s->region = -1;
    return unseen(s);
}

/* The exact-deref walk of points_to and reads_raw: backwards from the pairs
 * (location, derefs) on s->work (marked in this sgen's masks), along incoming
 * edges, summing derefs, each pair once.  A location reached at -1 is a
 * pointee.  points_to (raw false): the pointees go to s->pts; the heap, or an
 * unseen value other than the storing function fn's one parameter region
 * (unseen_at), ends the walk (W_UNSEEN).  reads_raw (raw true): unseen values
 * are walked through (their memory's raw bytes escaped already), the heap is
 * not gone on from, and the first raw pointee ends the walk (W_RAW).  Too deep
 * or over budget: W_LIMIT. */
enum { W_DONE, W_LIMIT, W_UNSEEN, W_RAW };
static int walk(solver *s, unsigned gen, int fn, bool raw)
{
    esc_ctx *c = s->c;
    while (s->work.n) {
        int d = s->work.v[--s->work.n];
        int l = s->work.v[--s->work.n];
        if (raw) {
            const location *L = LOC(c, l);
            if (L->cgen == c->cgen && (L->cmask & (1u << d))) continue;   /* clean */
            VPUSH(s->seen, l);
            VPUSH(s->seen, d);
            if (L->role == ROLE_HEAP) continue;
        }
        for (int e = LOC(c, l)->ehead; e >= 0; e = c->edges.v[e].next) {
            const edge *E = &c->edges.v[e];
            int nd = d + E->derefs;
            uint32_t *m = smask(c, E->src, gen);
            if (--s->budget < 0) return W_LIMIT;
            if (!raw && LOC(c, E->src)->role == ROLE_HEAP) return W_UNSEEN;
            if (nd < 0) {
                if (!(*m & ADDRBIT)) {
                    *m |= ADDRBIT;
                    if (raw && LOC(c, E->src)->raw) return W_RAW;
                    if (!raw) VPUSH(s->pts, E->src);
                }
                continue;
            }
            if (nd > MAXD) return W_LIMIT;
            if (*m & (1u << nd)) continue;
            *m |= 1u << nd;
            if (!raw && esc_unseen(LOC(c, E->src))) {
                if (!unseen_at(s, E->src, nd, fn)) return W_UNSEEN;
                continue;
            }
            VPUSH(s->work, E->src);
            VPUSH(s->work, nd);
        }
    }
    return W_DONE;
}

/* Fills s->pts with what ptr (a pointer of function fn) may point to; false
 * when that is not bounded (s->unknown; s->region says whether only through
 * one parameter) or when nothing is known yet (s->pts empty). */
static bool points_to(solver *s, int ptr, int fn)
{
    esc_ctx *c = s->c;
    unsigned gen = ++c->sgen;
    s->pts.n = s->work.n = 0;
    s->unknown = false;
    s->region = -1;
    if (esc_unseen(LOC(c, ptr)) && !unseen_at(s, ptr, 0, fn)) return false;
    *smask(c, ptr, gen) |= 1u;
    if (s->region < 0) { VPUSH(s->work, ptr); VPUSH(s->work, 0); }
    if (walk(s, gen, fn, false) != W_DONE) {
        s->region = -1;
        return unseen(s);
    }
    if (s->region >= 0) return unseen(s);
    return s->pts.n > 0;
}

/* Go's self-assignment rule (isSelfAssign: `val.x = val.y`), for one object.
 * The store's pointer is p's own value plus offsets (every path reaches p at
 * derefs 0: region_mask == 1), so the slot written is in the one runtime
 * object *p; the value stored was loaded from that same parameter at exactly
 * one dereference (`c->n = c->n + 1`, `p->a = p->b`, `p[0].m = p[1].m`), so
 * it already was in that object.  The caller's graph holds the object as one
 * field-insensitive location (whichever of its locations p points to at run
 * time), which already holds the value: the store gives the caller nothing
 * new, and needs no heap edge (which would make p's content "leak").
 *
 * Only level 1, and only for a parameter that is one pointer (is_pointer: a
 * struct passed by value holds several, so "its value plus offsets" may be
 * any of them).  One level down, a level spans several objects: in
 * `p->y->a = p->x->b` or `*v[0] = *v[1]` the two slots are in different
 * objects (a caller's local and a global), and the move is a flow the
 * caller's graph lacks; such stores go to the heap as in Go.  Moves across
 * levels (`*t = t`, `*p = **p`) are not self-assignments either.  The rule
 * applies only while p is not exposed (ext, see mark_ext): no p-derived value
 * reaches a call argument (a callee, even a noescape one, may rearrange *p) or
 * the heap.  The value is checked with an exact-deref walk from src that
 * rejects: any location's address, a parameter other than p or p at another
 * level, a call's result (of another activation in the batch, or with a
 * min-level summary), memory written by unseen code (ext), another function.
 * p's own incoming edges (arguments of recursive calls: other activations)
 * are not followed. */
static bool in_region(solver *s, int fn, int src, int derefs, int p, int level)
{
    esc_ctx *c = s->c;
    unsigned gen = ++c->sgen;
    s->work.n = 0;
    VPUSH(s->work, src);
    VPUSH(s->work, derefs);
    while (s->work.n) {
        int d = s->work.v[--s->work.n];
        int l = s->work.v[--s->work.n];
        const location *L = LOC(c, l);
        if (L->role == ROLE_HEAP) continue;     /* from outside */
        if (d < 0 || d > MAXD || L->fn != fn || L->role == ROLE_RESULT) return false;
        if (L->role == ROLE_PARAM) {
            if (l != p || d != level) return false;
            continue;
        }
        if (esc_unseen(L)) return false;
        for (int e = L->ehead; e >= 0; e = c->edges.v[e].next) {
            const edge *E = &c->edges.v[e];
            int nd = d + E->derefs;
            uint32_t *m = smask(c, E->src, gen);
            if (--s->budget < 0 || nd < 0) return false;
            if (nd > MAXD) return false;
            if (*m & (1u << nd)) continue;
            *m |= 1u << nd;
            VPUSH(s->work, E->src);
            VPUSH(s->work, nd);
        }
    }
    return true;
}

/* The pointer is the value of parameter p (of a pointer type) plus offsets
 * only: it reaches p at derefs 0 and nowhere else. */
static bool own_object(solver *s, int p)
{
    const location *P = LOC(s->c, p);
    const esc_func *f = s->c->funcs.v[P->fn];
    return s->region_mask == 1u && P->param >= 0 && P->param < f->params.n &&
           f->params.v[P->param].is_pointer;
}

/* ---- stores ------------------------------------------------------------------------------------ */
static bool local_pointees(solver *s, int fn)
{
    for (int i = 0; i < s->pts.n; i++) {
        const location *P = LOC(s->c, s->pts.v[i]);
        if (P->fn != fn || (P->kind != ESC_LOC_VAR && P->kind != ESC_LOC_MAP)) return false;
    }
    return true;
}

/* -m=2's note for a store sent to the heap: the store's why and where the
 * memory written came from, "assign: stored through parameter c",
 * "assign: stored through q (from parameter c)".  Follows ptr's copies (derefs 0)
 * back through temporaries to the nearest named pointer, then on to where that
 * pointer came from (a parameter, a call's result, global memory). */
static const char *store_why(esc_ctx *c, const store *st)
{
    int cur = st->ptr, name = -1, origin = -1;
    char buf[700], from[400] = "";
    for (int k = 0; k < 32 && cur >= 0; k++) {
        const location *L = LOC(c, cur);
        if (name < 0 && L->name && *L->name && L->role != ROLE_HEAP) name = cur;
        if (L->role == ROLE_PARAM || L->role == ROLE_HEAP || L->opaque) { origin = cur; break; }
        int next = -1;
        for (int e = L->ehead; e >= 0; e = c->edges.v[e].next)
            if (c->edges.v[e].derefs == 0) { next = c->edges.v[e].src; break; }
        cur = next;
    }
    if (origin >= 0) {
        const location *O = LOC(c, origin);
        if (O->role == ROLE_PARAM && O->name && *O->name)
            snprintf(from, sizeof from, "parameter %s", O->name);
        else if (O->role == ROLE_PARAM)
            snprintf(from, sizeof from, "parameter %d", O->param + 1);
        else if (O->role == ROLE_HEAP)
            snprintf(from, sizeof from, "global or escaped memory");
        else
            snprintf(from, sizeof from, "a call's result or memory other code writes");
    }
    if (name >= 0 && origin >= 0 && LOC(c, origin)->role == ROLE_PARAM &&
        (origin == name || (LOC(c, origin)->name &&
                            !strcmp(LOC(c, origin)->name, LOC(c, name)->name))))
        snprintf(buf, sizeof buf, "%s: stored through %s", st->why, from);
    else if (name >= 0 && from[0])
        snprintf(buf, sizeof buf, "%s: stored through %s (from %s)", st->why,
                 LOC(c, name)->name, from);
    else if (name >= 0)
        snprintf(buf, sizeof buf, "%s: stored through %s, memory that outlives %s", st->why,
                 LOC(c, name)->name, c->funcs.v[st->fn]->name);
    else if (from[0])
        snprintf(buf, sizeof buf, "%s: stored through a pointer from %s", st->why, from);
    else
        snprintf(buf, sizeof buf, "%s: stored to memory that outlives %s", st->why,
                 c->funcs.v[st->fn]->name);
    return esc_intern(c, buf);
}

static bool store_to_heap(esc_ctx *c, int si)
{
    const store *st = &c->stores.v[si];
    int heap = c->funcs.v[st->fn]->heap;
    if (!esc_seen_add(c, si, heap)) return false;
    esc_edge_add(c, heap, st->src, st->derefs, st->pos, c->capture ? store_why(c, st) : st->why);
    return true;
}

/* Adds the edges of store si; true if any is new.  A pointer with no pointee
 * yet may get one from a store resolved later: *pending, decided at the end. */
static bool resolve_store(solver *s, int si, bool *pending)
{
    esc_ctx *c = s->c;
    const store st = c->stores.v[si];
    bool added = false;
    bool pointed = s->budget >= 0 && points_to(s, st.ptr, st.fn);
    if (st.raw)                                 /* esc_store_raw: raw bytes land there */
        for (int i = 0; i < s->pts.n; i++) {
            location *P = LOC(c, s->pts.v[i]);
            if ((P->kind == ESC_LOC_VAR || P->kind == ESC_LOC_MAP) && !P->raw) {
                set_raw(c, P);
                added = true;
            }
        }
    if (pointed && local_pointees(s, st.fn)) {
        for (int i = 0; i < s->pts.n; i++)
            if (esc_seen_add(c, si, s->pts.v[i])) {
                esc_edge_add(c, s->pts.v[i], st.src, st.derefs, st.pos, st.why);
                added = true;
            }
        return added;
    }
    if (s->budget >= 0 && s->pts.n == 0 && !s->unknown) {
        *pending = true;
        return added;
    }
    /* *p = (what p's memory holds): stays in the caller's object, unless as raw
     * bytes (memcpy(&p->u, &p->m, 8), or through a local the bytes were copied
     * to): the caller may read them as data, an exposure it would not see (raw
     * marks do not cross calls) */
    if (s->budget >= 0 && !st.raw && s->region >= 0 && s->pts.n == 0 && own_object(s, s->region) &&
        in_region(s, st.fn, st.src, st.derefs, s->region, 1) && !esc_value_raw(c, st.src, st.derefs))
        return added;
    /* *p = m: maybe for the caller (ctor.c).  Asked again every round: pointers
     * only gain targets, and one that is no longer p alone goes to the heap too.
     * As raw bytes (memcpy(out, &m, sizeof m), or a value copied out of raw
     * memory), the caller's store is raw too: its object may be an integer it
     * reads as data. */
    int p;
    bool raw = st.raw;
    if (s->budget >= 0 && esc_ctor_out_src(c, st.fn, st.ptr, st.src, st.derefs, &p, &raw)) {
        if (raw) added |= esc_ctor_out_raw(c, st.fn, p);
        if (st.out) return added;
        c->stores.v[si].out = true;
        esc_edge_add(c, esc_ctor_out(c, st.fn, p), st.src, st.derefs, st.pos,
                     c->capture ? store_why(c, &st) : st.why);
        return true;
    }
    return store_to_heap(c, si) || added;
}

/* ---- exposure --------------------------------------------------------------------------------- */
/* May the memory an exposure reads ((derefs) src, derefs >= 1: what src at
 * derefs - 1 points to) be raw?  The walk of points_to, not stopping at
 * unseen values: an unknown pointer reads memory of other functions, whose raw
 * bytes escaped when its address left its owner (raw_seen below), so only the
 * raw locals it can be seen to reach count.  Too deep or over budget: raw. */
static bool reads_raw(solver *s, int src, int derefs)
{
    esc_ctx *c = s->c;
    if (!c->any_raw) return false;      /* no raw location to reach: exact, no walk */
    if (derefs > MAXD) return true;
    /* The memo: a walk that ends W_DONE went through every pair it reached and
     * found nothing raw or too deep from any of them, so each is clean, and
     * later walks stop there; valid while the graph and the raw marks are
     * those it was found in (edges and raw marks are only ever added). */
    if (c->clean_edges != c->edges.n || c->clean_raw != c->raw_sets) {
        c->cgen++;
        c->clean_edges = c->edges.n;
        c->clean_raw = c->raw_sets;
    }
    unsigned gen = ++c->sgen;
    s->work.n = s->seen.n = 0;
    *smask(c, src, gen) |= 1u << (derefs - 1);
    VPUSH(s->work, src);
    VPUSH(s->work, derefs - 1);
    if (walk(s, gen, -1, true) != W_DONE) return true;
    for (int i = 0; i < s->seen.n; i += 2) {
        location *L = LOC(c, s->seen.v[i]);
        if (L->cgen != c->cgen) { L->cgen = c->cgen; L->cmask = 0; }
        L->cmask |= 1u << s->seen.v[i + 1];
    }
    return false;
}

/* esc_copy of memory that is not raw: its bytes hold no pointer we follow,
 * but memory written by code we do not see (heap, a parameter's, ext) may
 * hold bytes of pointers we do not know, so a pointer rebuilt from the copy
 * is unknown: dst <- heap. */
static bool copy_unknown(solver *s, int xi)
{
    esc_ctx *c = s->c;
    exposure x = c->exposures.v[xi];
    if (x.unknown) return false;
    const location *S = LOC(c, x.src);
    bool unknown;
    if (x.derefs == 0)
        unknown = S->role == ROLE_HEAP || S->ext || S->opaque ||
                  (S->kind != ESC_LOC_VAR && S->kind != ESC_LOC_MAP);
    else if (x.derefs > 1 || s->budget < 0 || !points_to(s, x.src, x.fn))
        unknown = true;
    else {
        unknown = !local_pointees(s, x.fn);
        for (int i = 0; i < s->pts.n && !unknown; i++) unknown = LOC(c, s->pts.v[i])->ext;
    }
    if (!unknown) return false;
    c->exposures.v[xi].unknown = true;
    esc_edge_add(c, x.dst, c->funcs.v[x.fn]->heap, 0, x.pos, "unknown");
    return true;
}

/* A typed data load exposes (esc_copy: copies) when the memory it reads may
 * be raw. */
static bool resolve_exposure(solver *s, int xi)
{
    esc_ctx *c = s->c;
    exposure *x = &c->exposures.v[xi];
    if (x->done) return false;
    const location *S = LOC(c, x->src);
    bool raw;
    if (x->derefs == 0)     /* the local itself; a value read as data is converted */
        raw = S->role != ROLE_HEAP &&
              (S->raw || (S->kind != ESC_LOC_VAR && S->kind != ESC_LOC_MAP));
    else
        raw = s->budget < 0 || reads_raw(s, x->src, x->derefs);
    if (!raw) return x->dst >= 0 && copy_unknown(s, xi);
    x = &c->exposures.v[xi];
    x->done = true;
    esc_edge_add(c, x->dst >= 0 ? x->dst : c->funcs.v[x->fn]->heap, x->src, x->derefs,
                 x->pos, x->why);
    return true;
}

/* Copies of raw bytes are raw: a local or map whose contents include a raw
 * location's contents (an aggregate copy `b = a`, `b = *p`, a store of one
 * through a pointer) is raw too.  Backward exact-deref walk from l: a raw
 * location reached at derefs 0.  Over budget or too deep: raw. */
static bool contents_raw(solver *s, int l)
{
    esc_ctx *c = s->c;
    unsigned gen = ++c->sgen;
    s->work.n = 0;
    *smask(c, l, gen) |= 1u;
    VPUSH(s->work, l);
    VPUSH(s->work, 0);
    while (s->work.n) {
        int d = s->work.v[--s->work.n];
        int v = s->work.v[--s->work.n];
        if (LOC(c, v)->role == ROLE_HEAP) continue;
        for (int e = LOC(c, v)->ehead; e >= 0; e = c->edges.v[e].next) {
            const edge *E = &c->edges.v[e];
            int nd = d + E->derefs;
            if (--s->budget < 0 || nd > MAXD) return true;
            if (nd < 0) continue;               /* an address, not contents */
            if (nd == 0 && LOC(c, E->src)->raw) return true;
            uint32_t *m = smask(c, E->src, gen);
            if (*m & (1u << nd)) continue;
            *m |= 1u << nd;
            VPUSH(s->work, E->src);
            VPUSH(s->work, nd);
        }
    }
    return false;
}

static bool raw_copies(solver *s)
{
    esc_ctx *c = s->c;
    bool any = false, added = false;
    for (int fi = 0; fi < s->n && !any; fi++) {
        esc_func *f = s->fns[fi];
        for (int i = 0; i < f->locs.n && !any; i++) any = LOC(c, f->locs.v[i])->raw;
    }
    if (!any) return false;
    for (int fi = 0; fi < s->n; fi++) {
        esc_func *f = s->fns[fi];
        for (int i = 0; i < f->locs.n; i++) {
            location *L = LOC(c, f->locs.v[i]);
            if (L->raw || (L->kind != ESC_LOC_VAR && L->kind != ESC_LOC_MAP)) continue;
            if (contents_raw(s, f->locs.v[i])) {
                set_raw(c, LOC(c, f->locs.v[i]));
                added = true;
            }
        }
    }
    return added;
}

/* Raw and ext: code we do not see may read the raw bytes with a typed load
 * (which exposes nothing there), so the contents escape here. */
static bool raw_seen(solver *s, esc_func *f)
{
    esc_ctx *c = s->c;
    bool added = false;
    for (int i = 0; i < f->locs.n; i++) {
        location *L = LOC(c, f->locs.v[i]);
        if (!L->raw || !L->ext || L->raw_out) continue;
        L->raw_out = true;
        esc_edge_add(c, f->heap, f->locs.v[i], 0, L->pos, "raw bytes seen by other code");
        added = true;
    }
    return added;
}

/* Rounds until no store adds an edge; then stores that still point nowhere
 * go to the heap (which may start another round). */
static void resolve_all(solver *s)
{
    esc_ctx *c = s->c;
    s->budget = STORE_BUDGET;
    for (;;) {
        bool changed = false, pending = false;
        mark_ext(s);
        for (int fi = 0; fi < s->n; fi++) {
            esc_func *f = s->fns[fi];
            for (int i = 0; i < f->stores.n; i++)
                changed |= resolve_store(s, f->stores.v[i], &pending);
        }
        changed |= raw_copies(s);
        for (int fi = 0; fi < s->n; fi++) {
            esc_func *f = s->fns[fi];
            for (int i = 0; i < f->exposures.n; i++)
                changed |= resolve_exposure(s, f->exposures.v[i]);
            changed |= raw_seen(s, f);
        }
        if (changed) continue;
        if (!pending) break;
        bool added = false;                     /* nothing known at all: unknown */
        for (int fi = 0; fi < s->n; fi++) {
            esc_func *f = s->fns[fi];
            for (int i = 0; i < f->stores.n; i++) {
                int si = f->stores.v[i];
                if (!points_to(s, c->stores.v[si].ptr, c->stores.v[si].fn) && !s->unknown)
                    added |= store_to_heap(c, si);
            }
        }
        if (!added) break;
    }
}

void esc_resolve_stores(batch *b)
{
    solver s = { b->c, b->fns, b->n, {0}, {0}, {0}, 0, false, -1, 0u };
    resolve_all(&s);
    VFREE(s.work);
    VFREE(s.pts);
    VFREE(s.seen);
}
