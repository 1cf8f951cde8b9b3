/* graph.c - building the location graph: context, functions, parameters,
 * locations, map sites, edges, and the records (stores, calls) that esc_solve
 * resolves later.  Also the small allocation helpers and string interning.
 *
 * Every string handed in by a front end is interned, so callers may pass
 * temporaries.  esc_heap() is location 0; whenever a front end names it, the
 * calling function's own heap proxy is used instead (see core.h).
 */
#include "core.h"

#include <stdlib.h>
#include <string.h>

/* ---- allocation --------------------------------------------------------------- */
void esc_fatal(const char *msg)
{
    fprintf(stderr, "escape core: internal error: %s\n", msg);
    abort();
}

void *esc_xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p) esc_fatal("out of memory");
    return p;
}

void *esc_grow(void *v, int *cap, size_t elem)
{
    int nc = *cap ? *cap * 2 : 8;
    if (nc < *cap) esc_fatal("array too large");
    v = realloc(v, (size_t)nc * elem);
    if (!v) esc_fatal("out of memory");
    *cap = nc;
    return v;
}

/* ---- interning ------------------------------------------------------------------ */
static size_t hash_str(const char *s)
{
    size_t h = 1469598103934665603u;
    for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211u;
    return h;
}

static void intern_rehash(esc_ctx *c)
{
    size_t ncap = c->strcap ? c->strcap * 2 : 256;
    const char **ns = calloc(ncap, sizeof *ns);
    if (!ns) esc_fatal("out of memory");
    for (size_t i = 0; i < c->strcap; i++) {
        if (!c->strs[i]) continue;
        size_t j = hash_str(c->strs[i]) & (ncap - 1);
        while (ns[j]) j = (j + 1) & (ncap - 1);
        ns[j] = c->strs[i];
    }
    free(c->strs);
    c->strs = ns;
    c->strcap = ncap;
}

const char *esc_intern(esc_ctx *c, const char *s)
{
    if (!s) return NULL;
    if (2 * (c->nstrs + 1) > c->strcap) intern_rehash(c);
    size_t j = hash_str(s) & (c->strcap - 1);
    for (; c->strs[j]; j = (j + 1) & (c->strcap - 1))
        if (strcmp(c->strs[j], s) == 0) return c->strs[j];
    size_t n = strlen(s) + 1;
    char *copy = esc_xmalloc(n);
    memcpy(copy, s, n);
    c->strs[j] = copy;
    c->nstrs++;
    return copy;
}

static esc_pos intern_pos(esc_ctx *c, esc_pos p)
{
    p.file = esc_intern(c, p.file);
    return p;
}

/* ---- (a,b) pair set ---------------------------------------------------------------- */
static uint64_t mix(uint64_t k)
{
    k ^= k >> 33; k *= 0xff51afd7ed558ccdull; k ^= k >> 33;
    return k;
}

bool esc_seen_add(esc_ctx *c, int a, int b)
{
    uint64_t key = ((uint64_t)(uint32_t)a << 32 | (uint32_t)b) + 1;  /* 0 = empty */
    if (2 * (c->nseen + 1) > c->seencap) {
        size_t ncap = c->seencap ? c->seencap * 2 : 256;
        uint64_t *ns = calloc(ncap, sizeof *ns);
        if (!ns) esc_fatal("out of memory");
        for (size_t i = 0; i < c->seencap; i++) {
            if (!c->seen[i]) continue;
            size_t j = mix(c->seen[i]) & (ncap - 1);
            while (ns[j]) j = (j + 1) & (ncap - 1);
            ns[j] = c->seen[i];
        }
        free(c->seen);
        c->seen = ns;
        c->seencap = ncap;
    }
    size_t j = mix(key) & (c->seencap - 1);
    for (; c->seen[j]; j = (j + 1) & (c->seencap - 1))
        if (c->seen[j] == key) return false;
    c->seen[j] = key;
    c->nseen++;
    return true;
}

/* ---- context ------------------------------------------------------------------------ */
esc_ctx *esc_ctx_new(const esc_options *opt)
{
    esc_ctx *c = calloc(1, sizeof *c);
    if (!c) esc_fatal("out of memory");
    if (opt) c->opt = *opt;
    c->opt.json_path = esc_intern(c, c->opt.json_path);
    c->opt.sarif_path = esc_intern(c, c->opt.sarif_path);
    c->capture = c->opt.m >= 2 || c->opt.json_path || c->opt.sarif_path;
    esc_pos none = {0};
    c->heap = esc_loc_add(c, -1, ESC_LOC_VALUE, ROLE_HEAP, NULL, none, 0);
    return c;
}

void esc_ctx_free(esc_ctx *c)
{
    if (!c) return;
    for (int i = 0; i < c->funcs.n; i++) {
        esc_func *f = c->funcs.v[i];
        VFREE(f->params); VFREE(f->locs); VFREE(f->sites);
        VFREE(f->calls); VFREE(f->stores); VFREE(f->ext_args); VFREE(f->exposures); VFREE(f->outputs);
        free(f);
    }
    VFREE(c->funcs); VFREE(c->locs); VFREE(c->edges); VFREE(c->sites);
    VFREE(c->calls); VFREE(c->args); VFREE(c->stores); VFREE(c->exposures);
    VFREE(c->steps);
    VFREE(c->paths);
    VFREE(c->specials);
    for (size_t i = 0; i < c->strcap; i++) free((void *)c->strs[i]);
    free(c->strs);
    free(c->seen);
    free(c);
}

esc_loc esc_heap(esc_ctx *c) { return c->heap; }

/* ---- locations and edges -------------------------------------------------------------- */
int esc_loc_add(esc_ctx *c, int fn, esc_loc_kind kind, int role, const char *name,
                esc_pos pos, int loopdepth)
{
    location l = {0};
    l.name = esc_intern(c, name);
    l.pos = intern_pos(c, pos);
    l.fn = fn;
    l.loopdepth = loopdepth;
    l.site = l.param = -1;
    l.kind = (unsigned char)kind;
    l.role = (unsigned char)role;
    l.escapes = role == ROLE_HEAP;
    l.ehead = l.etail = -1;
    l.leak_heap = l.leak_result = -1;
    l.path_heap = l.path_result = l.path_esc = -1;
    l.ctor_path = -1;
    VPUSH(c->locs, l);
    int id = c->locs.n - 1;
    if (fn >= 0) {
        esc_func *f = c->funcs.v[fn];
        VPUSH(f->locs, id);
        if (loopdepth > f->maxdepth) f->maxdepth = loopdepth;
    }
    return id;
}

void esc_edge_add(esc_ctx *c, int dst, int src, int derefs, esc_pos pos, const char *why)
{
    if (dst == src && derefs >= 0) return;          /* dst = dst, dst = *dst */
    edge e = { src, derefs, -1, intern_pos(c, pos), esc_intern(c, why) };
    VPUSH(c->edges, e);
    int id = c->edges.n - 1;
    location *d = LOC(c, dst);
    if (d->etail < 0) d->ehead = id;
    else c->edges.v[d->etail].next = id;
    d->etail = id;
}

/* A location named by a front end inside f: the heap becomes f's proxy. */
static int fix(esc_func *f, esc_loc l)
{
    esc_ctx *c = f->c;
    if (l == ESC_NOLOC) return ESC_NOLOC;
    if (l < 0 || l >= c->locs.n) esc_fatal("location id out of range");
    return l == c->heap ? f->heap : l;
}

/* Front ends link functions only through esc_call.  A location of another
 * function named directly is taken soundly: what flows out of it escapes (in
 * its owner's graph), what flows into it comes from unknown code. */
static bool foreign(esc_func *f, int l)
{
    return l >= 0 && LOC(f->c, l)->fn != f->id;
}

static void foreign_escape(esc_ctx *c, int src, int derefs, esc_pos pos, const char *why)
{
    esc_edge_add(c, c->funcs.v[LOC(c, src)->fn]->heap, src, derefs, pos, why);
}

/* ---- functions ---------------------------------------------------------------------------- */
esc_func *esc_func_new(esc_ctx *c, const char *name, esc_pos pos, bool has_body,
                       bool trusted)
{
    esc_func *f = calloc(1, sizeof *f);
    if (!f) esc_fatal("out of memory");
    f->c = c;
    f->id = c->funcs.n;
    f->name = esc_intern(c, name);
    f->pos = intern_pos(c, pos);
    f->has_body = has_body;
    f->trusted = trusted;
    f->result = -1;
    f->scc = -1;
    f->tj_index = -1;
    f->rc_index = -1;
    VPUSH(c->funcs, f);
    f->heap = esc_loc_add(c, f->id, ESC_LOC_VALUE, ROLE_HEAP, NULL, f->pos, 0);
    return f;
}

void esc_func_address_taken(esc_func *f)
{
    f->address_taken = true;
}

void esc_unknown_call(esc_func *f)
{
    f->calls_unknown = true;
}

void esc_func_always_inline(esc_func *f)
{
    f->always_inline = true;
}

void esc_param_promised(esc_func *f, int i)
{
    if (i < 0) return;
    fparam none = {0};
    none.loc = none.home = none.out = -1;
    while (f->params.n <= i) VPUSH(f->params, none);
    f->params.v[i].promised = true;     /* kept when esc_param sets it later */
}

esc_loc esc_param(esc_func *f, int i, const char *name, esc_pos pos, bool is_pointer,
                  bool noescape)
{
    if (i < 0) esc_fatal("negative parameter index");
    fparam none = {0};
    none.loc = none.home = none.out = -1;
    while (f->params.n <= i) VPUSH(f->params, none);
    fparam *p = &f->params.v[i];
    if (p->set) return p->loc;
    p->loc = esc_loc_add(f->c, f->id, ESC_LOC_VALUE, ROLE_PARAM, name, pos, 0);
    location *l = LOC(f->c, p->loc);
    l->param = i;
    l->opaque = true;           /* points wherever the caller says */
    p->name = l->name;
    p->pos = l->pos;
    p->is_pointer = is_pointer;
    p->noescape = noescape;
    p->set = true;
    return p->loc;
}

void esc_param_home(esc_func *f, esc_loc param, esc_loc var, esc_pos pos)
{
    param = fix(f, param);
    var = fix(f, var);
    if (param < 0 || var < 0 || foreign(f, param) || foreign(f, var)) return;
    location *P = LOC(f->c, param), *V = LOC(f->c, var);
    if (P->role == ROLE_PARAM && V->kind == ESC_LOC_VAR && V->role == ROLE_PLAIN)
        f->params.v[P->param].home = var;
    esc_edge_add(f->c, var, param, 0, pos, "parameter");
}

esc_loc esc_result(esc_func *f)
{
    if (f->result < 0)
        f->result = esc_loc_add(f->c, f->id, ESC_LOC_VALUE, ROLE_RESULT, "~r0", f->pos, 0);
    return f->result;
}

esc_loc esc_loc_new(esc_func *f, esc_loc_kind kind, const char *name, esc_pos pos,
                    int loopdepth)
{
    if (kind == ESC_LOC_MAP) esc_fatal("ESC_LOC_MAP locations come from esc_map_site");
    return esc_loc_add(f->c, f->id, kind, ROLE_PLAIN, name, pos, loopdepth < 0 ? 0 : loopdepth);
}

int esc_map_site(esc_func *f, const esc_site_info *info, esc_loc *map_loc)
{
    esc_ctx *c = f->c;
    site s = {0};
    s.fn = f->id;
    s.id = c->sites.n;
    s.info = *info;
    s.info.pos = intern_pos(c, info->pos);
    s.info.type_name = esc_intern(c, info->type_name);
    s.info.loopdepth = info->loopdepth < 0 ? 0 : info->loopdepth;
    s.dec.placement = ESC_HEAP_ALL;             /* until esc_solve says otherwise */
    s.via_call = s.via_site = -1;
    s.loc = esc_loc_add(c, f->id, ESC_LOC_MAP, ROLE_PLAIN, NULL, s.info.pos,
                        s.info.loopdepth);
    LOC(c, s.loc)->site = s.id;
    VPUSH(c->sites, s);
    VPUSH(f->sites, s.id);
    if (map_loc) *map_loc = s.loc;
    return s.id;
}

/* ---- statements ------------------------------------------------------------------------------- */
void esc_note_specialised(esc_func *f, esc_pos pos, const char *call, const char *entry,
                          bool inlined)
{
    esc_ctx *c = f->c;
    special s = { f->id, intern_pos(c, pos), esc_intern(c, call), esc_intern(c, entry), inlined };
    VPUSH(c->specials, s);
}

void esc_escape(esc_func *f, esc_loc src, int derefs, esc_pos pos, const char *why)
{
    if (derefs < -1) esc_fatal("derefs below -1");
    src = fix(f, src);
    if (src == ESC_NOLOC) return;
    if (foreign(f, src)) foreign_escape(f->c, src, derefs, pos, why);
    else esc_edge_add(f->c, f->heap, src, derefs, pos, why);
}

void esc_flow(esc_func *f, esc_loc dst, esc_loc src, int derefs, esc_pos pos,
              const char *why)
{
    if (derefs < -1) esc_fatal("derefs below -1");
    dst = fix(f, dst);
    src = fix(f, src);
    if (dst == ESC_NOLOC || src == ESC_NOLOC) return;
    if (foreign(f, dst)) LOC(f->c, dst)->opaque = true;
    if (foreign(f, src)) foreign_escape(f->c, src, derefs, pos, why);
    else if (derefs == 0 && why && strcmp(why, "parameter") == 0 && !foreign(f, dst) &&
             LOC(f->c, src)->role == ROLE_PARAM)
        esc_param_home(f, src, dst, pos);
    else esc_edge_add(f->c, foreign(f, dst) ? f->heap : dst, src, derefs, pos, why);
}

static void add_store(esc_func *f, esc_loc ptr, esc_loc src, int derefs, esc_pos pos,
                      const char *why, bool raw)
{
    if (derefs < -1) esc_fatal("derefs below -1");
    ptr = fix(f, ptr);
    src = fix(f, src);
    if (src == ESC_NOLOC) return;
    if (foreign(f, src)) { foreign_escape(f->c, src, derefs, pos, why); return; }
    if (ptr == ESC_NOLOC || foreign(f, ptr)) ptr = f->heap;     /* through nothing known */
    store s = { f->id, ptr, src, derefs, intern_pos(f->c, pos), esc_intern(f->c, why), raw, false };
    VPUSH(f->c->stores, s);
    VPUSH(f->stores, f->c->stores.n - 1);
}

void esc_store(esc_func *f, esc_loc ptr, esc_loc src, int derefs, esc_pos pos,
               const char *why)
{
    add_store(f, ptr, src, derefs, pos, why, false);
}

/* ---- exposure (store.c decides the typed ones) -------------------------------------------------- */
void esc_store_raw(esc_func *f, esc_loc ptr, esc_loc src, int derefs, esc_pos pos,
                   const char *why)
{
    add_store(f, ptr, src, derefs, pos, why, true);
}

void esc_raw(esc_func *f, esc_loc var)
{
    var = fix(f, var);
    if (var == ESC_NOLOC || foreign(f, var)) return;    /* others' memory: theirs */
    location *V = LOC(f->c, var);
    if ((V->kind == ESC_LOC_VAR || V->kind == ESC_LOC_MAP) && !V->raw) {
        V->raw = f->c->any_raw = true;
        f->c->raw_sets++;
    }
}

void esc_expose(esc_func *f, esc_loc src, int derefs, bool any, esc_pos pos,
                const char *why)
{
    if (derefs < 0) esc_fatal("esc_expose of an address");
    src = fix(f, src);
    if (src == ESC_NOLOC) return;
    if (any || foreign(f, src)) {
        esc_escape(f, src, derefs, pos, why);
        return;
    }
    exposure x = { f->id, src, derefs, -1, intern_pos(f->c, pos), esc_intern(f->c, why),
                   false, false };
    VPUSH(f->c->exposures, x);
    VPUSH(f->exposures, f->c->exposures.n - 1);
}

void esc_copy(esc_func *f, esc_loc dst, esc_loc src, int derefs, bool any, esc_pos pos,
              const char *why)
{
    if (derefs < 0) esc_fatal("esc_copy of an address");
    dst = fix(f, dst);
    src = fix(f, src);
    if (dst == ESC_NOLOC || src == ESC_NOLOC) return;
    if (any || foreign(f, src) || foreign(f, dst)) {
        esc_flow(f, dst, src, derefs, pos, why);
        return;
    }
    exposure x = { f->id, src, derefs, dst, intern_pos(f->c, pos), esc_intern(f->c, why),
                   false, false };
    VPUSH(f->c->exposures, x);
    VPUSH(f->exposures, f->c->exposures.n - 1);
}

/* Calls are recorded here and linked in esc_solve, once the callee's summary
 * (or its batch) is known.  callee NULL: an unknown (indirect) callee. */
void esc_call(esc_func *f, esc_func *callee, const esc_loc *args, int nargs,
              esc_loc result, esc_pos pos)
{
    esc_call_at(f, callee, args, nargs, result, pos, -1);
}

int esc_call_at(esc_func *f, esc_func *callee, const esc_loc *args, int nargs,
                esc_loc result, esc_pos pos, int loopdepth)
{
    esc_ctx *c = f->c;
    call k = { f->id, callee ? callee->id : -1, c->args.n, nargs < 0 || !args ? 0 : nargs,
               fix(f, result), intern_pos(c, pos), loopdepth, -1, 0 };
    if (foreign(f, k.result)) {
        LOC(c, k.result)->opaque = true;
        k.result = ESC_NOLOC;
    }
    for (int i = 0; i < k.nargs; i++) {
        int a = fix(f, args[i]);
        if (foreign(f, a)) {
            foreign_escape(c, a, 0, k.pos, "call parameter");
            a = ESC_NOLOC;
        }
        VPUSH(c->args, a);
    }
    VPUSH(c->calls, k);
    VPUSH(f->calls, c->calls.n - 1);
    return c->calls.n - 1;
}
