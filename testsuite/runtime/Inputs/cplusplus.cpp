// A C++ program using the map through gomap.h (runtime/cplusplus.test builds it
// with g++ and clang++, C++11 to C++20, and runs it; clang/cplusplus.test reads
// its map types with escape-clang: the M lines; C-style casts, which the
// analysis follows: it does not model C++ casts, and a map converted by one escapes).
#include "gomap.h"
#include <cstdio>
#include <sstream>
#include <string>
#include <vector>
#include <algorithm>

struct point { short x; short y; };

static long sum_squares(int n)
{
    gomap *m = gomap_make(GOMAP_TYPE(int, long), 0); // M: cplusplus.cpp:[[@LINE]]:16: make(map[int]long) does not escape
    for (int i = 0; i < n; i++) *(long *)(gomap_assign(m, &i)) = long(i) * i;
    long s = 0;
    gomap_iter it;
    void *k, *v;
    gomap_iter_init(&it, m);
    while (gomap_iter_next(&it, &k, &v)) s += *(long *)(v);
    gomap_free(m);
    return s;
}

// Words of a text, each read into the same std::string: the map copies them.
static std::vector<std::pair<std::string, int> > count_words(const char *text)
{
    gomap *m = gomap_make(GOMAP_TYPE_STRCOPY(int), 0); // M: cplusplus.cpp:[[@LINE]]:16: make(map[gostring]int) does not escape
    std::istringstream in(text);
    std::string w;
    while (in >> w) {
        gostring k = { w.data(), w.size() };
        ++*(int *)(gomap_assign(m, &k));
    }
    std::vector<std::pair<std::string, int> > out;
    gomap_iter it;
    void *k, *v;
    gomap_iter_init(&it, m);
    while (gomap_iter_next(&it, &k, &v)) {
        const gostring *s = (const gostring *)(k);
        out.push_back(std::make_pair(std::string(s->ptr, s->len), *(int *)(v)));
    }
    std::sort(out.begin(), out.end());
    gomap_free(m);
    return out;
}

int main()
{
    std::printf("sum %ld\n", sum_squares(1000));
    // CHECK: sum 332833500
    const gomap_type *pt = GOMAP_TYPE(point, double);
    gomap *pm = gomap_make(pt, 0); // M: cplusplus.cpp:[[@LINE]]:17: make(map[point]double) does not escape
    point p = { 3, 4 };
    *(double *)(gomap_assign(pm, &p)) = 5.0;
    double *d = (double *)(gomap_access(pm, &p));
    std::printf("%s %zu %g\n", pt->name, gomap_len(pm), d ? *d : -1.0);
    // CHECK-NEXT: map[point]double 1 5
    gomap_free(pm);

    gomap *sm = gomap_make(GOMAP_TYPE_STR(int), 0); // M: cplusplus.cpp:[[@LINE]]:17: make(map[gostring]int) does not escape
    gostring hello = GOSTR("hello");
    *(int *)(gomap_assign(sm, &hello)) = 42;
    std::string again("hello");
    gostring k = { again.c_str(), again.size() };
    std::printf("hello %d\n", *(int *)(gomap_access(sm, &k)));
    // CHECK-NEXT: hello 42
    gomap_free(sm);

    std::vector<std::pair<std::string, int> > words =
        count_words("the cat and the dog and the bird saw the other cat");
    for (size_t i = 0; i < words.size(); i++) std::printf("%s=%d ", words[i].first.c_str(), words[i].second);
    std::printf("\n");
    // CHECK-NEXT: and=2 bird=1 cat=2 dog=1 other=1 saw=1 the=4
    gomap_memstats st;
    gomap_read_memstats(&st);
    std::printf("balanced %d\n", st.heap_allocs == st.heap_frees && st.heap_bytes == 0);
    // CHECK-NEXT: balanced 1
    return 0;
}
