// A top-level asm statement may bind a symbol to another definition than the one
// C shows: `.weak helper` lets the link pick another unit's strong helper, and
// `.weak D` another unit's descriptor (docs/design.md, "Symbols bound outside
// C").  So a body whose symbol a top-level asm names is not trusted (its summary
// is not used), nor is such a descriptor's initializer.  Here the strong
// definitions (this file built with -DSTRONG) keep every map helper is given
// and give D 100-byte values.  The plugin before this rule used helper's summary
// (stack-use-after-return) and sized D's stack bucket for int values
// (stack-buffer-overflow; found by attack helpers, also for the directive in a
// function's asm, pasted by a macro, in a section name, an asm label or a symver
// string, all written out as they are).  Asm that binds symbols
// may bind any (a macro can paste a name together), so no descriptor of this
// unit is resolved: `map[?]?` (docs/design.md, "Symbols bound outside C").
//
// RUN: %cc -O2 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O0 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O2 %asan --param asan-globals=0 -c -DSTRONG %s -o %t.strong.o
// RUN: %cc -O0 %asan --param asan-globals=0 %s %t.strong.o %plugin %gomap_asan -o %t0 && env ASAN_OPTIONS=detect_stack_use_after_return=1:detect_leaks=0 %t0 | %FileCheck %s --check-prefix=OUT
// RUN: %cc -O2 %asan --param asan-globals=0 %s %t.strong.o %plugin %gomap_asan -o %t2 && env ASAN_OPTIONS=detect_stack_use_after_return=1:detect_leaks=0 %t2 | %FileCheck %s --check-prefix=OUT
// RUN: %cc -O2 -c -DSTRONG %s -o %t.strongp.o
// RUN: %cc -O2 %s %t.strongp.o %plugin %gomap -o %tp && %tp | %FileCheck %s --check-prefix=OUT
// The same directives in a function's asm, through a macro, in a section name:
// RUN: %cc -O2 -DFORM=1 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O2 -DFORM=1 %asan --param asan-globals=0 %s %t.strong.o %plugin %gomap_asan -o %t21 && env ASAN_OPTIONS=detect_stack_use_after_return=1:detect_leaks=0 %t21 | %FileCheck %s --check-prefix=OUT
// RUN: %cc -O2 -DFORM=2 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O2 -DFORM=2 %asan --param asan-globals=0 %s %t.strong.o %plugin %gomap_asan -o %t22 && env ASAN_OPTIONS=detect_stack_use_after_return=1:detect_leaks=0 %t22 | %FileCheck %s --check-prefix=OUT
// RUN: %cc -O2 -DFORM=3 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O2 -DFORM=3 %asan --param asan-globals=0 %s %t.strong.o %plugin %gomap_asan -o %t23 && env ASAN_OPTIONS=detect_stack_use_after_return=1:detect_leaks=0 %t23 | %FileCheck %s --check-prefix=OUT
// ... in an asm label, in a symver string:
// RUN: %cc -O2 -DFORM=4 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O2 -DFORM=4 %asan --param asan-globals=0 %s %t.strong.o %plugin %gomap_asan -o %t24 && env ASAN_OPTIONS=detect_stack_use_after_return=1:detect_leaks=0 %t24 | %FileCheck %s --check-prefix=OUT
// RUN: %cc -O2 -DFORM=5 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O2 -DFORM=5 %asan --param asan-globals=0 %s %t.strong.o %plugin %gomap_asan -o %t25 && env ASAN_OPTIONS=detect_stack_use_after_return=1:detect_leaks=0 %t25 | %FileCheck %s --check-prefix=OUT
#include "gomap.h"
#include <stdio.h>

typedef struct { char b[100]; } v100;
gomap *kept_map(int i);

#ifdef STRONG
static gomap *kept[4];
static int nkept;
size_t helper(gomap *m)
{
    kept[nkept++] = m;
    return gomap_len(m);
}
gomap *kept_map(int i) { return kept[i]; }
int tagvar = 1;         /* FORM 4's symbol */
const gomap_type D = { GOMAP_LAYOUT_VERSION, sizeof(int), sizeof(v100),
                       _Alignof(int), _Alignof(v100), 0, "map[int]v100" };
#else
#if FORM == 4          /* smuggled into an asm label, written out as it is */
extern int tagvar __asm__("tagvar\n\t.weak helper\n\t.weak D\n#");
__attribute__((used)) static int *tagp = &tagvar;
#elif FORM == 5        /* smuggled into a symver string */
__attribute__((used, symver("symv@VERS_1\n\t.weak helper\n\t.weak D\n#"))) void symv(void) {}
#elif FORM == 1        /* in a body */
__attribute__((used)) static void directives(void) { __asm__(".weak helper\n\t.weak D"); }
#elif FORM == 2        /* a macro pasting the name together */
__asm__(".macro mkweak a, b\n\t.weak \\a\\b\n.endm\n\tmkweak hel, per\n\tmkweak D,");
#elif FORM == 3        /* smuggled into a section name */
__attribute__((used, section(".rodata\n\t.weak helper\n\t.weak D\n#"))) static const int tag = 1;
#else
__asm__(".weak helper");
__asm__(".weak D");
#endif
// CHECK: [[@LINE+1]]:57: m does not escape
__attribute__((noinline, noclone)) size_t helper(gomap *m)
{
    return gomap_len(m);
}

__attribute__((noinline)) static size_t use(int n)
{
    // CHECK: [[@LINE+1]]:16: make(map[?]?) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    for (int k = 0; k < n; k++)
        *(int *)gomap_assign(m, &k) = k;
    return helper(m);
}

const gomap_type D = { GOMAP_LAYOUT_VERSION, sizeof(int), sizeof(int),
                       _Alignof(int), _Alignof(int), 0, "map[int]int" };

__attribute__((noinline)) static int values(void)
{
    // CHECK: [[@LINE+1]]:16: make(map[?]?) buckets escape to heap: key+value size unknown
    gomap *m = gomap_make(&D, 0);
    int s = 0;
    for (int k = 0; k < 5; k++) {
        v100 *v = gomap_assign(m, &k);
        for (int i = 0; i < 100; i++)
            v->b[i] = (char)(k + i);
    }
    for (int k = 0; k < 5; k++)
        s += ((v100 *)gomap_access(m, &k))->b[99];
    gomap_free(m);
    return s;
}

__attribute__((noinline)) static void scribble(void)
{
    volatile char junk[4096];
    for (int i = 0; i < 4096; i++) junk[i] = (char)0xa5;
}

int main(void)
{
    size_t a = use(3);
    scribble();
    size_t b = use(5);
    scribble();
    int k = 1;
    *(int *)gomap_assign(kept_map(0), &k) = 42;
    printf("%zu %zu %zu %zu %d\n", a, b, gomap_len(kept_map(0)), gomap_len(kept_map(1)),
           *(int *)gomap_access(kept_map(0), &k));
    printf("values %d\n", values());
    return 0;
}
#endif
// OUT: 3 5 3 5 42
// OUT-NEXT: values 505
