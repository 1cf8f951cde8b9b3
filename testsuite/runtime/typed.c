// The typed layer (gomap_typed.h) keeps Go's semantics: zero value / default for a
// missing key, v, ok := m[k], m[k]++ through gomap_put (and whether the key was new),
// delete during range (a deleted key not yet reached is not visited), break and
// continue in gomap_foreach, nested loops, sets (values of size 0), gostring keys by
// content, reads of the nil map, and descriptors identical to GOMAP_TYPE's.  Built
// as C with GCC and Clang, at -O0 and -O2.
// RUN: %cc -O2 %asan %s %gomap_asan -o %t && %t | %FileCheck %s
// RUN: %cc -O0 %asan %s %gomap_asan -o %t0 && %t0 | %FileCheck %s
// RUN: clang -std=gnu11 -Wall -Wextra -Werror -I%root/runtime -O2 %s %gomap -o %tc && %tc | %FileCheck %s
// RUN: %not --crash %t nilwrite 2>&1 | %FileCheck %s --check-prefix=NIL
// NIL: assignment to entry in nil map
#include <stdio.h>
#include <string.h>
#include "gomap_typed.h"

GOMAP_DECLARE(ii, int, int)
GOMAP_DECLARE_STR(wc, long)
GOMAP_DECLARE_STRCOPY(owned, int)
GOMAP_DECLARE_SET(iset, int)
GOMAP_DECLARE_SET_STR(sset)
struct pt { int x, y; };
GOMAP_DECLARE(ptmap, struct pt, double)
struct big { char b[200]; };
GOMAP_DECLARE(bigmap, int, struct big)

static int same_desc(const gomap_type *a, const gomap_type *b)
{
    return a->version == b->version && a->keysize == b->keysize && a->valsize == b->valsize
           && a->keyalign == b->keyalign && a->valalign == b->valalign
           && a->flags == b->flags && !strcmp(a->name, b->name);
}

int main(int argc, char **argv)
{
    (void)argv;
    if (argc > 1) {             /* nil map: reads are empty, a write aborts */
        ii *nil = NULL;
        printf("nil len %zu get %d has %d\n", ii_len(nil), ii_get(nil, 1, 5), ii_has(nil, 1));
        fflush(stdout);
        gomap_set(ii, nil, 1, 1);
        return 0;
    }
    // CHECK: desc 1 1 1 1
    printf("desc %d %d %d %d\n", same_desc(&ii_desc_, GOMAP_TYPE(int, int)),
           same_desc(&wc_desc_, GOMAP_TYPE_STR(long)),
           same_desc(&ptmap_desc_, GOMAP_TYPE(struct pt, double)),
           iset_desc_.valsize == 0 && !strcmp(iset_desc_.name, "map[int]struct{}"));

    // Owned keys: one reused buffer, as a word counter reading lines does.
    // CHECK: strcopy desc 1 len 3 aa 2 bb 1 cc 1
    {
        owned *o = gomap_new(owned);
        const char *words[] = { "aa", "bb", "aa", "cc" };
        char buf[8];
        for (int i = 0; i < 4; i++) {
            strcpy(buf, words[i]);
            gomap_set(owned, o, gostr(buf), owned_get(o, gostr(buf), 0) + 1);
        }
        strcpy(buf, "zz");
        printf("strcopy desc %d len %zu aa %d bb %d cc %d\n",
               same_desc(&owned_desc_, GOMAP_TYPE_STRCOPY(int)), owned_len(o),
               owned_get(o, GOSTR("aa"), 0), owned_get(o, GOSTR("bb"), 0),
               owned_get(o, GOSTR("cc"), 0));
        owned_free(o);
    }

    ii *m = gomap_new(ii);
    for (int i = 0; i < 100; i++) gomap_set(ii, m, i, i * i);
    int v = -1;
    bool ok = ii_lookup(m, 7, &v), ok2 = ii_lookup(m, 1000, &v);
    // CHECK: len 100 get 49 -1 lookup 1 0 v 0 has 1 0
    printf("len %zu get %d %d lookup %d %d v %d has %d %d\n", ii_len(m), ii_get(m, 7, -1),
           ii_get(m, 1000, -1), ok, ok2, v, ii_has(m, 99), ii_has(m, 100));
    bool isnew1, isnew2;
    (*gomap_put(ii, m, 500, &isnew1))++;
    (*gomap_put(ii, m, 500, &isnew2))++;
    *ii_ref(m, 3) += 1;
    // CHECK: put 1 0 500->2 ref 10 missing 1
    printf("put %d %d 500->%d ref %d missing %d\n", isnew1, isnew2, ii_get(m, 500, 0),
           ii_get(m, 3, 0), ii_ref(m, 12345) == NULL);

    /* delete during range: every odd key deleted as it is met, and every key below
     * 50 deleted when 0 is met; a deleted key is never visited afterwards */
    long seen = 0, after_delete = 0;
    int deleted_low = 0;
    gomap_foreach(ii, m, k, val) {
        if (deleted_low && k < 50 && k != 0) after_delete++;
        if (k == 0) {
            for (int j = 1; j < 50; j++) ii_delete(m, j);
            deleted_low = 1;
        }
        if (k % 2) ii_delete(m, k);
        seen += val >= 0;
    }
    // CHECK: visited-after-delete 0 left 27
    printf("visited-after-delete %ld left %zu\n", after_delete, ii_len(m));
    (void)seen;

    /* break leaves the loop, continue goes on; nested loops over the same map */
    int visits = 0, pairs = 0;
    gomap_foreach(ii, m, k, val) {
        (void)val;
        if (++visits == 3) break;
        (void)k;
    }
    int cont = 0;
    gomap_foreach_key(ii, m, k) {
        if (k % 4) continue;
        cont++;
    }
    gomap_foreach(ii, m, a, va) {
        (void)a; (void)va;
        gomap_foreach_key(ii, m, b) { (void)b; pairs++; }
    }
    // CHECK: break 3 continue 14 pairs 729
    printf("break %d continue %d pairs %d\n", visits, cont, pairs);
    ii_clear(m);
    // CHECK: cleared 0 7
    printf("cleared %zu %d\n", ii_len(m), ii_get(m, 4, 7));
    ii_free(m);

    /* gostring keys by content: a key built in another buffer finds the entry */
    wc *w = gomap_new(wc, 8);
    const char *text[] = { "the", "cat", "the", "hat", "the" };
    for (int i = 0; i < 5; i++) (*gomap_put(wc, w, ((gostring){ text[i], 3 }), NULL))++;
    char buf[4] = "th";
    buf[2] = 'e';                   /* and NUL: gostr(buf) is { buf, 3 } */
    long the = wc_get(w, gostr(buf), 0);
    // CHECK: words 3 the 3 cat 1 dog 0
    printf("words %zu the %ld cat %ld dog %ld\n", wc_len(w), the, wc_get(w, GOSTR("cat"), 0),
           wc_get(w, GOSTR("dog"), 0));
    wc_free(w);

    /* sets */
    iset *s = gomap_new(iset);
    int added = 0;
    for (int i = 0; i < 20; i++) added += gomap_add(iset, s, i % 5);
    long sum = 0;
    gomap_foreach_key(iset, s, k) sum += k;
    bool d1 = iset_delete(s, 2), d2 = iset_delete(s, 2);
    // CHECK: set added 5 len 4 sum 10 has 1 0 delete 1 0
    printf("set added %d len %zu sum %ld has %d %d delete %d %d\n", added, iset_len(s), sum,
           iset_has(s, 4), iset_has(s, 2), d1, d2);
    iset_free(s);
    sset *ss = gomap_new(sset);
    gomap_add(sset, ss, GOSTR("a"));
    gomap_add(sset, ss, GOSTR("a"));
    // CHECK: sset 1 1
    printf("sset %zu %d\n", sset_len(ss), sset_has(ss, GOSTR("a")));
    sset_free(ss);

    /* struct keys, values above the inline size (stored indirectly) */
    ptmap *pm = gomap_new(ptmap);
    gomap_set(ptmap, pm, ((struct pt){ 1, 2 }), 0.5);
    bigmap *bm = gomap_new(bigmap);
    struct big b;
    memset(&b, 'x', sizeof b);
    b.b[199] = 0;
    for (int i = 0; i < 20; i++) gomap_set(bigmap, bm, i, b);
    struct big got;
    bool found = bigmap_lookup(bm, 19, &got), nf = bigmap_lookup(bm, 20, &got);
    // CHECK: pt 0.5 big 1 199 0 zeroed 1
    printf("pt %.1f big %d %zu %d zeroed %d\n", ptmap_get(pm, ((struct pt){ 1, 2 }), 0),
           found, strlen(bm ? bigmap_ref(bm, 19)->b : ""), nf, got.b[0] == 0 && got.b[199] == 0);
    ptmap_free(pm);
    bigmap_free(bm);
    return 0;
}
