// A stand-in GCC plugin that proves the torture harness catches broken plugins.
// Built as .../escape.so so that -fplugin-arg-escape-* reaches it. Arguments:
//   m           accepted and ignored (the harness always passes it)
//   crash=NAME  segfault after parsing any function whose name contains NAME
//   fail=NAME   report an error for any function whose name contains NAME
//   trap=NAME   compile such functions to trap on entry (a silent miscompile)
// With neither, it does nothing: every file must then pass.
#include "gcc-plugin.h"
#include "plugin-version.h"
#include "tree.h"
#include "diagnostic-core.h"
#include "tree-iterator.h"
#include <csignal>
#include <cstring>

int plugin_is_GPL_compatible;

static const char *crash_on, *fail_on, *trap_on;

static bool named(tree fn, const char *part)
{
  return part && DECL_NAME(fn) && strstr(IDENTIFIER_POINTER(DECL_NAME(fn)), part);
}

static void on_function(void *gcc_data, void *)
{
  tree fn = (tree)gcc_data;
  if (named(fn, crash_on))
    raise(SIGSEGV);
  if (named(fn, fail_on))
    error("fake plugin: refusing %qs", IDENTIFIER_POINTER(DECL_NAME(fn)));
  if (named(fn, trap_on)) {
    tree body = alloc_stmt_list();
    append_to_statement_list(build_call_expr(builtin_decl_explicit(BUILT_IN_TRAP), 0), &body);
    append_to_statement_list(DECL_SAVED_TREE(fn), &body);
    DECL_SAVED_TREE(fn) = body;
  }
}

int plugin_init(struct plugin_name_args *info, struct plugin_gcc_version *version)
{
  if (!plugin_default_version_check(version, &gcc_version))
    return 1;
  for (int i = 0; i < info->argc; i++) {
    const char *key = info->argv[i].key, *val = info->argv[i].value;
    if (!strcmp(key, "crash"))
      crash_on = val;
    else if (!strcmp(key, "fail"))
      fail_on = val;
    else if (!strcmp(key, "trap"))
      trap_on = val;
  }
  register_callback(info->base_name, PLUGIN_PRE_GENERICIZE, on_function, NULL);
  return 0;
}
