// Differential test, 4-byte keys and 4-byte values: 170,000 random map
// operations checked against a reference (see Inputs/differential.h); the six
// differential_*.c files together run 1,020,000 operations.
// RUN: %cc -O2 %asan %s %gomap_asan -o %t && %t | %FileCheck %s
#define KEYSIZE 4
#define VALSIZE 4
#define NOPS 170000
#define SEED 2
#include "Inputs/differential.h"
// CHECK: differential key=4 val=4: 170000 ops, ok
