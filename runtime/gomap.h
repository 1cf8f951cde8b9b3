/* gomap.h - Go 1.19's hash map for C.
 *
 * A map value is a `gomap *`; NULL is the nil map, which reads as empty and aborts
 * on write, as in Go.  Keys and values are fixed-size byte blobs described by a
 * static descriptor made with GOMAP_TYPE(K, V) (raw-byte keys) or GOMAP_TYPE_STR(V)
 * (gostring keys compared by content):
 *
 *     gomap *m = gomap_make(GOMAP_TYPE(int, double), 0);
 *     int k = 7;
 *     *(double *)gomap_assign(m, &k) = 1.5;
 *     double *v = gomap_access(m, &k);      // NULL when absent
 *     gomap_free(m);
 *
 * Compiled with -fplugin=escape.so, a gomap_make() whose map provably does not
 * outlive its function becomes gomap_make_on() with storage on the caller's stack.
 *
 * The descriptor layout below is read by the plugin at compile time: see
 * gomap_layout.h for the field order and GOMAP_LAYOUT_VERSION.
 */
#ifndef GOMAP_H
#define GOMAP_H
#pragma GCC system_header

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "gomap_layout.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct gomap gomap;
typedef struct { const char *ptr; size_t len; } gostring;   /* borrowed bytes */

/* Descriptor: field order fixed by GOMAP_LAYOUT_VERSION (gomap_layout.h). */
typedef struct gomap_type {
    uint32_t version;     /* GOMAP_LAYOUT_VERSION */
    uint32_t keysize;
    uint32_t valsize;
    uint32_t keyalign;
    uint32_t valalign;
    uint32_t flags;       /* GOMAP_TF_* */
    const char *name;     /* "map[K]V" */
} gomap_type;

#define GOMAP_TYPE(K, V)                                                          \
    ({ static const gomap_type gomap_t_ = { GOMAP_LAYOUT_VERSION, sizeof(K),       \
           sizeof(V), _Alignof(K), _Alignof(V), 0, "map[" #K "]" #V };             \
       &gomap_t_; })
#define GOMAP_TYPE_STR(V)                                                         \
    ({ static const gomap_type gomap_t_ = { GOMAP_LAYOUT_VERSION, sizeof(gostring), \
           sizeof(V), _Alignof(gostring), _Alignof(V), GOMAP_TF_STRKEY,            \
           "map[gostring]" #V };                                                   \
       &gomap_t_; })
#define GOSTR(lit) ((gostring){ (lit), sizeof(lit) - 1 })

gomap *gomap_make(const gomap_type *t, size_t hint);
void  *gomap_assign(gomap *m, const void *key);
void  *gomap_access(const gomap *m, const void *key);
bool   gomap_delete(gomap *m, const void *key);
size_t gomap_len(const gomap *m);
void   gomap_clear(gomap *m);
void   gomap_free(gomap *m);

/* Entry point for compiled code (the plugin's rewrite of gomap_make): build the map
 * in `hmap` (GOMAP_HMAP_SIZE bytes, GOMAP_HMAP_ALIGN-aligned) and, when `bucket` is
 * not NULL and the hint fits one bucket, use `bucket` (gomap_layout_bucket_size()
 * bytes for the descriptor's sizes) as its first bucket array.  The runtime never
 * frees given storage; gomap_free() frees only what the runtime allocated. */
gomap *gomap_make_on(const gomap_type *t, size_t hint, void *hmap, void *bucket);
/* The same, or gomap_make(t, hint) when `hmap` is NULL: the call the plugin puts
 * in a helper's clone that takes its map's storage from its caller (a caller that
 * does not keep the map passes NULL). */
gomap *gomap_make_into(const gomap_type *t, size_t hint, void *hmap, void *bucket);

/* Iterator (Go's hiter): a complete type so it can live on the caller's stack. */
typedef struct gomap_iter {
    void *key;            /* current slot pointers (NULL at the end) */
    void *elem;
    gomap *h;
    void *buckets;        /* bucket array at iterator_init */
    void *bptr;           /* current bucket */
    uintptr_t start_bucket;
    uintptr_t bucket;
    uintptr_t check_bucket;
    uint8_t offset;       /* intra-bucket start offset */
    uint8_t wrapped;
    uint8_t B;
    uint8_t i;
    uint32_t gen;         /* oldest bucket array id this iterator may read */
} gomap_iter;
void gomap_iter_init(gomap_iter *it, gomap *m);
bool gomap_iter_next(gomap_iter *it, void **key, void **val);

typedef struct gomap_memstats {
    uint64_t heap_allocs;    /* allocations the runtime made, ever */
    uint64_t heap_frees;     /* of those, freed */
    uint64_t heap_bytes;     /* bytes currently allocated by the runtime */
    uint64_t stack_maps;     /* maps created on storage given by compiled code */
    uint64_t stack_buckets;  /* of those, with their first bucket also given */
} gomap_memstats;
void gomap_read_memstats(gomap_memstats *out);   /* thread-safe */

#ifdef __cplusplus
}
#endif
#endif /* GOMAP_H */
