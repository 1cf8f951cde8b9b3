// passtime.cc - a tiny GCC plugin that measures how long one pass runs: the CPU
// time from the start of the pass named by -fplugin-arg-passtime-pass=NAME
// (default "escape") to the start of the next pass, summed over every run of it,
// printed at the end as "passtime: NAME SECONDS" on stderr.  `make bench` loads it
// after build/escape.so to time the escape analysis alone (the escape pass is a
// simple IPA pass: one run per translation unit).
#include "gcc-plugin.h"
#include "plugin-version.h"
#include "tree-pass.h"
#include <cstdio>
#include <cstring>
#include <ctime>

int plugin_is_GPL_compatible;

static const char *pass_name = "escape";
static double started = -1, total = 0;
static unsigned runs = 0;

static double cpu_seconds()
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void stop_clock(double now)
{
    if (started >= 0) {
        total += now - started;
        started = -1;
    }
}

static void on_pass(void *gcc_data, void *)
{
    double now = cpu_seconds();
    const opt_pass *p = (const opt_pass *)gcc_data;
    stop_clock(now);
    if (p && p->name && !strcmp(p->name, pass_name)) {
        started = now;
        runs++;
    }
}

static void on_finish(void *, void *)
{
    stop_clock(cpu_seconds());
    fprintf(stderr, "passtime: %s %.6f runs=%u\n", pass_name, total, runs);
}

int plugin_init(struct plugin_name_args *info, struct plugin_gcc_version *version)
{
    if (!plugin_default_version_check(version, &gcc_version))
        return 1;
    for (int i = 0; i < info->argc; i++)
        if (!strcmp(info->argv[i].key, "pass") && info->argv[i].value)
            pass_name = info->argv[i].value;
    register_callback(info->base_name, PLUGIN_PASS_EXECUTION, on_pass, NULL);
    register_callback(info->base_name, PLUGIN_FINISH, on_finish, NULL);
    return 0;
}
