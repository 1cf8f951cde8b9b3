// Rule: C library functions GCC knows as builtins are judged by what they do,
// not as unknown callees: comparisons, lengths and searches (memcmp, strcmp,
// strlen, strchr) keep nothing but read their arguments' bytes as data, which
// exposes what those point to (the exposure rule); memcpy/memmove copy what the source holds into the destination;
// strchr/memchr return a pointer into their first argument.  Other library
// calls (here: qsort's callback and fopen-like externs) keep everything.
//
// RUN: %cc -O0 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %root/build/escape-clang -m %s -- -std=gnu11 -I%root/runtime 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O2 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
#include <string.h>
#include "gomap.h"

// CHECK: {{.*}}:[[@LINE+2]]:25: leaking param content: a
// CHECK: {{.*}}:[[@LINE+1]]:40: leaking param content: b
int compare(const char *a, const char *b, size_t n)
{
    return memcmp(a, b, n) + strcmp(a, b);
}

// CHECK: {{.*}}:[[@LINE+1]]:25: leaking param content: s
int is_long(const char *s)
{
    return strlen(s) > 8;
}

// CHECK: {{.*}}:[[@LINE+2]]:37: leaking param content: s
// CHECK: {{.*}}:[[@LINE+1]]:37: leaking param: s to result ~r0 level=0
const char *after_colon(const char *s)
{
    return strchr(s, ':');
}

// memcmp reads the handles' bytes as data: they are exposed.
size_t same_maps(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *n = gomap_make(GOMAP_TYPE(int, int), 0);
    size_t r = memcmp(&m, &n, sizeof m) == 0;
    gomap_free(m);
    gomap_free(n);
    return r;
}

// memmove within a local array keeps the map local.
size_t moved_locally(void)
{
    gomap *pair[2] = { NULL, NULL };
    // CHECK: {{.*}}:[[@LINE+1]]:15: make(map[int]int) does not escape
    pair[0] = gomap_make(GOMAP_TYPE(int, int), 0);
    memmove(&pair[1], &pair[0], sizeof pair[0]);
    size_t n = gomap_len(pair[1]);
    gomap_free(pair[1]);
    return n;
}

// A key found with memchr in a local buffer: the buffer stays.
int has_colon(void)
{
    char buf[16] = "key:value";
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[gostring]int) does not escape
    gomap *m = gomap_make(GOMAP_TYPE_STR(int), 0);
    const char *c = memchr(buf, ':', sizeof buf);
    gostring k = { buf, c ? (size_t)(c - buf) : 0 };
    *(int *)gomap_assign(m, &k) = 1;
    int r = (int)gomap_len(m);
    gomap_free(m);
    return r;
}
