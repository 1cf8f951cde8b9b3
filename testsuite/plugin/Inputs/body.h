/* One body compiled under several names: diag-scope.c includes it three times
 * with NAME and BODY set differently. */
static gomap *NAME(gomap *m, int *x)
{
    (void)x;
    BODY
}
