/* maps.h - helpers shared by the executable tests that build maps of int -> int:
 * total() sums a map by iteration (keys weighted), LOCAL_MAP makes and fills a map
 * in place in the caller's frame, NOINL keeps a helper a real call at -O2. */
#ifndef EXEC_MAPS_H
#define EXEC_MAPS_H
#include "gomap.h"

#define NOINL __attribute__((noinline))

static inline long total(gomap *m)
{
    long s = 0;
    gomap_iter it;
    void *k, *v;
    gomap_iter_init(&it, m);
    while (gomap_iter_next(&it, &k, &v))
        s += *(int *)k * 1000L + *(int *)v;
    return s;
}

#define LOCAL_MAP(name, n, base)                                  \
    gomap *name = gomap_make(GOMAP_TYPE(int, int), 0);            \
    for (int i_ = 0; i_ < (n); i_++)                              \
        *(int *)gomap_assign(name, &i_) = (base) + i_

#endif
