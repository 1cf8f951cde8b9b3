// The frame budget is spent by a function's sites in position order (not in
// the order the front end registered them): header then bucket; escaping maps
// and buckets kept on the heap for another reason spend nothing.  When not
// even a header fits, the map is entirely on the heap.  Each function has its
// own budget.  map[long]long: header 96 + bucket 144 bytes; limit 500.
// RUN: %cc -Werror -I%root/plugin/core %s %root/plugin/core/*.c -o %t && %t | %FileCheck %s --match-full-lines
#include "Inputs/drv.h"

/* t.c:
 *  1  void f(void) {
 *  2      gomap *e = gomap_make(GOMAP_TYPE(long, long), 0);  g = e;
 *  3      gomap *a = gomap_make(GOMAP_TYPE(long, long), 0);
 *  4      gomap *h = gomap_make(GOMAP_TYPE(long, long), 64);
 *  5      gomap *b = gomap_make(GOMAP_TYPE(long, long), 0);
 *  6      gomap *c = gomap_make(GOMAP_TYPE(long, long), 0);
 *  7  }
 *  8  void k(void) { gomap *z = gomap_make(GOMAP_TYPE(long, long), 0); }
 */
int main(void)
{
    esc_options o = esc_options_default();
    o.m = 1;
    o.frame_limit = 500;
    esc_ctx *c = esc_ctx_new(&o);
    esc_func *f = body(c, "f", 1);
    int s;
    esc_loc sc = site_kv(f, 6, 16, "map[long]long", 8, 8, -1, 0, &s);
    (void)sc;
    site_kv(f, 5, 16, "map[long]long", 8, 8, -1, 0, NULL);
    site_kv(f, 4, 16, "map[long]long", 8, 8, 64, 0, NULL);
    site_kv(f, 3, 16, "map[long]long", 8, 8, -1, 0, NULL);
    esc_loc e = site_kv(f, 2, 16, "map[long]long", 8, 8, -1, 0, NULL);
    esc_flow(f, esc_heap(c), e, 0, at(2, 60), "assign");
    esc_func *k = body(c, "k", 8);
    site_kv(k, 8, 31, "map[long]long", 8, 8, -1, 0, NULL);
    esc_solve(c);
    esc_decision d = esc_site_decision(c, s);
    printf("line 6: %s\n", d.placement == ESC_HEAP_ALL && !d.reason ? "heap" : "?");
    done(c);
    return 0;
}
// CHECK:      line 6: heap
// CHECK-NEXT: t.c:2:16: make(map[long]long) escapes to heap
// CHECK-NEXT: t.c:3:16: make(map[long]long) does not escape
// CHECK-NEXT: t.c:4:16: make(map[long]long, 64) buckets escape to heap: hint 64 > 8
// CHECK-NEXT: t.c:5:16: make(map[long]long) buckets escape to heap: stack frame limit
// CHECK-NEXT: t.c:6:16: make(map[long]long) escapes to heap
// CHECK-NEXT: t.c:8:31: make(map[long]long) does not escape
// CHECK-NEXT: == end
