// GOMAP_TYPE_STRCOPY: the map copies a key's bytes when it inserts the key, so the
// natural word counter (fgets into one line buffer, each word a gostring into it)
// counts right; a GOMAP_TYPE_STR map given the same keys would keep pointers into
// the reused buffer.  Iteration gives the map's copies; delete, clear and free
// release them (ASan: no leak, no double free; the counters balance).  Run
// with the ASan runtime and with the plain one.
// RUN: %cc %asan %s %gomap_asan -o %t && %t < %S/Inputs/words.txt | %FileCheck %s
// RUN: %cc -O2 %s %gomap -o %t2 && %t2 < %S/Inputs/words.txt | %FileCheck %s
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "gomap.h"

static char line[256];

static void count_words(gomap *m)
{
    while (fgets(line, sizeof line, stdin)) {
        char *p = line;
        for (;;) {
            while (*p == ' ' || *p == '\n') p++;
            if (!*p) break;
            char *w = p;
            while (*p && *p != ' ' && *p != '\n') p++;
            gostring k = { w, (size_t)(p - w) };
            ++*(int *)gomap_assign(m, &k);
        }
    }
}

static int in_line(const char *p) { return p >= line && p < line + sizeof line; }

int main(void)
{
    gomap_memstats s0, s1;
    gomap_read_memstats(&s0);
    gomap *m = gomap_make(GOMAP_TYPE_STRCOPY(int), 0);
    count_words(m);
    printf("distinct %zu\n", gomap_len(m));
    // CHECK: distinct 41
    gomap_iter it;
    void *kp, *vp;
    int total = 0, bad = 0, borrowed = 0;
    gomap_iter_init(&it, m);
    while (gomap_iter_next(&it, &kp, &vp)) {
        gostring *k = kp;
        /* the copies are not NUL-terminated: digits read one by one */
        int n = *(int *)vp, want = k->len == 3 && k->ptr[0] == 'w'
                                       ? (k->ptr[1] - '0') * 10 + (k->ptr[2] - '0')
                                       : k->len == 40 ? 3 : -1;
        total += n;
        bad += n != want;
        borrowed += in_line(k->ptr);
    }
    printf("total %d bad %d borrowed %d\n", total, bad, borrowed);
    // CHECK: total 823 bad 0 borrowed 0
    gostring w17 = GOSTR("w17"), x40 = GOSTR("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");
    printf("w17 %d x40 %d\n", *(int *)gomap_access(m, &w17), *(int *)gomap_access(m, &x40));
    // CHECK: w17 17 x40 3

    // Reassigning an equal key from another buffer keeps the map's copy.
    char buf[4] = "w17";
    gostring again = { buf, 3 };
    *(int *)gomap_assign(m, &again) = 1700;
    buf[2] = '8';   /* the caller's buffer changes: the map's key does not */
    printf("w17 %d w18 %d\n", *(int *)gomap_access(m, &w17), *(int *)gomap_access(m, &again));
    // CHECK: w17 1700 w18 18

    // The empty key, deletion of every other word, an iterator paused across a
    // growth (the old cells keep copies of their own), clear, reinsertion.
    gostring empty = { line, 0 };
    *(int *)gomap_assign(m, &empty) = 5;
    gomap_iter_init(&it, m);
    gomap_iter_next(&it, &kp, &vp);
    int deleted = 0;
    for (int i = 1; i <= 40; i += 2) {
        char w[4];
        snprintf(w, sizeof w, "w%02d", i);
        gostring k = { w, 3 };
        deleted += gomap_delete(m, &k);
    }
    for (int i = 0; i < 200; i++) {
        char w[16];
        snprintf(w, sizeof w, "new%d", i);
        gostring k = { w, strlen(w) };
        *(int *)gomap_assign(m, &k) = i;
    }
    int seen = 1;
    while (gomap_iter_next(&it, &kp, &vp)) {
        gostring *k = kp;
        seen++;
        borrowed += in_line(k->ptr) && k->len;
    }
    printf("deleted %d len %zu empty %d seen>=%d borrowed %d\n", deleted, gomap_len(m),
           *(int *)gomap_access(m, &empty), seen >= 1 + 21, borrowed);
    // CHECK: deleted 20 len 222 empty 5 seen>=1 borrowed 0
    gomap_clear(m);
    printf("after clear %zu %p\n", gomap_len(m), gomap_access(m, &w17));
    // CHECK: after clear 0 (nil)
    *(int *)gomap_assign(m, &w17) = 1;
    gomap_free(m);

    // GOMAP_TYPE_STR, the same input: the keys borrow the line buffer.
    rewind(stdin);
    m = gomap_make(GOMAP_TYPE_STR(int), 0);
    count_words(m);
    borrowed = 0;
    gomap_iter_init(&it, m);
    while (gomap_iter_next(&it, &kp, &vp)) borrowed += in_line(((gostring *)kp)->ptr);
    printf("STR borrowed %d of %zu\n", borrowed, gomap_len(m));
    // CHECK: STR borrowed [[N:[0-9]+]] of [[N]]
    gomap_free(m);

    gomap_read_memstats(&s1);
    printf("allocs %llu frees %llu bytes %llu\n", (unsigned long long)(s1.heap_allocs - s0.heap_allocs),
           (unsigned long long)(s1.heap_frees - s0.heap_frees),
           (unsigned long long)(s1.heap_bytes - s0.heap_bytes));
    // CHECK: allocs [[A:[0-9]+]] frees [[A]] bytes 0
    return 0;
}
