/* rules.c - a parameter leaking its content, one flowing to the result and a local
 * whose address escapes: the SARIF rules escapes.c does not show. */
#include "gomap.h"

int **keep;
int *gp;

void content(int **pp) { gp = *pp; }

int *ident(int *p) { return p; }

void addr(void)
{
    int x = 1;
    gp = &x;
    gp = 0;
}
