// Small maps that do not escape (hint <= 8, at most 8 entries, key+value <= 128
// bytes) live entirely on the stack with the plugin: zero runtime heap
// allocations, one stack header and bucket per map made.  Without the plugin the
// same program allocates and frees everything; the results are identical.
//
// RUN: rm -rf %t.rt && mkdir -p %t.rt && cd %t.rt && %cc -O2 %asan -c %root/runtime/*.c
// RUN: %cc -O2 %asan -I %S/Inputs %s %t.rt/*.o -o %t.heap
// RUN: %cc -O2 %asan -I %S/Inputs %s %plugin %t.rt/*.o -o %t.stack
// RUN: %cc -O0 %asan -I %S/Inputs %s %plugin %t.rt/*.o -o %t.stack0
// RUN: %cc -O2 %asan -I %S/Inputs %s %plugin -fplugin-arg-escape-transform=no %t.rt/*.o -o %t.notransform
// RUN: %cc -O3 %asan -I %S/Inputs %s %plugin %t.rt/*.o -o %t.stack3
// RUN: %cc -Os %asan -I %S/Inputs %s %plugin %t.rt/*.o -o %t.stacks
// RUN: %cc -O2 -flto %asan -I %S/Inputs %s %plugin %root/runtime/*.c -o %t.lto
// RUN: %t.lto > %t.lto.out 2> %t.lto.err
// RUN: %FileCheck %s --check-prefix=STACK < %t.lto.err
// RUN: %t.heap > %t.heap.out 2> %t.heap.err
// RUN: %t.stack3 > %t.stack3.out 2> %t.stack3.err
// RUN: %t.stacks > %t.stacks.out 2> %t.stacks.err
// RUN: diff %t.heap.out %t.stack3.out
// RUN: diff %t.heap.out %t.lto.out
// RUN: diff %t.heap.out %t.stacks.out
// RUN: %FileCheck %s --check-prefix=STACK < %t.stack3.err
// RUN: %FileCheck %s --check-prefix=STACK < %t.stacks.err
// RUN: %t.notransform > %t.notransform.out 2> %t.notransform.err
// RUN: diff %t.heap.out %t.notransform.out
// RUN: %FileCheck %s --check-prefix=HEAP < %t.notransform.err
// RUN: %t.stack > %t.stack.out 2> %t.stack.err
// RUN: %t.stack0 > %t.stack0.out 2> %t.stack0.err
// RUN: diff %t.heap.out %t.stack.out
// RUN: diff %t.heap.out %t.stack0.out
// RUN: %FileCheck %s < %t.stack.out
// RUN: %FileCheck %s --check-prefix=STACK < %t.stack.err
// RUN: %FileCheck %s --check-prefix=STACK < %t.stack0.err
// RUN: %FileCheck %s --check-prefix=HEAP < %t.heap.err
#include <string.h>
#include "phase.h"

typedef struct { char b[120]; } v120;

static long sum_squares(int n)
{
    gomap *m = gomap_make(GOMAP_TYPE(int, long), 0);
    for (int i = 1; i <= n; i++)
        *(long *)gomap_assign(m, &i) = (long)i * i;
    long sum = 0;
    gomap_iter it;
    void *k, *v;
    gomap_iter_init(&it, m);
    while (gomap_iter_next(&it, &k, &v))
        sum += *(long *)v;
    gomap_free(m);
    return sum;
}

static int distinct_chars(const char *s)
{
    gomap *m = gomap_make(GOMAP_TYPE(char, int), 4);
    for (; *s; s++)
        ++*(int *)gomap_assign(m, s);
    char e = 'e';
    int *ne = gomap_access(m, &e);
    int r = (int)gomap_len(m) * 100 + (ne ? *ne : 0);
    gomap_free(m);
    return r;
}

static size_t full_bucket(void)
{
    gomap *m = gomap_make(GOMAP_TYPE(short, short), 8);
    for (short i = 0; i < 8; i++)
        *(short *)gomap_assign(m, &i) = (short)(i * 3);
    short seven = 7;
    size_t r = gomap_len(m) * 1000 + (size_t)*(short *)gomap_access(m, &seven);
    gomap_free(m);
    return r;
}

static int word_index(const char *word)
{
    static const char *const words[] = { "go", "c", "map", "stack", "heap" };
    gomap *m = gomap_make(GOMAP_TYPE_STR(int), 0);
    for (int i = 0; i < 5; i++) {
        gostring k = { words[i], strlen(words[i]) };
        *(int *)gomap_assign(m, &k) = i;
    }
    gostring q = { word, strlen(word) };
    int *v = gomap_access(m, &q);
    int r = v ? *v : -1;
    gomap_free(m);
    return r;
}

static int big_values(void)
{
    gomap *m = gomap_make(GOMAP_TYPE(int64_t, v120), 0);
    for (int64_t i = 0; i < 3; i++) {
        v120 *v = gomap_assign(m, &i);
        memset(v->b, 'a' + (int)i, sizeof v->b);
    }
    int64_t two = 2;
    int r = ((v120 *)gomap_access(m, &two))->b[119];
    gomap_free(m);
    return r;
}

static size_t churn(void)
{
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    size_t deleted = 0;
    for (int round = 0; round < 10; round++) {
        for (int i = 0; i < 6; i++)
            *(int *)gomap_assign(m, &i) = round;
        for (int i = 0; i < 6; i += 2)
            deleted += gomap_delete(m, &i);
    }
    size_t r = deleted * 10 + gomap_len(m);
    gomap_free(m);
    return r;
}

int main(void)
{
    phase("start");
    for (int rep = 0; rep < 3; rep++) {
        printf("sum_squares(8) = %ld\n", sum_squares(8));
        printf("distinct_chars = %d\n", distinct_chars("eleven trees"));
        printf("full_bucket = %zu\n", full_bucket());
        printf("word_index(stack) = %d, word_index(none) = %d\n", word_index("stack"),
               word_index("none"));
        printf("big_values = %c\n", big_values());
        printf("churn = %zu\n", churn());
    }
    phase("small");
    return 0;
}
// CHECK-COUNT-3: sum_squares(8) = 204
// CHECK: distinct_chars = 805
// CHECK: full_bucket = 8021
// CHECK: word_index(stack) = 3, word_index(none) = -1
// CHECK: big_values = c
// CHECK: churn = 303
//
// 3 repetitions x 7 maps (word_index runs twice):
// STACK: small: heap_allocs=0 heap_frees=0 heap_bytes=0 stack_maps=21 stack_buckets=21
// HEAP: small: heap_allocs=[[A:[1-9][0-9]*]] heap_frees=[[A]] heap_bytes=0 stack_maps=0 stack_buckets=0
