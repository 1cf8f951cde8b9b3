/* main.c - escape-clang: the escape analysis of the GCC plugin for Clang users.
 *
 *   escape-clang [-m[=2]] [--max-kv-size=N] [--recursive-frame-limit=N] [--json=PATH]
 *                [--sarif=PATH] FILE.c... [-- CFLAGS]
 *   escape-clang [OPTIONS] -p BUILD_DIR [FILE.c...] [-- EXTRA_CFLAGS]
 *
 * Each file is parsed by libclang with CFLAGS (or with its command from
 * BUILD_DIR/compile_commands.json: all of them when no file is named), turned
 * into the core's location graph (unit.c) and solved; -m prints the diagnostic
 * lines of docs/diagnostics.md on stderr, exactly as the plugin does.  Parse errors are printed
 * as Clang formats them and make the exit status 1; nothing is rewritten.
 * --json=PATH and --sarif=PATH write the plugin's records (plugin/core/output.c):
 * PATH a directory gets one file per unit, named after the unit (the -o of its
 * compile command, else its source file, without extension), written as each
 * unit is done; any other PATH one file with every unit, written at the end.
 * --debug-ops prints the operator recovered for every unary/binary operator of
 * the main file (the tokens helper, ops.c, is tested through it).
 */
#include "fe.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <clang-c/CXCompilationDatabase.h>

static const char usage[] =
    "usage: escape-clang [-m[=2]] [--max-kv-size=N] [--frame-limit=N] [--recursive-frame-limit=N]\n"
    "                    [--json=PATH] [--sarif=PATH] [--m-scope=all|maps]\n"
    "                    FILE.c... [-- CFLAGS]\n"
    "       escape-clang [OPTIONS] -p BUILD_DIR [FILE.c...] [-- EXTRA_CFLAGS]\n";
/* Besides the core's options (-m, --NAME=VALUE, plugin/core/options.c). */
static const char own[] = "-p BUILD_DIR, --debug-ops, --help";

typedef struct run {
    ce_options opt;
    bool debug_ops;
    const char *build_dir;
    VEC(const char *) files;
    VEC(const char *) cflags;
    VEC(char *) parts[2];        /* JSON documents, SARIF runs: one per unit */
    char *out_name;                 /* -o of the current compile command, NULL */
    int units, failed;
    CXIndex index;
} run;

/* ---- arguments --------------------------------------------------------------------- */

static int bad(const char *what, const char *arg)
{
    fprintf(stderr, "escape-clang: %s '%s'; valid options are: %s, %s\n%s", what, arg,
            esc_options_list(), own, usage);
    return 2;
}

/* -m, -m=N and --NAME[=VALUE] go to the core's table; 1 if A is not one of them. */
static int core_option(run *r, const char *a)
{
    char name[64], msg[512];
    const char *s = a[1] == '-' ? a + 2 : a + 1, *eq = strchr(s, '=');
    size_t len = eq ? (size_t)(eq - s) : strlen(s);
    if ((a[1] != '-' && strncmp(s, "m", len)) || len == 0 || len >= sizeof name)
        return 1;
    memcpy(name, s, len);
    name[len] = 0;
    if (esc_option_set(&r->opt.core, name, eq ? eq + 1 : NULL, msg, sizeof msg)) {
        if (!strncmp(msg, "unknown", 7))
            return bad("unknown option", a);
        fprintf(stderr, "escape-clang: %s, %s\n", msg, own);
        return 2;
    }
    return 0;
}

static int parse_args(run *r, int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--")) {
            for (i++; i < argc; i++)
                VPUSH(r->cflags, argv[i]);
            break;
        }
        if (!strcmp(a, "-p") && i + 1 < argc)
            r->build_dir = argv[++i];
        else if (!strncmp(a, "-p=", 3) && a[3])
            r->build_dir = a + 3;
        else if (!strcmp(a, "--debug-ops"))
            r->debug_ops = true;
        else if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            fputs(usage, stdout);
            exit(0);
        } else if (a[0] == '-') {
            int rc = core_option(r, a);
            if (rc == 1)
                return bad("unknown option", a);
            if (rc)
                return rc;
        } else
            VPUSH(r->files, a);
    }
    if (!r->files.n && !r->build_dir) {
        fputs(usage, stderr);
        return 2;
    }
    return 0;
}

/* ---- diagnostics and --debug-ops --------------------------------------------------------- */

static bool report_parse_errors(CXTranslationUnit tu)
{
    bool failed = false;
    unsigned n = clang_getNumDiagnostics(tu);
    for (unsigned i = 0; i < n; i++) {
        CXDiagnostic d = clang_getDiagnostic(tu, i);
        if (clang_getDiagnosticSeverity(d) >= CXDiagnostic_Error) {
            char *s = ce_string(clang_formatDiagnostic(d, clang_defaultDiagnosticDisplayOptions()));
            fprintf(stderr, "%s\n", s);
            free(s);
            failed = true;
        }
        clang_disposeDiagnostic(d);
    }
    return failed;
}

static enum CXChildVisitResult print_ops(CXCursor c, CXCursor parent, CXClientData d)
{
    (void)parent;
    CXTranslationUnit tu = d;
    enum CXCursorKind k = clang_getCursorKind(c);
    CXFile file;
    clang_getExpansionLocation(clang_getCursorLocation(c), &file, NULL, NULL, NULL);
    char *main_name = ce_string(clang_getTranslationUnitSpelling(tu));
    bool in_main = file && clang_File_isEqual(file, clang_getFile(tu, main_name));
    free(main_name);
    if (!in_main)
        return CXChildVisit_Continue;
    if (k == CXCursor_UnaryOperator || k == CXCursor_BinaryOperator
        || k == CXCursor_CompoundAssignOperator) {
        esc_pos p = ce_cursor_pos(c);
        bool un = k == CXCursor_UnaryOperator;
        printf("%s:%d:%d: %s %s\n", p.file, p.line, p.col, un ? "unary" : "binary",
               ce_op_name(un ? ce_unary_op(tu, c) : ce_binary_op(tu, c)));
    }
    return CXChildVisit_Recurse;
}

/* ---- one unit -------------------------------------------------------------------------------- */

/* The unit's name: its -o, else its source file, without extension. */
static char *unit_name(const char *out, const char *source)
{
    const char *base = out && *out && strcmp(out, "-") ? out : source ? source : "unit";
    char *name = strdup(base);
    if (!name) abort();
    char *dot = strrchr(name, '.'), *slash = strrchr(name, '/');
    if (dot && dot > name && (!slash || dot > slash + 1))
        *dot = 0;
    return name;
}

/* json=PATH / sarif=PATH for one unit: into the directory PATH now, else kept
 * for write_records. */
static void unit_records(run *r, esc_ctx *ctx, CXTranslationUnit tu)
{
    const char *paths[2] = { r->opt.core.json_path, r->opt.core.sarif_path };
    if (!paths[0] && !paths[1])
        return;
    char *source = ce_string(clang_getTranslationUnitSpelling(tu));
    char *unit = unit_name(r->out_name, source);
    for (int k = 0; k < 2; k++) {
        esc_format fmt = k ? ESC_FORMAT_SARIF : ESC_FORMAT_JSON;
        if (!paths[k])
            continue;
        char *part = esc_render(ctx, fmt, unit, source);
        char *file = esc_output_path(paths[k], unit, fmt);
        if (strcmp(file, paths[k])) {       /* a file of its own in the directory */
            if (esc_write_parts(file, fmt, &part, 1) != 0) {
                fprintf(stderr, "escape-clang: cannot write %s: %s\n", file, strerror(errno));
                r->failed++;
            }
            free(part);
        } else {
            VPUSH(r->parts[k], part);
        }
        free(file);
    }
    free(unit);
    free(source);
}

static void analyse(run *r, CXTranslationUnit tu)
{
    if (r->debug_ops) {
        clang_visitChildren(clang_getTranslationUnitCursor(tu), print_ops, tu);
        return;
    }
    esc_ctx *ctx = esc_ctx_new(&r->opt.core);
    ce_analyse_unit(tu, &r->opt, ctx);
    esc_solve(ctx);
    if (r->opt.core.m >= 1)
        esc_report(ctx, stderr);
    if (esc_report_promises(ctx, stderr))   /* a noescape parameter that leaks */
        r->failed++;
    unit_records(r, ctx, tu);
    esc_ctx_free(ctx);
}

static bool pic_flag(const char *a)
{
    return !strcmp(a, "-fPIC") || !strcmp(a, "-fpic") || !strcmp(a, "-shared");
}

/* GCC's column options (how the plugin's lines count columns); Clang does not
 * know -fdiagnostics-column-unit, so it is taken out of the arguments. */
static int column_options(const char **args, int nargs, bool *bytes, int *tabstop)
{
    int n = 0;
    *bytes = false;
    *tabstop = 8;
    for (int i = 0; i < nargs; i++) {
        const char *a = args[i];
        if (!strncmp(a, "-fdiagnostics-column-unit=", 26)) {
            *bytes = !strcmp(a + 26, "byte");
            continue;
        }
        if (!strncmp(a, "-ftabstop=", 10))
            *tabstop = atoi(a + 10);
        args[n++] = a;
    }
    return n;
}

/* GNU inline semantics for `extern inline` (GCC's rule: the last -std or
 * -f[no-]gnu89-inline decides; C89/C90 standards imply it). */
static bool gnu89_inline(const char **args, int nargs)
{
    bool std89 = false;
    int flag = -1;
    for (int i = 0; i < nargs; i++) {
        const char *a = args[i];
        if (!strcmp(a, "-fgnu89-inline")) flag = 1;
        else if (!strcmp(a, "-fno-gnu89-inline")) flag = 0;
        else if (!strcmp(a, "-ansi")) std89 = true;
        else if (!strncmp(a, "-std=", 5))
            std89 = !strcmp(a + 5, "c89") || !strcmp(a + 5, "c90") || !strcmp(a + 5, "gnu89")
                || !strcmp(a + 5, "gnu90") || !strcmp(a + 5, "iso9899:1990")
                || !strcmp(a + 5, "iso9899:199409");
    }
    return flag >= 0 ? flag == 1 : std89;
}

/* Parse SOURCE (NULL: it is among ARGS) and analyse it. */
static void parse_one(run *r, const char *source, const char *const *given, int ngiven)
{
    const char **args = malloc(((size_t)ngiven + 1) * sizeof *args);
    if (!args) abort();
    for (int i = 0; i < ngiven; i++)
        args[i] = given[i];
    bool bytes;
    int tabstop;
    int nargs = column_options(args, ngiven, &bytes, &tabstop);
    bool pic = false, fixed = false;     /* -f[no-]semantic-interposition: the last */
    for (int i = 0; i < nargs; i++) {
        pic |= pic_flag(args[i]);
        if (!strcmp(args[i], "-fno-semantic-interposition"))
            fixed = true;
        else if (!strcmp(args[i], "-fsemantic-interposition"))
            fixed = false;
    }
    r->opt.pic = pic && !fixed;
    r->opt.gnu89_inline = gnu89_inline(args, nargs);
    r->opt.no_strict_aliasing = false;       /* explicit only, the last one wins */
    for (int i = 0; i < nargs; i++)
        if (!strcmp(args[i], "-fno-strict-aliasing"))
            r->opt.no_strict_aliasing = true;
        else if (!strcmp(args[i], "-fstrict-aliasing"))
            r->opt.no_strict_aliasing = false;
    CXTranslationUnit tu = NULL;
    enum CXErrorCode e = clang_parseTranslationUnit2(r->index, source, args, nargs, NULL, 0,
                                                      CXTranslationUnit_DetailedPreprocessingRecord,
                                                      &tu);
    free(args);
    r->units++;
    if (e != CXError_Success || !tu) {
        fprintf(stderr, "escape-clang: cannot parse %s (libclang error %d)\n",
                source ? source : "(compile command)", (int)e);
        r->failed++;
        return;
    }
    ce_columns(tu, bytes, tabstop);
    if (report_parse_errors(tu))
        r->failed++;
    else
        analyse(r, tu);
    ce_columns(NULL, bytes, tabstop);
    clang_disposeTranslationUnit(tu);
}

/* ---- compile_commands.json ------------------------------------------------------------------- */

/* A compiler's arguments minus the compiler, the output and the GCC plugin. */
typedef VEC(char *) strings;

static void command_args(run *r, CXCompileCommand cmd, strings *out)
{
    unsigned n = clang_CompileCommand_getNumArgs(cmd);
    for (unsigned i = 1; i < n; i++) {
        char *a = ce_string(clang_CompileCommand_getArg(cmd, i));
        if (!strcmp(a, "-o") && i + 1 < n) {
            free(a);
            free(r->out_name);
            r->out_name = ce_string(clang_CompileCommand_getArg(cmd, ++i));
            continue;
        }
        if (!strncmp(a, "-fplugin", 8)) {
            free(a);
            continue;
        }
        VPUSH(*out, a);
    }
    for (int i = 0; i < r->cflags.n; i++) {
        char *a = strdup(r->cflags.v[i]);
        if (!a) abort();
        VPUSH(*out, a);
    }
}

static void run_command(run *r, CXCompileCommand cmd)
{
    strings args = { 0 };
    command_args(r, cmd, &args);
    char *dir = ce_string(clang_CompileCommand_getDirectory(cmd));
    int here = open(".", O_RDONLY | O_DIRECTORY);
    if (here < 0 || chdir(dir) != 0) {
        fprintf(stderr, "escape-clang: cannot enter %s\n", dir);
        r->failed++;
    } else {
        parse_one(r, NULL, (const char *const *)args.v, args.n);
    }
    if (here >= 0) {
        if (fchdir(here) != 0)
            perror("escape-clang: fchdir");
        close(here);
    }
    free(dir);
    free(r->out_name);
    r->out_name = NULL;
    for (int i = 0; i < args.n; i++)
        free(args.v[i]);
    VFREE(args);
}

static void run_commands(run *r, CXCompileCommands cmds)
{
    unsigned n = clang_CompileCommands_getSize(cmds);
    for (unsigned i = 0; i < n; i++)
        run_command(r, clang_CompileCommands_getCommand(cmds, i));
}

static int run_database(run *r)
{
    CXCompilationDatabase_Error err;
    CXCompilationDatabase db = clang_CompilationDatabase_fromDirectory(r->build_dir, &err);
    if (err != CXCompilationDatabase_NoError || !db) {
        fprintf(stderr, "escape-clang: cannot read %s/compile_commands.json\n", r->build_dir);
        return 1;
    }
    if (!r->files.n) {
        CXCompileCommands all = clang_CompilationDatabase_getAllCompileCommands(db);
        run_commands(r, all);
        clang_CompileCommands_dispose(all);
    }
    for (int i = 0; i < r->files.n; i++) {
        char abs[PATH_MAX];
        const char *f = realpath(r->files.v[i], abs) ? abs : r->files.v[i];
        CXCompileCommands cmds = clang_CompilationDatabase_getCompileCommands(db, f);
        if (!cmds || !clang_CompileCommands_getSize(cmds)) {
            fprintf(stderr, "escape-clang: no compile command for %s in %s\n",
                    r->files.v[i], r->build_dir);
            r->failed++;
        } else {
            run_commands(r, cmds);
        }
        if (cmds)
            clang_CompileCommands_dispose(cmds);
    }
    clang_CompilationDatabase_dispose(db);
    return 0;
}

/* ---- records: one file with every unit (PATH not a directory) ------------------------ */

static int write_records(run *r)
{
    const char *paths[2] = { r->opt.core.json_path, r->opt.core.sarif_path };
    int rc = 0;
    for (int k = 0; k < 2; k++) {
        struct stat st;
        if (paths[k] && !(stat(paths[k], &st) == 0 && S_ISDIR(st.st_mode))
            && esc_write_parts(paths[k], k ? ESC_FORMAT_SARIF : ESC_FORMAT_JSON,
                               r->parts[k].v, r->parts[k].n) != 0) {
            fprintf(stderr, "escape-clang: cannot write %s: %s\n", paths[k], strerror(errno));
            rc = 1;
        }
        for (int i = 0; i < r->parts[k].n; i++)
            free(r->parts[k].v[i]);
        VFREE(r->parts[k]);
    }
    return rc;
}

int main(int argc, char **argv)
{
    run r;
    memset(&r, 0, sizeof r);
    r.opt.core = esc_options_default();
    int rc = parse_args(&r, argc, argv);
    if (rc)
        return rc;
    r.index = clang_createIndex(0, 0);
    if (r.build_dir) {
        rc = run_database(&r);
    } else {
        for (int i = 0; i < r.files.n; i++)
            parse_one(&r, r.files.v[i], r.cflags.v, r.cflags.n);
    }
    if (write_records(&r))
        rc = 1;
    clang_disposeIndex(r.index);
    VFREE(r.files);
    VFREE(r.cflags);
    ce_intern_free();
    return rc ? rc : r.failed ? 1 : 0;
}
