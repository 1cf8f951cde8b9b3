// Every public function of gomap.h on a small map[int]double, with real output.
// RUN: %cc %asan %s %gomap_asan -o %t && %t | %FileCheck %s
#include <stdio.h>
#include "gomap.h"

int main(void)
{
    const gomap_type *t = GOMAP_TYPE(int, double);
    printf("name %s key %u val %u\n", t->name, t->keysize, t->valsize);
    // CHECK: name map[int]double key 4 val 8
    gomap *m = gomap_make(t, 0);
    printf("len %zu\n", gomap_len(m));
    // CHECK-NEXT: len 0
    for (int k = 1; k <= 5; k++) {
        double *v = gomap_assign(m, &k);
        printf("new %d reads %g\n", k, *v);
        *v = k * 1.5;
    }
    // CHECK-NEXT: new 1 reads 0
    // CHECK:      new 5 reads 0
    int k = 3;
    printf("len %zu m[3]=%g\n", gomap_len(m), *(double *)gomap_access(m, &k));
    // CHECK-NEXT: len 5 m[3]=4.5
    *(double *)gomap_assign(m, &k) += 10;
    printf("after += m[3]=%g len %zu\n", *(double *)gomap_access(m, &k), gomap_len(m));
    // CHECK-NEXT: after += m[3]=14.5 len 5
    k = 9;
    printf("m[9] %s\n", gomap_access(m, &k) ? "present" : "absent");
    // CHECK-NEXT: m[9] absent
    k = 2;
    bool d1 = gomap_delete(m, &k), d2 = gomap_delete(m, &k);
    printf("delete 2: %d, again: %d, len %zu\n", d1, d2, gomap_len(m));
    // CHECK-NEXT: delete 2: 1, again: 0, len 4
    gomap_iter it;
    void *kp, *vp;
    double sum = 0;
    int n = 0, keys = 0;
    gomap_iter_init(&it, m);
    while (gomap_iter_next(&it, &kp, &vp)) {
        n++;
        keys += *(int *)kp;
        sum += *(double *)vp;
    }
    bool again = gomap_iter_next(&it, &kp, &vp);
    printf("iterated %d keys sum %d vals sum %g, end key %p val %p, next again %d\n", n, keys,
           sum, kp, vp, again);
    // CHECK-NEXT: iterated 4 keys sum 13 vals sum 29.5, end key (nil) val (nil), next again 0
    gomap_clear(m);
    k = 1;
    printf("cleared len %zu m[1] %p\n", gomap_len(m), gomap_access(m, &k));
    // CHECK-NEXT: cleared len 0 m[1] (nil)
    *(double *)gomap_assign(m, &k) = 7;
    printf("reuse m[1]=%g len %zu\n", *(double *)gomap_access(m, &k), gomap_len(m));
    // CHECK-NEXT: reuse m[1]=7 len 1
    gomap_free(m);
    gomap_free(NULL);

    gomap_memstats s0, s1;
    gomap_read_memstats(&s0);
    _Alignas(GOMAP_HMAP_ALIGN) char hmap[GOMAP_HMAP_SIZE];
    _Alignas(8) char bucket[gomap_layout_bucket_size(4, 4, 8, 8)];
    m = gomap_make_on(t, 0, hmap, bucket);
    printf("make_on is header %d\n", (void *)m == (void *)hmap);
    // CHECK-NEXT: make_on is header 1
    *(double *)gomap_assign(m, &k) = 2;
    gomap_read_memstats(&s1);
    printf("stack maps +%llu buckets +%llu heap allocs +%llu\n",
           (unsigned long long)(s1.stack_maps - s0.stack_maps),
           (unsigned long long)(s1.stack_buckets - s0.stack_buckets),
           (unsigned long long)(s1.heap_allocs - s0.heap_allocs));
    // CHECK-NEXT: stack maps +1 buckets +1 heap allocs +0
    gomap_free(m);

    gostring a = GOSTR("hello");
    m = gomap_make(GOMAP_TYPE_STR(int), 0);
    *(int *)gomap_assign(m, &a) = 42;
    char buf[] = "hello";
    gostring b = { buf, 5 };
    printf("%s: %d\n", GOMAP_TYPE_STR(int)->name, *(int *)gomap_access(m, &b));
    // CHECK-NEXT: map[gostring]int: 42
    gomap_free(m);
    return 0;
}
