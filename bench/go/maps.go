// maps.go - the u64 and string workloads of bench/runner.h on Go 1.19's built-in
// map: same keys, same order, same repetition counts, same checksums.
package main

import (
	"fmt"
	"time"
)

func roundsFor(ops, n int) int {
	if n >= ops {
		return 1
	}
	return ops / n
}

func report(name string, n int, d time.Duration, ops int, sum uint64) {
	fmt.Printf("%s/%d\t%.3f\t%d\n", name, n, float64(d.Nanoseconds())/float64(ops), sum)
}

func u64Build(keys, vals []uint64) map[uint64]uint64 {
	m := make(map[uint64]uint64)
	for i, k := range keys {
		m[k] = vals[i]
	}
	return m
}

func u64Insert(keys, vals []uint64, ops int, hint bool) {
	n := len(keys)
	rounds := roundsFor(ops, n)
	sum := uint64(0)
	t0 := time.Now()
	for r := 0; r < rounds; r++ {
		h := 0
		if hint {
			h = n
		}
		m := make(map[uint64]uint64, h)
		for i, k := range keys {
			m[k] = vals[i]
		}
		sum += uint64(len(m))
	}
	name := "u64_insert"
	if hint {
		name = "u64_insert_hint"
	}
	report(name, n, time.Since(t0), rounds*n, sum)
}

func u64Lookup(m map[uint64]uint64, keys []uint64, ops int, name string) {
	n := len(keys)
	rounds := roundsFor(ops, n)
	sum := uint64(0)
	t0 := time.Now()
	for r := 0; r < rounds; r++ {
		for _, k := range keys {
			if v, ok := m[k]; ok {
				sum += v + 1
			}
		}
	}
	report(name, n, time.Since(t0), rounds*n, sum)
}

func u64Delete(keys, vals []uint64, ops int) {
	n := len(keys)
	rounds := roundsFor(ops, n)
	sum := uint64(0)
	var t time.Duration
	for r := 0; r < rounds; r++ {
		m := u64Build(keys, vals)
		before := len(m)
		t0 := time.Now()
		for _, k := range keys {
			delete(m, k)
		}
		t += time.Since(t0)
		// Go's delete reports nothing: count the removed keys by the length
		sum += uint64(before-len(m)) + uint64(len(m))*1000003
	}
	report("u64_delete", n, t, rounds*n, sum)
}

func u64Iterate(m map[uint64]uint64, ops int) {
	n := len(m)
	rounds := roundsFor(ops, n)
	sum := uint64(0)
	t0 := time.Now()
	for r := 0; r < rounds; r++ {
		for k, v := range m {
			sum += k ^ v
		}
	}
	report("u64_iterate", n, time.Since(t0), rounds*n, sum)
}

func runU64(n, ops int) {
	keys := make([]uint64, 2*n)
	vals := make([]uint64, n)
	for i := range keys {
		keys[i] = u64Key(uint64(i))
	}
	for i := range vals {
		vals[i] = u64Val(uint64(i))
	}
	hits := keys[:n]
	u64Insert(hits, vals, ops, false)
	u64Insert(hits, vals, ops, true)
	m := u64Build(hits, vals)
	u64Lookup(m, hits, ops, "u64_hit")
	u64Lookup(m, keys[n:], ops, "u64_miss")
	u64Iterate(m, ops)
	u64Delete(hits, vals, ops)
}

func strInsert(keys []string, ops int) {
	n := len(keys)
	rounds := roundsFor(ops, n)
	sum := uint64(0)
	t0 := time.Now()
	for r := 0; r < rounds; r++ {
		m := make(map[string]int)
		for i, k := range keys {
			m[k] = i + 1
		}
		if v, ok := m[keys[n/2]]; ok {
			sum += uint64(v)
		}
	}
	report("str_insert", n, time.Since(t0), rounds*n, sum)
}

func strLookup(m map[string]int, keys []string, ops int, name string) {
	n := len(keys)
	rounds := roundsFor(ops, n)
	sum := uint64(0)
	t0 := time.Now()
	for r := 0; r < rounds; r++ {
		for _, k := range keys {
			if v, ok := m[k]; ok {
				sum += uint64(v)
			}
		}
	}
	report(name, n, time.Since(t0), rounds*n, sum)
}

func runStr(n, ops int) {
	keys, lookup, miss := strKeys(0, n), strKeys(0, n), strKeys(uint64(n), n)
	strInsert(keys, ops)
	m := make(map[string]int)
	for i, k := range keys {
		m[k] = i + 1
	}
	strLookup(m, lookup, ops, "str_hit")
	strLookup(m, miss, ops, "str_miss")
}

func mapsMain(ops int, sizes []int) {
	nmax := 0
	for _, n := range sizes {
		if n > nmax {
			nmax = n
		}
	}
	u := make([]uint64, 2*nmax)
	for i := range u {
		u[i] = u64Key(uint64(i))
	}
	fmt.Printf("keys\t%d\t%d\n", nmax, keyDigest(u, strKeys(0, 2*nmax)))
	for _, n := range sizes {
		if n > 0 {
			runU64(n, ops)
			runStr(n, ops)
		}
	}
}
