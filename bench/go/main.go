// main.go - the Go 1.19 side of `make bench`: Go's built-in map on the workloads
// of the C harnesses (bench/runner.h, bench/small.c, bench/knucleotide.c).
//
//	bench-go maps OPS N...   u64 and string workloads
//	bench-go small CALLS     short-lived small maps
//	bench-go knucleotide     k-nucleotide on the fasta file on stdin
package main

import (
	"fmt"
	"os"
	"strconv"
)

func atoi(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		fmt.Fprintf(os.Stderr, "bench-go: bad number %q\n", s)
		os.Exit(2)
	}
	return n
}

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: bench-go maps OPS N... | small CALLS | knucleotide < in.fa")
		os.Exit(2)
	}
	switch args := os.Args[2:]; os.Args[1] {
	case "maps":
		if len(args) < 2 {
			fmt.Fprintln(os.Stderr, "usage: bench-go maps OPS N...")
			os.Exit(2)
		}
		sizes := make([]int, 0, len(args)-1)
		for _, a := range args[1:] {
			sizes = append(sizes, atoi(a))
		}
		mapsMain(atoi(args[0]), sizes)
	case "small":
		calls := 1000000
		if len(args) > 0 {
			calls = atoi(args[0])
		}
		smallMain(calls)
	case "knucleotide":
		knucleotideMain()
	default:
		fmt.Fprintf(os.Stderr, "bench-go: unknown command %q\n", os.Args[1])
		os.Exit(2)
	}
}
