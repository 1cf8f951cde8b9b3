// The rewrite when the unit does not declare gomap_make_on (no gomap.h): the
// plugin builds the declaration itself, also for -flto, where the new callee
// must reach the link-time call graph.
//
// RUN: %cc -O0 %s %plugin %gomap -o %t.0 && %t.0 | %FileCheck %s
// RUN: %cc -O2 -flto %s %plugin %gomap -o %t.lto && %t.lto | %FileCheck %s
// RUN: %cc -O2 %asan %s %plugin %gomap_asan -o %t.asan && %t.asan | %FileCheck %s
// RUN: %cc -O2 %s %gomap -o %t.heap && %t.heap | %FileCheck %s --check-prefix=HEAP
// CHECK: len=5 stack_maps=1 stack_buckets=1
// HEAP: len=5 stack_maps=0 stack_buckets=0
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
typedef struct gomap gomap;
typedef struct gomap_type { uint32_t version, keysize, valsize, keyalign, valalign, flags; const char *name; } gomap_type;
gomap *gomap_make(const gomap_type *t, size_t hint);
void *gomap_assign(gomap *m, const void *key);
size_t gomap_len(const gomap *m);
void gomap_free(gomap *m);
typedef struct { uint64_t heap_allocs, heap_frees, heap_bytes, stack_maps, stack_buckets; } stats;
void gomap_read_memstats(stats *out);
static const gomap_type T = { 1, 4, 4, 4, 4, 0, "map[int]int" };
int main(void) {
  gomap *m = gomap_make(&T, 0);
  for (int i = 0; i < 5; i++) *(int *)gomap_assign(m, &i) = i;
  size_t n = gomap_len(m);
  gomap_free(m);
  stats s;
  gomap_read_memstats(&s);
  printf("len=%zu stack_maps=%llu stack_buckets=%llu\n", n,
         (unsigned long long)s.stack_maps, (unsigned long long)s.stack_buckets);
  return 0;
}
