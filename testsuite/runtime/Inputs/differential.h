/* differential.h - random operations on a gomap checked against a trivially
 * correct reference: keys are derived from small integer ids, so the reference
 * is two arrays indexed by id (present?, value).  The including test defines
 * KEYSIZE (bytes; or STRKEY for gostring keys), VALSIZE, NOPS and SEED.
 *
 * Operations: assign (new slots must read as zero), access, delete, len, clear,
 * iterate (every present key exactly once, with its value), and iterate while
 * deleting and inserting (a key present and untouched throughout is returned
 * exactly once; a returned key is present then, with its current value).  The
 * key range changes every phase so the map grows through many sizes and shrinks
 * back by deletes (same-size growth); some maps live on caller storage.  At the
 * end the runtime's allocation counters must balance.
 *
 * FAST=1 runs assign, access and delete through the entry points by key kind
 * (gomap_*_fast32 / fast64 / faststr, the key by value; access alternates with
 * access2); FAST=2 also through the one-bucket inline paths of gomap_fast.h
 * (gomap_small_*), which the escape plugin calls for stack maps.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "gomap.h"

#ifdef STRKEY
typedef gostring key_t_;
#define KEYDESC "string"
#define KEYSIZE_ 16
#else
typedef struct { unsigned char b[KEYSIZE]; } key_t_;
#define STR_(x) #x
#define STR(x) STR_(x)
#define KEYDESC STR(KEYSIZE)
#define KEYSIZE_ KEYSIZE
#endif
typedef struct { unsigned char b[VALSIZE]; } val_t;

#ifndef FAST
#define MAP_ASSIGN(m, k) gomap_assign(m, &(k))
#define MAP_ACCESS(m, k) gomap_access(m, &(k))
#define MAP_DELETE(m, k) gomap_delete(m, &(k))
#elif defined(STRKEY)
#define MAP_ASSIGN(m, k) gomap_assign_faststr(m, k)
#define MAP_ACCESS(m, k) access2_check(m, k, gomap_access_faststr(m, k))
#define MAP_DELETE(m, k) gomap_delete_faststr(m, k)
#define ACCESS2 gomap_access2_faststr
#else
#if KEYSIZE == 8
typedef uint64_t kval_t;
#define FASTNAME(op) gomap_##op##_fast64
#elif KEYSIZE == 4
typedef uint32_t kval_t;
#define FASTNAME(op) gomap_##op##_fast32
#else
#error "FAST needs 4- or 8-byte keys"
#endif
static kval_t kval(key_t_ k) { kval_t v; memcpy(&v, &k, sizeof v); return v; }
#define VALOFF gomap_layout_vals_off(sizeof(key_t_), _Alignof(key_t_), sizeof(val_t), _Alignof(val_t))
#if FAST == 2
#if KEYSIZE == 8
#define MAP_ASSIGN(m, k) gomap_small_assign_fast64(m, kval(k), VALOFF, sizeof(val_t))
#define SMALL_ACCESS gomap_small_access_fast64
#else
#define MAP_ASSIGN(m, k) gomap_small_assign_fast32(m, kval(k), VALOFF, sizeof(val_t))
#define SMALL_ACCESS gomap_small_access_fast32
#endif
#define MAP_ACCESS(m, k) access2_check(m, k, SMALL_ACCESS(m, kval(k), VALOFF, sizeof(val_t)))
#else
#define MAP_ASSIGN(m, k) FASTNAME(assign)(m, kval(k))
#define MAP_ACCESS(m, k) access2_check(m, k, FASTNAME(access)(m, kval(k)))
#endif
#define MAP_DELETE(m, k) FASTNAME(delete)(m, kval(k))
#define ACCESS2(m, k, f) FASTNAME(access2)(m, kval(k), f)
#endif

#define MAXK 24000
static unsigned char present[MAXK];
static uint64_t refval[MAXK];
static unsigned char seen[MAXK], touched[MAXK], at_start[MAXK];
static size_t refcount;
static uint64_t rng = SEED;
static unsigned long failures;

static uint64_t rnd(void)   /* splitmix64 */
{
    uint64_t z = (rng += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

#define FAIL(...) do { if (failures++ < 10) { printf("FAIL line %d: ", __LINE__); \
                       printf(__VA_ARGS__); printf("\n"); } } while (0)

#ifdef STRKEY
/* two stable copies of each key's bytes (maps borrow them), used alternately */
static char *strbuf[2][MAXK];
static size_t strlen_[MAXK];
static void make_str(unsigned id, char *out, size_t *len)
{
    if (id == 0) { *len = 0; return; }
    int n = sprintf(out, "k%u", id);
    for (unsigned j = 0; j < (id * 7) % 37; j++) out[n++] = (char)('a' + (id + j) % 26);
    *len = (size_t)n;
}
static void keys_init(void)
{
    char tmp[64];
    for (unsigned id = 0; id < MAXK; id++) {
        make_str(id, tmp, &strlen_[id]);
        for (int c = 0; c < 2; c++) {
            strbuf[c][id] = malloc(strlen_[id] + 1);
            memcpy(strbuf[c][id], tmp, strlen_[id]);
        }
    }
}
static void keys_done(void)
{
    for (unsigned id = 0; id < MAXK; id++) { free(strbuf[0][id]); free(strbuf[1][id]); }
}
/* a key for id: a stable copy, or (for lookups) a fresh copy in tmp */
static key_t_ key_of(unsigned id, char *tmp)
{
    if (tmp) {
        memcpy(tmp, strbuf[0][id], strlen_[id]);
        return (gostring){ tmp, strlen_[id] };
    }
    return (gostring){ strbuf[rnd() & 1][id], strlen_[id] };
}
static long id_of(const key_t_ *k)
{
    unsigned long id = 0;
    if (k->len == 0) return 0;
    if (sscanf(k->ptr, "k%lu", &id) != 1 || id >= MAXK) return -1;
    if (k->len != strlen_[id] || memcmp(k->ptr, strbuf[0][id], k->len)) return -1;
    return (long)id;
}
#else
static void keys_init(void) {}
static void keys_done(void) {}
static key_t_ key_of(unsigned id, char *tmp)
{
    (void)tmp;
    key_t_ k;
    uint64_t x = (uint64_t)id * 0x9e3779b97f4a7c15ull;   /* odd: injective mod 2^n */
    if (KEYSIZE == 1) x = id;
    for (size_t i = 0; i < KEYSIZE; i++) {
        if (i && i % 8 == 0) x = x * 6364136223846793005ull + id;
        k.b[i] = (unsigned char)(x >> (8 * (i % 8)));
    }
    return k;
}
#endif

static val_t val_of(uint64_t v)
{
    val_t r;
    for (size_t i = 0; i < VALSIZE; i++) r.b[i] = (unsigned char)((v >> (8 * (i % 8))) ^ (i / 8));
    return r;
}

/* id of an iterated key: keys are decoded through a side table for raw keys */
#ifndef STRKEY
static long *decode_tab;   /* hash of key bytes -> id, built once */
#define DECODE_SIZE (1u << 17)
static uint32_t kh(const key_t_ *k)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < KEYSIZE; i++) h = (h ^ k->b[i]) * 16777619u;
    return h & (DECODE_SIZE - 1);
}
static void decode_init(unsigned k)
{
    decode_tab = malloc(sizeof(long) * DECODE_SIZE);
    for (size_t i = 0; i < DECODE_SIZE; i++) decode_tab[i] = -1;
    for (unsigned id = 0; id < k; id++) {
        key_t_ key = key_of(id, NULL);
        uint32_t h = kh(&key);
        while (decode_tab[h] >= 0) h = (h + 1) & (DECODE_SIZE - 1);
        decode_tab[h] = id;
    }
}
static long decode(const key_t_ *k)
{
    for (uint32_t h = kh(k); decode_tab[h] >= 0; h = (h + 1) & (DECODE_SIZE - 1)) {
        key_t_ c = key_of((unsigned)decode_tab[h], NULL);
        if (memcmp(&c, k, sizeof c) == 0) return decode_tab[h];
    }
    return -1;
}
#else
static void decode_init(unsigned k) { (void)k; }
static long decode(const key_t_ *k) { return id_of(k); }
#endif

/* Paused iterators: up to NPAUSED live at once, stepped one entry at a time
 * between other operations, sometimes abandoned before their end. */
#define NPAUSED 3
static struct paused {
    bool live;
    gomap_iter it;
    unsigned char seen[MAXK], touched[MAXK], at_start[MAXK];
} paused[NPAUSED];

static void touch(unsigned id)
{
    for (int p = 0; p < NPAUSED; p++)
        if (paused[p].live) paused[p].touched[id] = 1;
}

static const gomap_type *T;

#ifdef FAST
/* every other access also through access2, which must agree */
static void *access2_check(gomap *m, key_t_ key, void *v)
{
    static unsigned n;
    if (n++ & 1) {
        bool found = !v;
        void *v2 = ACCESS2(m, key, &found);
        if (v2 != v || found != (v != NULL)) FAIL("access2 disagrees with access");
    }
    return v;
}
#endif
static unsigned K;   /* ids in use this phase */

static void op_assign(gomap *m, unsigned id)
{
    key_t_ key = key_of(id, NULL);
    val_t *v = MAP_ASSIGN(m, key);
    if (!present[id]) {
        static const val_t zero;
        if (memcmp(v, &zero, sizeof zero)) FAIL("new slot for id %u not zeroed", id);
        present[id] = 1;
        refcount++;
        touch(id);
    }
    refval[id] = rnd();
    *v = val_of(refval[id]);
}

static void op_access(gomap *m, unsigned id)
{
    char tmp[64];
    key_t_ key = key_of(id, tmp);
    val_t *v = MAP_ACCESS(m, key);
    if (!present[id]) {
        if (v) FAIL("id %u found but absent", id);
    } else {
        val_t want = val_of(refval[id]);
        if (!v) FAIL("id %u not found", id);
        else if (memcmp(v, &want, sizeof want)) FAIL("id %u wrong value", id);
    }
}

static void op_delete(gomap *m, unsigned id)
{
    char tmp[64];
    key_t_ key = key_of(id, tmp);
    bool was = MAP_DELETE(m, key);
    if (was != (bool)present[id]) FAIL("delete id %u returned %d", id, was);
    if (present[id]) { present[id] = 0; refcount--; touch(id); }
}

static void op_iterate(gomap *m, bool mutate)
{
    gomap_iter it;
    void *k, *v;
    memset(seen, 0, K);
    memset(touched, 0, K);
    memcpy(at_start, present, K);
    gomap_iter_init(&it, m);
    while (gomap_iter_next(&it, &k, &v)) {
        long id = decode((key_t_ *)k);
        if (id < 0 || id >= (long)K) { FAIL("iterated unknown key"); continue; }
        if (!present[id]) FAIL("iterated absent id %ld (touched %d)", id, touched[id]);
        else {
            val_t want = val_of(refval[id]);
            if (memcmp(v, &want, sizeof want)) FAIL("iterated id %ld wrong value", id);
        }
        if (seen[id]++ && !touched[id]) FAIL("id %ld iterated twice", id);
        if (mutate) {
            unsigned r = (unsigned)(rnd() % 4);
            unsigned other = (unsigned)(rnd() % K);
            if (r == 0) { touched[other] = 1; op_delete(m, other); }
            else if (r == 1) { touched[other] = 1; op_assign(m, other); }
            else if (r == 2 && present[id]) { refval[id] = rnd(); *(val_t *)v = val_of(refval[id]); }
        }
    }
    for (unsigned id = 0; id < K; id++)
        if (at_start[id] && present[id] && !touched[id] && seen[id] != 1)
            FAIL("id %u seen %d times", id, seen[id]);
}

static void paused_start(gomap *m, struct paused *p)
{
    p->live = true;
    memset(p->seen, 0, K);
    memset(p->touched, 0, K);
    memcpy(p->at_start, present, K);
    gomap_iter_init(&p->it, m);
}

/* one step of a paused iterator; at its end, the exactly-once check */
static void paused_step(struct paused *p)
{
    void *k, *v;
    if (!gomap_iter_next(&p->it, &k, &v)) {
        for (unsigned id = 0; id < K; id++)
            if (p->at_start[id] && present[id] && !p->touched[id] && p->seen[id] != 1)
                FAIL("paused: id %u seen %d times", id, p->seen[id]);
        p->live = false;
        return;
    }
    long id = decode((key_t_ *)k);
    if (id < 0 || id >= (long)K) { FAIL("paused: unknown key"); return; }
    if (!present[id]) FAIL("paused: iterated absent id %ld", id);
    else {
        val_t want = val_of(refval[id]);
        if (memcmp(v, &want, sizeof want)) FAIL("paused: id %ld wrong value", id);
    }
    if (p->seen[id]++ && !p->touched[id]) FAIL("paused: id %ld twice", id);
}

static void op_paused(gomap *m)
{
    struct paused *p = &paused[rnd() % NPAUSED];
    unsigned r = (unsigned)(rnd() % 100);
    if (!p->live) paused_start(m, p);
    else if (r < 3) p->live = false;            /* abandoned */
    else for (int n = (int)(rnd() % 4); n >= 0 && p->live; n--) paused_step(p);
}

static void check_len(gomap *m)
{
    if (gomap_len(m) != refcount) FAIL("len %zu, want %zu", gomap_len(m), refcount);
}

static void reset_ref(void)
{
    memset(present, 0, sizeof present);
    refcount = 0;
}

static const unsigned phase_k[] = {
#if KEYSIZE_ == 1
    8, 40, 256, 100, 256, 3
#else
    8, 5000, 60, 2000, 700, 300, 16, 20000
#endif
};

int main(void)
{
    gomap_memstats before, after;
    keys_init();
    gomap_read_memstats(&before);
#ifdef STRKEY
    T = GOMAP_TYPE_STR(val_t);
#else
    T = GOMAP_TYPE(key_t_, val_t);
#endif
    decode_init(MAXK);
    _Alignas(8) char hmap[GOMAP_HMAP_SIZE];
    _Alignas(64) char bucket[4096];
    size_t bsz = gomap_layout_bucket_size(sizeof(key_t_), _Alignof(key_t_), sizeof(val_t),
                                          _Alignof(val_t));
    if (bsz > sizeof bucket) { printf("bucket too big\n"); return 1; }
    unsigned phases = sizeof phase_k / sizeof phase_k[0];
    unsigned long ops = 0, iters = 0, maxlen = 0;
    for (unsigned round = 0; ops < NOPS; round++) {
        K = phase_k[round % phases];
        reset_ref();
        size_t hint = (size_t)(rnd() % 3 == 0 ? rnd() % (2 * K) : 0);
        gomap *m = (round % 3 == 1) ? gomap_make_on(T, hint, hmap, (rnd() & 1) ? bucket : NULL)
                                    : gomap_make(T, hint);
        unsigned long n = 6 * (unsigned long)K + 1000;
        bool paused_ops = round % 2 == 0;
        for (unsigned long i = 0; i < n && ops < NOPS; i++, ops++) {
            unsigned id = (unsigned)(rnd() % K);
            unsigned r = (unsigned)(rnd() % 1000);
            /* first half of a phase grows the map, second half shrinks it */
            unsigned adds = i < n / 2 ? 500 : 250;
            if (paused_ops && rnd() % 8 == 0) op_paused(m);
            if (r < adds) op_assign(m, id);
            else if (r < 800) op_access(m, id);
            else if (r < 997) op_delete(m, id);
            else if (r < 998) check_len(m);
            else if (r < 999 && rnd() % (K <= 2000 ? 4 : 64) == 0) {
                gomap_clear(m);
                for (unsigned j = 0; j < K; j++) if (present[j]) touch(j);
                reset_ref();
            }
            else if (rnd() % 2 == 0) { op_iterate(m, rnd() & 1); iters++; }
            check_len(m);
            if (gomap_len(m) > maxlen) maxlen = gomap_len(m);
        }
        for (unsigned id = 0; id < K; id++) op_access(m, id);
        op_iterate(m, false);
        for (int p = 0; p < NPAUSED; p++)   /* run the live ones to their end */
            while (paused[p].live) paused_step(&paused[p]);
        gomap_free(m);
    }
    gomap_read_memstats(&after);
    if (after.heap_allocs - before.heap_allocs != after.heap_frees - before.heap_frees)
        FAIL("allocations %llu, frees %llu",
             (unsigned long long)(after.heap_allocs - before.heap_allocs),
             (unsigned long long)(after.heap_frees - before.heap_frees));
    if (after.heap_bytes != before.heap_bytes) FAIL("heap_bytes not back to start");
    keys_done();
#ifndef STRKEY
    free(decode_tab);
#endif
    if (maxlen < (KEYSIZE_ == 1 ? 100 : 4000)) FAIL("map never grew big (max len %lu)", maxlen);
    printf("differential key=%s val=%d: %lu ops, %s (%lu iterations)\n", KEYDESC, VALSIZE, ops,
           failures ? "FAILED" : "ok", iters);
    return failures != 0;
}
