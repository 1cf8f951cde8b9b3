/* A shared header's promise (rule-noescape-promise.c, clang/promise.c): the
 * definition that includes it omits the attribute; callers elsewhere trust it. */
#include "gomap.h"
void header_kept(gomap *m __attribute__((noescape)));
