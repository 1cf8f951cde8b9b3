// Both front ends: columns as GCC counts them.  Display columns by default (a
// tab advances to the next multiple of -ftabstop, 8 unless given), bytes with
// -fdiagnostics-column-unit=byte.
//
// RUN: %cc -O0 -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --check-prefix=DISPLAY
// RUN: %root/build/escape-clang -m %s -- -std=gnu11 -I%root/runtime 2>&1 | %FileCheck %s --check-prefix=DISPLAY
// RUN: %cc -O0 -c %s %plugin -fplugin-arg-escape-m -fdiagnostics-column-unit=byte -o /dev/null 2>&1 | %FileCheck %s --check-prefix=BYTE
// RUN: %root/build/escape-clang -m %s -- -std=gnu11 -I%root/runtime -fdiagnostics-column-unit=byte 2>&1 | %FileCheck %s --check-prefix=BYTE
// RUN: %cc -O0 -c %s %plugin -fplugin-arg-escape-m -ftabstop=4 -o /dev/null 2>&1 | %FileCheck %s --check-prefix=TAB4
// RUN: %root/build/escape-clang -m %s -- -std=gnu11 -I%root/runtime -ftabstop=4 2>&1 | %FileCheck %s --check-prefix=TAB4
#include "gomap.h"

// DISPLAY: {{.*}}:[[@LINE+3]]:24: m does not escape
// BYTE: {{.*}}:[[@LINE+2]]:22: m does not escape
// TAB4: {{.*}}:[[@LINE+1]]:24: m does not escape
size_t	count(	gomap *m)
{
	return gomap_len(m);
}

size_t tabbed(void)
{
	// DISPLAY: {{.*}}:[[@LINE+3]]:20: make(map[int]int) does not escape
	// BYTE: {{.*}}:[[@LINE+2]]:13: make(map[int]int) does not escape
	// TAB4: {{.*}}:[[@LINE+1]]:16: make(map[int]int) does not escape
	gomap *m = gomap_make(GOMAP_TYPE(int, int), 0);
	return count(m);
}
