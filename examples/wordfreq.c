/* wordfreq.c - the demo of `make demo`: count the words of a built-in text with
 * Go-style maps and let the escape plugin decide where each map lives.
 *
 *   count_words    returns its map: "escapes to heap"
 *   letters_used   a small temporary map per word: "does not escape" (stack)
 *   length_hist    a map made with hint 64: "buckets escape to heap: hint 64 > 8"
 *                  (header on the stack, buckets from the runtime)
 *
 * The last line prints the runtime's memstats: with the plugin, the per-word
 * maps cost no heap allocation at all.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>
#include "gomap.h"

static const char text[] =
    "Go maps are hash tables. A map that does not escape its function can live "
    "on the stack: the compiler proves that no pointer to it outlives the call. "
    "Escape analysis finds where every pointer goes. If a pointer may outlive "
    "the function, the map escapes to the heap; if not, the map stays on the "
    "stack and costs no allocation. The plugin brings the same analysis to C: "
    "it reads the function, follows every pointer to the map, and rewrites the "
    "call when the map does not escape.";

typedef struct { gostring word; int count; } entry;

static bool next_word(const char **p, gostring *w)
{
    const char *s = *p;
    while (*s && !isalpha((unsigned char)*s))
        s++;
    const char *start = s;
    while (isalpha((unsigned char)*s))
        s++;
    *p = s;
    *w = (gostring){ start, (size_t)(s - start) };
    return s > start;
}

/* Lower-cases into buf and counts each word; the keys point into buf, which
 * the caller keeps alive as long as the map. */
static gomap *count_words(const char *src, char *buf)
{
    gomap *m = gomap_make(GOMAP_TYPE_STR(int), 0);
    size_t n = strlen(src);
    for (size_t i = 0; i <= n; i++)
        buf[i] = (char)tolower((unsigned char)src[i]);
    const char *p = buf;
    gostring w;
    while (next_word(&p, &w))
        ++*(int *)gomap_assign(m, &w);
    return m;
}

/* How many distinct letters a word uses: a throwaway map per call. */
static int letters_used(gostring w)
{
    gomap *seen = gomap_make(GOMAP_TYPE(char, bool), 0);
    for (size_t i = 0; i < w.len; i++)
        *(bool *)gomap_assign(seen, &w.ptr[i]) = true;
    int n = (int)gomap_len(seen);
    gomap_free(seen);
    return n;
}

static int by_count(const void *a, const void *b)
{
    const entry *x = a, *y = b;
    if (x->count != y->count)
        return y->count - x->count;
    size_t n = x->word.len < y->word.len ? x->word.len : y->word.len;
    int c = memcmp(x->word.ptr, y->word.ptr, n);
    return c ? c : (int)x->word.len - (int)y->word.len;
}

/* Words per length, for lengths 1..max: made with a hint too big for one bucket. */
static void length_hist(gomap *words, size_t max)
{
    gomap *hist = gomap_make(GOMAP_TYPE(size_t, int), 64);
    gomap_iter it;
    void *k, *v;
    gomap_iter_init(&it, words);
    while (gomap_iter_next(&it, &k, &v)) {
        size_t len = ((gostring *)k)->len;
        *(int *)gomap_assign(hist, &len) += *(int *)v;
    }
    printf("words by length:");
    for (size_t len = 1; len <= max; len++) {
        int *n = gomap_access(hist, &len);
        printf(" %zu:%d", len, n ? *n : 0);
    }
    printf("\n");
    gomap_free(hist);
}

int main(void)
{
    char *buf = malloc(sizeof text);
    if (!buf)
        return 1;
    gomap *words = count_words(text, buf);

    size_t n = gomap_len(words), i = 0;
    entry *all = malloc(n * sizeof *all);
    if (!all)
        return 1;
    gomap_iter it;
    void *k, *v;
    gomap_iter_init(&it, words);
    while (gomap_iter_next(&it, &k, &v))
        all[i++] = (entry){ *(gostring *)k, *(int *)v };
    qsort(all, n, sizeof *all, by_count);

    printf("%zu distinct words; top 8:\n", n);
    for (i = 0; i < 8 && i < n; i++)
        printf("  %-10.*s %d  (%d distinct letters)\n", (int)all[i].word.len,
               all[i].word.ptr, all[i].count, letters_used(all[i].word));
    int letters = 0;
    for (i = 0; i < n; i++)
        letters += letters_used(all[i].word);
    printf("distinct letters summed over all words: %d\n", letters);
    length_hist(words, 10);

    free(all);
    gomap_free(words);
    free(buf);

    gomap_memstats s;
    gomap_read_memstats(&s);
    printf("memstats: heap_allocs=%llu heap_frees=%llu heap_bytes=%llu stack_maps=%llu "
           "stack_buckets=%llu\n", (unsigned long long)s.heap_allocs,
           (unsigned long long)s.heap_frees, (unsigned long long)s.heap_bytes,
           (unsigned long long)s.stack_maps, (unsigned long long)s.stack_buckets);
    return 0;
}
