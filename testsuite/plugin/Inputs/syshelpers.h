/* syshelpers.h - a library header marked as a system header: the plugin
 * analyses its functions (their summaries matter to callers) but prints no
 * line for code in it.  Used by diag-system-header.c. */
#pragma GCC system_header
#include "gomap.h"

static inline gomap *sys_new_map(void)
{
    return gomap_make(GOMAP_TYPE(int, int), 0);
}

static inline size_t sys_local_map(int n)
{
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    for (int i = 0; i < n; i++)
        *(int *)gomap_assign(m, &i) = i;
    size_t len = gomap_len(m);
    gomap_free(m);
    return len;
}

static inline size_t sys_len(gomap *m)
{
    return gomap_len(m);
}

extern gomap *sys_kept;
static inline void sys_keep(gomap *m)
{
    sys_kept = m;
}
