// Differential test, 200-byte keys and 136-byte values: 170,000 random map
// operations checked against a reference (see Inputs/differential.h); the six
// differential_*.c files together run 1,020,000 operations.
// RUN: %cc -O2 %asan %s %gomap_asan -o %t && %t | %FileCheck %s
#define KEYSIZE 200
#define VALSIZE 136
#define NOPS 170000
#define SEED 5
#include "Inputs/differential.h"
// CHECK: differential key=200 val=136: 170000 ops, ok
