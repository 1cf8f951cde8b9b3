// Hostile inputs: POSIX threads.  Each thread's own map is local to its thread
// function (stack); a map handed to pthread_create is kept by an unknown callee
// and used by another thread (heap), as are the arrays whose addresses libc gets.
// The program runs the same with and without the plugin under ASan.
// RUN: %cc -pthread -O0 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -pthread -O2 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -pthread -O2 %s %plugin %asan %root/runtime/*.c -o %t.on && %t.on > %t.on.out
// RUN: %cc -pthread -O2 %s %asan %gomap_asan -o %t.off && %t.off > %t.off.out
// RUN: diff %t.on.out %t.off.out
// RUN: %FileCheck --check-prefix=OUT %s < %t.on.out
// OUT: 100 200 300 400 50
#include <pthread.h>
#include <stdio.h>
#include "gomap.h"
// CHECK: {{.*}}:[[@LINE+1]]:27: arg does not escape
static void *worker(void *arg)
{
    int id = *(int *)arg;
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) does not escape
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    for (int i = 0; i < 100 * (id + 1); i++) *(int *)gomap_assign(m, &i) = i;
    size_t n = gomap_len(m);
    gomap_free(m);
    *(int *)arg = (int)n;
    return NULL;
}
// CHECK: {{.*}}:[[@LINE+1]]:27: arg does not escape
static void *filler(void *arg)
{
    gomap *m = arg;
    for (int i = 0; i < 50; i++) *(int *)gomap_assign(m, &i) = i;
    return NULL;
}
int main(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:15: &t escapes to heap
    pthread_t t[4];
    // CHECK: {{.*}}:[[@LINE+1]]:9: &ids escapes to heap
    int ids[4] = { 0, 1, 2, 3 };
    for (int i = 0; i < 4; i++) pthread_create(&t[i], NULL, worker, &ids[i]);
    for (int i = 0; i < 4; i++) pthread_join(t[i], NULL);
    // CHECK: {{.*}}:[[@LINE+1]]:21: make(map[int]int) escapes to heap
    gomap *shared = gomap_make(GOMAP_TYPE(int, int), 0);
    pthread_create(&t[0], NULL, filler, shared);
    pthread_join(t[0], NULL);
    printf("%d %d %d %d %zu\n", ids[0], ids[1], ids[2], ids[3], gomap_len(shared));
    gomap_free(shared);
    return 0;
}
