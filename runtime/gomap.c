/* gomap.c - Go 1.19's hash map (runtime/map.go) in C: creation, lookup,
 * assignment, deletion, growth and evacuation, clear and free.  Iteration is in
 * gomap_iter.c, allocation/random/errors in gomap_mem.c.
 *
 * A map is just a hash table.  The data is arranged into an array of buckets.
 * Each bucket holds up to 8 key/value pairs.  The low-order bits of the hash
 * select a bucket; each bucket keeps the high byte of each hash ("tophash") to
 * tell its entries apart without comparing keys.  More than 8 keys hashing to one
 * bucket chain on overflow buckets.
 *
 *   struct gomap (hmap)          buckets: 2^B buckets (+ 2^(B-4) spare for B >= 4)
 *   +-------------+             +---------+---------+-----------+----------+
 *   | count       |             |tophash 8| keys[8] | values[8] | overflow |--> bucket
 *   | flags B     |   buckets   +---------+---------+-----------+----------+
 *   | noverflow   | ----------> | bucket 1                                 |
 *   | hash0       |             | ...                                      |
 *   | oldbuckets  | --> previous array (half the size) while growing
 *   | nevacuate   |
 *   | next_overflow (spare buckets at the end of the array, handed out first)
 *   +-------------+
 *
 * The layout of a bucket is computed by gomap_layout.h, which the escape plugin
 * shares to size buckets it places on the stack: tophash[8], then 8 key slots,
 * then 8 value slots, then the overflow pointer.  Keys and values larger than 128
 * bytes are stored indirectly: the slot holds a pointer to one malloc'd object.
 *
 * Tophash.  A filled cell's tophash is the hash's top byte, bumped past the
 * reserved marks 0..4: EMPTY_REST (empty, and everything after it in the bucket
 * and its overflow chain is empty too: lookups stop there), EMPTY_ONE, and the
 * evacuation marks EVAC_X, EVAC_Y, EVAC_EMPTY left in old buckets.  Lookups find
 * every cell whose tophash byte equals the wanted one with one SSE2 compare of
 * the 8 bytes (match_cells; an exact SWAR byte compare elsewhere), then compare
 * keys only there.
 *
 * Hashing.  wyhash (final version 4) over the key's bytes, or over the bytes a
 * gostring key points to (GOMAP_TF_STRKEY; such keys compare by length and
 * content).  Every map has its own random seed (hash0), drawn from a per-thread
 * wyrand generator seeded from getrandom(2); a map that becomes empty, and
 * gomap_clear, draw a new one, as Go does.  4-byte, 8-byte and string keys get
 * specialised code paths (Go's mapaccess1_fast32/fast64/faststr), and 8-byte keys
 * with 8-byte values one more with the whole bucket layout constant: the
 * functions below are always_inline templates instantiated per key kind as
 * separate functions, chosen by a switch on h->kind.  Assign's common case makes
 * no call; growth, overflow chains and allocation go to a per-kind slow path.
 * As in Go's fast paths, a lookup in a map of one bucket compares the key with
 * the filled cells without hashing it.
 *
 * Growth.  When an insertion would make count > 6.5 * 2^B (overLoadFactor), the
 * map allocates an array twice as big and moves ("evacuates") the old buckets to
 * it incrementally: each write into a growing map evacuates the old bucket it
 * touches and one more (growWork), so a growth costs O(1) per write.  Old bucket
 * i splits into new buckets i (X) and i + 2^oldB (Y) by the next hash bit.  When
 * many overflow buckets pile up with few entries (inserts and deletes churning,
 * tooManyOverflowBuckets), the map grows to an array of the same size, which
 * packs the entries again.  Readers look in the old bucket while it is not
 * evacuated yet.  Arrays for B >= 4 come with 2^(B-4) spare buckets at the end
 * that overflow chains use before malloc (makeBucketArray).  A map made with a
 * hint gets the B that holds it without growing; a B = 0 map allocates its
 * single bucket on its first assignment (or uses the bucket it was given).
 *
 * Overflow buckets.  Go records malloc'd overflow buckets in hmap.extra so the
 * collector keeps them alive; here no list is needed: an array is freed by
 * walking each bucket's chain, and a chained bucket lying inside the array's
 * address range is a spare (freed with the array), any other was malloc'd.
 * noverflow counts them approximately (exactly below B = 16, sampled above), as
 * in Go, to trigger same-size growth.
 *
 * Iteration (gomap_iter.c) walks the buckets from a random bucket and a random
 * offset inside each bucket, and keeps Go's rules during growth, so that a key
 * present for the whole iteration is returned exactly once, keys deleted are not
 * returned after their deletion, and keys inserted may or may not be.
 *
 * Memory without a garbage collector.  Go frees an old bucket array when nothing
 * references it any more; here the runtime must decide.  What can still look at
 * an array after its growth completes is a paused iterator (one that has returned
 * some entries and will be resumed).  The F_ITER / F_OLDITER flags tell, as in
 * Go, whether an iterator was started on the array being evacuated, and
 * h->iters counts iterators started and not yet run to their end.  So:
 *  - evacuating with no such iterator frees the old bucket's overflow chain at
 *    once (Go clears it for the collector);
 *  - otherwise the evacuated old cells keep their keys (an indirect key, or the
 *    bytes of a string key, get a private copy, since the live key may be
 *    deleted and its storage freed), and when the
 *    growth completes while iterators are live the old array is "retired" on
 *    h->grave instead of freed.  gomap_clear retires the same way what it cannot
 *    free.  The graveyard is freed ("buried") at a later write once no iterator
 *    is live, and by gomap_free.
 *  - An iterator abandoned before its end (a `break`) looks live forever.  A
 *    growth with no iterator started since the previous one (F_ITER clear) frees
 *    its old array at once, but "take any key and break" repeated on a churning
 *    map would still retire an array per growth.  So the graveyard is capped at
 *    twice the current array plus 64 KiB: past that, the oldest graves are freed.
 *    Every bucket array has a sequence number (array_id; a growth's old array is
 *    array_id - 1) and an iterator records the oldest one it may read; resuming
 *    an iterator whose array was reclaimed is a fatal error with a message, never
 *    a read of freed memory.  Only an iterator left paused while many others were
 *    abandoned across many growths can meet it.
 *
 * Given storage.  gomap_make_on builds the header in caller storage (a stack
 * slot chosen by the escape plugin) and, for B = 0, can take a caller bucket as
 * its first array.  OWN_* bits remember this: the runtime never frees them, also
 * not when the map grows away from the given bucket.
 *
 * Concurrency, as in Go: no locks; a write sets F_WRITING for its duration, and a
 * write or read that sees it set reports "concurrent map writes" / "concurrent
 * map read and map write" and aborts.  Detection is best effort (the flag byte is
 * read and written with relaxed atomics, which makes the race defined but not
 * exclusive).  Reads and iterations may run concurrently with each other.
 */
#include <stdlib.h>
#include "gomap_internal.h"

/* ---- given storage under AddressSanitizer ----
 * In the runtime built with -fsanitize=address (build/libgomap-asan.a), a bucket
 * the caller gave (the plugin's stack storage) that the map stops using (a growth
 * moved its entries to the heap, gomap_clear or gomap_free released it) is
 * poisoned, so that a slot pointer kept across the growth is reported when it is
 * read, as the freed heap bucket of a heap map would be.  ASan does not clear a
 * real stack frame's poisoned variables when the frame returns (the next frame
 * at that address would be reported), so only storage in one of ASan's fake
 * frames (detect_stack_use_after_return=1) is poisoned: ASan resets a fake
 * frame's shadow itself when the frame ends.  gomap_make_on unpoisons storage it
 * is given that carries only this poisoning (a map made again in a loop). */
#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/asan_interface.h>
#define ASAN_USER_POISON 0xf7   /* ASan's shadow byte for ASAN_POISON_MEMORY_REGION */

static void poison_given(void *p, size_t n)
{
    void *fake = __asan_get_current_fake_stack(), *beg, *end;
    if (fake && __asan_addr_is_in_fake_stack(fake, p, &beg, &end))
        ASAN_POISON_MEMORY_REGION(p, n);
}

/* (reads shadow memory, which instrumented loads may not touch) */
__attribute__((no_sanitize_address)) static void unpoison_given(void *p, size_t n)
{
    size_t scale, offset;
    __asan_get_shadow_mapping(&scale, &offset);
    uintptr_t a = (uintptr_t)p, g = (uintptr_t)1 << scale;
    bool ours = false;
    for (uintptr_t q = a & ~(g - 1); q < a + n; q += g) {
        uint8_t sh = *(const uint8_t *)((q >> scale) + offset);
        if (sh != 0 && sh != ASAN_USER_POISON) return;   /* a redzone, out of scope...: report */
        ours |= sh == ASAN_USER_POISON;
    }
    if (ours) ASAN_UNPOISON_MEMORY_REGION(p, n);
}
#else
static inline void poison_given(void *p, size_t n) { (void)p; (void)n; }
static inline void unpoison_given(void *p, size_t n) { (void)p; (void)n; }
#endif

#if __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
#error "gomap: the tophash word match assumes a little-endian target"
#endif

/* ---- graveyard: storage a paused iterator may still read ---- */
enum { GRAVE_ARRAY, GRAVE_BUCKET };
struct gomap_grave {
    struct gomap_grave *next;   /* older */
    char *p;
    uint32_t id;     /* array_id of the array it is (or whose overflow bucket it is) */
    uint8_t what;    /* GRAVE_* */
    uint8_t B;       /* GRAVE_ARRAY: its log size */
    bool given;      /* GRAVE_ARRAY: caller storage, do not free the array itself */
};

/* Allocated at the first retirement, freed by gomap_free. */
struct gomap_extra {
    struct gomap_grave *graves;   /* newest first; ids never increase along the list */
    size_t bytes;                 /* bucket bytes they hold */
    uint32_t reclaimed;           /* arrays with id <= this were freed under live iterators */
};

/* Graves may hold this much besides the current array before the oldest go. */
#define GRAVE_SLACK ((size_t)64 << 10)

/* Go's overLoadFactor, count > 8 && count > 13 * (2^B / 2): for B >= 1 the
 * bound is (13 << B) >> 1, and for B = 0 (bound 0) count > 8 decides alone. */
INLINE bool over_load_factor(size_t count, uint8_t B)
{
    return count > BUCKET_CNT && count > ((size_t)13 << (B & 63)) >> 1;
}

static bool too_many_overflow_buckets(uint16_t noverflow, uint8_t B)
{
    if (B > 15) B = 15;
    return noverflow >= (uint16_t)1 << (B & 15);
}

static size_t array_bytes(const struct gomap *h, uint8_t B)
{
    return array_buckets(B) * h->bucketsize;
}

/* Whether bucket b lies inside array arr (a spare bucket) rather than malloc'd. */
static bool in_array(const struct gomap *h, const char *arr, uint8_t B, const char *b)
{
    uintptr_t lo = (uintptr_t)arr, p = (uintptr_t)b;
    return p >= lo && p - lo < array_bytes(h, B);
}

static uint8_t old_B(const struct gomap *h)
{
    return (flags_get(h) & F_SAMESIZE) ? h->B : (uint8_t)(h->B - 1);
}

static uintptr_t noldbuckets(const struct gomap *h) { return bucket_shift(old_B(h)); }

/* hash0 is the seed after wyhash's seed-only prologue (wy_seed); the prologue
 * of a uniformly random seed is as random, so a fresh random number serves
 * directly and the prologue's multiply is skipped. */
INLINE uint64_t new_seed(void) { return rt_rand_inline(); }

/* ---- descriptor and header ---- */
static bool pow2(uint32_t a) { return a && !(a & (a - 1)); }

static void check_type(const gomap_type *t)
{
    if (!t) rt_throw("gomap: NULL map type descriptor");
    const char *name = t->name ? t->name : "map";
    if (t->version != GOMAP_LAYOUT_VERSION)
        rt_throw("gomap: descriptor for %s has layout version %u, this runtime expects %u "
                 "(recompile against the matching gomap.h)", name, t->version,
                 GOMAP_LAYOUT_VERSION);
    if ((t->keyalign && !pow2(t->keyalign)) || (t->valalign && !pow2(t->valalign))
        || t->keyalign > 4096 || t->valalign > 4096)
        rt_throw("gomap: descriptor for %s has a bad alignment (%u, %u)", name,
                 t->keyalign, t->valalign);
    /* a bucket holds arrays of keys and values, and C has no arrays of a type whose
     * size is not a multiple of its alignment (`long __attribute__((aligned(16)))`) */
    if ((t->keyalign && t->keysize % t->keyalign) || (t->valalign && t->valsize % t->valalign))
        rt_throw("gomap: descriptor for %s: a key or value size is not a multiple of its "
                 "alignment (key %u/%u, value %u/%u bytes)", name, t->keysize, t->keyalign,
                 t->valsize, t->valalign);
    if ((t->flags & ~(GOMAP_TF_STRKEY | GOMAP_TF_STRCOPY))
        || (t->flags & (GOMAP_TF_STRKEY | GOMAP_TF_STRCOPY)) == GOMAP_TF_STRCOPY)
        rt_throw("gomap: descriptor for %s has unknown flags %#x", name, t->flags);
    if ((t->flags & GOMAP_TF_STRKEY) && t->keysize != sizeof(gostring))
        rt_throw("gomap: descriptor for %s: string keys must be gostring", name);
}

/* A header with the descriptor's layout filled in; the fields from `t` on. */
static void layout_header(struct gomap *h, const gomap_type *t)
{
    size_t ks = t->keysize, ka = t->keyalign, vs = t->valsize, va = t->valalign;
    check_type(t);
    memset(h, 0, sizeof *h);
    h->t = t;
    h->keysize = t->keysize;
    h->valsize = t->valsize;
    h->keyoff = (uint16_t)gomap_layout_keys_off(ks, ka);
    h->valoff = (uint16_t)gomap_layout_vals_off(ks, ka, vs, va);
    h->bucketsize = (uint16_t)gomap_layout_bucket_size(ks, ka, vs, va);
    h->array_id = 1;
    h->kslot = (uint8_t)gomap_layout_slot_size(ks);
    h->vslot = (uint8_t)gomap_layout_slot_size(vs);
    /* (check_type: powers of 2 up to 4096, or 0, taken as 1) */
    h->align_log = (uint8_t)((ka ? __builtin_ctzl(ka) : 0) | (va ? __builtin_ctzl(va) : 0) << 4);
    h->ind = (ks > GOMAP_MAX_INLINE ? IND_KEY : 0) | (vs > GOMAP_MAX_INLINE ? IND_VAL : 0);
    if (t->flags & GOMAP_TF_STRCOPY) h->ind |= IND_STRCOPY;
    if (h->ind || h->vslot > 32) h->ind |= IND_SLOW;
    if (t->flags & GOMAP_TF_STRKEY) h->kind = KIND_STR;
    else if (ks == 4 && h->keyoff == 8) h->kind = KIND_K4;   /* see key_at_kind */
    else if (ks == 8 && h->keyoff == 8) h->kind = KIND_K8;
    else h->kind = KIND_GENERIC;
    if (h->kind == KIND_K8 && !h->ind && h->vslot == 8 && h->valoff == K8V8_VALOFF
        && h->bucketsize == K8V8_BUCKETSIZE)
        h->kind = KIND_K8V8;
}

/* Each thread remembers the last descriptor it checked and laid out: code that
 * makes many small maps of one type pays for it once.  The descriptor's fields
 * are compared too, in case a non-static descriptor's address was reused. */
static RT_TLS struct gomap layout_cache;
static RT_TLS gomap_type layout_desc;

INLINE bool layout_cached(const gomap_type *t)
{
    return layout_cache.t == t && memcmp(&layout_desc, t, offsetof(gomap_type, name)) == 0;
}

static __attribute__((noinline)) void cache_layout(const gomap_type *t)
{
    layout_header(&layout_cache, t);
    layout_desc = *t;
}

INLINE void init_header(struct gomap *h, const gomap_type *t, uint8_t own)
{
    if (UNLIKELY(!layout_cached(t))) cache_layout(t);
    *h = layout_cache;
    h->own = own;
    h->hash0 = new_seed();
}

/* Alignments of h's keys and values, and of its buckets (at least 8; more for an
 * over-aligned key or value), from the header alone (as every layout field). */
INLINE size_t key_align(const struct gomap *h) { return (size_t)1 << (h->align_log & 15); }
INLINE size_t val_align(const struct gomap *h) { return (size_t)1 << (h->align_log >> 4); }
static size_t bucket_align(const struct gomap *h)
{
    return gomap_layout_bucket_align(h->keysize, key_align(h), h->valsize, val_align(h));
}

/* makeBucketArray: 2^B buckets plus spares for B >= 4; reuses `dirty` (zeroing
 * it) when given.  The last spare points at the array start, meaning "last". */
static char *make_bucket_array(struct gomap *h, uint8_t B, char *dirty, char **next_ovf)
{
    uintptr_t base = bucket_shift(B), nb = array_buckets(B);
    size_t size = nb * h->bucketsize;
    char *arr = dirty ? memset(dirty, 0, size) : rt_alloc_aligned(size, bucket_align(h));
    *next_ovf = NULL;
    if (nb != base) {
        *next_ovf = bucket_at(h, arr, base);
        *overflow_slot(h, bucket_at(h, arr, nb - 1)) = arr;
    }
    return arr;
}

static uint8_t hint_B(const struct gomap *h, size_t hint)
{
    if (hint > ((size_t)1 << 47) / h->bucketsize) hint = 0;   /* Go's maxAlloc check */
    uint8_t B = 0;
    while (over_load_factor(hint, B)) B++;
    return B;
}

static void make_buckets(struct gomap *h, size_t hint)
{
    if (hint <= BUCKET_CNT) return;   /* B = 0 (the header template's), no division */
    h->B = hint_B(h, hint);
    if (h->B) h->buckets = make_bucket_array(h, h->B, NULL, &h->next_overflow);
}

gomap *gomap_make(const gomap_type *t, size_t hint)
{
    if (!t) rt_throw("gomap: NULL map type descriptor");
    struct gomap *h = rt_alloc(sizeof *h);
    init_header(h, t, 0);
    make_buckets(h, hint);
    return h;
}

static __attribute__((noinline)) gomap *make_on(const gomap_type *t, size_t hint, void *hmap,
                                                 void *bucket)
{
    if (!t) rt_throw("gomap: NULL map type descriptor");
    if (!hmap || (uintptr_t)hmap % GOMAP_HMAP_ALIGN)
        rt_throw("gomap_make_on: header storage %p is NULL or misaligned", hmap);
    struct gomap *h = hmap;
    init_header(h, t, OWN_HMAP_GIVEN);
    make_buckets(h, hint);
    bool use_bucket = bucket && h->B == 0;
    if (use_bucket) {
        size_t align = gomap_layout_bucket_align(t->keysize, t->keyalign, t->valsize,
                                                 t->valalign);
        if ((uintptr_t)bucket & (align - 1))
            rt_throw("gomap_make_on: bucket storage %p is not %zu-aligned", bucket, align);
        unpoison_given(bucket, h->bucketsize);
        /* only the tophash word and the overflow pointer: empty cells are never
         * read, and insert_cell zeroes the value slot it fills */
        memset(bucket, 0, BUCKET_CNT);
        *overflow_slot(h, bucket) = NULL;
        h->buckets = bucket;
        h->own |= OWN_BUCKET_GIVEN;
    }
    rt_count_stack(use_bucket);
    return h;
}

/* The plugin's call: its common case (a small map of the type this thread laid
 * out last, header and bucket given, aligned as the layout requires, this
 * thread's random state seeded and its counters registered) without a call to
 * anything else; every other case, and every error, in make_on. */
gomap *gomap_make_on(const gomap_type *t, size_t hint, void *hmap, void *bucket)
{
    if (LIKELY(t != NULL && hint <= BUCKET_CNT && bucket != NULL && layout_cached(t)
               && ((uintptr_t)hmap & (GOMAP_HMAP_ALIGN - 1)) == 0 && hmap != NULL
               && ((uintptr_t)bucket & 7) == 0 && t->keyalign <= 8 && t->valalign <= 8
               && rt_rand_seeded && rt_my_stats.registered)) {
        struct gomap *h = hmap;
        *h = layout_cache;
        h->own = OWN_HMAP_GIVEN | OWN_BUCKET_GIVEN;
        h->hash0 = wy_rand(&rt_rand_state);   /* new_seed(), seeded */
        unpoison_given(bucket, h->bucketsize);
        memset(bucket, 0, BUCKET_CNT);
        *overflow_slot(h, bucket) = NULL;
        h->buckets = bucket;
        RT_STAT_ADD(&rt_my_stats.s, stack_maps, 1);      /* rt_count_stack_inline(true), */
        RT_STAT_ADD(&rt_my_stats.s, stack_buckets, 1);   /* registered */
        return h;
    }
    return make_on(t, hint, hmap, bucket);
}

gomap *gomap_make_into(const gomap_type *t, size_t hint, void *hmap, void *bucket)
{
    return hmap ? gomap_make_on(t, hint, hmap, bucket) : gomap_make(t, hint);
}

size_t gomap_len(const gomap *m)
{
    if (m == NULL) return 0;
    check_not_freed(m);
    return m->count;
}

/* ---- overflow buckets ---- */
static void incr_noverflow(struct gomap *h)
{
    /* Above 2^16 buckets, count with probability 2^16/2^B so that noverflow
     * (16 bits) approximates the number of overflow buckets. */
    if (h->B < 16) {
        h->noverflow++;
        return;
    }
    uint32_t mask = ((uint32_t)1 << (h->B - 15)) - 1;
    if ((rt_rand() & mask) == 0) h->noverflow++;
}

static char *new_overflow(struct gomap *h, char *b)
{
    char *ovf = h->next_overflow;
    if (ovf) {
        if (overflow_of(h, ovf) == NULL) {
            h->next_overflow = ovf + h->bucketsize;
        } else {            /* the last spare: its overflow was the end marker */
            *overflow_slot(h, ovf) = NULL;
            h->next_overflow = NULL;
        }
    } else {
        ovf = rt_alloc_aligned(h->bucketsize, bucket_align(h));
        h->own |= OWN_OVF_MALLOC;
    }
    incr_noverflow(h);
    *overflow_slot(h, b) = ovf;
    return ovf;
}

/* ---- freeing and retiring storage ---- */
static void free_array(struct gomap *h, char *arr, uint8_t B, bool given, bool walk);

static size_t grave_bytes(const struct gomap *h, const struct gomap_grave *g)
{
    return g->what == GRAVE_ARRAY ? array_bytes(h, g->B) : h->bucketsize;
}

static void free_grave(struct gomap *h, struct gomap_grave *g)
{
    if (g->what == GRAVE_ARRAY) free_array(h, g->p, g->B, g->given, true);
    else rt_free(g->p, h->bucketsize);
    h->extra->bytes -= grave_bytes(h, g);
    rt_free(g, sizeof *g);
}

/* Free every grave from *link on (the older ones). */
static void free_graves(struct gomap *h, struct gomap_grave **link)
{
    struct gomap_grave *g = *link;
    *link = NULL;
    while (g) {
        struct gomap_grave *next = g->next;
        free_grave(h, g);
        g = next;
    }
}

/* Iterators abandoned before their end look live forever, so the graveyard is
 * capped: past twice the current array (plus some slack), the oldest graves are
 * freed and their ids recorded; an iterator that may read them aborts with a
 * message instead of reading freed memory (gomap_iter.c). */
static void cap_graves(struct gomap *h)
{
    struct gomap_extra *x = h->extra;
    size_t cap = 2 * array_bytes(h, h->B) + GRAVE_SLACK;
    while (x->bytes > cap) {
        struct gomap_grave **link = &x->graves, *oldest;
        while ((*link)->next) link = &(*link)->next;
        oldest = *link;
        uint32_t id = oldest->id;
        /* all graves of that id, and older, go: they end the list */
        for (link = &x->graves; (*link)->id > id; link = &(*link)->next) {}
        free_graves(h, link);
        x->reclaimed = id;
    }
}

uint32_t gomap_reclaimed_id(const struct gomap *h)
{
    return h->extra ? h->extra->reclaimed : 0;
}

static void retire(struct gomap *h, char *p, uint8_t what, uint8_t B, bool given, uint32_t id)
{
    if (!h->extra) h->extra = rt_alloc(sizeof *h->extra);
    struct gomap_grave *g = rt_alloc(sizeof *g);
    *g = (struct gomap_grave){ h->extra->graves, p, id, what, B, given };
    h->extra->graves = g;
    h->extra->bytes += grave_bytes(h, g);
    cap_graves(h);
}

/* Free the storage the entries of one bucket own: indirect keys and values of
 * live cells, the key bytes of live cells of a GOMAP_TYPE_STRCOPY map, and the
 * private key copies of evacuated cells (indirect keys, string bytes). */
static void free_cells(struct gomap *h, char *b)
{
    if (!(h->ind & IND_BOTH) && h->kind != KIND_STR) return;
    uint8_t *th = tophash_of(b);
    for (unsigned i = 0; i < BUCKET_CNT; i++) {
        char *k = key_at(h, b, i), *v = val_at(h, b, i);
        bool live = th[i] >= MIN_TOPHASH, moved = th[i] == EVAC_X || th[i] == EVAC_Y;
        if (h->kind == KIND_STR && (moved || (live && (h->ind & IND_STRCOPY)))) {
            /* a copy made by keep_old_key, or by insert_cell */
            gostring *s = (gostring *)k;
            if (s->ptr && s->len) rt_free((void *)s->ptr, s->len);
            s->ptr = NULL;
        }
        if ((h->ind & IND_KEY) && (live || moved)) {
            rt_free(*(void **)k, h->keysize);
            *(void **)k = NULL;
        }
        if ((h->ind & IND_VAL) && live) {
            rt_free(*(void **)v, h->valsize);
            *(void **)v = NULL;
        }
    }
}

/* Free the malloc'd overflow buckets chained after b (spares stay in the array). */
static void free_chain(struct gomap *h, char *arr, uint8_t B, char *b)
{
    char *o = overflow_of(h, b);
    *overflow_slot(h, b) = NULL;
    while (o) {
        char *next = overflow_of(h, o);
        if (!in_array(h, arr, B, o)) rt_free(o, h->bucketsize);
        o = next;
    }
}

/* Free an array with everything its cells and chains own; `walk` false says
 * they own nothing (see current_owns). */
static void free_array(struct gomap *h, char *arr, uint8_t B, bool given, bool walk)
{
    for (uintptr_t i = 0, n = walk ? bucket_shift(B) : 0; i < n; i++) {
        char *b = bucket_at(h, arr, i);
        for (char *o = b; o; o = overflow_of(h, o)) free_cells(h, o);
        free_chain(h, arr, B, b);
    }
    if (!given) rt_free(arr, array_bytes(h, B));
    else poison_given(arr, array_bytes(h, B));
}

/* Whether the current array's cells or chains own storage: indirect keys or
 * values, copied string keys, or malloc'd overflow buckets.  (Its cells are
 * never evacuated, so borrowed string keys own no copies there.) */
static bool current_owns(const struct gomap *h)
{
    return (h->ind & (IND_BOTH | IND_STRCOPY)) || (h->own & OWN_OVF_MALLOC);
}

static void bury(struct gomap *h)
{
    if (h->extra) free_graves(h, &h->extra->graves);
}

static bool iterators_live(const struct gomap *h)
{
    return __atomic_load_n(&h->iters, __ATOMIC_RELAXED) != 0;
}

INLINE void bury_if_idle(struct gomap *h)
{
    if (UNLIKELY(h->extra != NULL) && h->extra->graves && !iterators_live(h)) bury(h);
}

/* An evacuated old array whose growth is complete. */
static void release_old_array(struct gomap *h, char *old, uint8_t B, bool given)
{
    if (flags_get(h) & F_OLDITER) {
        if (iterators_live(h)) retire(h, old, GRAVE_ARRAY, B, given, h->array_id - 1);
        else free_array(h, old, B, given, true);
    } else if (!given) {
        /* no iterator used it: evacuate() already freed its chains and copies */
        rt_free(old, array_bytes(h, B));
    } else {
        poison_given(old, array_bytes(h, B));
    }
}

/* ---- growth ---- */
static void hash_grow(struct gomap *h)
{
    uint8_t bigger = 1, f = flags_get(h);
    if (!over_load_factor(h->count + 1, h->B)) {
        bigger = 0;
        f |= F_SAMESIZE;
    }
    bury_if_idle(h);
    char *old = h->buckets, *next_ovf;
    char *nb = make_bucket_array(h, (uint8_t)(h->B + bigger), NULL, &next_ovf);
    uint8_t nf = f & (uint8_t)~(F_ITER | F_OLDITER);
    if (f & F_ITER) nf |= F_OLDITER;
    h->B += bigger;
    h->array_id++;
    flags_set(h, nf);
    h->oldbuckets = old;
    h->buckets = nb;
    h->nevacuate = 0;
    h->noverflow = 0;
    h->next_overflow = next_ovf;
    if (h->own & OWN_BUCKET_GIVEN) h->own = (h->own & ~OWN_BUCKET_GIVEN) | OWN_OLD_GIVEN;
    h->own &= ~OWN_OVF_MALLOC;   /* the new array has no chains yet */
}

static void advance_evacuation_mark(struct gomap *h, uintptr_t newbit)
{
    h->nevacuate++;
    uintptr_t stop = h->nevacuate + 1024;
    if (stop > newbit) stop = newbit;
    while (h->nevacuate != stop && evacuated(bucket_at(h, h->oldbuckets, h->nevacuate)))
        h->nevacuate++;
    if (h->nevacuate == newbit) {   /* growth done */
        char *old = h->oldbuckets;
        uint8_t B = old_B(h);
        bool given = h->own & OWN_OLD_GIVEN;
        h->oldbuckets = NULL;
        h->own &= ~OWN_OLD_GIVEN;
        flags_set(h, flags_get(h) & ~F_SAMESIZE);
        release_old_array(h, old, B, given);
    }
}

/* Operations specialised by key kind have one out-of-line instance per kind
 * (NOINLINE), called through a switch on h->kind: each is a small function with
 * the kind's constants folded in. */
#define NOINLINE static __attribute__((noinline))

/* bytes of a key slot's contents for kind (indirect keys: the key itself) */
INLINE size_t key_bytes(const struct gomap *h, int kind)
{
    return kind == KIND_K4 ? 4 : is_k8(kind) ? 8 : kind == KIND_STR ? sizeof(gostring)
                                                                       : h->keysize;
}

struct evac_dst {
    char *b;      /* current destination bucket */
    unsigned i;   /* next cell in it */
};

/* The old cell k keeps a key only if an iterator may read it (see the header):
 * then an indirect key, or a string key's borrowed bytes, get a private copy,
 * since the live key may be deleted and its storage freed. */
INLINE void keep_old_key(struct gomap *h, char *k, bool pinned, int kind)
{
    if (kind == KIND_STR) {
        gostring *s = (gostring *)k;
        if (pinned && s->len) {
            char *copy = rt_alloc(s->len);
            memcpy(copy, s->ptr, s->len);
            s->ptr = copy;
        } else {
            s->ptr = NULL;   /* no copy (an empty key needs none) */
        }
        return;
    }
    if (kind != KIND_GENERIC || !(h->ind & IND_KEY)) return;
    if (pinned) {
        void *copy = rt_alloc(h->keysize);
        memcpy(copy, *(void **)k, h->keysize);
        *(void **)k = copy;
    } else {
        *(void **)k = NULL;   /* moved: the new cell owns it */
    }
}

/* Zero a value slot of at most 32 bytes with two (overlapping) stores, no call. */
INLINE void zero_small(char *dst, size_t n)
{
    static const char zero[32];
    if (LIKELY(n == 8)) {
        memcpy(dst, zero, 8);
    } else if (n >= 16) {
        memcpy(dst, zero, 16);
        memcpy(dst + n - 16, zero, 16);
    } else if (n >= 8 && n < 16) {
        memcpy(dst, zero, 8);
        memcpy(dst + n - 8, zero, 8);
    } else if (n >= 4 && n < 8) {
        memcpy(dst, zero, 4);
        memcpy(dst + n - 4, zero, 4);
    } else if (n > 0 && n < 4) {
        dst[0] = dst[n / 2] = dst[n - 1] = 0;
    }
}

/* Copy a key or value slot: fixed-size stores for the common sizes. */
INLINE void copy_slot(char *dst, const char *src, size_t n)
{
    switch (n) {
    case 4: memcpy(dst, src, 4); break;
    case 8: memcpy(dst, src, 8); break;
    case 16: memcpy(dst, src, 16); break;
    default: memcpy(dst, src, n);
    }
}

INLINE void evacuate_kind(struct gomap *h, uintptr_t oldbucket, int kind)
{
    char *b = bucket_at(h, h->oldbuckets, oldbucket);
    uintptr_t newbit = noldbuckets(h);
    if (!evacuated(b)) {
        uint8_t f = flags_get(h);
        bool same = f & F_SAMESIZE, pinned = f & F_OLDITER;
        struct evac_dst xy[2] = { { bucket_at(h, h->buckets, oldbucket), 0 },
                                  { same ? NULL : bucket_at(h, h->buckets, oldbucket + newbit), 0 } };
        for (char *ob = b; ob; ob = overflow_of(h, ob)) {
            uint8_t *th = tophash_of(ob);
            for (unsigned i = 0; i < BUCKET_CNT; i++) {
                uint8_t top = th[i];
                if (is_empty(top)) {
                    th[i] = EVAC_EMPTY;
                    continue;
                }
                if (top < MIN_TOPHASH) rt_throw("bad map state");
                char *k = key_at_kind(h, ob, i, kind), *v = val_at_kind(h, ob, i, kind);
                unsigned use_y = 0;
                if (!same) use_y = (key_hash(h, deref_key(h, k), kind) & newbit) != 0;
                th[i] = (uint8_t)(EVAC_X + use_y);
                struct evac_dst *d = &xy[use_y];
                if (d->i == BUCKET_CNT) {
                    d->b = new_overflow(h, d->b);
                    d->i = 0;
                }
                tophash_of(d->b)[d->i] = top;
                copy_slot(key_at_kind(h, d->b, d->i, kind), k,
                          kind == KIND_GENERIC ? h->kslot : key_bytes(h, kind));
                copy_slot(val_at_kind(h, d->b, d->i, kind), v, kind == KIND_K8V8 ? 8 : h->vslot);
                d->i++;
                keep_old_key(h, k, pinned, kind);
            }
        }
        if (!pinned && overflow_of_kind(h, b, kind) != NULL) free_chain(h, h->oldbuckets, old_B(h), b);
    }
    if (oldbucket == h->nevacuate) advance_evacuation_mark(h, newbit);
}

NOINLINE void evacuate_k4(struct gomap *h, uintptr_t ob) { evacuate_kind(h, ob, KIND_K4); }
NOINLINE void evacuate_k8(struct gomap *h, uintptr_t ob) { evacuate_kind(h, ob, KIND_K8); }
NOINLINE void evacuate_k8v8(struct gomap *h, uintptr_t ob) { evacuate_kind(h, ob, KIND_K8V8); }
NOINLINE void evacuate_str(struct gomap *h, uintptr_t ob) { evacuate_kind(h, ob, KIND_STR); }
NOINLINE void evacuate_gen(struct gomap *h, uintptr_t ob) { evacuate_kind(h, ob, KIND_GENERIC); }

static void evacuate(struct gomap *h, uintptr_t oldbucket)
{
    switch (h->kind) {
    case KIND_K8V8: evacuate_k8v8(h, oldbucket); break;
    case KIND_K8: evacuate_k8(h, oldbucket); break;
    case KIND_STR: evacuate_str(h, oldbucket); break;
    case KIND_K4: evacuate_k4(h, oldbucket); break;
    default: evacuate_gen(h, oldbucket);
    }
}

static void grow_work(struct gomap *h, uintptr_t bucket)
{
    evacuate(h, bucket & (noldbuckets(h) - 1));   /* the bucket about to be used */
    if (h->oldbuckets) evacuate(h, h->nevacuate); /* and one more, to make progress */
}

/* ---- lookup ---- */
INLINE char *bucket_for_read(const struct gomap *h, uint64_t hash, int kind)
{
    uintptr_t m = bucket_mask(h->B);
    char *b = bucket_at_kind(h, h->buckets, hash & m, kind);
    if (UNLIKELY(h->oldbuckets != NULL)) {
        if (!(flags_get(h) & F_SAMESIZE)) m >>= 1;
        char *oldb = bucket_at_kind(h, h->oldbuckets, hash & m, kind);
        if (!evacuated(oldb)) b = oldb;
    }
    return b;
}

/* The value slot for key (and its key slot in *kslot), or NULL. */
INLINE char *lookup(const struct gomap *h, const void *key, int kind, char **kslot)
{
    uint64_t hash = key_hash(h, key, kind);
    char *b = bucket_for_read(h, hash, kind);
    prefetch_bucket(h, b, kind, 0);
    uint8_t top = tophash(hash);
    do {
        for (unsigned m = match_cells(b, top); m; m &= m - 1) {
            unsigned i = first_cell(m);
            char *k = key_at_kind(h, b, i, kind);
            if (LIKELY(key_equal(h, key, k, kind))) {
                *kslot = k;
                return val_at_kind(h, b, i, kind);
            }
        }
        if (tophash_of(b)[BUCKET_CNT - 1] == EMPTY_REST) break;   /* no more */
        b = overflow_of_kind(h, b, kind);
    } while (b);
    return NULL;
}

INLINE void *access_kind(const struct gomap *h, const void *key, int kind)
{
    if (UNLIKELY(flags_get(h) & F_WRITING)) rt_fatal("concurrent map read and map write");
    char *k, *v = lookup(h, key, kind, &k);
    return v ? deref_val_kind(h, v, kind) : NULL;
}
NOINLINE void *access_k4(const struct gomap *h, const void *key) { return access_kind(h, key, KIND_K4); }
NOINLINE void *access_k8(const struct gomap *h, const void *key) { return access_kind(h, key, KIND_K8); }
NOINLINE void *access_k8v8(const struct gomap *h, const void *key) { return access_kind(h, key, KIND_K8V8); }
NOINLINE void *access_str_long(const struct gomap *h, const void *key) { return access_kind(h, key, KIND_STR); }
NOINLINE void *access_str(const struct gomap *h, const void *key)
{
    if (UNLIKELY(((const gostring *)key)->len > 32 || h->keyoff != 8)) return access_str_long(h, key);
    return access_kind(h, key, KIND_STR32);
}
NOINLINE void *access_gen(const struct gomap *h, const void *key) { return access_kind(h, key, KIND_GENERIC); }

/* A map of one bucket (B = 0, not growing, no overflow bucket, which a B = 0
 * map never gets) needs no hash: compare the key with the filled cells, as Go's
 * mapaccess1_fast32/fast64/faststr do.  A small leaf function; anything else
 * (and a string longer than 32 bytes, whose comparison is a call) goes to the
 * hashed lookup `hashed`. */
INLINE void *access_one_kind(const struct gomap *h, const void *key, int kind,
                             void *(*hashed)(const struct gomap *, const void *))
{
    if (UNLIKELY(flags_get(h) & F_WRITING)) rt_fatal("concurrent map read and map write");
    if (UNLIKELY(h->oldbuckets != NULL)
        || (kind == KIND_STR32 && (((const gostring *)key)->len > 32 || h->keyoff != 8)))
        return hashed(h, key);
    char *b = h->buckets;
    for (unsigned m = filled_cells(b); m; m &= m - 1) {
        unsigned i = first_cell(m);
        if (key_equal(h, key, key_at_kind(h, b, i, kind), kind))
            return deref_val_kind(h, val_at_kind(h, b, i, kind), kind);
    }
    if (UNLIKELY(overflow_of_kind(h, b, kind) != NULL)) return hashed(h, key);
    return NULL;
}
NOINLINE void *access_one_k4(const struct gomap *h, const void *key) { return access_one_kind(h, key, KIND_K4, access_k4); }
NOINLINE void *access_one_k8(const struct gomap *h, const void *key) { return access_one_kind(h, key, KIND_K8, access_k8); }
NOINLINE void *access_one_k8v8(const struct gomap *h, const void *key) { return access_one_kind(h, key, KIND_K8V8, access_k8v8); }
NOINLINE void *access_one_str(const struct gomap *h, const void *key) { return access_one_kind(h, key, KIND_STR32, access_str); }

void *gomap_access(const gomap *m, const void *key)
{
    const struct gomap *h = m;
    if (h == NULL || h->count == 0) return NULL;   /* (a freed header's count is not 0) */
    if (LIKELY(h->kind == KIND_K8V8))   /* inline, except one-bucket maps */
        return h->B == 0 ? access_one_k8v8(h, key) : access_kind(h, key, KIND_K8V8);
    bool one = h->B == 0;
    if (h->kind == KIND_STR) return one ? access_one_str(h, key) : access_str(h, key);
    switch (h->kind) {
    case KIND_K8: return one ? access_one_k8(h, key) : access_k8(h, key);
    case KIND_K4: return one ? access_one_k4(h, key) : access_k4(h, key);
    case KIND_FREED: rt_freed_map();
    default: return access_gen(h, key);
    }
}

/* mapaccessK: key bytes and value of key, for iterators re-finding moved keys. */
char *map_lookup_kv(struct gomap *h, const void *key, char **val)
{
    if (h->count == 0) return NULL;
    char *k, *v = lookup(h, key, h->kind, &k);
    if (!v) return NULL;
    *val = deref_val(h, v);
    return deref_key(h, k);
}

/* ---- assignment ---- */
INLINE void begin_write(struct gomap *h)
{
    uint8_t f = flags_get(h);
    if (UNLIKELY(f & F_WRITING)) rt_fatal("concurrent map writes");
    flags_set(h, f ^ F_WRITING);
}

INLINE void end_write(struct gomap *h)
{
    uint8_t f = flags_get(h);
    if (UNLIKELY(!(f & F_WRITING))) rt_fatal("concurrent map writes");
    flags_set(h, f & (uint8_t)~F_WRITING);
}

/* A GOMAP_TYPE_STRCOPY key slot gets the map's own copy of the caller's bytes
 * (an empty key points at a constant empty string and owns nothing). */
static void copy_key_bytes(gostring *s)
{
    if (s->len == 0) {
        s->ptr = "";
        return;
    }
    char *copy = rt_alloc(s->len);
    memcpy(copy, s->ptr, s->len);
    s->ptr = copy;
}

/* Fill a new cell (b, i) with key; returns its value slot.  owned: a
 * GOMAP_TYPE_STRCOPY key whose bytes are the map's copy already. */
INLINE char *insert_cell(struct gomap *h, char *b, unsigned i, const void *key, int kind,
                         uint8_t top, bool fast, bool owned)
{
    char *k = key_at_kind(h, b, i, kind), *v = val_at_kind(h, b, i, kind);
    size_t ks = key_bytes(h, kind);
    if (kind == KIND_GENERIC && (h->ind & IND_KEY)) {
        void *km = rt_alloc_aligned(h->keysize, key_align(h));
        *(void **)k = km;
        k = km;
    }
    if (kind == KIND_K8V8) memset(v, 0, 8);
    else if (h->ind & IND_VAL) *(void **)v = rt_alloc_aligned(h->valsize, val_align(h));
    else if (fast) zero_small(v, h->vslot);   /* a new cell's value reads as zero */
    else memset(v, 0, h->vslot);
    memcpy(k, key, ks);
    if (kind == KIND_STR && UNLIKELY(h->ind & IND_STRCOPY) && !owned) copy_key_bytes((gostring *)k);
    set_tophash(b, i, top);
    h->count++;
    return v;
}

/* A key held by value across a growth step.  The step frees the old array when
 * it evacuates its last bucket, while gomap_assign(m, gomap_access(m, &k))
 * (m[m[k]] = v), gomap_delete(m, key pointer of an iterator) or a string key
 * whose bytes are one of the map's values (delete(m, string(m[k].name))) still
 * read the key from there.  Go passes keys by value: hold_key copies a direct key
 * (an indirect key's bytes are never in bucket memory) and a string key's bytes,
 * and returns what cells are compared with; *ins is what a new cell gets (the
 * caller's string bytes: a borrowing map keeps borrowing them, as promised). */
struct held_key {
    _Alignas(max_align_t) char key[GOMAP_MAX_INLINE];
    gostring cmp;
    char bytes[64], *heap;   /* the string's bytes: here, or rt_alloc'd (heap_len) */
    size_t heap_len;
};

INLINE const void *hold_key(const struct gomap *h, const void *key, int kind,
                            struct held_key *k, const void **ins)
{
    *ins = key;
    if (kind == KIND_GENERIC && (h->ind & IND_KEY)) return key;
    memcpy(k->key, key, key_bytes(h, kind));
    *ins = k->key;
    if (kind != KIND_STR) return k->key;
    const gostring *s = (const gostring *)(const void *)k->key;
    k->cmp = *s;
    if (s->len) {
        char *d = k->bytes;
        if (s->len > sizeof k->bytes) d = k->heap = rt_alloc(k->heap_len = s->len);
        memcpy(d, s->ptr, s->len);
        k->cmp.ptr = d;
    }
    return &k->cmp;
}

INLINE void release_key(struct held_key *k)
{
    if (k->heap) rt_free(k->heap, k->heap_len);
}

/* mapassign after the hash, with F_WRITING set: every case. */
INLINE void *assign_slow_kind(struct gomap *h, const void *key, uint64_t hash, int kind)
{
    if (UNLIKELY(h->buckets == NULL)) h->buckets = rt_alloc_aligned(h->bucketsize, bucket_align(h));
    uint8_t top = tophash(hash);
    char *b, *val, *insb;
    unsigned insi;
    const void *ins = key;  /* what a new cell gets (key: what cells are compared with) */
    struct held_key held;
    bool holding = false;
    gostring own;           /* a GOMAP_TYPE_STRCOPY map's copy of the key's bytes */
    bool owned = false;
again:
    b = bucket_at(h, h->buckets, hash & bucket_mask(h->B));
    if (UNLIKELY(h->oldbuckets != NULL)) {
        if (!holding) {     /* the key may lie in storage the step frees (hold_key) */
            held.heap = NULL;
            held.heap_len = 0;
            key = hold_key(h, key, kind, &held, &ins);
            holding = true;
            if (kind == KIND_STR && (h->ind & IND_STRCOPY)) {   /* the insert keeps it */
                own = *(const gostring *)key;
                copy_key_bytes(&own);
                key = ins = &own;
                owned = true;
            }
        }
        grow_work(h, hash & bucket_mask(h->B));
        b = bucket_at(h, h->buckets, hash & bucket_mask(h->B));
    }
    insb = NULL;
    insi = 0;
    for (;;) {
        uint64_t w = tophash_word(b);
        for (uint64_t m = match_byte(w, top); m; m &= m - 1) {
            unsigned i = first_slot(m);
            char *k = key_at_kind(h, b, i, kind);
            if (LIKELY(key_equal(h, key, k, kind))) {
                if (kind == KIND_STR && !(h->ind & IND_STRCOPY))   /* needkeyupdate */
                    memcpy(k, ins, sizeof(gostring));
                val = val_at(h, b, i);
                goto done;
            }
        }
        if (!insb) {
            uint64_t e = match_empty(w);
            if (e) {
                insb = b;
                insi = first_slot(e);
            }
        }
        if ((w >> 56) == EMPTY_REST) break;
        char *ovf = overflow_of(h, b);
        if (!ovf) break;
        b = ovf;
    }
    /* Not found.  Grow if this insert passes the load factor or overflow buckets
     * piled up, unless already growing; growing invalidates everything. */
    if (h->oldbuckets == NULL
        && (over_load_factor(h->count + 1, h->B) || too_many_overflow_buckets(h->noverflow, h->B))) {
        hash_grow(h);
        goto again;
    }
    if (!insb) {
        insb = new_overflow(h, b);
        insi = 0;
    }
    val = insert_cell(h, insb, insi, ins, kind, top, false, owned);
    owned = false;
done:
    if (owned && own.len) rt_free((void *)own.ptr, own.len);   /* the key was there */
    if (holding) release_key(&held);
    end_write(h);
    return deref_val(h, val);
}

#define ASSIGN_SLOW(name, kind)                                                          \
    NOINLINE void *name(struct gomap *h, const void *key, uint64_t hash)                \
    {                                                                                   \
        return assign_slow_kind(h, key, hash, kind);                                    \
    }
ASSIGN_SLOW(assign_slow_k4, KIND_K4)
ASSIGN_SLOW(assign_slow_k8, KIND_K8)
ASSIGN_SLOW(assign_slow_k8v8, KIND_K8V8)
ASSIGN_SLOW(assign_slow_str, KIND_STR)
ASSIGN_SLOW(assign_slow_gen, KIND_GENERIC)

INLINE void *assign_slow(struct gomap *h, const void *key, uint64_t hash, int kind)
{
    switch (kind) {
    case KIND_K4: return assign_slow_k4(h, key, hash);
    case KIND_K8: return assign_slow_k8(h, key, hash);
    case KIND_K8V8: return assign_slow_k8v8(h, key, hash);
    case KIND_STR: return assign_slow_str(h, key, hash);
    default: return assign_slow_gen(h, key, hash);
    }
}

/* mapassign: the common case inline (not growing, the key's bucket has no
 * overflow chain to walk, and the insert needs no growth, no new bucket and
 * no allocation for an indirect key or value: so no calls, no saved registers),
 * everything else in assign_slow_kind, which starts over from the hash. */
INLINE void *assign_kind_slow(struct gomap *h, const void *key, int kind,
                              void *(*slow64)(struct gomap *, uint64_t, uint64_t));
INLINE void *assign_kind(struct gomap *h, const void *key, int kind)
{
    return assign_kind_slow(h, key, kind, NULL);
}

/* assign_kind, whose slow path is slow64 with the 8-byte key by value when given (so
 * that a caller holding the key in a register never stores it: gomap_assign_fast64). */
INLINE void *assign_kind_slow(struct gomap *h, const void *key, int kind,
                              void *(*slow64)(struct gomap *, uint64_t, uint64_t))
{
    uint8_t f = flags_get(h);
    if (UNLIKELY(f & F_WRITING)) rt_fatal("concurrent map writes");
    uint64_t hash = key_hash(h, key, kind);
    flags_set(h, flags_get(h) ^ F_WRITING);
    if (UNLIKELY(h->buckets == NULL || h->oldbuckets != NULL))
        return slow64 ? slow64(h, load_u64(key), hash) : assign_slow(h, key, hash, kind);
    uint8_t top = tophash(hash);
    char *b = bucket_at_kind(h, h->buckets, hash & bucket_mask(h->B), kind), *val;
    prefetch_bucket(h, b, kind, 1);
    for (unsigned m = match_cells(b, top); m; m &= m - 1) {
        unsigned i = first_cell(m);
        char *k = key_at_kind(h, b, i, kind);
        if (LIKELY(key_equal(h, key, k, kind))) {
            if (kind == KIND_STR && !(h->ind & IND_STRCOPY))   /* needkeyupdate */
                memcpy(k, key, sizeof(gostring));
            val = val_at_kind(h, b, i, kind);
            goto done;
        }
    }
    unsigned e = empty_cells(b);
    if (UNLIKELY((tophash_of(b)[BUCKET_CNT - 1] != EMPTY_REST && overflow_of_kind(h, b, kind) != NULL)
                 || e == 0 || h->ind
                 || over_load_factor(h->count + 1, h->B)
                 || (h->noverflow && too_many_overflow_buckets(h->noverflow, h->B))))
        return slow64 ? slow64(h, load_u64(key), hash) : assign_slow(h, key, hash, kind);
    val = insert_cell(h, b, first_cell(e), key, kind, top, true, false);
done:
    end_write(h);
    return deref_val_kind(h, val, kind);
}

NOINLINE void *assign_k4(struct gomap *h, const void *key) { return assign_kind(h, key, KIND_K4); }
NOINLINE void *assign_k8(struct gomap *h, const void *key) { return assign_kind(h, key, KIND_K8); }
NOINLINE void *assign_str(struct gomap *h, const void *key) { return assign_kind(h, key, KIND_STR); }
NOINLINE void *assign_gen(struct gomap *h, const void *key) { return assign_kind(h, key, KIND_GENERIC); }

void *gomap_assign(gomap *m, const void *key)
{
    struct gomap *h = m;
    if (UNLIKELY(h == NULL)) rt_panic("assignment to entry in nil map");
    if (LIKELY(h->kind == KIND_K8V8)) return assign_kind(h, key, KIND_K8V8);   /* inline */
    if (h->kind == KIND_STR) return assign_str(h, key);
    switch (h->kind) {
    case KIND_K8: return assign_k8(h, key);
    case KIND_K4: return assign_k4(h, key);
    case KIND_FREED: rt_freed_map();
    default: return assign_gen(h, key);
    }
}

/* ---- deletion ---- */
INLINE void clear_cell(struct gomap *h, char *b, unsigned i, int kind)
{
    char *k = key_at_kind(h, b, i, kind), *v = val_at_kind(h, b, i, kind);
    if (kind == KIND_GENERIC && (h->ind & IND_KEY)) {
        rt_free(*(void **)k, h->keysize);
        *(void **)k = NULL;
    }
    if (kind != KIND_K8V8 && UNLIKELY(h->ind & IND_VAL)) {
        rt_free(*(void **)v, h->valsize);
        *(void **)v = NULL;
    }
    if (kind == KIND_STR && UNLIKELY(h->ind & IND_STRCOPY)) {
        gostring *s = (gostring *)k;
        if (s->len) rt_free((void *)s->ptr, s->len);
        s->ptr = NULL;
    }
    set_tophash(b, i, EMPTY_ONE);   /* the value is zeroed when the cell is reused */
}

/* After cell (b, i) of the chain starting at borig became empty: if nothing
 * follows it, turn it and the empty cells before it into EMPTY_REST. */
/* The cells of b are all EMPTY_REST now: go on backwards through the chain
 * from borig, turning trailing EMPTY_ONE cells into EMPTY_REST (rare). */
static void mark_empty_rest_back(struct gomap *h, char *borig, char *b)
{
    while (b != borig) {
        char *c = b;
        for (b = borig; overflow_of(h, b) != c; b = overflow_of(h, b)) {}
        for (unsigned i = BUCKET_CNT; i-- > 0;) {
            if (tophash_of(b)[i] != EMPTY_ONE) return;
            tophash_of(b)[i] = EMPTY_REST;
        }
    }
}

/* After cell (b, i) of the chain starting at borig became empty (EMPTY_ONE):
 * if nothing follows it, turn it and the empty cells before it into EMPTY_REST.
 * Within b this is one word update: the run of EMPTY_ONE bytes below i ends at
 * the highest byte below i that is not EMPTY_ONE. */
INLINE void mark_empty_rest(struct gomap *h, char *borig, char *b, unsigned i, int kind)
{
    if (i < BUCKET_CNT - 1) {
        if (tophash_of(b)[i + 1] != EMPTY_REST) return;
    } else {
        char *o = overflow_of_kind(h, b, kind);
        if (o && tophash_of(o)[0] != EMPTY_REST) return;
    }
    uint64_t w = tophash_word(b);
    uint64_t upto_i = i == BUCKET_CNT - 1 ? ~(uint64_t)0 : ((uint64_t)1 << (8 * (i + 1))) - 1;
    uint64_t below_i = ((uint64_t)1 << (8 * i)) - 1;
    uint64_t keep = ~match_byte(w, EMPTY_ONE) & MSB & below_i;   /* bytes < i not EMPTY_ONE */
    if (keep) {
        unsigned p = (unsigned)(63 - __builtin_clzll(keep)) >> 3;
        w &= ~(upto_i & ~(((uint64_t)1 << (8 * (p + 1))) - 1));   /* bytes p+1..i := 0 */
        memcpy(b, &w, 8);
        return;
    }
    w &= ~upto_i;   /* bytes 0..i */
    memcpy(b, &w, 8);
    if (UNLIKELY(b != borig)) mark_empty_rest_back(h, borig, b);
}

INLINE bool delete_kind(struct gomap *h, const void *key, int kind)
{
    uint8_t f = flags_get(h);
    if (UNLIKELY(f & F_WRITING)) rt_fatal("concurrent map writes");
    uint64_t hash = key_hash(h, key, kind);
    flags_set(h, flags_get(h) ^ F_WRITING);
    uintptr_t bucket = hash & bucket_mask(h->B);
    struct held_key held;
    held.heap = NULL;
    held.heap_len = 0;
    if (UNLIKELY(h->oldbuckets != NULL)) {
        const void *ins;
        key = hold_key(h, key, kind, &held, &ins);   /* the step may free it */
        grow_work(h, bucket);
    }
    char *b = bucket_at_kind(h, h->buckets, bucket, kind), *borig = b;
    uint8_t top = tophash(hash);
    bool found = false;
    for (; b; b = overflow_of_kind(h, b, kind)) {
        for (unsigned m = match_cells(b, top); m; m &= m - 1) {
            unsigned i = first_cell(m);
            if (!key_equal(h, key, key_at_kind(h, b, i, kind), kind)) continue;
            clear_cell(h, b, i, kind);
            mark_empty_rest(h, borig, b, i, kind);
            if (--h->count == 0) h->hash0 = new_seed();   /* reset to resist collision attacks */
            found = true;
            goto out;
        }
        if (tophash_of(b)[BUCKET_CNT - 1] == EMPTY_REST) break;
    }
out:
    release_key(&held);
    bury_if_idle(h);
    end_write(h);
    return found;
}

NOINLINE bool delete_k4(struct gomap *h, const void *key) { return delete_kind(h, key, KIND_K4); }
NOINLINE bool delete_k8(struct gomap *h, const void *key) { return delete_kind(h, key, KIND_K8); }
NOINLINE bool delete_str(struct gomap *h, const void *key) { return delete_kind(h, key, KIND_STR); }
NOINLINE bool delete_gen(struct gomap *h, const void *key) { return delete_kind(h, key, KIND_GENERIC); }

NOINLINE bool delete_k8v8(struct gomap *h, const void *key) { return delete_kind(h, key, KIND_K8V8); }

/* The common KIND_K8V8 delete, call-free: not growing, no graveyard, the map
 * not emptied by it (no new seed), and the key found in its first bucket or
 * absent from a bucket without a chain.  Returns -1, having changed nothing,
 * for everything else (delete_kind's business). */
INLINE int delete_fast_k8v8(struct gomap *h, const void *key)
{
    if (UNLIKELY((flags_get(h) & F_WRITING) || h->oldbuckets != NULL || h->extra != NULL
                 || h->count <= 1))
        return -1;
    uint64_t hash = key_hash(h, key, KIND_K8V8);
    char *b = bucket_at_kind(h, h->buckets, hash & bucket_mask(h->B), KIND_K8V8);
    prefetch_bucket(h, b, KIND_K8V8, 1);
    for (unsigned m = match_cells(b, tophash(hash)); m; m &= m - 1) {
        unsigned i = first_cell(m);
        if (LIKELY(key_equal(h, key, key_at_kind(h, b, i, KIND_K8V8), KIND_K8V8))) {
            flags_set(h, flags_get(h) ^ F_WRITING);
            clear_cell(h, b, i, KIND_K8V8);
            mark_empty_rest(h, b, b, i, KIND_K8V8);   /* first bucket: no walk back */
            h->count--;
            end_write(h);
            return 1;
        }
    }
    if (tophash_of(b)[BUCKET_CNT - 1] != EMPTY_REST && overflow_of_kind(h, b, KIND_K8V8) != NULL)
        return -1;
    flags_set(h, flags_get(h) ^ F_WRITING);   /* as mapdelete: a write, even when absent */
    end_write(h);
    return 0;
}

bool gomap_delete(gomap *m, const void *key)
{
    struct gomap *h = m;
    if (h == NULL || h->count == 0) return false;   /* (a freed header's count is not 0) */
    if (LIKELY(h->kind == KIND_K8V8)) {
        int r = delete_fast_k8v8(h, key);
        return r >= 0 ? r : delete_k8v8(h, key);
    }
    switch (h->kind) {
    case KIND_K8: return delete_k8(h, key);
    case KIND_STR: return delete_str(h, key);
    case KIND_K4: return delete_k4(h, key);
    case KIND_FREED: rt_freed_map();
    default: return delete_gen(h, key);
    }
}

/* ---- clear and free ---- */

/* Mark every cell of an array's chains evacuated-empty: what a paused iterator
 * finds in an array retired by gomap_clear. */
static void mark_array_gone(struct gomap *h, char *arr, uint8_t B)
{
    for (uintptr_t i = 0, n = bucket_shift(B); i < n; i++)
        for (char *o = bucket_at(h, arr, i); o; o = overflow_of(h, o))
            memset(tophash_of(o), EVAC_EMPTY, BUCKET_CNT);
}

/* Free (or, with live iterators, retire emptied) the malloc'd overflow buckets
 * of the current array, after freeing what all its cells own. */
static void release_current_cells(struct gomap *h, bool live)
{
    char *arr = h->buckets;
    for (uintptr_t i = 0, n = bucket_shift(h->B); i < n; i++) {
        char *b = bucket_at(h, arr, i), *o;
        free_cells(h, b);
        for (o = overflow_of(h, b), *overflow_slot(h, b) = NULL; o;) {
            char *next = overflow_of(h, o);
            free_cells(h, o);
            if (!in_array(h, arr, h->B, o)) {
                if (live) {
                    memset(tophash_of(o), EMPTY_REST, BUCKET_CNT);
                    *overflow_slot(h, o) = NULL;
                    retire(h, o, GRAVE_BUCKET, 0, false, h->array_id);
                } else {
                    rt_free(o, h->bucketsize);
                }
            }
            o = next;
        }
    }
}

/* Go 1.19's mapclear: empty the map, keep its bucket array and B, new seed. */
void gomap_clear(gomap *m)
{
    struct gomap *h = m;
    if (h == NULL) return;
    check_not_freed(h);
    if (h->count == 0) return;
    begin_write(h);
    bury_if_idle(h);
    bool live = iterators_live(h);
    if (h->oldbuckets) {
        char *old = h->oldbuckets;
        uint8_t B = old_B(h);
        bool given = h->own & OWN_OLD_GIVEN;
        if (live) {
            for (uintptr_t i = 0, n = bucket_shift(B); i < n; i++)
                for (char *o = bucket_at(h, old, i); o; o = overflow_of(h, o)) free_cells(h, o);
            mark_array_gone(h, old, B);
            retire(h, old, GRAVE_ARRAY, B, given, h->array_id - 1);
        } else {
            free_array(h, old, B, given, true);
        }
        h->oldbuckets = NULL;
        h->own &= ~OWN_OLD_GIVEN;
    }
    release_current_cells(h, live);
    h->own &= ~OWN_OVF_MALLOC;
    /* The emptied array starts a new generation: reclaiming the overflow buckets
     * just retired must not condemn iterators started after this clear. */
    if (live) h->array_id++;
    flags_set(h, flags_get(h) & ~F_SAMESIZE);
    h->nevacuate = 0;
    h->noverflow = 0;
    h->count = 0;
    h->hash0 = new_seed();
    h->buckets = make_bucket_array(h, h->B, h->buckets, &h->next_overflow);
    /* A paused iterator may stand in a spare bucket: handing it out again would
     * chain it behind another bucket, which the iterator would then see twice.
     * The spares stay unused until the next growth. */
    if (live) h->next_overflow = NULL;
    end_write(h);
}

/* What gomap_free leaves in a header: KIND_FREED, which every entry point's kind
 * dispatch stops at, and a count that is not 0, so that the early returns for an
 * empty map (here and in compiled code's inline paths) go on to that dispatch;
 * no buckets, so inline paths reading them take the runtime's way.  A header in
 * caller storage keeps it until its storage is reused (the frame ends, or
 * gomap_make_on builds a new map there).  A heap header gets it just before it
 * goes back to malloc, which leaves those bytes alone (glibc reuses the first
 * 16), so it is seen until malloc hands the memory out again; under
 * AddressSanitizer the read of the freed header is reported as a
 * heap-use-after-free first. */
static const struct gomap freed_header = { .count = 1, .kind = KIND_FREED };

/* *h = freed_header, as six 16-byte stores: GCC writes the struct assignment,
 * mostly zeros, with `rep stos`, whose start-up alone costs a short-lived map
 * more than the rest of its gomap_free. */
INLINE void set_freed(struct gomap *h)
{
    typedef uint64_t u64x2 __attribute__((vector_size(16), may_alias));
    _Static_assert(sizeof *h == 6 * sizeof(u64x2), "set_freed writes the header as six vectors");
    u64x2 z = { 0, 0 }, *p = (u64x2 *)(void *)h;   /* (not a loop: GCC makes it a memset) */
    memcpy(p, &z, 16); memcpy(p + 1, &z, 16); memcpy(p + 2, &z, 16);
    memcpy(p + 3, &z, 16); memcpy(p + 4, &z, 16); memcpy(p + 5, &z, 16);
    h->count = freed_header.count;
    h->kind = freed_header.kind;
}

/* Every case of gomap_free but its fast one. */
static __attribute__((noinline)) void free_map(struct gomap *h)
{
    check_not_freed(h);
    if (flags_get(h) & F_WRITING) rt_fatal("concurrent map writes");
    if (h->extra) {
        bury(h);
        rt_free(h->extra, sizeof *h->extra);
    }
    if (h->oldbuckets) free_array(h, h->oldbuckets, old_B(h), h->own & OWN_OLD_GIVEN, true);
    if (h->buckets && (current_owns(h) || !(h->own & OWN_BUCKET_GIVEN)))
        free_array(h, h->buckets, h->B, h->own & OWN_BUCKET_GIVEN, current_owns(h));
    else if (h->buckets)
        poison_given(h->buckets, array_bytes(h, h->B));
    bool given = h->own & OWN_HMAP_GIVEN;
    set_freed(h);
    if (!given) rt_free(h, sizeof *h);
}

void gomap_free(gomap *m)
{
    struct gomap *h = m;
    if (h == NULL) return;
    /* A stack map's usual end: header and first bucket given and the map still in
     * that bucket (a growth takes OWN_BUCKET_GIVEN away), owning nothing else
     * (current_owns false, no iterator storage, no growth): free_map's steps
     * come down to poisoning the bucket and marking the header, without a call. */
    if (LIKELY(h->own == (OWN_HMAP_GIVEN | OWN_BUCKET_GIVEN) && h->extra == NULL
               && h->oldbuckets == NULL && !(h->ind & (IND_BOTH | IND_STRCOPY))
               && h->kind != KIND_FREED && !(flags_get(h) & F_WRITING))) {
        poison_given(h->buckets, array_bytes(h, h->B));
        set_freed(h);
        return;
    }
    free_map(h);
}

/* ---- test-only introspection (gomap_debug.h) ---- */
#include "gomap_debug.h"

void gomap_debug_info(const gomap *m, gomap_debug *out)
{
    const struct gomap *h = m;
    memset(out, 0, sizeof *out);
    if (h == NULL) return;
    out->B = h->B;
    out->noverflow = h->noverflow;
    out->growing = h->oldbuckets != NULL;
    out->same_size = flags_get(h) & F_SAMESIZE;
    out->iters = __atomic_load_n(&h->iters, __ATOMIC_RELAXED);
    out->hmap_given = h->own & OWN_HMAP_GIVEN;
    out->bucket_given = h->own & (OWN_BUCKET_GIVEN | OWN_OLD_GIVEN);
    if (h->extra)
        for (struct gomap_grave *g = h->extra->graves; g; g = g->next) out->graves++;
    out->reclaimed = h->extra ? h->extra->reclaimed : 0;
    if (h->buckets)
        for (uintptr_t i = 0, n = bucket_shift(h->B); i < n; i++)
            for (char *o = overflow_of(h, bucket_at(h, h->buckets, i)); o; o = overflow_of(h, o))
                out->overflow++;
}

/* ---- entry points for compiled code, by key kind (gomap.h) ----
 * The escape plugin calls these in place of gomap_access / gomap_assign /
 * gomap_delete when the map's descriptor is known at compile time (Go's
 * mapaccess1_fast32/fast64/faststr): the key comes by value in a register, and
 * the kind dispatch is one compare.  A map of another kind (a descriptor that
 * does not match the entry point) takes the generic path with the key's
 * address, so the semantics are gomap_access's / gomap_assign's /
 * gomap_delete's in every case. */
_Static_assert(offsetof(struct gomap, count) == offsetof(struct gomap_fast_hdr, count)
               && offsetof(struct gomap, flags) == offsetof(struct gomap_fast_hdr, flags)
               && offsetof(struct gomap, B) == offsetof(struct gomap_fast_hdr, B)
               && offsetof(struct gomap, B) == offsetof(struct gomap, flags) + 1
               && offsetof(struct gomap, hash0) == offsetof(struct gomap_fast_hdr, hash0)
               && offsetof(struct gomap, buckets) == offsetof(struct gomap_fast_hdr, buckets)
               && offsetof(struct gomap, oldbuckets) == offsetof(struct gomap_fast_hdr, oldbuckets),
               "gomap_fast.h's view of the header");
_Static_assert(GOMAP_FAST_WRITING == F_WRITING && GOMAP_FAST_MIN_TOPHASH == MIN_TOPHASH,
               "gomap_fast.h's constants");

/* Everything but the hashed lookup of a K8V8 map: the key's address is taken
 * only here, so the hot path below keeps it in a register (no frame, no spill). */
NOINLINE void *access_fast64_other(const struct gomap *h, uint64_t key)
{
    if (LIKELY(h->kind == KIND_K8V8))
        return h->B == 0 ? access_one_k8v8(h, &key) : access_k8v8(h, &key);
    if (h->kind == KIND_K8) return h->B == 0 ? access_one_k8(h, &key) : access_k8(h, &key);
    return gomap_access(h, &key);
}

void *gomap_access_fast64(const gomap *m, uint64_t key)
{
    const struct gomap *h = m;
    if (h == NULL) return NULL;
    /* (no count == 0 test first: with B != 0 the buckets exist, and an empty map's
     * lookup finds nothing; a freed header's kind is not K8V8) */
    if (LIKELY(h->kind == KIND_K8V8 && h->B != 0 && !(flags_get(h) & F_WRITING))) {
        char *k;
        return lookup(h, &key, KIND_K8V8, &k);   /* access_kind's, the key by value */
    }
    if (h->count == 0) return NULL;
    return access_fast64_other(h, key);
}

void *gomap_access_fast32(const gomap *m, uint32_t key)
{
    const struct gomap *h = m;
    if (h == NULL || h->count == 0) return NULL;
    if (LIKELY(h->kind == KIND_K4))
        return h->B == 0 ? access_one_k4(h, &key) : access_kind(h, &key, KIND_K4);
    return gomap_access(m, &key);
}

void *gomap_access_faststr(const gomap *m, gostring key)
{
    const struct gomap *h = m;
    if (h == NULL || h->count == 0) return NULL;
    if (LIKELY(h->kind == KIND_STR)) return h->B == 0 ? access_one_str(h, &key) : access_str(h, &key);
    return gomap_access(m, &key);
}

void *gomap_access2_fast64(const gomap *m, uint64_t key, bool *found)
{
    void *v = gomap_access_fast64(m, key);
    *found = v != NULL;
    return v;
}
void *gomap_access2_fast32(const gomap *m, uint32_t key, bool *found)
{
    void *v = gomap_access_fast32(m, key);
    *found = v != NULL;
    return v;
}
void *gomap_access2_faststr(const gomap *m, gostring key, bool *found)
{
    void *v = gomap_access_faststr(m, key);
    *found = v != NULL;
    return v;
}

/* gomap_assign_fast64's calls that take the key's address, out of line (see
 * access_fast64_other): assign_slow_k8v8, and every map but K8V8. */
NOINLINE void *assign_slow_k8v8_val(struct gomap *h, uint64_t key, uint64_t hash)
{
    return assign_slow_k8v8(h, &key, hash);
}
NOINLINE void *assign_fast64_other(struct gomap *h, uint64_t key)
{
    if (h->kind == KIND_K8) return assign_kind(h, &key, KIND_K8);
    return gomap_assign(h, &key);
}

void *gomap_assign_fast64(gomap *m, uint64_t key)
{
    struct gomap *h = m;
    if (UNLIKELY(h == NULL)) rt_panic("assignment to entry in nil map");
    if (LIKELY(h->kind == KIND_K8V8)) return assign_kind_slow(h, &key, KIND_K8V8, assign_slow_k8v8_val);
    return assign_fast64_other(h, key);
}

void *gomap_assign_fast32(gomap *m, uint32_t key)
{
    struct gomap *h = m;
    if (UNLIKELY(h == NULL)) rt_panic("assignment to entry in nil map");
    if (LIKELY(h->kind == KIND_K4)) return assign_kind(h, &key, KIND_K4);
    return gomap_assign(m, &key);
}

void *gomap_assign_faststr(gomap *m, gostring key)
{
    struct gomap *h = m;
    if (UNLIKELY(h == NULL)) rt_panic("assignment to entry in nil map");
    if (LIKELY(h->kind == KIND_STR)) return assign_kind(h, &key, KIND_STR);
    return gomap_assign(m, &key);
}

/* The rest of gomap_delete_fast64, where the key's address is taken (see
 * access_fast64_other). */
NOINLINE bool delete_fast64_other(struct gomap *h, uint64_t key)
{
    if (LIKELY(h->kind == KIND_K8V8)) return delete_k8v8(h, &key);
    if (h->kind == KIND_K8) return delete_kind(h, &key, KIND_K8);
    return gomap_delete(h, &key);
}

bool gomap_delete_fast64(gomap *m, uint64_t key)
{
    struct gomap *h = m;
    if (h == NULL || h->count == 0) return false;
    if (LIKELY(h->kind == KIND_K8V8)) {
        int r = delete_fast_k8v8(h, &key);
        if (LIKELY(r >= 0)) return r;
    }
    return delete_fast64_other(h, key);
}

bool gomap_delete_fast32(gomap *m, uint32_t key)
{
    struct gomap *h = m;
    if (h == NULL || h->count == 0) return false;
    if (LIKELY(h->kind == KIND_K4)) return delete_kind(h, &key, KIND_K4);
    return gomap_delete(m, &key);
}

bool gomap_delete_faststr(gomap *m, gostring key)
{
    struct gomap *h = m;
    if (h == NULL || h->count == 0) return false;
    if (LIKELY(h->kind == KIND_STR)) return delete_kind(h, &key, KIND_STR);
    return gomap_delete(m, &key);
}
