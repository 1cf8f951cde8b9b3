// -m lines on a real project: m-scope=maps keeps the map sites and the
// parameters and locals a map's pointer can reach (directly, or through a
// struct or pointer that holds it), and drops every other pointer parameter
// and local.  One position compiled as several functions (Inputs/body.h
// included three times) prints a line once when every copy says the same
// ("x does not escape") and names the function, "(in NAME)", when they differ.
//
// RUN: %cc -O0 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --check-prefixes=ALL,BOTH --match-full-lines --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O2 -c %s %plugin -fplugin-arg-escape-m -fplugin-arg-escape-m-scope=maps -o /dev/null 2>&1 | %FileCheck %s --check-prefixes=MAPS,BOTH --match-full-lines --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %root/build/escape-clang -m %s -- -std=gnu11 -I%root/runtime 2>&1 | %FileCheck %s --check-prefixes=ALL,BOTH --match-full-lines --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %root/build/escape-clang -m --m-scope=maps %s -- -std=gnu11 -I%root/runtime 2>&1 | %FileCheck %s --check-prefixes=MAPS,BOTH --match-full-lines --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O0 -c %s %plugin -fplugin-arg-escape-m=2 -fplugin-arg-escape-m-scope=maps -o /dev/null 2>&1 | %FileCheck %s --check-prefix=FLOW --match-full-lines
// RUN: %root/build/escape-clang -m=2 --m-scope=maps %s -- -std=gnu11 -I%root/runtime 2>&1 | %FileCheck %s --check-prefix=FLOW --match-full-lines
// RUN: %not %cc -c %s %plugin -fplugin-arg-escape-m-scope=some -o /dev/null 2>&1 | %FileCheck %s --check-prefix=BAD
// RUN: %not %root/build/escape-clang -m --m-scope=some %s -- -std=gnu11 -I%root/runtime 2>&1 | %FileCheck %s --check-prefix=BAD
// MAPS-NOT: leaking param content
// BAD: bad value 'some' for option 'm-scope' (expected all or maps)
#include "gomap.h"

#define NAME keep_a
#define BODY return m;
#include "Inputs/body.h"
#undef NAME
#undef BODY
#define NAME keep_b
#define BODY return 0;
#include "Inputs/body.h"
#undef NAME
#define NAME keep_c
#include "Inputs/body.h"
// BOTH: {{.*}}body.h:3:27: leaking param: m to result ~r0 level=0 (in keep_a)
// BOTH-NEXT: {{.*}}body.h:3:27: m does not escape (in keep_b)
// BOTH-NEXT: {{.*}}body.h:3:27: m does not escape (in keep_c)
// ALL-NEXT: {{.*}}body.h:3:35: x does not escape
// FLOW: {{.*}}body.h:3:27: leaking param: m to result ~r0 level=0 (in keep_a)
// FLOW-NEXT: {{.*}}body.h:3:27:   flow: ~r0 = m:
// FLOW-NEXT: {{.*}}body.h:3:27:     from m (return) at {{.*}}body.h:6:5
// FLOW-NEXT: {{.*}}body.h:3:27: m does not escape (in keep_b)
// FLOW-NEXT: {{.*}}body.h:3:27: m does not escape (in keep_c)

struct cache { gomap *m; int hits; };

// ALL: {{.*}}diag-scope.c:[[@LINE+1]]:29: leaking param content: s
size_t text_len(const char *s)
{
    size_t n = 0;
    while (s[n]) n++;
    return n;
}

// BOTH: {{.*}}diag-scope.c:[[@LINE+3]]:25: c does not escape
// ALL-NEXT: {{.*}}diag-scope.c:[[@LINE+2]]:40: leaking param content: key
// FLOW: {{.*}}diag-scope.c:[[@LINE+1]]:25: c does not escape
void fill(struct cache *c, const char *key)
{
    // BOTH-NEXT: {{.*}}diag-scope.c:[[@LINE+4]]:12: make(map[int]int) escapes to heap
    // FLOW-NEXT: {{.*}}diag-scope.c:[[@LINE+3]]:12: make(map[int]int) escapes to heap
    // FLOW-NEXT: {{.*}}diag-scope.c:[[@LINE+2]]:12:   flow: {heap} = &{storage for make(map[int]int)}:
    // FLOW-NEXT: {{.*}}diag-scope.c:[[@LINE+1]]:12:     from make(map[int]int) ({{assign|call result}}: stored through parameter c) at {{.*}}diag-scope.c:[[@LINE+1]]:{{10|12}}
    c->m = gomap_make(GOMAP_TYPE(int, int), 0);
    c->hits = (int)text_len(key);
}

// Nothing in this unit hands lookup a map: its parameters are not printed
// under m-scope=maps.  (The runtime reads the key k points to as data: it may be
// a view of a pointer's bytes.)
// ALL: {{.*}}diag-scope.c:[[@LINE+2]]:26: c does not escape
// ALL-NEXT: {{.*}}diag-scope.c:[[@LINE+1]]:34: leaking param content: k
int lookup(struct cache *c, int *k)
{
    int *v = gomap_access(c->m, k);
    return v ? *v : 0;
}

// ALL: {{.*}}diag-scope.c:[[@LINE+1]]:17: x does not escape
gomap *use(int *x)
{
    // BOTH: {{.*}}diag-scope.c:[[@LINE+6]]:16: make(map[int]int) escapes to heap
    // FLOW-NEXT: {{.*}}diag-scope.c:[[@LINE+5]]:16: make(map[int]int) escapes to heap
    // FLOW-NEXT: {{.*}}diag-scope.c:[[@LINE+4]]:16:   flow: m = &{storage for make(map[int]int)}:
    // FLOW-NEXT: {{.*}}diag-scope.c:[[@LINE+3]]:16:     from make(map[int]int) (call result) at {{.*}}diag-scope.c:[[@LINE+3]]:16
    // FLOW-NEXT: {{.*}}diag-scope.c:[[@LINE+2]]:16:   flow: ~r0 = m:
    // FLOW-NEXT: {{.*}}diag-scope.c:[[@LINE+1]]:16:     from m (return) at {{.*}}diag-scope.c:[[@LINE+4]]:12
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    keep_b(m, x);
    keep_c(m, x);
    return keep_a(m, x);
}
