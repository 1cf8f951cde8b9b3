// Where the rewrite puts the stack storage: a map made in an inner block whose
// handle is used after the block ends must keep its storage until then (ASan's
// use-after-scope check and a sibling block scribbling its own locals catch a
// block-scoped slot); a map passed to a call in tail position must not lose
// its frame to a sibling call; a cleanup handler reads the map at scope exit.
//
// RUN: rm -rf %t.rt && mkdir -p %t.rt && cd %t.rt && %cc -O2 %asan -c %root/runtime/*.c
// RUN: %cc -O2 %asan -I %S/Inputs %s %t.rt/*.o -o %t.heap
// RUN: %cc -O2 %asan -I %S/Inputs %s %plugin %t.rt/*.o -o %t.stack
// RUN: %cc -O0 %asan -I %S/Inputs %s %plugin %t.rt/*.o -o %t.stack0
// RUN: %cc -O2 -I %S/Inputs %s %plugin %root/runtime/*.c -o %t.plain
// RUN: %t.heap > %t.heap.out 2> %t.heap.err
// RUN: %t.stack > %t.stack.out 2> %t.stack.err
// RUN: %t.stack0 > %t.stack0.out 2> %t.stack0.err
// RUN: %t.plain > %t.plain.out 2> %t.plain.err
// RUN: diff %t.heap.out %t.stack.out
// RUN: diff %t.heap.out %t.stack0.out
// RUN: diff %t.heap.out %t.plain.out
// RUN: %FileCheck %s < %t.stack.out
// RUN: %FileCheck %s --check-prefix=STACK < %t.stack.err
// RUN: %FileCheck %s --check-prefix=STACK < %t.plain.err
#include <string.h>
#include "phase.h"

__attribute__((noinline)) static int sum_bytes(const unsigned char *b, size_t n)
{
    int s = 0;
    for (size_t i = 0; i < n; i++)
        s += b[i];
    return s;
}

static long outlives_its_block(int n)
{
    gomap *kept;
    {
        gomap *m = gomap_make(GOMAP_TYPE(int, long), 0);
        for (int i = 0; i < n; i++)
            *(long *)gomap_assign(m, &i) = 1000L + i;
        kept = m;
    }
    int junk = 0;
    {
        unsigned char buf[512];
        memset(buf, 0xa5, sizeof buf);
        junk = sum_bytes(buf, sizeof buf);
    }
    long s = junk == 0xa5 * 512;
    for (int i = 0; i < n; i++) {
        long *v = gomap_access(kept, &i);
        s += v ? *v : -100000;
    }
    gomap_free(kept);
    return s;
}

// Two maps in sibling blocks: each stays in its block.
static long sibling_blocks(void)
{
    long s = 0;
    {
        gomap *a = gomap_make(GOMAP_TYPE(int, int), 0);
        int k = 1;
        *(int *)gomap_assign(a, &k) = 10;
        s += *(int *)gomap_access(a, &k);
        gomap_free(a);
    }
    {
        gomap *b = gomap_make(GOMAP_TYPE(int, int), 0);
        int k = 2;
        *(int *)gomap_assign(b, &k) = 20;
        s += *(int *)gomap_access(b, &k);
        gomap_free(b);
    }
    return s;
}

__attribute__((noinline)) static size_t total_len_free(gomap *m, gomap *n)
{
    size_t r = gomap_len(m) + gomap_len(n);
    gomap_free(m);
    gomap_free(n);
    return r;
}

// The maps are handed to a call in tail position; the callee reads and frees them.
__attribute__((noinline)) static size_t tail_position(int n)
{
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    gomap *e = gomap_make(GOMAP_TYPE(int, int), 0);
    for (int i = 0; i < n; i++)
        *(int *)gomap_assign(m, &i) = i;
    return total_len_free(m, e);
}

// The cleanup attribute: the handler runs at the end of m's scope and still
// reads the map, whose storage must live at least that long.
static void free_map(gomap **p)
{
    int k = 1;
    int *v = gomap_access(*p, &k);
    printf("cleanup sees %d\n", v ? *v : -1);
    gomap_free(*p);
}

static size_t with_cleanup(int n)
{
    size_t r = 0;
    {
        gomap *m __attribute__((cleanup(free_map))) = gomap_make(GOMAP_TYPE(int, int), 0);
        for (int i = 0; i < n; i++)
            *(int *)gomap_assign(m, &i) = i + 100;
        r = gomap_len(m);
    }
    return r;
}

int main(void)
{
    phase("start");
    printf("outlives_its_block(6) = %ld\n", outlives_its_block(6));
    printf("sibling_blocks = %ld\n", sibling_blocks());
    printf("tail_position(5) = %zu\n", tail_position(5));
    printf("with_cleanup(3) = %zu\n", with_cleanup(3));
    phase("scopes");
    return 0;
}
// CHECK: outlives_its_block(6) = 6016
// CHECK: sibling_blocks = 30
// CHECK: tail_position(5) = 5
// CHECK: cleanup sees 101
// CHECK: with_cleanup(3) = 3
// STACK: scopes: heap_allocs=0 heap_frees=0 heap_bytes=0 stack_maps=6 stack_buckets=6
