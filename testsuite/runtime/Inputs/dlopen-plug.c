/* dlopen.test's shared object: maps on its stack and on the heap, made from a thread
 * that dlopen'd the object after it started (its per-thread runtime state is then
 * in glibc's spare static TLS). */
#include "gomap.h"

static gomap *kept;

int plug_count(int n)
{
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);   /* on this frame */
    for (int i = 0; i < n; i++) *(int *)gomap_assign(m, &i) = i * 2;
    int s = 0;
    for (int i = 0; i < n; i++) s += *(int *)gomap_access(m, &i);
    gomap_free(m);
    return s;
}

int plug_keep(int n)
{
    if (!kept) kept = gomap_make(GOMAP_TYPE(int, int), 0);   /* on the heap */
    *(int *)gomap_assign(kept, &n) = n;
    return (int)gomap_len(kept);
}
