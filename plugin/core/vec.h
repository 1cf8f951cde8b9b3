/* vec.h - the growable arrays of the core, also used by front ends written in C
 * (escape-clang): VEC(T) is { T *v; int n, cap; }, zero-initialised when empty;
 * VPUSH appends (doubling, aborting on out of memory), VFREE releases.
 */
#ifndef ESCAPE_VEC_H
#define ESCAPE_VEC_H

#include <stddef.h>
#include <stdlib.h>

void *esc_grow(void *v, int *cap, size_t elem);   /* doubles cap, aborts on OOM */

#define VEC(T) struct { T *v; int n, cap; }
#define VPUSH(vec, x) do {                                                     \
        if ((vec).n == (vec).cap)                                              \
            (vec).v = esc_grow((vec).v, &(vec).cap, sizeof *(vec).v);          \
        (vec).v[(vec).n++] = (x);                                              \
    } while (0)
#define VFREE(vec) (free((vec).v), (vec).v = NULL, (vec).n = (vec).cap = 0)

#endif /* ESCAPE_VEC_H */
