/* options.c - the analysis' options: one table of names, ranges, defaults and
 * messages for both front ends.
 *
 *   m | m=N                   diagnostics (N = 1 or 2; m alone is 1)
 *   max-kv-size=N             largest key+value size whose first bucket may go on
 *                             the stack (128)
 *   frame-limit=N             stack bytes the rewrite may add to one frame (65536)
 *   recursive-frame-limit=N   the same for a function that may be recursive (256)
 *   transform=yes|no          rewrite gomap_make calls (yes; escape-clang has no rewrite)
 *   json=PATH                 write every decision as JSON
 *   sarif=PATH                the same as SARIF 2.1.0 (output.c: PATH a directory
 *                             holds one file per unit)
 *   m-scope=all|maps          which -m lines: all (Go's: every pointer parameter and
 *                             escaping local) or maps (the map sites, and only the
 *                             parameters and locals a map's pointer can reach)
 *
 * Sizes are bytes in [0, 2^30]; 0 means 0 (nothing goes on the stack under that
 * rule).  GCC spells an option -fplugin-arg-escape-NAME[=VALUE], escape-clang
 * --NAME=VALUE (and -m, -m=N); both report a bad one with esc_option_set's
 * message (which lists the valid ones) and stop.
 */
#include "core.h"

#include <stdio.h>
#include <string.h>

#define SIZE_MAX_OPT (1ul << 30)

enum kind { K_LEVEL, K_SIZE, K_YESNO, K_PATH, K_SCOPE };

static const struct option {
    const char *name;
    enum kind kind;
    const char *spelling;           /* as listed in messages */
} options[] = {
    { "m",                     K_LEVEL, "m, m=1, m=2" },
    { "max-kv-size",           K_SIZE,  "max-kv-size=N" },
    { "frame-limit",           K_SIZE,  "frame-limit=N" },
    { "recursive-frame-limit", K_SIZE,  "recursive-frame-limit=N" },
    { "transform",             K_YESNO, "transform=yes, transform=no" },
    { "json",                  K_PATH,  "json=PATH" },
    { "sarif",                 K_PATH,  "sarif=PATH" },
    { "m-scope",               K_SCOPE, "m-scope=all, m-scope=maps" },
};
#define NOPTIONS (sizeof options / sizeof options[0])

esc_options esc_options_default(void)
{
    esc_options o;
    memset(&o, 0, sizeof o);
    o.max_kv_size = 128;
    o.frame_limit = 65536;
    o.recursive_frame_limit = 256;
    o.transform = true;
    return o;
}

const char *esc_options_list(void)
{
    static char list[512];
    if (!list[0])
        for (size_t i = 0; i < NOPTIONS; i++) {
            if (i) strcat(list, ", ");
            strcat(list, options[i].spelling);
        }
    return list;
}

/* A decimal number in [0, hi], the whole string. */
static bool parse_size(const char *s, unsigned long hi, unsigned long *out)
{
    unsigned long v = 0;
    if (!s || !*s) return false;
    for (; *s; s++) {
        if (*s < '0' || *s > '9') return false;
        v = v * 10 + (unsigned long)(*s - '0');
        if (v > hi) return false;
    }
    *out = v;
    return true;
}

static const char *bad(char *buf, size_t n, const char *name, const char *value,
                       const char *expect)
{
    snprintf(buf, n, "bad value '%s' for option '%s' (expected %s); valid options are: %s",
             value ? value : "", name, expect, esc_options_list());
    return buf;
}

const char *esc_option_set(esc_options *o, const char *name, const char *value,
                           char *buf, size_t n)
{
    const struct option *opt = NULL;
    for (size_t i = 0; i < NOPTIONS; i++)
        if (!strcmp(options[i].name, name)) opt = &options[i];
    if (!opt) {
        snprintf(buf, n, "unknown option '%s'; valid options are: %s", name, esc_options_list());
        return buf;
    }
    unsigned long v;
    switch (opt->kind) {
    case K_LEVEL:
        if (!value) { o->m = 1; return NULL; }
        if (!parse_size(value, 2, &v) || v == 0) return bad(buf, n, name, value, "1 or 2");
        o->m = (int)v;
        return NULL;
    case K_SIZE:
        if (!parse_size(value, SIZE_MAX_OPT, &v))
            return bad(buf, n, name, value, "a size in bytes, 0 to 1073741824");
        if (!strcmp(name, "max-kv-size")) o->max_kv_size = (unsigned)v;
        else if (!strcmp(name, "frame-limit")) o->frame_limit = v;
        else o->recursive_frame_limit = v;
        return NULL;
    case K_YESNO:
        if (value && !strcmp(value, "yes")) o->transform = true;
        else if (value && !strcmp(value, "no")) o->transform = false;
        else return bad(buf, n, name, value, "yes or no");
        return NULL;
    case K_SCOPE:
        if (value && !strcmp(value, "all")) o->m_scope = ESC_SCOPE_ALL;
        else if (value && !strcmp(value, "maps")) o->m_scope = ESC_SCOPE_MAPS;
        else return bad(buf, n, name, value, "all or maps");
        return NULL;
    case K_PATH:
        if (!value || !*value) return bad(buf, n, name, value, "a path");
        if (!strcmp(name, "json")) o->json_path = value;
        else o->sarif_path = value;
        return NULL;
    }
    return NULL;
}
