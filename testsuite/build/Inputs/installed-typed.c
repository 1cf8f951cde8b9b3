/* Built by install-pkgconfig.test against the installed tree, flags from pkg-config. */
#include <stdio.h>
#include <gomap_typed.h>

GOMAP_DECLARE_STR(wordcount, int)

int main(void)
{
    static const char *const words[] = { "to", "be", "or", "not", "to", "be" };
    gomap_memstats s;
    wordcount *m = gomap_new(wordcount);
    for (int i = 0; i < 6; i++)
        (*gomap_put(wordcount, m, ((gostring){ words[i], 2 + (i == 3) }), NULL))++;
    int to = wordcount_get(m, GOSTR("to"), 0);
    gomap_read_memstats(&s);
    printf("%zu words, to=%d, %llu stack map, %llu heap allocations\n", wordcount_len(m), to,
           (unsigned long long)s.stack_maps, (unsigned long long)s.heap_allocs);
    wordcount_free(m);
    return 0;
}
