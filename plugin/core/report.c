/* report.c - the -m / -m=2 text, in Go's format `FILE:LINE:COL: MESSAGE`.
 *
 * One line per gomap_make site, per named (non-empty name) pointer parameter
 * of a function with a body, and per named ESC_LOC_VAR whose address escapes
 * (a parameter whose home variable escapes gets both: "&p escapes to heap" and
 * "leaking param: p", since its value does outlive the call; Go prints only
 * "moved to heap: p"); sorted by (file,
 * line, col, kind: site < param < var, creation order); none at positions in
 * system headers or with no file.  An unresolved map type prints as
 * make(map[?]?).
 *
 * -m=2 follows each escaping/leaking line with the flow recorded when the walk
 * decided it (Go's explainPath), one hop per edge, from the location to the
 * walk root:
 *
 *   FILE:LINE:COL:   flow: DST = OPS SRC:
 *   FILE:LINE:COL:     from WHAT (WHY) at EDGEFILE:EDGELINE:EDGECOL
 *
 * DST/SRC are Go's explainLoc names ({heap}, ~r0, {storage for make(map[K]V)},
 * a variable's name, {temp}); OPS is & for derefs -1, else one * per deref.
 * Go prints the expression at the edge as WHAT; the core has no expressions,
 * so WHAT is the source as an expression: OPS + name, or make(map[K]V) for the
 * storage of a site (its & is implicit, as in Go's "(spill)" line).
 */
#include "core.h"

#include <stdlib.h>
#include <string.h>

/* ---- names --------------------------------------------------------------------- */
int esc_print_col(esc_ctx *c, esc_pos p)
{
    return c->opt.print_col && p.file ? c->opt.print_col(p) : p.col;
}

void esc_map_text(const site *s, char *buf, size_t len)
{
    const char *t = s->info.type_name ? s->info.type_name : "map[?]?";
    if (s->info.hint > 0) snprintf(buf, len, "make(%s, %ld)", t, s->info.hint);
    else snprintf(buf, len, "make(%s)", t);
}

const char *esc_loc_text(esc_ctx *c, int l, char *buf, size_t len)
{
    const location *L = LOC(c, l);
    if (L->role == ROLE_HEAP || L->role == ROLE_OUT) return "{heap}";   /* OUT: *p */
    if (L->kind == ESC_LOC_MAP) {
        char m[256];
        esc_map_text(&c->sites.v[L->site], m, sizeof m);
        snprintf(buf, len, "{storage for %s}", m);
        return buf;
    }
    return L->name ? L->name : "{temp}";
}

const char *esc_what_text(esc_ctx *c, int src, int derefs, char *buf, size_t len)
{
    const location *L = LOC(c, src);
    char tmp[300];
    const char *name = tmp;
    if (L->kind == ESC_LOC_MAP) {
        esc_map_text(&c->sites.v[L->site], tmp, sizeof tmp);
        if (derefs < 0) derefs = 0;
    } else {
        name = esc_loc_text(c, src, tmp, sizeof tmp);
    }
    char ops[40] = "&";
    if (derefs >= 0) {
        int n = derefs < 30 ? derefs : 30;
        memset(ops, '*', (size_t)n);
        ops[n] = 0;
    }
    snprintf(buf, len, "%s%s", ops, name);
    return buf;
}

/* Go's paramTag lines for one parameter: one or two messages and the flow
 * path that explains each (-1 for none). */
void esc_param_msgs(esc_ctx *c, const fparam *p, char out[2][512], int paths[2],
                    int *n)
{
    const location *L = LOC(c, p->loc);
    *n = 0;
    if (L->leak_heap < 0 && L->leak_result < 0) {
        snprintf(out[0], 512, "%s does not escape", p->name);
        paths[(*n)++] = -1;
        return;
    }
    if (L->leak_heap >= 0) {
        snprintf(out[*n], 512, L->leak_heap == 0 ? "leaking param: %s"
                                                 : "leaking param content: %s", p->name);
        paths[(*n)++] = L->path_heap;
    }
    if (L->leak_result >= 0) {
        snprintf(out[*n], 512, "leaking param: %s to result ~r0 level=%d", p->name,
                 L->leak_result);
        paths[(*n)++] = L->path_result;
    }
}

/* ---- collecting and sorting ------------------------------------------------------- */
typedef struct diag {
    esc_pos pos;
    int cat, seq, path;
    char *msg;
} diag;

typedef VEC(diag) diagvec;

static bool visible(esc_pos p) { return p.file && !p.in_system_header; }

static void add(diagvec *dv, esc_pos pos, int cat, const char *msg, int path)
{
    size_t n = strlen(msg) + 1;
    diag d = { pos, cat, dv->n, path, esc_xmalloc(n) };
    memcpy(d.msg, msg, n);
    VPUSH(*dv, d);
}

static void collect_sites(esc_ctx *c, diagvec *dv)
{
    for (int i = 0; i < c->sites.n; i++) {
        const site *s = &c->sites.v[i];
        char m[256], msg[512];
        if (!visible(s->info.pos)) continue;
        esc_map_text(s, m, sizeof m);
        if (s->via_site >= 0) {                 /* made by the callee (ctor.c) */
            size_t k = strlen(m);
            snprintf(m + k, sizeof m - k, " made by %s",
                     c->funcs.v[c->sites.v[s->via_site].fn]->name);
        }
        int path = -1;
        switch (s->dec.placement) {
        case ESC_HEAP_ALL:
            snprintf(msg, sizeof msg, "%s escapes to heap", m);
            path = LOC(c, s->loc)->path_esc;
            break;
        case ESC_STACK_HMAP:
            snprintf(msg, sizeof msg, "%s buckets escape to heap: %s", m, s->dec.reason);
            break;
        case ESC_STACK_ALL:
            snprintf(msg, sizeof msg, "%s does not escape", m);
            break;
        }
        add(dv, s->info.pos, 0, msg, path);
    }
}

static void collect_params(esc_ctx *c, diagvec *dv)
{
    for (int fi = 0; fi < c->funcs.n; fi++) {
        esc_func *f = c->funcs.v[fi];
        if (!f->has_body) continue;
        for (int i = 0; i < f->params.n; i++) {
            const fparam *p = &f->params.v[i];
            char msgs[2][512];
            int paths[2], n;
            if (!p->set || !p->is_pointer || !p->name || !*p->name || !visible(p->pos))
                continue;
            esc_param_msgs(c, p, msgs, paths, &n);
            for (int k = 0; k < n; k++) add(dv, p->pos, 1, msgs[k], paths[k]);
        }
    }
}

static void collect_vars(esc_ctx *c, diagvec *dv)
{
    for (int l = 0; l < c->locs.n; l++) {
        const location *L = LOC(c, l);
        char msg[512];
        if (L->kind != ESC_LOC_VAR || L->role != ROLE_PLAIN || !L->name || !*L->name ||
            !L->escapes || !visible(L->pos))
            continue;
        snprintf(msg, sizeof msg, "&%s escapes to heap", L->name);
        add(dv, L->pos, 2, msg, L->path_esc);
    }
}

static int diag_cmp(const void *pa, const void *pb)
{
    const diag *a = pa, *b = pb;
    int k = strcmp(a->pos.file, b->pos.file);
    if (k) return k;
    if (a->pos.line != b->pos.line) return a->pos.line < b->pos.line ? -1 : 1;
    if (a->pos.col != b->pos.col) return a->pos.col < b->pos.col ? -1 : 1;
    if (a->cat != b->cat) return a->cat < b->cat ? -1 : 1;
    return (a->seq > b->seq) - (a->seq < b->seq);
}

/* ---- printing -------------------------------------------------------------------------- */
static void print_pos(esc_ctx *c, FILE *out, esc_pos p)
{
    if (p.file) fprintf(out, "%s:%d:%d", p.file, p.line, esc_print_col(c, p));
    else fputs("<unknown>", out);
}

/* The hops of flow path pth as Go's -m=2 text without the position prefix:
 * "  flow: DST = OPS SRC:" and "    from WHAT (WHY) at FILE:LINE:COL". */
static void path_lines(esc_ctx *c, int pth, void (*line)(void *, const char *), void *arg)
{
    const path *p = &c->paths.v[pth];
    for (int i = 0; i < p->n; i++) {
        const step *st = &c->steps.v[p->start + i];
        const edge *e = &c->edges.v[st->edge];
        char dst[300], src[300], what[340], stars[32], buf[1200];
        int ns = e->derefs > 30 ? 30 : e->derefs;
        for (int k = 0; k < ns; k++) stars[k] = '*';
        stars[ns > 0 ? ns : 0] = 0;
        snprintf(buf, sizeof buf, "  flow: %s = %s%s%s:", esc_loc_text(c, st->dst, dst, sizeof dst),
                 e->derefs < 0 ? "&" : "", stars, esc_loc_text(c, e->src, src, sizeof src));
        line(arg, buf);
        if (!e->why) continue;
        esc_what_text(c, e->src, e->derefs, what, sizeof what);
        if (e->pos.file)
            snprintf(buf, sizeof buf, "    from %s (%s) at %s:%d:%d", what, e->why, e->pos.file,
                     e->pos.line, esc_print_col(c, e->pos));
        else
            snprintf(buf, sizeof buf, "    from %s (%s) at <unknown>", what, e->why);
        line(arg, buf);
    }
}

typedef struct at_line { esc_ctx *c; FILE *out; esc_pos pos; } at_line;

static void print_at(void *arg, const char *text)
{
    at_line *a = arg;
    print_pos(a->c, a->out, a->pos);
    fprintf(a->out, ": %s\n", text);
}

static void explain(esc_ctx *c, FILE *out, const diag *d)
{
    at_line a = { c, out, d->pos };
    path_lines(c, d->path, print_at, &a);
}

void esc_report(esc_ctx *c, FILE *out)
{
    if (c->opt.m < 1) return;
    esc_solve(c);
    diagvec dv = {0};
    collect_sites(c, &dv);
    collect_params(c, &dv);
    collect_vars(c, &dv);
    if (dv.n > 1) qsort(dv.v, (size_t)dv.n, sizeof *dv.v, diag_cmp);
    for (int i = 0; i < dv.n; i++) {
        print_pos(c, out, dv.v[i].pos);
        fprintf(out, ": %s\n", dv.v[i].msg);
        if (c->opt.m >= 2 && dv.v[i].path >= 0) explain(c, out, &dv.v[i]);
        free(dv.v[i].msg);
    }
    VFREE(dv);
}

/* ---- noescape promises ---------------------------------------------------------- */
static const fparam *promise(esc_ctx *c, const esc_func *f, int i)
{
    if (!c->solved || !f->has_body || i < 0 || i >= f->params.n) return NULL;
    const fparam *p = &f->params.v[i];
    if (!p->set || !(p->noescape || p->promised)) return NULL;
    const location *L = LOC(c, p->loc);
    return L->leak_heap >= 0 || L->leak_result >= 0 ? p : NULL;
}

bool esc_promise_broken(esc_ctx *c, const esc_func *f, int i, char *msg, size_t len)
{
    const fparam *p = promise(c, f, i);
    if (!p) return false;
    const location *L = LOC(c, p->loc);
    char name[300];
    if (p->name && *p->name) snprintf(name, sizeof name, "'%s'", p->name);
    else snprintf(name, sizeof name, "%d of '%s'", i + 1, f->name);
    if (L->leak_heap >= 0)
        snprintf(msg, len, "parameter %s is declared noescape but leaks %sto the heap", name,
                 L->leak_heap == 0 ? "" : "its content ");
    else
        snprintf(msg, len, "parameter %s is declared noescape but leaks to the result ~r0 "
                 "level=%d", name, L->leak_result);
    return true;
}

void esc_promise_flow(esc_ctx *c, const esc_func *f, int i,
                      void (*line)(void *arg, const char *text), void *arg)
{
    const fparam *p = promise(c, f, i);
    if (!p) return;
    const location *L = LOC(c, p->loc);
    int pth = L->leak_heap >= 0 ? L->path_heap : L->path_result;
    if (pth >= 0) path_lines(c, pth, line, arg);
}

int esc_report_promises(esc_ctx *c, FILE *out)
{
    esc_solve(c);
    int n = 0;
    for (int fi = 0; fi < c->funcs.n; fi++) {
        const esc_func *f = c->funcs.v[fi];
        for (int i = 0; i < f->params.n; i++) {
            char msg[700];
            if (!esc_promise_broken(c, f, i, msg, sizeof msg)) continue;
            const fparam *p = &f->params.v[i];
            if (!visible(p->pos)) continue;
            print_pos(c, out, p->pos);
            fprintf(out, ": error: %s\n", msg);
            at_line a = { c, out, p->pos };
            esc_promise_flow(c, f, i, print_at, &a);
            n++;
        }
    }
    return n;
}
