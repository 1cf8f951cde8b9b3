// Hostile inputs: a descriptor defined in another file (extern const gomap_type):
// its key and value sizes are unknown here, so the header may go on the stack but
// the bucket may not ("key+value size unknown", map[?]?).  And gomap_make called
// through a function pointer: not a gomap_make call site for the plugin (no
// line, no rewrite: the map is made on the heap by gomap_make itself) - unless
// the optimiser turned it into a direct call first (a const local pointer at -O2).
// The program prints how many maps the runtime got on given storage.
// RUN: %cc -O0 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O2 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --check-prefixes=CHECK,O2 --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O2 %s %S/Inputs/ext-type.c %plugin %asan %root/runtime/*.c -o %t.on && %t.on > %t.on.out
// RUN: %cc -O2 %s %S/Inputs/ext-type.c %asan %gomap_asan -o %t.off && %t.off > %t.off.out
// RUN: %FileCheck --check-prefix=ON %s < %t.on.out
// RUN: %FileCheck --check-prefix=OFF %s < %t.off.out
#include <stdio.h>
#include "gomap.h"

extern const gomap_type ext_type;
typedef gomap *(*maker_fn)(const gomap_type *, size_t);
static maker_fn maker = gomap_make;

// A string printed with a constant format's %s is read as data (its content
// leaks, the exposure rule); integers computed from before's fields carry
// nothing.
// CHECK: {{.*}}:[[@LINE+2]]:30: leaking param content: what
// CHECK: {{.*}}:[[@LINE+1]]:68: before does not escape
static void show(const char *what, size_t n, const gomap_memstats *before)
{
    gomap_memstats now;
    gomap_read_memstats(&now);
    printf("%s: len %zu, stack maps %d, stack buckets %d\n", what, n,
           (int)(now.stack_maps - before->stack_maps), (int)(now.stack_buckets - before->stack_buckets));
}

size_t extern_desc(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[?]?) buckets escape to heap: key+value size unknown
    gomap *m = gomap_make(&ext_type, 0);
    for (int k = 0; k < 20; k++) *(int *)gomap_assign(m, &k) = k;
    size_t n = gomap_len(m);
    gomap_free(m);
    return n;
}

size_t via_pointer(void)
{
    gomap *m = maker(GOMAP_TYPE(int, int), 0);
    int k = 5;
    *(int *)gomap_assign(m, &k) = 1;
    size_t n = gomap_len(m);
    gomap_free(m);
    return n;
}

// CHECK: {{.*}}:[[@LINE+1]]:35: f does not escape
size_t via_param_pointer(maker_fn f)
{
    gomap *m = f(GOMAP_TYPE(int, int), 0);
    size_t n = gomap_len(m);
    gomap_free(m);
    return n;
}

size_t via_const_pointer(void)
{
    gomap *(*const f)(const gomap_type *, size_t) = gomap_make;
    // O2: {{.*}}:[[@LINE+1]]:16: make(map[int]int) does not escape
    gomap *m = f(GOMAP_TYPE(int, int), 0);
    size_t n = gomap_len(m);
    gomap_free(m);
    return n;
}

int main(void)
{
    gomap_memstats s;
    gomap_read_memstats(&s);
    show("extern", extern_desc(), &s);
    gomap_read_memstats(&s);
    show("pointer", via_pointer() + via_param_pointer(gomap_make), &s);
    gomap_read_memstats(&s);
    show("const pointer", via_const_pointer(), &s);
    return 0;
}
// ON: extern: len 20, stack maps 1, stack buckets 0
// ON-NEXT: pointer: len 1, stack maps 0, stack buckets 0
// ON-NEXT: const pointer: len 0, stack maps 1, stack buckets 1
// OFF: extern: len 20, stack maps 0, stack buckets 0
// OFF-NEXT: pointer: len 1, stack maps 0, stack buckets 0
// OFF-NEXT: const pointer: len 0, stack maps 0, stack buckets 0
