// Rule: a va_list is a pointer (x86-64: __va_list_tag *) to a record holding
// pointers to the argument save areas.  va_arg(ap, T) is ap [2] (and unknown,
// as the level is the ABI's), va_copy(d, s) is *d <- *s, va_start/va_end move
// nothing; vsnprintf & co (the core's table) let the va_list escape like
// variadic arguments, read the format as data and write the destination
// without keeping it.  So a va_list whose va_arg results reach a global, or
// that is copied into a va_list given to vsnprintf, leaks its content; one
// only read locally does not escape.  (The variadic arguments themselves escape at every call.)
//
// RUN: %cc -O0 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O2 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %root/build/escape-clang -m %s -- -std=gnu11 -I%root/runtime 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
#include <stdarg.h>
#include <stdio.h>

void *g;

// CHECK: {{.*}}:[[@LINE+3]]:23: buf does not escape
// CHECK: {{.*}}:[[@LINE+2]]:50: leaking param content: fmt
// CHECK: {{.*}}:[[@LINE+1]]:63: leaking param content: ap
int format_into(char *buf, size_t n, const char *fmt, va_list ap)
{
    va_list cp;
    // CHECK: {{.*}}:[[@LINE-1]]:13: &cp escapes to heap
    va_copy(cp, ap);
    int r = vsnprintf(buf, n, fmt, cp);
    va_end(cp);
    return r;
}

// CHECK: {{.*}}:[[@LINE+1]]:19: leaking param content: ap
void keep(va_list ap)
{
    g = va_arg(ap, void *);
}

// CHECK: {{.*}}:[[@LINE+1]]:20: ap does not escape
long count(va_list ap)
{
    long n = 0;
    while (va_arg(ap, void *))
        n++;
    return n;
}

void other(va_list ap);

// CHECK: {{.*}}:[[@LINE+1]]:19: leaking param: ap
void pass(va_list ap)
{
    other(ap);
}

// A copy kept locally and read by count.  Conservative: va_copy is a copy
// like memcpy, so cp counts as written untyped (narrow loads), and a local
// holding pointer pieces given to a call has its contents escape.
// CHECK: {{.*}}:[[@LINE+1]]:20: leaking param content: ap
long again(va_list ap)
{
    va_list cp;
    va_copy(cp, ap);
    long n = count(cp);
    va_end(cp);
    return n;
}

// The variadic function: its own va_list goes to keep.
// CHECK: {{.*}}:[[@LINE+1]]:27: fmt does not escape
void variadic(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    keep(ap);
    va_end(ap);
}
