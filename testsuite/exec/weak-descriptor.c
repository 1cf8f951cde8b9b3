// A map's descriptor is read at compile time only from a definition the link
// cannot replace: a weak one (`__attribute__((weak))`, `#pragma weak`) or one an
// interposable symbol may override has an initializer here that need not be the
// one the program runs with (GCC does not fold it either), so the map's type is
// unresolved: its header may still go on the stack, its bucket does not, and
// no call is specialised for its key kind (docs/design.md, "The descriptor").
// Here the strong definitions (this file built with -DSTRONG) give T 100-byte
// values and K 8-byte keys where the weak ones say int.  The plugin before this
// rule sized T's stack bucket for int values (stack-buffer-overflow) and
// specialised K's calls for 4-byte keys (wrong results; found by attack helpers).
//
// RUN: %cc -O2 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O0 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O2 %asan -c -DSTRONG %s -o %t.strong.o
// RUN: %cc -O0 %asan %s %t.strong.o %plugin %gomap_asan -o %t0 && env ASAN_OPTIONS=detect_stack_use_after_return=1:detect_leaks=0 %t0 | %FileCheck %s --check-prefix=OUT
// RUN: %cc -O2 %asan %s %t.strong.o %plugin %gomap_asan -o %t2 && env ASAN_OPTIONS=detect_stack_use_after_return=1:detect_leaks=0 %t2 | %FileCheck %s --check-prefix=OUT
// RUN: %cc -O2 -c -DSTRONG %s -o %t.strongp.o
// RUN: %cc -O2 %s %t.strongp.o %plugin %gomap -o %tp && %tp | %FileCheck %s --check-prefix=OUT
#include "gomap.h"
#include <stdio.h>

typedef struct { char b[100]; } v100;

#ifdef STRONG
const gomap_type T = { GOMAP_LAYOUT_VERSION, sizeof(int), sizeof(v100),
                       _Alignof(int), _Alignof(v100), 0, "map[int]v100" };
const gomap_type K = { GOMAP_LAYOUT_VERSION, sizeof(long), sizeof(long),
                       _Alignof(long), _Alignof(long), 0, "map[long]long" };
#else
__attribute__((weak)) const gomap_type T = { GOMAP_LAYOUT_VERSION, sizeof(int), sizeof(int),
                                            _Alignof(int), _Alignof(int), 0, "map[int]int" };
const gomap_type K = { GOMAP_LAYOUT_VERSION, sizeof(int), sizeof(int),
                       _Alignof(int), _Alignof(int), 0, "map[int]int" };
#pragma weak K

__attribute__((noinline)) static int values(void)
{
    // CHECK: [[@LINE+1]]:16: make(map[?]?) buckets escape to heap: key+value size unknown
    gomap *m = gomap_make(&T, 0);
    int s = 0;
    for (int i = 0; i < 5; i++) {
        char *v = gomap_assign(m, &i);
        for (size_t j = 0; j < T.valsize; j++) v[j] = (char)(i + j);
    }
    for (int i = 0; i < 5; i++) {
        char *v = gomap_access(m, &i);
        for (size_t j = 0; j < T.valsize; j++) s += v[j];
    }
    s += (int)gomap_len(m);
    gomap_free(m);
    return s;
}

__attribute__((noinline)) static long keys(void)
{
    // CHECK: [[@LINE+1]]:16: make(map[?]?) buckets escape to heap: key+value size unknown
    gomap *m = gomap_make(&K, 0);
    for (long i = 0; i < 4; i++) {
        long k = i << 32;                       /* the low halves are all 0 */
        *(long *)gomap_assign(m, &k) = i + 1;
    }
    long s = (long)gomap_len(m) * 1000;
    for (long i = 0; i < 4; i++) {
        long k = i << 32;
        long *v = gomap_access(m, &k);
        s += v ? *v : -1;
    }
    gomap_free(m);
    return s;
}

int main(void)
{
    printf("valsize=%zu sum=%d\n", (size_t)T.valsize, values());
    printf("keysize=%zu result=%ld\n", (size_t)K.keysize, keys());
    return 0;
}
#endif
// OUT: valsize=100 sum=25755
// OUT-NEXT: keysize=8 result=4010
