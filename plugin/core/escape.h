/* escape.h - the analysis core shared by every front end (plain C11, no GCC types).
 *
 * A front end (plugin/gcc for GCC's GIMPLE, plugin/clang for libclang's AST) describes a
 * translation unit as a location graph and asks the core for decisions:
 *
 *   1. static scan   - the front end registers functions, parameters, results,
 *                      gomap_make sites (esc_map_site) and escape points
 *                      (esc_escape: returns are esc_flow to the result);
 *   2. dataflow      - it translates every statement into edges: esc_flow
 *                      (dst = &src / src / *src ...), esc_store (*p = src) and
 *                      esc_call (a call to a function of this unit);
 *   3. points-to     - esc_solve() resolves stores, computes per-parameter
 *                      summaries bottom-up over the call graph's SCCs, and runs
 *                      Go's deref-counted walk (Go's escape/solve.go) from the roots.
 *
 * Then esc_site_decision() tells the rewrite what to put on the stack, and
 * esc_report()/esc_write_json() print Go-style diagnostics and the JSON record.
 *
 * Derefs follow Go's convention: an edge dst <- src with derefs d means
 * dst = &src (d = -1), dst = src (0), dst = *src (1), dst = **src (2) ...
 */
#ifndef ESCAPE_CORE_H
#define ESCAPE_CORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct esc_ctx esc_ctx;     /* one translation unit */
typedef struct esc_func esc_func;   /* one function (with or without a body) */
typedef int esc_loc;                /* a location; ids are unique within the ctx */
#define ESC_NOLOC (-1)

typedef struct esc_pos {            /* FILE:LINE:COL as the front end names it */
    const char *file;               /* interned or long-lived; NULL = unknown */
    int line, col;
    bool in_system_header;          /* no diagnostics for such positions */
} esc_pos;

typedef struct esc_options {
    int m;                          /* 0 none, 1 = -m, 2 = -m=2 */
    unsigned max_kv_size;           /* default 128 */
    unsigned long frame_limit;      /* stack bytes the rewrite may add per function (65536) */
    const char *json_path;          /* NULL = no JSON */
    const char *sarif_path;         /* NULL = no SARIF */
    unsigned long recursive_frame_limit; /* the same for a function that may be in
                                       a cycle of calls (256, see esc_unknown_call) */
    bool transform;                 /* rewrite gomap_make calls (GCC; default true) */
    int m_scope;                    /* ESC_SCOPE_ALL: -m lines as Go prints them;
                                       ESC_SCOPE_MAPS: map sites and the parameters and
                                       locals a map's pointer reaches (m-scope=maps) */
    int (*print_col)(esc_pos p);    /* the column to print for p (-m lines, JSON), called
                                       only for positions printed; NULL = p.col.  For a
                                       front end whose cheap columns are not the printed
                                       ones (GCC: bytes vs display columns, which re-read
                                       the source line).  Must keep the order of the
                                       columns of a line: decisions use p.col. */
} esc_options;

enum { ESC_SCOPE_ALL, ESC_SCOPE_MAPS };

/* ---- options (options.c): one table for both front ends ------------------- */
esc_options esc_options_default(void);   /* the defaults above, everything else off */
/* Sets option NAME to VALUE (NULL when written without '='): NULL on success, else
 * a message in buf[n] ("unknown option 'x'; valid options are: ...", "bad value '7'
 * for option 'm' (expected 1 or 2); valid options are: ...").  Sizes are bytes in
 * [0, 2^30]; 0 means 0. */
const char *esc_option_set(esc_options *o, const char *name, const char *value,
                           char *buf, size_t n);
/* "m, m=1, m=2, max-kv-size=N, ...": the valid options, for messages. */
const char *esc_options_list(void);

/* ---- context ------------------------------------------------------------ */
esc_ctx *esc_ctx_new(const esc_options *opt);
void     esc_ctx_free(esc_ctx *c);
esc_loc  esc_heap(esc_ctx *c);      /* the heap/global root: outlives everything */

/* ---- functions ---------------------------------------------------------- */
/* has_body: the front end will describe its body. trusted: callers in this unit
 * may use its summary (the body is the one that runs: not interposable/weak). */
esc_func *esc_func_new(esc_ctx *c, const char *name, esc_pos pos, bool has_body,
                       bool trusted);
/* Parameter i (0-based, in order).  is_pointer: it gets a -m line.
 * noescape: __attribute__((noescape)) - callers assume it keeps nothing. */
esc_loc esc_param(esc_func *f, int i, const char *name, esc_pos pos,
                  bool is_pointer, bool noescape);
/* Parameter i (set now or later by esc_param) was promised noescape elsewhere than on its own
 * declaration: by another declaration of the function (a prototype in a header,
 * a redeclaration after the definition) or by a pointer to a function type with
 * a noescape parameter i that the function's address was converted to.  Callers
 * through those trust it, so esc_promise_broken checks it; calls in this unit
 * do not trust it (the flag does not change the analysis). */
void esc_param_promised(esc_func *f, int i);
esc_loc esc_result(esc_func *f);    /* the returned value, Go's ~r0 */
/* Recursion the call graph does not show.  The frame budget
 * treats as recursive every function in a cycle of the may-call graph: a direct
 * call to a function with a body here is an edge to that body; an indirect call
 * (esc_unknown_call), or a call to a function without a trusted body here
 * (esc_call), is an edge to "unknown code"; unknown code has an edge to every
 * function whose address is taken in the unit (esc_func_address_taken). */
void esc_func_address_taken(esc_func *f);
void esc_unknown_call(esc_func *f);
/* F is inlined into every caller (always_inline): its map storage joins each
 * caller's frame, once per call and in every frame of a recursive caller, so it
 * gets the recursive frame budget.  (Front ends keep a function holding map
 * storage from being inlined otherwise: the GCC plugin marks it noinline.) */
void esc_func_always_inline(esc_func *f);
/* Parameter param (from esc_param) lives in memory as the ESC_LOC_VAR var
 * (address taken, or an aggregate): adds var <- param.  When var's address
 * escapes, the parameter is Go's "moved to heap" (JSON moved_to_heap); -m
 * prints "&name escapes to heap" and, since the value then outlives the call,
 * "leaking param: name".  esc_flow(f, var, param, 0, pos, "parameter") into an
 * ESC_LOC_VAR is taken the same way. */
void esc_param_home(esc_func *f, esc_loc param, esc_loc var, esc_pos pos);

/* ---- locations ---------------------------------------------------------- */
typedef enum esc_loc_kind {
    ESC_LOC_VALUE,      /* an SSA value or temporary: no address of its own */
    ESC_LOC_VAR,        /* a local object in memory (address may be taken);
                           gets "&x escapes to heap" when its address escapes */
    ESC_LOC_MAP,        /* the storage of a gomap_make site (made by esc_map_site) */
} esc_loc_kind;

/* loopdepth: Go's loopDepth - 0 for things that live for the whole call, else the
 * loop nesting of where the value is created; a location at a smaller depth
 * outlives one at a larger depth (so a map made in a loop and kept in a location
 * that lives across iterations escapes).  name may be NULL ("tmp"). */
esc_loc esc_loc_new(esc_func *f, esc_loc_kind kind, const char *name, esc_pos pos,
                    int loopdepth);

/* A gomap_make call.  Returns the site id; *map_loc receives the ESC_LOC_MAP
 * location (the handle returned by the call is esc_flow(ret, map_loc, -1)).
 * type_name: "map[K]V" from the descriptor, or NULL when unresolved (then
 * kv_size/bucket bytes are unknown and the bucket never goes on the stack).
 * hint: the constant hint, or -1 when not a constant. */
typedef struct esc_site_info {
    esc_pos pos;
    const char *type_name;      /* NULL: descriptor not resolved */
    long hint;                  /* -1: not a constant */
    unsigned long kv_size;      /* keysize + valsize */
    unsigned long hmap_bytes;   /* GOMAP_HMAP_SIZE */
    unsigned long bucket_bytes; /* gomap_layout_bucket_size(), 0 if unknown */
    int loopdepth;
} esc_site_info;
int esc_map_site(esc_func *f, const esc_site_info *info, esc_loc *map_loc);

/* ---- edges (stage 2) ------------------------------------------------------ */
/* dst = (derefs) src.  why: Go's note word ("assign", "spill", "call parameter",
 * "return", "address-of", ...), shown by -m=2 with pos. */
void esc_flow(esc_func *f, esc_loc dst, esc_loc src, int derefs, esc_pos pos,
              const char *why);
/* *ptr = (derefs) src: resolved in esc_solve against what ptr may point to;
 * stores through pointers the core cannot bound go to the heap. */
void esc_store(esc_func *f, esc_loc ptr, esc_loc src, int derefs, esc_pos pos,
               const char *why);
/* (derefs) src flows somewhere that outlives everything (global store, unknown
 * callee, inline asm, pointer-to-integer conversion, unmodelled code). */
void esc_escape(esc_func *f, esc_loc src, int derefs, esc_pos pos, const char *why);
/* A direct call to callee (a function of this unit, with or without body).
 * args[i] is the location of the i-th argument (ESC_NOLOC for non-pointers);
 * result receives the returned value (ESC_NOLOC if unused).  Arguments beyond
 * the callee's registered parameters (varargs) escape.  A callee without a
 * trusted body: every argument escapes unless its parameter is noescape.
 * callee NULL: an unknown (indirect) callee, every argument escapes.  The
 * result of any call may point anywhere (stores through it go to the heap). */
void esc_call(esc_func *f, esc_func *callee, const esc_loc *args, int nargs,
              esc_loc result, esc_pos pos);
/* esc_call with the loop depth of the call (as esc_map_site's), which lets a map
 * the callee makes for its caller (below) be placed in the caller's storage;
 * esc_call's depth is unknown and such maps escape.  Returns the call's id. */
int esc_call_at(esc_func *f, esc_func *callee, const esc_loc *args, int nargs,
                esc_loc result, esc_pos pos, int loopdepth);

/* ---- maps made for the caller (docs/design.md "Maps made by helpers") ------ */
/* After esc_solve.  A function's outputs: sites of its own (gomap_make sites or
 * sites of its calls) whose map leaves it only as its result or through an
 * out parameter (`*p = m`, p a pointer parameter); a caller that keeps the map
 * may give the storage (a clone of the function taking it).  Fills sites[0..n)
 * (n = the returned count, at most max) in a fixed order. */
int esc_func_outputs(esc_ctx *c, const esc_func *f, int *sites, int max);
/* The sites of call `call` (esc_call_at's id): one per output of the callee, in
 * the callee's order (each a map site of the caller, decided like a gomap_make
 * site); 0 if none. */
int esc_call_sites(esc_ctx *c, int call, int *sites, int max);
/* f's maps cannot be made in its callers' storage (the front end cannot give it:
 * a variadic or unprototyped function, one it cannot clone): no outputs.
 * Before esc_solve. */
void esc_func_no_outputs(esc_func *f);
/* The output of the callee (a site id) that caller site `site` stands for, or -1
 * for a gomap_make site. */
int esc_site_made_by(esc_ctx *c, int site);

/* ---- exposure (docs/design.md "Soundness") ---------------------------------- */
/* ISO/IEC TS 6010 (PNVI-ae-udi): a pointer can be rebuilt from integers only if
 * its storage was exposed.  A front end reports every data load (an rvalue of a
 * non-pointer scalar type read from memory whose value is used other than by
 * being stored again) as an exposure of the memory read: (src, derefs) is that
 * memory ((var, 0) for a local in memory, (ptr, 1) through pointer ptr).
 *   any:  the access may read any object's bytes (character type, may_alias,
 *         union member, punned, -fno-strict-aliasing): (derefs) src escapes at
 *         once.
 *   else: a typed access; it exposes (the same escape) only when the memory may
 *         be raw: a local (ESC_LOC_VAR / ESC_LOC_MAP) of f marked by esc_raw or
 *         reached by a resolved esc_store_raw.  Decided at the store fixpoint.
 * why: -m=2's note for the escape ("pointer bytes read as data"). */
void esc_expose(esc_func *f, esc_loc src, int derefs, bool any, esc_pos pos,
                const char *why);
/* dst = (derefs) src for a copy-only data load (its value is only stored
 * again: a copy of memory's bytes).  any: an ordinary esc_flow.  Typed: the
 * flow is added only when the memory read may be raw (the test of esc_expose):
 * a typed non-pointer object holds pointer bytes only where they were
 * written raw, so `F.x = f->x` carries nothing.  */
void esc_copy(esc_func *f, esc_loc dst, esc_loc src, int derefs, bool any, esc_pos pos,
              const char *why);
/* The local var (ESC_LOC_VAR or ESC_LOC_MAP of f) may hold pointer bytes as
 * non-pointer data (written by memcpy, through a punned lvalue, a union ...). */
void esc_raw(esc_func *f, esc_loc var);
/* esc_store that writes raw bytes: every local pointee of ptr becomes raw. */
void esc_store_raw(esc_func *f, esc_loc ptr, esc_loc src, int derefs, esc_pos pos,
                   const char *why);
/* A raw location whose address reaches code we do not see (a call argument, the
 * heap) has its contents escape ("raw bytes seen by other code"): another
 * function may read them with a typed load. */

/* ---- known library functions ----------------------------------------------- */
/* What a body-less C library function or compiler builtin does with pointers,
 * so that every front end judges them alike (plugin/core/libc.c).  A name is
 * matched after removing a "__builtin_" prefix and then leading underscores
 * (__builtin___memcpy_chk is memcpy_chk); some entries (expect, object_size,
 * va_start, ...) match only in their __builtin_ form.  Front ends should use
 * it only for the library's own declarations, not for a user function that
 * happens to have the same name. */
typedef enum esc_libc_kind {
    ESC_LIBC_NONE,          /* not known: an unknown callee, keeps everything */
    ESC_LIBC_KEEPS_NOTHING, /* reads its arguments, keeps nothing (strlen, free) */
    ESC_LIBC_COPY,          /* *arg0 <- *arg1, result = arg0 (memcpy, strcpy) */
    ESC_LIBC_BCOPY,         /* *arg1 <- *arg0 (bcopy) */
    ESC_LIBC_RET_ARG0,      /* result points into arg0, keeps nothing (strchr) */
    ESC_LIBC_VA,            /* va_start (*arg0 <- unknown) / va_end (va_copy is a
                               COPY of the record) */
    ESC_LIBC_READS,         /* reads its pointer arguments' bytes as data, keeps
                               nothing (strlen, memcmp, strcmp): esc_expose(any) */
    ESC_LIBC_RET_ARG0_READS,/* RET_ARG0 whose search reads the bytes (strchr,
                               memchr, strstr): result into arg0, esc_expose(any) */
    ESC_LIBC_FORMAT,        /* s(n)printf, printf: the format (esc_libc_format_arg)
                               is read as data (esc_expose(any)); every argument
                               after it escapes (%p, %s, %n use them); arg0 of the
                               string forms receives characters and is not kept;
                               the others before the format are sizes */
    ESC_LIBC_STRTO,         /* strtol & co: arg0's bytes are read as data, *arg1 <-
                               arg0 (the end pointer points into the string) */
    ESC_LIBC_REALLOC,       /* the result is arg0 or fresh memory holding a copy of
                               *arg0: result <- arg0 and unknown; *arg0 escapes */
    ESC_LIBC_ALLOC_OUT,     /* posix_memalign: *arg0 <- fresh memory (unknown) */
    ESC_LIBC_FILL,          /* writes data bytes into *arg0, returns arg0 (memset):
                               *arg0 <- unknown, raw */
    ESC_LIBC_COPY_READS,    /* COPY that stops at a byte value the caller chooses
                               (memccpy): the source is also read as data */
} esc_libc_kind;
esc_libc_kind esc_known_libc(const char *name);
/* Adds the edges of a call to a body-less library function of kind k (as the
 * comments above say; copies are esc_store_raw, readers esc_expose(any), an
 * unknown result is the heap).  False for ESC_LIBC_NONE: the front end models
 * it as an unknown callee. */
struct esc_callsite;
bool esc_libc_call(const struct esc_callsite *cs, esc_libc_kind k);

/* ---- calls the core models (runtime_model.c, libc.c) ------------------------ */
/* A call whose effect on pointers the core knows (a gomap runtime entry point, a
 * body-less C library function): the front end describes the call and its
 * result, the core adds the edges.  The front end only translates. */
typedef struct esc_callsite {
    esc_func *f;
    esc_pos pos;                /* of the call: every edge and temporary gets it */
    int depth;                  /* loop depth of the call, for temporaries */
    int nargs;
    /* The location of argument i (ESC_NOLOC when it carries nothing), asked when
     * an effect needs it, in the order of the effects, at most once for i < 8. */
    esc_loc (*arg)(void *fe, int i);
    /* Argument i has pointer (or array) type: what readers of bytes expose. */
    bool (*arg_is_pointer)(void *fe, int i);
    /* The call's result may hold (derefs) src: the front end assigns it to
     * where the result goes ("call result"); called in the order of the effects. */
    void (*result)(void *fe, esc_loc src, int derefs);
    void *fe;
    /* For -m=2's notes: the callee's name ("copied by memcpy"), or for a call
     * through a pointer the variable read ("indirect call through fn"); NULL. */
    const char *name;
    /* Optional (NULL: never): argument i is a string literal, its text (malloc'd,
     * the core frees it) - a printf format; argument i is a null pointer constant. */
    char *(*arg_string)(void *fe, int i);
    bool (*arg_is_null)(void *fe, int i);
    /* Optional (NULL: ESC_KEY_BYTES): how the map runtime reads the key that
     * argument i points to (esc_key_read). */
    int (*key_read)(void *fe, int i);
} esc_callsite;
/* The runtime reads a key as an object of the map's key type (hash, compare).
 * ESC_KEY_TYPED: the memory is read at its own type (the key points to the
 * start of an object or element of the key's size, not a character view of
 * something else): a typed data read, which exposes only raw memory.
 * ESC_KEY_STRING: typed, and the bytes its pointers point to are read as data
 * (a gostring key).
 * ESC_KEY_BYTES: anything else (a view into another object, a map whose type
 * the front end does not know): the bytes are read as data. */
enum { ESC_KEY_BYTES, ESC_KEY_TYPED, ESC_KEY_STRING };

/* The gomap runtime's pointer model: one table (runtime_model.c), one row an
 * entry point.  An effect is an edge between the call's operands: argument i,
 * temporary i (made at the first flow into it that carries something), or the
 * map a gomap_make-like entry point creates. */
typedef enum esc_rt_operand_kind { ESC_RT_ARG, ESC_RT_TEMP, ESC_RT_MAP } esc_rt_operand_kind;
typedef struct esc_rt_operand { esc_rt_operand_kind kind; int index; } esc_rt_operand;
typedef enum esc_rt_effect_kind {
    ESC_RT_RESULT,              /* result <- (derefs) src: a slot, the map handle */
    ESC_RT_STORE,               /* *dst <- (derefs) src (esc_store): the map keeps a key */
    ESC_RT_FLOW,                /* dst <- (derefs) src (esc_flow, dst a temporary or
                                   the map) */
    ESC_RT_READS,               /* the bytes src points to are read as data (a
                                   gostring's, by value): esc_expose(any) */
    ESC_RT_KEY,                 /* the key src points to is hashed and compared:
                                   as cs->key_read says (ESC_KEY_*) */
} esc_rt_effect_kind;
typedef struct esc_rt_effect {
    esc_rt_effect_kind kind;
    esc_rt_operand dst, src;    /* dst unused for ESC_RT_RESULT */
    int derefs;
    const char *why;            /* -m=2's note ("call", "iterator", "descriptor") */
} esc_rt_effect;
#define ESC_RT_MAX_EFFECTS 4
typedef struct esc_runtime_fn {
    const char *name;           /* the C name, linking to the symbol of that name */
    int nargs;                  /* called with exactly this many arguments */
    int descriptor_arg, hint_arg;   /* a map site (gomap_make): the front end resolves
                                       the descriptor and the constant hint of these
                                       arguments into esc_site_info; -1 otherwise */
    int neffects;               /* 0: keeps nothing (gomap_len, gomap_free ...) */
    esc_rt_effect effects[ESC_RT_MAX_EFFECTS];
} esc_runtime_fn;
/* The runtime entry point a direct call reaches, or NULL.  name: the callee's C
 * name; symbol: the symbol its declaration links to, after the target's user
 * label prefix (NULL: not renamed); external: external linkage.  A declaration
 * renamed by `__asm__("other")` or `#pragma redefine_extname`, a static function
 * of that name, or a call with another number of arguments is not the runtime's. */
/* Is NAME (a C name or a symbol; may be NULL) in the runtime's name space, gomap_*?
 * Every runtime entry point is; the GCC loader (plugin.cc) uses it too. */
static inline bool esc_runtime_prefixed(const char *name)
{
    return name && !strncmp(name, "gomap_", 6);
}
const esc_runtime_fn *esc_runtime_callee(const char *name, const char *symbol,
                                         bool external, int nargs);
/* Is the function NAME (linking to SYMBOL, NULL = not renamed, external) the
 * runtime's function of that name, whatever its arguments (gomap_make_on for
 * the rewrite, gomap_make for positions)? */
bool esc_runtime_named(const char *name, const char *symbol, bool external,
                       const char *want);
/* The map type of a gomap_make call, read by a front end from the GOMAP_TYPE
 * descriptor's initializer, by position (gomap_layout.h): version, keysize,
 * valsize, keyalign, valalign, flags, name. */
typedef struct esc_descriptor {
    const char *name;           /* "map[K]V"; NULL: unresolved */
    unsigned long keysize, valsize, keyalign, valalign;
    unsigned long flags;        /* GOMAP_TF_* */
} esc_descriptor;
/* Can the analysis use these fields: the runtime's layout version, sane sizes and
 * power-of-two alignments?  If not the front end leaves the descriptor
 * unresolved (the bucket never goes on the stack, the header still may). */
bool esc_descriptor_usable(unsigned long version, const esc_descriptor *d);
/* Fills info's type_name, kv_size, hmap_bytes and bucket_bytes from d (unresolved:
 * NULL and 0); returns the bucket's alignment (0 when unresolved). */
unsigned long esc_site_layout(esc_site_info *info, const esc_descriptor *d);
/* A call through a pointer (or to code the front end cannot name): it may call
 * back (esc_unknown_call), every argument escapes ("indirect call") unless
 * noescape[i] (NULL: none is) says the function type called through promises
 * the parameter keeps nothing, and the result is unknown. */
void esc_indirect_call(const esc_callsite *cs, const bool *noescape);
/* Adds the edges of a call to runtime entry point r.  A map site (descriptor_arg
 * >= 0) needs make, filled by the front end (pos, type_name, hint, sizes,
 * loopdepth); returns its site id, else -1. */
int esc_runtime_call(const esc_callsite *cs, const esc_runtime_fn *r,
                     const esc_site_info *make);
/* Functions that replace printf's conversions (glibc's register_printf_specifier
 * and register_printf_function: a handler may keep the pointer a %s receives,
 * and call back into the unit), or make a stream whose writes run the unit's
 * code (fopencookie: printf and puts may then call back).  A
 * front end that sees the unit name one calls esc_printf_hooked before it
 * describes calls; the unit's printf-family calls are then unknown calls for
 * their arguments (a registration in another unit is not seen: docs/design.md). */
bool esc_libc_printf_hook(const char *name);
void esc_printf_hooked(esc_ctx *c);
/* The index of the format argument of an ESC_LIBC_FORMAT function, else -1;
 * *VA: a va_list follows the format (vsnprintf), not the arguments. */
int esc_libc_format_arg(const char *name, bool *va);
/* For a constant printf format FMT followed by NARGS arguments: set STRING[i]
 * when argument i is consumed only by a %s conversion (the function reads the
 * bytes it points to and keeps nothing).  False, with nothing set, when the
 * format is not one it understands (positional arguments, an unknown
 * conversion, fewer arguments than conversions): every argument escapes. */
bool esc_format_strings(const char *fmt, int nargs, bool *string);

/* ---- solve (stage 3) ---------------------------------------------------- */
void esc_solve(esc_ctx *c);

/* ---- decisions and report ------------------------------------------------ */
typedef enum esc_placement {
    ESC_HEAP_ALL,          /* "escapes to heap" */
    ESC_STACK_HMAP,        /* header on stack, buckets on heap */
    ESC_STACK_ALL,         /* header and first bucket on stack */
} esc_placement;

typedef struct esc_decision {
    esc_placement placement;
    const char *reason;    /* for ESC_STACK_HMAP: "key+value size S > LIMIT",
                              "hint H > 8" or "stack frame limit"; else NULL */
} esc_decision;
esc_decision esc_site_decision(esc_ctx *c, int site);

/* After esc_solve: the front end rewrote CALL (gomap_access, gomap_assign,
 * gomap_delete) at POS in F into ENTRY, the runtime's entry point for the map's
 * key kind, or (INLINED) the inline one-bucket path of gomap_fast.h.  Only
 * recorded: the JSON file lists each as a decision of kind "call". */
void esc_note_specialised(esc_func *f, esc_pos pos, const char *call, const char *entry,
                          bool inlined);

/* __attribute__((noescape)) checked.  After esc_solve: is
 * parameter i of f (a function with a body) declared (or promised,
 * esc_param_promised) noescape although the
 * analysis finds that it leaks (to the heap or to the result, at any level)?
 * Then msg gets "parameter 'p' is declared noescape but leaks to the heap" (or
 * "... leaks its content to the heap", "... leaks to the result ~r0 level=N")
 * and the result is true.  Callers elsewhere trust the promise, so a front end
 * reports it as an error.  The analysis' verdict is the check: a parameter it
 * cannot prove is kept is a broken promise too. */
bool esc_promise_broken(esc_ctx *c, const esc_func *f, int i, char *msg, size_t len);
/* The flow of that leak, -m=2 style ("flow: {heap} = p:", "  from p (assign) at
 * FILE:L:C"), one line per call of line(); nothing unless flows are captured
 * (m >= 2 or JSON). */
void esc_promise_flow(esc_ctx *c, const esc_func *f, int i,
                      void (*line)(void *arg, const char *text), void *arg);
/* Every broken promise of the unit (not in system headers) as
 * "FILE:LINE:COL: error: MSG" on out, each followed by its flow when captured;
 * returns their number (escape-clang). */
int esc_report_promises(esc_ctx *c, FILE *out);

/* Print the -m lines (opt.m >= 1) for the whole unit in Go's format, sorted by
 * position, none for system headers. */
void esc_report(esc_ctx *c, FILE *out);
/* Write every decision as JSON (docs/json.md) to the file path: an array holding
 * this unit's document.  Returns 0 or -1 with errno. */
int esc_write_json(esc_ctx *c, const char *path);

/* ---- output files (output.c, json.c, sarif.c) ------------------------------- */
/* json=PATH and sarif=PATH: PATH an existing directory gets one file per unit,
 * PATH/NAME.json or PATH/NAME.sarif, NAME the unit's name (relative to the
 * working directory when under it, a leading "./" dropped) with every '/' made
 * '_'; any other PATH is that file.  A file holds a JSON
 * array of unit documents, or one SARIF 2.1.0 log with one run per unit.  Files
 * are written whole under a temporary name in their directory and renamed, so
 * parallel compilations never interleave (the last one to finish wins a file). */
typedef enum esc_format { ESC_FORMAT_JSON, ESC_FORMAT_SARIF } esc_format;
#define ESC_TOOL_VERSION "1.0"        /* the plugin's version; SARIF's tool.driver.version */
/* The unit's part of a document (malloc'd text): its JSON document (docs/json.md)
 * or its SARIF run.  unit: the unit's name (what its output file is called, e.g.
 * "out/x" for -o out/x.o), source: the main source file; either may be NULL. */
char *esc_render(esc_ctx *c, esc_format f, const char *unit, const char *source);
/* The file a unit's record goes to (malloc'd): path itself, or the file in the
 * directory path as described above. */
char *esc_output_path(const char *path, const char *unit, esc_format f);
/* Write parts (from esc_render) as one document to file, atomically.  Returns 0
 * or -1 with errno. */
int esc_write_parts(const char *file, esc_format f, char *const *parts, int n);

#ifdef __cplusplus
}
#endif
#endif /* ESCAPE_CORE_H */
