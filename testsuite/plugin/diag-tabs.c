// Diagnostics: columns are counted as GCC counts them in its own diagnostics:
// a tab advances to the next multiple of 8 (display columns, the default), or
// counts as one byte with -fdiagnostics-column-unit=byte.  The site below is
// indented with one tab.
//
// RUN: %cc -O2 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --check-prefix=DISPLAY --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %cc -O2 -fdiagnostics-column-unit=byte -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --check-prefix=BYTE --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %root/build/escape-clang -m %s -- -I%root/runtime 2>&1 | %FileCheck %s --check-prefix=DISPLAY --implicit-check-not=escape --implicit-check-not=leaking
// RUN: %root/build/escape-clang -m %s -- -I%root/runtime -fdiagnostics-column-unit=byte 2>&1 | %FileCheck %s --check-prefix=BYTE --implicit-check-not=escape --implicit-check-not=leaking
#include "gomap.h"

void keep(gomap *m);

void tabbed(void)
{
// DISPLAY: {{.*}}:[[@LINE+2]]:20: make(map[int]int) escapes to heap
// BYTE: {{.*}}:[[@LINE+1]]:13: make(map[int]int) escapes to heap
	gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
	keep(m);
}
