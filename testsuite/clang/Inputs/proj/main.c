// Uses the cache through an extern function; its own map stays local.
#include "config.h"

int main(void)
{
    gomap *local = gomap_make(GOMAP_TYPE(int, int), 0);
    int n = (int)gomap_len(local) + (int)gomap_len(cache_get());
    gomap_free(local);
    return n;
}
