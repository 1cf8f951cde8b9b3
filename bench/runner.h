/* runner.h - the u64 and string workloads, written once against a small map
 * interface that each harness defines before including this file (C or C++):
 *
 *   map_u64 *mu_new(size_t hint);          map_str *ms_new(size_t hint);
 *   void mu_put(map_u64 *, uint64_t k, uint64_t v);
 *   void ms_put(map_str *, const char *p, size_t len, int64_t v);
 *   bool mu_get(map_u64 *, uint64_t k, uint64_t *v);
 *   bool ms_get(map_str *, const char *p, size_t len, int64_t *v);
 *   bool mu_del(map_u64 *, uint64_t k);    size_t mu_len(map_u64 *);
 *   uint64_t mu_sum(map_u64 *);            sum of key ^ value over an iteration
 *   void mu_free(map_u64 *);               void ms_free(map_str *);
 *
 * Usage: PROG OPS N...   runs every workload for each key count N, repeating small
 * ones so that about OPS operations are timed, and prints one line per workload
 * (see report() in workload.h) after a "keys" line with the key digest.
 * bench/go/maps.go is the same program in Go; keep them in step.
 */
#ifndef BENCH_RUNNER_H
#define BENCH_RUNNER_H

static map_u64 *u64_build(const uint64_t *keys, const uint64_t *vals, size_t n)
{
    map_u64 *m = mu_new(0);
    for (size_t i = 0; i < n; i++) mu_put(m, keys[i], vals[i]);
    return m;
}

static void u64_insert(const uint64_t *keys, const uint64_t *vals, size_t n, size_t ops, bool hint)
{
    size_t rounds = rounds_for(ops, n);
    uint64_t sum = 0;
    double t0 = now_ns();
    for (size_t r = 0; r < rounds; r++) {
        map_u64 *m = mu_new(hint ? n : 0);
        for (size_t i = 0; i < n; i++) mu_put(m, keys[i], vals[i]);
        sum += mu_len(m);
        mu_free(m);
    }
    report(hint ? "u64_insert_hint" : "u64_insert", n, now_ns() - t0, (double)rounds * n, sum);
}

static void u64_lookup(map_u64 *m, const uint64_t *keys, size_t n, size_t ops, const char *name)
{
    size_t rounds = rounds_for(ops, n);
    uint64_t sum = 0, v;
    double t0 = now_ns();
    for (size_t r = 0; r < rounds; r++)
        for (size_t i = 0; i < n; i++)
            if (mu_get(m, keys[i], &v)) sum += v + 1;
    report(name, n, now_ns() - t0, (double)rounds * n, sum);
}

static void u64_delete(const uint64_t *keys, const uint64_t *vals, size_t n, size_t ops)
{
    size_t rounds = rounds_for(ops, n);
    uint64_t sum = 0;
    double t = 0;
    for (size_t r = 0; r < rounds; r++) {
        map_u64 *m = u64_build(keys, vals, n);
        double t0 = now_ns();
        for (size_t i = 0; i < n; i++) sum += mu_del(m, keys[i]);
        t += now_ns() - t0;
        sum += mu_len(m) * 1000003u;
        mu_free(m);
    }
    report("u64_delete", n, t, (double)rounds * n, sum);
}

static void u64_iterate(map_u64 *m, size_t n, size_t ops)
{
    size_t rounds = rounds_for(ops, n);
    uint64_t sum = 0;
    double t0 = now_ns();
    for (size_t r = 0; r < rounds; r++) sum += mu_sum(m);
    report("u64_iterate", n, now_ns() - t0, (double)rounds * n, sum);
}

static void run_u64(size_t n, size_t ops)
{
    uint64_t *keys = (uint64_t *)bench_xmalloc(2 * n * sizeof *keys);
    uint64_t *vals = (uint64_t *)bench_xmalloc(n * sizeof *vals);
    for (size_t i = 0; i < 2 * n; i++) keys[i] = u64_key(i);
    for (size_t i = 0; i < n; i++) vals[i] = u64_val(i);
    u64_insert(keys, vals, n, ops, false);
    u64_insert(keys, vals, n, ops, true);
    map_u64 *m = u64_build(keys, vals, n);
    u64_lookup(m, keys, n, ops, "u64_hit");
    u64_lookup(m, keys + n, n, ops, "u64_miss");
    u64_iterate(m, n, ops);
    mu_free(m);
    u64_delete(keys, vals, n, ops);
    free(keys);
    free(vals);
}

static void str_insert(const str_keys *k, size_t ops)
{
    size_t n = k->count, rounds = rounds_for(ops, n);
    uint64_t sum = 0;
    double t0 = now_ns();
    for (size_t r = 0; r < rounds; r++) {
        map_str *m = ms_new(0);
        for (size_t i = 0; i < n; i++) ms_put(m, k->ptr[i], k->len[i], (int64_t)i + 1);
        int64_t v = 0;
        sum += ms_get(m, k->ptr[n / 2], k->len[n / 2], &v) ? (uint64_t)v : 0;
        ms_free(m);
    }
    report("str_insert", n, now_ns() - t0, (double)rounds * n, sum);
}

static void str_lookup(map_str *m, const str_keys *k, size_t ops, const char *name)
{
    size_t n = k->count, rounds = rounds_for(ops, n);
    uint64_t sum = 0;
    int64_t v;
    double t0 = now_ns();
    for (size_t r = 0; r < rounds; r++)
        for (size_t i = 0; i < n; i++)
            if (ms_get(m, k->ptr[i], k->len[i], &v)) sum += (uint64_t)v;
    report(name, n, now_ns() - t0, (double)rounds * n, sum);
}

/* Lookups use a second copy of the keys: equal bytes at other addresses. */
static void run_str(size_t n, size_t ops)
{
    str_keys keys = str_keys_make(0, n), copy = str_keys_make(0, n), miss = str_keys_make(n, n);
    str_insert(&keys, ops);
    map_str *m = ms_new(0);
    for (size_t i = 0; i < n; i++) ms_put(m, keys.ptr[i], keys.len[i], (int64_t)i + 1);
    str_lookup(m, &copy, ops, "str_hit");
    str_lookup(m, &miss, ops, "str_miss");
    ms_free(m);
    str_keys_free(&keys);
    str_keys_free(&copy);
    str_keys_free(&miss);
}

/* The key digest over the largest key set, then every workload per N. */
static int runner_main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: %s OPS N...\n", argv[0]);
        return 2;
    }
    size_t ops = strtoull(argv[1], NULL, 10), nmax = 0;
    for (int a = 2; a < argc; a++) {
        size_t n = strtoull(argv[a], NULL, 10);
        if (n > nmax) nmax = n;
    }
    uint64_t *u = (uint64_t *)bench_xmalloc(2 * nmax * sizeof *u);
    for (size_t i = 0; i < 2 * nmax; i++) u[i] = u64_key(i);
    str_keys s = str_keys_make(0, 2 * nmax);
    printf("keys\t%zu\t%llu\n", nmax, (unsigned long long)key_digest(u, 2 * nmax, &s));
    free(u);
    str_keys_free(&s);
    for (int a = 2; a < argc; a++) {
        size_t n = strtoull(argv[a], NULL, 10);
        if (n == 0) continue;
        run_u64(n, ops);
        run_str(n, ops);
    }
    return 0;
}

#endif /* BENCH_RUNNER_H */
