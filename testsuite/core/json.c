// esc_write_json: every site, every parameter of a function with a body, every
// escaping named local, with the flow that explains escapes and leaks.  The
// file must parse as JSON; it is an array holding the unit's document.
// RUN: %cc -Werror -I%root/plugin/core %s %root/plugin/core/*.c -o %t && %t %t.json
// RUN: python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(len(d[0]['decisions']))" %t.json | %FileCheck --check-prefix=COUNT %s
// RUN: %FileCheck %s < %t.json
#include "Inputs/drv.h"

/* t.c:
 * 1  gomap *f(int *q, int n) {
 * 2      gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
 * 3      gomap *k = gomap_make(GOMAP_TYPE(int, int), 20);
 * 4      return m;
 * 5  }
 * 6  void g(int **p) { int x; gp = *p; gp = &x; }
 */
int main(int argc, char **argv)
{
    (void)argc;
    esc_options o = esc_options_default();
    o.json_path = argv[1];
    esc_ctx *c = esc_ctx_new(&o);
    esc_func *f = body(c, "f", 1);
    esc_param(f, 0, "q", at(1, 16), true, false);
    esc_param(f, 1, "n", at(1, 23), false, false);
    esc_loc m = esc_loc_new(f, ESC_LOC_VALUE, "m", at(2, 12), 0);
    esc_flow(f, m, site(f, 2, 16, 0), 0, at(2, 12), "assign");
    site_kv(f, 3, 16, "map[int]int", 4, 4, 20, 0, NULL);
    esc_flow(f, esc_result(f), m, 0, at(4, 5), "return");
    esc_func *g = body(c, "g", 6);
    esc_loc p = esc_param(g, 0, "p", at(6, 14), true, false);
    esc_loc x = esc_loc_new(g, ESC_LOC_VAR, "x", at(6, 23), 0);
    esc_flow(g, esc_heap(c), p, 1, at(6, 31), "assign");
    esc_flow(g, esc_heap(c), x, -1, at(6, 41), "address-of");
    esc_solve(c);
    esc_report(c, stdout);          /* m = 0: prints nothing */
    if (esc_write_json(c, argv[1]) != 0) { perror(argv[1]); return 1; }
    esc_ctx_free(c);
    return 0;
}
// COUNT: 6
// CHECK: [
// CHECK-NEXT: {"version": 1, "max_kv_size": 128, "frame_limit": 65536, "recursive_frame_limit": 256, "unit": null, "source": null, "cwd": "{{[^"]*}}", "decisions": [
// CHECK-NEXT: {"kind": "map", "file": "t.c", "line": 2, "col": 16, "system_header": false, "function": "f", "recursive": false, "type": "map[int]int", "hint": -1, "kv_size": 16, "escapes": true, "verdict": "escapes to heap", "placement": "heap", "reason": null, "expr": "make(map[int]int)", "messages": ["make(map[int]int) escapes to heap"], "flow": [{"dst": "{temp}", "src": "{storage for make(map[int]int)}", "derefs": -1, "why": "spill", "pos": "t.c:2:16", "file": "t.c", "line": 2, "col": 16, "what": "make(map[int]int)"}, {"dst": "m", "src": "{temp}", "derefs": 0, "why": "assign", "pos": "t.c:2:12", "file": "t.c", "line": 2, "col": 12, "what": "{temp}"}, {"dst": "~r0", "src": "m", "derefs": 0, "why": "return", "pos": "t.c:4:5", "file": "t.c", "line": 4, "col": 5, "what": "m"}], "hops": [{"flow": "flow: m = &{storage for make(map[int]int)}", "notes": [{"what": "make(map[int]int)", "why": "assign", "pos": "t.c:2:12", "file": "t.c", "line": 2, "col": 12}]}, {"flow": "flow: ~r0 = m", "notes": [{"what": "m", "why": "return", "pos": "t.c:4:5", "file": "t.c", "line": 4, "col": 5}]}], "made_by": null, "for_caller": ["~r0"]},
// CHECK-NEXT: {"kind": "map", "file": "t.c", "line": 3, "col": 16, "system_header": false, "function": "f", "recursive": false, "type": "map[int]int", "hint": 20, "kv_size": 8, "escapes": false, "verdict": "buckets escape to heap", "placement": "stack-hmap", "reason": "hint 20 > 8", "expr": "make(map[int]int, 20)", "messages": ["make(map[int]int, 20) buckets escape to heap: hint 20 > 8"], "flow": [], "hops": [], "made_by": null, "for_caller": []},
// CHECK-NEXT: {"kind": "param", "file": "t.c", "line": 1, "col": 16, "system_header": false, "function": "f", "name": "q", "index": 0, "is_pointer": true, "moved_to_heap": false, "verdict": "does not escape", "placement": null, "reason": null, "heap_level": -1, "result_level": -1, "messages": ["q does not escape"], "flow": [], "hops": [], "result_flow": [], "result_hops": []},
// CHECK-NEXT: {"kind": "param", "file": "t.c", "line": 1, "col": 23, "system_header": false, "function": "f", "name": "n", "index": 1, "is_pointer": false, "moved_to_heap": false, "verdict": "does not escape", "placement": null, "reason": null, "heap_level": -1, "result_level": -1, "messages": ["n does not escape"], "flow": [], "hops": [], "result_flow": [], "result_hops": []},
// CHECK-NEXT: {"kind": "param", "file": "t.c", "line": 6, "col": 14, "system_header": false, "function": "g", "name": "p", "index": 0, "is_pointer": true, "moved_to_heap": false, "verdict": "leaking param content", "placement": null, "reason": null, "heap_level": 1, "result_level": -1, "messages": ["leaking param content: p"], "flow": [{"dst": "{heap}", "src": "p", "derefs": 1, "why": "assign", "pos": "t.c:6:31", "file": "t.c", "line": 6, "col": 31, "what": "*p"}], "hops": [{"flow": "flow: {heap} = *p", "notes": [{"what": "*p", "why": "assign", "pos": "t.c:6:31", "file": "t.c", "line": 6, "col": 31}]}], "result_flow": [], "result_hops": []},
// CHECK-NEXT: {"kind": "var", "file": "t.c", "line": 6, "col": 23, "system_header": false, "function": "g", "name": "x", "verdict": "escapes to heap", "placement": "heap", "reason": null, "messages": ["&x escapes to heap"], "flow": [{"dst": "{heap}", "src": "x", "derefs": -1, "why": "address-of", "pos": "t.c:6:41", "file": "t.c", "line": 6, "col": 41, "what": "&x"}], "hops": [{"flow": "flow: {heap} = &x", "notes": [{"what": "&x", "why": "address-of", "pos": "t.c:6:41", "file": "t.c", "line": 6, "col": 41}]}]}
// CHECK-NEXT: ]}
// CHECK-NEXT: ]
