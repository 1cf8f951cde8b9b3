// Two threads writing one map without synchronisation are caught as in Go:
// "fatal error: concurrent map writes" and abort.  The threads overwrite existing
// keys only (no allocation, no growth), so the one thing racing is the map's
// hashWriting flag; they loop until the runtime detects it (bounded: 20 s).
// RUN: %cc -O2 -pthread %s %gomap -o %t && %not --crash %t 2>&1 | %FileCheck %s
// CHECK: fatal error: concurrent map writes
// CHECK-NOT: undetected
#include <pthread.h>
#include <stdio.h>
#include <time.h>
#include "gomap.h"

static gomap *m;

static void *writer(void *arg)
{
    long base = (long)arg;
    time_t end = time(NULL) + 20;
    while (time(NULL) < end)
        for (long i = 0; i < 100000; i++) {
            long k = (i + base) % 64;
            *(long *)gomap_assign(m, &k) = i;
        }
    return NULL;
}

int main(void)
{
    m = gomap_make(GOMAP_TYPE(long, long), 64);
    for (long k = 0; k < 64; k++) gomap_assign(m, &k);
    pthread_t a, b;
    pthread_create(&a, NULL, writer, (void *)0);
    pthread_create(&b, NULL, writer, (void *)32);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    printf("undetected\n");
    return 0;
}
