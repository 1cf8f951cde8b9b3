/* unit.c - one translation unit, analysed in one go (as plugin/gcc/unit.cc):
 *
 *   1. every function defined in the unit gets an esc_func and its parameters
 *      (callees without a body get theirs lazily, from their type);
 *   2. every body is translated: statements here, expressions in expr.c;
 *   3. the caller (main.c) solves and reports.
 *
 * A function's body is trusted (callers may use its summary) unless it can be
 * replaced at link or load time (weak, external with -fPIC/-shared), is not the
 * definition a call runs when not inlined (a C99 inline definition, a gnu_inline
 * or -fgnu89-inline `extern inline` body that is not always_inline), is noipa,
 * or is naked (its body is asm: its parameters escape).
 *
 * For the frame budget the core also learns which functions unknown code may
 * call: those whose name is used other than as the callee of a direct call.
 */
#include "fe.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* ---- attributes by their tokens (libclang 14 exposes neither weak nor noescape) */

typedef struct attr_find { CXTranslationUnit tu; const char *const *words; bool found; } attr_find;

static enum CXChildVisitResult find_attr(CXCursor c, CXCursor parent, CXClientData d)
{
    (void)parent;
    attr_find *a = d;
    if (!clang_isAttribute(clang_getCursorKind(c)))
        return CXChildVisit_Continue;
    CXToken *toks = NULL;
    unsigned n = 0;
    clang_tokenize(a->tu, clang_getCursorExtent(c), &toks, &n);
    for (unsigned i = 0; i < n && !a->found; i++) {
        char *t = ce_string(clang_getTokenSpelling(a->tu, toks[i]));
        for (const char *const *w = a->words; *w; w++)
            a->found |= !strcmp(t, *w);
        free(t);
    }
    if (toks)
        clang_disposeTokens(a->tu, toks, n);
    return a->found ? CXChildVisit_Break : CXChildVisit_Continue;
}

bool ce_has_attr(CXTranslationUnit tu, CXCursor c, const char *const *words)
{
    attr_find a = { tu, words, false };
    clang_visitChildren(c, find_attr, &a);
    return a.found;
}

/* A weak definition may be replaced at link time; GCC does not use the body of a
 * noipa function for its callers either. */
static const char *const weak_words[] = { "weak", "__weak__", "weakref", "__weakref__",
                                          "noipa", "__noipa__", NULL };
static const char *const noescape_words[] = { "noescape", "__noescape__", NULL };
static bool spelled_in_decl(CXTranslationUnit tu, CXCursor d, const char *const *words);
static const char *const naked_words[] = { "naked", "__naked__", NULL };
static const char *const gnu_inline_words[] = { "gnu_inline", "__gnu_inline__", NULL };
static const char *const always_inline_words[] = { "always_inline", "__always_inline__", NULL };
/* what GCC's front end does not clone (plugin/gcc/rewrite.cc fe_cloneable) */
static const char *const no_clone_words[] = { "always_inline", "__always_inline__", "noclone",
    "__noclone__", "target_clones", "__target_clones__", "constructor", "__constructor__",
    "destructor", "__destructor__", NULL };

static bool attr_on(ce_unit *u, CXCursor def, CXCursor canon, const char *const *words)
{
    return ce_has_attr(u->tu, def, words) || ce_has_attr(u->tu, canon, words)
        || spelled_in_decl(u->tu, def, words) || spelled_in_decl(u->tu, canon, words);
}

/* ---- functions ----------------------------------------------------------------- */

/* libclang gives a parameter's type as written: `char buf[128]` and
 * `int cmp(int)` are pointers. */
static bool pointer_param(CXCursor p)
{
    CXType t = clang_getCursorType(p);
    CXType c = clang_getCanonicalType(t);
    return ce_type_is_pointer(t) || ce_type_is_array(t) || c.kind == CXType_FunctionProto
        || c.kind == CXType_FunctionNoProto;
}

/* A word among the tokens of declaration D before its body: attributes Clang
 * does not know (noipa) leave no cursor behind. */
static bool spelled_in_decl(CXTranslationUnit tu, CXCursor d, const char *const *words)
{
    CXToken *toks = NULL;
    unsigned n = 0;
    bool found = false;
    clang_tokenize(tu, clang_getCursorExtent(d), &toks, &n);
    for (unsigned i = 0; i < n && !found; i++) {
        char *t = ce_string(clang_getTokenSpelling(tu, toks[i]));
        bool body = !strcmp(t, "{");
        for (const char *const *w = words; *w && !body; w++)
            found |= !strcmp(t, *w);
        free(t);
        if (body)
            break;
    }
    if (toks)
        clang_disposeTokens(tu, toks, n);
    return found;
}

/* GNU inline semantics (-fgnu89-inline, -std=gnu89): set per unit by
 * ce_analyse_unit (one unit at a time). */
static bool gnu89;

/* C99 `inline` without `static` or `extern` is an inline definition: a call may
 * run the external definition of another unit instead.  (With GNU semantics it
 * is the external definition.) */
static bool inline_definition(CXCursor d)
{
    return !gnu89 && clang_Cursor_isFunctionInlined(d)
        && clang_Cursor_getStorageClass(d) == CX_SC_None;
}

/* `extern inline` with GNU semantics (the gnu_inline attribute, -fgnu89-inline,
 * -std=gnu89): the body is only for inlining, a call that is not inlined runs
 * the external definition of another unit.  always_inline calls are always
 * inlined.  (In C99 mode `extern inline` is the external definition.) */
static bool gnu_extern_inline(ce_unit *u, CXCursor def, CXCursor canon)
{
    return clang_Cursor_isFunctionInlined(def) && clang_Cursor_getStorageClass(def) == CX_SC_Extern
        && (u->opt->gnu89_inline || attr_on(u, def, canon, gnu_inline_words))
        && !attr_on(u, def, canon, always_inline_words);
}

static bool trusted(ce_unit *u, CXCursor def)
{
    CXCursor canon = clang_getCanonicalCursor(def);
    if (inline_definition(def) && inline_definition(canon))
        return false;
    if (gnu_extern_inline(u, def, canon) || attr_on(u, def, canon, naked_words))
        return false;
    if (attr_on(u, def, canon, weak_words))
        return false;
    return !(u->opt->pic && clang_getCursorLinkage(def) == CXLinkage_External
             && clang_getCursorVisibility(def) == CXVisibility_Default);
}

/* Whether the definition was written by a macro defined in a system header (a function
 * gomap_typed.h's GOMAP_DECLARE writes into the user's file): the cursor at its start is
 * that macro's expansion (the unit keeps a detailed preprocessing record for this). */
static bool spelled_in_system_header(ce_unit *u, CXCursor def)
{
    CXSourceLocation start = clang_getRangeStart(clang_getCursorExtent(def));
    CXCursor c = clang_getCursor(u->tu, start);
    if (clang_getCursorKind(c) != CXCursor_MacroExpansion)
        return false;
    CXCursor macro = clang_getCursorReferenced(c);
    return !clang_Cursor_isNull(macro)
           && clang_Location_isInSystemHeader(clang_getCursorLocation(macro));
}

static void register_defined(ce_unit *u, CXCursor def)
{
    char *name = ce_string(clang_getCursorSpelling(def));
    /* a system header's macro wrote it: no -m line for the function or its parameters */
    bool sys = spelled_in_system_header(u, def);
    esc_pos fpos = ce_cursor_pos(def);
    fpos.in_system_header |= sys;
    esc_func *f = esc_func_new(u->ctx, ce_intern(name), fpos, true, trusted(u, def));
    free(name);
    bool asm_body = attr_on(u, def, clang_getCanonicalCursor(def), naked_words);
    CXType ft = clang_getCursorType(def);
    int n = clang_Cursor_getNumArguments(def);
    for (int i = 0; i < n; i++) {
        CXCursor p = clang_Cursor_getArgument(def, (unsigned)i);
        char *pn = ce_string(clang_getCursorSpelling(p));
        bool noesc = ce_param_noescape(ft, i) || ce_has_attr(u->tu, p, noescape_words);
        esc_pos ppos = ce_cursor_pos(p);
        ppos.in_system_header |= sys;
        esc_loc l = esc_param(f, i, ce_intern(pn), ppos, *pn && pointer_param(p), noesc);
        if (asm_body)           /* naked: the asm may keep any parameter anywhere */
            esc_escape(f, l, 0, ce_cursor_pos(p), "naked function");
        free(pn);
        *ce_map_slot(u->params, p, true) = (void *)(intptr_t)(l + 1);
    }
    /* no clone with storage parameters for these (GCC's fe_cloneable) */
    if (ft.kind == CXType_FunctionNoProto || clang_isFunctionTypeVariadic(ft)
        || attr_on(u, def, clang_getCanonicalCursor(def), no_clone_words))
        esc_func_no_outputs(f);
    *ce_map_slot(u->funcs, clang_getCanonicalCursor(def), true) = f;
}

/* A callee without a body here: parameters from its type, so that noescape
 * parameters keep nothing; an unprototyped one has none (all escape as varargs). */
esc_func *ce_func_for(ce_unit *u, CXCursor decl)
{
    CXCursor canon = clang_getCanonicalCursor(decl);
    void **slot = ce_map_slot(u->funcs, canon, true);
    if (*slot)
        return *slot;
    char *name = ce_string(clang_getCursorSpelling(decl));
    esc_pos pos = ce_cursor_pos(decl);
    esc_func *f = esc_func_new(u->ctx, ce_intern(name), pos, false, false);
    free(name);
    CXType ft = clang_getCanonicalType(clang_getCursorType(decl));
    int n = ft.kind == CXType_FunctionProto ? clang_getNumArgTypes(ft) : 0;
    for (int i = 0; i < n; i++)
        esc_param(f, i, "", pos, false, ce_param_noescape(ft, i));
    *slot = f;
    return f;
}

/* ---- statements ---------------------------------------------------------------------- */

static void var_decl(ce_fn *fn, CXCursor d)
{
    CXCursor init;
    bool has_init = ce_last_expr_child(d, &init);
    ce_srcs v = { 0 };
    if (has_init)
        ce_value(fn, init, &v);
    esc_loc l = ce_var_loc(fn, d);
    esc_pos pos = ce_cursor_pos(d);
    const char *why = has_init ? ce_arrival(init, &pos) : "assign";
    if (l == ESC_NOLOC) {                     /* static or extern: global memory */
        char gw[300];
        ce_escape_srcs(fn, &v, d, ce_global_why(d, gw, sizeof gw));
    } else {
        ce_flow_at(fn, l, &v, pos, why);
        if (has_init && !ce_register_local(fn, d) && ce_copied(fn, init, true))
            esc_raw(fn->ef, l);               /* a copy of raw bytes (expose.c) */
    }
    VFREE(v);
}

static void return_stmt(ce_fn *fn, CXCursor s)
{
    CXCursor e;
    if (!ce_last_expr_child(s, &e))
        return;
    ce_expose_aggregate(fn, e);
    ce_srcs v = { 0 };
    ce_value(fn, e, &v);
    esc_loc t = ce_temp(fn, e);       /* GCC's <retval>, at the value */
    esc_pos pos = ce_cursor_pos(e);
    const char *why = ce_arrival(e, &pos);
    ce_flow_at(fn, t, &v, pos, why);
    esc_flow(fn->ef, fn->result, t, 0, ce_cursor_pos(e), "return");
    VFREE(v);
}

/* Inline asm: every operand's value escapes; an operand whose constraint may be
 * memory (or cannot be read) has its address escape too; an output ('=' or '+',
 * or unreadable) then holds a pointer we know nothing about.  The constraint is
 * the string token before the operand's '(' (GCC does the same on GIMPLE, where
 * register operands are SSA values). */
typedef struct asm_scan { ce_fn *fn; CXToken *toks; unsigned n; } asm_scan;

static char *constraint_of(asm_scan *a, CXCursor op)
{
    CXTranslationUnit tu = a->fn->u->tu;
    unsigned start = ce_extent(op).begin;
    for (unsigned i = 2; i < a->n; i++) {
        if (ce_offset(clang_getTokenLocation(tu, a->toks[i])) < start)
            continue;
        if (clang_getTokenKind(a->toks[i - 2]) != CXToken_Literal)
            return NULL;
        char *paren = ce_string(clang_getTokenSpelling(tu, a->toks[i - 1]));
        bool ok = !strcmp(paren, "(");
        free(paren);
        return ok ? ce_string(clang_getTokenSpelling(tu, a->toks[i - 2])) : NULL;
    }
    return NULL;
}

static enum CXChildVisitResult asm_operand(CXCursor c, CXCursor parent, CXClientData d)
{
    (void)parent;
    asm_scan *as = d;
    ce_fn *fn = as->fn;
    if (!clang_isExpression(clang_getCursorKind(c)))
        return CXChildVisit_Continue;
    char *con = constraint_of(as, c);
    bool memory = !con || strpbrk(con, "mogVQ") || strchr(con, 'p');
    bool output = !con || strpbrk(con, "=+");
    free(con);
    ce_srcs v = { 0 }, a = { 0 }, unknown = { 0 };
    ce_value(fn, c, &v);
    ce_escape_srcs(fn, &v, c, "inline asm");
    enum CXCursorKind k = clang_getCursorKind(ce_strip(c));
    if (k == CXCursor_DeclRefExpr || k == CXCursor_MemberRefExpr
        || k == CXCursor_ArraySubscriptExpr || k == CXCursor_UnaryOperator) {
        ce_address(fn, c, &a);
        if (memory)
            ce_escape_srcs(fn, &a, c, "inline asm");
        if (output) {
            ce_push(&unknown, ce_heap(fn), 0);
            ce_store_to(fn, &a, &unknown, memory, c, ce_cursor_pos(c), "inline asm");
        }
    }
    VFREE(v);
    VFREE(a);
    VFREE(unknown);
    return CXChildVisit_Continue;
}

static void asm_stmt(ce_fn *fn, CXCursor s)
{
    asm_scan a = { fn, NULL, 0 };
    clang_tokenize(fn->u->tu, clang_getCursorExtent(s), &a.toks, &a.n);
    clang_visitChildren(s, asm_operand, &a);
    if (a.toks)
        clang_disposeTokens(fn->u->tu, a.toks, a.n);
}

static enum CXChildVisitResult stmt_child(CXCursor c, CXCursor parent, CXClientData d)
{
    (void)parent;
    ce_stmt(d, c);
    return CXChildVisit_Continue;
}

void ce_stmt(ce_fn *fn, CXCursor s)
{
    enum CXCursorKind k = clang_getCursorKind(s);
    if (clang_isExpression(k)) {
        ce_srcs v = { 0 };
        ce_value(fn, s, &v);
        VFREE(v);
        return;
    }
    switch (k) {
    case CXCursor_CompoundStmt:
        VPUSH(fn->blocks, ce_extent(s));
        clang_visitChildren(s, stmt_child, fn);
        fn->blocks.n--;
        return;
    case CXCursor_VarDecl:
        var_decl(fn, s);
        return;
    case CXCursor_ReturnStmt:
        return_stmt(fn, s);
        return;
    case CXCursor_GCCAsmStmt:
        asm_stmt(fn, s);
        return;
    case CXCursor_IndirectGotoStmt:     /* the target is code */
    case CXCursor_GotoStmt:
    case CXCursor_FunctionDecl:         /* a local declaration */
    case CXCursor_StructDecl: case CXCursor_UnionDecl: case CXCursor_EnumDecl:
    case CXCursor_TypedefDecl: case CXCursor_TypeRef: case CXCursor_LabelRef:
        return;
    default:
        if (clang_isStatement(k) || clang_isDeclaration(k) == 0)
            clang_visitChildren(s, stmt_child, fn);   /* if, loops, switch, labels, DeclStmt */
        return;
    }
}

static void translate(ce_unit *u, CXCursor def)
{
    ce_cursors k = ce_all_children(def);
    CXCursor body = k.n ? k.v[k.n - 1] : clang_getNullCursor();
    VFREE(k);
    esc_func *ef = *(esc_func **)ce_map_slot(u->funcs, clang_getCanonicalCursor(def), false);
    if (clang_getCursorKind(body) != CXCursor_CompoundStmt) {   /* not C: keep all */
        int np = clang_Cursor_getNumArguments(def);
        for (int i = 0; i < np; i++) {
            void **p = ce_map_slot(u->params, clang_Cursor_getArgument(def, (unsigned)i), false);
            if (p)
                esc_escape(ef, (esc_loc)(intptr_t)*p - 1, 0, ce_cursor_pos(def), "unmodelled");
        }
        esc_flow(ef, esc_result(ef), esc_heap(u->ctx), 0, ce_cursor_pos(def), "unknown");
        return;
    }
    ce_fn fn;
    memset(&fn, 0, sizeof fn);
    fn.u = u;
    fn.ef = ef;
    fn.decl = def;
    fn.vars = ce_map_new();
    fn.result = esc_result(fn.ef);
    ce_loops_scan(&fn.loops, body);
    int np = clang_Cursor_getNumArguments(def);
    for (int i = 0; i < np; i++)            /* parameters as variables, depth 0 */
        ce_var_loc(&fn, clang_Cursor_getArgument(def, (unsigned)i));
    ce_stmt(&fn, body);
    ce_loops_free(&fn.loops);
    VFREE(fn.blocks);
    ce_map_free(fn.vars);
    ce_map_free(fn.written);
    ce_expose_free(&fn);
}

/* ---- the unit ------------------------------------------------------------------------------ */

typedef VEC(CXCursor) cursors;

typedef struct defs {
    cursors v;               /* function definitions, in order */
    cursors file_refs;       /* functions referenced outside any body */
    ce_map *index;           /* canonical decl -> position in v + 1 */
} defs;

static enum CXChildVisitResult note_refs(CXCursor c, CXCursor parent, CXClientData d)
{
    (void)parent;
    if (clang_getCursorKind(c) == CXCursor_DeclRefExpr) {
        CXCursor r = clang_getCursorReferenced(c);
        if (clang_getCursorKind(r) == CXCursor_FunctionDecl)
            VPUSH(*(cursors *)d, clang_getCanonicalCursor(r));
    }
    return CXChildVisit_Recurse;
}

static enum CXChildVisitResult top_level(CXCursor c, CXCursor parent, CXClientData d)
{
    (void)parent;
    defs *ds = d;
    enum CXCursorKind k = clang_getCursorKind(c);
    if (k == CXCursor_FunctionDecl && clang_isCursorDefinition(c)) {
        VPUSH(ds->v, c);
        *ce_map_slot(ds->index, clang_getCanonicalCursor(c), true) = (void *)(intptr_t)ds->v.n;
    } else if (k == CXCursor_LinkageSpec || k == CXCursor_UnexposedDecl) {
        clang_visitChildren(c, top_level, d);
    } else if (k == CXCursor_VarDecl) {
        clang_visitChildren(c, note_refs, &ds->file_refs);
    }
    return CXChildVisit_Continue;
}

/* A static inline function is emitted only when something emitted refers to
 * it; a C99 inline definition never is (its calls are calls to the external
 * definition): GCC analyses nothing else. */
static bool inline_only(CXCursor def)
{
    enum CX_StorageClass sc = clang_Cursor_getStorageClass(def);
    return clang_Cursor_isFunctionInlined(def) && sc != CX_SC_Extern
        && !(gnu89 && sc == CX_SC_None);
}

static void reach(defs *ds, bool *reached, CXCursor canon, cursors *work)
{
    void **slot = ce_map_slot(ds->index, canon, false);
    int i = slot ? (int)(intptr_t)*slot - 1 : -1;
    if (i >= 0 && !reached[i] && !(inline_definition(ds->v.v[i]) && inline_definition(canon))) {
        reached[i] = true;
        VPUSH(*work, ds->v.v[i]);
    }
}

/* The definitions GCC would emit (and the plugin report): roots are the ones
 * that are not inline-only, and the functions named outside any body. */
static bool *emitted(defs *ds)
{
    bool *reached = calloc((size_t)ds->v.n + 1, sizeof *reached);
    if (!reached) abort();
    cursors work = { 0 }, refs = { 0 };
    for (int i = 0; i < ds->v.n; i++)
        if (!inline_only(ds->v.v[i]))
            reach(ds, reached, clang_getCanonicalCursor(ds->v.v[i]), &work);
    for (int i = 0; i < ds->file_refs.n; i++)
        reach(ds, reached, ds->file_refs.v[i], &work);
    while (work.n) {
        CXCursor def = work.v[--work.n];
        refs.n = 0;
        clang_visitChildren(def, note_refs, &refs);
        for (int i = 0; i < refs.n; i++)
            reach(ds, reached, refs.v[i], &work);
    }
    VFREE(work);
    VFREE(refs);
    return reached;
}

/* Functions whose address is taken: named more often than called directly (the
 * callee of a call, as calls.c recognises it).  Unknown code, an indirect call
 * or a body-less callee, may call them: the core's frame budget counts that as
 * a cycle. */
typedef struct addr_count { ce_map *refs; } addr_count;

static void bump(ce_map *m, CXCursor decl, intptr_t by)
{
    void **slot = ce_map_slot(m, clang_getCanonicalCursor(decl), true);
    *slot = (void *)((intptr_t)*slot + by);
}

static enum CXChildVisitResult count_refs(CXCursor c, CXCursor parent, CXClientData d)
{
    (void)parent;
    addr_count *a = d;
    enum CXCursorKind k = clang_getCursorKind(c);
    if (k == CXCursor_DeclRefExpr) {
        CXCursor r = clang_getCursorReferenced(c);
        if (clang_getCursorKind(r) == CXCursor_FunctionDecl)
            bump(a->refs, r, 1);
    } else if (k == CXCursor_CallExpr) {
        CXCursor kid[1];
        if (ce_children(c, kid, 1) >= 1) {
            CXCursor callee = ce_strip(kid[0]);
            CXCursor r = clang_getCursorReferenced(callee);
            if (clang_getCursorKind(callee) == CXCursor_DeclRefExpr
                && clang_getCursorKind(r) == CXCursor_FunctionDecl)
                bump(a->refs, r, -1);
        }
    }
    return CXChildVisit_Recurse;
}

static void note_address_taken(ce_unit *u, const defs *ds)
{
    addr_count a = { ce_map_new() };
    clang_visitChildren(clang_getTranslationUnitCursor(u->tu), count_refs, &a);
    for (int i = 0; i < ds->v.n; i++) {
        CXCursor canon = clang_getCanonicalCursor(ds->v.v[i]);
        void **n = ce_map_slot(a.refs, canon, false);
        void **f = ce_map_slot(u->funcs, canon, false);
        if (n && (intptr_t)*n > 0 && f && *f)
            esc_func_address_taken(*f);
    }
    ce_map_free(a.refs);
}

/* A name of a function replacing printf's conversions (esc_libc_printf_hook). */
static enum CXChildVisitResult find_printf_hook(CXCursor c, CXCursor parent, CXClientData d)
{
    (void)parent;
    if (clang_getCursorKind(c) == CXCursor_DeclRefExpr) {
        CXString s = clang_getCursorSpelling(clang_getCursorReferenced(c));
        *(bool *)d |= esc_libc_printf_hook(clang_getCString(s));
        clang_disposeString(s);
    }
    return CXChildVisit_Recurse;
}

static bool printf_hooked(const defs *ds)
{
    bool found = false;
    for (int i = 0; i < ds->v.n && !found; i++)
        clang_visitChildren(ds->v.v[i], find_printf_hook, &found);
    for (int i = 0; i < ds->file_refs.n && !found; i++) {
        CXString s = clang_getCursorSpelling(ds->file_refs.v[i]);
        found = esc_libc_printf_hook(clang_getCString(s));
        clang_disposeString(s);
    }
    return found;
}

void ce_analyse_unit(CXTranslationUnit tu, const ce_options *opt, esc_ctx *ctx)
{
    ce_unit u = { tu, ctx, ce_map_new(), ce_map_new(), opt };
    gnu89 = opt->gnu89_inline;
    defs ds = { { 0 }, { 0 }, ce_map_new() };
    clang_visitChildren(clang_getTranslationUnitCursor(tu), top_level, &ds);
    if (printf_hooked(&ds))     /* before any call is read */
        esc_printf_hooked(ctx);
    bool *live = emitted(&ds);
    for (int i = 0; i < ds.v.n; i++)
        if (live[i])
            register_defined(&u, ds.v.v[i]);
    ce_note_promises(&u);
    for (int i = 0; i < ds.v.n; i++)
        if (live[i])
            translate(&u, ds.v.v[i]);
    note_address_taken(&u, &ds);
    free(live);
    VFREE(ds.v);
    VFREE(ds.file_refs);
    ce_map_free(ds.index);
    ce_map_free(u.funcs);
    ce_map_free(u.params);
}
