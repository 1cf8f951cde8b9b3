// Rule: a callee's summary is used only when its body is the one that runs.
// In a position-independent build (-fPIC, a shared library) an exported
// function can be replaced at dynamic link time, so calls to it keep
// everything; hidden and static functions, and everything under
// -fno-semantic-interposition or without -fPIC, use their summaries.  Both
// front ends read visibility (attributes, -fvisibility) and the flags.
//
// RUN: %cc -O2 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --check-prefixes=CHECK,FIXED --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O2 -fPIC -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --check-prefixes=CHECK,PIC --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O0 -fPIC -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --check-prefixes=CHECK,PIC --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O2 -fPIC -fno-semantic-interposition -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --check-prefixes=CHECK,FIXED --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %root/build/escape-clang -m %s -- -std=gnu11 -I%root/runtime 2>&1 | %FileCheck %s --check-prefixes=CHECK,FIXED --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %root/build/escape-clang -m %s -- -std=gnu11 -I%root/runtime -fPIC 2>&1 | %FileCheck %s --check-prefixes=CHECK,PIC --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %root/build/escape-clang -m %s -- -std=gnu11 -I%root/runtime -fPIC -fno-semantic-interposition 2>&1 | %FileCheck %s --check-prefixes=CHECK,FIXED --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %root/build/escape-clang -m %s -- -std=gnu11 -I%root/runtime -fno-semantic-interposition -fsemantic-interposition -fPIC 2>&1 | %FileCheck %s --check-prefixes=CHECK,PIC --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %root/build/escape-clang -m %s -- -std=gnu11 -I%root/runtime -fPIC -fvisibility=hidden 2>&1 | %FileCheck %s --check-prefixes=CHECK,FIXED --implicit-check-not=escape --implicit-check-not=leaking
#include "gomap.h"

// CHECK: {{.*}}:[[@LINE+1]]:31: m does not escape
size_t exported_reader(gomap *m)
{
    return gomap_len(m);
}

// CHECK: {{.*}}:[[@LINE+1]]:67: m does not escape
__attribute__((visibility("hidden"))) size_t hidden_reader(gomap *m)
{
    return gomap_len(m);
}

// CHECK: {{.*}}:[[@LINE+1]]:36: m does not escape
static size_t static_reader(gomap *m)
{
    return gomap_len(m);
}

size_t calls_exported(void)
{
    // FIXED: {{.*}}:[[@LINE+2]]:16: make(map[int]int) does not escape
    // PIC: {{.*}}:[[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    size_t n = exported_reader(m);
    gomap_free(m);
    return n;
}

size_t calls_hidden(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) does not escape
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    size_t n = hidden_reader(m);
    gomap_free(m);
    return n;
}

size_t calls_static(void)
{
    // CHECK: {{.*}}:[[@LINE+1]]:16: make(map[int]int) does not escape
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    size_t n = static_reader(m);
    gomap_free(m);
    return n;
}
