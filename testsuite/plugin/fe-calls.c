// Calls as the GCC front end models them: variadic arguments escape; va_arg
// yields an unknown pointer; a call through an alias uses the target's
// summary, a weak (interposable) function's summary is not trusted; GNU nested
// functions receive their parent's frame (the static chain escapes); builtins
// with GCC's no-escape flags (strlen) keep nothing; alloca/VLA memory is a
// local; an unprototyped callee keeps every argument.
//
// RUN: %cc -O0 -Wno-deprecated-non-prototype -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O2 -Wno-deprecated-non-prototype -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
#include "gomap.h"
#include <stdarg.h>
#include <string.h>

void variadic(int n, ...);
void old_style();

void to_variadic(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    variadic(1, m);
}

void to_unprototyped(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    old_style(m);
}

void from_va_arg(int n, ...)
{
    va_list ap;
    va_start(ap, n);
    gomap **out = va_arg(ap, gomap **);
    va_end(ap);
    // CHECK: {{.*}}:[[@LINE+1]]:12: make(map[int]int) escapes to heap
    *out = gomap_make(GOMAP_TYPE(int, int), 0);
}

// CHECK: {{.*}}:[[@LINE+1]]:35: m does not escape
static size_t target(const gomap *m)
{
    return gomap_len(m);
}
size_t via_alias(const gomap *m) __attribute__((alias("target")));

size_t call_alias(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) does not escape
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    return via_alias(m);
}

// CHECK: {{.*}}:[[@LINE+1]]:49: m does not escape
__attribute__((weak)) size_t replaceable(gomap *m)
{
    return gomap_len(m);
}

size_t call_weak(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    return replaceable(m);
}

size_t nested_function(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    size_t inner(void) { return gomap_len(m); }
    return inner();
}

size_t harmless_builtin(const char *s)
// CHECK: {{.*}}:[[@LINE-1]]:37: leaking param content: s
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) does not escape
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    int k = (int)strlen(s);
    *(int *)gomap_assign(m, &k) = 1;
    return gomap_len(m);
}

size_t in_vla(int n)
{
    gomap *maps[n];
    // CHECK: {{.*}}:[[@LINE+1]]:15: make(map[int]int) does not escape
    maps[0] = gomap_make(GOMAP_TYPE(int, int), 0);
    return gomap_len(maps[0]);
}

size_t in_alloca(void)
{
    gomap **slot = __builtin_alloca(sizeof *slot);
    // CHECK: {{.*}}:[[@LINE+1]]:13: make(map[int]int) does not escape
    *slot = gomap_make(GOMAP_TYPE(int, int), 0);
    return gomap_len(*slot);
}
