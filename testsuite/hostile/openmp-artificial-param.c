// Hostile inputs: GCC's OpenMP outlining adds functions with an artificial
// parameter (.omp_data_i) the user never wrote; diagnostics are about the user's
// code, so no line may name it (as Go reports nothing for compiler temporaries).
// RUN: %cc -fopenmp -O2 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=omp_data
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
