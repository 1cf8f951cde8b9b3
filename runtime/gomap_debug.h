/* gomap_debug.h - test-only introspection of a map's internal state (not part of
 * the public API in gomap.h; the lit tests use it to check growth decisions). */
#ifndef GOMAP_DEBUG_H
#define GOMAP_DEBUG_H
#include "gomap.h"

typedef struct gomap_debug {
    unsigned B;              /* log2 of the number of buckets */
    size_t overflow;         /* overflow buckets chained in the current array */
    unsigned noverflow;      /* the map's approximate count (Go's noverflow) */
    bool growing;            /* an old array is being evacuated */
    bool same_size;          /* ... by a same-size growth */
    size_t graves;           /* retired storage kept for paused iterators */
    unsigned reclaimed;      /* arrays with this id or lower were reclaimed (capped) */
    unsigned iters;          /* iterators started and not yet at their end */
    bool hmap_given, bucket_given;
} gomap_debug;

#ifdef __cplusplus
extern "C"
#endif
void gomap_debug_info(const gomap *m, gomap_debug *out);
#endif
