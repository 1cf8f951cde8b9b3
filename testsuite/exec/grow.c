// Maps that do not escape but outgrow their stack bucket: with the plugin the
// header and first bucket are on the stack, growth moves the table to the heap,
// and gomap_free gives every runtime allocation back (heap_allocs == heap_frees,
// heap_bytes 0).  Deletes during iteration, same-size and doubling growth all
// behave as without the plugin.
//
// RUN: rm -rf %t.rt && mkdir -p %t.rt && cd %t.rt && %cc -O2 %asan -c %root/runtime/*.c
// RUN: %cc -O2 %asan -I %S/Inputs %s %t.rt/*.o -o %t.heap
// RUN: %cc -O2 %asan -I %S/Inputs %s %plugin %t.rt/*.o -o %t.stack
// RUN: %t.heap > %t.heap.out 2> %t.heap.err
// RUN: %t.stack > %t.stack.out 2> %t.stack.err
// RUN: diff %t.heap.out %t.stack.out
// RUN: %FileCheck %s < %t.stack.out
// RUN: %FileCheck %s --check-prefix=STACK < %t.stack.err
// RUN: %FileCheck %s --check-prefix=HEAP < %t.heap.err
#include "phase.h"

static long grow_to(int n)
{
    gomap *m = gomap_make(GOMAP_TYPE(int, long), 0);
    for (int i = 0; i < n; i++)
        *(long *)gomap_assign(m, &i) = 2L * i;
    long sum = 0;
    for (int i = 0; i < n; i++) {
        long *v = gomap_access(m, &i);
        sum += v ? *v : -1000000;
    }
    sum += (long)gomap_len(m);
    gomap_free(m);
    return sum;
}

// Delete every other key while iterating, then refill: exercises evacuation
// with the first bucket array on the stack.
static long delete_while_iterating(int n)
{
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    for (int i = 0; i < n; i++)
        *(int *)gomap_assign(m, &i) = i;
    gomap_iter it;
    void *k, *v;
    gomap_iter_init(&it, m);
    while (gomap_iter_next(&it, &k, &v))
        if (*(int *)k % 2 == 0)
            gomap_delete(m, k);
    long left = (long)gomap_len(m);
    for (int i = n; i < 2 * n; i++)
        *(int *)gomap_assign(m, &i) = i;
    long sum = 0;
    gomap_iter_init(&it, m);
    while (gomap_iter_next(&it, &k, &v))
        sum += *(int *)v;
    gomap_free(m);
    return left * 1000000 + sum;
}

// Insert and delete many distinct keys while the size stays small: overflow
// buckets pile up and same-size growth kicks in.
static long churn_same_size(int rounds)
{
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    for (int i = 0; i < rounds; i++) {
        *(int *)gomap_assign(m, &i) = i;
        if (i >= 6) {
            int old = i - 6;
            gomap_delete(m, &old);
        }
    }
    long sum = 0;
    gomap_iter it;
    void *k, *v;
    gomap_iter_init(&it, m);
    while (gomap_iter_next(&it, &k, &v))
        sum += *(int *)v;
    long r = (long)gomap_len(m) * 1000000 + sum;
    gomap_free(m);
    return r;
}

// gomap_clear keeps the capacity; the map is then reused.
static long clear_and_reuse(void)
{
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    for (int i = 0; i < 100; i++)
        *(int *)gomap_assign(m, &i) = i;
    gomap_clear(m);
    long r = (long)gomap_len(m);
    for (int i = 0; i < 5; i++)
        *(int *)gomap_assign(m, &i) = 10 * i;
    int four = 4;
    r = r * 100 + (long)gomap_len(m) * 10 + *(int *)gomap_access(m, &four) / 10;
    gomap_free(m);
    return r;
}

int main(void)
{
    phase("start");
    printf("grow_to(9) = %ld\n", grow_to(9));
    printf("grow_to(1000) = %ld\n", grow_to(1000));
    phase("grow");
    printf("delete_while_iterating(200) = %ld\n", delete_while_iterating(200));
    printf("churn_same_size(5000) = %ld\n", churn_same_size(5000));
    printf("clear_and_reuse = %ld\n", clear_and_reuse());
    phase("mixed");
    return 0;
}
// CHECK: grow_to(9) = 81
// CHECK: grow_to(1000) = 1000000
// CHECK: delete_while_iterating(200) = 100069900
// CHECK: churn_same_size(5000) = 6029979
// CHECK: clear_and_reuse = 54
//
// STACK: grow: heap_allocs=[[G:[1-9][0-9]*]] heap_frees=[[G]] heap_bytes=0 stack_maps=2 stack_buckets=2
// STACK: mixed: heap_allocs=[[M:[1-9][0-9]*]] heap_frees=[[M]] heap_bytes=0 stack_maps=3 stack_buckets=3
// HEAP: grow: heap_allocs=[[G:[1-9][0-9]*]] heap_frees=[[G]] heap_bytes=0 stack_maps=0 stack_buckets=0
// HEAP: mixed: heap_allocs=[[M:[1-9][0-9]*]] heap_frees=[[M]] heap_bytes=0 stack_maps=0 stack_buckets=0
