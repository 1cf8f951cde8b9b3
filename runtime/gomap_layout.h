/* gomap_layout.h - the memory layout contract between the gomap runtime and the
 * escape plugin.
 *
 * Both sides include this file: the runtime (runtime/gomap.c) to lay out buckets,
 * and the plugin's analysis core (plugin/core) to size the stack storage it gives
 * to gomap_make_on().  The two must compute the same numbers, so the computation
 * lives here once, in plain C with no dependencies.
 *
 * A descriptor (struct gomap_type) is a static const object with this field order;
 * the plugin reads its initializer by position, so the order is fixed by
 * GOMAP_LAYOUT_VERSION and any change to it must bump the version:
 *
 *   0 version    GOMAP_LAYOUT_VERSION
 *   1 keysize    sizeof(K) in bytes
 *   2 valsize    sizeof(V) in bytes
 *   3 keyalign   alignment of K
 *   4 valalign   alignment of V
 *   5 flags      GOMAP_TF_* bits
 *   6 name       "map[K]V"
 *
 * Bucket (Go's bmap), for B buckets of 8 slots each:
 *
 *   +-------------+----------------+----------------+----------+
 *   | tophash[8]  | keys[8]        | values[8]      | overflow |
 *   +-------------+----------------+----------------+----------+
 *
 * A key or value larger than GOMAP_MAX_INLINE bytes is stored indirectly: its slot
 * holds a pointer to a separate allocation, as in Go.
 */
#ifndef GOMAP_LAYOUT_H
#define GOMAP_LAYOUT_H

#include <stddef.h>
#include <stdint.h>

/* Alignment of a type, in C (C11's _Alignof) and in C++ (alignof). */
#ifdef __cplusplus
#define GOMAP_ALIGNOF(T) alignof(T)
#else
#define GOMAP_ALIGNOF(T) _Alignof(T)
#endif

#define GOMAP_LAYOUT_VERSION 1u
#define GOMAP_BUCKET_SLOTS   8u     /* Go's bucketCnt */
#define GOMAP_MAX_INLINE     128u   /* Go's maxKeySize / maxElemSize */

/* Descriptor flags. */
#define GOMAP_TF_STRKEY      0x1u   /* keys are gostring, hashed/compared by content */
#define GOMAP_TF_STRCOPY     0x2u   /* with STRKEY: the map owns a copy of each key's bytes */

/* Storage the plugin gives for a map header (struct gomap, the hmap). */
#define GOMAP_HMAP_SIZE      96u
#define GOMAP_HMAP_ALIGN     8u

static inline size_t gomap_layout_round(size_t n, size_t a)
{
    return (n + a - 1) / a * a;
}

/* Size and alignment of one key or value slot. */
static inline size_t gomap_layout_slot_size(size_t size)
{
    return size > GOMAP_MAX_INLINE ? sizeof(void *) : size;
}
static inline size_t gomap_layout_slot_align(size_t size, size_t align)
{
    if (size > GOMAP_MAX_INLINE) return GOMAP_ALIGNOF(void *);
    return align ? align : 1;
}

/* Offsets inside a bucket. */
static inline size_t gomap_layout_keys_off(size_t ks, size_t ka)
{
    return gomap_layout_round(GOMAP_BUCKET_SLOTS, gomap_layout_slot_align(ks, ka));
}
static inline size_t gomap_layout_vals_off(size_t ks, size_t ka, size_t vs, size_t va)
{
    return gomap_layout_round(gomap_layout_keys_off(ks, ka)
                              + GOMAP_BUCKET_SLOTS * gomap_layout_slot_size(ks),
                              gomap_layout_slot_align(vs, va));
}
static inline size_t gomap_layout_overflow_off(size_t ks, size_t ka, size_t vs, size_t va)
{
    return gomap_layout_round(gomap_layout_vals_off(ks, ka, vs, va)
                              + GOMAP_BUCKET_SLOTS * gomap_layout_slot_size(vs),
                              GOMAP_ALIGNOF(void *));
}

/* Alignment of a bucket: at least 8 so the tophash bytes load as one word. */
static inline size_t gomap_layout_bucket_align(size_t ks, size_t ka, size_t vs, size_t va)
{
    size_t a = 8;
    if (gomap_layout_slot_align(ks, ka) > a) a = gomap_layout_slot_align(ks, ka);
    if (gomap_layout_slot_align(vs, va) > a) a = gomap_layout_slot_align(vs, va);
    return a;
}
static inline size_t gomap_layout_bucket_size(size_t ks, size_t ka, size_t vs, size_t va)
{
    return gomap_layout_round(gomap_layout_overflow_off(ks, ka, vs, va) + sizeof(void *),
                              gomap_layout_bucket_align(ks, ka, vs, va));
}

#endif /* GOMAP_LAYOUT_H */
