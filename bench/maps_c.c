/* maps_c.c - the u64 and string workloads (runner.h) on one C hash table, chosen at
 * compile time: -DIMPL_GOMAP (ours), -DIMPL_GLIB (GLib's GHashTable, keys and values
 * stored directly in the pointers, string keys as NUL-terminated char *) or
 * -DIMPL_KHASH (htslib's khash.h: KHASH_MAP_INIT_INT64 and KHASH_MAP_INIT_STR).
 */
#include <stdbool.h>
#include "workload.h"

#if defined(IMPL_GOMAP)
#include "gomap.h"

typedef gomap map_u64;
typedef gomap map_str;

static inline map_u64 *mu_new(size_t hint) { return gomap_make(GOMAP_TYPE(uint64_t, uint64_t), hint); }
static inline void mu_put(map_u64 *m, uint64_t k, uint64_t v) { *(uint64_t *)gomap_assign(m, &k) = v; }
static inline bool mu_get(map_u64 *m, uint64_t k, uint64_t *v)
{
    uint64_t *p = gomap_access(m, &k);
    if (p) *v = *p;
    return p != NULL;
}
static inline bool mu_del(map_u64 *m, uint64_t k) { return gomap_delete(m, &k); }
static inline size_t mu_len(map_u64 *m) { return gomap_len(m); }
static inline uint64_t mu_sum(map_u64 *m)
{
    gomap_iter it;
    void *k, *v;
    uint64_t s = 0;
    gomap_iter_init(&it, m);
    while (gomap_iter_next(&it, &k, &v)) s += *(uint64_t *)k ^ *(uint64_t *)v;
    return s;
}
static inline void mu_free(map_u64 *m) { gomap_free(m); }

static inline map_str *ms_new(size_t hint) { return gomap_make(GOMAP_TYPE_STR(int64_t), hint); }
static inline void ms_put(map_str *m, const char *p, size_t len, int64_t v)
{
    gostring k = { p, len };
    *(int64_t *)gomap_assign(m, &k) = v;
}
static inline bool ms_get(map_str *m, const char *p, size_t len, int64_t *v)
{
    gostring k = { p, len };
    int64_t *q = gomap_access(m, &k);
    if (q) *v = *q;
    return q != NULL;
}
static inline void ms_free(map_str *m) { gomap_free(m); }

#elif defined(IMPL_GLIB)
#include <glib.h>

typedef GHashTable map_u64;
typedef GHashTable map_str;

/* Values are never 0 (u64_val sets the low bit; string values start at 1). */
static inline map_u64 *mu_new(size_t hint) { (void)hint; return g_hash_table_new(NULL, NULL); }
static inline void mu_put(map_u64 *m, uint64_t k, uint64_t v)
{
    g_hash_table_insert(m, (gpointer)(uintptr_t)k, (gpointer)(uintptr_t)v);
}
static inline bool mu_get(map_u64 *m, uint64_t k, uint64_t *v)
{
    gpointer p = g_hash_table_lookup(m, (gconstpointer)(uintptr_t)k);
    if (p) *v = (uint64_t)(uintptr_t)p;
    return p != NULL;
}
static inline bool mu_del(map_u64 *m, uint64_t k) { return g_hash_table_remove(m, (gconstpointer)(uintptr_t)k); }
static inline size_t mu_len(map_u64 *m) { return g_hash_table_size(m); }
static inline uint64_t mu_sum(map_u64 *m)
{
    GHashTableIter it;
    gpointer k, v;
    uint64_t s = 0;
    g_hash_table_iter_init(&it, m);
    while (g_hash_table_iter_next(&it, &k, &v)) s += (uint64_t)(uintptr_t)k ^ (uint64_t)(uintptr_t)v;
    return s;
}
static inline void mu_free(map_u64 *m) { g_hash_table_destroy(m); }

static inline map_str *ms_new(size_t hint) { (void)hint; return g_hash_table_new(g_str_hash, g_str_equal); }
static inline void ms_put(map_str *m, const char *p, size_t len, int64_t v)
{
    (void)len;
    g_hash_table_insert(m, (gpointer)p, (gpointer)(intptr_t)v);
}
static inline bool ms_get(map_str *m, const char *p, size_t len, int64_t *v)
{
    (void)len;
    gpointer q = g_hash_table_lookup(m, p);
    if (q) *v = (int64_t)(intptr_t)q;
    return q != NULL;
}
static inline void ms_free(map_str *m) { g_hash_table_destroy(m); }

#elif defined(IMPL_KHASH)
#include <htslib/khash.h>

KHASH_MAP_INIT_INT64(u64, uint64_t)
KHASH_MAP_INIT_STR(str, int64_t)
typedef khash_t(u64) map_u64;
typedef khash_t(str) map_str;

static inline map_u64 *mu_new(size_t hint)
{
    map_u64 *m = kh_init(u64);
    if (hint) kh_resize(u64, m, (khint_t)(hint / 0.77 + 1));
    return m;
}
static inline void mu_put(map_u64 *m, uint64_t k, uint64_t v)
{
    int ret;
    khint_t it = kh_put(u64, m, k, &ret);
    kh_val(m, it) = v;
}
static inline bool mu_get(map_u64 *m, uint64_t k, uint64_t *v)
{
    khint_t it = kh_get(u64, m, k);
    if (it == kh_end(m)) return false;
    *v = kh_val(m, it);
    return true;
}
static inline bool mu_del(map_u64 *m, uint64_t k)
{
    khint_t it = kh_get(u64, m, k);
    if (it == kh_end(m)) return false;
    kh_del(u64, m, it);
    return true;
}
static inline size_t mu_len(map_u64 *m) { return kh_size(m); }
static inline uint64_t mu_sum(map_u64 *m)
{
    uint64_t s = 0;
    for (khint_t it = kh_begin(m); it != kh_end(m); ++it)
        if (kh_exist(m, it)) s += kh_key(m, it) ^ kh_val(m, it);
    return s;
}
static inline void mu_free(map_u64 *m) { kh_destroy(u64, m); }

static inline map_str *ms_new(size_t hint)
{
    map_str *m = kh_init(str);
    if (hint) kh_resize(str, m, (khint_t)(hint / 0.77 + 1));
    return m;
}
static inline void ms_put(map_str *m, const char *p, size_t len, int64_t v)
{
    (void)len;
    int ret;
    khint_t it = kh_put(str, m, p, &ret);
    kh_val(m, it) = v;
}
static inline bool ms_get(map_str *m, const char *p, size_t len, int64_t *v)
{
    (void)len;
    khint_t it = kh_get(str, m, p);
    if (it == kh_end(m)) return false;
    *v = kh_val(m, it);
    return true;
}
static inline void ms_free(map_str *m) { kh_destroy(str, m); }

#else
#error "define IMPL_GOMAP, IMPL_GLIB or IMPL_KHASH"
#endif

#include "runner.h"

int main(int argc, char **argv) { return runner_main(argc, argv); }
