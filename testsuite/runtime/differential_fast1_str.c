// Differential test through the entry points for gostring keys
// (gomap_*_faststr, the key by value): random map operations checked against a
// reference (see Inputs/differential.h).
// RUN: %cc -O2 %asan %s %gomap_asan -o %t && %t | %FileCheck %s
#define FAST 1
#define STRKEY 1
#define VALSIZE 16
#define NOPS 170000
#define SEED 16
#include "Inputs/differential.h"
// CHECK: differential key=string val=16: 170000 ops, ok
