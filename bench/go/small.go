// small.go - bench/small.c in Go: a function makes a map, inserts 1..8 (or 64)
// entries, reads them back and drops it; Go's escape analysis keeps the map and its
// first bucket on the stack.  Allocations per call come from runtime.MemStats.
package main

import (
	"fmt"
	"runtime"
	"time"
)

//go:noinline
func smallMap(seed uint64, n uint) uint64 {
	m := make(map[uint64]uint64)
	for i := uint(0); i < n; i++ {
		k := seed + uint64(i)*benchGamma
		m[k] = k ^ uint64(i)
	}
	s := uint64(0)
	for i := uint(0); i < n; i++ {
		k := seed + uint64(i)*benchGamma
		if v, ok := m[k]; ok {
			s += v
		}
	}
	return s
}

func smallRun(name string, calls int, fixed uint) {
	var before, after runtime.MemStats
	sum := uint64(0)
	runtime.ReadMemStats(&before)
	t0 := time.Now()
	for c := 0; c < calls; c++ {
		n := fixed
		if n == 0 {
			n = 1 + uint(c&7)
		}
		sum += smallMap(mix64(uint64(c)), n)
	}
	t := time.Since(t0)
	runtime.ReadMemStats(&after)
	fmt.Printf("%s\t%.3f\t%d\t%.3f\n", name, float64(t.Nanoseconds())/float64(calls), sum,
		float64(after.Mallocs-before.Mallocs)/float64(calls))
}

func smallMain(calls int) {
	smallRun("small_1to8", calls, 0)
	c := calls / 16
	if c == 0 {
		c = 1
	}
	smallRun("small_64", c, 64)
}
