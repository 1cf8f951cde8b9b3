// Differential test through the entry points by key kind and the one-bucket
// inline paths the escape plugin calls for stack maps (gomap_fast.h): random
// map operations checked against a reference (see Inputs/differential.h).
// RUN: %cc -O2 %asan %s %gomap_asan -o %t && %t | %FileCheck %s
#define FAST 2
#define KEYSIZE 8
#define VALSIZE 8
#define NOPS 170000
#define SEED 23
#include "Inputs/differential.h"
// CHECK: differential key=8 val=8: 170000 ops, ok
