// gomap_make_into: the call in a helper's clone that takes its map's storage from
// the caller (docs/design.md "Maps made by helpers").  Given a header (and a
// bucket) it is gomap_make_on; given NULL, gomap_make: the heap, freed by
// gomap_free (ASan reports a leak or a free of stack storage).
// RUN: %cc %asan %s %gomap_asan -o %t && %t | %FileCheck %s
#include <stdio.h>
#include "gomap.h"

static void show(const char *what, const gomap_memstats *a, const gomap_memstats *b)
{
    printf("%s: heap_allocs=%llu stack_maps=%llu stack_buckets=%llu\n", what,
           (unsigned long long)(b->heap_allocs - a->heap_allocs),
           (unsigned long long)(b->stack_maps - a->stack_maps),
           (unsigned long long)(b->stack_buckets - a->stack_buckets));
}

static long fill(gomap *m, int n)
{
    for (int i = 0; i < n; i++)
        *(int *)gomap_assign(m, &i) = i * 3;
    long s = 0;
    for (int i = 0; i < n; i++)
        s += *(int *)gomap_access(m, &i);
    return s;
}

int main(void)
{
    gomap_memstats s0, s1;
    const gomap_type *t = GOMAP_TYPE(int, int);
    _Alignas(GOMAP_HMAP_ALIGN) char hmap[GOMAP_HMAP_SIZE];
    _Alignas(8) char bucket[256];

    gomap_read_memstats(&s0);
    gomap *a = gomap_make_into(t, 0, hmap, bucket);
    printf("given: %ld\n", fill(a, 5));
    gomap_free(a);
    gomap_read_memstats(&s1);
    show("given", &s0, &s1);

    gomap_read_memstats(&s0);
    gomap *b = gomap_make_into(t, 0, hmap, NULL);
    printf("header only: %ld\n", fill(b, 5));
    gomap_free(b);
    gomap_read_memstats(&s1);
    show("header only", &s0, &s1);

    gomap_read_memstats(&s0);
    gomap *c = gomap_make_into(t, 0, NULL, NULL);
    printf("none: %ld\n", fill(c, 5));
    gomap_free(c);
    gomap_read_memstats(&s1);
    show("none", &s0, &s1);
    return 0;
}
// CHECK: given: 30
// CHECK: given: heap_allocs=0 stack_maps=1 stack_buckets=1
// CHECK: header only: 30
// CHECK: header only: heap_allocs=1 stack_maps=1 stack_buckets=0
// CHECK: none: 30
// CHECK: none: heap_allocs=2 stack_maps=0 stack_buckets=0
