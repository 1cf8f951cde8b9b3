/* pch.test: the header made into a precompiled header.  It declares the
 * runtime (which, read from source, is what loads the analysis) and makes a
 * noescape promise for a function the units define. */
#include <stdio.h>
#include "gomap.h"

void keep(gomap *m __attribute__((noescape)));   /* keeps nothing of m */
long count(gomap *m);
