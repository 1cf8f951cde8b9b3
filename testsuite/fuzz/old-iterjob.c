// Reduced by tools/fuzz/reduce.py from `tools/fuzz/gen.py 15 --families iterjob` (and
// tidied): `struct job { gomap_iter *it; gomap **mp; }` handed to a helper that calls
// gomap_iter_init(j->it, *j->mp) - by pointer, or by value - with a global iterator. The
// iterator holds the map after its maker returned; the caller runs it to its end and frees
// the map it names. The plugin of f1508c4 puts the maps on the stack:
// stack-use-after-return.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %cc -O0 %asan %s %gomap_asan -o %t/heap0
// RUN: %cc -O0 %asan %plugin %s %gomap_asan -o %t/stack0
// RUN: %cc -O2 %asan %plugin %s %gomap_asan -o %t/stack2
// RUN: %t/heap0 > %t/heap.out
// RUN: %t/stack0 > %t/stack0.out
// RUN: %t/stack2 > %t/stack2.out
// RUN: diff %t/heap.out %t/stack0.out
// RUN: diff %t/heap.out %t/stack2.out
#include <stdio.h>
#include "gomap.h"

struct job { gomap_iter *it; gomap **mp; };
static gomap_iter by_pointer, by_value;

static void start(struct job *j) { gomap_iter_init(j->it, *j->mp); }
static void start_copy(struct job j) { gomap_iter_init(j.it, *j.mp); }

__attribute__((noinline)) static void make_job(int by_val)
{
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    for (int k = 0; k < 5; k++)
        *(int *)gomap_assign(m, &k) = 10 * k + by_val;
    if (by_val) {
        struct job j = { &by_value, &m };
        start_copy(j);
    } else {
        struct job j = { &by_pointer, &m };
        start(&j);
    }
}

static void drain(const char *what, gomap_iter *it)
{
    gomap *m = it->h;           /* set while entries remain */
    void *k, *v;
    int sum = 0, n = 0;
    while (gomap_iter_next(it, &k, &v)) {
        sum += *(int *)k + *(int *)v;
        n++;
    }
    printf("%s: %d entries, sum %d\n", what, n, sum);
    gomap_free(m);
}

int main(void)
{
    make_job(0);
    make_job(1);
    drain("by pointer", &by_pointer);
    drain("by value", &by_value);
    return 0;
}
