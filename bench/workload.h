/* workload.h - the benchmark workloads' keys, values and clock, shared by the C and
 * C++ harnesses (bench/maps_c.c, bench/maps_cc.cc) and mirrored line by line in Go
 * (bench/go/keys.go), so that every implementation sees the same keys in the same
 * order.
 *
 * u64 key i is mix64(SEED + (i + 1) * GAMMA): a bijection of i, so the n hit keys
 * (i < n) and the n miss keys (n <= i < 2n) are all distinct.  String key i is 8 to
 * 32 bytes: 8 characters encoding a 48-bit bijection of i (distinct by
 * construction), then random characters.  key_digest() folds a key set into one
 * number that every harness prints, so the driver can check they agree.
 */
#ifndef BENCH_WORKLOAD_H
#define BENCH_WORKLOAD_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>

#define BENCH_SEED  0x243f6a8885a308d3ull
#define BENCH_GAMMA 0x9e3779b97f4a7c15ull

static inline uint64_t mix64(uint64_t z)   /* splitmix64's finalizer: a bijection */
{
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

static inline uint64_t u64_key(uint64_t i) { return mix64(BENCH_SEED + (i + 1) * BENCH_GAMMA); }
static inline uint64_t u64_val(uint64_t i) { return mix64(i ^ 0x5851f42d4c957f2dull) | 1; }

/* A 48-bit bijection of i: odd multiplies and xor-shifts modulo 2^48. */
static inline uint64_t mix48(uint64_t x)
{
    const uint64_t m48 = (1ull << 48) - 1;
    x = (x * 0x9e3779b97f4bull) & m48;
    x ^= x >> 23;
    x = (x * 0xc2b2ae3d27d5ull) & m48;
    return x ^ (x >> 17);
}

static const char bench_alphabet[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/* String keys 0..count-1 laid out NUL-terminated in one arena. */
typedef struct {
    char *arena;
    const char **ptr;
    size_t *len;
    size_t count;
} str_keys;

static inline size_t str_key_len(uint64_t i) { return 8 + (size_t)(mix64(i * BENCH_GAMMA + 7) % 25); }

static inline void str_key_fill(uint64_t i, char *out)
{
    uint64_t x = mix48(i), r = mix64(i + 0x1234567ull);
    size_t len = str_key_len(i);
    for (int j = 0; j < 8; j++) out[j] = bench_alphabet[(x >> (6 * j)) & 63];
    for (size_t j = 8; j < len; j++) {
        if ((j - 8) % 10 == 0) r = mix64(r);
        out[j] = bench_alphabet[(r >> (6 * ((j - 8) % 10))) & 63];
    }
    out[len] = 0;
}

/* The harness's own arrays (keys, values) get transparent huge pages when large, as
 * every Go heap object does (Go 1.19 madvises its heap MADV_HUGEPAGE): the tables
 * under test should not differ by the TLB cost of reading the keys.  The tables
 * themselves use their library's allocation as it is. */
static inline void *bench_xmalloc(size_t n)
{
    const size_t huge = (size_t)2 << 20;
    void *p = n >= huge ? aligned_alloc(huge, (n + huge - 1) / huge * huge) : malloc(n ? n : 1);
    if (!p) { fputs("bench: out of memory\n", stderr); exit(2); }
    if (n >= huge) madvise(p, n, MADV_HUGEPAGE);
    return p;
}

/* Keys first..first+count-1; a second call gives equal bytes at other addresses. */
static inline str_keys str_keys_make(uint64_t first, size_t count)
{
    str_keys k;
    size_t total = 0;
    for (size_t i = 0; i < count; i++) total += str_key_len(first + i) + 1;
    k.arena = (char *)bench_xmalloc(total);
    k.ptr = (const char **)bench_xmalloc(count * sizeof *k.ptr);
    k.len = (size_t *)bench_xmalloc(count * sizeof *k.len);
    k.count = count;
    char *p = k.arena;
    for (size_t i = 0; i < count; i++) {
        str_key_fill(first + i, p);
        k.ptr[i] = p;
        k.len[i] = str_key_len(first + i);
        p += k.len[i] + 1;
    }
    return k;
}

static inline void str_keys_free(str_keys *k)
{
    free(k->arena);
    free((void *)k->ptr);
    free(k->len);
}

/* FNV-1a over the u64 keys and the string keys: the harnesses must agree. */
static inline uint64_t key_digest(const uint64_t *u, size_t nu, const str_keys *s)
{
    uint64_t h = 0xcbf29ce484222325ull;
    for (size_t i = 0; i < nu; i++) h = (h ^ u[i]) * 0x100000001b3ull;
    for (size_t i = 0; i < s->count; i++)
        for (size_t j = 0; j < s->len[i]; j++) h = (h ^ (uint8_t)s->ptr[i][j]) * 0x100000001b3ull;
    return h;
}

static inline double now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

/* One result line: workload, nanoseconds per operation, checksum. */
static inline void report(const char *workload, size_t n, double ns, double ops, uint64_t sum)
{
    printf("%s/%zu\t%.3f\t%llu\n", workload, n, ns / ops, (unsigned long long)sum);
    fflush(stdout);
}

/* Repetitions of a workload over n keys so that about `ops` operations run. */
static inline size_t rounds_for(size_t ops, size_t n)
{
    return n >= ops ? 1 : ops / n;
}

/* main() of a program taking OPS N...: run(ops, n) for each key count n. */
static inline int sizes_main(int argc, char **argv, void (*run)(size_t ops, size_t n))
{
    if (argc < 3) {
        fprintf(stderr, "usage: %s OPS N...\n", argv[0]);
        return 2;
    }
    size_t ops = strtoull(argv[1], NULL, 10);
    for (int a = 2; a < argc; a++) run(ops, strtoull(argv[a], NULL, 10));
    return 0;
}

#endif /* BENCH_WORKLOAD_H */
