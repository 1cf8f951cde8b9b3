// Hostile inputs: code that declares gomap_make itself, without gomap.h: an old-style
// declaration called with no, one or three arguments, and (Inputs/own-gomap-make.c)
// a program's own unrelated `int gomap_make(int)`.  None of these is the runtime's
// gomap_make(const gomap_type *, size_t): no crash, no diagnostic, no rewrite.
// RUN: %cc -std=gnu89 -w -O0 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | count 0
// RUN: %cc -std=gnu89 -w -O2 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | count 0
// RUN: %cc -O2 -c %S/Inputs/own-gomap-make.c %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | count 0
// RUN: %cc -O2 %S/Inputs/own-gomap-make.c %plugin -o %t && %t | %FileCheck %s
// CHECK: 4
#include <stddef.h>

struct gomap;
struct gomap *gomap_make();
size_t gomap_len();
void gomap_free();

size_t none(void)
{
    struct gomap *m = gomap_make();
    size_t n = gomap_len(m);
    gomap_free(m);
    return n;
}

size_t one(void)
{
    struct gomap *m = gomap_make(5);
    size_t n = gomap_len(m);
    gomap_free(m);
    return n;
}

size_t three(void)
{
    struct gomap *m = gomap_make((void *)0, 0, 7);
    size_t n = gomap_len(m);
    gomap_free(m);
    return n;
}
