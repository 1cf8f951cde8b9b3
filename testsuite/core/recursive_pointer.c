// Recursion the call graph does not show: an indirect call (esc_unknown_call)
// or a call to a function without a trusted body here may call any function
// whose address is taken (esc_func_address_taken); a function that can reach
// itself that way gets recursive_frame_limit (256) bytes of map storage per
// frame: one map[int]int (96 + 80) fits, a second header does not.  A direct
// call to an untrusted (weak) body is an edge to that body too.  Functions
// whose address is not taken, or that call no unknown code, keep 64 KiB.
// RUN: %cc -Werror -I%root/plugin/core %s %root/plugin/core/*.c -o %t && %t | %FileCheck %s --match-full-lines
#include "Inputs/drv.h"

/* t.c:
 *  1  static long (*next)(int);
 *  2  static long rec(int d) { gomap *a = gomap_make(GOMAP_TYPE(int, int), 0);
 *  3                           gomap *b = gomap_make(GOMAP_TYPE(int, int), 0); return next(d); }
 *  4  static int cb(const void *x) { gomap *c = gomap_make(GOMAP_TYPE(int, int), 0);
 *  5                                 gomap *e = gomap_make(GOMAP_TYPE(int, int), 0); return 0; }
 *  6  void visit_all(int (*f)(const void *));      (no body here)
 *  7  static int walk(const void *x) { gomap *g = gomap_make(GOMAP_TYPE(int, int), 0);
 *  8      gomap *h = gomap_make(GOMAP_TYPE(int, int), 0); visit_all(walk); return 0; }
 *  9  int main(void) { gomap *i = gomap_make(GOMAP_TYPE(int, int), 0);
 * 10      gomap *j = gomap_make(GOMAP_TYPE(int, int), 0);
 * 11      next = rec; visit_all(cb); next(3); return walk(0); }
 * 12  __attribute__((weak)) long w(int d) { gomap *k = gomap_make(GOMAP_TYPE(int, int), 0);
 * 13      gomap *l = gomap_make(GOMAP_TYPE(int, int), 0); return d ? w(d - 1) : 0; }
 */
int main(void)
{
    esc_options o = esc_options_default();
    o.m = 1;
    esc_ctx *c = esc_ctx_new(&o);
    esc_func *rec = body(c, "rec", 2);
    esc_func_address_taken(rec);
    site(rec, 2, 50, 0);
    site(rec, 3, 39, 0);
    esc_unknown_call(rec);
    esc_func *cb = body(c, "cb", 4);
    esc_func_address_taken(cb);
    site(cb, 4, 54, 0);
    site(cb, 5, 45, 0);
    esc_func *visit_all = esc_func_new(c, "visit_all", at(6, 6), false, false);
    esc_func *walk = body(c, "walk", 7);
    esc_func_address_taken(walk);
    site(walk, 7, 56, 0);
    site(walk, 8, 16, 0);
    esc_call(walk, visit_all, NULL, 0, ESC_NOLOC, at(8, 57));
    esc_func *mainf = body(c, "main", 9);
    site(mainf, 9, 35, 0);
    site(mainf, 10, 16, 0);
    esc_call(mainf, visit_all, NULL, 0, ESC_NOLOC, at(11, 17));
    esc_unknown_call(mainf);
    esc_call(mainf, walk, NULL, 0, ESC_NOLOC, at(11, 44));
    esc_func *w = esc_func_new(c, "w", at(12, 29), true, false);
    site(w, 12, 56, 0);
    site(w, 13, 16, 0);
    esc_call(w, w, NULL, 0, ESC_NOLOC, at(13, 60));
    done(c);
    return 0;
}
// rec reaches itself through next(d): unknown code -> rec.
// CHECK:      t.c:2:50: make(map[int]int) does not escape
// CHECK-NEXT: t.c:3:39: make(map[int]int) escapes to heap
// cb's address is taken but it calls nothing: no cycle.
// CHECK-NEXT: t.c:4:54: make(map[int]int) does not escape
// CHECK-NEXT: t.c:5:45: make(map[int]int) does not escape
// walk -> visit_all (no body: unknown code) -> walk.
// CHECK-NEXT: t.c:7:56: make(map[int]int) does not escape
// CHECK-NEXT: t.c:8:16: make(map[int]int) escapes to heap
// main calls unknown code, but nothing takes main's address.
// CHECK-NEXT: t.c:9:35: make(map[int]int) does not escape
// CHECK-NEXT: t.c:10:16: make(map[int]int) does not escape
// w calls itself; weak, so callers use no summary of it, but its frames recurse.
// CHECK-NEXT: t.c:12:56: make(map[int]int) does not escape
// CHECK-NEXT: t.c:13:16: make(map[int]int) escapes to heap
// CHECK-NEXT: == end
