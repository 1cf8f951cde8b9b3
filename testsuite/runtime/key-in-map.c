// A key that lies in the map's own storage: gomap_assign(m, gomap_access(m, &k))
// (Go's m[m[k]] = v) and gomap_delete(m, gomap_access(m, &k)) (delete(m, m[k])).
// A growth step may free the old bucket array, where the value slot is, before
// the runtime has read the key: the assign grew the full one-bucket map and then
// copied the key from the freed bucket, the delete evacuated the last old bucket
// and then compared keys with it (heap-use-after-free under ASan; found by an
// attack helper); so did a delete with the key pointer of an iterator that
// re-found its entry in an old array no iterator pinned.  Go passes keys by value:
// the runtime copies a direct key before a growth step.  A GOMAP_TYPE_STRCOPY
// key's bytes may lie in the map too (m[string(m[k].name)] = v): the map takes
// its copy of them before the step, and comparisons after it use a copy of a
// borrowed key's bytes (delete(m, string(m[k].name))).  With the plugin the calls are specialised
// and load the key first; the generic calls are the ones at stake (transform=no,
// and no plugin).
// RUN: %cc %asan %s %gomap_asan -o %t && %t | %FileCheck %s
// RUN: %cc -O2 %asan %s %plugin -fplugin-arg-escape-transform=no %gomap_asan -o %t2 && %t2 | %FileCheck %s
// RUN: %cc -O2 %asan %s %plugin %gomap_asan -o %t3 && %t3 | %FileCheck %s
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "gomap.h"

typedef struct { char name[16]; int n; } rec;

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

    long got = 0;
    deleted = 0;
    for (int trial = 0; trial < 50; trial++) {   /* an iterator paused across a growth */
        gomap *d = gomap_make(GOMAP_TYPE(int, int), 0);
        int n = 0;
        for (; n < 8; n++)
            *(int *)gomap_assign(d, &n) = n;
        gomap_iter it;
        void *kp, *vp;
        gomap_iter_init(&it, d);
        got += gomap_iter_next(&it, &kp, &vp);
        for (; n < 27; n++)   /* B = 2 full: a growth to B = 3 has begun */
            *(int *)gomap_assign(d, &n) = n;
        while (gomap_iter_next(&it, &kp, &vp)) {
            got++;
            deleted += gomap_delete(d, kp);   /* delete(d, k) in a range loop */
        }
        gomap_free(d);
    }
    // CHECK: iterate and delete: got 400 deleted 350
    printf("iterate and delete: got %ld deleted %ld\n", got, deleted);

    int ok = 0;
    for (int trial = 0; trial < 400; trial++) {
        int n = 26 << (trial % 4);   /* 6.5 * 2^B entries: the next insert grows */
        gomap *s = gomap_make(GOMAP_TYPE_STRCOPY(rec), 0);
        char buf[24];
        for (int i = 0; i < n; i++) {
            snprintf(buf, sizeof buf, "k%03d", i);
            gostring key = { buf, strlen(buf) };
            rec *r = gomap_assign(s, &key);
            snprintf(r->name, sizeof r->name, "alias%03d", i);
            r->n = i;
        }
        snprintf(buf, sizeof buf, "k%03d", trial % n);
        gostring key = { buf, strlen(buf) };
        rec *r = gomap_access(s, &key);
        gostring name = { r->name, strlen(r->name) };   /* bytes inside s */
        ((rec *)gomap_assign(s, &name))->n = 1000 + trial;
        char want[16];
        snprintf(want, sizeof want, "alias%03d", trial % n);
        gostring w = { want, strlen(want) };
        rec *g = gomap_access(s, &w);
        ok += g && g->n == 1000 + trial;
        gomap_free(s);
    }
    // CHECK: strcopy: 400 of 400
    printf("strcopy: %d of 400\n", ok);

    static char names[300][8];
    for (int i = 0; i < 300; i++)
        snprintf(names[i], sizeof names[i], "k%03d", i);
    int gone = 0;
    for (int trial = 0; trial < 400; trial++) {   /* delete(m, string(m[k].name)) */
        int n = 26 << (trial % 4);
        gomap *s = gomap_make(GOMAP_TYPE_STR(rec), 0);   /* borrows its keys' bytes */
        for (int i = 0; i < n; i++) {
            gostring key = { names[i], strlen(names[i]) };
            rec *r = gomap_assign(s, &key);
            snprintf(r->name, sizeof r->name, "k%03d", (i + 1) % n);
        }
        gostring extra = { "a key that starts a growth", 26 };
        gomap_assign(s, &extra);
        gostring key = { names[trial % n], strlen(names[trial % n]) };
        rec *r = gomap_access(s, &key);
        gostring name = { r->name, strlen(r->name) };   /* bytes inside s */
        gone += gomap_delete(s, &name);
        gomap_free(s);
    }
    // CHECK: borrowed: 400 of 400
    printf("borrowed: %d of 400\n", gone);
    return 0;
}
