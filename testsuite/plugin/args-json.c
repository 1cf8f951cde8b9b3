// json=FILE writes every decision; the file is written even without m, and
// the compilation fails with an error when it cannot be written.
//
// RUN: rm -f %t.json
// RUN: %cc -c %s %plugin -fplugin-arg-escape-json=%t.json -o /dev/null 2>&1 | count 0
// RUN: %FileCheck %s < %t.json
// escape-clang writes the same document:
// RUN: %root/build/escape-clang --json=%t.clang.json %s -- -I%root/runtime 2>&1 | count 0
// RUN: %FileCheck %s < %t.clang.json
// RUN: %not %cc -c %s %plugin -fplugin-arg-escape-json=%t.nodir/x.json -o /dev/null 2>&1 | %FileCheck %s --check-prefix=NOWRITE
// RUN: %not %cc -c %s %plugin -fplugin-arg-escape-json= -o /dev/null 2>&1 | %FileCheck %s --check-prefix=EMPTY
//
// CHECK-DAG: "kind": "map", "file": "{{.*}}args-json.c", "line": [[@LINE+9]], "col": 16, {{.*}}"type": "map[int]int", {{.*}}"verdict": "does not escape", "placement": "stack"
// CHECK-DAG: "kind": "map", "file": "{{.*}}args-json.c", "line": [[@LINE+16]], "col": 12, {{.*}}"type": "map[int]double", {{.*}}"verdict": "escapes to heap", "placement": "heap"
// NOWRITE: error: escape plugin: cannot write {{.*}}x.json{{.*}}: No such file or directory
// EMPTY: error: plugin {{.}}escape{{.}}: bad value '' for option 'json' (expected a path)
#include "gomap.h"

size_t local(void)
{
    size_t n;
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    n = gomap_len(m);
    gomap_free(m);
    return n;
}

gomap *returned(void)
{
    return gomap_make(GOMAP_TYPE(int, double), 0);
}
