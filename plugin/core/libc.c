/* libc.c - C library functions and compiler builtins whose effect on pointers
 * is known, for calls to them without a body in the unit: one table shared by
 * every front end (GCC's builtin flags are used first where GCC has them).  Anything not listed is an unknown
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
 * The entries beyond the copies and readers follow what GCC's builtins.def
 * and gimple_call_arg_flags say of the same functions, where GCC knows them,
 * refined where the flags are coarser than the C library's contract (strdup:
 * fresh memory, not its argument; snprintf: the destination is written, not
 * kept).
 *
 * Names are matched after removing a "__builtin_" prefix and then leading
 * underscores, so __builtin___memcpy_chk is memcpy_chk; the B() entries are
 * builtins only (a user's own `expect` is not __builtin_expect).
 */
#include "core.h"

#include <stdio.h>
#include <string.h>

#define L(n, k) { n, k, false, -1, false }
#define B(n, k) { n, k, true, -1, false }  /* only as __builtin_n */
#define F(n, f) { n, ESC_LIBC_FORMAT, false, f, false }  /* format at argument f */
#define FV(n, f) { n, ESC_LIBC_FORMAT, false, f, true } /* ... then a va_list */
static const struct {
    const char *name; esc_libc_kind kind; bool builtin_only; int fmt; bool va;
} table[] = {
    /* copy the pointee of the source into the destination, return it */
    L("memcpy", ESC_LIBC_COPY),   L("memmove", ESC_LIBC_COPY),  L("mempcpy", ESC_LIBC_COPY),
    L("strcpy", ESC_LIBC_COPY),   L("strncpy", ESC_LIBC_COPY),  L("stpcpy", ESC_LIBC_COPY),
    L("stpncpy", ESC_LIBC_COPY),  L("strcat", ESC_LIBC_COPY),   L("strncat", ESC_LIBC_COPY),
    L("memcpy_chk", ESC_LIBC_COPY), L("memmove_chk", ESC_LIBC_COPY),
    L("mempcpy_chk", ESC_LIBC_COPY), L("strcpy_chk", ESC_LIBC_COPY),
    L("strncpy_chk", ESC_LIBC_COPY), L("stpcpy_chk", ESC_LIBC_COPY),
    L("stpncpy_chk", ESC_LIBC_COPY), L("strcat_chk", ESC_LIBC_COPY),
    L("strncat_chk", ESC_LIBC_COPY),
    L("wmemcpy", ESC_LIBC_COPY),  L("wmemmove", ESC_LIBC_COPY),
    L("wmempcpy", ESC_LIBC_COPY), L("wcscpy", ESC_LIBC_COPY),   L("wcsncpy", ESC_LIBC_COPY),
    L("wcpcpy", ESC_LIBC_COPY),   L("wcpncpy", ESC_LIBC_COPY),  L("wcscat", ESC_LIBC_COPY),
    L("wcsncat", ESC_LIBC_COPY),
    L("bcopy", ESC_LIBC_BCOPY),
    /* ... and stop at a byte equal to the one given: which bytes were copied tells
     * the caller the source's values (a search, as memchr), so the source is read
     * as data.  (The string copies above stop only at a zero, which tells whether
     * a byte is zero and nothing of its value: no address is rebuilt from that.) */
    L("memccpy", ESC_LIBC_COPY_READS),
    /* write data bytes into the first argument, return it */
    L("memset", ESC_LIBC_FILL), L("memset_chk", ESC_LIBC_FILL), L("wmemset", ESC_LIBC_FILL),
    L("bzero", ESC_LIBC_FILL), L("explicit_bzero", ESC_LIBC_FILL),   /* zeros: a half of one */
    /* the result points into the first argument */
    B("expect", ESC_LIBC_RET_ARG0),
    B("expect_with_probability", ESC_LIBC_RET_ARG0),
    B("assume_aligned", ESC_LIBC_RET_ARG0),
    /* the result points into the first argument, whose bytes the search reads */
    L("strchr", ESC_LIBC_RET_ARG0_READS), L("strrchr", ESC_LIBC_RET_ARG0_READS),
    L("memchr", ESC_LIBC_RET_ARG0_READS), L("strstr", ESC_LIBC_RET_ARG0_READS),
    L("strpbrk", ESC_LIBC_RET_ARG0_READS), L("index", ESC_LIBC_RET_ARG0_READS),
    L("rindex", ESC_LIBC_RET_ARG0_READS),
    L("memmem", ESC_LIBC_RET_ARG0_READS), L("memrchr", ESC_LIBC_RET_ARG0_READS),
    L("rawmemchr", ESC_LIBC_RET_ARG0_READS), L("strchrnul", ESC_LIBC_RET_ARG0_READS),
    L("strcasestr", ESC_LIBC_RET_ARG0_READS), L("wcschr", ESC_LIBC_RET_ARG0_READS),
    L("wcsrchr", ESC_LIBC_RET_ARG0_READS), L("wmemchr", ESC_LIBC_RET_ARG0_READS),
    L("wcsstr", ESC_LIBC_RET_ARG0_READS), L("wcspbrk", ESC_LIBC_RET_ARG0_READS),
    /* read their arguments' bytes as data, keep nothing */
    L("strlen", ESC_LIBC_READS), L("strnlen", ESC_LIBC_READS),
    L("strcmp", ESC_LIBC_READS), L("strncmp", ESC_LIBC_READS),
    L("memcmp", ESC_LIBC_READS), L("bcmp", ESC_LIBC_READS),
    L("strspn", ESC_LIBC_READS), L("strcspn", ESC_LIBC_READS),
    L("strcasecmp", ESC_LIBC_READS), L("strncasecmp", ESC_LIBC_READS),
    B("memcmp_eq", ESC_LIBC_READS), B("strcmp_eq", ESC_LIBC_READS),
    B("strncmp_eq", ESC_LIBC_READS),
    L("strcoll", ESC_LIBC_READS), L("strverscmp", ESC_LIBC_READS),
    L("strxfrm", ESC_LIBC_READS), L("atoi", ESC_LIBC_READS), L("atol", ESC_LIBC_READS),
    L("atoll", ESC_LIBC_READS), L("atof", ESC_LIBC_READS), L("puts", ESC_LIBC_READS),
    L("getenv", ESC_LIBC_READS), L("secure_getenv", ESC_LIBC_READS),
    L("wcslen", ESC_LIBC_READS), L("wcsnlen", ESC_LIBC_READS), L("wcscmp", ESC_LIBC_READS),
    L("wcsncmp", ESC_LIBC_READS), L("wmemcmp", ESC_LIBC_READS), L("wcsspn", ESC_LIBC_READS),
    L("wcscspn", ESC_LIBC_READS),
    /* fresh memory holding a copy of the string's bytes, which are read as data
     * (up to the NUL): the result is unknown */
    L("strdup", ESC_LIBC_READS), L("strndup", ESC_LIBC_READS),
    /* strtol & co: read the string, point *endptr into it */
    L("strtol", ESC_LIBC_STRTO), L("strtoul", ESC_LIBC_STRTO),
    L("strtoll", ESC_LIBC_STRTO), L("strtoull", ESC_LIBC_STRTO),
    L("strtoq", ESC_LIBC_STRTO), L("strtouq", ESC_LIBC_STRTO),
    L("strtoimax", ESC_LIBC_STRTO), L("strtoumax", ESC_LIBC_STRTO),
    L("strtod", ESC_LIBC_STRTO), L("strtof", ESC_LIBC_STRTO), L("strtold", ESC_LIBC_STRTO),
    /* formatted output to a string (or stdout): the format at the index given */
    F("sprintf", 1), F("snprintf", 2), FV("vsprintf", 1), FV("vsnprintf", 2),
    F("sprintf_chk", 3), F("snprintf_chk", 4), FV("vsprintf_chk", 3), FV("vsnprintf_chk", 4),
    F("printf", 0), FV("vprintf", 0), F("printf_chk", 1), FV("vprintf_chk", 1),
    /* glibc's own entry points, called by name where its fortify macros expand
     * (Clang has no __va_arg_pack) */
    F("__printf_chk", 1), FV("__vprintf_chk", 1), F("__sprintf_chk", 3),
    F("__snprintf_chk", 4), FV("__vsprintf_chk", 3), FV("__vsnprintf_chk", 4),
    /* realloc: arg0 itself or a fresh copy of it */
    L("realloc", ESC_LIBC_REALLOC), L("reallocarray", ESC_LIBC_REALLOC),
    L("posix_memalign", ESC_LIBC_ALLOC_OUT),
    /* keep nothing, read no bytes as data */
    L("free", ESC_LIBC_KEEPS_NOTHING),
    L("malloc", ESC_LIBC_KEEPS_NOTHING), L("calloc", ESC_LIBC_KEEPS_NOTHING),
    L("aligned_alloc", ESC_LIBC_KEEPS_NOTHING), L("memalign", ESC_LIBC_KEEPS_NOTHING),
    L("valloc", ESC_LIBC_KEEPS_NOTHING), L("pvalloc", ESC_LIBC_KEEPS_NOTHING),
    L("malloc_usable_size", ESC_LIBC_KEEPS_NOTHING),
    B("object_size", ESC_LIBC_KEEPS_NOTHING),
    B("dynamic_object_size", ESC_LIBC_KEEPS_NOTHING),
    B("constant_p", ESC_LIBC_KEEPS_NOTHING), B("classify_type", ESC_LIBC_KEEPS_NOTHING),
    B("prefetch", ESC_LIBC_KEEPS_NOTHING),
    B("stack_save", ESC_LIBC_KEEPS_NOTHING), B("stack_restore", ESC_LIBC_KEEPS_NOTHING),
    /* a va_list points to a record of pointers to the argument save areas:
     * va_copy copies the record (*d <- *s), va_start writes it (pointers into
     * the frame's save areas, which hold the caller's variadic arguments:
     * unknown), va_end moves nothing */
    B("va_start", ESC_LIBC_VA), B("va_end", ESC_LIBC_VA), B("va_copy", ESC_LIBC_COPY),
};

static int lookup(const char *name)
{
    if (!name) return -1;
    bool builtin = !strncmp(name, "__builtin_", 10);
    if (builtin) {
        name += 10;
        while (*name == '_') name++;
    }
    for (size_t i = 0; i < sizeof table / sizeof *table; i++)
        if (!strcmp(table[i].name, name) && (builtin || !table[i].builtin_only))
            return (int)i;
    return -1;
}

esc_libc_kind esc_known_libc(const char *name)
{
    int i = lookup(name);
    return i < 0 ? ESC_LIBC_NONE : table[i].kind;
}

int esc_libc_format_arg(const char *name, bool *va)
{
    int i = lookup(name);
    *va = i >= 0 && table[i].va;
    return i < 0 ? -1 : table[i].fmt;
}

bool esc_format_strings(const char *fmt, int nargs, bool *string)
{
    int arg = 0;
    for (int i = 0; i < nargs; i++)
        string[i] = false;
    if (!fmt)
        return false;
    for (const char *c = fmt; *c; c++) {
        if (*c != '%')
            continue;
        c++;
        if (*c == '%')
            continue;
        while (*c && strchr("-+ #0'I", *c))             /* flags */
            c++;
        if (*c == '*') {                                 /* width from an int */
            arg++;
            c++;
        } else {
            while (*c >= '0' && *c <= '9')
                c++;
        }
        if (*c == '$')
            goto fail;                                   /* positional: not followed */
        if (*c == '.') {
            c++;
            if (*c == '*') {
                arg++;
                c++;
            } else {
                while (*c >= '0' && *c <= '9')
                    c++;
            }
        }
        while (*c && strchr("hlqLjzZt", *c))              /* length modifiers */
            c++;
        if (!*c || !strchr("diouxXeEfFgGaAcCsSpnm", *c))
            goto fail;
        if (*c == 'm')
            continue;                                    /* strerror(errno): no argument */
        if (arg >= nargs)
            goto fail;
        string[arg] = *c == 's' || *c == 'S';
        arg++;
    }
    return true;
fail:
    for (int i = 0; i < nargs; i++)
        string[i] = false;
    return false;
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

static void expose(const esc_callsite *cs, esc_loc l)
{
    if (l != ESC_NOLOC)
        esc_expose(cs->f, l, 1, true, cs->pos, "pointer bytes read as data");
}

/* *ptr written with data bytes (memset, a string formatted into it): an integer
 * may carry any exposed address, so a pointer read back from there is unknown,
 * and the memory is raw (docs/design.md "Pointers rebuilt from data"). */
static void store_data(const esc_callsite *cs, esc_loc ptr)
{
    char why[300];
    snprintf(why, sizeof why, "data written by %s", cs->name ? cs->name : "call");
    if (ptr != ESC_NOLOC)
        esc_store_raw(cs->f, ptr, esc_heap(cs->f->c), 0, cs->pos, why);
}

/* *ptr <- src, a pointer the function stores for the caller (strtol's end). */
static void store_ptr(const esc_callsite *cs, esc_loc ptr, esc_loc src)
{
    if (ptr != ESC_NOLOC && src != ESC_NOLOC)
        esc_store(cs->f, ptr, src, 0, cs->pos, "call");
}

/* s(n)printf, printf ...: before the format, a destination written with
 * characters (not kept), sizes and flags; the format is read as data; after it,
 * arguments are printed, read or written by the conversions: they escape, but
 * those a constant format reads only with %s (esc_format_strings), whose bytes
 * are read as data. */
bool esc_libc_printf_hook(const char *name)
{
    return !strcmp(name, "register_printf_specifier") || !strcmp(name, "register_printf_function")
        || !strcmp(name, "fopencookie")     /* a stream whose writes run the unit's code */
        || !strcmp(name, "dlsym") || !strcmp(name, "dlvsym");  /* either, by its name */
}

void esc_printf_hooked(esc_ctx *c)
{
    c->printf_hooked = true;
}

static bool format_call(esc_callargs *a)
{
    const esc_callsite *cs = a->cs;
    bool va;
    int f = cs->name ? esc_libc_format_arg(cs->name, &va) : -1;
    if (f < 0 || f >= cs->nargs)
        return false;
    if (cs->f->c->printf_hooked)
        esc_unknown_call(cs->f);    /* the unit's conversions or cookie stream may run */
    expose(cs, esc_call_arg(a, f));
    const char *pf = strstr(cs->name, "printf");
    if (f > 0 && pf && pf > cs->name && (pf[-1] == 's' || pf[-1] == 'n'))
        store_data(cs, esc_call_arg(a, 0));         /* s(n)printf's destination */
    int n = cs->nargs - f - 1;
    bool *str = esc_xmalloc(sizeof *str * (size_t)(n > 0 ? n : 1));
    /* %s reads and keeps nothing, unless the unit installs its own conversions */
    char *text = !va && cs->arg_string && !cs->f->c->printf_hooked
                 ? cs->arg_string(cs->fe, f) : NULL;
    esc_format_strings(text, n, str);
    free(text);
    for (int i = f + 1; i < cs->nargs; i++) {
        esc_loc l = esc_call_arg(a, i);
        if (l == ESC_NOLOC)
            continue;
        if (str[i - f - 1])
            expose(cs, l);
        else
            esc_escape(cs->f, l, 0, cs->pos, "call parameter");
    }
    free(str);
    result(cs, esc_heap(cs->f->c));
    return true;
}

void esc_indirect_call(const esc_callsite *cs, const bool *noescape)
{
    char why[300] = "indirect call";    /* -m=2: through a named pointer variable */
    if (cs->name)
        snprintf(why, sizeof why, "indirect call through %s", cs->name);
    esc_unknown_call(cs->f);            /* may call back: the frame budget's cycles */
    for (int i = 0; i < cs->nargs; i++) {
        esc_loc l = cs->arg(cs->fe, i);
        if (l == ESC_NOLOC)
            continue;
        if (noescape && noescape[i])            /* not kept, but read and written */
            VPUSH(cs->f->ext_args, l);
        else
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
        if (cs->f->c->printf_hooked && cs->name && strstr(cs->name, "puts"))
            esc_unknown_call(cs->f);    /* stdout may be a cookie stream */
        expose_args(&a);
        result(cs, unknown);
        return true;
    case ESC_LIBC_COPY_READS:
        expose(cs, esc_call_arg(&a, 1));
        /* fall through */
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
    case ESC_LIBC_VA:       /* va_start fills the record; va_end moves nothing */
        if (cs->name && strstr(cs->name, "va_start"))
            store_ptr(cs, esc_call_arg(&a, 0), unknown);
        return true;
    case ESC_LIBC_FILL: {
        esc_loc dst = esc_call_arg(&a, 0);
        store_data(cs, dst);
        result(cs, dst);
        return true;
    }
    case ESC_LIBC_FORMAT:
        return format_call(&a);
    case ESC_LIBC_STRTO: {
        esc_loc s0 = esc_call_arg(&a, 0);
        expose(cs, s0);
        if (cs->nargs > 1 && !(cs->arg_is_null && cs->arg_is_null(cs->fe, 1)))
            store_ptr(cs, esc_call_arg(&a, 1), s0);     /* *endptr = a pointer into arg 0 */
        result(cs, unknown);
        return true;
    }
    case ESC_LIBC_REALLOC: {
        esc_loc p = esc_call_arg(&a, 0);
        if (p != ESC_NOLOC)                         /* the fresh copy of *p is heap memory */
            esc_escape(cs->f, p, 1, cs->pos, "call parameter");
        result(cs, p);                              /* or p itself, grown in place */
        result(cs, unknown);
        return true;
    }
    case ESC_LIBC_ALLOC_OUT:
        store_ptr(cs, esc_call_arg(&a, 0), unknown);    /* *p = fresh memory */
        result(cs, unknown);
        return true;
    }
    return false;
}
