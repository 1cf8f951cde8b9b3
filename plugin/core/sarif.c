/* sarif.c - the unit's decisions as a SARIF 2.1.0 run (sarif=PATH; output.c
 * wraps the runs of a file in one log).
 *
 * One result per -m line (docs/diagnostics.md), in the same order and with the
 * same text: report.c's esc_lines gives both (none for positions in system
 * headers or without a file, m-scope, one message per position, "(in NAME)").  Each
 * message kind is a rule:
 *
 *   map-does-not-escape    make(map[K]V) does not escape          note
 *   map-escapes            make(map[K]V) escapes to heap          warning
 *   buckets-escape         make(map[K]V) buckets escape to heap   warning
 *   leaking-param          leaking param: p                       warning
 *   leaking-param-content  leaking param content: p               warning
 *   param-to-result        leaking param: p to result ~r0 level=N warning
 *   param-does-not-escape  p does not escape                      note
 *   addr-escapes           &x escapes to heap                     warning
 *
 * The flow path that explains an escape or a leak (-m=2's hops) is the
 * result's codeFlows[0].threadFlows[0].locations, one per hop, each at the
 * statement that made the edge.  A relative file name (and an absolute one
 * under the working directory) is a URI relative to %SRCROOT%, which
 * originalUriBaseIds binds to the working directory.
 */
#define _POSIX_C_SOURCE 200809L
#include "core.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const struct { const char *id, *level, *text; } rules[ESC_LINE_KINDS] = {
    [ESC_LINE_MAP_STACK] = { "map-does-not-escape", "note",
      "The map does not outlive its function: its header and first bucket are on the stack." },
    [ESC_LINE_MAP_HEAP] = { "map-escapes", "warning",
      "The map (its handle, a slot or an iterator) may outlive its function: it is on the heap." },
    [ESC_LINE_BUCKETS] = { "buckets-escape", "warning",
      "The map does not escape, but its buckets cannot go on the stack: header on the stack, "
      "buckets on the heap." },
    [ESC_LINE_LEAK] = { "leaking-param", "warning", "The pointer parameter may outlive the call." },
    [ESC_LINE_LEAK_CONTENT] = { "leaking-param-content", "warning",
      "What the pointer parameter points to may outlive the call." },
    [ESC_LINE_TO_RESULT] = { "param-to-result", "warning", "The pointer parameter flows to the function's result." },
    [ESC_LINE_PARAM_OK] = { "param-does-not-escape", "note", "The pointer parameter does not outlive the call." },
    [ESC_LINE_ADDR] = { "addr-escapes", "warning", "The address of the local variable outlives its function." },
};

/* ---- URIs ---------------------------------------------------------------------------- */
static void uri_bytes(FILE *o, const char *s)
{
    for (; *s; s++) {
        unsigned char ch = (unsigned char)*s;
        if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
            ch == '-' || ch == '.' || ch == '_' || ch == '~' || ch == '/')
            fputc(ch, o);
        else
            fprintf(o, "%%%02X", ch);
    }
}

/* "uri": ..., ["uriBaseId": "%SRCROOT%"] for file, relative to cwd when it can be. */
static void artifact(FILE *o, const char *file, const char *cwd)
{
    size_t n = cwd ? strlen(cwd) : 0;
    fputs("{\"uri\": \"", o);
    if (file[0] == '/' && n && !strncmp(file, cwd, n) && file[n] == '/') {
        uri_bytes(o, file + n + 1);
        fputs("\", \"uriBaseId\": \"%SRCROOT%\"}", o);
    } else if (file[0] == '/') {
        fputs("file://", o);
        uri_bytes(o, file);
        fputs("\"}", o);
    } else {
        while (file[0] == '.' && file[1] == '/') file += 2;
        uri_bytes(o, file);
        fputs("\", \"uriBaseId\": \"%SRCROOT%\"}", o);
    }
}

static void physical(esc_ctx *c, FILE *o, esc_pos p, const char *cwd)
{
    fputs("\"physicalLocation\": {\"artifactLocation\": ", o);
    artifact(o, p.file, cwd);
    int col = esc_print_col(c, p);
    if (p.line >= 1) {
        fprintf(o, ", \"region\": {\"startLine\": %d", p.line);
        if (col >= 1) fprintf(o, ", \"startColumn\": %d", col);
        fputc('}', o);
    }
    fputc('}', o);
}

static void text(FILE *o, const char *s)
{
    fputs("{\"text\": ", o);
    esc_json_str(o, s);
    fputc('}', o);
}

/* One threadFlow location per hop of -m=2 (report.c's folding): "flow: DST = OPS
 * SRC: from WHAT (WHY), from ..." at the position of its last note. */
typedef struct flow_out { esc_ctx *c; FILE *o; const char *cwd; int n; } flow_out;

static void flow_hop(void *arg, const char *flow, const esc_hop_note *notes, int n)
{
    flow_out *f = arg;
    char buf[4096];
    size_t len = (size_t)snprintf(buf, sizeof buf, "%s", flow);
    for (int i = 0; i < n && len < sizeof buf; i++)
        len += (size_t)snprintf(buf + len, sizeof buf - len, "%s from %s (%s)", i ? "," : ":",
                                notes[i].what, notes[i].why);
    fputs(f->n++ ? ",\n        " : "\n        ", f->o);
    fputs("{\"location\": {", f->o);
    for (int i = n - 1; i >= 0; i--)
        if (notes[i].pos.file) {
            physical(f->c, f->o, notes[i].pos, f->cwd);
            fputs(", ", f->o);
            break;
        }
    fputs("\"message\": ", f->o);
    text(f->o, buf);
    fputs("}}", f->o);
}

/* codeFlows: the hops of path pth. */
static void code_flow(esc_ctx *c, FILE *o, int pth, const char *msg, const char *cwd)
{
    fputs(",\n     \"codeFlows\": [{\"message\": ", o);
    text(o, msg);
    fputs(", \"threadFlows\": [{\"locations\": [", o);
    flow_out f = { c, o, cwd, 0 };
    esc_path_hops(c, pth, flow_hop, &f);
    fputs("]}]}]", o);
}

static void result(esc_ctx *c, FILE *o, const esc_line *r, const char *cwd)
{
    fprintf(o, "    {\"ruleId\": \"%s\", \"ruleIndex\": %d, \"level\": \"%s\", \"message\": ",
            rules[r->kind].id, (int)r->kind, rules[r->kind].level);
    text(o, r->msg);
    fputs(",\n     \"locations\": [{", o);
    physical(c, o, r->pos, cwd);
    fputs(", \"logicalLocations\": [{\"name\": ", o);
    esc_json_str(o, c->funcs.v[r->fn]->name);
    fputs(", \"kind\": \"function\"}]}]", o);
    if (r->path >= 0 && c->paths.v[r->path].n > 0) code_flow(c, o, r->path, r->msg, cwd);
    fputc('}', o);
}

char *esc_render_sarif(esc_ctx *c, const char *unit, const char *source)
{
    esc_solve(c);
    char cwdbuf[PATH_MAX];
    const char *cwd = getcwd(cwdbuf, sizeof cwdbuf);
    char *buf = NULL;
    size_t len = 0;
    FILE *o = open_memstream(&buf, &len);
    if (!o) esc_fatal("out of memory");
    fputs("  {\"tool\": {\"driver\": {\"name\": \"escape\", \"version\": \"" ESC_TOOL_VERSION
          "\", \"rules\": [", o);
    for (int i = 0; i < ESC_LINE_KINDS; i++) {
        fprintf(o, "%s\n    {\"id\": \"%s\", \"shortDescription\": ", i ? "," : "", rules[i].id);
        text(o, rules[i].text);
        fprintf(o, ", \"defaultConfiguration\": {\"level\": \"%s\"}}", rules[i].level);
    }
    fputs("]}},\n   \"originalUriBaseIds\": {\"%SRCROOT%\": {\"uri\": \"file://", o);
    if (cwd) uri_bytes(o, cwd);
    fputs(cwd && strcmp(cwd, "/") ? "/\"}},\n" : "\"}},\n", o);
    fputs("   \"properties\": {\"unit\": ", o);
    esc_json_str(o, unit);
    fputs(", \"source\": ", o);
    esc_json_str(o, source);
    fputs("},\n   \"results\": [", o);
    int n;
    esc_line *v = esc_lines(c, &n);
    for (int i = 0; i < n; i++) {
        fputs(i ? ",\n" : "\n", o);
        result(c, o, &v[i], cwd);
    }
    esc_free_lines(v, n);
    fputs("]}", o);
    if (fclose(o) != 0 || !buf) esc_fatal("out of memory");
    return buf;
}
