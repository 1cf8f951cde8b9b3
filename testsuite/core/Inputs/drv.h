/* drv.h - helpers for the core's unit tests: each test is a small driver that
 * describes, through escape.h, the graph a front end would build for a
 * C program shown in its comment (file "t.c", lines as numbered there), then
 * prints the -m report followed by "== end".
 */
#include "escape.h"
#include "gomap_layout.h"

#include <stdio.h>
#include <stdlib.h>

static inline esc_pos at(int line, int col)
{
    esc_pos p = { "t.c", line, col, false };
    return p;
}

static inline esc_ctx *new_ctx(int m)
{
    esc_options o = esc_options_default();
    o.m = m;
    return esc_ctx_new(&o);
}

/* A gomap_make site of map[K]V (key ks, value vs bytes, 8-aligned when >= 8)
 * at line:col; returns the handle, a temporary holding &storage. */
static inline esc_loc site_kv(esc_func *f, int line, int col, const char *type, size_t ks,
                       size_t vs, long hint, int loopdepth, int *site_out)
{
    size_t ka = ks >= 8 ? 8 : ks, va = vs >= 8 ? 8 : vs;
    esc_site_info in = { at(line, col), type, hint, ks + vs, GOMAP_HMAP_SIZE,
                         type ? gomap_layout_bucket_size(ks, ka, vs, va) : 0, loopdepth };
    esc_loc map;
    int id = esc_map_site(f, &in, &map);
    if (site_out) *site_out = id;
    esc_loc h = esc_loc_new(f, ESC_LOC_VALUE, NULL, at(line, col), loopdepth);
    esc_flow(f, h, map, -1, at(line, col), "spill");
    return h;
}

/* make(map[int]int) */
static inline esc_loc site(esc_func *f, int line, int col, int loopdepth)
{
    return site_kv(f, line, col, "map[int]int", 8, 8, -1, loopdepth, NULL);
}

static inline esc_func *body(esc_ctx *c, const char *name, int line)
{
    return esc_func_new(c, name, at(line, 1), true, true);
}

static inline void done(esc_ctx *c)
{
    esc_solve(c);
    esc_report(c, stdout);
    printf("== end\n");
    esc_ctx_free(c);
}
