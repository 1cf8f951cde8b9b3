/* decide.c - placement of every gomap_make site once the walk is done.
 *
 *   map location escapes              -> ESC_HEAP_ALL
 *   else header on the stack; its first bucket too when the type is resolved,
 *   key+value size <= max_kv_size, the hint is not a constant above 8, and the
 *   function's frame budget allows   -> ESC_STACK_ALL
 *   else                              -> ESC_STACK_HMAP with the first failing
 *                                        reason, in that order.
 *
 * The frame budget (opt.frame_limit bytes per function; opt.recursive_frame_limit
 * for a function that may be in a cycle of calls, itself included, since every
 * frame of a recursion pays it again and C stacks do not grow: summary.c's
 * mark_recursion, which also counts indirect calls and calls to unknown code as
 * calls to every address-taken function) is spent by
 * the sites of a function in position order: hmap_bytes for a header, bucket_bytes for a
 * bucket.  When even the header does not fit, the map goes to the heap
 * entirely (ESC_HEAP_ALL, printed "escapes to heap" since that is where it
 * is; JSON says reason "stack frame limit" and escapes false).  An unresolved
 * type keeps the header on the stack (its size does not depend on the type)
 * with reason "key+value size unknown".
 */
#include "core.h"

#include <stdlib.h>
#include <string.h>

static int pos_cmp(const esc_pos *a, const esc_pos *b)
{
    int fc = strcmp(a->file ? a->file : "", b->file ? b->file : "");
    if (fc) return fc;
    if (a->line != b->line) return a->line < b->line ? -1 : 1;
    if (a->col != b->col) return a->col < b->col ? -1 : 1;
    return 0;
}

static const esc_ctx *sort_ctx;     /* qsort has no closure; single-threaded */

static int site_cmp(const void *pa, const void *pb)
{
    const site *a = &sort_ctx->sites.v[*(const int *)pa];
    const site *b = &sort_ctx->sites.v[*(const int *)pb];
    int k = pos_cmp(&a->info.pos, &b->info.pos);
    return k ? k : (a->id > b->id) - (a->id < b->id);
}

/* Why the first bucket cannot go on the stack, or NULL. */
static const char *bucket_reason(esc_ctx *c, const site *s)
{
    char buf[96];
    const esc_site_info *in = &s->info;
    if (!in->type_name || !in->bucket_bytes)
        return "key+value size unknown";
    if (in->kv_size > c->opt.max_kv_size) {
        snprintf(buf, sizeof buf, "key+value size %lu > %u", in->kv_size, c->opt.max_kv_size);
        return esc_intern(c, buf);
    }
    if (in->hint > 8) {
        snprintf(buf, sizeof buf, "hint %ld > 8", in->hint);
        return esc_intern(c, buf);
    }
    return NULL;
}

static void decide(esc_ctx *c, site *s, unsigned long *used)
{
    const esc_func *f = c->funcs.v[s->fn];
    unsigned long limit = f->recursive || f->always_inline ? c->opt.recursive_frame_limit
                                                           : c->opt.frame_limit;
    esc_decision d = { ESC_HEAP_ALL, NULL };
    s->frame_heap = false;
    if (LOC(c, s->loc)->escapes) {
        s->dec = d;
        return;
    }
    if (s->info.hmap_bytes > limit - *used) {
        s->frame_heap = true;
        s->dec = d;
        return;
    }
    *used += s->info.hmap_bytes;
    d.placement = ESC_STACK_HMAP;
    d.reason = bucket_reason(c, s);
    if (!d.reason) {
        if (s->info.bucket_bytes > limit - *used) {
            d.reason = "stack frame limit";
        } else {
            *used += s->info.bucket_bytes;
            d.placement = ESC_STACK_ALL;
        }
    }
    s->dec = d;
}

void esc_decide_all(esc_ctx *c)
{
    VEC(int) order = {0};
    sort_ctx = c;
    for (int fi = 0; fi < c->funcs.n; fi++) {
        esc_func *f = c->funcs.v[fi];
        order.n = 0;
        for (int i = 0; i < f->sites.n; i++) VPUSH(order, f->sites.v[i]);
        if (order.n > 1) qsort(order.v, (size_t)order.n, sizeof *order.v, site_cmp);
        unsigned long used = 0;
        for (int i = 0; i < order.n; i++) decide(c, &c->sites.v[order.v[i]], &used);
    }
    VFREE(order);
}

esc_decision esc_site_decision(esc_ctx *c, int id)
{
    esc_decision heap = { ESC_HEAP_ALL, NULL };
    if (!c->solved || id < 0 || id >= c->sites.n) return heap;
    return c->sites.v[id].dec;
}
