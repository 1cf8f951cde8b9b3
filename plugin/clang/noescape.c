/* noescape.c - __attribute__((noescape)) on a parameter of a function type.
 *
 * Clang keeps noescape in the function type (its ExtParameterInfo), not in the
 * parameter's own type, and libclang 14 has no query for it; but the type's
 * spelling shows it:  void (int, __attribute__((noescape)) gomap *).  So the
 * parameter list is read back from the spelling of the canonical function type:
 * the last parenthesised group not belonging to an __attribute__, split at its
 * top-level commas.  A function returning a function pointer spells its own
 * parameters in the middle; it is not read (no parameter is noescape: sound).
 */
#include "fe.h"

#include <stdlib.h>
#include <string.h>

static const char ATTR[] = "__attribute__((noescape))";

/* The last top-level "(...)" group of S not preceded by __attribute__. */
static const char *param_list(const char *s, size_t *len)
{
    const char *best = NULL;
    int depth = 0;
    const char *open = NULL;
    for (const char *p = s; *p; p++) {
        if (*p == '(') {
            if (depth++ == 0)
                open = p;
        } else if (*p == ')' && depth > 0 && --depth == 0) {
            size_t k = sizeof "__attribute__" - 1;
            if (!((size_t)(open - s) >= k && !strncmp(open - k, "__attribute__", k))) {
                best = open + 1;
                *len = (size_t)(p - best);
            }
        }
    }
    return best;
}

bool ce_param_noescape(CXType fntype, int i)
{
    CXType t = clang_getCanonicalType(fntype);
    if (t.kind != CXType_FunctionProto || i < 0 || i >= clang_getNumArgTypes(t))
        return false;
    CXType r = clang_getCanonicalType(clang_getResultType(t));
    if (r.kind == CXType_Pointer) {
        CXType pt = clang_getCanonicalType(clang_getPointeeType(r));
        if (pt.kind == CXType_FunctionProto || pt.kind == CXType_FunctionNoProto)
            return false;
    }
    char *s = ce_string(clang_getTypeSpelling(t));
    size_t len = 0;
    const char *list = param_list(s, &len);
    bool found = false;
    int k = 0, depth = 0;
    const char *piece = list;
    for (size_t j = 0; list && j <= len && !found; j++) {
        char ch = j < len ? list[j] : ',';
        if (ch == '(')
            depth++;
        else if (ch == ')')
            depth--;
        else if (ch == ',' && depth == 0) {
            while (*piece == ' ')
                piece++;
            if (k == i)
                found = !strncmp(piece, ATTR, sizeof ATTR - 1);
            k++;
            piece = list + j + 1;
        }
    }
    free(s);
    return found;
}
