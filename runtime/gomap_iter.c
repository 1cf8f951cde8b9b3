/* gomap_iter.c - map iteration (Go's mapiterinit / mapiternext).
 *
 * An iterator walks the bucket array that was current when it started
 * (it->buckets, 2^it->B buckets), from a random bucket, visiting each bucket's
 * cells from a random offset and then its overflow chain.  Entries are never
 * moved inside their bucket, so writes between steps neither hide nor repeat
 * them.  During a growth:
 *  - an iterator started on the new array (it->buckets == h->buckets) reads an
 *    old bucket instead of the new one while the old one is not evacuated yet,
 *    and then returns only the old entries that belong to the new bucket it
 *    stands for (check_bucket: they split between two new buckets);
 *  - an iterator whose array has been evacuated meanwhile finds the cells marked
 *    EVAC_X / EVAC_Y, and looks each key up again to return its current value,
 *    or nothing if it was deleted.
 * The runtime keeps such arrays alive for it (see "Memory without a garbage
 * collector" in gomap.c): h->iters counts iterators until they reach their end.
 */
#include "gomap_internal.h"

#define NO_CHECK UINTPTR_MAX

void gomap_iter_init(gomap_iter *it, gomap *m)
{
    struct gomap *h = m;
    memset(it, 0, sizeof *it);
    if (h == NULL) return;   /* it->h == NULL: already at the end */
    check_not_freed(h);
    if (h->count == 0) return;
    if (flags_get(h) & F_WRITING) rt_fatal("concurrent map iteration and map write");
    it->h = h;
    it->B = h->B;
    it->buckets = h->buckets;
    uint64_t r = rt_rand();
    it->start_bucket = r & bucket_mask(h->B);
    it->offset = (uint8_t)((r >> h->B) & (BUCKET_CNT - 1));
    it->bucket = it->start_bucket;
    it->check_bucket = NO_CHECK;
    /* the arrays it may read: its own, and the old one if a growth is under way */
    it->gen = h->array_id - (h->oldbuckets ? 1 : 0);
    /* Remember that an iterator may use h->buckets (and h->oldbuckets).  Iterators
     * may start concurrently with each other, hence the atomic or. */
    if ((flags_get(h) & (F_ITER | F_OLDITER)) != (F_ITER | F_OLDITER))
        __atomic_fetch_or(&h->flags, F_ITER | F_OLDITER, __ATOMIC_RELAXED);
    __atomic_fetch_add(&h->iters, 1, __ATOMIC_RELAXED);
}

/* Whether storage this iterator may read was reclaimed (the graveyard cap in
 * gomap.c, reached when iterators abandoned before their end pile up). */
static bool reclaimed(const struct gomap *h, const gomap_iter *it)
{
    return it->gen <= gomap_reclaimed_id(h);
}

static __attribute__((noreturn, cold)) void iter_reclaimed(const gomap_iter *it)
{
    rt_throw("gomap: iteration over %s resumed after its bucket array was reclaimed "
             "(too many iterators were left unfinished while the map grew; run "
             "iterations to their end)", it->h->t->name ? it->h->t->name : "map");
}

static bool iter_end(gomap_iter *it, void **key, void **val)
{
    if (it->h) __atomic_fetch_sub(&it->h->iters, 1, __ATOMIC_RELAXED);
    it->h = NULL;
    it->key = it->elem = NULL;
    it->bptr = NULL;
    if (key) *key = NULL;
    if (val) *val = NULL;
    return false;
}

/* The next bucket of a chain.  A spare bucket's end marker points at its array's
 * first bucket, which no chain ever contains: after gomap_clear re-zeroed an
 * array under a paused iterator, that marker may be what it finds. */
INLINE char *next_in_chain_kind(const struct gomap *h, const gomap_iter *it, char *b, int kind)
{
    char *o = overflow_of_kind(h, b, kind);
    if (o == it->buckets || o == h->buckets || o == h->oldbuckets) return NULL;
    return o;
}
static char *next_in_chain(const struct gomap *h, const gomap_iter *it, char *b)
{
    return next_in_chain_kind(h, it, b, KIND_GENERIC);
}

/* First bucket to walk for bucket index `bucket`; sets *check. */
static char *enter_bucket(const struct gomap *h, const gomap_iter *it, uintptr_t bucket,
                          uintptr_t *check)
{
    *check = NO_CHECK;
    if (h->oldbuckets && it->B == h->B && it->buckets == h->buckets) {
        /* started during this growth: use the old bucket while not evacuated */
        uint8_t oldB = (flags_get(h) & F_SAMESIZE) ? h->B : (uint8_t)(h->B - 1);
        uintptr_t oldbucket = bucket & bucket_mask(oldB);
        char *b = bucket_at(h, h->oldbuckets, oldbucket);
        if (!evacuated(b)) {
            *check = bucket;
            return b;
        }
    }
    return bucket_at(h, it->buckets, bucket);
}

/* Return cell `cell` of bucket b, the iterator's j-th, from bucket index
 * `bucket` (the next to enter). */
INLINE bool iter_yield(gomap_iter *it, struct gomap *h, char *b, uintptr_t bucket, unsigned j,
                       unsigned cell, void **key, void **val, int kind)
{
    char *k = kind == KIND_K8V8 ? key_at_kind(h, b, cell, kind) : deref_key(h, key_at(h, b, cell));
    char *v = deref_val_kind(h, val_at_kind(h, b, cell, kind), kind);
    it->key = k;
    it->elem = v;
    it->bucket = bucket;
    it->bptr = b;
    it->i = (uint8_t)(j + 1);
    if (key) *key = k;
    if (val) *val = v;
    return true;
}

/* The iterator's candidates in bucket b from its j-th cell on: bit j stands for
 * cell (j + offset) & 7 (the filled-cell mask rotated right by the offset). */
INLINE unsigned iter_cells(const char *b, unsigned off, unsigned from)
{
    unsigned m = filled_cells(b);
    return ((m | m << 8) >> off) & (0xffu << from) & 0xffu;
}

/* The common case: no growth under way or since the iterator started, and it
 * does not stand in an old bucket (check_bucket).  Then every cell it reaches
 * is filled or empty, so the next filled cell of a bucket, in the iterator's
 * rotated order, is found in one step from the tophash bytes.  The first test
 * is the commonest step: another cell of the same bucket. */
INLINE bool iter_next_simple(gomap_iter *it, struct gomap *h, void **key, void **val, int kind)
{
    uintptr_t bucket = it->bucket;
    char *b = it->bptr;
    unsigned off = it->offset, m;
    if (LIKELY(b != NULL)) {
        m = iter_cells(b, off, it->i);
        if (LIKELY(m)) goto found;
        b = next_in_chain_kind(h, it, b, kind);
    }
    for (;;) {
        if (b == NULL) {
            if (bucket == it->start_bucket && it->wrapped) return iter_end(it, key, val);
            b = bucket_at_kind(h, it->buckets, bucket, kind);
            /* walks are sequential: fetch a few buckets ahead (past the array's
             * end this is a harmless hint) */
            __builtin_prefetch((const void *)((uintptr_t)b + 4 * bucketsize_kind(h, kind)));
            if (++bucket == bucket_shift(it->B)) {
                bucket = 0;
                it->wrapped = 1;
            }
        }
        m = iter_cells(b, off, 0);
        if (m) goto found;
        b = next_in_chain_kind(h, it, b, kind);
    }
found:;
    unsigned j = first_cell(m);
    return iter_yield(it, h, b, bucket, j, (j + off) & (BUCKET_CNT - 1), key, val, kind);
}

static __attribute__((noinline)) bool iter_next_slow(gomap_iter *it, struct gomap *h, void **key,
                                                     void **val);

/* Whether the simple path applies: no growth under way or since the start. */
INLINE bool iter_simple(const gomap_iter *it, const struct gomap *h)
{
    return h->oldbuckets == NULL && it->buckets == h->buckets && it->B == h->B
           && it->check_bucket == NO_CHECK;
}

static __attribute__((noinline)) bool iter_next_any(gomap_iter *it, void **key, void **val)
{
    struct gomap *h = it->h;
    if (h == NULL) return iter_end(it, key, val);
    check_not_freed(h);
    if (UNLIKELY(flags_get(h) & F_WRITING)) rt_fatal("concurrent map iteration and map write");
    if (UNLIKELY(h->extra != NULL) && reclaimed(h, it)) iter_reclaimed(it);
    if (LIKELY(iter_simple(it, h)))
        return h->kind == KIND_K8V8 ? iter_next_simple(it, h, key, val, KIND_K8V8)
                                    : iter_next_simple(it, h, key, val, KIND_GENERIC);
    return iter_next_slow(it, h, key, val);
}

/* The next buckets of a K8V8 map's simple walk (gomap_iter_next checked the
 * conditions), while they have no overflow chain; chains and the end go to
 * iter_next_any with the iterator's state brought up to date. */
static __attribute__((noinline)) bool iter_next_bucket_k8v8(gomap_iter *it, struct gomap *h,
                                                           void **key, void **val)
{
    char *b;
    unsigned off = it->offset, m;
    uintptr_t bucket = it->bucket;
    for (;;) {
        if (UNLIKELY(bucket == it->start_bucket && it->wrapped)) {
            b = NULL;
            break;
        }
        b = bucket_at_kind(h, it->buckets, bucket, KIND_K8V8);
        /* walks are sequential: fetch a few buckets ahead (past the array's end
         * this is a harmless hint) */
        __builtin_prefetch((const void *)((uintptr_t)b + 4 * K8V8_BUCKETSIZE));
        if (++bucket == bucket_shift(it->B)) {
            bucket = 0;
            it->wrapped = 1;
        }
        m = iter_cells(b, off, 0);
        if (LIKELY(m)) {
            unsigned j = first_cell(m);
            return iter_yield(it, h, b, bucket, j, (j + off) & (BUCKET_CNT - 1), key, val,
                              KIND_K8V8);
        }
        if (overflow_of_kind(h, b, KIND_K8V8) != NULL) break;
    }
    it->bptr = b;   /* b's cells are done: its chain (or the end) is next */
    it->bucket = bucket;
    it->i = BUCKET_CNT;
    return iter_next_any(it, key, val);
}

/* The common steps of a K8V8 map's iteration (nothing to release, not writing,
 * the simple case) as leaf functions: the next cell of the bucket here, the
 * next buckets without chains in iter_next_bucket_k8v8; every other case in
 * iter_next_any. */
bool gomap_iter_next(gomap_iter *it, void **key, void **val)
{
    struct gomap *h = it->h;
    char *b = it->bptr;
    /* (it->B == h->B, part of iter_simple, follows here from the array being
     * the same: without graves, no array an iterator may read was ever freed,
     * so the address was not reused, and an array keeps its B.) */
    if (LIKELY(h != NULL && h->kind == KIND_K8V8 && h->extra == NULL
               && !(flags_get(h) & F_WRITING) && h->oldbuckets == NULL
               && it->buckets == h->buckets && it->check_bucket == NO_CHECK)) {
        if (b == NULL) return iter_next_bucket_k8v8(it, h, key, val);
        unsigned off = it->offset, m = iter_cells(b, off, it->i);
        if (LIKELY(m)) {
            unsigned j = first_cell(m);
            return iter_yield(it, h, b, it->bucket, j, (j + off) & (BUCKET_CNT - 1), key, val,
                              KIND_K8V8);
        }
        if (overflow_of_kind(h, b, KIND_K8V8) == NULL) return iter_next_bucket_k8v8(it, h, key, val);
    }
    return iter_next_any(it, key, val);
}

/* mapiternext in full: growth under way or since the start. */
static bool iter_next_slow(gomap_iter *it, struct gomap *h, void **key, void **val)
{
    uintptr_t bucket = it->bucket, check = it->check_bucket;
    char *b = it->bptr;
    unsigned i = it->i;
    for (;;) {
        if (b == NULL) {
            if (bucket == it->start_bucket && it->wrapped) return iter_end(it, key, val);
            b = enter_bucket(h, it, bucket, &check);
            if (++bucket == bucket_shift(it->B)) {
                bucket = 0;
                it->wrapped = 1;
            }
            i = 0;
        }
        for (; i < BUCKET_CNT; i++) {
            unsigned offi = (i + it->offset) & (BUCKET_CNT - 1);
            uint8_t top = tophash_of(b)[offi];
            if (is_empty(top) || top == EVAC_EMPTY) continue;
            char *k = deref_key(h, key_at(h, b, offi)), *v;
            if (UNLIKELY(k == NULL || (h->kind == KIND_STR && ((gostring *)k)->len
                                       && ((gostring *)k)->ptr == NULL)))
                rt_throw("gomap: iterator reached a released key");
            if (check != NO_CHECK && !(flags_get(h) & F_SAMESIZE)) {
                /* an old bucket standing for new bucket `check`: only its half */
                if ((key_hash(h, k, h->kind) & bucket_mask(it->B)) != check) continue;
            }
            if (top != EVAC_X && top != EVAC_Y) {
                v = deref_val(h, val_at(h, b, offi));
            } else {
                /* moved by a growth: find its current value, or skip it if deleted */
                k = map_lookup_kv(h, k, &v);
                if (k == NULL) continue;
            }
            it->key = k;
            it->elem = v;
            it->bucket = bucket;
            it->bptr = b;
            it->i = (uint8_t)(i + 1);
            it->check_bucket = check;
            if (key) *key = k;
            if (val) *val = v;
            return true;
        }
        b = next_in_chain(h, it, b);
        i = 0;
    }
}
