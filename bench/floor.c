/* floor.c - the memory floor of Go's bucket layout under the u64 lookup workloads:
 * what a lookup costs when it does nothing but read the cache lines that layout makes
 * it read: no hash function, no key comparison, no call, no checks.
 *
 * For n keys it builds the bucket array Go 1.19 and gomap have after n inserts of
 * 8-byte keys and values: 2^B buckets of 144 bytes (8 tophash bytes, 8 keys, 8 values,
 * an overflow pointer), B the smallest with n <= 6.5 * 2^B, on transparent huge pages as
 * the runtime's large arrays are.  Each key goes to the bucket a random function of it
 * picks (keys that find their bucket full are left out: the floor has no chains).  Then:
 *   u64_hit  - per key, in the workload's order: load its bucket's tophash word, take a
 *              cell index from that word, load that cell's key and value (a hit's two
 *              dependent steps: the cell is known only once the tophash word is in);
 *   u64_miss - per absent key: load its bucket's tophash word (a miss usually stops
 *              there: no tophash matches and the word says no cell follows).
 * The bucket numbers are computed before the clock starts and read from an array, so
 * the floor contains no hashing.  The gap between a table's time and this floor is its
 * computation; a table with Go's layout cannot go below the floor, whatever its code.
 *
 * Usage: layout-floor OPS N...   prints "u64_hit/N ns sum" and "u64_miss/N ns sum"
 * lines like the map harnesses (the sums are the floor's own).
 */
#include <stdbool.h>
#include "workload.h"

enum { SLOTS = 8, BUCKET = 144, KEYS = 8, VALS = 72 };

static uint64_t bucket_of(uint64_t key, uint64_t mask) { return mix64(key ^ 0x6a09e667f3bcc908ull) & mask; }

static void floor_run(size_t ops, size_t n)
{
    unsigned B = 0;
    while ((double)n > 6.5 * (double)((size_t)1 << B)) B++;
    size_t nb = (size_t)1 << B, mask = nb - 1;
    char *arr = bench_xmalloc(nb * BUCKET);
    memset(arr, 0, nb * BUCKET);
    uint64_t *keys = bench_xmalloc(2 * n * sizeof *keys);
    uint32_t *at = bench_xmalloc(2 * n * sizeof *at);   /* bucket numbers, found before the clock starts */
    for (size_t i = 0; i < 2 * n; i++) {
        keys[i] = u64_key(i);   /* the second half: misses */
        at[i] = (uint32_t)bucket_of(keys[i], mask);
    }
    for (size_t i = 0; i < n; i++) {
        char *b = arr + (size_t)at[i] * BUCKET;
        unsigned j = 0;
        while (j < SLOTS && b[j]) j++;
        if (j == SLOTS) continue;
        b[j] = (char)(5 + (keys[i] >> 59));   /* a filled cell's tophash is >= 5 */
        memcpy(b + KEYS + 8 * j, &keys[i], 8);
        uint64_t v = u64_val(i);
        memcpy(b + VALS + 8 * j, &v, 8);
    }
    size_t rounds = rounds_for(ops, n);
    for (int miss = 0; miss < 2; miss++) {
        const uint32_t *k = at + (miss ? n : 0);
        uint64_t sum = 0;
        double t0 = now_ns();
        for (size_t r = 0; r < rounds; r++)
            for (size_t i = 0; i < n; i++) {
                const char *b = arr + (size_t)k[i] * BUCKET;
                uint64_t w;
                memcpy(&w, b, 8);
                if (miss) {
                    sum += w;
                    continue;
                }
                unsigned j = (unsigned)(w >> (8 * (i & 7))) & 7;   /* depends on w */
                uint64_t kv, vv;
                memcpy(&kv, b + KEYS + 8 * j, 8);
                memcpy(&vv, b + VALS + 8 * j, 8);
                sum += kv ^ vv;
            }
        report(miss ? "u64_miss" : "u64_hit", n, now_ns() - t0, (double)rounds * n, sum);
    }
    free(at);
    free(keys);
    free(arr);
}

int main(int argc, char **argv) { return sizes_main(argc, argv, floor_run); }
