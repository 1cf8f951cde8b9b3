// Rule: a map passed to a callee escapes when the callee may keep it: an
// unknown extern keeps everything, unless its parameter is
// __attribute__((noescape)); an indirect call keeps everything unless the
// parameter in the pointer's type is noescape; a callee with a body in the unit
// is judged by its summary (Go's leaking-param tags), also through recursion.
//
// RUN: %cc -O0 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %root/build/escape-clang -m %s -- -std=gnu11 -I%root/runtime 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O2 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O2 %asan -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
#include "gomap.h"

void unknown_sink(gomap *m);
void visit(gomap *m __attribute__((noescape)));
void visit2(int n, gomap *a __attribute__((noescape)), gomap *b);
typedef void visit_fn(gomap *m);
typedef void peek_fn(gomap *m __attribute__((noescape)));

gomap *kept;

void to_unknown(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    unknown_sink(m);
}

void to_noescape(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) does not escape
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    visit(m);
    gomap_free(m);
}

// Only the second argument position is noescape.
void to_mixed(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) does not escape
    gomap *a = gomap_make(GOMAP_TYPE(int, int), 0);
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *b = gomap_make(GOMAP_TYPE(int, int), 0);
    visit2(2, a, b);
    gomap_free(a);
}

// CHECK: {{.*}}:[[@LINE+1]]:32: fn does not escape
void through_pointer(visit_fn *fn)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    fn(m);
}

// CHECK: {{.*}}:[[@LINE+1]]:40: fn does not escape
void through_noescape_pointer(peek_fn *fn)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) does not escape
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    fn(m);
    gomap_free(m);
}

// ---- static helpers: summaries -------------------------------------------

// CHECK: {{.*}}:[[@LINE+1]]:28: m does not escape
static size_t count(gomap *m)
{
    return gomap_len(m);
}

// CHECK: {{.*}}:[[@LINE+1]]:25: leaking param: m
static void keep(gomap *m)
{
    kept = m;
}

// CHECK: {{.*}}:[[@LINE+1]]:31: leaking param: m to result ~r0 level=0
static gomap *identity(gomap *m)
{
    return m;
}

size_t helper_only_reads(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) does not escape
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    size_t n = count(m);
    gomap_free(m);
    return n;
}

void helper_keeps(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    keep(m);
}

// The helper returns its argument; the caller only uses the result locally.
size_t leak_to_result_used_locally(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) does not escape
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    gomap *r = identity(m);
    size_t n = gomap_len(r);
    gomap_free(r);
    return n;
}

// ... and here the caller returns it.
gomap *leak_to_result_returned(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    return identity(m);
}

// Recursion: the map is passed down and only read.
// CHECK: {{.*}}:[[@LINE+1]]:32: m does not escape
static size_t depth_len(gomap *m, int n)
{
    if (n > 0)
        return depth_len(m, n - 1);
    return gomap_len(m);
}

// Recursion: the bottom of the recursion keeps the map.
// CHECK: {{.*}}:[[@LINE+1]]:31: leaking param: m
static void depth_keep(gomap *m, int n)
{
    if (n > 0) {
        depth_keep(m, n - 1);
        return;
    }
    kept = m;
}

size_t recursion_reads(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) does not escape
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    size_t n = depth_len(m, 3);
    gomap_free(m);
    return n;
}

void recursion_keeps(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    depth_keep(m, 3);
}

// Mutual recursion: even/odd pass the map back and forth; only odd(0) keeps it.
static int odd_keep(gomap *m, int n);
// CHECK: {{.*}}:[[@LINE+1]]:29: leaking param: m
static int even_pass(gomap *m, int n)
{
    return n == 0 ? 1 : odd_keep(m, n - 1);
}
// CHECK: {{.*}}:[[@LINE+1]]:28: leaking param: m
static int odd_keep(gomap *m, int n)
{
    if (n == 0) {
        kept = m;
        return 0;
    }
    return even_pass(m, n - 1);
}

// Mutual recursion that only reads.
static size_t odd_len(gomap *m, int n);
// CHECK: {{.*}}:[[@LINE+1]]:31: m does not escape
static size_t even_len(gomap *m, int n)
{
    return n == 0 ? gomap_len(m) : odd_len(m, n - 1);
}
// CHECK: {{.*}}:[[@LINE+1]]:30: m does not escape
static size_t odd_len(gomap *m, int n)
{
    return n == 0 ? 0 : even_len(m, n - 1);
}

int mutual_keeps(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    return even_pass(m, 4);
}

size_t mutual_reads(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) does not escape
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    size_t n = even_len(m, 4);
    gomap_free(m);
    return n;
}

// An extern function defined in this unit can be replaced at link time only if
// it is interposable; in a non-PIC build its body is the one that runs.
// CHECK: {{.*}}:[[@LINE+1]]:29: m does not escape
size_t extern_reader(gomap *m)
{
    return gomap_len(m);
}

size_t calls_extern_reader(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) does not escape
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    size_t n = extern_reader(m);
    gomap_free(m);
    return n;
}

// A weak definition can be replaced by another unit's: nothing is trusted.
// CHECK: {{.*}}:[[@LINE+1]]:49: m does not escape
__attribute__((weak)) size_t weak_reader(gomap *m)
{
    return gomap_len(m);
}

void calls_weak_reader(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    weak_reader(m);
}

// The cleanup attribute calls its handler with the variable's address.
// CHECK: {{.*}}:[[@LINE+1]]:30: p does not escape
static void free_map(gomap **p)
{
    gomap_free(*p);
}

size_t with_cleanup(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:51: make(map[int]int) does not escape
    gomap *m __attribute__((cleanup(free_map))) = gomap_make(GOMAP_TYPE(int, int), 0);
    return gomap_len(m);
}
