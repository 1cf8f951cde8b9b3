// Differential test, 1-byte keys and 8-byte values: 170,000 random map
// operations checked against a reference (see Inputs/differential.h); the six
// differential_*.c files together run 1,020,000 operations.
// RUN: %cc -O2 %asan %s %gomap_asan -o %t && %t | %FileCheck %s
#define KEYSIZE 1
#define VALSIZE 8
#define NOPS 170000
#define SEED 1
#include "Inputs/differential.h"
// CHECK: differential key=1 val=8: 170000 ops, ok
