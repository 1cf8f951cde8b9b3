// Differential test through the entry points by key kind (gomap_*_fast32/fast64,
// the key by value): random map operations checked against a reference (see Inputs/differential.h).
// RUN: %cc -O2 %asan %s %gomap_asan -o %t && %t | %FileCheck %s
#define FAST 1
#define KEYSIZE 4
#define VALSIZE 4
#define NOPS 170000
#define SEED 12
#include "Inputs/differential.h"
// CHECK: differential key=4 val=4: 170000 ops, ok
