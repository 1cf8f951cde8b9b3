/* json.c - every decision of the unit as one JSON document (schema in
 * docs/json.md): each gomap_make site, each parameter of a function with a
 * body, each named local whose address escapes, each runtime call the front
 * end specialised for its map's key kind, with the flow path that
 * explains an escape or a leak: "flow" has the walk's raw steps, "hops" the
 * same path as -m=2 prints it.  Flow paths are recorded only when the context
 * was created with opt.m >= 2 or opt.json_path/sarif_path set; otherwise both
 * are [].  A file holds an array of such documents (output.c writes it).
 */
#define _POSIX_C_SOURCE 200809L
#include "core.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void esc_json_str(FILE *o, const char *s)
{
    if (!s) { fputs("null", o); return; }
    fputc('"', o);
    for (; *s; s++) {
        unsigned char ch = (unsigned char)*s;
        if (ch == '"' || ch == '\\') fprintf(o, "\\%c", ch);
        else if (ch == '\n') fputs("\\n", o);
        else if (ch == '\t') fputs("\\t", o);
        else if (ch < 0x20) fprintf(o, "\\u%04x", ch);
        else fputc(ch, o);
    }
    fputc('"', o);
}

static void jpos_fields(esc_ctx *c, FILE *o, esc_pos p)
{
    fputs("\"file\": ", o);
    esc_json_str(o, p.file);
    fprintf(o, ", \"line\": %d, \"col\": %d, \"system_header\": %s", p.line, esc_print_col(c, p),
            p.in_system_header ? "true" : "false");
}

static void jpos_str(esc_ctx *c, FILE *o, esc_pos p)
{
    if (!p.file) { fputs("null", o); return; }
    char buf[1024];
    snprintf(buf, sizeof buf, "%s:%d:%d", p.file, p.line, esc_print_col(c, p));
    esc_json_str(o, buf);
}

/* ", "pos": "FILE:L:C", "file": ..., "line": L, "col": C" of a step or a note
 * (nulls when the position is unknown). */
static void jpos_keys(esc_ctx *c, FILE *o, esc_pos p)
{
    fputs(", \"pos\": ", o);
    jpos_str(c, o, p);
    fputs(", \"file\": ", o);
    esc_json_str(o, p.file);
    if (p.file) fprintf(o, ", \"line\": %d, \"col\": %d", p.line, esc_print_col(c, p));
    else fputs(", \"line\": null, \"col\": null", o);
}

static void jflow(esc_ctx *c, FILE *o, int pi)
{
    fputc('[', o);
    const path *p = pi >= 0 ? &c->paths.v[pi] : NULL;
    for (int i = 0; p && i < p->n; i++) {
        const step *st = &c->steps.v[p->start + i];
        const edge *e = &c->edges.v[st->edge];
        char a[300], b[300];
        fputs(i ? ", {\"dst\": " : "{\"dst\": ", o);
        esc_json_str(o, esc_loc_text(c, st->dst, a, sizeof a));
        fputs(", \"src\": ", o);
        esc_json_str(o, esc_loc_text(c, e->src, b, sizeof b));
        fprintf(o, ", \"derefs\": %d, \"why\": ", e->derefs);
        esc_json_str(o, e->why);
        jpos_keys(c, o, e->pos);
        fputs(", \"what\": ", o);
        esc_json_str(o, esc_what_text(c, e->src, e->derefs, a, sizeof a));
        fputc('}', o);
    }
    fputc(']', o);
}

/* The same path as -m=2 prints it (report.c's esc_path_hops: temporaries and
 * self-copies folded): [{"flow": "flow: DST = SRC", "notes": [{"what", "why",
 * "pos", "file", "line", "col"}, ...]}, ...]. */
typedef struct jhop_out { esc_ctx *c; FILE *o; int n; } jhop_out;

static void jhop(void *arg, const char *flow, const esc_hop_note *notes, int n)
{
    jhop_out *j = arg;
    fputs(j->n++ ? ", {\"flow\": " : "{\"flow\": ", j->o);
    esc_json_str(j->o, flow);
    fputs(", \"notes\": [", j->o);
    for (int i = 0; i < n; i++) {
        fputs(i ? ", {\"what\": " : "{\"what\": ", j->o);
        esc_json_str(j->o, notes[i].what);
        fputs(", \"why\": ", j->o);
        esc_json_str(j->o, notes[i].why);
        jpos_keys(j->c, j->o, notes[i].pos);
        fputc('}', j->o);
    }
    fputs("]}", j->o);
}

static void jhops(esc_ctx *c, FILE *o, int pi)
{
    jhop_out j = { c, o, 0 };
    fputc('[', o);
    if (pi >= 0) esc_path_hops(c, pi, jhop, &j);
    fputc(']', o);
}

/* "flow": the raw steps, "hops": the same folded (KEY and KEY_hops names). */
static void jpath(esc_ctx *c, FILE *o, const char *key, const char *hkey, int pi)
{
    fprintf(o, ", \"%s\": ", key);
    jflow(c, o, pi);
    fprintf(o, ", \"%s\": ", hkey);
    jhops(c, o, pi);
}

static const char *placement_name(esc_placement p)
{
    return p == ESC_STACK_ALL ? "stack" : p == ESC_STACK_HMAP ? "stack-hmap" : "heap";
}

static void jsite(esc_ctx *c, FILE *o, const site *s)
{
    const location *L = LOC(c, s->loc);
    char m[256];
    esc_map_text(s, m, sizeof m);
    fputs("    {\"kind\": \"map\", ", o);
    jpos_fields(c, o, s->info.pos);
    fputs(", \"function\": ", o);
    esc_json_str(o, c->funcs.v[s->fn]->name);
    fprintf(o, ", \"recursive\": %s, \"type\": ",
            c->funcs.v[s->fn]->recursive ? "true" : "false");
    esc_json_str(o, s->info.type_name);
    fprintf(o, ", \"hint\": %ld, \"kv_size\": %lu, \"escapes\": %s, \"verdict\": \"%s\"",
            s->info.hint, s->info.kv_size, L->escapes ? "true" : "false",
            s->dec.placement == ESC_STACK_ALL ? "does not escape"
            : s->dec.placement == ESC_STACK_HMAP ? "buckets escape to heap"
                                                 : "escapes to heap");
    fprintf(o, ", \"placement\": \"%s\", \"reason\": ", placement_name(s->dec.placement));
    esc_json_str(o, s->frame_heap ? "stack frame limit" : s->dec.reason);
    fputs(", \"expr\": ", o);
    esc_json_str(o, m);
    char msg[600];
    esc_site_msg(c, s, msg, sizeof msg);
    fputs(", \"messages\": [", o);
    esc_json_str(o, msg);
    fputc(']', o);
    jpath(c, o, "flow", "hops", L->escapes ? L->path_esc : -1);
    fputs(", \"made_by\": ", o);            /* a call's site: the callee's make (ctor.c) */
    if (s->via_site >= 0) {
        const site *g = &c->sites.v[s->via_site];
        fputs("{\"function\": ", o);
        esc_json_str(o, c->funcs.v[g->fn]->name);
        fputs(", ", o);
        jpos_fields(c, o, g->info.pos);
        fputc('}', o);
    } else {
        fputs("null", o);
    }
    fputs(", \"for_caller\": [", o);        /* an output: how it reaches the caller */
    const esc_func *f = c->funcs.v[s->fn];
    bool first = true;
    for (int i = 0; i < 32; i++) {
        if (!(s->out_mask & (1u << i))) continue;
        if (!first) fputs(", ", o);
        first = false;
        if (i == 0) esc_json_str(o, "~r0");
        else esc_json_str(o, i - 1 < f->params.n && f->params.v[i - 1].name ? f->params.v[i - 1].name : "?");
    }
    fputs("]}", o);
}

static void jparam(esc_ctx *c, FILE *o, esc_func *f, const fparam *p, int index)
{
    const location *L = LOC(c, p->loc);
    char msgs[2][512];
    int paths[2], n;
    esc_param_msgs(c, p, msgs, paths, &n);
    fputs("    {\"kind\": \"param\", ", o);
    jpos_fields(c, o, p->pos);
    fputs(", \"function\": ", o);
    esc_json_str(o, f->name);
    fputs(", \"name\": ", o);
    esc_json_str(o, p->name);
    fprintf(o, ", \"index\": %d, \"is_pointer\": %s, \"moved_to_heap\": %s, "
            "\"verdict\": \"%s\"", index, p->is_pointer ? "true" : "false",
            p->home >= 0 && LOC(c, p->home)->escapes ? "true" : "false",
            L->leak_heap == 0 ? "leaking param"
            : L->leak_heap > 0 ? "leaking param content"
            : L->leak_result >= 0 ? "leaking param to result" : "does not escape");
    fprintf(o, ", \"placement\": null, \"reason\": null, \"heap_level\": %d, "
            "\"result_level\": %d, \"messages\": [", L->leak_heap, L->leak_result);
    for (int k = 0; k < n; k++) {
        if (k) fputs(", ", o);
        esc_json_str(o, msgs[k]);
    }
    fputc(']', o);
    jpath(c, o, "flow", "hops", L->path_heap);
    jpath(c, o, "result_flow", "result_hops", L->path_result);
    fputc('}', o);
}

static void jvar(esc_ctx *c, FILE *o, const location *L)
{
    fputs("    {\"kind\": \"var\", ", o);
    jpos_fields(c, o, L->pos);
    fputs(", \"function\": ", o);
    esc_json_str(o, c->funcs.v[L->fn]->name);
    fputs(", \"name\": ", o);
    esc_json_str(o, L->name);
    char msg[600];
    snprintf(msg, sizeof msg, "&%s escapes to heap", L->name);
    fputs(", \"verdict\": \"escapes to heap\", \"placement\": \"heap\", \"reason\": null, "
          "\"messages\": [", o);
    esc_json_str(o, msg);
    fputc(']', o);
    jpath(c, o, "flow", "hops", L->path_esc);
    fputc('}', o);
}

static void jspecial(esc_ctx *c, FILE *o, const special *s)
{
    fputs("    {\"kind\": \"call\", ", o);
    jpos_fields(c, o, s->pos);
    fputs(", \"function\": ", o);
    esc_json_str(o, c->funcs.v[s->fn]->name);
    fputs(", \"verdict\": \"specialised\", \"placement\": null, \"reason\": null, \"messages\": [], \"call\": ", o);
    esc_json_str(o, s->call);
    fputs(", \"entry\": ", o);
    esc_json_str(o, s->entry);
    fprintf(o, ", \"inline\": %s, \"flow\": [], \"hops\": []}", s->inlined ? "true" : "false");
}

static void sep(FILE *o, int *n) { fputs((*n)++ ? ",\n" : "\n", o); }

/* One unit's document on o. */
static void junit(esc_ctx *c, FILE *o, const char *unit, const char *source)
{
    char cwd[PATH_MAX];
    fprintf(o, "{\"version\": 1, \"max_kv_size\": %u, \"frame_limit\": %lu, "
            "\"recursive_frame_limit\": %lu, \"unit\": ", c->opt.max_kv_size,
            c->opt.frame_limit, c->opt.recursive_frame_limit);
    esc_json_str(o, unit);
    fputs(", \"source\": ", o);
    esc_json_str(o, source);
    fputs(", \"cwd\": ", o);
    esc_json_str(o, getcwd(cwd, sizeof cwd) ? cwd : NULL);
    fputs(", \"decisions\": [", o);
    int n = 0;
    for (int i = 0; i < c->sites.n; i++) { sep(o, &n); jsite(c, o, &c->sites.v[i]); }
    for (int fi = 0; fi < c->funcs.n; fi++) {
        esc_func *f = c->funcs.v[fi];
        for (int i = 0; f->has_body && i < f->params.n; i++)
            if (f->params.v[i].set) { sep(o, &n); jparam(c, o, f, &f->params.v[i], i); }
    }
    for (int l = 0; l < c->locs.n; l++) {
        const location *L = LOC(c, l);
        if (L->kind == ESC_LOC_VAR && L->role == ROLE_PLAIN && L->name && L->escapes) {
            sep(o, &n);
            jvar(c, o, L);
        }
    }
    for (int i = 0; i < c->specials.n; i++) { sep(o, &n); jspecial(c, o, &c->specials.v[i]); }
    fputs(n ? "\n]}" : "]}", o);
}

char *esc_render_json(esc_ctx *c, const char *unit, const char *source)
{
    esc_solve(c);
    char *buf = NULL;
    size_t len = 0;
    FILE *o = open_memstream(&buf, &len);
    if (!o) esc_fatal("out of memory");
    junit(c, o, unit, source);
    if (fclose(o) != 0 || !buf) esc_fatal("out of memory");
    return buf;
}

int esc_write_json(esc_ctx *c, const char *path)
{
    char *part = esc_render_json(c, NULL, NULL);
    int rc = esc_write_parts(path, ESC_FORMAT_JSON, &part, 1);
    int err = errno;
    free(part);
    errno = err;
    return rc;
}
