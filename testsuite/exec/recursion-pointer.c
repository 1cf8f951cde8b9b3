// Recursion through a function pointer: rec() calls itself through `next`, a
// cycle the call graph does not show.  Each frame makes a map[int64_t]v120 whose
// header (96 bytes) and first bucket (1040) would take 1136 bytes of stack; the
// recursion runs 12,000 deep on a thread with an 8 MiB stack (the usual
// default): 13.6 MB of map storage would overflow it.  The frame budget counts
// an indirect call as an edge to every function whose address is taken, so rec
// is recursive and gets 256 bytes per frame: the header only.  The old plugin
// (f1508c4) gave it 64 KiB and the program died of a stack overflow (SIGSEGV)
// at -O0 and -O2.  Plain builds without sanitizers: ASan's fake frames would
// blur the stack use.
//
// RUN: %cc -O0 -I %S/Inputs %s %root/runtime/*.c -lpthread -o %t.heap
// RUN: %cc -O0 -I %S/Inputs %s %plugin %root/runtime/*.c -lpthread -o %t.stack0
// RUN: %cc -O2 -I %S/Inputs %s %plugin %root/runtime/*.c -lpthread -o %t.stack2
// RUN: %t.heap > %t.heap.out 2> %t.heap.err
// RUN: %t.stack0 > %t.stack0.out 2> %t.stack0.err
// RUN: %t.stack2 > %t.stack2.out 2> %t.stack2.err
// RUN: diff %t.heap.out %t.stack0.out
// RUN: diff %t.heap.out %t.stack2.out
// RUN: %FileCheck %s < %t.stack2.out
// RUN: %FileCheck %s --check-prefix=STACK < %t.stack0.err
// RUN: %FileCheck %s --check-prefix=STACK < %t.stack2.err
// RUN: %cc -O2 -I %S/Inputs %s %plugin -fplugin-arg-escape-m -fplugin-arg-escape-transform=no -c -o /dev/null 2>&1 | %FileCheck %s --check-prefix=M
#include <pthread.h>
#include "phase.h"

typedef struct { char b[120]; } v120;

static long (*next)(int d);

static long rec(int d)
{
    if (d == 0)
        return 0;
    gomap *m = gomap_make(GOMAP_TYPE(int64_t, v120), 0);
    // M: recursion-pointer.c:[[@LINE-1]]:16: make(map[int64_t]v120) buckets escape to heap: stack frame limit
    int64_t k = d;
    ((v120 *)gomap_assign(m, &k))->b[0] = (char)(d & 0x3f);
    long r = ((v120 *)gomap_access(m, &k))->b[0] + next(d - 1);
    gomap_free(m);
    return r;
}

static void *run(void *arg)
{
    next = rec;
    *(long *)arg = rec(12000);
    return NULL;
}

int main(void)
{
    pthread_attr_t attr;
    pthread_t t;
    long result = 0;
    phase("start");
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, 8u << 20);
    if (pthread_create(&t, &attr, run, &result) || pthread_join(t, NULL))
        return 1;
    printf("rec(12000) = %ld\n", result);
    phase("recursion");
    return 0;
}
// CHECK: rec(12000) = 377520
// STACK: recursion: heap_allocs=[[A:[1-9][0-9]*]] heap_frees=[[A]] heap_bytes=0 stack_maps=12000 stack_buckets=0
