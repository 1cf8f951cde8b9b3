/* wyhash.h - the map runtime's key hash: wyhash, final version 4.
 *
 * Derived from wyhash.h by Wang Yi (https://github.com/wangyi-fudan/wyhash),
 * "final version 4".  Original notice:
 *
 *   This is free and unencumbered software released into the public domain under
 *   The Unlicense (http://unlicense.org/)
 *   main repo: https://github.com/wangyi-fudan/wyhash
 *   author: 王一 Wang Yi <godspeed_china@yeah.net>
 *
 * The algorithm is unchanged; two things are arranged for the map:
 *  - wyhash(key, len, seed, secret) begins with `seed ^= _wymix(seed^secret[0],
 *    secret[1])`.  That step depends only on the seed, so wy_seed() does it once per
 *    map (the map keeps the mixed seed) and wy_hash() is the remainder:
 *    wy_hash(p, n, wy_seed(s)) == wyhash(p, n, s, _wyp).
 *  - everything is static inline, so calls with a constant length (4- and 8-byte
 *    keys) fold to a few instructions.
 * wy_hash8 and wy_hash4 are wy_hash for 8- and 4-byte keys passed by value,
 * wy_hash32 is wy_hash for keys of at most 32 bytes.
 * wy_rand is wyrand(), the fast generator behind map seeds and iteration starts.
 * testsuite/runtime/wyhash.c checks published known-answer vectors (final 4 and
 * later 4.x releases agree except at lengths 48 and 96, where 4.x loops `>= 48`).
 */
#ifndef GOMAP_WYHASH_H
#define GOMAP_WYHASH_H

#include <stdint.h>
#include <string.h>

#define WY_INLINE static inline __attribute__((always_inline))

/* the default secret parameters of final version 4 */
static const uint64_t wy_secret[4] = { 0x2d358dccaa6c78a5ull, 0x8bb84b93962eacc9ull,
                                       0x4b33a62ed433d4a3ull, 0x4d5a2da51de1aa47ull };

WY_INLINE void wy_mum(uint64_t *a, uint64_t *b)
{
    __uint128_t r = (__uint128_t)*a * *b;
    *a = (uint64_t)r;
    *b = (uint64_t)(r >> 64);
}
WY_INLINE uint64_t wy_mix(uint64_t a, uint64_t b) { wy_mum(&a, &b); return a ^ b; }
WY_INLINE uint64_t wy_r8(const uint8_t *p) { uint64_t v; memcpy(&v, p, 8); return v; }
WY_INLINE uint64_t wy_r4(const uint8_t *p) { uint32_t v; memcpy(&v, p, 4); return v; }
WY_INLINE uint64_t wy_r3(const uint8_t *p, size_t k)
{
    return ((uint64_t)p[0] << 16) | ((uint64_t)p[k >> 1] << 8) | p[k - 1];
}

/* The seed-only prologue of wyhash. */
WY_INLINE uint64_t wy_seed(uint64_t seed)
{
    return seed ^ wy_mix(seed ^ wy_secret[0], wy_secret[1]);
}

/* The input words of a key of at most 16 bytes. */
WY_INLINE void wy_short(const uint8_t *p, size_t len, uint64_t *a, uint64_t *b)
{
    if (__builtin_expect(len >= 4, 1)) {
        *a = (wy_r4(p) << 32) | wy_r4(p + ((len >> 3) << 2));
        *b = (wy_r4(p + len - 4) << 32) | wy_r4(p + len - 4 - ((len >> 3) << 2));
    } else if (__builtin_expect(len > 0, 1)) {
        *a = wy_r3(p, len);
        *b = 0;
    } else {
        *a = *b = 0;
    }
}

/* The last step: the two input words, the running seed and the length. */
WY_INLINE uint64_t wy_final(uint64_t a, uint64_t b, uint64_t seed, size_t len)
{
    a ^= wy_secret[1];
    b ^= seed;
    wy_mum(&a, &b);
    return wy_mix(a ^ wy_secret[0] ^ len, b ^ wy_secret[1]);
}

/* wyhash without its prologue: `seed` comes from wy_seed(). */
WY_INLINE uint64_t wy_hash(const void *key, size_t len, uint64_t seed)
{
    const uint64_t *secret = wy_secret;
    const uint8_t *p = (const uint8_t *)key;
    uint64_t a, b;
    if (__builtin_expect(len <= 16, 1)) {
        wy_short(p, len, &a, &b);
    } else {
        size_t i = len;
        if (__builtin_expect(i > 48, 0)) {
            uint64_t see1 = seed, see2 = seed;
            do {
                seed = wy_mix(wy_r8(p) ^ secret[1], wy_r8(p + 8) ^ seed);
                see1 = wy_mix(wy_r8(p + 16) ^ secret[2], wy_r8(p + 24) ^ see1);
                see2 = wy_mix(wy_r8(p + 32) ^ secret[3], wy_r8(p + 40) ^ see2);
                p += 48;
                i -= 48;
            } while (__builtin_expect(i > 48, 1));
            seed ^= see1 ^ see2;
        }
        while (__builtin_expect(i > 16, 0)) {
            seed = wy_mix(wy_r8(p) ^ secret[1], wy_r8(p + 8) ^ seed);
            i -= 16;
            p += 16;
        }
        a = wy_r8(p + i - 16);
        b = wy_r8(p + i - 8);
    }
    return wy_final(a, b, seed, len);
}

/* wy_hash for len <= 32 (the same result): the loops of the general code reduce
 * to at most one 16-byte round, which keeps a string lookup's registers few. */
WY_INLINE uint64_t wy_hash32(const void *key, size_t len, uint64_t seed)
{
    const uint8_t *p = (const uint8_t *)key;
    uint64_t a, b;
    if (__builtin_expect(len <= 16, 1)) {
        wy_short(p, len, &a, &b);
    } else {
        seed = wy_mix(wy_r8(p) ^ wy_secret[1], wy_r8(p + 8) ^ seed);
        a = wy_r8(p + len - 16);
        b = wy_r8(p + len - 8);
    }
    return wy_final(a, b, seed, len);
}

/* wy_hash of an 8-byte key given as a number (little-endian): equal to
 * wy_hash(&key, 8, seed), but with one load and a rotate where the generic code
 * reads four 4-byte words.  (A single multiply, without the final mix, is not
 * enough: for small or arithmetic-progression keys the product stays close to
 * linear in the key and buckets fill far more unevenly than at random.) */
WY_INLINE uint64_t wy_hash8(uint64_t key, uint64_t seed)
{
    return wy_final((key << 32) | (key >> 32), key, seed, 8);
}
/* wy_hash(&key, 4, seed) for a 4-byte key given as a number. */
WY_INLINE uint64_t wy_hash4(uint32_t key, uint64_t seed)
{
    uint64_t w = ((uint64_t)key << 32) | key;
    return wy_final(w, w, seed, 4);
}

/* wyrand: the PRNG of wyhash final version 4. */
WY_INLINE uint64_t wy_rand(uint64_t *state)
{
    *state += wy_secret[0];
    return wy_mix(*state, *state ^ wy_secret[1]);
}

#endif /* GOMAP_WYHASH_H */
