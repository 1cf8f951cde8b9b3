// The harness can fail: this program makes the mistake a wrong plugin decision
// would make - a map that escapes, built by hand with gomap_make_on on storage
// in the frame of the function that returns it - and the run under
// detect_stack_use_after_return must abort with a stack-use-after-return report.
// This is what the other executable tests rely on to catch a map wrongly put on
// the stack.
//
// RUN: rm -rf %t.rt && mkdir -p %t.rt && cd %t.rt && %cc -O0 %asan -c %root/runtime/*.c
// RUN: %cc -O0 %asan -I %S/Inputs %s %t.rt/*.o -o %t
// RUN: %not %t 2> %t.err
// RUN: %FileCheck %s < %t.err
// CHECK: stack-use-after-return
#include "phase.h"
#include "gomap_layout.h"

static gomap *wrongly_on_stack(void)
{
    _Alignas(GOMAP_HMAP_ALIGN) unsigned char hmap[GOMAP_HMAP_SIZE];
    _Alignas(8) unsigned char bucket[80];   /* map[int]int: 8 + 32 + 32 + 8 */
    gomap *m = gomap_make_on(GOMAP_TYPE(int, int), 0, hmap, bucket);
    int k = 1;
    *(int *)gomap_assign(m, &k) = 2;
    return m;
}

int main(void)
{
    gomap *m = wrongly_on_stack();
    printf("len %zu\n", gomap_len(m));
    return 0;
}
