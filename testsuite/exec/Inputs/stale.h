/* stale.h - for the tests whose maps leave their function in pieces: scribble()
 * overwrites the dead frames below main, and show() reads a map back from the
 * bits it was stashed in, prints "[WHAT ]value V, len N" and frees it.  A map
 * wrongly put on the stack is then read after its frame is gone (ASan reports
 * stack-use-after-return), or at least shows the scribbled bytes. */
#ifndef EXEC_STALE_H
#define EXEC_STALE_H
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "gomap.h"

static void show(const char *what, uint64_t bits)
{
    gomap *m = (gomap *)(uintptr_t)bits;
    int k = 7;
    int *v = gomap_access(m, &k);
    printf("%s%svalue %d, len %zu\n", what, *what ? " " : "", v ? *v : -1, gomap_len(m));
    gomap_free(m);
}

__attribute__((noinline)) static int scribble(int depth)
{
    volatile char buf[2048];
    memset((char *)buf, 0x5a, sizeof buf);
    return depth ? scribble(depth - 1) + buf[depth] : buf[0];
}
#endif
