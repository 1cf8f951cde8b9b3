// A read that overlaps a write on another thread is caught as in Go:
// "fatal error: concurrent map read and map write".  The writer overwrites
// existing keys (no allocation); the reader loops until detection (bounded).
// RUN: %cc -O2 -pthread %s %gomap -o %t && %not --crash %t 2>&1 | %FileCheck %s
// CHECK: fatal error: concurrent map read and map write
// CHECK-NOT: undetected
#include <pthread.h>
#include <stdio.h>
#include <time.h>
#include "gomap.h"

static gomap *m;
static volatile int stop;

static void *writer(void *arg)
{
    (void)arg;
    while (!stop)
        for (long i = 0; i < 100000; i++) {
            long k = i % 64;
            *(long *)gomap_assign(m, &k) = i;
        }
    return NULL;
}

int main(void)
{
    m = gomap_make(GOMAP_TYPE(long, long), 64);
    for (long k = 0; k < 64; k++) gomap_assign(m, &k);
    pthread_t w;
    pthread_create(&w, NULL, writer, NULL);
    time_t end = time(NULL) + 20;
    long sink = 0;
    while (time(NULL) < end)
        for (long i = 0; i < 100000; i++) {
            long k = i % 64;
            sink += *(volatile long *)gomap_access(m, &k);
        }
    stop = 1;
    pthread_join(w, NULL);
    printf("undetected %ld\n", sink);
    return 0;
}
