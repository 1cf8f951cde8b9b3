// Wrong types through the typed layer are compile errors, with GCC and Clang: a
// string literal where the key is a gostring, a gostring where it is an int, a
// struct value, another map type's handle in a macro (gomap_set, gomap_foreach), an
// integer where the value is a pointer.  A read function given another map type's
// handle is GCC 12's C warning, an error with -Werror=incompatible-pointer-types.
// The well-typed program (no CASE) compiles without a warning.
// RUN: %cc -Werror -fsyntax-only %s
// RUN: %not %cc -fsyntax-only -DCASE=1 %s 2>&1 | %FileCheck %s --check-prefix=C1
// C1: error: incompatible type for argument 2 of 'wc_get'
// RUN: %not %cc -fsyntax-only -DCASE=2 %s 2>&1 | %FileCheck %s --check-prefix=C2
// C2: error: incompatible types when initializing type 'ii_key' {aka 'int'} using type 'gostring'
// RUN: %not %cc -fsyntax-only -DCASE=3 %s 2>&1 | %FileCheck %s --check-prefix=C3
// C3: error: incompatible types when initializing type 'ii_val' {aka 'int'} using type 'struct pt'
// RUN: %not %cc -fsyntax-only -DCASE=4 %s 2>&1 | %FileCheck %s --check-prefix=C4
// C4: error: passing argument 1 of 'ii_gomap' from incompatible pointer type [-Werror=incompatible-pointer-types]
// RUN: %not %cc -fsyntax-only -DCASE=5 %s 2>&1 | %FileCheck %s --check-prefix=C5
// C5: error: passing argument 1 of 'ii_gomap' from incompatible pointer type [-Werror=incompatible-pointer-types]
// RUN: %not %cc -fsyntax-only -DCASE=6 %s 2>&1 | %FileCheck %s --check-prefix=C6
// C6: error: initialization of 'ip_val' {aka 'int *'} from 'int' makes pointer from integer without a cast [-Werror=int-conversion]
// RUN: %cc -fsyntax-only -DCASE=7 %s 2>&1 | %FileCheck %s --check-prefix=C7
// RUN: %not %cc -Werror=incompatible-pointer-types -fsyntax-only -DCASE=7 %s 2>&1 | %FileCheck %s --check-prefix=C7E
// C7: warning: passing argument 1 of 'ii_get' from incompatible pointer type
// C7E: error: passing argument 1 of 'ii_get' from incompatible pointer type
// RUN: %not clang -std=gnu11 -I%root/runtime -fsyntax-only -DCASE=1 %s 2>&1 | %FileCheck %s --check-prefix=CL1
// CL1: error: passing 'char[4]' to parameter of incompatible type 'gostring'
// RUN: %not clang -std=gnu11 -I%root/runtime -fsyntax-only -DCASE=4 %s 2>&1 | %FileCheck %s --check-prefix=CL4
// CL4: error: incompatible pointer types passing 'ip *' (aka 'struct ip_gomap_ *') to parameter of type 'const ii *'
#include "gomap_typed.h"

struct pt { int x, y; };
GOMAP_DECLARE(ii, int, int)
GOMAP_DECLARE(ip, int, int *)
GOMAP_DECLARE_STR(wc, int)

int use(void)
{
    ii *m = gomap_new(ii);
    ip *p = gomap_new(ip);
    wc *w = gomap_new(wc);
    int r = 0;
#if CASE == 1
    r += wc_get(w, "the", 0);
#elif CASE == 2
    gomap_set(ii, m, GOSTR("the"), 1);
#elif CASE == 3
    gomap_set(ii, m, 1, ((struct pt){ 1, 2 }));
#elif CASE == 4
    gomap_set(ii, p, 1, 2);
#elif CASE == 5
    gomap_foreach(ii, p, k, v) r += k + v;
#elif CASE == 6
    gomap_set(ip, p, 1, 2);
#elif CASE == 7
    r += ii_get(p, 1, 0);
#else
    gomap_set(ii, m, 1, 2);
    gomap_set(ip, p, 1, &r);
    gomap_set(wc, w, GOSTR("the"), 1);
    gomap_foreach(ii, m, k, v) r += k + v;
    r += wc_get(w, GOSTR("the"), 0);
#endif
    ii_free(m);
    ip_free(p);
    wc_free(w);
    return r;
}
