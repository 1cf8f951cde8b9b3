// Maps in functions that call setjmp.  A longjmp back into a frame resumes at
// the setjmp call with the frame alive (C11 7.13.2.1p2), so a map made before
// the setjmp, by a site no return from setjmp can reach, runs once per frame
// and may stay on the stack; what follows a setjmp runs again after each
// longjmp, so a site there counts one loop deeper and escapes when a handle
// may survive to its next run (as hostile/setjmp.c checks).  Each function
// here longjmps back into its own frame, or out of it from a callee, and uses
// the stack map afterwards; under ASan with detect_stack_use_after_return a
// stack map used after its frame is gone, or reinitialised under a live
// handle, is a report or a different output.
//
// RUN: %cc -O0 -c %s -I %S/Inputs %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | grep -v Inputs/ | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O2 -c %s -I %S/Inputs %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | grep -v Inputs/ | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %root/build/escape-clang -m %s -- -std=gnu11 -I%root/runtime -I%S/Inputs 2>&1 | grep -v Inputs/ | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: rm -rf %t.rt && mkdir -p %t.rt && cd %t.rt && %cc -O2 %asan -c %root/runtime/*.c
// RUN: %cc -O2 %asan -I %S/Inputs %s %t.rt/*.o -o %t.heap
// RUN: %cc -O2 %asan -I %S/Inputs %s %plugin %t.rt/*.o -o %t.stack
// RUN: %cc -O0 %asan -I %S/Inputs %s %plugin %t.rt/*.o -o %t.stack0
// RUN: %t.heap > %t.heap.out 2> %t.heap.err
// RUN: %t.stack > %t.stack.out 2> %t.stack.err
// RUN: %t.stack0 > %t.stack0.out 2> %t.stack0.err
// RUN: diff %t.heap.out %t.stack.out
// RUN: diff %t.heap.out %t.stack0.out
// RUN: %FileCheck %s --check-prefix=OUT < %t.stack.out
// RUN: %FileCheck %s --check-prefixes=STATS,STACK < %t.stack.err
// RUN: %FileCheck %s --check-prefixes=STATS,STACK < %t.stack0.err
// RUN: %FileCheck %s --check-prefixes=STATS,HEAP < %t.heap.err
#include <setjmp.h>
#include <stdio.h>
#include "phase.h"
#include "maps.h"

static jmp_buf inner, outer;

// CHECK: {{.*}}:[[@LINE+1]]:32: leaking param: b
static NOINL void jump(jmp_buf b, int v) { longjmp(b, v); }

// Back into the frame: the map made before setjmp is used after each longjmp;
// the handle lives in a non-volatile local not modified after setjmp.
static NOINL long back_in(int rounds)
{
    // CHECK: {{.*}}:[[@LINE+1]]:5: make(map[int]int) does not escape
    LOCAL_MAP(m, 3, 10);
    volatile int r = 0;
    if (setjmp(inner) != 0) {
        int k = 100 + r;
        *(int *)gomap_assign(m, &k) = r;
    }
    if (r++ < rounds)
        jump(inner, 1);
    long t = total(m);
    gomap_free(m);
    return t;
}

// The handle is reassigned after setjmp and before the longjmp: a non-volatile
// variable is then indeterminate (C11 7.13.2.1p3), so it is volatile here;
// whichever value it has, each is a map of this live frame.
static NOINL long reassigned(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) does not escape
    gomap *a = gomap_make(GOMAP_TYPE(int, int), 0);
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) does not escape
    gomap *b = gomap_make(GOMAP_TYPE(int, int), 0);
    for (int i = 0; i < 4; i++) {
        *(int *)gomap_assign(b, &i) = 2 + i;
        if (i < 2)
            *(int *)gomap_assign(a, &i) = 1 + i;
    }
    gomap *volatile cur = a;
    volatile int n = 0;
    if (setjmp(inner) != 0)
        n++;
    long t = total(cur);
    cur = b;
    if (n < 2)
        jump(inner, 1);
    t += total(cur);
    gomap_free(a);
    gomap_free(b);
    return t;
}

// Out of the frame: a callee longjmps past this function to main's setjmp;
// the map dies with the frame and nothing refers to it afterwards.
static NOINL void out_of(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:5: make(map[int]int) does not escape
    LOCAL_MAP(m, 5, 7);
    if (setjmp(inner) == 0) {
        printf("out_of before: %ld\n", total(m));
        gomap_free(m);          /* the heap build would leak it */
        jump(outer, 2);
    }
    printf("not reached\n");
}

// In and then out: back into the frame once (the map is used), then out of it.
static NOINL void in_then_out(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:5: make(map[int]int) does not escape
    LOCAL_MAP(m, 2, 3);
    volatile int again = 0;
    if (setjmp(inner) != 0)
        again = 1;
    printf("in_then_out: %ld\n", total(m));
    if (again)
        gomap_free(m);
    jump(again ? outer : inner, 3);
}

// After the setjmp: the site runs again after each longjmp while the previous
// handle is kept (a volatile array): it escapes, and each round gets its own map.
static NOINL long after(void)
{
    gomap *volatile kept[3] = { 0 };
    volatile int r = 0;
    setjmp(inner);
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    for (int i = 0; i <= r; i++)
        *(int *)gomap_assign(m, &i) = i;
    kept[r] = m;
    if (++r < 3)
        jump(inner, 1);
    long t = 0;
    for (int i = 0; i < 3; i++) {
        t = t * 10 + (long)gomap_len(kept[i]);
        gomap_free(kept[i]);
    }
    return t;
}

// Before the setjmp in the text but inside a loop around it: the loop runs the
// site again after a longjmp into a later iteration: it escapes.
static NOINL long looped(void)
{
    gomap *volatile prev = NULL;
    long t = 0;
    for (volatile int i = 0; i < 3; i++) {
        // CHECK: {{.*}}:[[@LINE+1]]:20: make(map[int]int) escapes to heap
        gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
        *(int *)gomap_assign(m, &(int){ i }) = i;
        if (prev) {
            t = t * 10 + (long)gomap_len(prev) + (prev == m);
            gomap_free(prev);
        }
        prev = m;
        if (setjmp(inner) == 0 && i == 1)
            jump(inner, 1);
    }
    t = t * 10 + (long)gomap_len(prev);
    gomap_free(prev);
    return t;
}

// A backward goto from after the setjmp to before the site: escapes.
static NOINL long goto_back(void)
{
    gomap *volatile prev = NULL;
    volatile int n = 0;
    long t = 0;
again:;
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    *(int *)gomap_assign(m, &(int){ n }) = n;
    if (prev) {
        t = t * 10 + (long)gomap_len(prev) + (prev == m);
        gomap_free(prev);
    }
    prev = m;
    if (setjmp(inner) == 0 && n == 0)
        jump(inner, 1);
    if (++n < 3)
        goto again;
    gomap_free(prev);
    return t;
}

int main(void)
{
    printf("back_in: %ld\n", back_in(3));
    printf("reassigned: %ld\n", reassigned());
    volatile int step = 0;
    int v = setjmp(outer);
    printf("outer %d\n", v);
    if (step == 0) {
        step = 1;
        out_of();
    } else if (step == 1) {
        step = 2;
        in_then_out();
    }
    printf("after: %ld\n", after());
    printf("looped: %ld\n", looped());
    printf("goto_back: %ld\n", goto_back());
    phase("setjmp");
    return 0;
}
// OUT: back_in: 309039
// OUT-NEXT: reassigned: 12028
// OUT-NEXT: outer 0
// OUT-NEXT: out_of before: 10045
// OUT-NEXT: outer 2
// OUT-NEXT: in_then_out: 1007
// OUT-NEXT: in_then_out: 1007
// OUT-NEXT: outer 3
// OUT-NEXT: after: 123
// OUT-NEXT: looped: 111
// OUT-NEXT: goto_back: 11
// STATS: setjmp: heap_allocs=[[A:[1-9][0-9]*]] heap_frees=[[A]] heap_bytes=0
// STACK-SAME: stack_maps=5 stack_buckets=5
// HEAP-SAME: stack_maps=0 stack_buckets=0
