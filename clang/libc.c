/* libc.c - libc functions and compiler builtins whose effect on pointers is known,
 * for calls to them without a body in the unit.
 *
 * The table lists what GCC knows of these functions as builtins (their fnspec
 * flags: plugin/gcc/calls.cc asks GCC for them), so that both front ends agree;
 * anything not listed is an unknown body-less callee and keeps every argument
 * (unless noescape).  calls.c uses the table only for the library's own
 * declarations (system headers, Clang's implicit builtins), never for a
 * function the user declared under the same name.  Names are matched after removing a "__builtin_" prefix and
 * then leading underscores, so __builtin___memcpy_chk is memcpy_chk; the B()
 * entries are builtins only (a user's own `expect` is not __builtin_expect).
 */
#include "fe.h"

#include <string.h>

#define L(n, k) { n, k, false }
#define B(n, k) { n, k, true }         /* only as __builtin_n */
static const struct { const char *name; ce_libc_kind kind; bool builtin_only; } table[] = {
    /* copy the pointee of the source into the destination, return it */
    L("memcpy", CE_LIBC_COPY),   L("memmove", CE_LIBC_COPY),  L("mempcpy", CE_LIBC_COPY),
    L("strcpy", CE_LIBC_COPY),   L("strncpy", CE_LIBC_COPY),  L("stpcpy", CE_LIBC_COPY),
    L("stpncpy", CE_LIBC_COPY),  L("strcat", CE_LIBC_COPY),   L("strncat", CE_LIBC_COPY),
    L("memcpy_chk", CE_LIBC_COPY), L("memmove_chk", CE_LIBC_COPY),
    L("mempcpy_chk", CE_LIBC_COPY), L("strcpy_chk", CE_LIBC_COPY),
    L("strncpy_chk", CE_LIBC_COPY), L("stpcpy_chk", CE_LIBC_COPY),
    L("stpncpy_chk", CE_LIBC_COPY), L("strcat_chk", CE_LIBC_COPY),
    L("strncat_chk", CE_LIBC_COPY),
    L("bcopy", CE_LIBC_BCOPY),
    /* the result points into the first argument */
    L("memset", CE_LIBC_RET_ARG0), L("memset_chk", CE_LIBC_RET_ARG0),
    L("strchr", CE_LIBC_RET_ARG0), L("strrchr", CE_LIBC_RET_ARG0),
    L("memchr", CE_LIBC_RET_ARG0), L("strstr", CE_LIBC_RET_ARG0),
    L("strpbrk", CE_LIBC_RET_ARG0), B("expect", CE_LIBC_RET_ARG0),
    B("expect_with_probability", CE_LIBC_RET_ARG0),
    B("assume_aligned", CE_LIBC_RET_ARG0),
    /* read their arguments, keep nothing */
    L("strlen", CE_LIBC_KEEPS_NOTHING), L("strnlen", CE_LIBC_KEEPS_NOTHING),
    L("strcmp", CE_LIBC_KEEPS_NOTHING), L("strncmp", CE_LIBC_KEEPS_NOTHING),
    L("memcmp", CE_LIBC_KEEPS_NOTHING), L("bcmp", CE_LIBC_KEEPS_NOTHING),
    L("strspn", CE_LIBC_KEEPS_NOTHING), L("strcspn", CE_LIBC_KEEPS_NOTHING),
    L("bzero", CE_LIBC_KEEPS_NOTHING), L("free", CE_LIBC_KEEPS_NOTHING),
    L("malloc", CE_LIBC_KEEPS_NOTHING), L("calloc", CE_LIBC_KEEPS_NOTHING),
    B("object_size", CE_LIBC_KEEPS_NOTHING),
    B("dynamic_object_size", CE_LIBC_KEEPS_NOTHING),
    B("constant_p", CE_LIBC_KEEPS_NOTHING), B("classify_type", CE_LIBC_KEEPS_NOTHING),
    B("prefetch", CE_LIBC_KEEPS_NOTHING),
    B("stack_save", CE_LIBC_KEEPS_NOTHING), B("stack_restore", CE_LIBC_KEEPS_NOTHING),
    B("va_start", CE_LIBC_VA), B("va_end", CE_LIBC_VA), B("va_copy", CE_LIBC_VA),
};

ce_libc_kind ce_libc_lookup(const char *name)
{
    bool builtin = !strncmp(name, "__builtin_", 10);
    if (builtin) {
        name += 10;
        while (*name == '_')
            name++;
    }
    for (size_t i = 0; i < sizeof table / sizeof *table; i++)
        if (!strcmp(table[i].name, name) && (builtin || !table[i].builtin_only))
            return table[i].kind;
    return CE_LIBC_NONE;
}
