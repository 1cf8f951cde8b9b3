// Store resolution iterates: the store at line 6 is registered first (as a
// front end does for a loop body), when q does not point anywhere yet; the one
// at line 7 then makes q point to s.  The map follows s: escapes in f where s
// is returned, stays in g where it is not.
// RUN: %cc -Werror -I%root/plugin/core %s %root/plugin/core/*.c -o %t && %t | %FileCheck %s --match-full-lines
#include "Inputs/drv.h"

/* t.c (f; g is the same without line 9):
 *  1  gomap *f(void) {
 *  2      gomap *s;
 *  3      gomap **q;
 *  4      gomap ***pp = &q, *mk = gomap_make(GOMAP_TYPE(int, int), 0);
 *  5      for (int i = 0; i < 2; i++) {
 *  6          if (i) *qv = mk;                        (qv = q)
 *  7          else *pp = &s;
 *  8      }
 *  9      return s;
 * 10  }
 */
static void fn(esc_ctx *c, const char *name, int line, bool ret)
{
    esc_func *f = body(c, name, line);
    esc_loc s = esc_loc_new(f, ESC_LOC_VAR, "s", at(line + 1, 12), 0);
    esc_loc q = esc_loc_new(f, ESC_LOC_VAR, "q", at(line + 2, 13), 0);
    esc_loc pp = esc_loc_new(f, ESC_LOC_VALUE, "pp", at(line + 3, 14), 0);
    esc_flow(f, pp, q, -1, at(line + 3, 19), "address-of");
    esc_loc qv = esc_loc_new(f, ESC_LOC_VALUE, "qv", at(line + 5, 17), 1);
    esc_flow(f, qv, q, 0, at(line + 5, 17), "assign");
    esc_loc mk = esc_loc_new(f, ESC_LOC_VALUE, "mk", at(line + 3, 24), 0);
    esc_flow(f, mk, site(f, line + 3, 29, 0), 0, at(line + 3, 24), "assign");
    esc_store(f, qv, mk, 0, at(line + 5, 20), "assign");
    esc_loc as = esc_loc_new(f, ESC_LOC_VALUE, NULL, at(line + 6, 23), 1);
    esc_flow(f, as, s, -1, at(line + 6, 23), "address-of");
    esc_store(f, pp, as, 0, at(line + 6, 20), "assign");
    if (ret) esc_flow(f, esc_result(f), s, 0, at(line + 8, 5), "return");
}

int main(void)
{
    esc_ctx *c = new_ctx(1);
    fn(c, "f", 1, true);
    fn(c, "g", 11, false);
    done(c);
    return 0;
}
// CHECK:      t.c:4:29: make(map[int]int) escapes to heap
// CHECK-NEXT: t.c:14:29: make(map[int]int) does not escape
// CHECK-NEXT: == end
