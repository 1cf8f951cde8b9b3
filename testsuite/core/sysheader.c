// Lines are sorted by file, line, column (sites before parameters before
// variables at one position), whatever the registration order; nothing is
// printed for positions in system headers or without a file.
// RUN: %cc -Werror -I%root/plugin/core %s %root/plugin/core/*.c -o %t && %t | %FileCheck %s --match-full-lines
#include "Inputs/drv.h"

/* b.c:9:3 site, a.c:7:1 site, a.c:2:5 site, a.c:2:4 param, sys.h:1:1 site,
 * no-file site, a.c:7:1 param. */
int main(void)
{
    esc_ctx *c = new_ctx(1);
    esc_func *f = body(c, "f", 1);
    esc_pos b = { "b.c", 9, 3, false }, a7 = { "a.c", 7, 1, false };
    esc_pos a25 = { "a.c", 2, 5, false }, sys = { "sys.h", 1, 1, true };
    esc_pos none = { NULL, 0, 0, false };
    esc_site_info in = { b, "map[int]int", -1, 16, 96, 144, 0 };
    esc_loc map;
    esc_map_site(f, &in, &map);
    in.pos = a7;
    esc_map_site(f, &in, &map);
    in.pos = a25;
    esc_map_site(f, &in, &map);
    esc_pos a24 = { "a.c", 2, 4, false };
    esc_param(f, 0, "p", a24, true, false);
    in.pos = sys;
    esc_map_site(f, &in, &map);
    esc_flow(f, esc_result(f), map, -1, sys, "return");
    in.pos = none;
    esc_map_site(f, &in, &map);
    esc_param(f, 1, "q", a7, true, false);
    esc_param(f, 2, "s", sys, true, false);
    esc_loc v = esc_loc_new(f, ESC_LOC_VAR, "v", a7, 0);
    esc_flow(f, esc_heap(c), v, -1, a7, "address-of");
    done(c);
    return 0;
}
// CHECK:      a.c:2:4: p does not escape
// CHECK-NEXT: a.c:2:5: make(map[int]int) does not escape
// CHECK-NEXT: a.c:7:1: make(map[int]int) does not escape
// CHECK-NEXT: a.c:7:1: q does not escape
// CHECK-NEXT: a.c:7:1: &v escapes to heap
// CHECK-NEXT: b.c:9:3: make(map[int]int) does not escape
// CHECK-NEXT: == end
