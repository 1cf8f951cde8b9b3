// The cases of Go 1.19's test/escape2.go and test/escape_param.go where a
// parameter's pointee is only read as an int (copied to a global int, to
// another object's int, or returned as an int): Go says the parameter does not
// escape, and so does the plugin under the exposure rule (docs/design.md,
// "Soundness"): a typed int read of memory that holds no raw pointer bytes reads
// no pointer, so the int carries nothing and nothing needs to follow it.
// Table: README.md.
// -Wno-dangling-pointer: storing addresses of locals into globals is the point.
//
// RUN: %cc -O0 -Wno-dangling-pointer -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %root/build/escape-clang -m %s -- -std=gnu11 -I%root/runtime 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O2 -Wno-dangling-pointer -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking

int **xxx;
int *x;
long isink;
struct Bar { int i; int *ii; };
struct Foo { int *xx; int x; };
struct Foo F;

// ---- from escape2.go

// Go: xx, yy do not escape.  Ours: the same.
// CHECK: {{.*}}:[[@LINE+2]]:17: xx does not escape
// CHECK: {{.*}}:[[@LINE+1]]:26: yy does not escape
void foo7(int **xx, int *yy)
{
    **xx = *yy;
}

// Go: xx, yy do not escape.  Ours: the same.
// CHECK: {{.*}}:[[@LINE+2]]:15: xx does not escape
// CHECK: {{.*}}:[[@LINE+1]]:24: yy does not escape
int foo8(int *xx, int *yy)
{
    xx = yy;
    return *xx;
}

// Go: xx, yy do not escape.  Ours: the same.
// CHECK: {{.*}}:[[@LINE+2]]:17: xx does not escape
// CHECK: {{.*}}:[[@LINE+1]]:26: yy does not escape
void foo10(int *xx, int *yy)
{
    *xx = *yy;
}

// Go: yyy does not escape.  Ours: the same.
// CHECK: {{.*}}:[[@LINE+1]]:18: yyy does not escape
void foo14(int **yyy)
{
    **xxx = **yyy;
}

// Go: yy does not escape.  Ours: the same.
// CHECK: {{.*}}:[[@LINE+1]]:17: yy does not escape
void foo17(int *yy)
{
    **xxx = *yy;
}

// Go: b does not escape.  Ours: the same.
// CHECK: {{.*}}:[[@LINE+1]]:28: b does not escape
int Bar_NoLeak(struct Bar *b)
{
    return *b->ii;
}

// Go: xx does not escape.  Ours: the same.
// CHECK: {{.*}}:[[@LINE+1]]:20: xx does not escape
int foonoleak(int *xx)
{
    return *x + *xx;
}

// Go: nothing.  Ours: nothing.
int foo32(int x)
{
    return foonoleak(&x);
}

// Go: f does not escape.  Ours: the same.
// CHECK: {{.*}}:[[@LINE+1]]:32: f does not escape
void Foo_foonoleak(struct Foo *f)
{
    F.x = f->x;
}

// Go: f does not escape.  Ours: the same.
// CHECK: {{.*}}:[[@LINE+1]]:29: f does not escape
void Foo_NoLeak(struct Foo *f)
{
    Foo_foonoleak(f);
}

// Go: f does not escape.  Ours: the same.
// CHECK: {{.*}}:[[@LINE+1]]:28: f does not escape
void Foo_foo45(struct Foo *f)
{
    F.x = f->x;
}

// ---- from escape_param.go

// **in -> heap, an int: Go: i does not escape ("*(*i) escapes to heap" is the
// boxing).  Ours: i does not escape.
// CHECK: {{.*}}:[[@LINE+1]]:19: i does not escape
void param8(int **i)
{
    isink = **i;
}

// Go: nothing.  Ours: nothing.
void caller8(void)
{
    int i = 0;
    int *p = &i;
    param8(&p);
}
