// String keys (GOMAP_TYPE_STR): hashed and compared by content, so a lookup with
// a different pointer to the same bytes finds the entry, and keys differing only
// in length or in a late byte are distinct.  The map borrows the bytes; a
// reassignment with an equal string stores the new pointer, as Go does.
// RUN: %cc %asan %s %gomap_asan -o %t && %t | %FileCheck %s
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "gomap.h"

int main(void)
{
    gomap *m = gomap_make(GOMAP_TYPE_STR(int), 0);
    gostring keys[] = { GOSTR(""), GOSTR("a"), GOSTR("ab"), GOSTR("abc"),
                        GOSTR("0123456789abcdef"), GOSTR("0123456789abcdeg"),
                        GOSTR("0123456789abcdef0123456789abcdef0123456789abcdef0123456789"),
                        GOSTR("0123456789abcdef0123456789abcdef0123456789abcdef012345678X") };
    int n = sizeof keys / sizeof keys[0];
    for (int i = 0; i < n; i++) *(int *)gomap_assign(m, &keys[i]) = i + 100;
    printf("len %zu\n", gomap_len(m));
    // CHECK: len 8
    for (int i = 0; i < n; i++) {
        char *copy = malloc(keys[i].len + 1);
        memcpy(copy, keys[i].ptr, keys[i].len);
        gostring k = { copy, keys[i].len };
        int *v = gomap_access(m, &k);
        printf("%d:%d ", i, v ? *v : -1);
        free(copy);
    }
    printf("\n");
    // CHECK-NEXT: 0:100 1:101 2:102 3:103 4:104 5:105 6:106 7:107
    gostring prefix = { "abc", 2 };
    printf("\"ab\" via a 2-byte view of \"abc\": %d\n", *(int *)gomap_access(m, &prefix));
    // CHECK-NEXT: "ab" via a 2-byte view of "abc": 102
    char buf[] = "abc";
    gostring again = { buf, 3 };
    *(int *)gomap_assign(m, &again) = 7;
    gomap_iter it;
    void *kp, *vp;
    for (gomap_iter_init(&it, m); gomap_iter_next(&it, &kp, &vp);)
        if (((gostring *)kp)->len == 3)
            printf("abc -> %d, stored pointer is the new one: %d\n", *(int *)vp,
                   ((gostring *)kp)->ptr == buf);
    // CHECK-NEXT: abc -> 7, stored pointer is the new one: 1
    gostring missing = GOSTR("abd");
    bool found = gomap_access(m, &missing) != NULL, deleted = gomap_delete(m, &keys[0]);
    printf("abd %s, delete \"\" %d, len %zu\n", found ? "found" : "absent", deleted, gomap_len(m));
    // CHECK-NEXT: abd absent, delete "" 1, len 7
    gomap_free(m);

    /* many keys built in one buffer each, looked up through fresh copies */
    m = gomap_make(GOMAP_TYPE_STR(long), 0);
    static char store[20000][24];
    for (int i = 0; i < 20000; i++) {
        int len = snprintf(store[i], sizeof store[i], "item/%d", i * 37);
        gostring k = { store[i], (size_t)len };
        *(long *)gomap_assign(m, &k) = i;
    }
    long bad = 0;
    for (int i = 0; i < 20000; i++) {
        char tmp[24];
        int len = snprintf(tmp, sizeof tmp, "item/%d", i * 37);
        gostring k = { tmp, (size_t)len };
        long *v = gomap_access(m, &k);
        if (!v || *v != i) bad++;
    }
    printf("20000 keys, bad %ld\n", bad);
    // CHECK-NEXT: 20000 keys, bad 0
    gomap_free(m);
    return 0;
}
