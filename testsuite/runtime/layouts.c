// Key/value layouts: zero-size keys and values (a set), over-aligned keys,
// odd sizes, and the 128-byte inline limit on both sides of it.  Each map is
// filled past several growths and read back; ASan checks that no slot overlaps
// its neighbours or the overflow pointer.
// RUN: %cc -O2 %asan %s %gomap_asan -o %t && %t | %FileCheck %s
#include <stdio.h>
#include <string.h>
#include "gomap.h"

typedef struct {} empty;
typedef struct { char c[3]; } three;
typedef struct { char c[128]; } b128;
typedef struct { char c[129]; } b129;

/* fill a map whose keys and values are KS/VS-byte blobs derived from i */
static int exercise(const gomap_type *t, int n)
{
    unsigned char key[160], val[160];
    gomap *m = gomap_make(t, 0);
    int bad = 0;
    for (int i = 0; i < n; i++) {
        memset(key, 0, sizeof key);
        for (unsigned j = 0; j < t->keysize; j++) key[j] = (unsigned char)(i >> (8 * (j % 4)));
        memset(gomap_assign(m, key), i & 0xff, t->valsize);
    }
    for (int i = 0; i < n; i++) {
        memset(key, 0, sizeof key);
        for (unsigned j = 0; j < t->keysize; j++) key[j] = (unsigned char)(i >> (8 * (j % 4)));
        unsigned char *v = gomap_access(m, key);
        memset(val, (t->keysize ? i : n - 1) & 0xff, t->valsize);   /* one key when empty */
        if (!v || memcmp(v, val, t->valsize)) bad++;
    }
    size_t len = gomap_len(m);
    gomap_free(m);
    printf("%s: len %zu bucket %zu bad %d\n", t->name, len,
           gomap_layout_bucket_size(t->keysize, t->keyalign, t->valsize, t->valalign), bad);
    return bad;
}

int main(void)
{
    exercise(GOMAP_TYPE(empty, int), 100);
    // CHECK: map[empty]int: len 1 bucket 48 bad 0
    exercise(GOMAP_TYPE(int, empty), 3000);
    // CHECK-NEXT: map[int]empty: len 3000 bucket 48 bad 0
    exercise(GOMAP_TYPE(char, double), 256);
    // CHECK-NEXT: map[char]double: len 256 bucket 88 bad 0
    exercise(GOMAP_TYPE(__int128, char), 3000);
    // CHECK-NEXT: map[__int128]char: len 3000 bucket 160 bad 0
    exercise(GOMAP_TYPE(three, three), 3000);
    // CHECK-NEXT: map[three]three: len 3000 bucket 64 bad 0
    exercise(GOMAP_TYPE(b128, b128), 1000);
    // CHECK-NEXT: map[b128]b128: len 1000 bucket 2064 bad 0
    exercise(GOMAP_TYPE(b129, b129), 1000);
    // CHECK-NEXT: map[b129]b129: len 1000 bucket 144 bad 0
    exercise(GOMAP_TYPE(short, b129), 1000);
    // CHECK-NEXT: map[short]b129: len 1000 bucket 96 bad 0
    return 0;
}
