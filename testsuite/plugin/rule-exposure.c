// Rule (exposure, docs/design.md "Soundness"): a map whose handle's bytes are
// read as data escapes; integers are not followed.  A data load exposes the
// memory it reads when the access may read any bytes (character types,
// may_alias, union members, punned), or when it is typed and that memory may
// hold raw bytes (memcpy'd into, written through a pun).  Copies are not
// exposures: memcpy, struct assignment, a load only stored again.  Typed reads
// of memory holding no raw bytes stay precise: the maps below marked "does not
// escape" must stay on the stack.
//
// RUN: %cc -O0 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O2 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O2 %asan -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// With an explicit -fno-strict-aliasing every data load may read any bytes:
// RUN: %cc -O2 -fno-strict-aliasing -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --check-prefix=NSA
// escape-clang, the same verdicts:
// RUN: %root/build/escape-clang -m %s -- -std=gnu11 -I%root/runtime 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %root/build/escape-clang -m %s -- -std=gnu11 -I%root/runtime -fno-strict-aliasing 2>&1 | %FileCheck %s --check-prefix=NSA
#include <string.h>
#include "gomap.h"

extern void use(const void *p);

// ---- escapes ----

int byte_read(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    int r = ((unsigned char *)&m)[3] == 0x5a;
    gomap_free(m);
    return r;
}

union pun { gomap *m; unsigned long w; };

unsigned long union_member(void)
{
    union pun u;
    // CHECK: {{.*}}:[[@LINE+1]]:11: make(map[int]int) escapes to heap
    u.m = gomap_make(GOMAP_TYPE(int, int), 0);
    unsigned long w = u.w;
    gomap_free(u.m);
    return w & 1;
}

typedef unsigned short __attribute__((may_alias)) u16a;

int may_alias_read(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    int r = ((const u16a *)&m)[1] > 7;
    gomap_free(m);
    return r;
}

// A typed read of memory that holds the handle's bytes (memcpy'd into it).
int typed_read_of_raw(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    unsigned long w;
    memcpy(&w, &m, sizeof w);
    gomap_free(m);
    return (int)(w >> 4) & 1;
}

// The bytes copied through a char local, byte by byte, then read typed.
int char_loop_copy(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    unsigned long w;
    for (int i = 0; i < 8; i++) {
        unsigned char c = ((unsigned char *)&m)[i];
        ((unsigned char *)&w)[i] = c;
    }
    gomap_free(m);
    return (int)(w & 3);
}

// Raw bytes whose address reaches other code: it may read them typed.
void raw_seen(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    unsigned long w;
    // CHECK: {{.*}}:[[@LINE-1]]:19: &w escapes to heap
    memcpy(&w, &m, sizeof w);
    use(&w);
    gomap_free(m);
}

// memcmp reads the bytes as data.
int compared(gomap *other)
// CHECK: {{.*}}:[[@LINE-1]]:21: leaking param: other
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    int r = memcmp(&m, &other, sizeof m) < 0;
    gomap_free(m);
    return r;
}

// A slot holding the handle's bytes, read back as an integer.
unsigned long slot_bytes(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    // CHECK: {{.*}}:[[@LINE+1]]:19: make(map[int]uint64_t) does not escape
    gomap *side = gomap_make(GOMAP_TYPE(int, uint64_t), 0);
    int k = 1;
    memcpy(gomap_assign(side, &k), &m, sizeof m);
    unsigned long w = *(unsigned long *)gomap_access(side, &k);
    gomap_free(side);
    gomap_free(m);
    return w >> 3;
}

// A struct of a uint64_t holding raw bytes, copied whole, then read typed.
struct word { unsigned long w; };

unsigned long struct_copy_of_raw(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    struct word a, b;
    memcpy(&a.w, &m, sizeof m);
    b = a;
    gomap_free(m);
    return b.w >> 3;
}

// ---- stays on the stack ----

struct counter { gomap *seen; int hits; };

int typed_field(void)
{
    // NSA: {{.*}}:[[@LINE+2]]:26: make(map[int]int) escapes to heap
    // CHECK: {{.*}}:[[@LINE+1]]:26: make(map[int]int) does not escape
    struct counter c = { gomap_make(GOMAP_TYPE(int, int), 0), 0 };
    int k = 3;
    c.hits += *(int *)gomap_assign(c.seen, &k) + 1;
    struct counter d = c;                   /* a struct copy */
    int r = d.hits + c.hits;
    gomap_free(d.seen);
    return r;
}

int typed_slot(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) does not escape
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    int k = 3;
    *(int *)gomap_assign(m, &k) = 4;
    int *slot = gomap_access(m, &k);
    int r = slot ? *(int *)slot : 0;
    gomap_free(m);
    return r;
}

int int_array(const int *xs, int n)
// CHECK: {{.*}}:[[@LINE-1]]:26: xs does not escape
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) does not escape
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    int buf[4] = { 0 };
    int *p = buf;
    for (int i = 0; i < n && i < 4; i++) {
        p[i] = xs[i];
        *(int *)gomap_assign(m, &p[i]) = i;
    }
    int r = p[0] + (int)gomap_len(m);
    gomap_free(m);
    return r;
}

size_t memcpy_between_pointers(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) does not escape
    gomap *a = gomap_make(GOMAP_TYPE(int, int), 0);
    gomap *b;
    memcpy(&b, &a, sizeof b);
    size_t r = gomap_len(b);
    gomap_free(b);
    return r;
}

// A struct copy into memory through a pointer parameter: a copy, not data
// (the caller's memory behind `from` is copied where the caller's `to` is).
// CHECK: {{.*}}:[[@LINE+1]]:31: to does not escape
void copy_out(struct counter *to, const struct counter *from)
// CHECK: {{.*}}:[[@LINE-1]]:57: leaking param content: from
{
    *to = *from;
}

