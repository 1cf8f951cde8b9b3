// A constant hint above 8 keeps the bucket on the heap; 8, 0 and a
// non-constant hint (-1) do not.  The hint shows when it is a non-zero constant.
// RUN: %cc -Werror -I%root/plugin/core %s %root/plugin/core/*.c -o %t && %t | %FileCheck %s --match-full-lines
#include "Inputs/drv.h"

/* t.c:
 * 1  void f(size_t n) {
 * 2      gomap *a = gomap_make(GOMAP_TYPE(int, int), 100);
 * 3      gomap *b = gomap_make(GOMAP_TYPE(int, int), 8);
 * 4      gomap *c = gomap_make(GOMAP_TYPE(int, int), 0);
 * 5      gomap *d = gomap_make(GOMAP_TYPE(int, int), n);
 * 6      gomap *e = gomap_make(GOMAP_TYPE(int, int), 9);
 * 7  }
 */
int main(void)
{
    esc_ctx *c = new_ctx(1);
    esc_func *f = body(c, "f", 1);
    esc_param(f, 0, "n", at(1, 15), false, false);
    site_kv(f, 2, 16, "map[int]int", 4, 4, 100, 0, NULL);
    site_kv(f, 3, 16, "map[int]int", 4, 4, 8, 0, NULL);
    site_kv(f, 4, 16, "map[int]int", 4, 4, 0, 0, NULL);
    site_kv(f, 5, 16, "map[int]int", 4, 4, -1, 0, NULL);
    site_kv(f, 6, 16, "map[int]int", 4, 4, 9, 0, NULL);
    done(c);
    return 0;
}
// CHECK:      t.c:2:16: make(map[int]int, 100) buckets escape to heap: hint 100 > 8
// CHECK-NEXT: t.c:3:16: make(map[int]int, 8) does not escape
// CHECK-NEXT: t.c:4:16: make(map[int]int) does not escape
// CHECK-NEXT: t.c:5:16: make(map[int]int) does not escape
// CHECK-NEXT: t.c:6:16: make(map[int]int, 9) buckets escape to heap: hint 9 > 8
// CHECK-NEXT: == end
