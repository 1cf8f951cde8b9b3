/* args.cc - the plugin's arguments, -fplugin-arg-escape-NAME[=VALUE].
 *
 * The names, ranges, defaults and messages are the core's (plugin/core/options.c,
 * shared with escape-clang's --NAME=VALUE): m, m=N, max-kv-size=N, frame-limit=N,
 * recursive-frame-limit=N, transform=yes|no, json=PATH,
 * sarif=PATH.  A bad argument is a GCC
 * error() with the core's message, so the compilation fails cleanly (the pass is
 * then not registered).
 */
#include "fe.h"

esc_options fe_opts = esc_options_default();

bool fe_parse_args(const char *plugin_name, int argc, struct plugin_argument *argv)
{
    bool ok = true;
    char msg[512];
    for (int i = 0; i < argc; i++)
        if (esc_option_set(&fe_opts, argv[i].key, argv[i].value, msg, sizeof msg)) {
            error("plugin %qs: %s", plugin_name, msg);
            ok = false;
        }
    return ok;
}
