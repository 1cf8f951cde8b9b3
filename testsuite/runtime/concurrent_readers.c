// Reads and iterations may run concurrently with each other (as in Go): two
// threads looking up and iterating one map at the same time report nothing and
// see consistent contents; the iterator count returns to zero.
// RUN: %cc -O2 -pthread %asan %s %gomap_asan -o %t && %t | %FileCheck %s
// CHECK: reader 0: bad 0
// CHECK: reader 1: bad 0
// CHECK: iters live 0
#include <pthread.h>
#include <stdio.h>
#include "gomap.h"
#include "gomap_debug.h"

static gomap *m;

static void *reader(void *arg)
{
    long bad = 0;
    for (int round = 0; round < 200; round++) {
        for (long k = 0; k < 5000; k += 7) {
            long *v = gomap_access(m, &k);
            if (!v || *v != k * 2) bad++;
        }
        gomap_iter it;
        void *kp, *vp;
        long n = 0;
        for (gomap_iter_init(&it, m); gomap_iter_next(&it, &kp, &vp); n++)
            if (*(long *)vp != *(long *)kp * 2) bad++;
        if (n != 5000) bad++;
    }
    return (void *)bad;
}

int main(void)
{
    m = gomap_make(GOMAP_TYPE(long, long), 0);
    for (long k = 0; k < 5000; k++) *(long *)gomap_assign(m, &k) = k * 2;
    pthread_t t[2];
    for (long i = 0; i < 2; i++) pthread_create(&t[i], NULL, reader, (void *)i);
    for (int i = 0; i < 2; i++) {
        void *bad;
        pthread_join(t[i], &bad);
        printf("reader %d: bad %ld\n", i, (long)bad);
    }
    gomap_debug d;
    gomap_debug_info(m, &d);
    printf("iters live %u\n", d.iters);
    gomap_free(m);
    return 0;
}
