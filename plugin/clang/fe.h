/* fe.h - declarations shared by escape-clang, the libclang front end.
 *
 * escape-clang parses C with libclang (C API only) and describes each translation
 * unit to the analysis core (plugin/core/escape.h) exactly as the GCC plugin does,
 * but from Clang's AST, which has no SSA: like Go's own escape analysis (which
 * works on Go's AST), every local variable is one location for the whole
 * function, flow-insensitively.  Its files:
 *
 *   main.c        command line, files or compile_commands.json, parse, report
 *   unit.c        one translation unit: functions, parameters, statements
 *   expr.c        expressions -> sources (location, derefs), assignments
 *   calls.c       calls: gomap runtime, known libc, direct, indirect
 *   ops.c         &, *, =, compound assignment recovered from tokens
 *   loops.c       Go's loopDepth from for/while/do scopes and backward gotos
 *   descriptor.c  the GOMAP_TYPE(K, V) descriptor of a gomap_make call
 *   noescape.c    __attribute__((noescape)) from a function type
 *   promises.c    noescape promised by other declarations and function pointer types
 *   writes.c      locals written after their declaration
 *   expose.c      the exposure rule: data loads, copies, any-bytes access, raw stores
 *   pos.c         CXSourceLocation -> esc_pos (GCC's columns)
 *   table.c       cursor -> value map, interned strings
 */
#ifndef ESCAPE_CLANG_FE_H
#define ESCAPE_CLANG_FE_H

#include <clang-c/Index.h>
#include <stdbool.h>
#include <stddef.h>

#include "escape.h"
#include "vec.h"                  /* VEC, VPUSH, VFREE: the core's arrays */

/* ---- cursor -> value map (decls to locations / functions) ------------------- */
typedef struct ce_map ce_map;
ce_map *ce_map_new(void);
void    ce_map_free(ce_map *m);
void  **ce_map_slot(ce_map *m, CXCursor key, bool create);   /* NULL if absent */

/* ---- positions (pos.c) ---------------------------------------------------- */
const char *ce_intern(const char *s);
void        ce_intern_free(void);
esc_pos     ce_pos(CXSourceLocation loc);          /* at the macro expansion point */
/* Columns for the unit being analysed: bytes, or display columns with TABSTOP. */
void        ce_columns(CXTranslationUnit tu, bool bytes, int tabstop);
esc_pos     ce_cursor_pos(CXCursor c);
unsigned    ce_offset(CXSourceLocation loc);       /* expansion file offset */
char       *ce_string(CXString s);                 /* malloc'd copy, disposes s */

/* ---- operators from tokens (ops.c) ----------------------------------------- */
typedef enum ce_op {
    CE_OP_UNKNOWN,      /* tokens unavailable (macro): callers stay conservative */
    CE_OP_ADDR,         /* &x */
    CE_OP_DEREF,        /* *p */
    CE_OP_INCDEC,       /* ++ -- (pre or post) */
    CE_OP_NOT,          /* ! */
    CE_OP_ARITH,        /* other unary or binary arithmetic: + - ~ * / % << & | ^ ... */
    CE_OP_CMP,          /* == != < > <= >= && || (result carries no pointer) */
    CE_OP_ASSIGN,       /* = */
    CE_OP_COMPOUND,     /* += -= *= ... */
    CE_OP_COMMA,        /* , */
    CE_OP_EXTENSION,    /* __extension__ __real__ __imag__ */
} ce_op;
ce_op ce_unary_op(CXTranslationUnit tu, CXCursor c);
ce_op ce_binary_op(CXTranslationUnit tu, CXCursor c);
/* The same, and where the operator is (the expression's start when unknown). */
ce_op ce_binary_op_at(CXTranslationUnit tu, CXCursor c, esc_pos *where);
ce_op ce_op_from_spelling(const char *tok, bool binary);
const char *ce_op_name(ce_op op);

/* ---- options (main.c) ------------------------------------------------------ */
typedef struct ce_options {
    esc_options core;    /* -m, --max-kv-size=N, ...: the core's table (options.c) */
    bool pic;            /* -fPIC/-fpic/-shared (and no -fno-semantic-interposition):
                            functions of default visibility are interposable */
    bool gnu89_inline;   /* -fgnu89-inline, -std=gnu89/c89/c90/gnu90, -ansi: `extern
                            inline` bodies are only for inlining */
    bool no_strict_aliasing;   /* an explicit -fno-strict-aliasing (the last wins):
                                  every data access reads any bytes (expose.c) */
} ce_options;

/* ---- a translation unit (unit.c) ------------------------------------------- */
typedef struct ce_unit {
    CXTranslationUnit tu;
    esc_ctx *ctx;
    ce_map *funcs;       /* canonical FunctionDecl -> esc_func */
    ce_map *params;      /* ParmDecl of a defined function -> esc_param loc */
    const ce_options *opt;
} ce_unit;
void ce_analyse_unit(CXTranslationUnit tu, const ce_options *opt, esc_ctx *ctx);
esc_func *ce_func_for(ce_unit *u, CXCursor decl);
/* Mark (esc_param_promised) the parameters of the unit's definitions that another
 * declaration or a function pointer type their address is converted to promises
 * noescape (promises.c). */
void ce_note_promises(ce_unit *u);

/* ---- loop regions (loops.c) ------------------------------------------------ */
typedef struct ce_range { unsigned begin, end; } ce_range;
typedef struct ce_loops {
    VEC(ce_range) loops;      /* iterated source ranges (file offsets) */
    VEC(unsigned) targets;    /* offsets of labels, case and default */
    bool setjmp;                 /* the function calls setjmp */
    VEC(ce_range) rejoin;     /* per setjmp call: its body statement's begin, the call */
} ce_loops;
void ce_loops_scan(ce_loops *l, CXCursor body);
void ce_loops_free(ce_loops *l);
int  ce_point_depth(const ce_loops *l, unsigned off);
/* A return from a setjmp-like call may reach OFF: a site there counts one deeper. */
bool ce_rejoined(const ce_loops *l, unsigned off);
/* A variable declared at DECL in the block BLOCK. */
int  ce_var_depth(const ce_loops *l, ce_range block, unsigned decl);

/* ---- one function being translated (unit.c, expr.c) ------------------------- */
typedef struct ce_src { esc_loc loc; int derefs; } ce_src;
typedef VEC(ce_src) ce_srcs;

typedef struct ce_fn {
    ce_unit *u;
    esc_func *ef;
    CXCursor decl;
    ce_map *vars;                /* local VarDecl/ParmDecl -> ESC_LOC_VAR */
    ce_loops loops;
    VEC(ce_range) blocks;     /* enclosing compound statements, innermost last */
    ce_map *written;             /* writes.c: locals written after their init */
    struct ce_expose *expose;    /* expose.c: the function's data loads, registers */
    esc_loc result;
} ce_fn;

esc_loc ce_heap(ce_fn *fn);
esc_loc ce_temp(ce_fn *fn, CXCursor at);
esc_loc ce_var_loc(ce_fn *fn, CXCursor decl);        /* ESC_NOLOC: not a local */
int     ce_depth_at(ce_fn *fn, CXCursor c);
ce_range ce_extent(CXCursor c);
void    ce_push(ce_srcs *out, esc_loc loc, int derefs);

/* The sources of the value of expression E (evaluated for its side effects too). */
void    ce_value(ce_fn *fn, CXCursor e, ce_srcs *out);
/* The sources of the address of lvalue E. */
void    ce_address(ce_fn *fn, CXCursor e, ce_srcs *out);
/* Store SRCS into the lvalue whose address sources are ADDR (RAW: raw bytes,
 * expose.c: the locals written become raw). */
void    ce_store_to(ce_fn *fn, const ce_srcs *addr, const ce_srcs *srcs, bool raw,
                    CXCursor at, esc_pos pos, const char *why);
void    ce_flow_at(ce_fn *fn, esc_loc dst, const ce_srcs *srcs, esc_pos pos, const char *why);
const char *ce_arrival(CXCursor rhs, esc_pos *pos);
/* -m=2's note for a store to global memory at AT (an assignment or a static
 * local's declaration): "store to global NAME", into buf. */
const char *ce_global_why(CXCursor at, char *buf, size_t n);
void    ce_flow_srcs(ce_fn *fn, esc_loc dst, const ce_srcs *srcs, CXCursor at,
                     const char *why);
void    ce_escape_srcs(ce_fn *fn, const ce_srcs *srcs, CXCursor at, const char *why);
/* One location holding the value SRCS (a temporary); ESC_NOLOC when empty. */
esc_loc ce_srcs_loc(ce_fn *fn, const ce_srcs *srcs, CXCursor at);
/* Everything reachable from E's operands escapes; the result is unknown. */
void    ce_unmodelled(ce_fn *fn, CXCursor e, ce_srcs *out, const char *why);
void    ce_stmt(ce_fn *fn, CXCursor s);

/* ---- writes (writes.c) ------------------------------------------------------- */
/* Is the local VAR (or parameter) written anywhere but in its declaration, or
 * its address taken? */
bool ce_written(ce_fn *fn, CXCursor var);

/* ---- the exposure rule (expose.c) ------------------------------------------------ */
/* A non-pointer scalar: integer of any width, enum, bool, floating, complex, vector. */
bool ce_data_type(CXType t);
/* T has a union one of whose members can hold a pointer (its members read each
 * other's bytes: locals of such a type are raw). */
bool ce_has_union(CXType t);
/* A scalar local GCC keeps as an SSA name (address never taken): reading it is
 * no load. */
bool ce_register_local(ce_fn *fn, CXCursor var);
/* Is the data load of lvalue E a copy (its value only stored again)?  Else it
 * exposes its memory and carries nothing. */
bool ce_copy_load(ce_fn *fn, CXCursor e);
/* May the lvalue E read (STORE: write) any object's bytes? */
bool ce_any_bytes(ce_fn *fn, CXCursor e, bool store);
/* Does the value E carry a copy load's value (RAW: of an any-bytes load, the
 * bytes of raw memory)? */
bool ce_copied(ce_fn *fn, CXCursor e, bool raw);
/* Does LHS = RHS (LHS op= RHS) write raw bytes? */
bool ce_raw_store(ce_fn *fn, CXCursor lhs, CXCursor rhs, bool compound);
/* Is the store LHS a typed write of a declared data field or element (`s.n`,
 * `p->name[i]`, `buf[i]`)?  Data written there lands in data, not in a
 * pointer's bytes (the plugin's fe_declared_data_store). */
bool ce_declared_data_store(ce_fn *fn, CXCursor lhs);
void ce_expose_free(ce_fn *fn);
/* An aggregate lvalue passed by value or returned: a typed exposure (expr.c). */
void ce_expose_aggregate(ce_fn *fn, CXCursor e);

/* ---- calls (calls.c) -------------------------------------------------------- */
void ce_call(ce_fn *fn, CXCursor call, ce_srcs *out);
/* A builtin, or a function of the known-libc table declared by the library
 * (not defined here): memory it is given is handled untyped. */
bool ce_library_function(CXCursor decl, const char *name);

/* ---- descriptor (descriptor.c) ------------------------------------------------ */
/* name malloc'd (free it), NULL: unresolved */
esc_descriptor ce_resolve_descriptor(ce_fn *fn, CXCursor arg);

/* ---- noescape (noescape.c) ----------------------------------------------------- */
/* Is parameter I of function type T (FunctionProto, canonical or not) noescape? */
bool ce_param_noescape(CXType fntype, int i);

/* ---- attributes (unit.c) --------------------------------------------------------------- */
/* Does declaration C carry an attribute spelled with one of WORDS? */
bool ce_has_attr(CXTranslationUnit tu, CXCursor c, const char *const *words);

/* ---- cursor helpers (expr.c) ---------------------------------------------------- */
int      ce_children(CXCursor c, CXCursor *out, int max);   /* count; first MAX kept */
typedef VEC(CXCursor) ce_cursors;
ce_cursors ce_all_children(CXCursor c);                     /* VFREE it */
bool     ce_last_expr_child(CXCursor c, CXCursor *out);
CXCursor ce_strip(CXCursor e);      /* parens and implicit casts */
/* How the runtime reads a key argument's memory (ESC_KEY_*, expose.c). */
int ce_key_read(ce_fn *fn, CXCursor k);
CXCursor ce_strip_parens(CXCursor e);
bool     ce_lvalue_kind(CXCursor e);   /* inside parens: a reference, member, [], *, literal */
bool     ce_is_implicit_cast(CXCursor e, CXCursor *child);
bool     ce_type_is_pointer(CXType t);
bool     ce_type_is_integer(CXType t);
bool     ce_type_is_array(CXType t);

#endif /* ESCAPE_CLANG_FE_H */
