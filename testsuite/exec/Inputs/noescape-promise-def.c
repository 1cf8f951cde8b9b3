/* noescape-promise-def.c - the defining unit of noescape-promise.c: keep() and
 * keep_fp() break the promises made by the shared header (a prototype, a
 * function pointer type): they keep the map.  With the plugin this unit must
 * not compile; without it, it links and the caller's stack maps are used after
 * their frame died. */
#include "noescape-promise.h"

gomap *KEPT[2];

int keep(gomap *m) { KEPT[0] = m; return 1; }

static int keep_fp(gomap *m) { KEPT[1] = m; return 2; }
visit_fn VISIT = keep_fp;
