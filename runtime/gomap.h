/* gomap.h - Go 1.19's hash map for C.
 *
 * A map value is a `gomap *`; NULL is the nil map, which reads as empty and aborts
 * on write, as in Go.  Keys and values are fixed-size byte blobs described by a
 * static descriptor made with GOMAP_TYPE(K, V) (raw-byte keys: padding bytes count,
 * and 0.0 and -0.0 are different keys), GOMAP_TYPE_STR(V) (gostring keys compared
 * by content; the map borrows the key bytes, which must stay unchanged while the
 * key is in the map) or GOMAP_TYPE_STRCOPY(V) (the same, but the map keeps its own
 * copy of each key's bytes):
 *
 *     gomap *m = gomap_make(GOMAP_TYPE(int, double), 0);
 *     int k = 7;
 *     *(double *)gomap_assign(m, &k) = 1.5;
 *     double *v = gomap_access(m, &k);      // NULL when absent
 *     gomap_free(m);
 *
 * A map used after gomap_free(), or freed twice, aborts with "fatal error: use of
 * freed map" (a map on the stack always; a heap map until malloc reuses its memory).
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

/* C11 or later (gnu11: the descriptor macros are GNU statement expressions); C99
 * and GNU C89 serve too, since GCC and Clang accept _Alignof there as an extension.
 * Strict C89/C90 (-std=c89, -ansi) has no inline functions; C++ needs C++11
 * (alignof, list-initialization). */
#if defined(__cplusplus) && __cplusplus < 201103L
#error "gomap.h requires C++11 or later (-std=c++11)"
#elif !defined(__cplusplus) && defined(__STRICT_ANSI__) \
    && (!defined(__STDC_VERSION__) || __STDC_VERSION__ < 199901L)
#error "gomap.h requires C99 or later (-std=gnu11 recommended), not strict C89/C90"
#else   /* the rest of the file */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "gomap_layout.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct gomap gomap;
typedef struct { const char *ptr; size_t len; } gostring;   /* borrowed bytes (see
                                                               GOMAP_TYPE_STRCOPY) */

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

/* The descriptor macros are statement expressions (a GNU extension, accepted
 * by GCC and Clang in C and C++) yielding the address of a static const
 * descriptor: the escape plugin reads its initializer at compile time. */
#define GOMAP_TYPE(K, V)                                                          \
    ({ static const gomap_type gomap_t_ = { GOMAP_LAYOUT_VERSION, sizeof(K),       \
           sizeof(V), GOMAP_ALIGNOF(K), GOMAP_ALIGNOF(V), 0, "map[" #K "]" #V };   \
       &gomap_t_; })
#define GOMAP_TYPE_STR(V)                                                         \
    ({ static const gomap_type gomap_t_ = { GOMAP_LAYOUT_VERSION, sizeof(gostring), \
           sizeof(V), GOMAP_ALIGNOF(gostring), GOMAP_ALIGNOF(V), GOMAP_TF_STRKEY,  \
           "map[gostring]" #V };                                                   \
       &gomap_t_; })
/* gostring keys whose bytes the map copies when a key is inserted (and frees on
 * delete, clear and free): the caller's buffer may change after the call. */
#define GOMAP_TYPE_STRCOPY(V)                                                     \
    ({ static const gomap_type gomap_t_ = { GOMAP_LAYOUT_VERSION, sizeof(gostring), \
           sizeof(V), GOMAP_ALIGNOF(gostring), GOMAP_ALIGNOF(V),                   \
           GOMAP_TF_STRKEY | GOMAP_TF_STRCOPY, "map[gostring]" #V };               \
       &gomap_t_; })
#ifdef __cplusplus
#define GOSTR(lit) (gostring{ (lit), sizeof(lit) - 1 })
#else
#define GOSTR(lit) ((gostring){ (lit), sizeof(lit) - 1 })
#endif

gomap *gomap_make(const gomap_type *t, size_t hint) __attribute__((returns_nonnull));
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
gomap *gomap_make_on(const gomap_type *t, size_t hint, void *hmap, void *bucket)
    __attribute__((returns_nonnull));

/* Entry points for compiled code, by key kind (Go's mapaccess1_fast32/fast64/
 * faststr, mapassign_fast*, mapdelete_fast*): the key by value.  The escape
 * plugin calls them in place of gomap_access / gomap_assign / gomap_delete when
 * it knows the map's descriptor at compile time (4-byte keys, 8-byte keys,
 * GOMAP_TYPE_STR keys; values of at most 128 bytes).  They behave exactly as the
 * generic calls with &key, on any map; access2 also stores whether the key was
 * found. */
void *gomap_access_fast32(const gomap *m, uint32_t key);
void *gomap_access_fast64(const gomap *m, uint64_t key);
void *gomap_access_faststr(const gomap *m, gostring key);
void *gomap_access2_fast32(const gomap *m, uint32_t key, bool *found);
void *gomap_access2_fast64(const gomap *m, uint64_t key, bool *found);
void *gomap_access2_faststr(const gomap *m, gostring key, bool *found);
void *gomap_assign_fast32(gomap *m, uint32_t key);
void *gomap_assign_fast64(gomap *m, uint64_t key);
void *gomap_assign_faststr(gomap *m, gostring key);
bool  gomap_delete_fast32(gomap *m, uint32_t key);
bool  gomap_delete_fast64(gomap *m, uint64_t key);
bool  gomap_delete_faststr(gomap *m, gostring key);
/* The same, or gomap_make(t, hint) when `hmap` is NULL: the call the plugin puts
 * in a helper's clone that takes its map's storage from its caller (a caller that
 * does not keep the map passes NULL). */
gomap *gomap_make_into(const gomap_type *t, size_t hint, void *hmap, void *bucket)
    __attribute__((returns_nonnull));

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
#else
#include "gomap_fast.h"   /* the plugin's inline one-bucket paths (C only) */
#endif
#endif /* a supported standard */
#endif /* GOMAP_H */
