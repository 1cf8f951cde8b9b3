/* fasta.c - the Benchmarks Game fasta generator, single-threaded: writes sequences
 * ONE (the ALU repeat, 2n bases), TWO (IUB codes, 3n) and THREE (Homo sapiens
 * frequencies, 5n) with the task's linear congruential generator (IM 139968,
 * IA 3877, IC 29573, seed 42), 60 bases a line.  k-nucleotide reads THREE.
 *
 * Usage: fasta N > out.fa
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { IM = 139968, IA = 3877, IC = 29573, LINE = 60 };

static const char alu[] =
    "GGCCGGGCGCGGTGGCTCACGCCTGTAATCCCAGCACTTTGG"
    "GAGGCCGAGGCGGGCGGATCACCTGAGGTCAGGAGTTCGAGA"
    "CCAGCCTGGCCAACATGGTGAAACCCCGTCTCTACTAAAAAT"
    "ACAAAAATTAGCCGGGCGTGGTGGCGCGCGCCTGTAATCCCA"
    "GCTACTCGGGAGGCTGAGGCAGGAGAATCGCTTGAACCCGGG"
    "AGGCGGAGGTTGCAGTGAGCCGAGATCGCGCCACTGCACTCC"
    "AGCCTGGGCGACAGAGCGAGACTCCGTCTCAAAAA";

struct freq { char c; double p; };

static struct freq iub[] = {
    { 'a', 0.27 }, { 'c', 0.12 }, { 'g', 0.12 }, { 't', 0.27 },
    { 'B', 0.02 }, { 'D', 0.02 }, { 'H', 0.02 }, { 'K', 0.02 },
    { 'M', 0.02 }, { 'N', 0.02 }, { 'R', 0.02 }, { 'S', 0.02 },
    { 'V', 0.02 }, { 'W', 0.02 }, { 'Y', 0.02 },
};

static struct freq homosapiens[] = {
    { 'a', 0.3029549426680 }, { 'c', 0.1979883004921 },
    { 'g', 0.1975473066391 }, { 't', 0.3015094502008 },
};

static unsigned last = 42;

static double gen_random(double max)
{
    last = (last * IA + IC) % IM;
    return max * last / IM;
}

static void cumulate(struct freq *f, size_t n)
{
    double cp = 0;
    for (size_t i = 0; i < n; i++) {
        cp += f[i].p;
        f[i].p = cp;
    }
}

static void repeat_fasta(const char *id, const char *s, size_t n)
{
    char line[LINE + 1];
    size_t len = strlen(s), pos = 0;
    printf(">%s\n", id);
    while (n > 0) {
        size_t m = n < LINE ? n : LINE;
        for (size_t i = 0; i < m; i++) {
            line[i] = s[pos];
            if (++pos == len) pos = 0;
        }
        line[m] = '\n';
        fwrite(line, 1, m + 1, stdout);
        n -= m;
    }
}

static char pick(const struct freq *f, size_t nf)
{
    double r = gen_random(1.0);
    for (size_t i = 0; i < nf - 1; i++)
        if (r < f[i].p) return f[i].c;
    return f[nf - 1].c;
}

static void random_fasta(const char *id, struct freq *f, size_t nf, size_t n)
{
    char line[LINE + 1];
    printf(">%s\n", id);
    while (n > 0) {
        size_t m = n < LINE ? n : LINE;
        for (size_t i = 0; i < m; i++) line[i] = pick(f, nf);
        line[m] = '\n';
        fwrite(line, 1, m + 1, stdout);
        n -= m;
    }
}

int main(int argc, char **argv)
{
    size_t n = argc > 1 ? strtoull(argv[1], NULL, 10) : 1000;
    cumulate(iub, sizeof iub / sizeof *iub);
    cumulate(homosapiens, sizeof homosapiens / sizeof *homosapiens);
    repeat_fasta("ONE Homo sapiens alu", alu, 2 * n);
    random_fasta("TWO IUB ambiguity codes", iub, sizeof iub / sizeof *iub, 3 * n);
    random_fasta("THREE Homo sapiens frequency", homosapiens,
                 sizeof homosapiens / sizeof *homosapiens, 5 * n);
    return 0;
}
