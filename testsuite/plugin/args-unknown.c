// An unknown plugin argument is a compile error that names it and lists the
// valid ones; the compilation fails (no crash, no object file).
//
// RUN: rm -f %t.o
// RUN: %not %cc -c %s %plugin -fplugin-arg-escape-bogus -o %t.o 2>&1 | %FileCheck %s
// RUN: test ! -e %t.o
// RUN: %not %cc -c %s %plugin -fplugin-arg-escape-M -o %t.o 2>&1 | %FileCheck %s --check-prefix=CASE
// RUN: %not %cc -c %s %plugin -fplugin-arg-escape-transform -o %t.o 2>&1 | %FileCheck %s --check-prefix=NOVALUE
//
// CHECK: error: unknown argument {{.}}bogus{{.}} to plugin {{.}}escape{{.}}; valid arguments are: m, m=1, m=2, max-kv-size=N, recursive-frame-limit=N, transform=yes, transform=no, json=FILE
// CHECK-NOT: internal compiler error
// CASE: error: unknown argument {{.}}M{{.}} to plugin
// NOVALUE: error: bad value {{.}}{{.}} for argument {{.}}transform{{.}} of plugin {{.}}escape{{.}} (expected yes or no); valid arguments are: m, m=1, m=2, max-kv-size=N, recursive-frame-limit=N, transform=yes, transform=no, json=FILE
#include "gomap.h"

size_t f(void)
{
    return gomap_len(gomap_make(GOMAP_TYPE(int, int), 0));
}
