/* calls.c - how a call moves pointers (mirrors plugin/gcc/calls.cc).
 *
 *   gomap runtime (direct calls to the external functions, by name): the core's
 *                               table (plugin/core/runtime_model.c); this file
 *                               resolves gomap_make's descriptor and constant hint
 *   known libc functions and builtins without a body here: the core's table and
 *                               edges (plugin/core/libc.c, esc_libc_call)
 *   direct call to a function   esc_call (the core applies the callee's summary;
 *                               a body-less or interposable callee keeps all but
 *                               its noescape parameters)
 *   indirect call               every argument escapes unless its parameter is
 *                               noescape in the function type called through;
 *                               the result is unknown
 *
 * A callee that reads its arguments' memory as data exposes it there (its
 * summary carries that back); raw memory whose address leaves is the core's.
 */
#include "fe.h"

#include <stdlib.h>
#include <string.h>

#define MAXARGS 256

typedef struct call {
    CXCursor cur;
    int n;
    CXCursor args[MAXARGS];
    esc_loc locs[MAXARGS];
} call;

static esc_loc arg_loc(call *c, int i)
{
    return i < c->n ? c->locs[i] : ESC_NOLOC;
}

static void result_from(ce_fn *fn, ce_srcs *out, esc_loc l, int derefs)
{
    (void)fn;
    ce_push(out, l, derefs);
}

/* A call the core models (a runtime entry point, a library function): how the
 * core asks for its (evaluated) arguments and hands back what its result holds. */
typedef struct call_fe { call *c; ce_srcs *out; ce_fn *fn; } call_fe;

static esc_loc callsite_arg(void *p, int i)
{
    return arg_loc(((call_fe *)p)->c, i);
}

static bool callsite_arg_is_pointer(void *p, int i)
{
    CXType t = clang_getCursorType(((call_fe *)p)->c->args[i]);
    return ce_type_is_pointer(t) || ce_type_is_array(t);
}

static void callsite_result(void *p, esc_loc src, int derefs)
{
    ce_push(((call_fe *)p)->out, src, derefs);
}

static int callsite_key_read(void *p, int i)
{
    call_fe *x = (call_fe *)p;
    return i < x->c->n ? ce_key_read(x->fn, x->c->args[i]) : ESC_KEY_BYTES;
}

static esc_callsite callsite(ce_fn *fn, call_fe *x)
{
    esc_callsite cs = { fn->ef, ce_cursor_pos(x->c->cur), ce_depth_at(fn, x->c->cur),
                        x->c->n, callsite_arg, callsite_arg_is_pointer, callsite_result, x, NULL, NULL, NULL,
                        callsite_key_read };
    return cs;
}

/* Evaluate every argument once, in order, into one location each (a variable's
 * own location when the argument is just its value). */
static void eval_args(ce_fn *fn, call *c)
{
    for (int i = 0; i < c->n; i++) {
        ce_srcs s = { 0 };
        ce_value(fn, c->args[i], &s);
        if (s.n == 1 && s.v[0].derefs == 0)
            c->locs[i] = s.v[0].loc;
        else
            c->locs[i] = ce_srcs_loc(fn, &s, c->args[i]);
        VFREE(s);
    }
}

/* ---- the gomap runtime ----------------------------------------------------------- */

static long const_hint(CXCursor h)
{
    CXEvalResult r = clang_Cursor_Evaluate(h);
    long hint = -1;
    if (r && clang_EvalResult_getKind(r) == CXEval_Int) {
        if (clang_EvalResult_isUnsignedInt(r)) {
            unsigned long long v = clang_EvalResult_getAsUnsigned(r);
            hint = v > (unsigned long long)__LONG_MAX__ ? __LONG_MAX__ : (long)v;
        } else {
            long long v = clang_EvalResult_getAsLongLong(r);
            hint = v < 0 ? __LONG_MAX__ : (long)v;    /* converted to size_t */
        }
    }
    if (r)
        clang_EvalResult_dispose(r);
    return hint;
}

/* True when C is a call to a gomap runtime entry point (by its name, with
 * external linkage, linking to the symbol of that name), now modelled by the
 * core's table. */
static bool model_gomap(ce_fn *fn, call *c, CXCursor decl, const char *name,
                        ce_srcs *out)
{
    if (!esc_runtime_prefixed(name))
        return false;
    char *sym = ce_string(clang_Cursor_getMangling(decl));
    const esc_runtime_fn *r = esc_runtime_callee(
        name, sym, clang_getCursorLinkage(decl) == CXLinkage_External, c->n);
    free(sym);
    if (!r)
        return false;
    call_fe x = { c, out, fn };
    esc_callsite cs = callsite(fn, &x);
    if (r->descriptor_arg < 0) {
        esc_runtime_call(&cs, r, NULL);
        return true;
    }
    esc_descriptor d = ce_resolve_descriptor(fn, c->args[r->descriptor_arg]);
    esc_site_info info;
    esc_site_layout(&info, &d);
    info.pos = ce_cursor_pos(c->cur);
    info.hint = const_hint(c->args[r->hint_arg]);
    info.loopdepth = ce_depth_at(fn, c->cur)
        + (ce_rejoined(&fn->loops, ce_offset(clang_getCursorLocation(c->cur))) ? 1 : 0);
    esc_runtime_call(&cs, r, &info);
    free((char *)d.name);
    return true;
}

/* One level of parentheses or cast (written or implicit) off *e; false if none. */
static bool strip_one(CXCursor *e)
{
    CXCursor k[2];
    enum CXCursorKind kind = clang_getCursorKind(*e);
    if ((kind == CXCursor_ParenExpr || kind == CXCursor_CStyleCastExpr)
        && ce_children(*e, k, 2) >= 1) {
        *e = k[ce_children(*e, k, 2) - 1];
        return true;
    }
    return ce_is_implicit_cast(*e, e);
}

/* A null pointer constant (0, NULL, (char **)0): stores through it store nothing. */
static bool null_constant(CXCursor e)
{
    while (strip_one(&e))
        ;
    if (clang_getCursorKind(e) != CXCursor_IntegerLiteral)
        return false;
    CXEvalResult r = clang_Cursor_Evaluate(e);
    bool zero = r && clang_EvalResult_getKind(r) == CXEval_Int
        && clang_EvalResult_getAsLongLong(r) == 0;
    if (r)
        clang_EvalResult_dispose(r);
    return zero;
}

/* The text of a string literal format (through casts and parentheses), or NULL.
 * libclang evaluates the literal's decayed pointer, not the array. */
static char *format_text(CXCursor e)
{
    for (int guard = 0; guard < 16; guard++) {
        CXEvalResult r = clang_Cursor_Evaluate(e);
        if (r) {
            char *text = NULL;
            if (clang_EvalResult_getKind(r) == CXEval_StrLiteral) {
                const char *t = clang_EvalResult_getAsStr(r);
                text = t ? strdup(t) : NULL;
            }
            clang_EvalResult_dispose(r);
            if (text)
                return text;
        }
        if (!strip_one(&e))
            break;
    }
    return NULL;
}

static char *callsite_arg_string(void *p, int i)
{
    return format_text(((call_fe *)p)->c->args[i]);
}

static bool callsite_arg_is_null(void *p, int i)
{
    return null_constant(((call_fe *)p)->c->args[i]);
}

static bool model_libc(ce_fn *fn, call *c, const char *name, ce_srcs *out)
{
    call_fe x = { c, out, fn };
    esc_callsite cs = callsite(fn, &x);
    cs.name = ce_intern(name);
    cs.arg_string = callsite_arg_string;
    cs.arg_is_null = callsite_arg_is_null;
    return esc_libc_call(&cs, esc_known_libc(name));
}

/* ---- calls to functions ------------------------------------------------------------------ */

/* A definition other than the C library's own: a body in a system header
 * (glibc's extern inline atoi, its fortify wrappers) has the library
 * function's contract, which the table describes. */
static bool has_definition(CXCursor decl)
{
    CXCursor def = clang_getCursorDefinition(decl);
    return !clang_Cursor_isNull(def)
        && !clang_Location_isInSystemHeader(clang_getCursorLocation(def));
}

/* The C library's own declaration (a system header, or Clang's implicit one for
 * a builtin): a user's `extern int memcmp(const char *, ...)` is any function. */
static bool library_decl(CXCursor decl, const char *name)
{
    if (!strncmp(name, "__builtin_", 10))
        return true;
    CXSourceLocation loc = clang_getCursorLocation(clang_getCanonicalCursor(decl));
    CXFile file;
    clang_getExpansionLocation(loc, &file, NULL, NULL, NULL);
    return !file || clang_Location_isInSystemHeader(loc);
}

bool ce_library_function(CXCursor decl, const char *name)
{
    return !strncmp(name, "__builtin", 9)
        || (!has_definition(decl) && library_decl(decl, name)
            && esc_known_libc(name) != ESC_LIBC_NONE);
}

static void expose_aggregate_args(ce_fn *fn, call *c)
{
    for (int i = 0; i < c->n; i++)
        ce_expose_aggregate(fn, c->args[i]);
}

static void direct_call(ce_fn *fn, call *c, CXCursor decl, ce_srcs *out)
{
    expose_aggregate_args(fn, c);
    esc_func *callee = ce_func_for(fn->u, decl);
    esc_loc res = ce_temp(fn, c->cur);
    /* the depth of a map site: maps the callee makes for us are sites here (core ctor.c) */
    esc_call_at(fn->ef, callee, c->n ? c->locs : NULL, c->n, res, ce_cursor_pos(c->cur),
                ce_depth_at(fn, c->cur)
                + (ce_rejoined(&fn->loops, ce_offset(clang_getCursorLocation(c->cur))) ? 1 : 0));
    result_from(fn, out, res, 0);
}

static CXType called_type(CXCursor callee)
{
    CXType t = clang_getCanonicalType(clang_getCursorType(callee));
    if (t.kind == CXType_Pointer)
        t = clang_getCanonicalType(clang_getPointeeType(t));
    return t;
}

/* Does the pointer called through have a declared type: a variable, parameter or
 * field, read (and dereferenced) without a cast or a conditional on the way?  Only
 * then is a noescape parameter of its type a declaration's promise (the plugin's
 * attrs.cc: fe_call_promises); a cast (`*(ne_fn *)&plain`) or a conditional's
 * composite type (`c ? keep : look`) merges in attributes no declaration made. */
static bool declared_callee(ce_fn *fn, CXCursor e)
{
    for (int step = 0; step < 16; step++) {
        CXCursor k[2];
        switch (clang_getCursorKind(e)) {
        case CXCursor_DeclRefExpr:
        case CXCursor_MemberRefExpr:
            return true;
        case CXCursor_ParenExpr:
        case CXCursor_UnexposedExpr:        /* implicit conversions */
            if (ce_children(e, k, 2) != 1)
                return false;
            e = k[0];
            break;
        case CXCursor_UnaryOperator:        /* (*fp)(m) */
            if (ce_unary_op(fn->u->tu, e) != CE_OP_DEREF || ce_children(e, k, 2) != 1)
                return false;
            e = k[0];
            break;
        case CXCursor_ArraySubscriptExpr:   /* table[i](m) */
            if (ce_children(e, k, 2) != 2)
                return false;
            e = k[0];
            break;
        default:
            return false;
        }
    }
    return false;
}

static void indirect_call(ce_fn *fn, call *c, CXCursor callee, ce_srcs *out)
{
    expose_aggregate_args(fn, c);
    ce_srcs f = { 0 };
    ce_value(fn, callee, &f);       /* side effects of computing the pointer */
    VFREE(f);
    CXType ft = called_type(callee);
    bool noescape[MAXARGS], declared = declared_callee(fn, callee);
    for (int i = 0; i < c->n; i++)
        noescape[i] = declared && ce_param_noescape(ft, i);
    call_fe x = { c, out, fn };
    esc_callsite cs = callsite(fn, &x);
    CXCursor ref = ce_strip(callee);    /* -m=2: through a named pointer, as the plugin says */
    if (clang_getCursorKind(ref) == CXCursor_DeclRefExpr) {
        char *name = ce_string(clang_getCursorSpelling(ref));
        if (*name) cs.name = ce_intern(name);
        free(name);
    }
    esc_indirect_call(&cs, noescape);
}

void ce_call(ce_fn *fn, CXCursor cur, ce_srcs *out)
{
    static call calls[64];
    static int depth;
    CXCursor k[1];
    int nargs = clang_Cursor_getNumArguments(cur);
    if (depth >= 64 || nargs < 0 || nargs > MAXARGS || ce_children(cur, k, 1) < 1) {
        ce_unmodelled(fn, cur, out, "unmodelled call");
        return;
    }
    call *c = &calls[depth++];
    c->cur = cur;
    c->n = nargs;
    for (int i = 0; i < nargs; i++)
        c->args[i] = clang_Cursor_getArgument(cur, (unsigned)i);
    CXCursor callee = ce_strip(k[0]);
    CXCursor decl = clang_getCursorReferenced(callee);
    bool direct = clang_getCursorKind(callee) == CXCursor_DeclRefExpr
        && clang_getCursorKind(decl) == CXCursor_FunctionDecl;
    eval_args(fn, c);
    if (!direct) {
        indirect_call(fn, c, k[0], out);
    } else {
        char *name = ce_string(clang_getCursorSpelling(decl));
        if (!model_gomap(fn, c, decl, name, out)
            && (has_definition(decl) || !library_decl(decl, name)
                || !model_libc(fn, c, name, out)))
            direct_call(fn, c, decl, out);
        free(name);
    }
    depth--;
}
