// esc_known_libc: the shared table of library functions and builtins.
// RUN: %cc -Werror -I%root/plugin/core %s %root/plugin/core/*.c -o %t && %t | %FileCheck %s --match-full-lines
#include "escape.h"

#include <stdio.h>

int main(void)
{
    static const char *names[] = { "memcpy", "__builtin___memcpy_chk", "bcopy", "strchr",
                                   "strlen", "__builtin_expect", "expect", "va_start",
                                   "__builtin_va_start", "qsort", NULL };
    for (int i = 0; names[i]; i++) printf("%s %d\n", names[i], (int)esc_known_libc(names[i]));
    printf("null %d\n", (int)esc_known_libc(NULL));
    return 0;
}
// CHECK:      memcpy 2
// CHECK-NEXT: __builtin___memcpy_chk 2
// CHECK-NEXT: bcopy 3
// CHECK-NEXT: strchr 7
// CHECK-NEXT: strlen 6
// CHECK-NEXT: __builtin_expect 4
// CHECK-NEXT: expect 0
// CHECK-NEXT: va_start 0
// CHECK-NEXT: __builtin_va_start 5
// CHECK-NEXT: qsort 0
// CHECK-NEXT: null 0
