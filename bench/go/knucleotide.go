// knucleotide.go - bench/knucleotide.c in Go with Go maps, single-threaded: the
// same 2-bit uint64 k-mer keys, a fresh map[uint64]uint32 per length, the same
// output.
package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"sort"
)

func code(c byte) byte {
	switch c {
	case 'a', 'A':
		return 0
	case 'c', 'C':
		return 1
	case 'g', 'G':
		return 2
	}
	return 3
}

func readThree(in io.Reader) []byte {
	r := bufio.NewReaderSize(in, 1<<16)
	seq := make([]byte, 0, 1<<20)
	inside := false
	for {
		line, err := r.ReadSlice('\n')
		if len(line) > 0 {
			if line[0] == '>' {
				if inside {
					break
				}
				inside = bytes.HasPrefix(line, []byte(">THREE"))
			} else if inside {
				for _, c := range line {
					if c == '\n' {
						break
					}
					seq = append(seq, code(c))
				}
			}
		}
		if err != nil {
			break
		}
	}
	return seq
}

func count(seq []byte, k uint) map[uint64]uint32 {
	m := make(map[uint64]uint32)
	mask := uint64(1)<<(2*k) - 1
	if k == 32 {
		mask = ^uint64(0)
	}
	key := uint64(0)
	for i, c := range seq {
		key = (key<<2 | uint64(c)) & mask
		if uint(i+1) >= k {
			m[key]++
		}
	}
	return m
}

func decode(key uint64, k uint) string {
	out := make([]byte, k)
	for i := uint(0); i < k; i++ {
		out[k-1-i] = "ACGT"[(key>>(2*i))&3]
	}
	return string(out)
}

func frequencies(w *bufio.Writer, seq []byte, k uint) {
	type kv struct {
		key uint64
		n   uint32
	}
	m := count(seq, k)
	all := make([]kv, 0, len(m))
	total := uint64(0)
	for key, n := range m {
		all = append(all, kv{key, n})
		total += uint64(n)
	}
	sort.Slice(all, func(i, j int) bool {
		if all[i].n != all[j].n {
			return all[i].n > all[j].n
		}
		return all[i].key < all[j].key
	})
	for _, e := range all {
		p := 0.0
		if total > 0 {
			p = 100 * float64(e.n) / float64(total)
		}
		fmt.Fprintf(w, "%s %.3f\n", decode(e.key, k), p)
	}
	fmt.Fprintln(w)
}

func occurrences(w *bufio.Writer, seq []byte, kmer string) {
	key := uint64(0)
	for i := 0; i < len(kmer); i++ {
		key = key<<2 | uint64(code(kmer[i]))
	}
	m := count(seq, uint(len(kmer)))
	fmt.Fprintf(w, "%d\t%s\n", m[key], kmer)
}

func knucleotideMain() {
	seq := readThree(os.Stdin)
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	frequencies(w, seq, 1)
	frequencies(w, seq, 2)
	for _, k := range []string{"GGT", "GGTA", "GGTATT", "GGTATTTTAATT", "GGTATTTTAATTTATAGT"} {
		occurrences(w, seq, k)
	}
}
