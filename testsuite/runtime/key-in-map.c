// A key that lies in the map's own storage: gomap_assign(m, gomap_access(m, &k))
// (Go's m[m[k]] = v) and gomap_delete(m, gomap_access(m, &k)) (delete(m, m[k])).
// A growth step may free the old bucket array, where the value slot is, before
// the runtime has read the key: the assign grew the full one-bucket map and then
// copied the key from the freed bucket, the delete evacuated the last old bucket
// and then compared keys with it (heap-use-after-free under ASan; found by an
// attack helper).  Go passes keys by value: the runtime copies a direct key
// before a growth step.  With the plugin the calls are specialised and load the
// key first; the generic calls are the ones at stake (transform=no, and no plugin).
// RUN: %cc %asan %s %gomap_asan -o %t && %t | %FileCheck %s
// RUN: %cc -O2 %asan %s %plugin -fplugin-arg-escape-transform=no %gomap_asan -o %t2 && %t2 | %FileCheck %s
// RUN: %cc -O2 %asan %s %plugin %gomap_asan -o %t3 && %t3 | %FileCheck %s
#include <stdint.h>
#include <stdio.h>
#include "gomap.h"

int main(void)
{
    gomap *m = gomap_make(GOMAP_TYPE(uint64_t, uint64_t), 0);
    for (uint64_t i = 0; i < 8; i++)
        *(uint64_t *)gomap_assign(m, &i) = 1000 + i;
    uint64_t k = 3, q = 1003;
    *(uint64_t *)gomap_assign(m, gomap_access(m, &k)) = 77;   /* m[m[3]] = 77: grows */
    // CHECK: assign: m[1003] = 77, len 9
    printf("assign: m[1003] = %lu, len %zu\n", (unsigned long)*(uint64_t *)gomap_access(m, &q),
           gomap_len(m));
    gomap_free(m);

    long deleted = 0;
    for (int n = 20; n < 200; n++) {   /* sizes whose last insert started a growth */
        gomap *d = gomap_make(GOMAP_TYPE(int, int), 0);
        for (int i = 0; i < n; i++)
            *(int *)gomap_assign(d, &i) = i;
        for (int i = 0; i < n; i++) {
            int *v = gomap_access(d, &i);
            if (v)
                deleted += gomap_delete(d, v);   /* delete(d, d[i]) */
        }
        if (gomap_len(d) != 0)
            printf("left %zu\n", gomap_len(d));
        gomap_free(d);
    }
    // CHECK-NOT: left
    // CHECK: delete: 19710
    printf("delete: %ld\n", deleted);
    return 0;
}
