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
// WORD: error: bad value {{.}}abc{{.}} for argument {{.}}max-kv-size{{.}} of plugin {{.}}escape{{.}} (expected a size in bytes); valid arguments are: m, m=1, m=2, max-kv-size=N, recursive-frame-limit=N, transform=yes, transform=no, json=FILE
// REC: error: bad value {{.}}lots{{.}} for argument {{.}}recursive-frame-limit{{.}} of plugin {{.}}escape{{.}} (expected a size in bytes)
// NEG: error: bad value {{.}}-1{{.}} for argument {{.}}max-kv-size{{.}}
// NONE: error: bad value {{.}}{{.}} for argument {{.}}max-kv-size{{.}}
// HUGE: error: bad value {{.}}99999999999999999999{{.}} for argument {{.}}max-kv-size{{.}}
// FOUR: {{.*}}:[[@LINE+6]]:22: make(map[int]int) buckets escape to heap: key+value size 8 > 4
// EIGHT: {{.*}}:[[@LINE+5]]:22: make(map[int]int) does not escape
#include "gomap.h"

size_t f(void)
{
    return gomap_len(gomap_make(GOMAP_TYPE(int, int), 0));
}
