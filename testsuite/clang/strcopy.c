// Both front ends read a GOMAP_TYPE_STRCOPY descriptor: its type name is
// map[gostring]V, like GOMAP_TYPE_STR's, and its sizes put the bucket on the
// stack.  Storing a key into such a map copies the key's bytes into the heap but
// does not make the map (or the key's buffer) escape.
//
// RUN: %cc -O0 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %root/build/escape-clang -m %s -- -std=gnu11 -I%root/runtime 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
#include <string.h>
#include "gomap.h"

// Each word of text copied into the same local buffer: the key points at it, and
// the buffer, stored only into a map that does not escape, does not escape either
// (map contents stay with the map); the map's copies of the bytes are its own.
// (text's bytes are read by libc's strcspn and memcpy: its contents leak.)
// CHECK: strcopy.c:[[@LINE+1]]:23: leaking param content: text
int count(const char *text)
{
    char word[32];
    gomap *m = gomap_make(GOMAP_TYPE_STRCOPY(int), 0); // CHECK: strcopy.c:[[@LINE]]:16: make(map[gostring]int) does not escape
    for (const char *p = text; *p;) {
        size_t n = strcspn(p, " ");
        if (n >= sizeof word) n = sizeof word - 1;
        memcpy(word, p, n);
        gostring k = { word, n };
        ++*(int *)gomap_assign(m, &k);
        p += n;
        p += strspn(p, " ");
    }
    int distinct = (int)gomap_len(m);
    gomap_free(m);
    return distinct;
}

int kinds(void)
{
    gomap *a = gomap_make(GOMAP_TYPE_STRCOPY(double), 0); // CHECK: strcopy.c:[[@LINE]]:16: make(map[gostring]double) does not escape
    gomap *b = gomap_make(GOMAP_TYPE_STR(double), 0); // CHECK: strcopy.c:[[@LINE]]:16: make(map[gostring]double) does not escape
    gostring k = GOSTR("k");
    *(double *)gomap_assign(a, &k) = 1;
    *(double *)gomap_assign(b, &k) = 2;
    int n = (int)(gomap_len(a) + gomap_len(b));
    gomap_free(a);
    gomap_free(b);
    return n;
}
