// The exposure API (esc_expose, esc_raw, esc_store_raw): a data load of pointer
// bytes makes the memory it reads escape when the access may read any bytes, or
// when it is typed and the memory read may be raw; a raw local whose address
// reaches other code has its contents escape.  Typed reads of memory that holds
// no raw bytes (a counter, a parameter's memory) expose nothing.
// RUN: %cc -Werror -I%root/plugin/core %s %root/plugin/core/*.c -o %t && %t | %FileCheck %s --match-full-lines
#include "Inputs/drv.h"

/* t.c:
 *  1  void any(void) {
 *  2      gomap *h = gomap_make(GOMAP_TYPE(int, int), 0);
 *  3      sink(((unsigned char *)&h)[0]);            (char read: any bytes)
 *  4  }
 *  5  void typed_raw(void) {
 *  6      gomap *h = gomap_make(GOMAP_TYPE(int, int), 0);
 *  7      unsigned long w; unsigned long *pw = &w;
 *  8      memcpy(pw, &h, 8);                         (raw store through pw)
 *  9      sink(*pw);                                 (typed read of raw w)
 * 10  }
 * 11  void typed_clean(void) {
 * 12      gomap *h = gomap_make(GOMAP_TYPE(int, int), 0);
 * 13      struct { gomap *m; int hits; } c = { h, 0 };
 * 14      sink(c.hits);                              (typed read, c not raw)
 * 15  }
 * 16  void seen(void) {
 * 17      gomap *h = gomap_make(GOMAP_TYPE(int, int), 0);
 * 18      unsigned long w;
 * 19      memcpy(&w, &h, 8);                         (w raw)
 * 20      use(&w);                                   (raw and ext)
 * 21  }
 * 22  void param(unsigned long *p) {
 * 23      gomap *h = gomap_make(GOMAP_TYPE(int, int), 0);
 * 24      gomap *k = h;                              (k: a local in memory)
 * 25      keep(&k);                                  (noescape)
 * 26      sink(*p);                                  (typed read of the caller's memory)
 * 27  }
 * 28  void local_raw(void) {
 * 29      gomap *h = gomap_make(GOMAP_TYPE(int, int), 0);
 * 30      union { gomap *m; long n; } u; u.m = h;    (esc_raw: a union)
 * 31      sink(u.n) as a typed read of u
 * 32  }
 * 33  void both(unsigned long *p, int c) {
 * 34      gomap *h = gomap_make(GOMAP_TYPE(int, int), 0);
 * 35      unsigned long w; memcpy(&w, &h, 8);
 * 36      sink(*(c ? p : &w));                       (unknown or raw local)
 * 37  }
 */
int main(void)
{
    esc_ctx *c = new_ctx(2);
    esc_func *use = esc_func_new(c, "use", at(40, 1), false, false);
    esc_param(use, 0, "p", at(40, 10), true, true);     /* noescape, no body */

    esc_func *f = body(c, "any", 1);
    esc_loc h = esc_loc_new(f, ESC_LOC_VAR, "h", at(2, 12), 0);
    esc_flow(f, h, site(f, 2, 16, 0), 0, at(2, 12), "assign");
    esc_expose(f, h, 0, true, at(3, 10), "pointer bytes read as data");

    f = body(c, "typed_raw", 5);
    h = esc_loc_new(f, ESC_LOC_VAR, "h", at(6, 12), 0);
    esc_flow(f, h, site(f, 6, 16, 0), 0, at(6, 12), "assign");
    esc_loc w = esc_loc_new(f, ESC_LOC_VAR, "w", at(7, 19), 0);
    esc_loc pw = esc_loc_new(f, ESC_LOC_VALUE, "pw", at(7, 37), 0);
    esc_flow(f, pw, w, -1, at(7, 37), "address-of");
    esc_loc ah = esc_loc_new(f, ESC_LOC_VALUE, NULL, at(8, 16), 0);
    esc_flow(f, ah, h, -1, at(8, 16), "address-of");
    esc_store_raw(f, pw, ah, 1, at(8, 5), "call");
    esc_expose(f, pw, 1, false, at(9, 10), "pointer bytes read as data");

    f = body(c, "typed_clean", 11);
    h = site(f, 12, 16, 0);
    esc_loc cv = esc_loc_new(f, ESC_LOC_VAR, "c", at(13, 36), 0);
    esc_flow(f, cv, h, 0, at(13, 40), "assign");
    esc_expose(f, cv, 0, false, at(14, 10), "pointer bytes read as data");

    f = body(c, "seen", 16);
    h = esc_loc_new(f, ESC_LOC_VAR, "h", at(17, 12), 0);
    esc_flow(f, h, site(f, 17, 16, 0), 0, at(17, 12), "assign");
    w = esc_loc_new(f, ESC_LOC_VAR, "w", at(18, 19), 0);
    pw = esc_loc_new(f, ESC_LOC_VALUE, NULL, at(19, 12), 0);
    esc_flow(f, pw, w, -1, at(19, 12), "address-of");
    ah = esc_loc_new(f, ESC_LOC_VALUE, NULL, at(19, 16), 0);
    esc_flow(f, ah, h, -1, at(19, 16), "address-of");
    esc_store_raw(f, pw, ah, 1, at(19, 5), "call");
    esc_call(f, use, &pw, 1, ESC_NOLOC, at(20, 5));

    f = body(c, "param", 22);
    esc_loc p = esc_param(f, 0, "p", at(22, 27), true, false);
    h = site(f, 23, 16, 0);
    esc_loc k = esc_loc_new(f, ESC_LOC_VAR, "k", at(24, 12), 0);
    esc_flow(f, k, h, 0, at(24, 12), "assign");
    esc_loc ak = esc_loc_new(f, ESC_LOC_VALUE, NULL, at(25, 10), 0);
    esc_flow(f, ak, k, -1, at(25, 10), "address-of");
    esc_call(f, use, &ak, 1, ESC_NOLOC, at(25, 5));
    esc_expose(f, p, 1, false, at(26, 10), "pointer bytes read as data");

    f = body(c, "local_raw", 28);
    h = site(f, 29, 16, 0);
    esc_loc u = esc_loc_new(f, ESC_LOC_VAR, "u", at(30, 35), 0);
    esc_raw(f, u);
    esc_flow(f, u, h, 0, at(30, 42), "assign");
    esc_expose(f, u, 0, false, at(31, 10), "pointer bytes read as data");

    f = body(c, "both", 33);
    p = esc_param(f, 0, "p", at(33, 26), true, false);
    h = esc_loc_new(f, ESC_LOC_VAR, "h", at(34, 12), 0);
    esc_flow(f, h, site(f, 34, 16, 0), 0, at(34, 12), "assign");
    w = esc_loc_new(f, ESC_LOC_VAR, "w", at(35, 19), 0);
    pw = esc_loc_new(f, ESC_LOC_VALUE, NULL, at(35, 29), 0);
    esc_flow(f, pw, w, -1, at(35, 29), "address-of");
    ah = esc_loc_new(f, ESC_LOC_VALUE, NULL, at(35, 33), 0);
    esc_flow(f, ah, h, -1, at(35, 33), "address-of");
    esc_store_raw(f, pw, ah, 1, at(35, 22), "call");
    esc_loc q = esc_loc_new(f, ESC_LOC_VALUE, NULL, at(36, 12), 0);
    esc_flow(f, q, p, 0, at(36, 12), "assign");
    esc_flow(f, q, w, -1, at(36, 12), "assign");
    esc_expose(f, q, 1, false, at(36, 10), "pointer bytes read as data");
    done(c);
    return 0;
}
// CHECK:      t.c:2:16: make(map[int]int) escapes to heap
// CHECK:      t.c:2:16:     from h (pointer bytes read as data) at t.c:3:10
// CHECK-NEXT: t.c:6:16: make(map[int]int) escapes to heap
// CHECK:      t.c:6:16:   flow: {heap} = w:
// CHECK-NEXT: t.c:6:16:     from &w (address-of) at t.c:7:37
// CHECK-NEXT: t.c:6:16:     from *pw (pointer bytes read as data) at t.c:9:10
// CHECK-NEXT: t.c:12:16: make(map[int]int) does not escape
// CHECK-NEXT: t.c:17:16: make(map[int]int) escapes to heap
// CHECK:      t.c:17:16:     from w (raw bytes seen by other code) at t.c:18:19
// CHECK-NEXT: t.c:22:27: p does not escape
// CHECK-NEXT: t.c:23:16: make(map[int]int) does not escape
// CHECK-NEXT: t.c:29:16: make(map[int]int) escapes to heap
// CHECK:      t.c:29:16:     from u (pointer bytes read as data) at t.c:31:10
// CHECK-NEXT: t.c:33:26: leaking param content: p
// CHECK:      t.c:34:16: make(map[int]int) escapes to heap
// CHECK:      t.c:34:16:     from w (pointer bytes read as data) at t.c:36:10
// CHECK-NEXT: == end
