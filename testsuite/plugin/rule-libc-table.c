// Rule: both front ends judge the C library by one table (plugin/core/libc.c,
// esc_known_libc).  GCC consults it for its builtins and, where GCC gives no
// flags at all, for the library's own body-less declarations: with -fno-builtin
// (none of these is a builtin then) the verdicts are the same as with builtins and
// as escape-clang's.  free keeps nothing, strcasecmp/index are in the table too;
// a body-less function the table does not know keeps everything.
//
// RUN: %cc -D_DEFAULT_SOURCE -O0 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -D_DEFAULT_SOURCE -O0 -fno-builtin -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -D_DEFAULT_SOURCE -O2 -fno-builtin -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %root/build/escape-clang -m %s -- -std=gnu11 -D_DEFAULT_SOURCE -I%root/runtime 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "gomap.h"

// Comparisons read the bytes their arguments point to as data (the exposure
// rule): what those point to leaks.
// CHECK: {{.*}}:[[@LINE+2]]:25: leaking param content: a
// CHECK: {{.*}}:[[@LINE+1]]:40: leaking param content: b
int compare(const char *a, const char *b)
{
    return strcasecmp(a, b) + (int)strlen(a) + bcmp(a, b, 2);
}

// CHECK: {{.*}}:[[@LINE+1]]:20: p does not escape
void release(void *p)
{
    free(p);
}

// CHECK: {{.*}}:[[@LINE+2]]:31: leaking param content: s
// CHECK: {{.*}}:[[@LINE+1]]:31: leaking param: s to result ~r0 level=0
const char *after(const char *s)
{
    return index(s, ':');
}

// CHECK: {{.*}}:[[@LINE+2]]:20: leaking param: d to result ~r0 level=0
// CHECK: {{.*}}:[[@LINE+1]]:35: leaking param content: s
char *append(char *d, const char *s)
{
    return stpcpy(d, s);
}

size_t copied(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) does not escape
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0), *n[1];
    memcpy(n, &m, sizeof m);
    size_t k = gomap_len(n[0]);
    gomap_free(m);
    return k;
}

// CHECK: {{.*}}:[[@LINE+1]]:21: out does not escape
void handed(gomap **out)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    memcpy(out, &m, sizeof m);
}

// A body-less function the table does not know keeps its argument.
extern size_t strnlen_user(const char *p);
// CHECK: {{.*}}:[[@LINE+1]]:29: leaking param: p
size_t measured(const char *p)
{
    return strnlen_user(p);
}
