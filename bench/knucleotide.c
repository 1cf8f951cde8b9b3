/* knucleotide.c - the Benchmarks Game k-nucleotide task on gomap, single-threaded:
 * read sequence THREE of a fasta file from stdin, print the frequencies of all 1-
 * and 2-mers (descending count, then ascending k-mer), then the counts of GGT,
 * GGTA, GGTATT, GGTATTTTAATT and GGTATTTTAATTTATAGT.  Each k-mer is 2 bits per base
 * in a uint64_t key; every length k gets a fresh map[uint64_t]uint32_t counting all
 * k-mers of the sequence.  bench/go/knucleotide.go is the same program in Go.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "gomap.h"

static const char bases[] = "ACGT";

static int code(char c)
{
    switch (c) {
    case 'a': case 'A': return 0;
    case 'c': case 'C': return 1;
    case 'g': case 'G': return 2;
    default: return 3;
    }
}

/* The bases of sequence THREE as 2-bit codes, one per byte. */
static unsigned char *read_three(FILE *in, size_t *len)
{
    size_t cap = 1 << 20, n = 0;
    unsigned char *seq = malloc(cap);
    char line[256];
    int inside = 0;
    while (seq && fgets(line, sizeof line, in)) {
        if (line[0] == '>') {
            if (inside) break;
            inside = strncmp(line, ">THREE", 6) == 0;
            continue;
        }
        if (!inside) continue;
        for (char *p = line; *p && *p != '\n'; p++) {
            if (n == cap) seq = realloc(seq, cap *= 2);
            if (!seq) break;
            seq[n++] = (unsigned char)code(*p);
        }
    }
    if (!seq) {
        fputs("knucleotide: out of memory\n", stderr);
        exit(2);
    }
    *len = n;
    return seq;
}

/* Count every k-mer of seq into a new map. */
static gomap *count(const unsigned char *seq, size_t len, unsigned k)
{
    gomap *m = gomap_make(GOMAP_TYPE(uint64_t, uint32_t), 0);
    uint64_t key = 0, mask = k == 32 ? ~0ull : (1ull << (2 * k)) - 1;
    for (size_t i = 0; i < len; i++) {
        key = ((key << 2) | seq[i]) & mask;
        if (i + 1 >= k) ++*(uint32_t *)gomap_assign(m, &key);
    }
    return m;
}

static void decode(uint64_t key, unsigned k, char *out)
{
    for (unsigned i = 0; i < k; i++) out[k - 1 - i] = bases[(key >> (2 * i)) & 3];
    out[k] = 0;
}

struct kv { uint64_t key; uint32_t n; };

/* Descending count, then ascending k-mer (the 2-bit codes sort as the letters). */
static int by_count(const void *a, const void *b)
{
    const struct kv *x = a, *y = b;
    if (x->n != y->n) return x->n < y->n ? 1 : -1;
    return x->key < y->key ? -1 : x->key > y->key;
}

static void frequencies(const unsigned char *seq, size_t len, unsigned k)
{
    gomap *m = count(seq, len, k);
    size_t n = gomap_len(m), i = 0;
    struct kv *all = malloc(n * sizeof *all);
    gomap_iter it;
    void *key, *val;
    uint64_t total = 0;
    gomap_iter_init(&it, m);
    while (all && gomap_iter_next(&it, &key, &val)) {
        all[i++] = (struct kv){ *(uint64_t *)key, *(uint32_t *)val };
        total += *(uint32_t *)val;
    }
    qsort(all, i, sizeof *all, by_count);
    for (size_t j = 0; j < i; j++) {
        char s[33];
        decode(all[j].key, k, s);
        printf("%s %.3f\n", s, total ? 100.0 * all[j].n / (double)total : 0.0);
    }
    putchar('\n');
    free(all);
    gomap_free(m);
}

static void occurrences(const unsigned char *seq, size_t len, const char *kmer)
{
    unsigned k = (unsigned)strlen(kmer);
    uint64_t key = 0;
    for (unsigned i = 0; i < k; i++) key = (key << 2) | (uint64_t)code(kmer[i]);
    gomap *m = count(seq, len, k);
    uint32_t *n = gomap_access(m, &key);
    printf("%u\t%s\n", n ? *n : 0, kmer);
    gomap_free(m);
}

int main(void)
{
    static const char *const kmers[] = { "GGT", "GGTA", "GGTATT", "GGTATTTTAATT",
                                         "GGTATTTTAATTTATAGT" };
    size_t len;
    unsigned char *seq = read_three(stdin, &len);
    frequencies(seq, len, 1);
    frequencies(seq, len, 2);
    for (size_t i = 0; i < sizeof kmers / sizeof *kmers; i++) occurrences(seq, len, kmers[i]);
    free(seq);
    return 0;
}
