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
#include "escape.h"

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
    L("memccpy", ESC_LIBC_COPY),  L("wmemcpy", ESC_LIBC_COPY),  L("wmemmove", ESC_LIBC_COPY),
    L("wmempcpy", ESC_LIBC_COPY), L("wcscpy", ESC_LIBC_COPY),   L("wcsncpy", ESC_LIBC_COPY),
    L("wcpcpy", ESC_LIBC_COPY),   L("wcpncpy", ESC_LIBC_COPY),  L("wcscat", ESC_LIBC_COPY),
    L("wcsncat", ESC_LIBC_COPY),
    L("bcopy", ESC_LIBC_BCOPY),
    /* the result points into the first argument */
    L("memset", ESC_LIBC_RET_ARG0), L("memset_chk", ESC_LIBC_RET_ARG0),
    L("wmemset", ESC_LIBC_RET_ARG0),
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
    L("bzero", ESC_LIBC_KEEPS_NOTHING), L("free", ESC_LIBC_KEEPS_NOTHING),
    L("malloc", ESC_LIBC_KEEPS_NOTHING), L("calloc", ESC_LIBC_KEEPS_NOTHING),
    L("aligned_alloc", ESC_LIBC_KEEPS_NOTHING), L("memalign", ESC_LIBC_KEEPS_NOTHING),
    L("valloc", ESC_LIBC_KEEPS_NOTHING), L("pvalloc", ESC_LIBC_KEEPS_NOTHING),
    L("explicit_bzero", ESC_LIBC_KEEPS_NOTHING),
    L("malloc_usable_size", ESC_LIBC_KEEPS_NOTHING),
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
