// An unknown plugin argument is a compile error that names it and lists the
// valid ones; the compilation fails (no crash, no object file).
//
// RUN: rm -f %t.o
// RUN: %not %cc -c %s %plugin -fplugin-arg-escape-bogus -o %t.o 2>&1 | %FileCheck %s
// RUN: test ! -e %t.o
// RUN: %not %cc -c %s %plugin -fplugin-arg-escape-M -o %t.o 2>&1 | %FileCheck %s --check-prefix=CASE
// RUN: %not %cc -c %s %plugin -fplugin-arg-escape-transform -o %t.o 2>&1 | %FileCheck %s --check-prefix=NOVALUE
//
// CHECK: error: plugin {{.}}escape{{.}}: unknown option 'bogus'; valid options are: m, m=1, m=2, max-kv-size=N, frame-limit=N, recursive-frame-limit=N, transform=yes, transform=no, json=PATH, sarif=PATH, m-scope=all, m-scope=maps
// CHECK-NOT: internal compiler error
// CASE: error: plugin {{.}}escape{{.}}: unknown option 'M'
// NOVALUE: error: plugin {{.}}escape{{.}}: bad value '' for option 'transform' (expected yes or no); valid options are: m, m=1, m=2, max-kv-size=N, frame-limit=N, recursive-frame-limit=N, transform=yes, transform=no, json=PATH, sarif=PATH, m-scope=all, m-scope=maps
#include "gomap.h"

size_t f(void)
{
    return gomap_len(gomap_make(GOMAP_TYPE(int, int), 0));
}
