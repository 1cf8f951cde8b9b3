/* table.c - the small containers of escape-clang (arrays are the core's VEC): a hash map
 * from cursors (declarations) to values, and interned strings (file names and
 * identifiers handed to the core must outlive the translation unit's strings).
 */
#include "fe.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- cursor map: open addressing on clang_hashCursor / clang_equalCursors ---- */
typedef struct slot { CXCursor key; void *val; bool used; } slot;
struct ce_map { slot *s; unsigned cap, n; };

ce_map *ce_map_new(void)
{
    ce_map *m = calloc(1, sizeof *m);
    if (!m) abort();
    m->cap = 64;
    m->s = calloc(m->cap, sizeof *m->s);
    if (!m->s) abort();
    return m;
}

void ce_map_free(ce_map *m)
{
    if (m) free(m->s);
    free(m);
}

static slot *find(ce_map *m, CXCursor key)
{
    unsigned i = clang_hashCursor(key) & (m->cap - 1);
    while (m->s[i].used && !clang_equalCursors(m->s[i].key, key))
        i = (i + 1) & (m->cap - 1);
    return &m->s[i];
}

static void rehash(ce_map *m)
{
    ce_map big = { calloc(m->cap * 2, sizeof(slot)), m->cap * 2, 0 };
    if (!big.s) abort();
    for (unsigned i = 0; i < m->cap; i++)
        if (m->s[i].used)
            *find(&big, m->s[i].key) = m->s[i];
    free(m->s);
    m->s = big.s;
    m->cap = big.cap;
}

/* An expression or statement is its node: the parent declaration libclang
 * keeps in a cursor depends on how it was reached (a visitor, an argument). */
static CXCursor node_key(CXCursor c)
{
    enum CXCursorKind k = clang_getCursorKind(c);
    if (clang_isExpression(k) || clang_isStatement(k)) {
        c.data[0] = NULL;
        c.xdata = 0;
    }
    return c;
}

void **ce_map_slot(ce_map *m, CXCursor key, bool create)
{
    key = node_key(key);
    slot *s = find(m, key);
    if (s->used)
        return &s->val;
    if (!create)
        return NULL;
    if (2 * (m->n + 1) > m->cap) {
        rehash(m);
        s = find(m, key);
    }
    s->used = true;
    s->key = key;
    s->val = NULL;
    m->n++;
    return &s->val;
}

/* ---- interned strings: live until the end of the run -------------------------- */
static VEC(char *) interned;

const char *ce_intern(const char *s)
{
    if (!s)
        return NULL;
    for (int i = interned.n - 1; i >= 0 && i >= interned.n - 64; i--)
        if (!strcmp(interned.v[i], s))
            return interned.v[i];
    char *d = strdup(s);
    if (!d) abort();
    VPUSH(interned, d);
    return d;
}

void ce_intern_free(void)
{
    for (int i = 0; i < interned.n; i++)
        free(interned.v[i]);
    VFREE(interned);
}

char *ce_string(CXString s)
{
    const char *c = clang_getCString(s);
    char *d = strdup(c ? c : "");
    clang_disposeString(s);
    if (!d) abort();
    return d;
}
