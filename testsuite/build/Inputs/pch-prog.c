/* pch.test: keeps the header's promise; main's map and keep's caller's map go
 * on the stack, the map calls are specialised, and the program's output is
 * the same with and without the plugin. */
static long seen;
void keep(gomap *m) { seen += (long)gomap_len(m); }

__attribute__((noinline)) static long fill(int n)
{
    gomap *m = gomap_make(GOMAP_TYPE(long, long), 0);
    for (long i = 0; i < n; i++) *(long *)gomap_assign(m, &i) = i * 3;
    long s = 0;
    for (long i = 0; i < n; i++) s += *(long *)gomap_access(m, &i);
    keep(m);
    gomap_free(m);
    return s;
}

int main(void)
{
    gomap_memstats a, b;
    gomap_read_memstats(&a);
    long s = fill(5);
    gomap_read_memstats(&b);
    printf("sum %ld seen %ld, %llu stack map, %llu heap allocations\n", s, seen,
           (unsigned long long)(b.stack_maps - a.stack_maps),
           (unsigned long long)(b.heap_allocs - a.heap_allocs));
    return 0;
}
