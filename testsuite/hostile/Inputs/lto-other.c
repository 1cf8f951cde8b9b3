/* lto-other.c - the other translation unit of lto.c: one function that keeps its
 * map, one that only reads it. */
#include "gomap.h"
gomap *lto_kept;
void lto_keep(gomap *m) { lto_kept = m; }
size_t lto_count(gomap *m) { return gomap_len(m); }
