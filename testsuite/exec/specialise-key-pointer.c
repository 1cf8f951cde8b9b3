// A map call specialised for its key kind takes the key by value, read before the
// call; gomap_access and gomap_delete read *key only when they need it, and a lookup
// or delete on an empty (or nil) map does not (Go's mapaccess1 and mapdelete return
// first).  The plugin read a key pointer before such calls, so a pointer that may not
// be read while the map is empty made the program fault only with the plugin: NULL
// for "no previous key" (SIGSEGV), memory since freed (ASan heap-use-after-free; found
// by an attack helper).  A key is passed by value now only when its pointer is the
// address of a declared object or of a part of it at a constant place (a variable, a
// parameter, a member, an element at a constant index); a pointer keeps the generic
// call, and so does an element at a variable index, which may be one past the end
// (`&ks[2]` below: ASan stack-buffer-overflow with the rule's first version).  Found
// against that version by a second attack helper: the object must surely exist (the
// address of an undefined weak object is NULL) and hold the map's whole key (a 4-byte
// object given as the key of a map with 8-byte keys: ASan stack-buffer-overflow).  The
// controls: `&k`, `&s.k` and `&ks[1]` are specialised.
//
// RUN: %cc -O2 -c %s %plugin -fplugin-arg-escape-json=%t.json -o /dev/null
// RUN: %FileCheck %s --check-prefix=JSON < %t.json
// RUN: %not grep -E '"function": "(lookup|drop)", "verdict": "specialised"' %t.json
// RUN: %not grep -E '"function": "(at_index|odd_objects)", "verdict": "specialised"' %t.json
// RUN: %cc -O0 %asan %s %plugin %gomap_asan -o %t0 && env ASAN_OPTIONS=detect_stack_use_after_return=1:detect_leaks=0 %t0 | %FileCheck %s
// RUN: %cc -O2 %asan %s %plugin %gomap_asan -o %t2 && env ASAN_OPTIONS=detect_stack_use_after_return=1:detect_leaks=0 %t2 | %FileCheck %s
// RUN: %cc -O2 %s %plugin %gomap -o %tp && %tp | %FileCheck %s
// RUN: %cc -O2 %s %gomap -o %tn && %tn | %FileCheck %s
#include "gomap.h"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

__attribute__((noinline)) static int lookup(gomap *cache, const uint64_t *prev)
{
    int *v = gomap_access(cache, prev);          /* empty map: *prev is not read */
    return v ? *v : -1;
}

__attribute__((noinline)) static int drop(gomap *cache, const uint64_t *prev)
{
    return gomap_delete(cache, prev);
}

struct box { int tag; uint64_t k; };

extern uint64_t optional_key __attribute__((weak));   /* defined nowhere: its address is NULL */

__attribute__((noinline)) static int odd_objects(void)
{
    gomap *m = gomap_make(GOMAP_TYPE(uint64_t, int), 0);
    uint32_t small = 7;                            /* 4 bytes for an 8-byte key */
    int r = gomap_access(m, &optional_key) != NULL;
    r += gomap_delete(m, &optional_key);
    r += gomap_access(m, &small) != NULL;
    r += gomap_delete(m, &small);
    gomap_free(m);
    return r;
}

__attribute__((noinline)) static int at_index(gomap *m, int n)
{
    uint64_t ks[2] = { 1, 2 };
    if (n == 2)
        return gomap_access(m, &ks[2]) != NULL;  /* one past the end: not read */
    return gomap_access(m, &ks[n]) != NULL;      /* a variable index: an SSA pointer */
}

__attribute__((noinline)) static int past_end(int n)
{
    gomap *m = gomap_make(GOMAP_TYPE(uint64_t, int), 0);
    uint64_t ks[2] = { 1, 2 };
    int r = at_index(m, n);
    // JSON-DAG: "line": [[@LINE+1]], {{.*}}"function": "past_end", "verdict": "specialised", {{.*}}"entry": "gomap_small_assign_fast64"
    *(int *)gomap_assign(m, &ks[1]) = 3;
    r += *(int *)gomap_access(m, &ks[1]);
    gomap_free(m);
    return r;
}

int main(int argc, char **argv)
{
    (void)argv;
    gomap *cache = gomap_make(GOMAP_TYPE(uint64_t, int), 0);
    // CHECK: first: -1 delete: 0
    printf("first: %d delete: %d\n", lookup(cache, NULL), drop(cache, NULL));
    uint64_t *gone = malloc(sizeof *gone);
    *gone = 5;
    free(gone);
    // CHECK-NEXT: stale: -1
    printf("stale: %d\n", lookup(cache, gone));
    uint64_t k = 7;
    struct box s = { 1, 8 };
    // JSON-DAG: "line": [[@LINE+1]], {{.*}}"function": "main", "verdict": "specialised", {{.*}}"entry": "gomap_small_assign_fast64"
    *(int *)gomap_assign(cache, &k) = 70;
    // JSON-DAG: "line": [[@LINE+1]], {{.*}}"function": "main", "verdict": "specialised", {{.*}}"entry": "gomap_small_assign_fast64"
    *(int *)gomap_assign(cache, &s.k) = 80;
    // CHECK-NEXT: 7: 70 8: 80
    printf("7: %d 8: %d\n", lookup(cache, &k), lookup(cache, &s.k));
    // CHECK-NEXT: past end: 3
    printf("past end: %d\n", past_end(argc + 1));
    // CHECK-NEXT: odd objects: 0
    printf("odd objects: %d\n", odd_objects());
    gomap_free(cache);
    return 0;
}
