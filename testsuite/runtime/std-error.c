/* gomap.h serves C99 and later and GNU C89 (C++11 and later in C++): under strict
 * C89/C90 (no inline functions) it stops with one #error naming the standard it
 * needs, not a cascade of errors about what follows; GNU C89 compiles.
 * (Block comments: C90 has no line comments.)
 * RUN: %not %cc -std=c89 -fsyntax-only %s 2>&1 | %FileCheck %s --check-prefix=C --implicit-check-not=error:
 * RUN: %not %cc -ansi -fsyntax-only %s 2>&1 | %FileCheck %s --check-prefix=C --implicit-check-not=error:
 * RUN: %not %cc -std=iso9899:199409 -fsyntax-only %s 2>&1 | %FileCheck %s --check-prefix=C --implicit-check-not=error:
 * RUN: %cc -std=gnu89 -fsyntax-only %s
 * RUN: %cc -std=c99 -fsyntax-only %s
 * RUN: %not g++ -std=c++98 -I%root/runtime -x c++ -fsyntax-only %s 2>&1 | %FileCheck %s --check-prefix=CXX --implicit-check-not=error:
 * C: error: {{(#error )?}}"gomap.h requires C99 or later (-std=gnu11 recommended), not strict C89/C90"
 * CXX: error: #error "gomap.h requires C++11 or later (-std=c++11)"
 */
#include "gomap.h"

int main(void)
{
    return 0;
}
