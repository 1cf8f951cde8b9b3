// __attribute__((noescape)) on pointer parameters, registered by the plugin.
// A prototype drops its PARM_DECLs, so the attribute also marks the parameter's
// type, where a call through a body-less prototype or a function pointer finds
// it.  It applies only to pointer parameters (a warning otherwise).
//
// RUN: %cc -O0 -fno-diagnostics-show-caret -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --check-prefixes=CHECK,GCC --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O2 -fno-diagnostics-show-caret -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --check-prefixes=CHECK,GCC --implicit-check-not=escape --implicit-check-not=leaking
// escape-clang reads the attribute from the function type's spelling; Clang's
// warnings are not printed:
// RUN: %root/build/escape-clang -m %s -- -std=gnu11 -I%root/runtime 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// Without the plugin GCC does not know the attribute:
// RUN: %cc -c %s -o /dev/null 2>&1 | %FileCheck %s --check-prefix=NOPLUGIN
// NOPLUGIN: warning: {{.}}noescape{{.}} attribute directive ignored
#include "gomap.h"

void look(gomap *m __attribute__((noescape)));
void look_second(int n, gomap *a, gomap *b __attribute__((noescape)));
void keep(gomap *m);
typedef void look_fn(gomap *m __attribute__((noescape)));
typedef void keep_fn(gomap *m);

// GCC: {{.*}}:[[@LINE+1]]:1: warning: {{.}}noescape{{.}} attribute only applies to pointer parameters
void bad(int n __attribute__((noescape)));
// GCC: {{.*}}:[[@LINE+1]]:1: warning: {{.}}noescape{{.}} attribute only applies to function parameters
__attribute__((noescape)) void bad_fn(gomap *m);

void prototype(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) does not escape
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    look(m);
    gomap_free(m);
}

void positions(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *a = gomap_make(GOMAP_TYPE(int, int), 0);
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) does not escape
    gomap *b = gomap_make(GOMAP_TYPE(int, int), 0);
    look_second(1, a, b);
}

void plain(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    keep(m);
}

// CHECK: {{.*}}:[[@LINE+2]]:32: f does not escape
// CHECK: {{.*}}:[[@LINE+1]]:44: g does not escape
void through_pointers(look_fn *f, keep_fn *g)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) does not escape
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    f(m);
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *k = gomap_make(GOMAP_TYPE(int, int), 0);
    g(k);
}

// A definition in the unit is judged by its body (trusted, not interposable).
// CHECK: {{.*}}:[[@LINE+1]]:30: m does not escape
static size_t defined(gomap *m __attribute__((noescape)))
{
    return gomap_len(m);
}

size_t call_defined(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) does not escape
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    return defined(m);
}
