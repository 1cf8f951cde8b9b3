// Compiled with -DKEEP_CACHE in compile_commands.json: the map is kept.
#include "config.h"

static gomap *cache;

gomap *cache_get(void)
{
#ifdef KEEP_CACHE
    if (!cache)
        cache = gomap_make(GOMAP_TYPE(int, int), 0);
    return cache;
#else
    return gomap_make(GOMAP_TYPE(int, int), 0);
#endif
}
