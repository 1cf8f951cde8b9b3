// Hostile inputs: a source file named with a quote, a backslash, a space and a
// non-ASCII letter, in a directory with a space, and a map type whose name holds
// quotes and backslashes (GOMAP_TYPE stringifies V).  Diagnostics print them as
// GCC names them; the JSON file (itself named with a quote) must parse and agree.
// RUN: rm -rf %t && mkdir -p %t
// RUN: python3 %S/Inputs/weird-names.py %s %t %cc -O2 %plugin | %FileCheck %s
#include "gomap.h"

size_t f(void)
{
    // CHECK: FILE:[[@LINE+1]]:16: make(map[int]__typeof__("a\"b\\c")) does not escape
    gomap *m = gomap_make(GOMAP_TYPE(int, __typeof__("a\"b\\c")), 0);
    size_t n = gomap_len(m);
    gomap_free(m);
    return n;
}

gomap *g(void)
{
    // CHECK: FILE:[[@LINE+1]]:12: make(map[char]char) escapes to heap
    return gomap_make(GOMAP_TYPE(char, char), 0);
}
