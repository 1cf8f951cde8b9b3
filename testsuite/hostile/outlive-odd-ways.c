// Hostile inputs: unusual ways for a map to outlive its function - a thread-local
// global, a global register variable, a struct returned by value, an out-pointer
// read with va_arg (directly, from a va_list parameter, from a va_copy), memcpy or
// a byte loop into caller memory, a statement expression, a conditional result, a
// cast to void *, an _Atomic global, a double indirection, the iterator's h field.
// Every one of these maps escapes.
// RUN: %cc -O0 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --check-prefixes=CHECK --implicit-check-not=make
// RUN: %cc -O2 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --check-prefixes=CHECK,O2 --implicit-check-not=escape --implicit-check-not=leaking
#include <stdarg.h>
#include <string.h>
#include "gomap.h"
static __thread gomap *tl;
register gomap *greg asm("r15");
struct S { gomap *m; int x; };
// CHECK: {{.*}}:[[@LINE+1]]:26: make(map[int]int) escapes to heap
void to_tls(void) { tl = gomap_make(GOMAP_TYPE(int, int), 0); }
// CHECK: {{.*}}:[[@LINE+1]]:29: make(map[int]int) escapes to heap
void to_greg(void) { greg = gomap_make(GOMAP_TYPE(int, int), 0); }
// CHECK: {{.*}}:[[@LINE+1]]:42: make(map[int]int) escapes to heap
struct S by_value(void) { struct S s = { gomap_make(GOMAP_TYPE(int, int), 0), 1 }; return s; }
void out_va(int n, ...)
{
    va_list ap;
    va_start(ap, n);
    gomap **out = va_arg(ap, gomap **);
// CHECK: {{.*}}:[[@LINE+1]]:12: make(map[int]int) escapes to heap
    *out = gomap_make(GOMAP_TYPE(int, int), 0);
    va_end(ap);
}
// O2: {{.*}}:[[@LINE+1]]:25: ap does not escape
void out_valist(va_list ap)
{
    gomap **out = va_arg(ap, gomap **);
// CHECK: {{.*}}:[[@LINE+1]]:12: make(map[int]int) escapes to heap
    *out = gomap_make(GOMAP_TYPE(int, int), 0);
}
void out_va_copy(int n, ...)
{
    va_list ap, aq;
    va_start(ap, n);
    va_copy(aq, ap);
    gomap **out = va_arg(aq, gomap **);
// CHECK: {{.*}}:[[@LINE+1]]:12: make(map[int]int) escapes to heap
    *out = gomap_make(GOMAP_TYPE(int, int), 0);
    va_end(aq);
    va_end(ap);
}
// O2: {{.*}}:[[@LINE+1]]:23: dst does not escape
void out_memcpy(void *dst)
{
// CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    memcpy(dst, &m, sizeof m);
}
// O2: {{.*}}:[[@LINE+1]]:31: dst does not escape
void out_bytes(unsigned char *dst)
{
// CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    unsigned char *p = (unsigned char *)&m;
    for (size_t i = 0; i < sizeof m; i++) dst[i] = p[i];
}
// CHECK: {{.*}}:[[@LINE+1]]:51: make(map[int]int) escapes to heap
gomap *via_stmt_expr(void) { return ({ gomap *t = gomap_make(GOMAP_TYPE(int, int), 0); t; }); }
// CHECK: {{.*}}:[[@LINE+2]]:27: leaking param: other to result ~r0 level=0
// CHECK: {{.*}}:[[@LINE+1]]:47: make(map[int]int) escapes to heap
gomap *cond(int c, gomap *other) { gomap *m = gomap_make(GOMAP_TYPE(int, int), 0); return c ? m : other; }
// CHECK: {{.*}}:[[@LINE+1]]:39: make(map[int]int) escapes to heap
void *as_void(void) { return (void *)(gomap_make(GOMAP_TYPE(int, int), 0)); }
_Atomic(gomap *) atom;
// CHECK: {{.*}}:[[@LINE+1]]:31: make(map[int]int) escapes to heap
void to_atomic(void) { atom = gomap_make(GOMAP_TYPE(int, int), 0); }
// O2: {{.*}}:[[@LINE+2]]:31: pp does not escape
// CHECK: {{.*}}:[[@LINE+1]]:44: make(map[int]int) escapes to heap
void ret_param_store(gomap ***pp) { **pp = gomap_make(GOMAP_TYPE(int, int), 0); }
// CHECK: {{.*}}:[[@LINE+1]]:36: make(map[long]long) escapes to heap
gomap *iter_key(void) { gomap *m = gomap_make(GOMAP_TYPE(long, long), 0); long k=1; gomap_assign(m,&k); gomap_iter it; void *kk,*vv; gomap_iter_init(&it,m); gomap_iter_next(&it,&kk,&vv); return (gomap*)it.h; }
