// Size options mean what they say, 0 included, in both front ends:
// max-kv-size=0 keeps every bucket on the heap, frame-limit=N is the per-function
// budget (0: no map of a non-recursive function on the stack), and
// recursive-frame-limit=0 the same for a recursive one.  JSON records the values.
//
// RUN: %cc -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --check-prefix=DEF
// RUN: %root/build/escape-clang -m %s -- -I%root/runtime 2>&1 | %FileCheck %s --check-prefix=DEF
// RUN: %cc -c %s %plugin -fplugin-arg-escape-m -fplugin-arg-escape-max-kv-size=0 -o /dev/null 2>&1 | %FileCheck %s --check-prefix=KV0
// RUN: %root/build/escape-clang -m --max-kv-size=0 %s -- -I%root/runtime 2>&1 | %FileCheck %s --check-prefix=KV0
// RUN: %cc -c %s %plugin -fplugin-arg-escape-m -fplugin-arg-escape-frame-limit=0 -o /dev/null 2>&1 | %FileCheck %s --check-prefix=FL0
// RUN: %root/build/escape-clang -m --frame-limit=0 %s -- -I%root/runtime 2>&1 | %FileCheck %s --check-prefix=FL0
// RUN: %cc -c %s %plugin -fplugin-arg-escape-m -fplugin-arg-escape-frame-limit=100 -o /dev/null 2>&1 | %FileCheck %s --check-prefix=FL100
// RUN: %cc -c %s %plugin -fplugin-arg-escape-m -fplugin-arg-escape-recursive-frame-limit=0 -o /dev/null 2>&1 | %FileCheck %s --check-prefix=RF0
// RUN: %root/build/escape-clang -m --recursive-frame-limit=0 %s -- -I%root/runtime 2>&1 | %FileCheck %s --check-prefix=RF0
// RUN: %cc -c %s %plugin -fplugin-arg-escape-max-kv-size=0 -fplugin-arg-escape-frame-limit=0 -fplugin-arg-escape-recursive-frame-limit=0 -fplugin-arg-escape-json=%t.json -o /dev/null
// RUN: %FileCheck %s --check-prefix=JSON < %t.json
// RUN: %root/build/escape-clang --max-kv-size=0 --frame-limit=0 --recursive-frame-limit=0 --json=%t.clang.json %s -- -I%root/runtime
// RUN: %FileCheck %s --check-prefix=JSON < %t.clang.json
// Bad values are the same error in both (the core's table):
// RUN: %not %cc -c %s %plugin -fplugin-arg-escape-frame-limit=-5 -o /dev/null 2>&1 | %FileCheck %s --check-prefix=BAD
// RUN: %not %root/build/escape-clang --frame-limit=-5 %s -- -I%root/runtime 2>&1 | %FileCheck %s --check-prefix=BAD
// RUN: %not %cc -c %s %plugin -fplugin-arg-escape-m=7 -o /dev/null 2>&1 | %FileCheck %s --check-prefix=BADM
// RUN: %not %root/build/escape-clang -m=7 %s -- -I%root/runtime 2>&1 | %FileCheck %s --check-prefix=BADM
//
// JSON: "max_kv_size": 0, "frame_limit": 0, "recursive_frame_limit": 0,
// BAD: bad value '-5' for option 'frame-limit' (expected a size in bytes, 0 to 1073741824); valid options are: m, m=1, m=2, max-kv-size=N, frame-limit=N, recursive-frame-limit=N, transform=yes, transform=no, json=PATH, sarif=PATH, m-scope=all, m-scope=maps
// BADM: bad value '7' for option 'm' (expected 1 or 2)
#include "gomap.h"

size_t plain(void)
{
    // DEF: {{.*}}:[[@LINE+5]]:16: make(map[int]int) does not escape
    // KV0: {{.*}}:[[@LINE+4]]:16: make(map[int]int) buckets escape to heap: key+value size 8 > 0
    // FL0: {{.*}}:[[@LINE+3]]:16: make(map[int]int) escapes to heap
    // FL100: {{.*}}:[[@LINE+2]]:16: make(map[int]int) buckets escape to heap: stack frame limit
    // RF0: {{.*}}:[[@LINE+1]]:16: make(map[int]int) does not escape
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    size_t n = gomap_len(m);
    gomap_free(m);
    return n;
}

size_t depth(int n)
{
    // DEF: {{.*}}:[[@LINE+4]]:16: make(map[int]int) does not escape
    // KV0: {{.*}}:[[@LINE+3]]:16: make(map[int]int) buckets escape to heap: key+value size 8 > 0
    // FL0: {{.*}}:[[@LINE+2]]:16: make(map[int]int) does not escape
    // RF0: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    size_t r = gomap_len(m) + (n > 0 ? depth(n - 1) : 0);
    gomap_free(m);
    return r;
}
