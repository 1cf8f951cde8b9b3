// A function in a cycle of trusted calls (itself, or through others) gets
// recursive_frame_limit bytes of map storage per frame (default 256) instead
// of frame_limit: map[int]int costs 96 + 80, so one fits, a second header does
// not.  A function that only calls a recursive one keeps the normal budget.
// A limit of 0 means 0: no map of a recursive function goes on the stack.
// RUN: %cc -Werror -I%root/plugin/core %s %root/plugin/core/*.c -o %t && %t | %FileCheck %s --match-full-lines
#include "Inputs/drv.h"

/* t.c:
 *  1  long walk(int d) {
 *  2      gomap *a = gomap_make(GOMAP_TYPE(int, int), 0);
 *  3      gomap *b = gomap_make(GOMAP_TYPE(int, int), 0);
 *  4      return d ? walk(d - 1) : 0;
 *  5  }
 *  6  long ping(int d);
 *  7  long pong(int d) { gomap *c = gomap_make(GOMAP_TYPE(int, int), 0); return ping(d); }
 *  8  long ping(int d) { gomap *e = gomap_make(GOMAP_TYPE(int, int), 0);
 *  9                     gomap *f = gomap_make(GOMAP_TYPE(int, int), 0); return d ? pong(d - 1) : 0; }
 * 10  long top(void) {
 * 11      gomap *g = gomap_make(GOMAP_TYPE(int, int), 0);
 * 12      gomap *h = gomap_make(GOMAP_TYPE(int, int), 0);
 * 13      return walk(3);
 * 14  }
 */
static void run(unsigned long limit)
{
    esc_options o = esc_options_default();
    o.m = 1;
    o.recursive_frame_limit = limit;
    esc_ctx *c = esc_ctx_new(&o);
    printf("recursive_frame_limit %lu\n", limit);
    esc_func *walk = body(c, "walk", 1);
    site_kv(walk, 2, 16, "map[int]int", 4, 4, -1, 0, NULL);
    site_kv(walk, 3, 16, "map[int]int", 4, 4, -1, 0, NULL);
    esc_call(walk, walk, NULL, 0, ESC_NOLOC, at(4, 16));
    esc_func *pong = body(c, "pong", 7), *ping = body(c, "ping", 8);
    site_kv(pong, 7, 34, "map[int]int", 4, 4, -1, 0, NULL);
    esc_call(pong, ping, NULL, 0, ESC_NOLOC, at(7, 80));
    site_kv(ping, 8, 34, "map[int]int", 4, 4, -1, 0, NULL);
    site_kv(ping, 9, 34, "map[int]int", 4, 4, -1, 0, NULL);
    esc_call(ping, pong, NULL, 0, ESC_NOLOC, at(9, 86));
    esc_func *top = body(c, "top", 10);
    site_kv(top, 11, 16, "map[int]int", 4, 4, -1, 0, NULL);
    site_kv(top, 12, 16, "map[int]int", 4, 4, -1, 0, NULL);
    esc_call(top, walk, NULL, 0, ESC_NOLOC, at(13, 12));
    done(c);
}

int main(void)
{
    run(256);
    run(300);
    run(0);
    return 0;
}
// CHECK:      recursive_frame_limit 256
// CHECK-NEXT: t.c:2:16: make(map[int]int) does not escape
// CHECK-NEXT: t.c:3:16: make(map[int]int) escapes to heap
// CHECK-NEXT: t.c:7:34: make(map[int]int) does not escape
// CHECK-NEXT: t.c:8:34: make(map[int]int) does not escape
// CHECK-NEXT: t.c:9:34: make(map[int]int) escapes to heap
// CHECK-NEXT: t.c:11:16: make(map[int]int) does not escape
// CHECK-NEXT: t.c:12:16: make(map[int]int) does not escape
// CHECK-NEXT: == end
// CHECK-NEXT: recursive_frame_limit 300
// CHECK-NEXT: t.c:2:16: make(map[int]int) does not escape
// CHECK-NEXT: t.c:3:16: make(map[int]int) buckets escape to heap: stack frame limit
// CHECK-NEXT: t.c:7:34: make(map[int]int) does not escape
// CHECK-NEXT: t.c:8:34: make(map[int]int) does not escape
// CHECK-NEXT: t.c:9:34: make(map[int]int) buckets escape to heap: stack frame limit
// CHECK-NEXT: t.c:11:16: make(map[int]int) does not escape
// CHECK-NEXT: t.c:12:16: make(map[int]int) does not escape
// CHECK-NEXT: == end
// CHECK-NEXT: recursive_frame_limit 0
// CHECK-NEXT: t.c:2:16: make(map[int]int) escapes to heap
// CHECK-NEXT: t.c:3:16: make(map[int]int) escapes to heap
// CHECK-NEXT: t.c:7:34: make(map[int]int) escapes to heap
// CHECK-NEXT: t.c:8:34: make(map[int]int) escapes to heap
// CHECK-NEXT: t.c:9:34: make(map[int]int) escapes to heap
// CHECK-NEXT: t.c:11:16: make(map[int]int) does not escape
// CHECK-NEXT: t.c:12:16: make(map[int]int) does not escape
// CHECK-NEXT: == end
