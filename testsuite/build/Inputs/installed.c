/* Built by install.test against the installed header, library and plugin. */
#include <stdio.h>
#include <gomap.h>

int main(void)
{
    gomap_memstats s;
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    for (int i = 0; i < 3; i++) *(int *)gomap_assign(m, &i) = i * i;
    size_t n = gomap_len(m);
    gomap_read_memstats(&s);
    printf("%zu entries, %llu stack map, %llu heap allocations\n", n,
           (unsigned long long)s.stack_maps, (unsigned long long)s.heap_allocs);
    gomap_free(m);
    return 0;
}
