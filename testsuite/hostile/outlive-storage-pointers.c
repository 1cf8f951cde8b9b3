// Hostile inputs: pointers into a map's storage kept past its function - a slot
// from gomap_assign or gomap_access, a key pointer from gomap_iter_next, the
// iterator's own key field, a copy of the iterator, the iterator's address - and
// a make site re-run by a switch state machine or a backward goto while the
// first map is still used.  All of these maps escape (and &it, kept in a global).
// RUN: %cc -O0 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O2 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
#include "gomap.h"
static int *slotp;
static gomap_iter saved_it;
static gomap_iter *itp;
static void *keyp;
// CHECK: {{.*}}:[[@LINE+1]]:34: make(map[int]int) escapes to heap
int slot_kept(void) { gomap *m = gomap_make(GOMAP_TYPE(int, int), 0); int k = 1; slotp = gomap_assign(m, &k); return *slotp; }
// CHECK: {{.*}}:[[@LINE+1]]:36: make(map[int]int) escapes to heap
int iter_copied(void) { gomap *m = gomap_make(GOMAP_TYPE(int, int), 0); gomap_iter it; gomap_iter_init(&it, m); saved_it = it; return 0; }
// CHECK: {{.*}}:[[@LINE+2]]:33: make(map[int]int) escapes to heap
// CHECK: {{.*}}:[[@LINE+1]]:81: &it escapes to heap
int iter_ptr(void) { gomap *m = gomap_make(GOMAP_TYPE(int, int), 0); gomap_iter it; gomap_iter_init(&it, m); itp = &it; return 0; }
// CHECK: {{.*}}:[[@LINE+1]]:33: make(map[int]int) escapes to heap
int key_kept(void) { gomap *m = gomap_make(GOMAP_TYPE(int, int), 0); int k = 1; gomap_assign(m, &k); gomap_iter it; void *kk, *vv; gomap_iter_init(&it, m); gomap_iter_next(&it, &kk, &vv); keyp = kk; return 0; }
// CHECK: {{.*}}:[[@LINE+1]]:36: make(map[int]int) escapes to heap
int access_kept(void) { gomap *m = gomap_make(GOMAP_TYPE(int, int), 0); int k = 1; gomap_assign(m, &k); keyp = gomap_access(m, &k); return 0; }
// CHECK: {{.*}}:[[@LINE+1]]:39: make(map[int]int) escapes to heap
int *slot_returned(void) { gomap *m = gomap_make(GOMAP_TYPE(int, int), 0); int k = 1; return gomap_assign(m, &k); }
// CHECK: {{.*}}:[[@LINE+1]]:34: make(map[int]int) escapes to heap
void *itfield(void) { gomap *m = gomap_make(GOMAP_TYPE(int, int), 0); int k = 1; gomap_assign(m, &k); gomap_iter it; gomap_iter_init(&it, m); gomap_iter_next(&it, 0, 0); return it.key; }
int duff(int n) {
    gomap *first = 0, *m = 0; int i = 0;
    int state = 0;
    for (;;) switch (state) {
// CHECK: {{.*}}:[[@LINE+1]]:17: make(map[int]int) escapes to heap
    case 0: m = gomap_make(GOMAP_TYPE(int, int), 0); if (!first) first = m; state = 1; break;
    case 1: gomap_assign(m, &i); if (++i < n) state = (i % 2) ? 0 : 1; else state = 2; break;
    case 2: return (int)gomap_len(first) + (int)gomap_len(m);
    }
}
int back_goto(int n) {
    gomap *first = 0; int i = 0;
again:;
// CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    if (!first) first = m;
    gomap_assign(m, &i);
    if (++i < n) goto again;
    return (int)gomap_len(first);
}
