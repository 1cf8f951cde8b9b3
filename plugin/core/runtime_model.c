/* runtime_model.c - the gomap runtime's pointer model: which entry point returns a
 * slot of the map, which stores the map into an iterator, which keep nothing.
 * One table for every front end; a front end recognises a direct call to one of
 * these (esc_runtime_callee), evaluates nothing itself but the make's descriptor
 * and hint, and esc_runtime_call adds the edges.  A new entry point of the
 * runtime is one row here.
 *
 *   m = gomap_make(t, h)        a map site; m <- &map storage; the map keeps t
 *   s = gomap_assign(m, k)      s <- m (a slot inside m's storage); *m <- *k
 *   s = gomap_access(m, k)      s <- m
 *   gomap_iter_init(it, m)      *it <- m
 *   gomap_iter_next(it, kp, vp) t <- *it; *kp <- t, *vp <- t (slots of the map)
 *   gomap_access*_fast*, gomap_assign_fast32/64: s <- m (keys by value)
 *   gomap_assign_faststr(m, k)  s <- m; *m <- k (the gostring by value)
 *   gomap_delete(m, k)          keeps nothing
 *   gomap_len, gomap_delete_fast*, clear, free, read_memstats: keep nothing
 *
 * Every call taking a key hashes and compares it: which slot comes back, or
 * whether delete found one, tells its value.  The runtime reads the key as an
 * object of the map's key type, so the front end says how that reads the
 * memory the key points to (KEY, esc_key_read): at its own type, a typed read;
 * a gostring, typed, with its bytes read as data; anything else (a character
 * view into a pointer object, a map of unknown type) as data, as memchr reads
 * its buffer (READS).  The faststr forms take the gostring by value (KEYV): on a
 * string map its bytes are read as data; on any other map (they work on any) the
 * runtime hashes the gostring's own bytes, its pointer.  A byte of a handle
 * used as the key of a map keyed by unsigned char rebuilds the handle unseen
 * otherwise.
 *
 * The sizes of a site come from the runtime's layout (gomap_layout.h) here too.
 *
 * Also the call sites' shared plumbing: arguments asked of the front end lazily,
 * once each (esc_call_arg, used by libc.c too).
 */
#include "core.h"
#include "gomap_layout.h"

#include <stdio.h>
#include <string.h>

#define ARG(i)  { ESC_RT_ARG, i }
#define TEMP(i) { ESC_RT_TEMP, i }
#define MAP     { ESC_RT_MAP, 0 }
#define NONE    { ESC_RT_ARG, -1 }
#define RESULT(src, d)        { ESC_RT_RESULT, NONE, src, d, "call result" }
#define STORE(dst, src, d, w) { ESC_RT_STORE, dst, src, d, w }
#define FLOW(dst, src, d, w)  { ESC_RT_FLOW, dst, src, d, w }
#define READS(src)            { ESC_RT_READS, NONE, src, 1, "key bytes read as data" }
#define KEY(src)              { ESC_RT_KEY, NONE, src, 1, "key bytes read as data" }
/* a gostring key by value: on a map that is not a string map the runtime reads the
 * gostring's own bytes (its pointer) as the key; on a string map, what it points to */
#define KEYV(src)             { ESC_RT_KEY, NONE, src, 0, "key bytes read as data" }

static const esc_runtime_fn table[] = {
    { "gomap_make", 2, 0, 1, 2, {
        FLOW(MAP, ARG(0), 0, "descriptor"),     /* the header keeps the descriptor */
        RESULT(MAP, -1) } },
    { "gomap_assign", 2, -1, -1, 3, {
        RESULT(ARG(0), 0),                      /* a slot inside the map's storage */
        STORE(ARG(0), ARG(1), 1, "call"),       /* the map keeps the key's pointees */
        KEY(ARG(1)) } },
    { "gomap_access", 2, -1, -1, 2, {
        RESULT(ARG(0), 0), KEY(ARG(1)) } },
    { "gomap_iter_init", 2, -1, -1, 1, {
        STORE(ARG(0), ARG(1), 0, "call") } },   /* the iterator keeps the map */
    { "gomap_iter_next", 3, -1, -1, 3, {
        FLOW(TEMP(0), ARG(0), 1, "iterator"),   /* the map the iterator holds */
        STORE(ARG(1), TEMP(0), 0, "call"),      /* *kp, *vp: slots of that map */
        STORE(ARG(2), TEMP(0), 0, "call") } },
    /* the specialised entry points (gomap_fast.h): keys by value */
    { "gomap_access_fast32", 2, -1, -1, 1, { RESULT(ARG(0), 0) } },
    { "gomap_access_fast64", 2, -1, -1, 1, { RESULT(ARG(0), 0) } },
    { "gomap_access_faststr", 2, -1, -1, 2, { RESULT(ARG(0), 0), KEYV(ARG(1)) } },
    { "gomap_access2_fast32", 3, -1, -1, 1, { RESULT(ARG(0), 0) } },
    { "gomap_access2_fast64", 3, -1, -1, 1, { RESULT(ARG(0), 0) } },
    { "gomap_access2_faststr", 3, -1, -1, 2, { RESULT(ARG(0), 0), KEYV(ARG(1)) } },
    { "gomap_assign_fast32", 2, -1, -1, 1, { RESULT(ARG(0), 0) } },   /* a number key */
    { "gomap_assign_fast64", 2, -1, -1, 1, { RESULT(ARG(0), 0) } },
    { "gomap_assign_faststr", 2, -1, -1, 3, {
        RESULT(ARG(0), 0),
        STORE(ARG(0), ARG(1), 0, "call"),       /* the map keeps the gostring's bytes */
        KEYV(ARG(1)) } },
    { "gomap_delete_fast32", 2, -1, -1, 0, { { 0 } } },
    { "gomap_delete_fast64", 2, -1, -1, 0, { { 0 } } },
    { "gomap_delete_faststr", 2, -1, -1, 1, { KEYV(ARG(1)) } },
    { "gomap_len", 1, -1, -1, 0, { { 0 } } },
    { "gomap_delete", 2, -1, -1, 1, { KEY(ARG(1)) } },
    { "gomap_clear", 1, -1, -1, 0, { { 0 } } },
    { "gomap_free", 1, -1, -1, 0, { { 0 } } },
    { "gomap_read_memstats", 1, -1, -1, 0, { { 0 } } },
};

static bool sane_layout(unsigned long size, unsigned long align)
{
    return size <= (1ul << 30) && align <= 4096 && (align & (align - 1)) == 0;
}

bool esc_descriptor_usable(unsigned long version, const esc_descriptor *d)
{
    return version == GOMAP_LAYOUT_VERSION && sane_layout(d->keysize, d->keyalign)
        && sane_layout(d->valsize, d->valalign);
}

unsigned long esc_site_layout(esc_site_info *info, const esc_descriptor *d)
{
    info->type_name = d->name;
    info->hmap_bytes = GOMAP_HMAP_SIZE;
    info->kv_size = d->name ? d->keysize + d->valsize : 0;
    info->bucket_bytes = d->name ? gomap_layout_bucket_size(d->keysize, d->keyalign,
                                                            d->valsize, d->valalign) : 0;
    return d->name ? gomap_layout_bucket_align(d->keysize, d->keyalign, d->valsize,
                                               d->valalign) : 0;
}

bool esc_runtime_named(const char *name, const char *symbol, bool external,
                       const char *want)
{
    return name && external && !strcmp(name, want) && (!symbol || !strcmp(symbol, want));
}

const esc_runtime_fn *esc_runtime_callee(const char *name, const char *symbol,
                                         bool external, int nargs)
{
    if (!esc_runtime_prefixed(name))
        return NULL;
    for (size_t i = 0; i < sizeof table / sizeof *table; i++)
        if (table[i].nargs == nargs && esc_runtime_named(name, symbol, external, table[i].name))
            return &table[i];
    return NULL;
}

esc_loc esc_call_arg(esc_callargs *a, int i)
{
    if (i < 0 || i >= a->cs->nargs)
        return ESC_NOLOC;
    if (i >= ESC_CALLARGS_CACHED)
        return a->cs->arg(a->cs->fe, i);
    if (!a->have[i]) {
        a->loc[i] = a->cs->arg(a->cs->fe, i);
        a->have[i] = true;
    }
    return a->loc[i];
}

static esc_loc operand(esc_callargs *a, const esc_rt_operand *o, const esc_loc *temps,
                       esc_loc map)
{
    switch (o->kind) {
    case ESC_RT_ARG:  return esc_call_arg(a, o->index);
    case ESC_RT_TEMP: return temps[o->index];
    case ESC_RT_MAP:  return map;
    }
    return ESC_NOLOC;
}

/* A store's -m=2 note: "copied by gomap_assign" for the table's plain "call". */
static const char *copied_by(const esc_runtime_fn *r, const char *why, char buf[64])
{
    if (strcmp(why, "call"))
        return why;
    snprintf(buf, 64, "copied by %s", r->name);
    return buf;
}

int esc_runtime_call(const esc_callsite *cs, const esc_runtime_fn *r,
                     const esc_site_info *make)
{
    esc_callargs a = { cs, { 0 }, { false } };
    esc_loc map = ESC_NOLOC, temps[ESC_RT_MAX_EFFECTS];
    char why[64];
    int site = -1;
    for (int i = 0; i < ESC_RT_MAX_EFFECTS; i++)
        temps[i] = ESC_NOLOC;
    if (r->descriptor_arg >= 0) {
        if (!make)
            esc_fatal("esc_runtime_call: a map site without its esc_site_info");
        site = esc_map_site(cs->f, make, &map);
    }
    for (int i = 0; i < r->neffects; i++) {
        const esc_rt_effect *e = &r->effects[i];
        esc_loc src = operand(&a, &e->src, temps, map);
        if (src == ESC_NOLOC)
            continue;                           /* carries nothing */
        esc_loc dst = e->kind == ESC_RT_RESULT ? ESC_NOLOC : operand(&a, &e->dst, temps, map);
        switch (e->kind) {
        case ESC_RT_RESULT:
            cs->result(cs->fe, src, e->derefs);
            break;
        case ESC_RT_STORE:
            if (dst != ESC_NOLOC)
                esc_store(cs->f, dst, src, e->derefs, cs->pos, copied_by(r, e->why, why));
            break;
        case ESC_RT_FLOW:
            if (dst == ESC_NOLOC && e->dst.kind == ESC_RT_TEMP)
                dst = temps[e->dst.index] = esc_loc_new(cs->f, ESC_LOC_VALUE, NULL,
                                                        cs->pos, cs->depth);
            if (dst != ESC_NOLOC)
                esc_flow(cs->f, dst, src, e->derefs, cs->pos, e->why);
            break;
        case ESC_RT_READS:
            esc_expose(cs->f, src, e->derefs, true, cs->pos, e->why);
            break;
        case ESC_RT_KEY: {
            int how = cs->key_read ? cs->key_read(cs->fe, e->src.index) : ESC_KEY_BYTES;
            esc_expose(cs->f, src, e->derefs, how == ESC_KEY_BYTES, cs->pos, e->why);
            if (how == ESC_KEY_STRING)          /* the bytes its pointer points to */
                esc_expose(cs->f, src, e->derefs + 1, true, cs->pos, e->why);
            break;
        }
        }
    }
    return site;
}
