// Hostile inputs: OpenMP (-fopenmp).  The parallel region is outlined by GCC and
// the shared variables reach it through a struct passed to libgomp: a map made
// outside and used inside escapes (sound: libgomp is an unknown callee); a map
// made and freed inside the region is private to each thread (stack); one
// published to a shared global from inside escapes.
// The outlined functions' artificial parameter (.omp_data_i) is checked in
// openmp-artificial-param.c; here only the map verdicts are exact.
// RUN: %cc -fopenmp -O0 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=make
// RUN: %cc -fopenmp -O2 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=make
// RUN: %cc -fopenmp -O2 %s %plugin %asan %root/runtime/*.c -o %t.on && env OMP_NUM_THREADS=2 %t.on > %t.on.out
// RUN: %cc -fopenmp -O2 %s %asan %gomap_asan -o %t.off && env OMP_NUM_THREADS=2 %t.off > %t.off.out
// RUN: diff %t.on.out %t.off.out
// RUN: %FileCheck --check-prefix=OUT %s < %t.on.out
#include <omp.h>
#include <stdio.h>
#include "gomap.h"
size_t outside(int n)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    #pragma omp parallel for
    for (int i = 0; i < n; i++) {
        #pragma omp critical
        *(int *)gomap_assign(m, &i) = i;
    }
    size_t t = gomap_len(m);
    gomap_free(m);
    return t;
}
size_t inside(int n)
{
    size_t total = 0;
    #pragma omp parallel reduction(+:total)
    {
        // CHECK: {{.*}}:[[@LINE+1]]:20: make(map[int]int) does not escape
        gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
        for (int i = 0; i < n; i++) *(int *)gomap_assign(m, &i) = i;
        total += gomap_len(m);
        gomap_free(m);
    }
    return total / (size_t)omp_get_max_threads();
}
static gomap *shared_out;
size_t inside_leaks(void)
{
    #pragma omp parallel num_threads(2)
    {
        // CHECK: {{.*}}:[[@LINE+1]]:20: make(map[int]int) escapes to heap
        gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
        #pragma omp single
        shared_out = m;
        #pragma omp barrier
        if (shared_out != m) gomap_free(m);
    }
    size_t t = gomap_len(shared_out);
    gomap_free(shared_out);
    return t;
}
size_t tasks(int n)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    #pragma omp parallel
    #pragma omp single
    for (int i = 0; i < n; i++) {
        #pragma omp task firstprivate(i)
        {
            #pragma omp critical
            *(int *)gomap_assign(m, &i) = i;
        }
    }
    size_t t = gomap_len(m);
    gomap_free(m);
    return t;
}
int main(void)
{
    size_t a = outside(100), b = inside(10), c = inside_leaks(), d = tasks(50);
    printf("%zu %zu %zu %zu\n", a, b, c, d);
    return 0;
}
// OUT: 100 10 0 50
