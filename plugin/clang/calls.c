/* calls.c - how a call moves pointers (mirrors plugin/gcc/calls.cc).
 *
 *   gomap runtime (direct calls to the external functions, by name):
 *     m = gomap_make(t, h)        a map site; m <- &map storage; the map keeps t
 *     s = gomap_assign(m, k)      s <- m (a slot inside m's storage); *m <- *k
 *     s = gomap_access(m, k)      s <- m
 *     gomap_iter_init(it, m)      *it <- m
 *     gomap_iter_next(it, kp, vp) *kp <- *it, *vp <- *it (slots of the map)
 *     gomap_len/delete/clear/free/read_memstats: keep nothing
 *   known libc functions and builtins without a body here (libc.c): copies
 *                               write raw bytes (esc_store_raw), readers of bytes
 *                               (strlen, memcmp, strchr ...) expose what their
 *                               pointer arguments point to (expose.c's rule)
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

static void store(ce_fn *fn, call *c, esc_loc ptr, esc_loc src, int derefs)
{
    if (ptr != ESC_NOLOC && src != ESC_NOLOC)
        esc_store(fn->ef, ptr, src, derefs, ce_cursor_pos(c->cur), "call");
}

/* memcpy & co: the destination receives raw bytes. */
static void store_raw(ce_fn *fn, call *c, esc_loc ptr, esc_loc src)
{
    if (ptr != ESC_NOLOC && src != ESC_NOLOC)
        esc_store_raw(fn->ef, ptr, src, 1, ce_cursor_pos(c->cur), "call");
}

/* strlen, memcmp, strchr ...: the bytes their pointer arguments point to are
 * read as data. */
static void expose_args(ce_fn *fn, call *c)
{
    for (int i = 0; i < c->n; i++) {
        CXType t = clang_getCursorType(c->args[i]);
        if (c->locs[i] != ESC_NOLOC && (ce_type_is_pointer(t) || ce_type_is_array(t)))
            esc_expose(fn->ef, c->locs[i], 1, true, ce_cursor_pos(c->cur),
                       "pointer bytes read as data");
    }
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
        CE_FREE(s);
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

static void model_make(ce_fn *fn, call *c, ce_srcs *out)
{
    ce_descriptor d = ce_resolve_descriptor(fn, c->args[0]);
    esc_site_info info;
    info.pos = ce_cursor_pos(c->cur);
    info.type_name = d.name;
    info.hint = const_hint(c->args[1]);
    info.kv_size = d.name ? d.keysize + d.valsize : 0;
    info.hmap_bytes = GOMAP_HMAP_SIZE;
    info.bucket_bytes = d.name ? gomap_layout_bucket_size(d.keysize, d.keyalign,
                                                          d.valsize, d.valalign) : 0;
    info.loopdepth = ce_depth_at(fn, c->cur)
        + (ce_rejoined(&fn->loops, ce_offset(clang_getCursorLocation(c->cur))) ? 1 : 0);
    esc_loc map = ESC_NOLOC;
    esc_map_site(fn->ef, &info, &map);
    free((char *)d.name);
    if (c->locs[0] != ESC_NOLOC)       /* the header keeps the descriptor pointer */
        esc_flow(fn->ef, map, c->locs[0], 0, info.pos, "descriptor");
    result_from(fn, out, map, -1);
}

/* The runtime's function WANT, called with NARGS arguments: by its name, with
 * external linkage, and linking to the symbol of that name (not renamed by
 * `__asm__("other")` or `#pragma redefine_extname`: then it is the other one). */
static bool named(CXCursor decl, const char *name, const char *want, int n, int nargs)
{
    if (strcmp(name, want) || n != nargs || clang_getCursorLinkage(decl) != CXLinkage_External)
        return false;
    char *sym = ce_string(clang_Cursor_getMangling(decl));
    bool same = !strcmp(sym, want);
    free(sym);
    return same;
}

static bool model_gomap(ce_fn *fn, call *c, CXCursor decl, const char *name,
                        ce_srcs *out)
{
    if (strncmp(name, "gomap_", 6))
        return false;
    int n = c->n;
    if (named(decl, name, "gomap_make", n, 2)) {
        model_make(fn, c, out);
    } else if (named(decl, name, "gomap_assign", n, 2)) {
        result_from(fn, out, arg_loc(c, 0), 0);
        store(fn, c, arg_loc(c, 0), arg_loc(c, 1), 1);
    } else if (named(decl, name, "gomap_access", n, 2)) {
        result_from(fn, out, arg_loc(c, 0), 0);
    } else if (named(decl, name, "gomap_iter_init", n, 2)) {
        store(fn, c, arg_loc(c, 0), arg_loc(c, 1), 0);
    } else if (named(decl, name, "gomap_iter_next", n, 3)) {
        esc_loc it = arg_loc(c, 0);
        if (it == ESC_NOLOC)
            return true;
        esc_loc t = ce_temp(fn, c->cur);
        esc_flow(fn->ef, t, it, 1, ce_cursor_pos(c->cur), "iterator");
        store(fn, c, arg_loc(c, 1), t, 0);
        store(fn, c, arg_loc(c, 2), t, 0);
    } else if (named(decl, name, "gomap_len", n, 1) || named(decl, name, "gomap_delete", n, 2)
               || named(decl, name, "gomap_clear", n, 1) || named(decl, name, "gomap_free", n, 1)
               || named(decl, name, "gomap_read_memstats", n, 1)) {
        /* keeps nothing */
    } else {
        return false;
    }
    return true;
}

/* A null pointer constant (0, NULL, (char **)0): stores through it store nothing. */
static bool null_constant(CXCursor e)
{
    for (;;) {
        CXCursor k[2];
        enum CXCursorKind kind = clang_getCursorKind(e);
        if ((kind == CXCursor_ParenExpr || kind == CXCursor_CStyleCastExpr)
            && ce_children(e, k, 2) >= 1)
            e = k[ce_children(e, k, 2) - 1];
        else if (!ce_is_implicit_cast(e, &e))
            break;
    }
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
        CXCursor k[2];
        enum CXCursorKind kind = clang_getCursorKind(e);
        if ((kind == CXCursor_ParenExpr || kind == CXCursor_CStyleCastExpr)
            && ce_children(e, k, 2) >= 1)
            e = k[ce_children(e, k, 2) - 1];
        else if (!ce_is_implicit_cast(e, &e))
            break;
    }
    return NULL;
}

/* ---- known libc functions ------------------------------------------------------------ */

static bool model_libc(ce_fn *fn, call *c, const char *name, ce_srcs *out)
{
    switch (ce_libc_lookup(name)) {
    case CE_LIBC_NONE:
        return false;
    case CE_LIBC_KEEPS_NOTHING:
        result_from(fn, out, ce_heap(fn), 0);
        return true;
    case CE_LIBC_COPY:
        store_raw(fn, c, arg_loc(c, 0), arg_loc(c, 1));
        result_from(fn, out, arg_loc(c, 0), 0);
        return true;
    case CE_LIBC_BCOPY:
        store_raw(fn, c, arg_loc(c, 1), arg_loc(c, 0));
        return true;
    case CE_LIBC_RET_ARG0:
        result_from(fn, out, arg_loc(c, 0), 0);
        return true;
    case ESC_LIBC_READS:
        expose_args(fn, c);
        result_from(fn, out, ce_heap(fn), 0);
        return true;
    case ESC_LIBC_RET_ARG0_READS:
        expose_args(fn, c);
        result_from(fn, out, arg_loc(c, 0), 0);
        return true;
    case CE_LIBC_VA:
        return true;        /* va_list contents are the caller's: unknown already */
    case ESC_LIBC_FORMAT: {
        /* before the format: a destination written with characters (not kept),
         * sizes, flags; after it: printed, read or written by the conversions */
        bool va;
        int f = esc_libc_format_arg(name, &va);
        if (f < 0 || f >= c->n)
            return false;
        if (c->locs[f] != ESC_NOLOC)
            esc_expose(fn->ef, c->locs[f], 1, true, ce_cursor_pos(c->cur),
                       "pointer bytes read as data");
        /* a constant format tells the %s arguments: only read */
        static bool str[MAXARGS];
        char *text = va ? NULL : format_text(c->args[f]);
        esc_format_strings(text, c->n - f - 1, str);
        free(text);
        for (int i = f + 1; i < c->n; i++) {
            if (c->locs[i] == ESC_NOLOC)
                continue;
            if (str[i - f - 1])
                esc_expose(fn->ef, c->locs[i], 1, true, ce_cursor_pos(c->cur),
                           "pointer bytes read as data");
            else
                esc_escape(fn->ef, c->locs[i], 0, ce_cursor_pos(c->cur), "call parameter");
        }
        result_from(fn, out, ce_heap(fn), 0);
        return true;
    }
    case ESC_LIBC_STRTO:
        if (arg_loc(c, 0) != ESC_NOLOC)
            esc_expose(fn->ef, c->locs[0], 1, true, ce_cursor_pos(c->cur),
                       "pointer bytes read as data");
        if (c->n > 1 && !null_constant(c->args[1]))
            store(fn, c, arg_loc(c, 1), arg_loc(c, 0), 0);   /* *endptr into arg 0 */
        result_from(fn, out, ce_heap(fn), 0);
        return true;
    case ESC_LIBC_REALLOC:
        if (arg_loc(c, 0) != ESC_NOLOC)     /* the fresh copy of *p is heap memory */
            esc_escape(fn->ef, c->locs[0], 1, ce_cursor_pos(c->cur), "call parameter");
        result_from(fn, out, arg_loc(c, 0), 0);   /* or p itself, grown in place */
        result_from(fn, out, ce_heap(fn), 0);
        return true;
    case ESC_LIBC_ALLOC_OUT:
        store(fn, c, arg_loc(c, 0), ce_heap(fn), 0);
        result_from(fn, out, ce_heap(fn), 0);
        return true;
    }
    return false;
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
            && ce_libc_lookup(name) != CE_LIBC_NONE);
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
    esc_call(fn->ef, callee, c->n ? c->locs : NULL, c->n, res, ce_cursor_pos(c->cur));
    result_from(fn, out, res, 0);
}

static CXType called_type(CXCursor callee)
{
    CXType t = clang_getCanonicalType(clang_getCursorType(callee));
    if (t.kind == CXType_Pointer)
        t = clang_getCanonicalType(clang_getPointeeType(t));
    return t;
}

static void indirect_call(ce_fn *fn, call *c, CXCursor callee, ce_srcs *out)
{
    expose_aggregate_args(fn, c);
    ce_srcs cs = { 0 };
    ce_value(fn, callee, &cs);      /* side effects of computing the pointer */
    CE_FREE(cs);
    CXType ft = called_type(callee);
    esc_unknown_call(fn->ef);           /* may call back: the frame budget's cycles */
    for (int i = 0; i < c->n; i++)
        if (c->locs[i] != ESC_NOLOC && !ce_param_noescape(ft, i))
            esc_escape(fn->ef, c->locs[i], 0, ce_cursor_pos(c->cur), "indirect call");
    result_from(fn, out, ce_heap(fn), 0);
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
