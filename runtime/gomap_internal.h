/* gomap_internal.h - private declarations shared by the map runtime's files:
 * the header (struct gomap, Go's hmap), tophash and flag constants, bucket
 * addressing, the 8-byte tophash match, allocation accounting and fatal errors.
 * gomap.c holds the design comment.
 */
#ifndef GOMAP_INTERNAL_H
#define GOMAP_INTERNAL_H

#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include "gomap.h"
#include "wyhash.h"

#define INLINE   static inline __attribute__((always_inline))
#define LIKELY(x)   __builtin_expect(!!(x), 1)
#define UNLIKELY(x) __builtin_expect(!!(x), 0)

enum { BUCKET_CNT = GOMAP_BUCKET_SLOTS };

/* tophash values; a few are reserved as marks, as in Go. */
enum {
    EMPTY_REST  = 0,   /* empty, and nothing non-empty at higher indexes or overflows */
    EMPTY_ONE   = 1,   /* empty */
    EVAC_X      = 2,   /* evacuated to the first half of the larger table */
    EVAC_Y      = 3,   /* evacuated to the second half */
    EVAC_EMPTY  = 4,   /* empty, and the bucket is evacuated */
    MIN_TOPHASH = 5,   /* smallest tophash of a filled cell */
};

/* h->flags (Go's flags) */
enum {
    F_ITER     = 1,    /* there may be an iterator using buckets */
    F_OLDITER  = 2,    /* there may be an iterator using oldbuckets */
    F_WRITING  = 4,    /* a thread is writing the map */
    F_SAMESIZE = 8,    /* the current growth is to a table of the same size */
};

/* h->own: who owns which storage (kept apart from flags, which races touch) */
enum {
    OWN_HMAP_GIVEN   = 1,  /* the header is caller storage (gomap_make_on) */
    OWN_BUCKET_GIVEN = 2,  /* h->buckets is the caller's bucket */
    OWN_OLD_GIVEN    = 4,  /* h->oldbuckets is the caller's bucket */
    OWN_OVF_MALLOC   = 8,  /* h->buckets may have malloc'd overflow buckets chained */
};

/* h->kind selects the specialised code paths (Go's mapaccess1_fast32/64/faststr);
 * KIND_K8V8 is KIND_K8 with 8-byte direct values, whose whole bucket layout is
 * constant (the commonest map, and the benchmarks'). */
enum { KIND_GENERIC, KIND_K4, KIND_K8, KIND_STR, KIND_K8V8,
       KIND_STR32 /* never in h->kind: a KIND_STR lookup of a key of at most 32
                     bytes, compared without a call, in a map whose keys are at
                     offset 8 (key alignment <= 8: every GOMAP_TYPE_STR map) */,
       KIND_FREED = 0xfe /* a map gomap_free released (see freed_header in gomap.c):
                            every entry point's kind dispatch ends in rt_freed_map */ };
enum { K8V8_VALOFF = 72, K8V8_BUCKETSIZE = 144 };

/* h->ind: indirect keys and values; and IND_SLOW, set with either of them or
 * when value slots are over 32 bytes: assign's call-free common case (which
 * zeroes the value slot with at most two stores) does not apply. */
enum { IND_KEY = 1, IND_VAL = 2, IND_SLOW = 4, IND_BOTH = IND_KEY | IND_VAL,
       IND_STRCOPY = 8 /* KIND_STR keys whose bytes the map copies (GOMAP_TF_STRCOPY);
                          set with IND_SLOW, so inserts take the slow path */ };

struct gomap_extra;

struct gomap {
    size_t count;              /* live cells; first, for gomap_len */
    uint8_t flags;             /* F_* */
    uint8_t B;                 /* log2 of the number of buckets */
    uint16_t noverflow;        /* approximate number of overflow buckets */
    uint32_t iters;            /* iterators started and not yet at their end */
    uint64_t hash0;            /* seed in wy_hash form (as after wy_seed) */
    char *buckets;             /* 2^B buckets; NULL while a B=0 map is empty */
    char *oldbuckets;          /* previous array during a growth, else NULL */
    uintptr_t nevacuate;       /* old buckets below this are evacuated */
    char *next_overflow;       /* next free preallocated overflow bucket */
    struct gomap_extra *extra; /* storage paused iterators may read (see gomap.c) */
    const gomap_type *t;
    uint32_t array_id;         /* sequence number of h->buckets; oldbuckets is one less */
    /* the descriptor's layout, computed once by gomap_layout.h */
    uint16_t bucketsize;       /* at most 12288 (alignment <= 4096 is checked) */
    uint16_t valoff;           /* offset of values[0] in a bucket */
    uint32_t keysize;          /* full key and value sizes */
    uint32_t valsize;
    uint16_t keyoff;           /* offset of keys[0] */
    uint8_t kslot;             /* size of a key slot (pointer when indirect) */
    uint8_t vslot;
    uint8_t kind;              /* KIND_* */
    uint8_t ind;               /* IND_* */
    uint8_t own;               /* OWN_* */
    uint8_t align_log;         /* log2 keyalign | log2 valalign << 4 (both <= 4096) */
};

_Static_assert(sizeof(struct gomap) <= GOMAP_HMAP_SIZE, "struct gomap exceeds GOMAP_HMAP_SIZE");
_Static_assert(_Alignof(struct gomap) <= GOMAP_HMAP_ALIGN, "struct gomap alignment");
_Static_assert(BUCKET_CNT == 8, "the tophash match loads the 8 bytes as one word");

/* ---- flags: relaxed atomics, so racing threads are detected, not undefined ---- */
INLINE uint8_t flags_get(const struct gomap *h)
{
    return __atomic_load_n(&h->flags, __ATOMIC_RELAXED);
}
INLINE void flags_set(struct gomap *h, uint8_t f)
{
    __atomic_store_n(&h->flags, f, __ATOMIC_RELAXED);
}

/* ---- buckets ---- */
INLINE uintptr_t bucket_shift(uint8_t B) { return (uintptr_t)1 << (B & 63); }
INLINE uintptr_t bucket_mask(uint8_t B) { return bucket_shift(B) - 1; }
INLINE char *bucket_at(const struct gomap *h, char *arr, uintptr_t i)
{
    return arr + i * h->bucketsize;
}
INLINE uint8_t *tophash_of(char *b) { return (uint8_t *)b; }
INLINE char *key_at(const struct gomap *h, char *b, uintptr_t i)
{
    return b + h->keyoff + i * h->kslot;
}
INLINE char *val_at(const struct gomap *h, char *b, uintptr_t i)
{
    return b + h->valoff + i * h->vslot;
}
INLINE char **overflow_slot(const struct gomap *h, char *b)
{
    return (char **)(b + h->bucketsize - sizeof(void *));
}
INLINE char *overflow_of(const struct gomap *h, char *b) { return *overflow_slot(h, b); }
INLINE bool evacuated(char *b)
{
    uint8_t t = tophash_of(b)[0];
    return t > EMPTY_ONE && t < MIN_TOPHASH;
}
INLINE bool is_empty(uint8_t t) { return t <= EMPTY_ONE; }
INLINE uint8_t tophash(uint64_t hash)
{
    uint8_t top = (uint8_t)(hash >> 56);
    return top < MIN_TOPHASH ? (uint8_t)(top + MIN_TOPHASH) : top;
}
/* number of buckets, preallocated overflow ones included, in an array for B */
INLINE uintptr_t array_buckets(uint8_t B)
{
    return bucket_shift(B) + (B >= 4 ? bucket_shift(B - 4) : 0);
}
/* key/value bytes of slot pointer p */
INLINE void *deref_key(const struct gomap *h, char *p)
{
    return (h->ind & IND_KEY) ? *(void **)p : p;
}
INLINE void *deref_val(const struct gomap *h, char *p)
{
    return (h->ind & IND_VAL) ? *(void **)p : p;
}

/* ---- the 8 tophash bytes as one word ----
 * match_byte: a mask with bit 8i+7 set exactly when byte i equals c (exact, no
 * false positives: the classic SWAR zero-byte test without the borrow). */
#define LSB 0x0101010101010101ull
#define MSB 0x8080808080808080ull
INLINE uint64_t tophash_word(const char *b)
{
    uint64_t w;
    memcpy(&w, b, 8);
    return w;
}
/* Set tophash byte i by rewriting the whole word: the next lookup loads the word,
 * and a load that overlaps a recent 1-byte store cannot be store-forwarded. */
INLINE void set_tophash(char *b, unsigned i, uint8_t top)
{
    uint64_t w = tophash_word(b);
    w = (w & ~((uint64_t)0xff << (8 * i))) | ((uint64_t)top << (8 * i));
    memcpy(b, &w, 8);
}
INLINE uint64_t zero_bytes(uint64_t x)
{
    uint64_t low7 = 0x7f7f7f7f7f7f7f7full;
    return ~(((x & low7) + low7) | x | low7);
}
INLINE uint64_t match_byte(uint64_t w, uint8_t c) { return zero_bytes(w ^ (LSB * c)); }
/* bytes <= EMPTY_ONE, i.e. empty cells */
INLINE uint64_t match_empty(uint64_t w) { return zero_bytes(w & (LSB * 0xfe)); }
INLINE unsigned first_slot(uint64_t mask) { return (unsigned)__builtin_ctzll(mask) >> 3; }

/* The cells of bucket b whose tophash is c (a filled cell's, so never 0), as
 * bits 0..7: one SSE2 byte compare where available (the load zeroes bytes
 * 8..15, which therefore never match). */
INLINE unsigned match_cells(const char *b, uint8_t c)
{
#ifdef __SSE2__
    __m128i w = _mm_loadl_epi64((const __m128i *)(const void *)b);
    return (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(w, _mm_set1_epi8((char)c)));
#else
    uint64_t m = match_byte(tophash_word(b), c) >> 7;   /* bit 8i */
    return (unsigned)((m * 0x0102040810204080ull) >> 56);   /* gather to bits 0..7 */
#endif
}
INLINE unsigned first_cell(unsigned m) { return (unsigned)__builtin_ctz(m); }

/* Empty cells (tophash <= EMPTY_ONE) of bucket b as bits 0..7: min(t, 1) == t
 * with SSE2 (the load's zero bytes 8..15 match too and are masked off). */
INLINE unsigned empty_cells(const char *b)
{
#ifdef __SSE2__
    __m128i w = _mm_loadl_epi64((const __m128i *)(const void *)b);
    __m128i le = _mm_cmpeq_epi8(_mm_min_epu8(w, _mm_set1_epi8(EMPTY_ONE)), w);
    return (unsigned)_mm_movemask_epi8(le) & 0xffu;
#else
    uint64_t m = match_empty(tophash_word(b)) >> 7;
    return (unsigned)((m * 0x0102040810204080ull) >> 56);
#endif
}

/* Filled cells (tophash >= MIN_TOPHASH) of bucket b as bits 0..7: an unsigned
 * byte compare, max(t, MIN_TOPHASH) == t, where SSE2 is available (bytes 8..15
 * of the load are 0, below MIN_TOPHASH); an exact SWAR test elsewhere (below
 * 128, adding 128 - MIN_TOPHASH sets the top bit just for bytes >= MIN_TOPHASH
 * and cannot carry into the next byte). */
INLINE unsigned filled_cells(const char *b)
{
#ifdef __SSE2__
    __m128i w = _mm_loadl_epi64((const __m128i *)(const void *)b);
    __m128i ge = _mm_cmpeq_epi8(_mm_max_epu8(w, _mm_set1_epi8((char)MIN_TOPHASH)), w);
    return (unsigned)_mm_movemask_epi8(ge);
#else
    uint64_t w = tophash_word(b), low7 = 0x7f7f7f7f7f7f7f7full;
    uint64_t m = ((((w & low7) + LSB * (128 - MIN_TOPHASH)) | w) & MSB) >> 7;
    return (unsigned)((m * 0x0102040810204080ull) >> 56);
#endif
}

/* ---- specialised by kind ----
 * KIND_K4 and KIND_K8 maps have their keys at offset 8 (layout_header checks
 * it), so their key slots need no header field. */
INLINE uint64_t load_u64(const void *p) { uint64_t v; memcpy(&v, p, 8); return v; }
INLINE uint64_t load_u32(const void *p) { uint32_t v; memcpy(&v, p, 4); return v; }
INLINE bool is_k8(int kind) { return kind == KIND_K8 || kind == KIND_K8V8; }
INLINE char *key_at_kind(const struct gomap *h, char *b, uintptr_t i, int kind)
{
    switch (kind) {
    case KIND_K4: return b + 8 + i * 4;
    case KIND_K8: case KIND_K8V8: return b + 8 + i * 8;
    case KIND_STR32: return b + 8 + i * sizeof(gostring);
    default: return key_at(h, b, i);
    }
}
INLINE size_t bucketsize_kind(const struct gomap *h, int kind)
{
    return kind == KIND_K8V8 ? K8V8_BUCKETSIZE : h->bucketsize;
}
INLINE char *bucket_at_kind(const struct gomap *h, char *arr, uintptr_t i, int kind)
{
    return arr + i * bucketsize_kind(h, kind);
}
/* A K8V8 bucket (144 bytes) always spans three cache lines, and which cell of it
 * a lookup reads is known only once the first line's tophash word has arrived: a
 * bucket out of cache cost two memory latencies one after the other.  Asking for
 * the other two lines as soon as the bucket's address is known overlaps them (the
 * overflow pointer shares the third line with b + 135).  Only for arrays of at
 * least 2^PREFETCH_MIN_B buckets (576 KiB): a smaller array is in cache, where each
 * instruction counts (bench/README, "1,000,000 keys"). */
#define PREFETCH_MIN_B 12
INLINE void prefetch_bucket(const struct gomap *h, const char *b, int kind, int rw)
{
    if (kind == KIND_K8V8 && h->B >= PREFETCH_MIN_B) {
        if (rw) {
            __builtin_prefetch(b + 64, 1);
            __builtin_prefetch(b + K8V8_BUCKETSIZE - 9, 1);
        } else {
            __builtin_prefetch(b + 64);
            __builtin_prefetch(b + K8V8_BUCKETSIZE - 9);
        }
    }
}
INLINE char *val_at_kind(const struct gomap *h, char *b, uintptr_t i, int kind)
{
    return kind == KIND_K8V8 ? b + K8V8_VALOFF + i * 8 : val_at(h, b, i);
}
INLINE char *overflow_of_kind(const struct gomap *h, char *b, int kind)
{
    return *(char **)(b + bucketsize_kind(h, kind) - sizeof(void *));
}
INLINE void *deref_val_kind(const struct gomap *h, char *p, int kind)
{
    return kind == KIND_K8V8 ? p : deref_val(h, p);
}
INLINE uint64_t key_hash(const struct gomap *h, const void *key, int kind)
{
    switch (kind) {
    case KIND_K4: return wy_hash4((uint32_t)load_u32(key), h->hash0);
    case KIND_K8: case KIND_K8V8: return wy_hash8(load_u64(key), h->hash0);
    case KIND_STR: {
        const gostring *s = key;
        return wy_hash(s->ptr, s->len, h->hash0);
    }
    case KIND_STR32: {
        const gostring *s = key;
        return wy_hash32(s->ptr, s->len, h->hash0);
    }
    default: return wy_hash(key, h->keysize, h->hash0);
    }
}
/* n bytes equal; up to 32 bytes with overlapping word loads, no call */
INLINE bool bytes_equal(const char *a, const char *b, size_t n)
{
    if (n >= 8) {
        if (n > 32) return memcmp(a, b, n) == 0;
        uint64_t d = (load_u64(a) ^ load_u64(b)) | (load_u64(a + n - 8) ^ load_u64(b + n - 8));
        if (n > 16)
            d |= (load_u64(a + 8) ^ load_u64(b + 8)) | (load_u64(a + n - 16) ^ load_u64(b + n - 16));
        return d == 0;
    }
    if (n >= 4) return ((load_u32(a) ^ load_u32(b)) | (load_u32(a + n - 4) ^ load_u32(b + n - 4))) == 0;
    for (size_t i = 0; i < n; i++)
        if (a[i] != b[i]) return false;
    return true;
}

/* n <= 32 bytes equal, no call */
INLINE bool bytes_equal32(const char *a, const char *b, size_t n)
{
    if (n >= 8) {
        uint64_t d = (load_u64(a) ^ load_u64(b)) | (load_u64(a + n - 8) ^ load_u64(b + n - 8));
        if (n > 16)
            d |= (load_u64(a + 8) ^ load_u64(b + 8)) | (load_u64(a + n - 16) ^ load_u64(b + n - 16));
        return d == 0;
    }
    if (n >= 4) return ((load_u32(a) ^ load_u32(b)) | (load_u32(a + n - 4) ^ load_u32(b + n - 4))) == 0;
    if (n == 0) return true;
    return a[0] == b[0] && a[n / 2] == b[n / 2] && a[n - 1] == b[n - 1];
}

/* key: the key's bytes; slot: a key slot of a bucket */
INLINE bool key_equal(const struct gomap *h, const void *key, char *slot, int kind)
{
    switch (kind) {
    case KIND_K4: return load_u32(key) == load_u32(slot);
    case KIND_K8: case KIND_K8V8: return load_u64(key) == load_u64(slot);
    case KIND_STR: {
        const gostring *a = key, *b = (const gostring *)slot;
        return a->len == b->len
               && (a->ptr == b->ptr || bytes_equal(a->ptr, b->ptr, a->len));
    }
    case KIND_STR32: {
        const gostring *a = key, *b = (const gostring *)slot;
        return a->len == b->len
               && (a->ptr == b->ptr || bytes_equal32(a->ptr, b->ptr, a->len));
    }
    default: return memcmp(key, deref_key(h, slot), h->keysize) == 0;
    }
}

/* ---- runtime services (gomap_mem.c) ---- */
void *rt_alloc(size_t n);                 /* zeroed; aborts when out of memory */
void *rt_alloc_aligned(size_t n, size_t align);   /* the same, align-aligned */
void rt_free(void *p, size_t n);
void rt_count_stack(bool bucket);
uint64_t rt_rand(void);                   /* fast per-thread random numbers */

/* The per-thread state behind rt_rand and the counters (gomap_mem.c), exposed
 * so the hot path of gomap_make_on takes a random seed and counts a stack map
 * without a call.  A thread's counter block is on the list gomap_read_memstats
 * sums once `registered`; only its thread writes it (relaxed loads and stores). */
struct rt_stat_block {
    gomap_memstats s;
    struct rt_stat_block *next, **prev;
    bool registered;
};
/* The runtime's per-thread variables use the initial-exec TLS model: an access is
 * one %fs-relative load, where the default model for -fPIC code (the archive is
 * built -fPIC so that it can go into shared objects) is a call to
 * __tls_get_addr, which costs the hot paths their saved registers.  Their
 * 300-odd bytes come from the static TLS block, which glibc also keeps spare
 * room in for libraries loaded with dlopen. */
#define RT_TLS __thread __attribute__((tls_model("initial-exec")))
extern RT_TLS struct rt_stat_block rt_my_stats;
extern RT_TLS uint64_t rt_rand_state;
extern RT_TLS bool rt_rand_seeded;

#define RT_STAT_ADD(st, field, n)                                                      \
    __atomic_store_n(&(st)->field, __atomic_load_n(&(st)->field, __ATOMIC_RELAXED)    \
                                   + (uint64_t)(n), __ATOMIC_RELAXED)

INLINE uint64_t rt_rand_inline(void)
{
    if (UNLIKELY(!rt_rand_seeded)) return rt_rand();
    return wy_rand(&rt_rand_state);
}
INLINE void rt_count_stack_inline(bool bucket)
{
    if (UNLIKELY(!rt_my_stats.registered)) {
        rt_count_stack(bucket);
        return;
    }
    RT_STAT_ADD(&rt_my_stats.s, stack_maps, 1);
    RT_STAT_ADD(&rt_my_stats.s, stack_buckets, bucket);
}
__attribute__((noreturn, cold)) void rt_fatal(const char *msg);   /* "fatal error: " */
__attribute__((noreturn, cold)) void rt_panic(const char *msg);   /* "panic: " */
__attribute__((noreturn, cold)) void rt_throw(const char *fmt, ...);
__attribute__((noreturn, cold)) void rt_freed_map(void);   /* "use of freed map" */

/* Every entry point (and the kind dispatch after a non-zero count, which a freed
 * header has) stops a map released by gomap_free. */
INLINE void check_not_freed(const struct gomap *h)
{
    if (UNLIKELY(h->kind == KIND_FREED)) rt_freed_map();
}

/* ---- shared between gomap.c and gomap_iter.c ---- */
char *map_lookup_kv(struct gomap *h, const void *key, char **val);  /* mapaccessK */
uint32_t gomap_reclaimed_id(const struct gomap *h);   /* see cap_graves */

#endif /* GOMAP_INTERNAL_H */
