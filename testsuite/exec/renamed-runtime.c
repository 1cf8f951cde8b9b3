// The gomap runtime is recognised by the symbol a call reaches, not only by its C
// name: a declaration of gomap_len, gomap_iter_init or gomap_make renamed with
// `__asm__("other")` or `#pragma redefine_extname` calls that other function, which
// may keep the map (cases 1, 2) or must run at all (case 3: the user's maker counts
// the maps it makes).  Such calls are unknown callees: the map escapes, and
// gomap_make renamed is not a site.  Built without and with the plugin under ASan
// (detect_stack_use_after_return) at -O0 and -O2: same output.
//
// RUN: rm -rf %t && mkdir -p %t
// RUN: %cc -O0 %asan -DCASE=1 %s %gomap_asan -o %t/1-O0.heap && %t/1-O0.heap > %t/1-O0.heap.out
// RUN: %cc -O0 %asan -DCASE=1 %s %plugin %gomap_asan -o %t/1-O0.stack && %t/1-O0.stack > %t/1-O0.stack.out
// RUN: diff %t/1-O0.heap.out %t/1-O0.stack.out
// RUN: %cc -O2 %asan -DCASE=1 %s %gomap_asan -o %t/1-O2.heap && %t/1-O2.heap > %t/1-O2.heap.out
// RUN: %cc -O2 %asan -DCASE=1 %s %plugin %gomap_asan -o %t/1-O2.stack && %t/1-O2.stack > %t/1-O2.stack.out
// RUN: diff %t/1-O2.heap.out %t/1-O2.stack.out
// RUN: %cc -O0 %asan -DCASE=2 %s %gomap_asan -o %t/2-O0.heap && %t/2-O0.heap > %t/2-O0.heap.out
// RUN: %cc -O0 %asan -DCASE=2 %s %plugin %gomap_asan -o %t/2-O0.stack && %t/2-O0.stack > %t/2-O0.stack.out
// RUN: diff %t/2-O0.heap.out %t/2-O0.stack.out
// RUN: %cc -O2 %asan -DCASE=2 %s %gomap_asan -o %t/2-O2.heap && %t/2-O2.heap > %t/2-O2.heap.out
// RUN: %cc -O2 %asan -DCASE=2 %s %plugin %gomap_asan -o %t/2-O2.stack && %t/2-O2.stack > %t/2-O2.stack.out
// RUN: diff %t/2-O2.heap.out %t/2-O2.stack.out
// RUN: %cc -O0 %asan -DCASE=3 %s %gomap_asan -o %t/3-O0.heap && %t/3-O0.heap > %t/3-O0.heap.out
// RUN: %cc -O0 %asan -DCASE=3 %s %plugin %gomap_asan -o %t/3-O0.stack && %t/3-O0.stack > %t/3-O0.stack.out
// RUN: diff %t/3-O0.heap.out %t/3-O0.stack.out
// RUN: %cc -O2 %asan -DCASE=3 %s %gomap_asan -o %t/3-O2.heap && %t/3-O2.heap > %t/3-O2.heap.out
// RUN: %cc -O2 %asan -DCASE=3 %s %plugin %gomap_asan -o %t/3-O2.stack && %t/3-O2.stack > %t/3-O2.stack.out
// RUN: diff %t/3-O2.heap.out %t/3-O2.stack.out
// RUN: %FileCheck %s --check-prefix=OUT1 < %t/1-O2.stack.out
// RUN: %FileCheck %s --check-prefix=OUT3 < %t/3-O2.stack.out
// RUN: %cc -O2 -DCASE=1 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --check-prefix=M1
// RUN: %root/build/escape-clang -m %s -- -DCASE=1 -I%root/runtime 2>&1 | %FileCheck %s --check-prefix=M1
// RUN: %cc -O0 -DCASE=2 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --check-prefix=M2
// RUN: %root/build/escape-clang -m %s -- -DCASE=2 -I%root/runtime 2>&1 | %FileCheck %s --check-prefix=M2
// RUN: %cc -O2 -DCASE=3 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --check-prefix=M3 --allow-empty
// RUN: %root/build/escape-clang -m %s -- -DCASE=3 -I%root/runtime 2>&1 | %FileCheck %s --check-prefix=M3 --allow-empty
//
// OUT1: 1 11
// OUT3: 2 maps registered: 11 22
// M3-NOT: make(
#include <stdio.h>
#include <stddef.h>
typedef struct gomap gomap;
struct gomap_type;
#if CASE == 1
size_t gomap_len(const gomap *m) __asm__("spy_len");
#elif CASE == 2
#pragma redefine_extname gomap_iter_init spy_iter_init
#elif CASE == 3
gomap *gomap_make(const struct gomap_type *t, size_t hint) __asm__("registering_make");
#endif
#include "gomap.h"

static gomap *G;

#if CASE == 1
size_t real_len(const gomap *m) __asm__("gomap_len");
size_t spy_len(const gomap *m) __asm__("spy_len");
size_t spy_len(const gomap *m) { G = (gomap *)m; return real_len(m); }
#elif CASE == 2
void real_iter_init(gomap_iter *it, gomap *m) __asm__("gomap_iter_init");
void spy_iter_init(gomap_iter *it, gomap *m) __asm__("spy_iter_init");
void spy_iter_init(gomap_iter *it, gomap *m) { G = m; real_iter_init(it, m); }
#elif CASE == 3
static gomap *registry[4];
static int nreg;
gomap *runtime_make(const gomap_type *t, size_t hint) __asm__("gomap_make");
gomap *registering(const gomap_type *t, size_t hint) __asm__("registering_make");
gomap *registering(const gomap_type *t, size_t hint)
{
    gomap *m = runtime_make(t, hint);
    registry[nreg++] = m;
    return m;
}
#endif

__attribute__((noinline)) static long maker(int v)
{
    // M1: renamed-runtime.c:[[@LINE+2]]:16: make(map[int]int) escapes to heap
    // M2: renamed-runtime.c:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    int k = 1;
    *(int *)gomap_assign(m, &k) = v;
#if CASE == 2
    gomap_iter it;
    void *kp, *vp;
    long s = 0;
    gomap_iter_init(&it, m);
    while (gomap_iter_next(&it, &kp, &vp))
        s += *(int *)vp;
    return s;
#else
    return (long)gomap_len(m);
#endif
}

int main(void)
{
    int k = 1;
    long n = maker(11);
#if CASE == 3
    maker(22);
    printf("%d maps registered:", nreg);
    for (int i = 0; i < nreg; i++) {
        printf(" %d", *(int *)gomap_access(registry[i], &k));
        gomap_free(registry[i]);
    }
    printf("\n");
#else
    printf("%ld %d\n", n, *(int *)gomap_access(G, &k));
    gomap_free(G);
#endif
    return 0;
}
