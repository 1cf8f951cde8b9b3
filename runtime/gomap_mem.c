/* gomap_mem.c - the map runtime's services: counted allocation (gomap_memstats,
 * per-thread counters), huge pages for big arrays,
 * random numbers (per-thread wyrand seeded once from getrandom(2)), and the
 * fatal-error paths that print Go's messages and abort().
 */
#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>
#include "gomap_internal.h"

/* ---- counters ----
 * Each thread counts in its own block (plain adds: no locked instruction per
 * map or allocation); gomap_read_memstats sums the blocks of live threads and
 * what exited threads left.  Fields are read and written with relaxed atomic
 * loads and stores, so a concurrent reader is well defined; heap_bytes of one
 * thread may wrap below zero (it frees what another allocated) and the sum is
 * taken modulo 2^64. */
RT_TLS struct rt_stat_block rt_my_stats;   /* struct in gomap_internal.h */
static pthread_mutex_t stats_lock = PTHREAD_MUTEX_INITIALIZER;
static struct rt_stat_block *live_blocks;
static gomap_memstats exited;          /* under stats_lock */
static pthread_key_t stats_key;
static pthread_once_t stats_once = PTHREAD_ONCE_INIT;

#define LOAD(x) __atomic_load_n(&(x), __ATOMIC_RELAXED)

static void add_stats(gomap_memstats *to, const gomap_memstats *from)
{
    to->heap_allocs += LOAD(from->heap_allocs);
    to->heap_frees += LOAD(from->heap_frees);
    to->heap_bytes += LOAD(from->heap_bytes);
    to->stack_maps += LOAD(from->stack_maps);
    to->stack_buckets += LOAD(from->stack_buckets);
}

static void thread_exit(void *p)   /* pthread key destructor */
{
    struct rt_stat_block *b = p;
    pthread_mutex_lock(&stats_lock);
    add_stats(&exited, &b->s);
    *b->prev = b->next;
    if (b->next) b->next->prev = b->prev;
    b->registered = false;
    memset(&b->s, 0, sizeof b->s);
    pthread_mutex_unlock(&stats_lock);
}

static bool have_key;
static void make_key(void) { have_key = pthread_key_create(&stats_key, thread_exit) == 0; }

/* A shared object holding this runtime may be unloaded (dlclose) while threads
 * that used it live on: their exit would call thread_exit at an address that
 * is no longer mapped.  Deleting the key at unload stops those calls (their
 * counters go with the object).  In a program, this runs at exit. */
__attribute__((destructor)) static void unload(void)
{
    if (have_key) pthread_key_delete(stats_key);
}

static __attribute__((noinline)) struct rt_stat_block *register_thread(void)
{
    struct rt_stat_block *b = &rt_my_stats;
    pthread_once(&stats_once, make_key);
    pthread_mutex_lock(&stats_lock);
    b->next = live_blocks;
    b->prev = &live_blocks;
    if (live_blocks) live_blocks->prev = &b->next;
    live_blocks = b;
    b->registered = true;
    pthread_mutex_unlock(&stats_lock);
    pthread_setspecific(stats_key, b);
    return b;
}

INLINE gomap_memstats *thread_stats(void)
{
    struct rt_stat_block *b = &rt_my_stats;
    if (UNLIKELY(!b->registered)) b = register_thread();
    return &b->s;
}

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
    gomap_memstats *st = thread_stats();
    RT_STAT_ADD(st, heap_allocs, 1);
    RT_STAT_ADD(st, heap_bytes, n);
    return p;
}

/* rt_alloc for alignments beyond malloc's: the buckets and indirect keys and
 * values of an over-aligned key or value type (_Alignas(64)); big arrays are
 * huge_alloc's, 2 MiB-aligned already.  rt_free frees them as any other. */
void *rt_alloc_aligned(size_t n, size_t align)
{
    if (align <= _Alignof(max_align_t) || n >= HUGE_MIN) return rt_alloc(n);
    void *p = NULL;
    if (UNLIKELY(posix_memalign(&p, align, n ? n : 1) != 0)) rt_fatal("runtime: out of memory");
    memset(p, 0, n);
    gomap_memstats *st = thread_stats();
    RT_STAT_ADD(st, heap_allocs, 1);
    RT_STAT_ADD(st, heap_bytes, n);
    return p;
}

void rt_free(void *p, size_t n)
{
    if (!p) return;
    if (n >= HUGE_MIN) munmap(p, page_round(n));
    else free(p);
    gomap_memstats *st = thread_stats();
    RT_STAT_ADD(st, heap_frees, 1);
    RT_STAT_ADD(st, heap_bytes, -(uint64_t)n);
}

void rt_count_stack(bool bucket)
{
    gomap_memstats *st = thread_stats();
    RT_STAT_ADD(st, stack_maps, 1);
    RT_STAT_ADD(st, stack_buckets, bucket);
}

void gomap_read_memstats(gomap_memstats *out)
{
    memset(out, 0, sizeof *out);
    pthread_mutex_lock(&stats_lock);
    *out = exited;
    for (struct rt_stat_block *b = live_blocks; b; b = b->next) add_stats(out, &b->s);
    pthread_mutex_unlock(&stats_lock);
}

/* ---- random numbers ----
 * Go's fastrand: a cheap per-thread generator.  Each thread's wyrand state is
 * seeded once from getrandom(2); map seeds (hash0) and iteration starts come from
 * it, so every map gets an unpredictable seed without a system call per map. */
RT_TLS uint64_t rt_rand_state;
RT_TLS bool rt_rand_seeded;

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
    if (UNLIKELY(!rt_rand_seeded)) {
        rt_rand_state = os_random();
        rt_rand_seeded = true;
    }
    return wy_rand(&rt_rand_state);
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
void rt_freed_map(void)
{
    die("fatal error: ", "use of freed map (a map used or freed again after gomap_free)");
}
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
