/* runtime_fuzz.c - libFuzzer target for the gomap runtime (`make fuzz-runtime`).
 *
 * The input is decoded into a program of map operations on up to NSLOT maps of
 * several key/value layouts (1/4/8/16/200-byte keys, gostring keys borrowed or
 * copied by the map, inline and indirect values, zero-size values).  Maps are made on the heap (gomap_make) or,
 * as the escape plugin does, with gomap_make_on on storage in this target's own
 * frame: the header in GOMAP_HMAP_SIZE bytes and the first bucket sized with
 * gomap_layout_bucket_size(), each placed at the END of a buffer whose leading
 * part is ASan-poisoned, so any access outside the exact size is reported.
 *
 * Every result is checked against a reference model (a presence bit and a value
 * stamp per key id); a mismatch prints what differed and abort()s.  Iteration is
 * checked with Go's rules while the program deletes, inserts, overwrites and
 * clears between steps: no key is returned twice, every returned key is present
 * with its current value, and every key present at the start and never deleted
 * during the loop is returned.  At the end of each input all maps are freed and
 * the runtime's heap counters (gomap_read_memstats) must be back where they were.
 */
#include <sanitizer/asan_interface.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "gomap.h"
#include "gomap_debug.h"

#define NSLOT   4
#define NID     1024            /* key ids 0..NID-1 (1-byte keys: 0..255) */
#define STORE   2048            /* bytes of each given-storage buffer */

/* ---- key and value layouts -------------------------------------------------- */
typedef struct { unsigned char b[16]; } k16;
typedef struct { unsigned char b[200]; } k200;
typedef struct { unsigned char b[128]; } k128;
typedef struct { unsigned char b[129]; } v129;
typedef struct { unsigned char b[3]; } v3;
typedef struct { } v0;          /* GNU C: size 0 */

enum { NKIND = 11 };
static const gomap_type *kind_type(unsigned k)
{
    switch (k) {
    case 0: return GOMAP_TYPE(uint8_t, uint8_t);
    case 1: return GOMAP_TYPE(int32_t, int32_t);
    case 2: return GOMAP_TYPE(int64_t, int64_t);
    case 3: return GOMAP_TYPE(k16, k16);
    case 4: return GOMAP_TYPE(k200, int64_t);
    case 5: return GOMAP_TYPE_STR(int64_t);
    case 6: return GOMAP_TYPE(int32_t, k200);
    case 7: return GOMAP_TYPE(int64_t, v0);
    case 8: return GOMAP_TYPE(__int128, v3);
    case 9: return GOMAP_TYPE_STRCOPY(int64_t);
    default: return GOMAP_TYPE(k128, v129);
    }
}

/* ---- the reference model ------------------------------------------------------ */
struct slot {
    gomap *m;                   /* NULL: the nil map */
    const gomap_type *t;        /* layout used to encode keys (kept after free) */
    int given;                  /* 0 heap, 1 header given, 2 header and bucket given */
    size_t count;
    uint8_t present[NID];
    uint32_t stamp[NID];
    struct iterstate {          /* [0]: a whole range loop; [1]: one left paused */
        int live;
        gomap_iter it;
        uint8_t seen[NID];      /* returned and not deleted since */
        uint8_t must[NID];      /* present at the start and never deleted */
    } iters[2];
    _Alignas(16) unsigned char hmap[STORE];     /* given storage, used at the end */
    _Alignas(16) unsigned char bucket[STORE];
};

static struct slot slots[NSLOT];
static uint32_t next_stamp;
static char strpool[2][NID][24];               /* two copies: compare by content */
static unsigned strlens[NID];

#define CHECK(c, ...) do { if (!(c)) { fprintf(stderr, "gomap_fuzz: check failed: %s: ", #c); \
    fprintf(stderr, __VA_ARGS__); fputc('\n', stderr); abort(); } } while (0)

static unsigned id_mask(const struct slot *s) { return s->t->keysize == 1 ? 255 : NID - 1; }

/* Key bytes for id (distinct ids give distinct keys); string keys point into one
 * of the two pools.  The buffer is scribbled on after each call by the caller. */
static void make_key(const struct slot *s, unsigned id, unsigned copy, unsigned char *out)
{
    size_t ks = s->t->keysize;
    if (s->t->flags & GOMAP_TF_STRKEY) {
        gostring g = { strpool[copy & 1][id], strlens[id] };
        memcpy(out, &g, sizeof g);
        return;
    }
    if (ks == 1) { out[0] = (unsigned char)id; return; }
    if (ks > 8) {               /* long common prefix, id at the end */
        memset(out, 0xab, ks);
        out[ks - 2] = (unsigned char)id;
        out[ks - 1] = (unsigned char)(id >> 8);
        return;
    }
    for (size_t i = 0; i < ks; i++) out[i] = (unsigned char)((id * 0x9e3779b1u) >> (8 * (i % 4)));
    out[0] = (unsigned char)id;
    out[1] = (unsigned char)(id >> 8);
}

static unsigned key_id(const struct slot *s, const void *key)
{
    unsigned char buf[256];
    const unsigned char *k = key;
    unsigned id;
    if (s->t->flags & GOMAP_TF_STRKEY) {
        gostring g;
        memcpy(&g, key, sizeof g);
        for (id = 0; id < NID; id++)
            if (g.len == strlens[id] && (!g.len || memcmp(g.ptr, strpool[0][id], g.len) == 0)) break;
        CHECK(id < NID, "iterator returned an unknown string key of length %zu", g.len);
        return id;
    }
    size_t ks = s->t->keysize;
    id = ks == 1 ? k[0] : ks > 8 ? k[ks - 2] | (unsigned)k[ks - 1] << 8 : k[0] | (unsigned)k[1] << 8;
    CHECK(id < NID, "key id %u", id);
    make_key(s, id, 0, buf);
    CHECK(memcmp(buf, k, ks) == 0, "iterator returned a corrupted key (id %u)", id);
    return id;
}

static unsigned char val_byte(uint32_t stamp, size_t i) { return (unsigned char)(stamp * 131u + i * 7u); }

static void write_val(const struct slot *s, void *slotp, uint32_t stamp)
{
    unsigned char *v = slotp;
    for (size_t i = 0; i < s->t->valsize; i++) v[i] = val_byte(stamp, i);
}

static void check_val(const struct slot *s, const void *slotp, unsigned id)
{
    const unsigned char *v = slotp;
    if (s->stamp[id] == 0) return;      /* op_key_in_map wrote a key there */
    for (size_t i = 0; i < s->t->valsize; i++)
        CHECK(v[i] == val_byte(s->stamp[id], i), "value of key %u differs at byte %zu", id, i);
}

/* ---- input decoding ---------------------------------------------------------- */
struct input { const uint8_t *p, *end; };
static unsigned byte(struct input *in) { return in->p < in->end ? *in->p++ : 0; }
static unsigned u16(struct input *in) { unsigned lo = byte(in); return lo | byte(in) << 8; }
static int more(const struct input *in) { return in->p < in->end; }

static size_t decode_hint(struct input *in)
{
    unsigned sel = byte(in);
    switch (sel >> 5) {
    case 0: case 1: case 2: return sel & 15;                 /* fits one bucket or close */
    case 3: case 4: return u16(in) & 4095;
    case 5: return (size_t)1 << (byte(in) % 64);             /* includes absurd sizes */
    case 6: return SIZE_MAX - (byte(in) & 7);
    default: return 0;
    }
}

/* ---- operations, each checked against the model --------------------------------- */
static void assigned(struct slot *s, unsigned id, void *p);

static void op_assign(struct slot *s, unsigned id)
{
    unsigned char key[256];
    if (!s->m) return;          /* the nil map aborts on assignment, as in Go */
    make_key(s, id, id & 1, key);
    char bytes[24];             /* a map that copies keys gets them from a scratch buffer */
    if (s->t->flags & GOMAP_TF_STRCOPY) {
        gostring g;
        memcpy(&g, key, sizeof g);
        memcpy(bytes, g.ptr, g.len);
        g.ptr = bytes;
        memcpy(key, &g, sizeof g);
    }
    void *p = gomap_assign(s->m, key);
    memset(key, 0x5a, sizeof key);
    memset(bytes, 0x5a, sizeof bytes);
    assigned(s, id, p);
}

/* The model's side of an assignment of key id that returned slot p. */
static void assigned(struct slot *s, unsigned id, void *p)
{
    CHECK(p != NULL || s->t->valsize == 0, "assign returned NULL");
    if (!s->present[id]) {
        for (size_t i = 0; i < s->t->valsize; i++)
            CHECK(((unsigned char *)p)[i] == 0, "new slot of key %u not zeroed", id);
        s->present[id] = 1;
        s->count++;
    } else {
        check_val(s, p, id);
    }
    s->stamp[id] = ++next_stamp;
    if (p) write_val(s, p, s->stamp[id]);
}

static void op_access(struct slot *s, unsigned id)
{
    unsigned char key[256];
    if (!s->t) return;
    make_key(s, id, (id >> 1) & 1, key);
    void *p = gomap_access(s->m, key);
    if (!s->m || !s->present[id]) { CHECK(p == NULL, "absent key %u found", id); return; }
    CHECK(p != NULL, "present key %u not found", id);
    check_val(s, p, id);
}

static void deleted(struct slot *s, unsigned id, bool was);

static void op_delete(struct slot *s, unsigned id)
{
    unsigned char key[256];
    if (!s->t) return;
    make_key(s, id, id >> 2 & 1, key);
    deleted(s, id, gomap_delete(s->m, key));
}

/* The model's side of a delete of key id that returned was. */
static void deleted(struct slot *s, unsigned id, bool was)
{
    CHECK(was == (s->m && s->present[id]), "delete of key %u returned %d", id, was);
    if (was) { s->present[id] = 0; s->count--; }
    for (int i = 0; i < 2; i++) s->iters[i].must[id] = s->iters[i].seen[id] = 0;
}

static void op_len(const struct slot *s)
{
    size_t n = gomap_len(s->m);
    CHECK(n == (s->m ? s->count : 0), "len %zu, model %zu", n, s->count);
}

static void op_clear(struct slot *s)
{
    gomap_clear(s->m);
    memset(s->present, 0, sizeof s->present);
    s->count = 0;
    for (int i = 0; i < 2; i++) {
        memset(s->iters[i].must, 0, NID);
        memset(s->iters[i].seen, 0, NID);
    }
}

static void op_free(struct slot *s)
{
    gomap_free(s->m);
    if (s->given) ASAN_POISON_MEMORY_REGION(s->hmap, sizeof s->hmap);
    if (s->given == 2) ASAN_POISON_MEMORY_REGION(s->bucket, sizeof s->bucket);
    s->m = NULL;
    s->given = 0;
    s->iters[0].live = s->iters[1].live = 0;
    memset(s->present, 0, sizeof s->present);
    s->count = 0;
}

/* The last `size` bytes of buf (aligned to `align`: buf is 16-aligned and size a
 * multiple of align), with the rest poisoned. */
static void *tail_of(unsigned char *buf, size_t size, size_t align)
{
    CHECK(size <= STORE && size % align == 0 && align <= 16, "storage size %zu", size);
    ASAN_POISON_MEMORY_REGION(buf, STORE);
    ASAN_UNPOISON_MEMORY_REGION(buf + STORE - size, size);
    return buf + STORE - size;
}

static uint64_t stack_makes;

static void op_make(struct slot *s, struct input *in)
{
    if (s->m) op_free(s);
    unsigned sel = byte(in);
    s->t = kind_type(sel % NKIND);
    s->given = (int)(sel / NKIND % 3);
    size_t hint = decode_hint(in);
    if (hint > 100000 && (hint >> 47) == 0) hint &= 4095;   /* keep RSS sane; absurd hints stay */
    if (s->given == 0) {
        s->m = gomap_make(s->t, hint);
    } else {
        const gomap_type *t = s->t;
        size_t bs = gomap_layout_bucket_size(t->keysize, t->keyalign, t->valsize, t->valalign);
        size_t ba = gomap_layout_bucket_align(t->keysize, t->keyalign, t->valsize, t->valalign);
        void *h = tail_of(s->hmap, GOMAP_HMAP_SIZE, GOMAP_HMAP_ALIGN);
        void *b = s->given == 2 ? tail_of(s->bucket, bs, ba) : NULL;
        s->m = gomap_make_on(t, hint, h, b);
        CHECK(s->m == h, "gomap_make_on did not build the map in the given storage");
        stack_makes++;
    }
    CHECK(s->m != NULL, "make returned NULL");
    CHECK(gomap_len(s->m) == 0, "new map not empty");
}

/* Every key of the model, and nothing else, through access and a full iteration. */
static void full_check(struct slot *s)
{
    static uint8_t seen[NID];
    if (!s->t) return;
    op_len(s);
    for (unsigned id = 0; id <= id_mask(s); id++) op_access(s, id);
    memset(seen, 0, sizeof seen);
    gomap_iter it;
    void *k, *v;
    size_t n = 0;
    for (gomap_iter_init(&it, s->m); gomap_iter_next(&it, &k, &v); n++) {
        unsigned id = key_id(s, k);
        CHECK(!seen[id], "iteration returned key %u twice", id);
        CHECK(s->present[id], "iteration returned absent key %u", id);
        check_val(s, v, id);
        seen[id] = 1;
    }
    CHECK(n == (s->m ? s->count : 0), "iteration returned %zu keys, model %zu", n, s->count);
}

/* Iteration, with Go's guarantees checked: a key is not returned twice unless
 * deleted (and maybe re-inserted) after it was returned; a returned key is
 * present with its current value; an iteration run to its end returned every key
 * present at its start and never deleted since (op_delete and op_clear keep
 * seen/must up to date while the iterator is live). */
static void iter_start(struct slot *s, struct iterstate *is)
{
    memset(is->seen, 0, NID);
    for (unsigned id = 0; id < NID; id++) is->must[id] = s->m && s->present[id];
    gomap_iter_init(&is->it, s->m);
    is->live = 1;
}

/* One step; false at the end (after checking that nothing was missed). */
static bool iter_step(struct slot *s, struct iterstate *is, unsigned *idp)
{
    void *k, *v;
    if (!gomap_iter_next(&is->it, &k, &v)) {
        is->live = 0;
        for (unsigned id = 0; id < NID; id++)
            CHECK(!is->must[id] || is->seen[id], "iteration missed key %u present throughout", id);
        return false;
    }
    unsigned id = key_id(s, k);
    CHECK(!is->seen[id], "iteration returned key %u twice", id);
    CHECK(s->present[id], "iteration returned deleted/absent key %u", id);
    check_val(s, v, id);
    is->seen[id] = 1;
    *idp = id;
    return true;
}

/* for k, v := range m { ...mutations from the input... }; when the input runs out
 * the loop goes on without mutations. */
static void op_iterate(struct slot *s, struct input *in)
{
    struct iterstate *is = &s->iters[0];
    unsigned id;
    if (!s->t) return;
    iter_start(s, is);
    while (iter_step(s, is, &id)) {
        unsigned act = byte(in), arg = u16(in) & id_mask(s);
        switch (act % 8) {
        case 2: op_delete(s, id); break;                           /* delete(m, k) */
        case 3: op_delete(s, arg); break;
        case 4: op_assign(s, arg); break;                          /* insert or overwrite */
        case 5: for (unsigned i = 0; i < (act >> 3); i++) op_assign(s, (arg + i) & id_mask(s)); break;
        case 6: if (act & 0x80) op_clear(s); break;
        case 7: if (act & 0x40) { is->live = 0; return; }          /* break: no promise */
        }
    }
}

/* A paused iterator: started by one op, advanced by later ones, with any map
 * operations in between.  Dropped (never resumed) once the runtime reclaimed an
 * array it may read, which is documented to be fatal (gomap.c, graveyard cap). */
static void op_paused(struct slot *s, struct input *in)
{
    struct iterstate *is = &s->iters[1];
    unsigned n = byte(in), id;
    if (!s->t) return;
    if (!is->live || n >= 240) { iter_start(s, is); return; }
    if (s->m) {
        gomap_debug d;
        gomap_debug_info(s->m, &d);
        if (is->it.h && is->it.gen <= d.reclaimed) { is->live = 0; return; }
    }
    for (unsigned i = 0; i < n % 16 + 1 && iter_step(s, is, &id); i++) {}
}

/* A key that lies in the map's own storage, as Go's m[m[k]] = v or delete(m, k)
 * with k from a range loop: the key given to assign, delete or access is an
 * iterator's key slot, or a value slot that holds another key's bytes (a string
 * key: its bytes).  A growth step inside the call may move or free that storage,
 * so the runtime must have read the key before (runtime/key-in-map.c). */
static void op_key_in_map(struct slot *s, struct input *in)
{
    unsigned sel = byte(in), id = u16(in), holder = NID;
    const gomap_type *t = s->t;
    unsigned char buf[256];
    gostring g;
    const void *key;
    if (!s->m || s->count == 0) return;
    bool str = t->flags & GOMAP_TF_STRKEY;
    id &= id_mask(s);
    if (sel & 1) {                                       /* an iterator's key slot */
        gomap_iter it;
        void *k, *v;
        key = NULL;
        gomap_iter_init(&it, s->m);
        for (unsigned i = 0; i <= sel >> 5 && gomap_iter_next(&it, &k, &v); i++) key = k;
        CHECK(key != NULL, "iteration of a map of %zu keys returned none", s->count);
        id = key_id(s, key);
    } else {                                             /* another key's value slot */
        if (str ? strlens[id] > t->valsize : t->keysize > t->valsize) return;
        for (holder = id; !s->present[holder]; holder = (holder + 1) & id_mask(s)) {}
        make_key(s, holder, 0, buf);
        void *p = gomap_access(s->m, buf);
        CHECK(p != NULL, "present key %u not found", holder);
        if (str) {
            memcpy(p, strpool[0][id], strlens[id]);
            g = (gostring){ p, strlens[id] };
            key = &g;
        } else {
            make_key(s, id, 0, buf);
            memcpy(p, buf, t->keysize);
            key = p;
        }
        s->stamp[holder] = 0;                            /* clobbered: rewritten below */
    }
    switch (sel >> 1 & 3) {
    case 0:      /* a borrowed string key must outlive the map: not one in a value slot */
        if (holder == NID || !str || (t->flags & GOMAP_TF_STRCOPY)) {
            assigned(s, id, gomap_assign(s->m, key));
            break;
        }
        /* fall through */
    case 1: {
        void *p = gomap_access(s->m, key);
        CHECK((p != NULL) == (s->present[id] != 0), "key %u found %d", id, p != NULL);
        if (p) check_val(s, p, id);
        break;
    }
    default:
        deleted(s, id, gomap_delete(s->m, key));
        break;
    }
    if (holder != NID && s->present[holder] && s->stamp[holder] == 0) {
        make_key(s, holder, 0, buf);
        void *p = gomap_access(s->m, buf);
        CHECK(p != NULL, "present key %u not found", holder);
        s->stamp[holder] = ++next_stamp;
        write_val(s, p, s->stamp[holder]);
    }
}

static void run(struct input *in)
{
    while (more(in)) {
        unsigned op = byte(in);
        struct slot *s = &slots[(op >> 4) % NSLOT];
        switch (op & 15) {
        case 0: op_make(s, in); break;
        case 1: case 2: case 3: if (s->t) op_assign(s, u16(in) & id_mask(s)); break;
        case 4: case 5: if (s->t) op_access(s, u16(in) & id_mask(s)); break;
        case 6: case 7: if (s->t) op_delete(s, u16(in) & id_mask(s)); break;
        case 8: op_len(s); break;
        case 9: if (byte(in) < 32) op_clear(s); break;
        case 10: op_iterate(s, in); break;
        case 11: if (byte(in) < 64) op_free(s); break;
        case 12: {                                                   /* bulk insert: growth */
            unsigned from = u16(in), n = byte(in) * 4;
            if (s->t) for (unsigned i = 0; i < n; i++) op_assign(s, (from + i) & id_mask(s));
            break;
        }
        case 13: {                                                   /* bulk delete: churn */
            unsigned from = u16(in), n = byte(in) * 4;
            if (s->t) for (unsigned i = 0; i < n; i++) op_delete(s, (from + i) & id_mask(s));
            break;
        }
        case 14: if (byte(in) & 1) full_check(s); else op_paused(s, in); break;
        default:
            if (byte(in) < 128) op_key_in_map(s, in);
            else op_access(s, u16(in) & (NID - 1) & (s->t ? id_mask(s) : 0));
            break;
        }
        if (s->t) op_len(s);
    }
}

static void init_pool(void)
{
    for (unsigned id = 0; id < NID; id++) {
        /* id 0 is the empty string; others: (id % 7) * 2 'x's then the decimal id */
        char *p = strpool[0][id];
        int n = 0;
        if (id) {
            for (unsigned i = 0; i < id % 7 * 2; i++) p[n++] = 'x';
            n += snprintf(p + n, sizeof strpool[0][id] - (size_t)n, "%u", id);
        }
        strlens[id] = (unsigned)n;
        memcpy(strpool[1][id], p, sizeof strpool[0][id]);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int ready;
    if (!ready) { init_pool(); ready = 1; }
    gomap_memstats before, after;
    gomap_read_memstats(&before);
    stack_makes = 0;
    struct input in = { data, data + size };
    run(&in);
    for (unsigned i = 0; i < NSLOT; i++) {
        full_check(&slots[i]);
        op_free(&slots[i]);
        slots[i].t = NULL;
    }
    gomap_read_memstats(&after);
    CHECK(after.heap_bytes == before.heap_bytes, "heap bytes %llu after, %llu before",
          (unsigned long long)after.heap_bytes, (unsigned long long)before.heap_bytes);
    CHECK(after.heap_allocs - before.heap_allocs == after.heap_frees - before.heap_frees,
          "%llu allocations, %llu frees", (unsigned long long)(after.heap_allocs - before.heap_allocs),
          (unsigned long long)(after.heap_frees - before.heap_frees));
    CHECK(after.stack_maps - before.stack_maps == stack_makes, "stack_maps counted %llu, made %llu",
          (unsigned long long)(after.stack_maps - before.stack_maps), (unsigned long long)stack_makes);
    return 0;
}
