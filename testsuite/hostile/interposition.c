// Hostile inputs: -fPIC and interposition, end to end.  In a shared library an
// exported function can be replaced by another definition at dynamic link time,
// so the library's own summary of lib_reader ("m does not escape") must not be
// trusted by lib_use: its map escapes.  The program defines a lib_reader that
// keeps the map and reads it after lib_use returned; had the map been put on
// lib_use's stack, ASan (detect_stack_use_after_return) would report it.
// With -fno-semantic-interposition the summary is trusted (same verdict as
// without -fPIC), which is what that option promises.
// RUN: %cc -O2 -fPIC -c %S/Inputs/interpose-lib.c %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck --check-prefix=PIC %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O2 -fPIC -fno-semantic-interposition -c %S/Inputs/interpose-lib.c %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck --check-prefix=NOSI %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O2 -fPIC -shared %S/Inputs/interpose-lib.c %plugin %asan %root/runtime/*.c -o %t.lib.so
// RUN: %cc -O2 %s %t.lib.so %asan %gomap_asan -o %t.on && %t.on > %t.on.out
// RUN: %cc -O2 -fPIC -shared %S/Inputs/interpose-lib.c %asan %gomap_asan -o %t.libref.so
// RUN: %cc -O2 %s %t.libref.so %asan %gomap_asan -o %t.off && %t.off > %t.off.out
// RUN: diff %t.on.out %t.off.out
// RUN: %FileCheck --check-prefix=OUT %s < %t.on.out
// PIC: interpose-lib.c:6:26: m does not escape
// PIC: interpose-lib.c:13:16: make(map[int]int) escapes to heap
// NOSI: interpose-lib.c:6:26: m does not escape
// NOSI: interpose-lib.c:13:16: make(map[int]int) does not escape
#include <stdio.h>
#include "gomap.h"

size_t lib_use(int n);
static gomap *kept[4];
static int nkept;

/* Interposes the library's lib_reader. */
size_t lib_reader(gomap *m)
{
    kept[nkept++] = m;
    return gomap_len(m);
}

int main(void)
{
    size_t a = lib_use(3), b = lib_use(5);
    /* lib_use returned: its frame is gone; the kept maps must still be valid */
    int k = 1;
    *(int *)gomap_assign(kept[0], &k) = 42;
    printf("%zu %zu %zu %zu %d\n", a, b, gomap_len(kept[0]), gomap_len(kept[1]),
           *(int *)gomap_access(kept[0], &k));
    for (int i = 0; i < nkept; i++) gomap_free(kept[i]);
    return 0;
}
// OUT: 3 5 3 5 42
