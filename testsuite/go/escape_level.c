// C port of Go 1.19's test/escape_level.go: levels of indirection between a
// local and the global it is stored to.  Go's `sink interface{}` becomes
// `void *sink`; Go's "moved to heap: x" is our "&x escapes to heap".  Where Go
// stores an int into the interface (boxing: "*p2 escapes to heap") C stores the
// int into a global long: nothing escapes, as for Go's i.  Table: README.md.
// -Wno-dangling-pointer: storing addresses of locals into globals is the point.
//
// RUN: %cc -O0 -Wno-dangling-pointer -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %root/build/escape-clang -m %s -- -std=gnu11 -I%root/runtime 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O2 -Wno-dangling-pointer -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking

void *sink;
long isink;

// Go: i, p0, p1, p2 moved to heap.  Ours: the same four.
void level0(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:9: &i escapes to heap
    int i = 0;
    // CHECK: {{.*}}:[[@LINE+1]]:10: &p0 escapes to heap
    int *p0 = &i;
    // CHECK: {{.*}}:[[@LINE+1]]:11: &p1 escapes to heap
    int **p1 = &p0;
    // CHECK: {{.*}}:[[@LINE+1]]:12: &p2 escapes to heap
    int ***p2 = &p1;
    sink = &p2;
}

// Go: i, p0, p1 moved to heap.  Ours: the same.
void level1(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:9: &i escapes to heap
    int i = 0;
    // CHECK: {{.*}}:[[@LINE+1]]:10: &p0 escapes to heap
    int *p0 = &i;
    // CHECK: {{.*}}:[[@LINE+1]]:11: &p1 escapes to heap
    int **p1 = &p0;
    int ***p2 = &p1;
    sink = p2;
}

// Go: i, p0 moved to heap.  Ours: the same.
void level2(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:9: &i escapes to heap
    int i = 0;
    // CHECK: {{.*}}:[[@LINE+1]]:10: &p0 escapes to heap
    int *p0 = &i;
    int **p1 = &p0;
    int ***p2 = &p1;
    sink = *p2;
}

// Go: i moved to heap.  Ours: the same.
void level3(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:9: &i escapes to heap
    int i = 0;
    int *p0 = &i;
    int **p1 = &p0;
    int ***p2 = &p1;
    sink = **p2;
}

// Go: i, p0, p2 moved to heap.  Ours: the same.
void level4(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:9: &i escapes to heap
    int i = 0;
    // CHECK: {{.*}}:[[@LINE+1]]:10: &p0 escapes to heap
    int *p0 = &i;
    int **p1 = &p0;
    // CHECK: {{.*}}:[[@LINE+1]]:11: &p2 escapes to heap
    int **p2 = p1;
    sink = &p2;
}

// Go: i, p0 moved to heap.  Ours: the same.
void level5(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:9: &i escapes to heap
    int i = 0;
    // CHECK: {{.*}}:[[@LINE+1]]:10: &p0 escapes to heap
    int *p0 = &i;
    int **p1 = &p0;
    int **p2 = p1;
    sink = p2;
}

// Go: i moved to heap.  Ours: the same.
void level6(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:9: &i escapes to heap
    int i = 0;
    int *p0 = &i;
    int **p1 = &p0;
    int **p2 = p1;
    sink = *p2;
}

// Go: i, p2 moved to heap (*p1 == &i).  Ours: the same.
void level7(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:9: &i escapes to heap
    int i = 0;
    int *p0 = &i;
    int **p1 = &p0;
    // CHECK: {{.*}}:[[@LINE+1]]:10: &p2 escapes to heap
    int *p2 = *p1;
    sink = &p2;
}

// Go: i moved to heap.  Ours: the same.
void level8(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:9: &i escapes to heap
    int i = 0;
    int *p0 = &i;
    int **p1 = &p0;
    int *p2 = *p1;
    sink = p2;
}

// Go: "*p2 escapes to heap" (the int is boxed into the interface), i stays.
// Ours: the int is copied into a global long; nothing escapes.
void level9(void)
{
    int i = 0;
    int *p0 = &i;
    int **p1 = &p0;
    int *p2 = *p1;
    isink = *p2;
}

// Go: "*p2 escapes to heap" (boxing), i stays.  Ours: nothing escapes.
void level10(void)
{
    int i = 0;
    int *p0 = &i;
    int p1 = *p0;
    int *p2 = &p1;
    isink = *p2;
}

// Go: p2 moved to heap.  Ours: the same.
void level11(void)
{
    int i = 0;
    int *p0 = &i;
    int **p1 = &p0;
    // CHECK: {{.*}}:[[@LINE+1]]:9: &p2 escapes to heap
    int p2 = **p1;
    sink = &p2;
}
