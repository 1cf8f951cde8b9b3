// The typed layer from C++ (typed-cxx.test): maps, sets, string keys, foreach.
#include <cstdio>
#include "gomap_typed.h"

GOMAP_DECLARE(ii, int, int)
GOMAP_DECLARE_STR(wc, int)
GOMAP_DECLARE_SET(iset, int)

int main()
{
    ii *m = gomap_new(ii);
    gomap_set(ii, m, 1, 2);
    (*gomap_put(ii, m, 1, nullptr))++;
    int v = 0;
    bool found = ii_lookup(m, 1, &v);
    iset *s = gomap_new(iset, 3);
    gomap_add(iset, s, 4);
    wc *w = gomap_new(wc);
    gostring g = { "x", 1 };
    gomap_set(wc, w, g, 7);
    int t = 0;
    gomap_foreach(ii, m, k, x) t += k + x;
    gomap_foreach_key(iset, s, k) t += k;
#ifdef WRONG_HANDLE
    t += ii_get(s, 1, 0);
#endif
    std::printf("get %d lookup %d %d sum %d words %zu x %d\n", ii_get(m, 1, 0), found, v, t,
                wc_len(w), wc_get(w, g, 0));
    ii_free(m);
    iset_free(s);
    wc_free(w);
    return 0;
}
