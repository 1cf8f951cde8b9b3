// transform=no analyses and reports but changes no allocation: the program's
// maps all come from the heap (memstats stack_maps = 0); the default
// (transform=yes) puts them on the stack.  A bad value is an error.
//
// RUN: %cc -O2 %s %plugin -fplugin-arg-escape-m -fplugin-arg-escape-transform=no %gomap -o %t.no 2>&1 | %FileCheck %s --check-prefix=DIAG
// RUN: %t.no | %FileCheck %s --check-prefix=NO
// RUN: %cc -O2 %s %plugin -fplugin-arg-escape-m -fplugin-arg-escape-transform=yes %gomap -o %t.yes 2>&1 | %FileCheck %s --check-prefix=DIAG
// RUN: %t.yes | %FileCheck %s --check-prefix=YES
// RUN: %cc -O2 %s %plugin %gomap -o %t.default
// RUN: %t.default | %FileCheck %s --check-prefix=YES
// RUN: %not %cc -c %s %plugin -fplugin-arg-escape-transform=maybe -o /dev/null 2>&1 | %FileCheck %s --check-prefix=BAD
//
// BAD: error: plugin {{.}}escape{{.}}: bad value 'maybe' for option 'transform' (expected yes or no); valid options are: m, m=1, m=2, max-kv-size=N, frame-limit=N, recursive-frame-limit=N, transform=yes, transform=no, json=PATH, sarif=PATH, m-scope=all, m-scope=maps
// NO: sum=45 stack_maps=0 stack_buckets=0
// YES: sum=45 stack_maps=1 stack_buckets=1
#include "gomap.h"
#include <stdio.h>

static int sum(int n)
{
    // DIAG: {{.*}}:[[@LINE+1]]:16: make(map[int]int) does not escape
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    for (int i = 0; i < n; i++)
        *(int *)gomap_assign(m, &i) = i;
    int s = 0;
    gomap_iter it;
    void *k, *v;
    gomap_iter_init(&it, m);
    while (gomap_iter_next(&it, &k, &v))
        s += *(int *)v;
    gomap_free(m);
    return s;
}

int main(void)
{
    int s = sum(10);
    gomap_memstats st;
    gomap_read_memstats(&st);
    printf("sum=%d stack_maps=%llu stack_buckets=%llu\n", s,
           (unsigned long long)st.stack_maps, (unsigned long long)st.stack_buckets);
    return 0;
}
