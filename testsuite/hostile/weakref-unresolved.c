// A weakref whose target this unit does not define has no alias target in GCC's
// symbol table: the plugin follows alias chains only through resolved ones
// (`analyzed`).  The plugin before this fix crashed (internal compiler error in
// symtab_node::get_alias_target, from fe_body_here; found by an attack helper);
// a call through the weakref is a call to unknown code: the map escapes.
//
// RUN: %cc -O0 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O2 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --implicit-check-not=escape --implicit-check-not=leaking
#include "gomap.h"

static int f(int) __attribute__((weakref("ext_target")));
static size_t keep(gomap *) __attribute__((weakref("ext_keep")));

int g(int x)
{
    return f ? f(x) : 0;
}

size_t h(void)
{
    // CHECK: [[@LINE+1]]:16: make(map[int]int) escapes to heap
    gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
    size_t n = keep ? keep(m) : 0;
    gomap_free(m);
    return n;
}
