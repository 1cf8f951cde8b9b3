/* gomap_mem.c - the map runtime's services: counted allocation (gomap_memstats),
 * random numbers (per-thread wyrand seeded once from getrandom(2)), and the
 * fatal-error paths that print Go's messages and abort().
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>
#include "gomap_internal.h"

static gomap_memstats stats;   /* updated with relaxed atomics */

#define STAT_ADD(field, n) __atomic_fetch_add(&stats.field, (n), __ATOMIC_RELAXED)

/* Big bucket arrays get transparent huge pages, as Go's heap does (it madvises
 * MADV_HUGEPAGE): a large map's lookups are TLB misses otherwise, and a fresh
 * array faults in 2 MiB at a time instead of 4 KiB.  Such allocations are
 * mapped 2 MiB-aligned directly; rt_free tells them apart by the same size
 * test, which is sound because every rt_free passes the size given to
 * rt_alloc (the heap_bytes accounting relies on it too). */
#define HUGE_PAGE ((size_t)2 << 20)
#define HUGE_MIN  (2 * HUGE_PAGE)

static size_t page_round(size_t n) { return (n + 4095) & ~(size_t)4095; }

static void *huge_alloc(size_t n)
{
    size_t len = page_round(n), span = len + HUGE_PAGE;
    char *p = mmap(NULL, span, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) return NULL;
    char *a = (char *)(((uintptr_t)p + HUGE_PAGE - 1) & ~(uintptr_t)(HUGE_PAGE - 1));
    if (a != p) munmap(p, (size_t)(a - p));
    if (a + len != p + span) munmap(a + len, (size_t)(p + span - (a + len)));
#ifdef MADV_HUGEPAGE
    madvise(a, len, MADV_HUGEPAGE);   /* advice only: failure changes nothing */
#endif
    return a;
}

void *rt_alloc(size_t n)
{
    void *p = n >= HUGE_MIN ? huge_alloc(n) : calloc(1, n ? n : 1);
    if (UNLIKELY(!p)) rt_fatal("runtime: out of memory");
    STAT_ADD(heap_allocs, 1);
    STAT_ADD(heap_bytes, n);
    return p;
}

void rt_free(void *p, size_t n)
{
    if (!p) return;
    if (n >= HUGE_MIN) munmap(p, page_round(n));
    else free(p);
    STAT_ADD(heap_frees, 1);
    __atomic_fetch_sub(&stats.heap_bytes, n, __ATOMIC_RELAXED);
}

void rt_count_stack(bool bucket)
{
    STAT_ADD(stack_maps, 1);
    if (bucket) STAT_ADD(stack_buckets, 1);
}

void gomap_read_memstats(gomap_memstats *out)
{
    out->heap_allocs = __atomic_load_n(&stats.heap_allocs, __ATOMIC_RELAXED);
    out->heap_frees = __atomic_load_n(&stats.heap_frees, __ATOMIC_RELAXED);
    out->heap_bytes = __atomic_load_n(&stats.heap_bytes, __ATOMIC_RELAXED);
    out->stack_maps = __atomic_load_n(&stats.stack_maps, __ATOMIC_RELAXED);
    out->stack_buckets = __atomic_load_n(&stats.stack_buckets, __ATOMIC_RELAXED);
}

/* ---- random numbers ----
 * Go's fastrand: a cheap per-thread generator.  Each thread's wyrand state is
 * seeded once from getrandom(2); map seeds (hash0) and iteration starts come from
 * it, so every map gets an unpredictable seed without a system call per map. */
static __thread uint64_t rand_state;
static __thread bool rand_seeded;

static uint64_t os_random(void)
{
    uint64_t r = 0;
    ssize_t n;
    do n = getrandom(&r, sizeof r, 0);
    while (n < 0 && errno == EINTR);
    if (n != (ssize_t)sizeof r) {   /* no getrandom: mix clock, pid and an address */
        struct timespec ts;
        clock_gettime(CLOCK_MONOTONIC, &ts);
        r = wy_seed((uint64_t)ts.tv_nsec ^ ((uint64_t)ts.tv_sec << 32)
                    ^ ((uint64_t)getpid() << 16) ^ (uint64_t)(uintptr_t)&r);
    }
    return r;
}

uint64_t rt_rand(void)
{
    if (UNLIKELY(!rand_seeded)) {
        rand_state = os_random();
        rand_seeded = true;
    }
    return wy_rand(&rand_state);
}

/* ---- errors ---- */
static __attribute__((noreturn)) void die(const char *prefix, const char *msg)
{
    fflush(stdout);
    fprintf(stderr, "%s%s\n", prefix, msg);
    fflush(stderr);
    abort();
}

void rt_fatal(const char *msg) { die("fatal error: ", msg); }
void rt_panic(const char *msg) { die("panic: ", msg); }

void rt_throw(const char *fmt, ...)
{
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    die("fatal error: ", buf);
}
