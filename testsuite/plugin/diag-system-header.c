// Diagnostics: code in system headers (gomap.h itself, or a header with
// #pragma GCC system_header) gets no line, but its functions' summaries still
// decide for the user's maps passed to them.
//
// RUN: %cc -O0 -I %S/Inputs -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %root/build/escape-clang -m %s -- -std=gnu11 -I%root/runtime -I %S/Inputs 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O2 -I %S/Inputs -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
#include "syshelpers.h"

gomap *sys_kept;

size_t user(void)
{
    size_t n = sys_local_map(3);
    // The map the header's helper makes is this function's (its storage is ours):
    // CHECK: {{.*}}diag-system-header.c:[[@LINE+1]]:16: make(map[int]int) made by sys_new_map does not escape
    gomap *h = sys_new_map();
    n += gomap_len(h);
    gomap_free(h);
    // CHECK: {{.*}}diag-system-header.c:[[@LINE+1]]:16: make(map[int]int) does not escape
    gomap *a = gomap_make(GOMAP_TYPE(int, int), 0);
    n += sys_len(a);
    gomap_free(a);
    // CHECK: {{.*}}diag-system-header.c:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *b = gomap_make(GOMAP_TYPE(int, int), 0);
    sys_keep(b);
    return n;
}
