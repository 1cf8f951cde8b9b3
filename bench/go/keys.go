// keys.go - the workloads' keys and values, a line-by-line mirror of
// bench/workload.h, so that Go sees exactly the keys the C and C++ harnesses see.
package main

const (
	benchSeed  = 0x243f6a8885a308d3
	benchGamma = 0x9e3779b97f4a7c15
	alphabet   = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
)

func mix64(z uint64) uint64 {
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

func u64Key(i uint64) uint64 { return mix64(benchSeed + (i+1)*benchGamma) }
func u64Val(i uint64) uint64 { return mix64(i^0x5851f42d4c957f2d) | 1 }

func mix48(x uint64) uint64 {
	const m48 = 1<<48 - 1
	x = (x * 0x9e3779b97f4b) & m48
	x ^= x >> 23
	x = (x * 0xc2b2ae3d27d5) & m48
	return x ^ (x >> 17)
}

func strKeyLen(i uint64) int { return 8 + int(mix64(i*benchGamma+7)%25) }

func strKey(i uint64) []byte {
	x, r := mix48(i), mix64(i+0x1234567)
	n := strKeyLen(i)
	out := make([]byte, n)
	for j := 0; j < 8; j++ {
		out[j] = alphabet[(x>>(6*j))&63]
	}
	for j := 8; j < n; j++ {
		if (j-8)%10 == 0 {
			r = mix64(r)
		}
		out[j] = alphabet[(r>>(6*((j-8)%10)))&63]
	}
	return out
}

// strKeys returns keys first..first+count-1 as strings sharing one backing array;
// a second call gives equal strings at other addresses.
func strKeys(first uint64, count int) []string {
	total := 0
	for i := 0; i < count; i++ {
		total += strKeyLen(first + uint64(i))
	}
	arena := make([]byte, 0, total)
	for i := 0; i < count; i++ {
		arena = append(arena, strKey(first+uint64(i))...)
	}
	all := string(arena)
	keys := make([]string, count)
	off := 0
	for i := range keys {
		n := strKeyLen(first + uint64(i))
		keys[i] = all[off : off+n]
		off += n
	}
	return keys
}

func keyDigest(u []uint64, s []string) uint64 {
	h := uint64(0xcbf29ce484222325)
	for _, k := range u {
		h = (h ^ k) * 0x100000001b3
	}
	for _, k := range s {
		for j := 0; j < len(k); j++ {
			h = (h ^ uint64(k[j])) * 0x100000001b3
		}
	}
	return h
}
