// Differential test, gostring keys and 16-byte values: 170,000 random map
// operations checked against a reference (see Inputs/differential.h); the six
// differential_*.c files together run 1,020,000 operations.
// RUN: %cc -O2 %asan %s %gomap_asan -o %t && %t | %FileCheck %s
#define STRKEY 1
#define VALSIZE 16
#define NOPS 170000
#define SEED 6
#include "Inputs/differential.h"
// CHECK: differential key=string val=16: 170000 ops, ok
