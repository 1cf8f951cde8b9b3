/* noescape-promise.h - promises shared by noescape-promise.c (the caller's unit)
 * and Inputs/noescape-promise-def.c (the defining unit). */
#include "gomap.h"

/* The prototype promises; the definition omits the attribute. */
int keep(gomap *m __attribute__((noescape)));

/* A function pointer type promises; the definition stored in VISIT does not. */
typedef int (*visit_fn)(gomap *m __attribute__((noescape)));
extern visit_fn VISIT;

extern gomap *KEPT[2];
