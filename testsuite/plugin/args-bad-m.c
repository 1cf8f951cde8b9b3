// m takes no value or 1 or 2; anything else is an error naming the argument.
//
// RUN: %not %cc -c %s %plugin -fplugin-arg-escape-m=3 -o /dev/null 2>&1 | %FileCheck %s --check-prefix=THREE
// RUN: %not %cc -c %s %plugin -fplugin-arg-escape-m=0 -o /dev/null 2>&1 | %FileCheck %s --check-prefix=ZERO
// RUN: %not %cc -c %s %plugin -fplugin-arg-escape-m=yes -o /dev/null 2>&1 | %FileCheck %s --check-prefix=WORD
// RUN: %not %cc -c %s %plugin -fplugin-arg-escape-m= -o /dev/null 2>&1 | %FileCheck %s --check-prefix=EMPTY
// The good spellings compile:
// RUN: %cc -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --check-prefix=OK
// RUN: %cc -c %s %plugin -fplugin-arg-escape-m=1 -o /dev/null 2>&1 | %FileCheck %s --check-prefix=OK
// RUN: %cc -c %s %plugin -fplugin-arg-escape-m=2 -o /dev/null 2>&1 | %FileCheck %s --check-prefix=OK
//
// THREE: error: plugin {{.}}escape{{.}}: bad value '3' for option 'm' (expected 1 or 2); valid options are: m, m=1, m=2, max-kv-size=N, frame-limit=N, recursive-frame-limit=N, transform=yes, transform=no, json=PATH, sarif=PATH, m-scope=all, m-scope=maps
// ZERO: error: plugin {{.}}escape{{.}}: bad value '0' for option 'm'
// WORD: error: plugin {{.}}escape{{.}}: bad value 'yes' for option 'm'
// EMPTY: error: plugin {{.}}escape{{.}}: bad value '' for option 'm'
// OK: {{.*}}:[[@LINE+5]]:22: make(map[int]int) does not escape
#include "gomap.h"

size_t f(void)
{
    return gomap_len(gomap_make(GOMAP_TYPE(int, int), 0));
}
