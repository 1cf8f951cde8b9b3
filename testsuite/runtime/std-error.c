/* gomap.h needs C11 (C++11 in C++): under an older standard it stops with one
 * #error naming the one it needs, not a cascade of errors about what follows.
 * (Block comments: C90 has no line comments.)
 * RUN: %not %cc -std=c89 -fsyntax-only %s 2>&1 | %FileCheck %s --check-prefix=C --implicit-check-not=error:
 * RUN: %not %cc -ansi -fsyntax-only %s 2>&1 | %FileCheck %s --check-prefix=C --implicit-check-not=error:
 * RUN: %not %cc -std=gnu99 -fsyntax-only %s 2>&1 | %FileCheck %s --check-prefix=C --implicit-check-not=error:
 * RUN: %not g++ -std=c++98 -I%root/runtime -x c++ -fsyntax-only %s 2>&1 | %FileCheck %s --check-prefix=CXX --implicit-check-not=error:
 * C: error: {{(#error )?}}"gomap.h requires C11 or later (-std=gnu11)"
 * CXX: error: #error "gomap.h requires C++11 or later (-std=c++11)"
 */
#include "gomap.h"

int main(void)
{
    return 0;
}
