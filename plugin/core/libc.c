/* libc.c - C library functions and compiler builtins whose effect on pointers
 * is known, for calls to them without a body in the unit: one table shared by
 * every front end, for the functions
 * where GCC gives no builtin flags).  Anything not listed is an unknown
 * body-less callee and keeps every argument (unless noescape).
 *
 * The *_READS kinds read the bytes their pointer arguments point to as data
 * (comparisons, searches): a front end exposes those contents (esc_expose with
 * any = true, the exposure rule), as if the user had read them as chars.
 *
 * esc_libc_call turns a kind into edges for a call a front end describes
 * (esc_callsite), so both front ends apply it alike; esc_indirect_call does the
 * same for calls through pointers.
 *
 * Names are matched after removing a "__builtin_" prefix and then leading
 * underscores, so __builtin___memcpy_chk is memcpy_chk; the B() entries are
 * builtins only (a user's own `expect` is not __builtin_expect).
 */
#include "core.h"

#include <stdio.h>
#include <string.h>

#define L(n, k) { n, k, false }
#define B(n, k) { n, k, true }         /* only as __builtin_n */
static const struct { const char *name; esc_libc_kind kind; bool builtin_only; } table[] = {
    /* copy the pointee of the source into the destination, return it */
    L("memcpy", ESC_LIBC_COPY),   L("memmove", ESC_LIBC_COPY),  L("mempcpy", ESC_LIBC_COPY),
    L("strcpy", ESC_LIBC_COPY),   L("strncpy", ESC_LIBC_COPY),  L("stpcpy", ESC_LIBC_COPY),
    L("stpncpy", ESC_LIBC_COPY),  L("strcat", ESC_LIBC_COPY),   L("strncat", ESC_LIBC_COPY),
    L("memcpy_chk", ESC_LIBC_COPY), L("memmove_chk", ESC_LIBC_COPY),
    L("mempcpy_chk", ESC_LIBC_COPY), L("strcpy_chk", ESC_LIBC_COPY),
    L("strncpy_chk", ESC_LIBC_COPY), L("stpcpy_chk", ESC_LIBC_COPY),
    L("stpncpy_chk", ESC_LIBC_COPY), L("strcat_chk", ESC_LIBC_COPY),
    L("strncat_chk", ESC_LIBC_COPY),
    L("bcopy", ESC_LIBC_BCOPY),
    /* the result points into the first argument */
    L("memset", ESC_LIBC_RET_ARG0), L("memset_chk", ESC_LIBC_RET_ARG0),
    B("expect", ESC_LIBC_RET_ARG0),
    B("expect_with_probability", ESC_LIBC_RET_ARG0),
    B("assume_aligned", ESC_LIBC_RET_ARG0),
    /* the result points into the first argument, whose bytes the search reads */
    L("strchr", ESC_LIBC_RET_ARG0_READS), L("strrchr", ESC_LIBC_RET_ARG0_READS),
    L("memchr", ESC_LIBC_RET_ARG0_READS), L("strstr", ESC_LIBC_RET_ARG0_READS),
    L("strpbrk", ESC_LIBC_RET_ARG0_READS), L("index", ESC_LIBC_RET_ARG0_READS),
    L("rindex", ESC_LIBC_RET_ARG0_READS),
    /* read their arguments' bytes as data, keep nothing */
    L("strlen", ESC_LIBC_READS), L("strnlen", ESC_LIBC_READS),
    L("strcmp", ESC_LIBC_READS), L("strncmp", ESC_LIBC_READS),
    L("memcmp", ESC_LIBC_READS), L("bcmp", ESC_LIBC_READS),
    L("strspn", ESC_LIBC_READS), L("strcspn", ESC_LIBC_READS),
    L("strcasecmp", ESC_LIBC_READS), L("strncasecmp", ESC_LIBC_READS),
    B("memcmp_eq", ESC_LIBC_READS), B("strcmp_eq", ESC_LIBC_READS),
    B("strncmp_eq", ESC_LIBC_READS),
    /* keep nothing, read no bytes as data */
    L("bzero", ESC_LIBC_KEEPS_NOTHING), L("free", ESC_LIBC_KEEPS_NOTHING),
    L("malloc", ESC_LIBC_KEEPS_NOTHING), L("calloc", ESC_LIBC_KEEPS_NOTHING),
    B("object_size", ESC_LIBC_KEEPS_NOTHING),
    B("dynamic_object_size", ESC_LIBC_KEEPS_NOTHING),
    B("constant_p", ESC_LIBC_KEEPS_NOTHING), B("classify_type", ESC_LIBC_KEEPS_NOTHING),
    B("prefetch", ESC_LIBC_KEEPS_NOTHING),
    B("stack_save", ESC_LIBC_KEEPS_NOTHING), B("stack_restore", ESC_LIBC_KEEPS_NOTHING),
    /* a va_list points to a record of pointers to the argument save areas:
     * va_copy copies the record (*d <- *s), va_start/va_end move no pointer
     * we model (the save areas hold the caller's variadic arguments, which
     * escape at the call) */
    B("va_start", ESC_LIBC_VA), B("va_end", ESC_LIBC_VA), B("va_copy", ESC_LIBC_COPY),
};

esc_libc_kind esc_known_libc(const char *name)
{
    if (!name) return ESC_LIBC_NONE;
    bool builtin = !strncmp(name, "__builtin_", 10);
    if (builtin) {
        name += 10;
        while (*name == '_') name++;
    }
    for (size_t i = 0; i < sizeof table / sizeof *table; i++)
        if (!strcmp(table[i].name, name) && (builtin || !table[i].builtin_only))
            return table[i].kind;
    return ESC_LIBC_NONE;
}

/* strlen, memcmp, strchr ...: the bytes their pointer arguments point to are read
 * as data, so those contents are exposed (as if read as chars). */
static void expose_args(esc_callargs *a)
{
    const esc_callsite *cs = a->cs;
    for (int i = 0; i < cs->nargs; i++) {
        if (!cs->arg_is_pointer(cs->fe, i))
            continue;
        esc_loc l = esc_call_arg(a, i);
        if (l != ESC_NOLOC)
            esc_expose(cs->f, l, 1, true, cs->pos, "pointer bytes read as data");
    }
}

/* *ptr <- *src written as bytes: what ptr points to may then hold pointer bytes
 * as data. */
static void store_raw(const esc_callsite *cs, esc_loc ptr, esc_loc src)
{
    char why[300];
    if (cs->name) snprintf(why, sizeof why, "copied by %s", cs->name);
    else snprintf(why, sizeof why, "call");
    if (ptr != ESC_NOLOC && src != ESC_NOLOC)
        esc_store_raw(cs->f, ptr, src, 1, cs->pos, why);
}

static void result(const esc_callsite *cs, esc_loc src)
{
    if (src != ESC_NOLOC)
        cs->result(cs->fe, src, 0);
}

void esc_indirect_call(const esc_callsite *cs, const bool *noescape)
{
    char why[300] = "indirect call";    /* -m=2: through a named pointer variable */
    if (cs->name)
        snprintf(why, sizeof why, "indirect call through %s", cs->name);
    esc_unknown_call(cs->f);            /* may call back: the frame budget's cycles */
    for (int i = 0; i < cs->nargs; i++) {
        esc_loc l = noescape && noescape[i] ? ESC_NOLOC : cs->arg(cs->fe, i);
        if (l != ESC_NOLOC)
            esc_escape(cs->f, l, 0, cs->pos, why);
    }
    result(cs, esc_heap(cs->f->c));
}

bool esc_libc_call(const esc_callsite *cs, esc_libc_kind kind)
{
    esc_callargs a = { cs, { 0 }, { false } };
    esc_loc unknown = esc_heap(cs->f->c);
    switch (kind) {
    case ESC_LIBC_NONE:
        return false;
    case ESC_LIBC_KEEPS_NOTHING:
        result(cs, unknown);                        /* malloc's result: not ours */
        return true;
    case ESC_LIBC_READS:
        expose_args(&a);
        result(cs, unknown);
        return true;
    case ESC_LIBC_COPY: {
        esc_loc dst = esc_call_arg(&a, 0);
        store_raw(cs, dst, esc_call_arg(&a, 1));
        result(cs, dst);
        return true;
    }
    case ESC_LIBC_BCOPY:
        store_raw(cs, esc_call_arg(&a, 1), esc_call_arg(&a, 0));
        return true;
    case ESC_LIBC_RET_ARG0_READS:
        expose_args(&a);
        /* fall through */
    case ESC_LIBC_RET_ARG0:
        result(cs, esc_call_arg(&a, 0));            /* a pointer into arg 0 */
        return true;
    case ESC_LIBC_VA:
        return true;        /* va_list contents are the caller's: unknown already */
    }
    return false;
}
