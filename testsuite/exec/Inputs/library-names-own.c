/* library-names.c's second unit: strdup declared by the program itself (under
 * -std=c11 no system header declares it), defined in the other unit. */
#include "gomap.h"
#include <stdio.h>
#include <stdlib.h>
char *strdup(const char *s);
extern void *saved;

__attribute__((noinline)) static void work2(void)
{
    // OWN: library-names-own.c:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    for (int i = 0; i < 3; i++)
        *(int *)gomap_assign(m, &i) = i * 10;
    free(strdup((const char *)m));
}

__attribute__((noinline)) static void clobber2(void)
{
    volatile char buf[2048];
    for (int i = 0; i < 2048; i++)
        buf[i] = (char)i;
}

#ifdef OWN_MAIN
int main(void)
{
    work2();
    clobber2();
    gomap *m = (gomap *)saved;
    int k = 2;
    int *v = gomap_access(m, &k);
    printf("len=%zu v=%d\n", gomap_len(m), v ? *v : -1);
    return 0;
}
#endif
