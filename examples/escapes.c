/* escapes.c - four maps, four verdicts: the README's diagnostic session. */
#include "gomap.h"

gomap *registry;

gomap *new_index(void)                      /* returned: escapes */
{
    return gomap_make(GOMAP_TYPE(int, int), 0);
}

void remember(gomap *m) { registry = m; }   /* stored in a global */

int count_distinct(const int *xs, int n)    /* used and freed here: stack */
{
    gomap *seen = gomap_make(GOMAP_TYPE(int, bool), 0);
    for (int i = 0; i < n; i++)
        *(bool *)gomap_assign(seen, &xs[i]) = true;
    int r = (int)gomap_len(seen);
    gomap_free(seen);
    return r;
}

int histogram(const int *xs, int n)         /* too big a hint for one bucket */
{
    gomap *h = gomap_make(GOMAP_TYPE(int, long), 1000);
    for (int i = 0; i < n; i++)
        ++*(long *)gomap_assign(h, &xs[i]);
    gomap *tmp = gomap_make(GOMAP_TYPE(int, int), 0);
    remember(tmp);                          /* escapes through the callee */
    int r = (int)gomap_len(h);
    gomap_free(h);
    return r;
}
