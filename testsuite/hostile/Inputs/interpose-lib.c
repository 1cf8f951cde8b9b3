/* interpose-lib.c - a shared library for interposition.c: lib_reader only reads
 * its map, lib_use makes a map and hands it to lib_reader.  The program that
 * loads the library defines its own lib_reader, which keeps the map. */
#include "gomap.h"

size_t lib_reader(gomap *m)
{
    return gomap_len(m);
}

size_t lib_use(int n)
{
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    for (int k = 0; k < n; k++) *(int *)gomap_assign(m, &k) = k;
    return lib_reader(m);   /* the library's lib_reader would leak m: not in this test */
}
