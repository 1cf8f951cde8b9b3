// Rule: more of string.h/stdlib.h/stdio.h in the core's table (plugin/core/libc.c),
// the same for both front ends, with and without GCC's builtins, fortified or
// not, and at -O2 where glibc's own inline bodies (atoi, the fortify wrappers)
// are in the unit: a body in a system header has the library's contract.
//   snprintf & co: the destination is written with characters, not kept; the
//     format is read as data; the arguments after it escape (%p, %n), except
//     those a constant format reads with %s (read as data);
//   strtol & co: read the string, *endptr <- a pointer into it;
//   realloc: the result is the argument or a fresh copy (what it holds escapes);
//   posix_memalign: *p <- fresh memory; memmem/strchrnul/...: a pointer into
//   the first argument; strdup/atoi/getenv: read the bytes, keep nothing.
//
// RUN: %cc -D_GNU_SOURCE -O0 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -D_GNU_SOURCE -O2 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -D_GNU_SOURCE -O2 -D_FORTIFY_SOURCE=2 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -D_GNU_SOURCE -O2 -fno-builtin -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %root/build/escape-clang -m %s -- -std=gnu11 -D_GNU_SOURCE -I%root/runtime 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %root/build/escape-clang -m %s -- -std=gnu11 -O2 -D_FORTIFY_SOURCE=2 -D_GNU_SOURCE -I%root/runtime 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "gomap.h"

// CHECK: {{.*}}:[[@LINE+1]]:23: b does not escape
int format_into(char *b, int x)
{
    return snprintf(b, 16, "k%d", x) + sprintf(b, "%d", x);
}

// A string key formatted into a local buffer: the buffer and the map stay.
int formatted_key(int n)
{
    char buf[32];
    snprintf(buf, sizeof buf, "key-%d", n);
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[gostring]int) does not escape
    gomap *m = gomap_make(GOMAP_TYPE_STR(int), 0);
    gostring k = { buf, strlen(buf) };
    *(int *)gomap_assign(m, &k) = n;
    return (int)gomap_len(m);
}

// A map printed with %p: the argument escapes.
int printed(void)
{
    char buf[32];
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    return snprintf(buf, sizeof buf, "%p", (void *)m);
}

// A constant format tells the %s arguments: read as data, not kept.
// CHECK: {{.*}}:[[@LINE+1]]:27: leaking param content: s
int printed_s(const char *s)
{
    return printf("%s\n", s);
}

// Widths and precisions from arguments, %%, %m: the right argument is the string.
// CHECK: {{.*}}:[[@LINE+2]]:32: leaking param content: s
// CHECK: {{.*}}:[[@LINE+1]]:41: leaking param: p
int printed_widths(const char *s, void *p)
{
    return printf("%*.*s %% %m %-4p\n", 3, 2, s, p);
}

// A %% before s: the argument is printed with %p, it escapes.
// CHECK: {{.*}}:[[@LINE+1]]:27: leaking param: p
int printed_percent(void *p)
{
    return printf("%%s %p\n", p);
}

// Positional arguments, a format not known, vprintf: every argument escapes.
// CHECK: {{.*}}:[[@LINE+2]]:31: leaking param: s
// CHECK: {{.*}}:[[@LINE+1]]:46: leaking param content: fmt
int printed_other(const char *s, const char *fmt)
{
    return printf("%1$s\n", s) + printf(fmt, s);
}

// The end pointer points into the string: stored where e points.
// CHECK: {{.*}}:[[@LINE+2]]:24: leaking param: s
// CHECK: {{.*}}:[[@LINE+1]]:34: e does not escape
long parse(const char *s, char **e)
{
    return strtol(s, e, 10) + (long)strtod(s, NULL);
}

// CHECK: {{.*}}:[[@LINE+1]]:27: leaking param content: s
int parse_int(const char *s)
{
    return atoi(s) + (int)strtoul(s, NULL, 16);
}

struct held { gomap *m; char text[16]; };
char *end_kept;

// The end pointer stored in a global points into h: the map h holds escapes.
void parse_kept(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:17: &h escapes to heap
    struct held h;
    // CHECK: {{.*}}:[[@LINE+1]]:11: make(map[int]int) escapes to heap
    h.m = gomap_make(GOMAP_TYPE(int, int), 0);
    strcpy(h.text, "12x");
    strtol(h.text, &end_kept, 10);
}

// CHECK: {{.*}}:[[@LINE+2]]:18: leaking param content: p
// CHECK: {{.*}}:[[@LINE+1]]:18: leaking param: p to result ~r0 level=0
void *grow(void *p)
{
    return realloc(p, 64);
}

// A map stored through realloc's result: unknown memory.
void *stored_in_grown(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    gomap **arr = realloc(NULL, sizeof *arr);
    if (arr)
        arr[0] = m;
    return arr;
}

// posix_memalign writes fresh memory into *p: a store through the old target
// of x would not reach the block.
// CHECK: {{.*}}:[[@LINE+1]]:20: p does not escape
int aligned(void **p)
{
    return posix_memalign(p, 16, 64);
}

void *aligned_store(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:12: &local escapes to heap
    gomap *local = NULL;
    void *x = &local;
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    if (posix_memalign(&x, 16, 64))
        return NULL;
    *(gomap **)x = m;
    return x;
}

// Searches return a pointer into their first argument and read both.
// CHECK: {{.*}}:[[@LINE+3]]:26: leaking param content: h
// CHECK: {{.*}}:[[@LINE+2]]:26: leaking param: h to result ~r0 level=0
// CHECK: {{.*}}:[[@LINE+1]]:41: leaking param content: n
char *search(const char *h, const char *n)
{
    char *r = memmem(h, strlen(h), n, 2);
    return r ? r : strchrnul(h, ':');
}

char *found;

// A pointer into h kept in a global: the map h holds escapes.
void search_kept(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:17: &h escapes to heap
    struct held h;
    // CHECK: {{.*}}:[[@LINE+1]]:11: make(map[int]int) escapes to heap
    h.m = gomap_make(GOMAP_TYPE(int, int), 0);
    strcpy(h.text, "a:b");
    found = strchrnul(h.text, ':');
}

// Fresh memory: strdup keeps nothing of s (it reads its bytes).
// CHECK: {{.*}}:[[@LINE+1]]:26: leaking param content: s
char *copied(const char *s)
{
    return strdup(s);
}
