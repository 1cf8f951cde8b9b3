// A small unit for the command-line tests of escape-clang.
#include "gomap.h"

gomap *kept;

size_t local(void)
{
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    size_t n = gomap_len(m);
    gomap_free(m);
    return n;
}

void keep(void)
{
    kept = gomap_make(GOMAP_TYPE(int, int), 0);
}
