// maps_cc.cc - the u64 and string workloads (runner.h) on a C++ open-addressing
// table, chosen at compile time: -DIMPL_BOOST (boost::unordered_flat_map, Boost 1.81)
// or -DIMPL_ABSL (absl::flat_hash_map).  Default hashes; string keys are
// std::string_view borrowing the harness's bytes, like gomap's gostring.
#include <cstdint>
#include <string_view>
#include "workload.h"

#if defined(IMPL_BOOST)
#include <boost/unordered/unordered_flat_map.hpp>
template <class K, class V> using flat_map = boost::unordered_flat_map<K, V>;
#elif defined(IMPL_ABSL)
#include <absl/container/flat_hash_map.h>
template <class K, class V> using flat_map = absl::flat_hash_map<K, V>;
#else
#error "define IMPL_BOOST or IMPL_ABSL"
#endif

typedef flat_map<uint64_t, uint64_t> map_u64;
typedef flat_map<std::string_view, int64_t> map_str;

static inline map_u64 *mu_new(size_t hint)
{
    map_u64 *m = new map_u64;
    if (hint) m->reserve(hint);
    return m;
}
static inline void mu_put(map_u64 *m, uint64_t k, uint64_t v) { (*m)[k] = v; }
static inline bool mu_get(map_u64 *m, uint64_t k, uint64_t *v)
{
    auto it = m->find(k);
    if (it == m->end()) return false;
    *v = it->second;
    return true;
}
static inline bool mu_del(map_u64 *m, uint64_t k) { return m->erase(k) != 0; }
static inline size_t mu_len(map_u64 *m) { return m->size(); }
static inline uint64_t mu_sum(map_u64 *m)
{
    uint64_t s = 0;
    for (const auto &kv : *m) s += kv.first ^ kv.second;
    return s;
}
static inline void mu_free(map_u64 *m) { delete m; }

static inline map_str *ms_new(size_t hint)
{
    map_str *m = new map_str;
    if (hint) m->reserve(hint);
    return m;
}
static inline void ms_put(map_str *m, const char *p, size_t len, int64_t v)
{
    (*m)[std::string_view(p, len)] = v;
}
static inline bool ms_get(map_str *m, const char *p, size_t len, int64_t *v)
{
    auto it = m->find(std::string_view(p, len));
    if (it == m->end()) return false;
    *v = it->second;
    return true;
}
static inline void ms_free(map_str *m) { delete m; }

#include "runner.h"

int main(int argc, char **argv) { return runner_main(argc, argv); }
