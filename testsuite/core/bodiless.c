// Callees without a body keep every argument, unless the parameter is
// noescape; arguments past the declared parameters (varargs) escape.
// Bodiless functions get no parameter lines.
// RUN: %cc -Werror -I%root/plugin/core %s %root/plugin/core/*.c -o %t && %t | %FileCheck %s --match-full-lines
#include "Inputs/drv.h"

/* t.c:
 *  1  void keep(gomap *m);
 *  2  void look(__attribute__((noescape)) gomap *m);
 *  3  void logf(const char *fmt, ...);
 *  4  void f(void) {
 *  5      gomap *a = gomap_make(GOMAP_TYPE(int, int), 0); keep(a);
 *  6      gomap *b = gomap_make(GOMAP_TYPE(int, int), 0); look(b);
 *  7      gomap *c = gomap_make(GOMAP_TYPE(int, int), 0); logf("%p", c);
 *  8      int x; look(&x);
 *  9      int y; keep(&y);
 * 10      void (*fp)(gomap *) = look;
 * 11      gomap *d = gomap_make(GOMAP_TYPE(int, int), 0); fp(d);
 * 12  }
 */
static esc_loc mk(esc_func *f, int line)
{
    esc_loc v = esc_loc_new(f, ESC_LOC_VALUE, NULL, at(line, 12), 0);
    esc_flow(f, v, site(f, line, 16, 0), 0, at(line, 12), "assign");
    return v;
}

int main(void)
{
    esc_ctx *c = new_ctx(1);
    esc_func *keep = esc_func_new(c, "keep", at(1, 6), false, true);
    esc_param(keep, 0, "m", at(1, 18), true, false);
    esc_func *look = esc_func_new(c, "look", at(2, 6), false, true);
    esc_param(look, 0, "m", at(2, 44), true, true);
    esc_func *logf = esc_func_new(c, "logf", at(3, 6), false, true);
    esc_param(logf, 0, "fmt", at(3, 23), true, false);
    esc_func *f = body(c, "f", 4);
    esc_loc a = mk(f, 5);
    esc_call(f, keep, &a, 1, ESC_NOLOC, at(5, 53));
    esc_loc b = mk(f, 6);
    esc_call(f, look, &b, 1, ESC_NOLOC, at(6, 53));
    esc_loc lc[2] = { ESC_NOLOC, mk(f, 7) };
    esc_call(f, logf, lc, 2, ESC_NOLOC, at(7, 53));
    esc_loc x = esc_loc_new(f, ESC_LOC_VAR, "x", at(8, 9), 0);
    esc_loc ax = esc_loc_new(f, ESC_LOC_VALUE, NULL, at(8, 17), 0);
    esc_flow(f, ax, x, -1, at(8, 17), "address-of");
    esc_call(f, look, &ax, 1, ESC_NOLOC, at(8, 12));
    esc_loc y = esc_loc_new(f, ESC_LOC_VAR, "y", at(9, 9), 0);
    esc_loc ay = esc_loc_new(f, ESC_LOC_VALUE, NULL, at(9, 17), 0);
    esc_flow(f, ay, y, -1, at(9, 17), "address-of");
    esc_call(f, keep, &ay, 1, ESC_NOLOC, at(9, 12));
    esc_loc d = mk(f, 11);
    esc_call(f, NULL, &d, 1, ESC_NOLOC, at(11, 53));
    done(c);
    return 0;
}
// CHECK:      t.c:5:16: make(map[int]int) escapes to heap
// CHECK-NEXT: t.c:6:16: make(map[int]int) does not escape
// CHECK-NEXT: t.c:7:16: make(map[int]int) escapes to heap
// CHECK-NEXT: t.c:9:9: &y escapes to heap
// CHECK-NEXT: t.c:11:16: make(map[int]int) escapes to heap
// CHECK-NEXT: == end
