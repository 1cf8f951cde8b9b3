/* args.cc - the plugin's arguments, -fplugin-arg-escape-NAME[=VALUE].
 *
 *   m | m=N          diagnostics (N = 1 or 2; m alone is 1)
 *   max-kv-size=N    largest key+value size whose first bucket may go on the stack
 *   recursive-frame-limit=N  stack bytes for maps per frame of a recursive function
 *   transform=yes|no rewrite gomap_make calls (default yes)
 *   json=FILE        write every decision as JSON
 *
 * A bad argument is a GCC error() naming it and listing the valid ones, so the
 * compilation fails cleanly (the pass is then not registered).
 */
#include "fe.h"

fe_options fe_opts = { 0, 128, 256, true, NULL };

static const char valid_args[] =
    "m, m=1, m=2, max-kv-size=N, recursive-frame-limit=N, transform=yes, transform=no, "
    "json=FILE";

/* A decimal number in [lo, hi], the whole string. */
static bool parse_uint(const char *s, unsigned long lo, unsigned long hi,
                       unsigned long *out)
{
    if (!s || !*s)
        return false;
    unsigned long v = 0;
    for (; *s; s++) {
        if (*s < '0' || *s > '9')
            return false;
        v = v * 10 + (unsigned long)(*s - '0');
        if (v > hi)
            return false;
    }
    if (v < lo)
        return false;
    *out = v;
    return true;
}

static bool bad_value(const char *plugin, const char *key, const char *value,
                      const char *expect)
{
    error("bad value %qs for argument %qs of plugin %qs (expected %s); "
          "valid arguments are: %s", value ? value : "", key, plugin, expect,
          valid_args);
    return false;
}

static bool parse_one(const char *plugin, const char *key, const char *value)
{
    unsigned long n;
    if (!strcmp(key, "m")) {
        if (!value) {
            fe_opts.m = 1;
            return true;
        }
        if (!parse_uint(value, 1, 2, &n))
            return bad_value(plugin, key, value, "1 or 2");
        fe_opts.m = (int)n;
        return true;
    }
    if (!strcmp(key, "max-kv-size")) {
        if (!parse_uint(value, 0, 1ul << 30, &n))
            return bad_value(plugin, key, value, "a size in bytes");
        fe_opts.max_kv_size = (unsigned)n;
        return true;
    }
    if (!strcmp(key, "recursive-frame-limit")) {
        if (!parse_uint(value, 0, 1ul << 30, &n))
            return bad_value(plugin, key, value, "a size in bytes");
        fe_opts.recursive_frame_limit = n;
        return true;
    }
    if (!strcmp(key, "transform")) {
        if (value && !strcmp(value, "yes"))
            fe_opts.transform = true;
        else if (value && !strcmp(value, "no"))
            fe_opts.transform = false;
        else
            return bad_value(plugin, key, value, "yes or no");
        return true;
    }
    if (!strcmp(key, "json")) {
        if (!value || !*value)
            return bad_value(plugin, key, value, "a file name");
        fe_opts.json = value;
        return true;
    }
    error("unknown argument %qs to plugin %qs; valid arguments are: %s", key, plugin,
          valid_args);
    return false;
}

bool fe_parse_args(const char *plugin_name, int argc, struct plugin_argument *argv)
{
    bool ok = true;
    for (int i = 0; i < argc; i++)
        ok &= parse_one(plugin_name, argv[i].key, argv[i].value);
    return ok;
}
