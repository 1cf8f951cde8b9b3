// max-kv-size and recursive-frame-limit take a size in bytes.
//
// RUN: %not %cc -c %s %plugin -fplugin-arg-escape-max-kv-size=abc -o /dev/null 2>&1 | %FileCheck %s --check-prefix=WORD
// RUN: %not %cc -c %s %plugin -fplugin-arg-escape-max-kv-size=-1 -o /dev/null 2>&1 | %FileCheck %s --check-prefix=NEG
// RUN: %not %cc -c %s %plugin -fplugin-arg-escape-max-kv-size -o /dev/null 2>&1 | %FileCheck %s --check-prefix=NONE
// RUN: %not %cc -c %s %plugin -fplugin-arg-escape-max-kv-size=99999999999999999999 -o /dev/null 2>&1 | %FileCheck %s --check-prefix=HUGE
// RUN: %not %cc -c %s %plugin -fplugin-arg-escape-recursive-frame-limit=lots -o /dev/null 2>&1 | %FileCheck %s --check-prefix=REC
// RUN: %cc -c %s %plugin -fplugin-arg-escape-recursive-frame-limit=4096 -o /dev/null
// A good value changes the limit:
// RUN: %cc -c %s %plugin -fplugin-arg-escape-m -fplugin-arg-escape-max-kv-size=4 -o /dev/null 2>&1 | %FileCheck %s --check-prefix=FOUR
// RUN: %cc -c %s %plugin -fplugin-arg-escape-m -fplugin-arg-escape-max-kv-size=8 -o /dev/null 2>&1 | %FileCheck %s --check-prefix=EIGHT
//
// WORD: error: plugin {{.}}escape{{.}}: bad value 'abc' for option 'max-kv-size' (expected a size in bytes, 0 to 1073741824); valid options are: m, m=1, m=2, max-kv-size=N, frame-limit=N, recursive-frame-limit=N, transform=yes, transform=no, json=PATH, sarif=PATH, m-scope=all, m-scope=maps
// REC: error: plugin {{.}}escape{{.}}: bad value 'lots' for option 'recursive-frame-limit' (expected a size in bytes, 0 to 1073741824)
// NEG: error: plugin {{.}}escape{{.}}: bad value '-1' for option 'max-kv-size'
// NONE: error: plugin {{.}}escape{{.}}: bad value '' for option 'max-kv-size'
// HUGE: error: plugin {{.}}escape{{.}}: bad value '99999999999999999999' for option 'max-kv-size'
// FOUR: {{.*}}:[[@LINE+6]]:22: make(map[int]int) buckets escape to heap: key+value size 8 > 4
// EIGHT: {{.*}}:[[@LINE+5]]:22: make(map[int]int) does not escape
#include "gomap.h"

size_t f(void)
{
    return gomap_len(gomap_make(GOMAP_TYPE(int, int), 0));
}
