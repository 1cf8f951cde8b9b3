/* gomap_fast.h - the one-bucket fast path the escape plugin inlines into compiled
 * code for maps it put on the stack (included by gomap.h; C only).
 *
 * With -fplugin=escape.so, a gomap_access / gomap_assign on a map whose
 * descriptor the plugin resolved, made by a gomap_make the plugin placed on the
 * stack with its first bucket, becomes a call to one of the static functions
 * below with the key by value and the value slot's offset and size as
 * constants (the plugin calls them when optimising for speed, at most 32 times
 * per function).  They are noinline: one copy per unit, which GCC's IPA-CP
 * specialises for the constants, instead of some 280 bytes of code per call
 * site (inlined, they cost a map-heavy unit 45% more compile time and text for
 * no measurable speed: bench/small.c 73 ns per call either way); their helpers
 * below are always inlined into them.  They handle the case a small
 * map spends its life in: one bucket (B = 0), not growing, no write in
 * progress.  Lookups compare the key with the filled cells and hash nothing (as
 * Go's mapaccess1_fast64 does for B = 0); an assign hashes the key first (as
 * mapassign_fast64 does), compares it only with the cells of its tophash byte
 * (every cell of a one-bucket map has the current seed's tophash: the seed
 * changes only when the map is empty), and when the key is new and the map
 * stays at 8 entries or fewer fills the first empty cell, the same cell,
 * tophash and value zeroing the runtime's assign would produce.  Everything else (growth, the nil map, a write in progress, a freed
 * map, a map of another shape) goes to the runtime's gomap_*_fast32/fast64
 * entry points, which have Go's semantics in full.
 *
 * The runtime (gomap.c) checks that struct gomap_fast_hdr is a prefix of its
 * header and that the constants here are its own; wy_hash8/wy_hash4 of
 * runtime/wyhash.h are restated as gomap_fast_hash8/4 (testsuite/runtime
 * checks that inserted keys are found again after the map grows, which needs
 * the same hash).
 *
 * The functions are static: a unit that never calls them pays nothing.  They
 * are written in the C that gnu89 accepts, like the rest of gomap.h.  The
 * plugin keeps their bodies until its pass has run (they are otherwise unused
 * when GCC first drops unused functions) and lets GCC drop them afterwards.
 */
#ifndef GOMAP_FAST_H
#define GOMAP_FAST_H
#pragma GCC system_header

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* The header's first fields (struct gomap in runtime/gomap_internal.h). */
struct gomap_fast_hdr {
    size_t count;
    uint8_t flags;
    uint8_t B;
    uint16_t noverflow;
    uint32_t iters;
    uint64_t hash0;
    char *buckets;
    char *oldbuckets;
};
#define GOMAP_FAST_WRITING     4u   /* F_WRITING */
#define GOMAP_FAST_FN static inline __attribute__((always_inline))
#define GOMAP_SMALL_FN static __attribute__((noinline, unused))
#define GOMAP_FAST_MIN_TOPHASH 5u   /* MIN_TOPHASH */

/* wy_hash8 / wy_hash4 (runtime/wyhash.h), with the map's seed */
GOMAP_FAST_FN uint64_t gomap_fast_mix(uint64_t a, uint64_t b,
                                                                     uint64_t seed, uint64_t len)
{
    __uint128_t r;
    a ^= 0x8bb84b93962eacc9ull;
    b ^= seed;
    r = (__uint128_t)a * b;
    a = (uint64_t)r ^ 0x2d358dccaa6c78a5ull ^ len;
    b = (uint64_t)(r >> 64) ^ 0x8bb84b93962eacc9ull;
    r = (__uint128_t)a * b;
    return (uint64_t)r ^ (uint64_t)(r >> 64);
}
GOMAP_FAST_FN uint64_t gomap_fast_hash8(uint64_t k, uint64_t seed)
{
    return gomap_fast_mix((k << 32) | (k >> 32), k, seed, 8);
}
GOMAP_FAST_FN uint64_t gomap_fast_hash4(uint32_t k, uint64_t seed)
{
    uint64_t w = ((uint64_t)k << 32) | k;
    return gomap_fast_mix(w, w, seed, 4);
}

/* The filled cells of a bucket (tophash >= MIN_TOPHASH) as bits 7, 15, ... 63
 * of a word: exact for every byte value (bytes of 128 and more have the top
 * bit already; below 128, adding 128 - 5 sets it just for bytes >= 5 and
 * cannot carry into the next byte). */
GOMAP_FAST_FN uint64_t gomap_fast_filled(const char *b)
{
    uint64_t w, low7 = 0x7f7f7f7f7f7f7f7full;
    memcpy(&w, b, 8);
    return (((w & low7) + 0x0101010101010101ull * (128 - GOMAP_FAST_MIN_TOPHASH)) | w)
           & 0x8080808080808080ull;
}

/* The cells whose tophash is top (a filled cell's, at least MIN_TOPHASH) as bits
 * 7, 15, ... 63: the exact SWAR byte match (no borrow between bytes). */
GOMAP_FAST_FN uint64_t gomap_fast_match(const char *b, uint8_t top)
{
    uint64_t w, low7 = 0x7f7f7f7f7f7f7f7full;
    memcpy(&w, b, 8);
    w ^= 0x0101010101010101ull * top;
    return ~(((w & low7) + low7) | w | low7);
}

/* The first empty cell (the bucket has one). */
GOMAP_FAST_FN unsigned gomap_fast_first_empty(const char *b)
{
    return (unsigned)__builtin_ctzll(~gomap_fast_filled(b) & 0x8080808080808080ull) >> 3;
}

/* Whether the fast path applies to h: one bucket (B = 0, which also means not
 * growing: growth from B = 0 goes to B = 1, and a B = 0 map never has the
 * overflow buckets a same-size growth needs) and no write in progress; flags
 * and B are tested as one 16-bit word (little-endian: flags low).  A map made
 * without a bucket, or freed, has none. */
GOMAP_FAST_FN bool gomap_fast_one(const struct gomap_fast_hdr *h)
{
    uint16_t fb;
    memcpy(&fb, &h->flags, 2);
    return h != NULL && (fb & (0xff00u | GOMAP_FAST_WRITING)) == 0 && h->buckets != NULL;
}

/* The tophash byte for a hash (tophash() of the runtime). */
GOMAP_FAST_FN uint8_t gomap_fast_top(uint64_t hash)
{
    uint8_t top = (uint8_t)(hash >> 56);
    return top < GOMAP_FAST_MIN_TOPHASH ? (uint8_t)(top + GOMAP_FAST_MIN_TOPHASH) : top;
}

/* Fill cell i of bucket b (keys at 8, key slots ks bytes): key, zeroed value,
 * tophash written as a whole word (as the runtime's set_tophash). */
GOMAP_FAST_FN void *
gomap_fast_insert(struct gomap_fast_hdr *h, char *b, unsigned i, const void *key, size_t ks,
                  uint8_t top, size_t valoff, size_t valsize)
{
    uint64_t w;
    char *v = b + valoff + i * valsize;
    memcpy(b + 8 + i * ks, key, ks);
    memset(v, 0, valsize);
    memcpy(&w, b, 8);
    w = (w & ~((uint64_t)0xff << (8 * i))) | ((uint64_t)top << (8 * i));
    memcpy(b, &w, 8);
    h->count++;
    return v;
}

void *gomap_access_fast64(const struct gomap *m, uint64_t key);
void *gomap_access_fast32(const struct gomap *m, uint32_t key);
void *gomap_assign_fast64(struct gomap *m, uint64_t key);
void *gomap_assign_fast32(struct gomap *m, uint32_t key);

GOMAP_SMALL_FN void *gomap_small_access_fast64(const struct gomap *m, uint64_t key, size_t valoff,
                                              size_t valsize);
GOMAP_SMALL_FN void *gomap_small_access_fast64(const struct gomap *m, uint64_t key, size_t valoff,
                                              size_t valsize)
{
    const struct gomap_fast_hdr *h = (const struct gomap_fast_hdr *)(const void *)m;
    if (__builtin_expect(gomap_fast_one(h), 1)) {
        char *b = h->buckets;
        uint64_t f;
        for (f = gomap_fast_filled(b); f; f &= f - 1) {
            unsigned i = (unsigned)__builtin_ctzll(f) >> 3;
            uint64_t k;
            memcpy(&k, b + 8 + i * 8, 8);
            if (k == key) return b + valoff + i * valsize;
        }
        return NULL;
    }
    return gomap_access_fast64(m, key);
}

GOMAP_SMALL_FN void *gomap_small_access_fast32(const struct gomap *m, uint32_t key, size_t valoff,
                                              size_t valsize);
GOMAP_SMALL_FN void *gomap_small_access_fast32(const struct gomap *m, uint32_t key, size_t valoff,
                                              size_t valsize)
{
    const struct gomap_fast_hdr *h = (const struct gomap_fast_hdr *)(const void *)m;
    if (__builtin_expect(gomap_fast_one(h), 1)) {
        char *b = h->buckets;
        uint64_t f;
        for (f = gomap_fast_filled(b); f; f &= f - 1) {
            unsigned i = (unsigned)__builtin_ctzll(f) >> 3;
            uint32_t k;
            memcpy(&k, b + 8 + i * 4, 4);
            if (k == key) return b + valoff + i * valsize;
        }
        return NULL;
    }
    return gomap_access_fast32(m, key);
}

GOMAP_SMALL_FN void *gomap_small_assign_fast64(struct gomap *m, uint64_t key, size_t valoff,
                                              size_t valsize);
GOMAP_SMALL_FN void *gomap_small_assign_fast64(struct gomap *m, uint64_t key, size_t valoff,
                                              size_t valsize)
{
    struct gomap_fast_hdr *h = (struct gomap_fast_hdr *)(void *)m;
    if (__builtin_expect(gomap_fast_one(h), 1)) {
        char *b = h->buckets;
        uint8_t top = gomap_fast_top(gomap_fast_hash8(key, h->hash0));
        uint64_t g;
        for (g = gomap_fast_match(b, top); g; g &= g - 1) {
            unsigned i = (unsigned)__builtin_ctzll(g) >> 3;
            uint64_t k;
            memcpy(&k, b + 8 + i * 8, 8);
            if (k == key) return b + valoff + i * valsize;
        }
        if (h->count < 8)   /* no growth; a B = 0 map has no overflow bucket */
            return gomap_fast_insert(h, b, gomap_fast_first_empty(b), &key, 8, top, valoff,
                                     valsize);
    }
    return gomap_assign_fast64(m, key);
}

GOMAP_SMALL_FN void *gomap_small_assign_fast32(struct gomap *m, uint32_t key, size_t valoff,
                                              size_t valsize);
GOMAP_SMALL_FN void *gomap_small_assign_fast32(struct gomap *m, uint32_t key, size_t valoff,
                                              size_t valsize)
{
    struct gomap_fast_hdr *h = (struct gomap_fast_hdr *)(void *)m;
    if (__builtin_expect(gomap_fast_one(h), 1)) {
        char *b = h->buckets;
        uint8_t top = gomap_fast_top(gomap_fast_hash4(key, h->hash0));
        uint64_t g;
        for (g = gomap_fast_match(b, top); g; g &= g - 1) {
            unsigned i = (unsigned)__builtin_ctzll(g) >> 3;
            uint32_t k;
            memcpy(&k, b + 8 + i * 4, 4);
            if (k == key) return b + valoff + i * valsize;
        }
        if (h->count < 8)
            return gomap_fast_insert(h, b, gomap_fast_first_empty(b), &key, 4, top, valoff,
                                     valsize);
    }
    return gomap_assign_fast32(m, key);
}

#endif /* GOMAP_FAST_H */
