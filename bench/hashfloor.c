/* hashfloor.c - the floor of gomap's algorithm under the u64 lookup workloads: a
 * real gomap built by the runtime (Go 1.19's bucket layout, wyhash with the map's
 * seed), looked up by the fewest instructions that algorithm allows: inline in the
 * timed loop, the header's fields (seed, bucket array, mask) read once before it,
 * none of Go's checks (nil map, key kind, concurrent writer, growth in progress), no
 * call.  Per key: wyhash, the bucket, the tophash byte, the SSE2 tophash match, the
 * key compare, the overflow chain when the bucket says one follows, and the same
 * prefetch of the bucket's other lines as the runtime (gomap_internal.h).
 *
 * bench/floor.c is the layout's memory floor (no hash at all); this is that plus
 * the hash and the compares.  A lookup that keeps Go's layout and wyhash, as issue
 * #14 requires, and does Go's checks at each call cannot be faster than this: the
 * distance to gomap's own time is what calls and checks cost, the distance to a
 * rival's is what the layout and hash cost (bench/README.md).  Its checksums are
 * the harnesses' (the driver prints them side by side).
 *
 * Usage: hash-floor OPS N...   prints "u64_hit/N ns sum" and "u64_miss/N ns sum".
 */
#include "gomap_internal.h"
#include "workload.h"

/* The value slot of key, or NULL: gomap's lookup with nothing around it. */
static inline uint64_t *find(char *arr, uintptr_t mask, uint64_t seed, unsigned B, uint64_t key)
{
    uint64_t hash = wy_hash8(key, seed);
    char *b = arr + (hash & mask) * K8V8_BUCKETSIZE;
    if (B >= PREFETCH_MIN_B) {
        __builtin_prefetch(b + 64);
        __builtin_prefetch(b + K8V8_BUCKETSIZE - 9);
    }
    uint8_t top = tophash(hash);
    do {
        for (unsigned m = match_cells(b, top); m; m &= m - 1) {
            unsigned i = first_cell(m);
            if (load_u64(b + 8 + 8 * i) == key) return (uint64_t *)(void *)(b + K8V8_VALOFF + 8 * i);
        }
        if (tophash_of(b)[BUCKET_CNT - 1] == EMPTY_REST) break;
        memcpy(&b, b + K8V8_BUCKETSIZE - sizeof b, sizeof b);
    } while (b);
    return NULL;
}

static void hash_floor_run(size_t ops, size_t n)
{
    uint64_t *keys = bench_xmalloc(2 * n * sizeof *keys);
    for (size_t i = 0; i < 2 * n; i++) keys[i] = u64_key(i);
    gomap *m = gomap_make(GOMAP_TYPE(uint64_t, uint64_t), 0);
    for (size_t i = 0; i < n; i++) *(uint64_t *)gomap_assign(m, &keys[i]) = u64_val(i);
    const struct gomap *h = (const struct gomap *)m;
    for (size_t i = 0; h->oldbuckets != NULL; i = (i + 1) % n)   /* finish a growth */
        *(uint64_t *)gomap_assign(m, &keys[i]) = u64_val(i);
    if (h->kind != KIND_K8V8 || h->buckets == NULL) {
        fprintf(stderr, "hash-floor: not a K8V8 map with buckets\n");
        exit(1);
    }
    char *arr = h->buckets;
    uintptr_t mask = bucket_mask(h->B);
    uint64_t seed = h->hash0;
    unsigned B = h->B;
    size_t rounds = rounds_for(ops, n);
    for (int miss = 0; miss < 2; miss++) {
        const uint64_t *k = keys + (miss ? n : 0);
        uint64_t sum = 0;
        double t0 = now_ns();
        for (size_t r = 0; r < rounds; r++)
            for (size_t i = 0; i < n; i++) {
                uint64_t *v = find(arr, mask, seed, B, k[i]);
                if (v) sum += *v + 1;
            }
        report(miss ? "u64_miss" : "u64_hit", n, now_ns() - t0, (double)rounds * n, sum);
    }
    gomap_free(m);
    free(keys);
}

int main(int argc, char **argv) { return sizes_main(argc, argv, hash_floor_run); }
