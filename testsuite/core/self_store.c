// Stores into *p of values loaded from *p add nothing the caller does not see
// (Go's self-assignment rule, one object: level 1): no content leak.  A value from another level (*t = t,
// *p = **p), another parameter's content, a local's address, a value from
// another activation (rec) do leak.  Once one store moved p's values across
// levels, or p's memory was shown to a callee (even a noescape one), no store
// into it is skipped: shuffle's last store is same-level by its graph levels,
// but after `*p = ***p` it really writes x2's address into x3.
// RUN: %cc -Werror -I%root/plugin/core %s %root/plugin/core/*.c -o %t && %t | %FileCheck %s --match-full-lines
#include "Inputs/drv.h"

/* t.c:
 *  1  struct counter { gomap *seen; int dups; };
 *  2  void bump(struct counter *c) { c->dups = c->dups + 1; }
 *  3  void self(void **t) { *t = t; }
 *  4  void down(int ***p) { *p = **p; }
 *  5  void other(int **p, int **q) { *p = *q; }
 *  6  void local(int **p) { int x; *p = &x; }
 *  7  int **rec(int **p, int n) { int y; if (n) *p = *rec(&y, n - 1); return p; }
 *  8  int f(void) {
 *  9      struct counter c = { gomap_make(GOMAP_TYPE(int, int), 0), 0 };
 * 10      bump(&c);
 * 11      return c.dups;
 * 12  }
 * 13  void shuffle(int ****p) { int **v = **p; *p = ***p; **p = v; }
 * 14  void g(void) {
 * 15      int *x3, **x2 = &x3, ***x1 = &x2, ****x0 = &x1;
 * 16      shuffle(&x0);
 * 17  }
 * 18  void peek(__attribute__((noescape)) struct counter *c);
 * 19  void h(struct counter *c) { peek(c); c->dups = c->dups + 1; }
 */
static esc_loc addr(esc_func *f, esc_loc v, int line, int col)
{
    esc_loc a = esc_loc_new(f, ESC_LOC_VALUE, NULL, at(line, col), 0);
    esc_flow(f, a, v, -1, at(line, col), "address-of");
    return a;
}

int main(void)
{
    esc_ctx *c = new_ctx(1);
    esc_func *bump = body(c, "bump", 2);
    esc_loc p = esc_param(bump, 0, "c", at(2, 28), true, false);
    esc_loc t = esc_loc_new(bump, ESC_LOC_VALUE, NULL, at(2, 44), 0);
    esc_flow(bump, t, p, 1, at(2, 44), "indirection");
    esc_loc u = esc_loc_new(bump, ESC_LOC_VALUE, NULL, at(2, 52), 0);
    esc_flow(bump, u, t, 0, at(2, 52), "assign");
    esc_store(bump, p, u, 0, at(2, 40), "assign");

    esc_func *self = body(c, "self", 3);
    p = esc_param(self, 0, "t", at(3, 18), true, false);
    esc_store(self, p, p, 0, at(3, 26), "assign");

    esc_func *down = body(c, "down", 4);
    p = esc_param(down, 0, "p", at(4, 17), true, false);
    esc_store(down, p, p, 2, at(4, 25), "assign");

    esc_func *other = body(c, "other", 5);
    p = esc_param(other, 0, "p", at(5, 18), true, false);
    esc_loc q = esc_param(other, 1, "q", at(5, 27), true, false);
    esc_store(other, p, q, 1, at(5, 35), "assign");

    esc_func *local = body(c, "local", 6);
    p = esc_param(local, 0, "p", at(6, 18), true, false);
    esc_loc x = esc_loc_new(local, ESC_LOC_VAR, "x", at(6, 27), 0);
    esc_loc ax = esc_loc_new(local, ESC_LOC_VALUE, NULL, at(6, 35), 0);
    esc_flow(local, ax, x, -1, at(6, 35), "address-of");
    esc_store(local, p, ax, 0, at(6, 33), "assign");

    esc_func *rec = body(c, "rec", 7);
    p = esc_param(rec, 0, "p", at(7, 17), true, false);
    esc_param(rec, 1, "n", at(7, 24), false, false);
    esc_loc y = esc_loc_new(rec, ESC_LOC_VAR, "y", at(7, 33), 0);
    esc_loc args[2] = { esc_loc_new(rec, ESC_LOC_VALUE, NULL, at(7, 56), 0), ESC_NOLOC };
    esc_flow(rec, args[0], y, -1, at(7, 56), "address-of");
    esc_loc r = esc_loc_new(rec, ESC_LOC_VALUE, NULL, at(7, 51), 0);
    esc_call(rec, rec, args, 2, r, at(7, 51));
    esc_store(rec, p, r, 1, at(7, 48), "assign");
    esc_flow(rec, esc_result(rec), p, 0, at(7, 75), "return");

    esc_func *f = body(c, "f", 8);
    esc_loc cv = esc_loc_new(f, ESC_LOC_VAR, "c", at(9, 20), 0);
    esc_flow(f, cv, site(f, 9, 26, 0), 0, at(9, 20), "assign");
    esc_loc ac = esc_loc_new(f, ESC_LOC_VALUE, NULL, at(10, 10), 0);
    esc_flow(f, ac, cv, -1, at(10, 10), "address-of");
    esc_call(f, bump, &ac, 1, ESC_NOLOC, at(10, 5));
    /* line 11 returns an int: carries no pointer */

    esc_func *sh = body(c, "shuffle", 13);
    p = esc_param(sh, 0, "p", at(13, 21), true, false);
    esc_loc v = esc_loc_new(sh, ESC_LOC_VALUE, "v", at(13, 32), 0);
    esc_flow(sh, v, p, 2, at(13, 32), "assign");
    esc_store(sh, p, p, 3, at(13, 42), "assign");
    esc_loc sp = esc_loc_new(sh, ESC_LOC_VALUE, NULL, at(13, 54), 0);
    esc_flow(sh, sp, p, 1, at(13, 54), "indirection");
    esc_store(sh, sp, v, 0, at(13, 57), "assign");
    esc_func *g = body(c, "g", 14);
    esc_loc x3 = esc_loc_new(g, ESC_LOC_VAR, "x3", at(15, 10), 0);
    esc_loc x2 = esc_loc_new(g, ESC_LOC_VAR, "x2", at(15, 16), 0);
    esc_loc x1 = esc_loc_new(g, ESC_LOC_VAR, "x1", at(15, 29), 0);
    esc_loc x0 = esc_loc_new(g, ESC_LOC_VAR, "x0", at(15, 43), 0);
    esc_flow(g, x2, addr(g, x3, 15, 21), 0, at(15, 16), "assign");
    esc_flow(g, x1, addr(g, x2, 15, 35), 0, at(15, 29), "assign");
    esc_flow(g, x0, addr(g, x1, 15, 50), 0, at(15, 43), "assign");
    esc_loc a0 = addr(g, x0, 16, 13);
    esc_call(g, sh, &a0, 1, ESC_NOLOC, at(16, 5));

    esc_func *peek = esc_func_new(c, "peek", at(18, 6), false, true);
    esc_param(peek, 0, "c", at(18, 55), true, true);
    esc_func *h = body(c, "h", 19);
    p = esc_param(h, 0, "c", at(19, 25), true, false);
    esc_call(h, peek, &p, 1, ESC_NOLOC, at(19, 29));
    t = esc_loc_new(h, ESC_LOC_VALUE, NULL, at(19, 50), 0);
    esc_flow(h, t, p, 1, at(19, 50), "indirection");
    esc_store(h, p, t, 0, at(19, 46), "assign");
    done(c);
    return 0;
}
// CHECK:      t.c:2:28: c does not escape
// CHECK-NEXT: t.c:3:18: leaking param: t
// CHECK-NEXT: t.c:4:17: leaking param content: p
// CHECK-NEXT: t.c:5:18: p does not escape
// CHECK-NEXT: t.c:5:27: leaking param content: q
// CHECK-NEXT: t.c:6:18: p does not escape
// CHECK-NEXT: t.c:6:27: &x escapes to heap
// CHECK-NEXT: t.c:7:17: leaking param content: p
// CHECK-NEXT: t.c:7:17: leaking param: p to result ~r0 level=0
// CHECK-NEXT: t.c:7:33: &y escapes to heap
// CHECK-NEXT: t.c:9:26: make(map[int]int) does not escape
// CHECK-NEXT: t.c:13:21: leaking param content: p
// CHECK-NEXT: t.c:15:10: &x3 escapes to heap
// CHECK-NEXT: t.c:15:16: &x2 escapes to heap
// CHECK-NEXT: t.c:19:25: leaking param content: c
// CHECK-NEXT: == end
