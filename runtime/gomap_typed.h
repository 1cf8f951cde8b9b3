/* gomap_typed.h - a typed layer over gomap.h: one declaration per map type, then
 * keys and values by value and no casts at the call site.
 *
 *     GOMAP_DECLARE_STR(wordcount, int)             // map[gostring]int
 *     wordcount *m = gomap_new(wordcount);           // m := make(map[string]int)
 *     (*gomap_put(wordcount, m, w, NULL))++;         // m[w]++
 *     int n = wordcount_get(m, GOSTR("the"), 0);     // m["the"] (0 when absent)
 *     gomap_foreach(wordcount, m, k, v)              // for k, v := range m {
 *         if (v == 1) wordcount_delete(m, k);        //     delete(m, k) }
 *     wordcount_free(m);
 *
 * GOMAP_DECLARE(name, K, V) declares the handle type `name` (an incomplete struct: a
 * `name *` is a map, NULL the nil map), the typedefs name_key and name_val, a static
 * const descriptor name_desc_, and static inline functions name_get, name_lookup,
 * name_ref, name_has, name_delete, name_len, name_clear, name_free, name_gomap.  A key
 * or value of the wrong type is a compile error; another map type's handle is one in
 * C++ and under -Werror=incompatible-pointer-types (GCC 12 only warns in C).
 *
 * What the escape analysis must see in the caller is a macro taking the type's name:
 * gomap_new (the make site and its descriptor, exactly as if written raw), gomap_set,
 * gomap_put and gomap_add (a function storing its parameter into its other parameter's
 * map would leak that parameter in its summary, which has no "into the content of
 * parameter j"; written in place, the store goes into the map's own storage), and
 * gomap_foreach (the iterator lives in the caller).  The functions only read or delete,
 * and their summaries keep the map: verdicts and stack placement are those of the raw
 * calls.  Their own -m lines are not printed (a system header's macro wrote them).
 *
 * Descriptors are spelled by a descriptor macro passed to GOMAP_DECLARE_KIND
 * (GOMAP_DESC_RAW, GOMAP_DESC_STR), so another key kind is one more such macro.  The
 * API with an example for every name: docs/api.md.
 */
#ifndef GOMAP_TYPED_H
#define GOMAP_TYPED_H
#pragma GCC system_header

#include <string.h>
#include "gomap.h"

#ifdef __cplusplus
#define GOMAP_ALIGNOF_(T) alignof(T)
#else
#define GOMAP_ALIGNOF_(T) _Alignof(T)
#endif
#define GOMAP_FN_ static inline __attribute__((unused))
/* In the macros, a pointer of another type (another map type's handle, a pointer as an
 * integer value) is an error, as C++ makes it, not GCC 12's C warning. */
#ifdef __cplusplus
#define GOMAP_STRICT_BEGIN_
#define GOMAP_STRICT_END_
#else
#define GOMAP_STRICT_BEGIN_                                                             \
    _Pragma("GCC diagnostic push")                                                      \
    _Pragma("GCC diagnostic error \"-Wincompatible-pointer-types\"")                    \
    _Pragma("GCC diagnostic error \"-Wint-conversion\"")
#define GOMAP_STRICT_END_ _Pragma("GCC diagnostic pop")
#endif
#define GOMAP_CAT2_(a, b) a##b
#define GOMAP_CAT_(a, b) GOMAP_CAT2_(a, b)

/* Descriptor initializers, DESC(K, valsize, valalign, "V"): the fields, flags and
 * name of gomap.h's GOMAP_TYPE(K, V), GOMAP_TYPE_STR(V) and GOMAP_TYPE_STRCOPY(V). */
#define GOMAP_DESC_RAW(K, vsize, valign, vname)                                        \
    { GOMAP_LAYOUT_VERSION, sizeof(K), (vsize), GOMAP_ALIGNOF_(K), (valign), 0,         \
      "map[" #K "]" vname }
#define GOMAP_DESC_STR(K, vsize, valign, vname)                                        \
    { GOMAP_LAYOUT_VERSION, sizeof(gostring), (vsize), GOMAP_ALIGNOF_(gostring),        \
      (valign), GOMAP_TF_STRKEY, "map[gostring]" vname }
#define GOMAP_DESC_STRCOPY(K, vsize, valign, vname)                                    \
    { GOMAP_LAYOUT_VERSION, sizeof(gostring), (vsize), GOMAP_ALIGNOF_(gostring),        \
      (valign), GOMAP_TF_STRKEY | GOMAP_TF_STRCOPY, "map[gostring]" vname }

/* A NUL-terminated string as a gostring key (borrowed, without the NUL). */
GOMAP_FN_ gostring gostr(const char *s)
{
    gostring g = { s, strlen(s) };
    return g;
}

/* ---- declarations ---------------------------------------------------------------- */

/* Handle, descriptor, key typedef, and the functions maps and sets share. */
#define GOMAP_DECLARE_COMMON_(name, K, DESC, vsize, valign, vname)                      \
    typedef struct name##_gomap_ name;                                                  \
    typedef K name##_key;                                                               \
    static const gomap_type name##_desc_ __attribute__((unused))                        \
        = DESC(K, vsize, valign, vname);                                                \
    /* the map as the raw API's gomap * */                                              \
    GOMAP_FN_ gomap *name##_gomap(const name *m) { return (gomap *)m; }                 \
    /* len(m) */                                                                        \
    GOMAP_FN_ size_t name##_len(const name *m) { return gomap_len((const gomap *)m); }  \
    /* _, ok := m[k] */                                                                 \
    GOMAP_FN_ bool name##_has(const name *m, K k)                                       \
    { return gomap_access((const gomap *)m, &k) != NULL; }                              \
    /* delete(m, k); true when k was there */                                           \
    GOMAP_FN_ bool name##_delete(name *m, K k) { return gomap_delete((gomap *)m, &k); } \
    /* clear(m): every entry deleted, the map stays usable */                          \
    GOMAP_FN_ void name##_clear(name *m) { gomap_clear((gomap *)m); }                   \
    /* the map's memory back; m is not used again */                                    \
    GOMAP_FN_ void name##_free(name *m) { gomap_free((gomap *)m); }

/* map[K]V, K's kind given by DESC (GOMAP_DESC_RAW: K's bytes; GOMAP_DESC_STR: K is
 * gostring, compared by content, its bytes borrowed).  V must be assignable (not an
 * array: wrap one in a struct). */
#define GOMAP_DECLARE_KIND(name, K, V, DESC)                                            \
    GOMAP_DECLARE_COMMON_(name, K, DESC, sizeof(V), GOMAP_ALIGNOF_(V), #V)              \
    typedef V name##_val;                                                               \
    GOMAP_DECLARE_VAL_(name, K, name##_val)
/* V is the typedef name_val here, so that `const V *` means what it says for any V. */
#define GOMAP_DECLARE_VAL_(name, K, V)                                                  \
    /* m[k], or dflt when k is absent */                                                \
    GOMAP_FN_ V name##_get(const name *m, K k, V dflt)                                  \
    {                                                                                   \
        const V *p = (const V *)gomap_access((const gomap *)m, &k);                      \
        return p ? *p : dflt;                                                           \
    }                                                                                   \
    /* v, ok := m[k]: *out (when out is not NULL) gets the value, or zero bytes */      \
    GOMAP_FN_ bool name##_lookup(const name *m, K k, V *out)                            \
    {                                                                                   \
        const V *p = (const V *)gomap_access((const gomap *)m, &k);                      \
        if (out) {                                                                      \
            if (p) *out = *p;                                                           \
            else memset((void *)out, 0, sizeof *out);                                   \
        }                                                                               \
        return p != NULL;                                                               \
    }                                                                                   \
    /* &m[k] when k is there, else NULL; valid until the next write to m */             \
    GOMAP_FN_ V *name##_ref(const name *m, K k)                                         \
    { return (V *)gomap_access((const gomap *)m, &k); }

#define GOMAP_DECLARE(name, K, V) GOMAP_DECLARE_KIND(name, K, V, GOMAP_DESC_RAW)
#define GOMAP_DECLARE_STR(name, V) GOMAP_DECLARE_KIND(name, gostring, V, GOMAP_DESC_STR)
#define GOMAP_DECLARE_STRCOPY(name, V)                                                  \
    GOMAP_DECLARE_KIND(name, gostring, V, GOMAP_DESC_STRCOPY)

/* map[K]struct{}: a set (values of size 0). */
#define GOMAP_DECLARE_SET_KIND(name, K, DESC)                                           \
    GOMAP_DECLARE_COMMON_(name, K, DESC, 0, 1, "struct{}")
#define GOMAP_DECLARE_SET(name, K) GOMAP_DECLARE_SET_KIND(name, K, GOMAP_DESC_RAW)
#define GOMAP_DECLARE_SET_STR(name) GOMAP_DECLARE_SET_KIND(name, gostring, GOMAP_DESC_STR)
#define GOMAP_DECLARE_SET_STRCOPY(name)                                                 \
    GOMAP_DECLARE_SET_KIND(name, gostring, GOMAP_DESC_STRCOPY)

/* ---- the operations expanded in the caller ----------------------------------------- */

/* make(map[K]V) or make(map[K]V, hint): a `name *` */
#define gomap_new(...) GOMAP_PICK_(__VA_ARGS__, gomap_new2_, gomap_new1_, -)(__VA_ARGS__)
#define GOMAP_PICK_(a, b, macro, ...) macro
#define gomap_new1_(name) gomap_new2_(name, 0)
#define gomap_new2_(name, hint) ((name *)gomap_make(&name##_desc_, (hint)))

/* Each evaluates its arguments once, m first and v before the store (as Go does). */

/* m[k] = v */
#define gomap_set(name, m, k, v)                                                        \
    ((void)({ GOMAP_STRICT_BEGIN_                                                       \
              gomap *gomap_m_ = name##_gomap(m);                                        \
              name##_key gomap_k_ = (k);                                                \
              name##_val gomap_v_ = (v);                                                \
              GOMAP_STRICT_END_                                                         \
              *(name##_val *)gomap_assign(gomap_m_, &gomap_k_) = gomap_v_; }))
/* &m[k], inserting k with a zero value when absent; *inserted (a bool *, or NULL)
 * says whether k was new.  The pointer is valid until the next write to m. */
#define gomap_put(name, m, k, inserted)                                                 \
    ({ GOMAP_STRICT_BEGIN_                                                              \
       gomap *gomap_m_ = name##_gomap(m);                                               \
       name##_key gomap_k_ = (k);                                                       \
       bool *gomap_i_ = (inserted);                                                     \
       GOMAP_STRICT_END_                                                                \
       size_t gomap_n_ = gomap_len(gomap_m_);                                           \
       name##_val *gomap_p_ = (name##_val *)gomap_assign(gomap_m_, &gomap_k_);          \
       if (gomap_i_) *gomap_i_ = gomap_len(gomap_m_) != gomap_n_;                       \
       gomap_p_; })
/* sets: s[k] = struct{}{}; true when k was new */
#define gomap_add(name, s, k)                                                           \
    ({ GOMAP_STRICT_BEGIN_                                                              \
       gomap *gomap_m_ = name##_gomap(s);                                               \
       name##_key gomap_k_ = (k);                                                       \
       GOMAP_STRICT_END_                                                                \
       size_t gomap_n_ = gomap_len(gomap_m_);                                           \
       gomap_assign(gomap_m_, &gomap_k_);                                               \
       gomap_len(gomap_m_) != gomap_n_; })

/* m as a gomap *, m's type checked */
#define GOMAP_CHECKED_(name, m)                                                         \
    ({ GOMAP_STRICT_BEGIN_ gomap *gomap_m_ = name##_gomap(m); GOMAP_STRICT_END_ gomap_m_; })

/* Iteration state of one gomap_foreach, in the caller's frame. */
typedef struct gomap_range_ {
    gomap_iter it;
    void *k, *v;
    int go;       /* the body did not leave by break */
    int once;     /* the key's loop runs once per entry */
} gomap_range_;

/* for kvar, vvar := range m { ... }: kvar and vvar are copies, in Go's random order.
 * The body may delete any key (one not yet reached is then not visited) and insert
 * keys (they may or may not be visited); break and continue work.  gomap_foreach_key
 * is for sets and for maps whose values are not needed. */
#define gomap_foreach(name, m, kvar, vvar)                                              \
    gomap_foreach_(name, m, kvar, vvar, GOMAP_CAT_(gomap_r_, __COUNTER__),              \
                   GOMAP_CAT_(gomap_rp_, __COUNTER__))
#define gomap_foreach_(name, m, kvar, vvar, r, rp)                                      \
    for (gomap_range_ r, *rp __attribute__((unused))                                    \
             = (r.go = 1, gomap_iter_init(&r.it, GOMAP_CHECKED_(name, m)), &r);                 \
         r.go && gomap_iter_next(&r.it, &r.k, &r.v);)                                   \
        for (name##_key kvar = (r.once = 1, r.go = 0, *(name##_key *)r.k); r.once;      \
             r.once = 0)                                                                \
            for (name##_val vvar = *(name##_val *)r.v; !r.go; r.go = 1)
#define gomap_foreach_key(name, m, kvar)                                                \
    gomap_foreach_key_(name, m, kvar, GOMAP_CAT_(gomap_r_, __COUNTER__),                \
                       GOMAP_CAT_(gomap_rp_, __COUNTER__))
#define gomap_foreach_key_(name, m, kvar, r, rp)                                        \
    for (gomap_range_ r, *rp __attribute__((unused))                                    \
             = (r.go = 1, gomap_iter_init(&r.it, GOMAP_CHECKED_(name, m)), &r);                 \
         r.go && gomap_iter_next(&r.it, &r.k, &r.v);)                                   \
        for (name##_key kvar = (r.go = 0, *(name##_key *)r.k); !r.go; r.go = 1)

#endif /* GOMAP_TYPED_H */
