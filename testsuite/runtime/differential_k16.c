// Differential test, 16-byte keys and 24-byte values: 170,000 random map
// operations checked against a reference (see Inputs/differential.h); the six
// differential_*.c files together run 1,020,000 operations.
// RUN: %cc -O2 %asan %s %gomap_asan -o %t && %t | %FileCheck %s
#define KEYSIZE 16
#define VALSIZE 24
#define NOPS 170000
#define SEED 4
#include "Inputs/differential.h"
// CHECK: differential key=16 val=24: 170000 ops, ok
