/* small.c - short-lived small maps: a function makes a map, inserts n entries, reads
 * them back and frees it, called in a hot loop with n = 1..8 (fits the first bucket)
 * and with n = 64 (grows past it).  Built twice by `make bench`: with the escape
 * plugin (the map and its first bucket on the stack) and with
 * -fplugin-arg-escape-transform=no (the same code on the heap).  Prints, per
 * workload, ns per call, a checksum and the runtime's heap allocations per call.
 * bench/go/small.go is the same program in Go.
 *
 * Usage: small CALLS
 */
#include <stdbool.h>
#include "gomap.h"
#include "workload.h"

__attribute__((noinline)) static uint64_t small_map(uint64_t seed, unsigned n)
{
    gomap *m = gomap_make(GOMAP_TYPE(uint64_t, uint64_t), 0);
    for (unsigned i = 0; i < n; i++) {
        uint64_t k = seed + i * BENCH_GAMMA;
        *(uint64_t *)gomap_assign(m, &k) = k ^ i;
    }
    uint64_t s = 0;
    for (unsigned i = 0; i < n; i++) {
        uint64_t k = seed + i * BENCH_GAMMA;
        uint64_t *v = gomap_access(m, &k);
        if (v) s += *v;
    }
    gomap_free(m);
    return s;
}

static void run(const char *name, size_t calls, unsigned fixed)
{
    gomap_memstats before, after;
    uint64_t sum = 0;
    gomap_read_memstats(&before);
    double t0 = now_ns();
    for (size_t c = 0; c < calls; c++)
        sum += small_map(mix64(c), fixed ? fixed : 1 + (unsigned)(c & 7));
    double t = now_ns() - t0;
    gomap_read_memstats(&after);
    printf("%s\t%.3f\t%llu\t%.3f\n", name, t / (double)calls, (unsigned long long)sum,
           (double)(after.heap_allocs - before.heap_allocs) / (double)calls);
}

int main(int argc, char **argv)
{
    size_t calls = argc > 1 ? strtoull(argv[1], NULL, 10) : 1000000;
    run("small_1to8", calls, 0);
    run("small_64", calls / 16 ? calls / 16 : 1, 64);
    return 0;
}
