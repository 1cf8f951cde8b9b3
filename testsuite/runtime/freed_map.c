// A map used after gomap_free, or freed twice, aborts with "use of freed map":
// a map on caller storage (gomap_make_on, as the plugin makes them) always, a
// heap map until malloc reuses its header (here: at once).  Every entry point:
// len, access, assign, delete, clear, iteration (started or resumed), free;
// "all" runs each in a child process and reports how it ended.  Under the ASan
// runtime a heap header is freed memory, and ASan reports the read first
// (heap-use-after-free); a header on the stack stays readable.
// RUN: %cc -O0 %s %gomap -o %t0 && %cc -O2 %s %gomap -o %t2
// RUN: %cc %asan %s %gomap_asan -o %ta
// RUN: %not --crash %t0 stack free 2>&1 | %FileCheck %s
// RUN: %not --crash %t2 stack free 2>&1 | %FileCheck %s
// RUN: %not --crash %ta stack free 2>&1 | %FileCheck %s
// RUN: %not --crash %t0 heap free 2>&1 | %FileCheck %s
// RUN: %not --crash %t2 heap access 2>&1 | %FileCheck %s
// RUN: %not --crash %ta stack access 2>&1 | %FileCheck %s
// CHECK: freed, now [[OP:[a-z]+]]
// CHECK-NEXT: fatal error: use of freed map
// CHECK-NOT: not caught
// RUN: %t0 stack all 2>&1 | %FileCheck %s --check-prefix=ALL
// RUN: %t2 stack all 2>&1 | %FileCheck %s --check-prefix=ALL
// RUN: %ta stack all 2>&1 | %FileCheck %s --check-prefix=ALL
// RUN: %t0 heap all 2>&1 | %FileCheck %s --check-prefix=ALL
// RUN: %t2 heap all 2>&1 | %FileCheck %s --check-prefix=ALL
// ALL: freed, now len
// ALL-NEXT: fatal error: use of freed map
// ALL-NEXT: len: aborted
// ALL: freed, now access
// ALL-NEXT: fatal error: use of freed map
// ALL-NEXT: access: aborted
// ALL: freed, now assign
// ALL-NEXT: fatal error: use of freed map
// ALL-NEXT: assign: aborted
// ALL: freed, now delete
// ALL-NEXT: fatal error: use of freed map
// ALL-NEXT: delete: aborted
// ALL: freed, now clear
// ALL-NEXT: fatal error: use of freed map
// ALL-NEXT: clear: aborted
// ALL: freed, now iter
// ALL-NEXT: fatal error: use of freed map
// ALL-NEXT: iter: aborted
// ALL: freed, now resume
// ALL-NEXT: fatal error: use of freed map
// ALL-NEXT: resume: aborted
// ALL: freed, now free
// ALL-NEXT: fatal error: use of freed map
// ALL-NEXT: free: aborted
// RUN: %not %ta heap access 2>&1 | %FileCheck %s --check-prefix=ASAN
// ASAN: ERROR: AddressSanitizer: heap-use-after-free
// ASAN: #{{[0-9]+}} {{.*}} in use {{.*}}freed_map.c
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "gomap.h"

_Alignas(GOMAP_HMAP_ALIGN) static char hmap[GOMAP_HMAP_SIZE];
_Alignas(8) static char bucket[256];

static void use(int stack, const char *op)
{
    const gomap_type *t = GOMAP_TYPE(long, long);
    gomap *m = stack ? gomap_make_on(t, 0, hmap, bucket) : gomap_make(t, 0);
    gomap_iter it;
    void *k, *v;
    for (long i = 0; i < 20; i++) *(long *)gomap_assign(m, &i) = i;
    gomap_iter_init(&it, m);
    gomap_iter_next(&it, &k, &v);
    gomap_free(m);
    printf("freed, now %s\n", op);
    fflush(stdout);
    long key = 3;
    if (!strcmp(op, "len")) printf("%zu\n", gomap_len(m));
    else if (!strcmp(op, "access")) printf("%p\n", gomap_access(m, &key));
    else if (!strcmp(op, "assign")) gomap_assign(m, &key);
    else if (!strcmp(op, "delete")) printf("%d\n", gomap_delete(m, &key));
    else if (!strcmp(op, "clear")) gomap_clear(m);
    else if (!strcmp(op, "iter")) gomap_iter_init(&it, m);
    else if (!strcmp(op, "resume")) gomap_iter_next(&it, &k, &v);
    else if (!strcmp(op, "free")) gomap_free(m);
    printf("not caught\n");
}

int main(int argc, char **argv)
{
    if (argc < 3) return 2;
    int stack = !strcmp(argv[1], "stack");
    if (strcmp(argv[2], "all")) {
        use(stack, argv[2]);
        return 0;
    }
    static const char *ops[] = { "len", "access", "assign", "delete", "clear", "iter",
                                 "resume", "free" };
    for (unsigned i = 0; i < sizeof ops / sizeof ops[0]; i++) {
        fflush(stdout);
        pid_t p = fork();
        if (p == 0) {
            use(stack, ops[i]);
            _exit(0);
        }
        int st;
        waitpid(p, &st, 0);
        printf("%s: %s\n", ops[i], WIFSIGNALED(st) && WTERMSIG(st) == SIGABRT ? "aborted" : "not aborted");
    }
    return 0;
}
