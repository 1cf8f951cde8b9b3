/* summary.c - the order of analysis: strongly connected components of the
 * unit's call graph (Tarjan, iterative), solved bottom-up so that every call
 * to a function outside the caller's component can use that function's
 * parameter summary (Go's ir.VisitFuncsBottomUp + escape.Batch).
 *
 * Nodes are the functions with bodies; an edge f -> g is a call from f to a
 * trusted g with a body (the only calls that use a summary).  Tarjan emits a
 * component only after every component it calls, so each is solved the moment
 * it is complete.  The per-parameter summaries themselves (Go's leaks: least
 * derefs to the heap and to ~r0) are computed by the walk in solve.c.
 */
#include "core.h"

#include <stdlib.h>

typedef struct frame { int fn, pos; } frame;

typedef struct tarjan {
    esc_ctx *c;
    int index, nscc;
    VEC(int) stack;
    VEC(frame) frames;
    VEC(esc_func *) batch;
} tarjan;

static esc_func *summarized_callee(esc_ctx *c, const call *k)
{
    if (k->callee < 0) return NULL;
    esc_func *g = c->funcs.v[k->callee];
    return g->has_body && g->trusted ? g : NULL;
}

static void visit(tarjan *t, esc_func *f)
{
    f->tj_index = f->tj_low = t->index++;
    f->tj_on = true;
    VPUSH(t->stack, f->id);
    frame fr = { f->id, 0 };
    VPUSH(t->frames, fr);
}

/* Pops the component rooted at f and solves it. */
static void emit(tarjan *t, esc_func *f)
{
    esc_ctx *c = t->c;
    t->batch.n = 0;
    int w;
    do {
        w = t->stack.v[--t->stack.n];
        esc_func *g = c->funcs.v[w];
        g->tj_on = false;
        g->scc = t->nscc;
        VPUSH(t->batch, g);
    } while (w != f->id);
    t->nscc++;
    esc_solve_batch(c, t->batch.v, t->batch.n);
}

static void strongconnect(tarjan *t, esc_func *root)
{
    esc_ctx *c = t->c;
    visit(t, root);
    while (t->frames.n) {
        frame *fr = &t->frames.v[t->frames.n - 1];
        esc_func *v = c->funcs.v[fr->fn];
        if (fr->pos < v->calls.n) {
            esc_func *w = summarized_callee(c, &c->calls.v[v->calls.v[fr->pos++]]);
            if (!w) continue;
            if (w->tj_index < 0) visit(t, w);
            else if (w->tj_on && w->tj_index < v->tj_low) v->tj_low = w->tj_index;
            continue;
        }
        t->frames.n--;
        if (t->frames.n) {
            esc_func *u = c->funcs.v[t->frames.v[t->frames.n - 1].fn];
            if (v->tj_low < u->tj_low) u->tj_low = v->tj_low;
        }
        if (v->tj_low == v->tj_index) emit(t, v);
    }
}

void esc_solve(esc_ctx *c)
{
    if (c->solved) return;
    tarjan t = { c, 0, 0, {0}, {0}, {0} };
    for (int i = 0; i < c->funcs.n; i++) {
        esc_func *f = c->funcs.v[i];
        if (f->has_body && f->tj_index < 0) strongconnect(&t, f);
    }
    VFREE(t.stack);
    VFREE(t.frames);
    VFREE(t.batch);
    esc_decide_all(c);
    c->solved = true;
}
