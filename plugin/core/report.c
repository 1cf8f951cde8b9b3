/* report.c - the -m / -m=2 text, in Go's format `FILE:LINE:COL: MESSAGE`.
 *
 * One line per gomap_make site, per named (non-empty name) pointer parameter
 * of a function with a body, and per named ESC_LOC_VAR whose address escapes
 * (a parameter whose home variable escapes gets both: "&p escapes to heap" and
 * "leaking param: p", since its value does outlive the call; Go prints only
 * "moved to heap: p"); sorted by (file,
 * line, col, kind: site < param < var, creation order); none at positions in
 * system headers or with no file.  An unresolved map type prints as
 * make(map[?]?).  m-scope=maps keeps the sites and only the parameters and
 * locals a map's pointer reaches (map_reach).  One position holding the lines
 * of several functions (one body compiled under several names) prints a
 * message once when every function has it, else each line with " (in NAME)".
 *
 * -m=2 follows each escaping/leaking line with the flow recorded when the walk
 * decided it (Go's explainPath), one hop per named location on the path, from
 * the location to the walk root:
 *
 *   FILE:LINE:COL:   flow: DST = OPS SRC:
 *   FILE:LINE:COL:     from WHAT (WHY) at EDGEFILE:EDGELINE:EDGECOL
 *
 * DST/SRC are Go's explainLoc names ({heap}, ~r0, {storage for make(map[K]V)},
 * a variable's name); temporaries are folded into the hop through them
 * (esc_path_hops).  OPS is & for derefs -1, else one * per deref.  Go prints the
 * expression at the edge as WHAT; the core has no expressions, so WHAT is the
 * value as an expression of the hop's named source (OPS + name, make(map[K]V)
 * for the storage of a site: its & is implicit, as in Go's "(spill)" line).
 */
#include "core.h"

#include <stdint.h>
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
typedef VEC(esc_line) linevec;

static bool visible(esc_pos p) { return p.file && !p.in_system_header; }

static void add(linevec *dv, esc_pos pos, int cat, esc_line_kind kind, const char *msg,
                int path, int fn)
{
    size_t n = strlen(msg) + 1;
    esc_line d = { pos, cat, dv->n, path, fn, kind, esc_xmalloc(n) };
    memcpy(d.msg, msg, n);
    VPUSH(*dv, d);
}

/* A site's -m message: "make(map[K]V) [made by H] does not escape / escapes to
 * heap / buckets escape to heap: REASON" (also JSON's "messages"). */
void esc_site_msg(esc_ctx *c, const site *s, char *msg, size_t len)
{
    char m[256];
    esc_map_text(s, m, sizeof m);
    if (s->via_site >= 0) {                     /* made by the callee (ctor.c) */
        size_t k = strlen(m);
        snprintf(m + k, sizeof m - k, " made by %s",
                 c->funcs.v[c->sites.v[s->via_site].fn]->name);
    }
    if (s->dec.placement == ESC_STACK_HMAP)
        snprintf(msg, len, "%s buckets escape to heap: %s", m, s->dec.reason);
    else
        snprintf(msg, len, "%s %s", m, s->dec.placement == ESC_STACK_ALL
                 ? "does not escape" : "escapes to heap");
}

static void collect_sites(esc_ctx *c, linevec *dv)
{
    for (int i = 0; i < c->sites.n; i++) {
        const site *s = &c->sites.v[i];
        char msg[600];
        if (!visible(s->info.pos)) continue;
        esc_site_msg(c, s, msg, sizeof msg);
        esc_line_kind kind = s->dec.placement == ESC_HEAP_ALL ? ESC_LINE_MAP_HEAP
            : s->dec.placement == ESC_STACK_HMAP ? ESC_LINE_BUCKETS : ESC_LINE_MAP_STACK;
        add(dv, s->info.pos, 0, kind, msg,
            kind == ESC_LINE_MAP_HEAP ? LOC(c, s->loc)->path_esc : -1, s->fn);
    }
}

static void collect_params(esc_ctx *c, linevec *dv, const bool *keep)
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
            if (keep && !keep[p->loc]) continue;
            const location *L = LOC(c, p->loc);
            esc_param_msgs(c, p, msgs, paths, &n);
            for (int k = 0; k < n; k++) {
                esc_line_kind kind = L->leak_heap < 0 && L->leak_result < 0 ? ESC_LINE_PARAM_OK
                    : k == 0 && L->leak_heap == 0 ? ESC_LINE_LEAK
                    : k == 0 && L->leak_heap > 0 ? ESC_LINE_LEAK_CONTENT : ESC_LINE_TO_RESULT;
                add(dv, p->pos, 1, kind, msgs[k], paths[k], fi);
            }
        }
    }
}

static void collect_vars(esc_ctx *c, linevec *dv, const bool *keep)
{
    for (int l = 0; l < c->locs.n; l++) {
        const location *L = LOC(c, l);
        char msg[512];
        if (L->kind != ESC_LOC_VAR || L->role != ROLE_PLAIN || !L->name || !*L->name ||
            !L->escapes || !visible(L->pos))
            continue;
        if (keep && !keep[l]) continue;
        snprintf(msg, sizeof msg, "&%s escapes to heap", L->name);
        add(dv, L->pos, 2, ESC_LINE_ADDR, msg, L->path_esc, L->fn);
    }
}

static int line_cmp(const void *pa, const void *pb)
{
    const esc_line *a = pa, *b = pb;
    int k = strcmp(a->pos.file, b->pos.file);
    if (k) return k;
    if (a->pos.line != b->pos.line) return a->pos.line < b->pos.line ? -1 : 1;
    if (a->pos.col != b->pos.col) return a->pos.col < b->pos.col ? -1 : 1;
    if (a->cat != b->cat) return a->cat < b->cat ? -1 : 1;
    return (a->seq > b->seq) - (a->seq < b->seq);
}

static bool same_pos(const esc_line *a, const esc_line *b)
{
    return !strcmp(a->pos.file, b->pos.file) && a->pos.line == b->pos.line &&
           a->pos.col == b->pos.col && a->cat == b->cat;
}

/* ---- m-scope=maps: what a map's pointer reaches ----------------------------------------- */
/* The locations that hold a map's pointer, directly or through up to 7 levels
 * of pointers (a struct holding a map, a pointer to it ...), but not what a map
 * holds: the parameters and locals printed under m-scope=maps.  lv[l] has bit
 * t when *^t l may be a map's pointer; a map's storage is level -1 (its address
 * is the pointer).  Along an edge dst = (derefs k) src, level t of src is level
 * t - k of dst; a call's argument gives its level to the callee's parameter, a
 * callee's result to the call's; a value of level t stored through p gives p
 * level t + 1 (`c->m = m` puts c on the map's path). */
#define LV_MAX 8
static bool *map_reach(esc_ctx *c)
{
    int n = c->locs.n;
    bool *keep = calloc((size_t)n + 1, 1);
    uint32_t *lv = calloc((size_t)n + 1, sizeof *lv);
    int *fhead = malloc(sizeof(int) * ((size_t)n + 1)), *fnext = NULL, *fedge = NULL;
    int *work = malloc(sizeof(int) * ((size_t)n + 1));
    bool *queued = calloc((size_t)n + 1, 1);
    if (!keep || !lv || !fhead || !work || !queued) esc_fatal("out of memory");
    int ne = 0, nw = 0;
    for (int l = 0; l < n; l++) fhead[l] = -1;
    for (int l = 0; l < n; l++)                 /* forward adjacency of every edge */
        for (int e = LOC(c, l)->ehead; e >= 0; e = c->edges.v[e].next) ne++;
    fnext = malloc(sizeof(int) * (size_t)(ne + 1));
    fedge = malloc(sizeof(int) * (size_t)(ne + 1));
    if (!fnext || !fedge) esc_fatal("out of memory");
    int *fdst = malloc(sizeof(int) * (size_t)(ne + 1));
    if (!fdst) esc_fatal("out of memory");
    ne = 0;
    for (int l = 0; l < n; l++)
        for (int e = LOC(c, l)->ehead; e >= 0; e = c->edges.v[e].next) {
            int s = c->edges.v[e].src;
            fdst[ne] = l;
            fedge[ne] = e;
            fnext[ne] = fhead[s];
            fhead[s] = ne++;
        }
    /* bit t+1 of lv stands for level t (t >= -1) */
#define GIVE(l, m) do {                                                           \
        uint32_t m_ = (m) & ((1u << (LV_MAX + 1)) - 1);                             \
        if ((l) >= 0 && (m_ & ~lv[l])) {                                          \
            lv[l] |= m_;                                                          \
            if (!queued[l]) { queued[l] = true; work[nw++] = (l); }               \
        }                                                                         \
    } while (0)
    for (int l = 0; l < n; l++)
        if (LOC(c, l)->kind == ESC_LOC_MAP) GIVE(l, 1u);
    for (;;) {
        while (nw > 0) {
            int l = work[--nw];
            queued[l] = false;
            for (int f = fhead[l]; f >= 0; f = fnext[f]) {
                int k = c->edges.v[fedge[f]].derefs;      /* level t -> t - k */
                uint32_t m = k >= 0 ? lv[l] >> k : lv[l] << -k;
                if (LOC(c, fdst[f])->role != ROLE_HEAP) GIVE(fdst[f], m);
            }
        }
        for (int k = 0; k < c->calls.n; k++) {
            const call *ca = &c->calls.v[k];
            const esc_func *g = ca->callee >= 0 ? c->funcs.v[ca->callee] : NULL;
            for (int i = 0; g && i < ca->nargs && i < g->params.n; i++) {
                int a = c->args.v[ca->args + i];
                if (a >= 0 && g->params.v[i].set) GIVE(g->params.v[i].loc, lv[a]);
            }
            if (g && g->result >= 0 && ca->result >= 0) GIVE(ca->result, lv[g->result]);
        }
        for (int k = 0; k < c->stores.n; k++) {
            const store *st = &c->stores.v[k];
            if (LOC(c, st->ptr)->role != ROLE_HEAP) GIVE(st->ptr, lv[st->src] << 1);
        }
        if (nw == 0) break;
    }
#undef GIVE
    for (int l = 0; l < n; l++) keep[l] = (lv[l] >> 1) != 0;    /* level 0 and up */
    /* a parameter whose value lives in a variable: the variable stands for it */
    for (int fi = 0; fi < c->funcs.n; fi++) {
        const esc_func *f = c->funcs.v[fi];
        for (int i = 0; i < f->params.n; i++)
            if (f->params.v[i].set && f->params.v[i].home >= 0 && keep[f->params.v[i].home])
                keep[f->params.v[i].loc] = true;
    }
    free(lv);
    free(fhead);
    free(fnext);
    free(fedge);
    free(fdst);
    free(work);
    free(queued);
    return keep;
}

/* ---- printing -------------------------------------------------------------------------- */
static void print_pos(esc_ctx *c, FILE *out, esc_pos p)
{
    if (p.file) fprintf(out, "%s:%d:%d", p.file, p.line, esc_print_col(c, p));
    else fputs("<unknown>", out);
}

/* A location -m=2 names: the heap, a result, a map's storage, a named variable
 * or parameter.  Everything else is a temporary, never a hop of its own. */
static bool named(esc_ctx *c, int l)
{
    const location *L = LOC(c, l);
    return L->role == ROLE_HEAP || L->role == ROLE_RESULT || L->kind == ESC_LOC_MAP ||
           (L->name && *L->name);
}

/* x with derefs d applied, as an expression: &x, x, *x, **x; "*&x" is x. */
static void apply_derefs(char *x, size_t len, int d)
{
    size_t n = strlen(x);
    if (d < 0) {
        if (x[0] == '*') memmove(x, x + 1, n);
        else if (n + 2 <= len) { memmove(x + 1, x, n + 1); x[0] = '&'; }
        return;
    }
    for (int k = 0; k < d && k < 30; k++, n = strlen(x)) {
        if (x[0] == '&') memmove(x, x + 1, n);
        else if (n + 2 <= len) { memmove(x + 1, x, n + 1); x[0] = '*'; }
    }
}

typedef struct fnote { int edge; char what[340]; } fnote;

/* One hop: "flow: DST = OPS SRC" and its notes, handed to hop(). */
static void flush_hop(esc_ctx *c, int dst, int src, int derefs, const fnote *notes, int nn,
                      esc_hop_fn hop, void *arg)
{
    char d[300], s[300], stars[32], buf[700];
    int ns = derefs > 30 ? 30 : derefs;
    for (int k = 0; k < ns; k++) stars[k] = '*';
    stars[ns > 0 ? ns : 0] = 0;
    snprintf(buf, sizeof buf, "flow: %s = %s%s%s", esc_loc_text(c, dst, d, sizeof d),
             derefs < 0 ? "&" : "", stars, esc_loc_text(c, src, s, sizeof s));
    esc_hop_note *out = esc_xmalloc(sizeof *out * (size_t)(nn ? nn : 1));
    int n = 0;
    for (int i = 0; i < nn; i++) {
        const edge *e = &c->edges.v[notes[i].edge];
        if (!e->why) continue;
        if (i + 1 < nn) {       /* the same value moved on: the later note says more */
            const edge *q = &c->edges.v[notes[i + 1].edge];
            if (q->why && !strcmp(notes[i + 1].what, notes[i].what)) continue;
        }
        out[n++] = (esc_hop_note){ notes[i].what, e->why, e->pos };
    }
    hop(arg, buf, out, n);
    free(out);
}

/* The derefs of path p's edges from step i up to the next named location. */
static int next_run_derefs(esc_ctx *c, const path *p, int i)
{
    int d = 0;
    for (; i < p->n; i++) {
        const step *st = &c->steps.v[p->start + i];
        d += c->edges.v[st->edge].derefs;
        if (named(c, st->dst)) break;
    }
    return d;
}

/* The hops of flow path pth as Go's -m=2 text without the position prefix:
 * "  flow: DST = OPS SRC:" and "    from WHAT (WHY) at FILE:LINE:COL".
 * The walk's path runs through every location of the graph; printed, a run
 * of edges through temporaries (and copies of a variable into itself, as SSA
 * versions of one variable are: the next hop starts from the variable, and
 * such a copy at the end of the path, a loop's PHI of x into x, is dropped;
 * a path that ends in a temporary, a copy of x (`gomap_free(keep)` after the
 * loop that set it), ends with x, the copy's note added to the hop into x;
 * and a pointer to an object that is only
 * dereferenced again, `m = &obj; r = *m` is `r = obj`) is one hop between
 * named locations, whose
 * derefs are the run's sum and whose notes are every edge's, in order.  A
 * note's WHAT is the value at that edge as an expression of the hop's named
 * source (`&p` then `*&p` = `p`), never a temporary. */
void esc_path_hops(esc_ctx *c, int pth, esc_hop_fn hop, void *arg)
{
    const path *p = &c->paths.v[pth];
    if (p->n <= 0) return;
    fnote *notes = esc_xmalloc(sizeof *notes * (size_t)p->n);
    int nn = 0, hstart = 0, hsrc = -1, hd = 0;      /* the hop being built: notes[hstart..nn) */
    int pdst = -1, psrc = -1, pd = 0, pstart = -1;  /* the one before, not yet handed on */
    char expr[340] = "";
    for (int i = 0; i < p->n; i++) {
        const step *st = &c->steps.v[p->start + i];
        const edge *e = &c->edges.v[st->edge];
        if (nn == hstart) { hsrc = e->src; hd = 0; }
        fnote *n = &notes[nn++];
        n->edge = st->edge;
        /* a call argument is shown as passed; the callee's derefs are its summary's */
        bool isarg = e->derefs > 0 && e->why && !strncmp(e->why, "call parameter", 14);
        if (named(c, e->src) || !expr[0]) {
            esc_what_text(c, e->src, isarg ? 0 : e->derefs, n->what, sizeof n->what);
            esc_what_text(c, e->src, e->derefs, expr, sizeof expr);
        } else {
            snprintf(n->what, sizeof n->what, "%s", expr);
            apply_derefs(expr, sizeof expr, e->derefs);
            if (!isarg) snprintf(n->what, sizeof n->what, "%s", expr);
        }
        hd += e->derefs;
        if (hd < -1) hd = -1;
        bool last = i == p->n - 1;
        if (!last && !named(c, st->dst)) continue;
        if (!last && hd == -1 && next_run_derefs(c, p, i + 1) > 0)
            continue;                   /* m = &obj then r = *m: r = obj, one hop */
        if (hd == 0 && named(c, hsrc)) {            /* x = x: a copy into itself */
            char a[300], b[300];
            if (!strcmp(esc_loc_text(c, st->dst, a, sizeof a),
                        esc_loc_text(c, hsrc, b, sizeof b))) {
                if (!last) continue;    /* the next hop starts from x */
                if (pstart >= 0) {      /* the end: the hop into x says it all */
                    nn = hstart;
                    continue;
                }
            }
        }
        if (last && hd == 0 && pstart >= 0 && !named(c, st->dst))
            continue;                   /* ends in a temporary: where x is used last */
        if (pstart >= 0) flush_hop(c, pdst, psrc, pd, notes + pstart, hstart - pstart, hop, arg);
        pdst = st->dst;
        psrc = hsrc;
        pd = hd;
        pstart = hstart;
        hstart = nn;
        expr[0] = 0;
    }
    if (pstart >= 0) flush_hop(c, pdst, psrc, pd, notes + pstart, nn - pstart, hop, arg);
    free(notes);
}

/* The hops as text lines, "  flow: ...:" and "    from ... at FILE:L:C". */
typedef struct as_lines { esc_ctx *c; void (*line)(void *, const char *); void *arg; } as_lines;

static void line_hop(void *arg, const char *flow, const esc_hop_note *notes, int n)
{
    as_lines *a = arg;
    char buf[8192];
    snprintf(buf, sizeof buf, "  %s:", flow);
    a->line(a->arg, buf);
    for (int i = 0; i < n; i++) {
        if (notes[i].pos.file)
            snprintf(buf, sizeof buf, "    from %s (%s) at %s:%d:%d", notes[i].what,
                     notes[i].why, notes[i].pos.file, notes[i].pos.line,
                     esc_print_col(a->c, notes[i].pos));
        else
            snprintf(buf, sizeof buf, "    from %s (%s) at <unknown>", notes[i].what,
                     notes[i].why);
        a->line(a->arg, buf);
    }
}

/* Go's -m=2 lines, each under the position of the line it explains. */
typedef struct at_line { esc_ctx *c; FILE *out; esc_pos pos; } at_line;

static void print_at(void *arg, const char *text)
{
    at_line *a = arg;
    print_pos(a->c, a->out, a->pos);
    fprintf(a->out, ": %s\n", text);
}

static void print_path(esc_ctx *c, FILE *out, esc_pos pos, int pth)
{
    at_line a = { c, out, pos };
    as_lines l = { c, print_at, &a };
    esc_path_hops(c, pth, line_hop, &l);
}

/* The -m lines of the unit, sorted, each message once per position.  One
 * position, several functions (a body compiled under several names: a .c
 * included more than once, a macro that defines functions): a line said alike
 * for all of them is kept once; when they disagree, each line names its
 * function, "MSG (in NAME)", once per function and message. */
esc_line *esc_lines(esc_ctx *c, int *count)
{
    esc_solve(c);
    linevec dv = {0}, out = {0};
    bool *keep = c->opt.m_scope == ESC_SCOPE_MAPS ? map_reach(c) : NULL;
    collect_sites(c, &dv);
    collect_params(c, &dv, keep);
    collect_vars(c, &dv, keep);
    free(keep);
    if (dv.n > 1) qsort(dv.v, (size_t)dv.n, sizeof *dv.v, line_cmp);
    for (int i = 0, j; i < dv.n; i = j) {
        for (j = i + 1; j < dv.n && same_pos(&dv.v[i], &dv.v[j]); j++)
            ;
        bool differ = false;            /* some function lacks a line another has */
        for (int k = i; k < j && !differ; k++)
            for (int m = i; m < j && !differ; m++) {
                bool found = false;
                for (int q = i; q < j && !found; q++)
                    found = dv.v[q].fn == dv.v[m].fn && !strcmp(dv.v[q].msg, dv.v[k].msg);
                differ = !found;
            }
        for (int k = i + 1; differ && k < j; k++)      /* by function name */
            for (int q = k; q > i; q--) {
                esc_line *x = &dv.v[q - 1], *y = &dv.v[q];
                int o = strcmp(c->funcs.v[x->fn]->name, c->funcs.v[y->fn]->name);
                if (o < 0 || (o == 0 && x->seq < y->seq)) break;
                esc_line t = *x;
                *x = *y;
                *y = t;
            }
        for (int k = i; k < j; k++) {
            bool dup = false;
            for (int q = i; q < k && !dup; q++)
                dup = !strcmp(dv.v[q].msg, dv.v[k].msg) && (!differ || dv.v[q].fn == dv.v[k].fn);
            if (dup) { free(dv.v[k].msg); continue; }
            esc_line l = dv.v[k];
            if (differ) {
                const char *fn = c->funcs.v[l.fn]->name;
                size_t n = strlen(l.msg) + strlen(fn) + 7;
                char *m = esc_xmalloc(n);
                snprintf(m, n, "%s (in %s)", l.msg, fn);
                free(l.msg);
                l.msg = m;
            }
            VPUSH(out, l);
        }
    }
    VFREE(dv);
    *count = out.n;
    return out.v;
}

void esc_free_lines(esc_line *v, int n)
{
    for (int i = 0; i < n; i++) free(v[i].msg);
    free(v);
}

void esc_report(esc_ctx *c, FILE *out)
{
    if (c->opt.m < 1) return;
    int n;
    esc_line *v = esc_lines(c, &n);
    for (int k = 0; k < n; k++) {
        print_pos(c, out, v[k].pos);
        fprintf(out, ": %s\n", v[k].msg);
        if (c->opt.m >= 2 && v[k].path >= 0) print_path(c, out, v[k].pos, v[k].path);
    }
    esc_free_lines(v, n);
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
    if (pth >= 0) {
        as_lines a = { c, line, arg };
        esc_path_hops(c, pth, line_hop, &a);
    }
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
            const location *L = LOC(c, p->loc);
            int pth = L->leak_heap >= 0 ? L->path_heap : L->path_result;
            if (pth >= 0) print_path(c, out, p->pos, pth);
            n++;
        }
    }
    return n;
}
