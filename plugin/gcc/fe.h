/* fe.h - declarations shared by the GCC 12 front end of the escape plugin.
 *
 * The front end turns GIMPLE (SSA form, before any optimisation) into the
 * location graph of plugin/core/escape.h and, once the core has decided, rewrites
 * the gomap_make calls whose maps stay in their function.  Its files:
 *
 *   plugin.cc      plugin_init: version check, arguments, attribute, the pass
 *   args.cc        -fplugin-arg-escape-* parsing
 *   attrs.cc       __attribute__((noescape)) on parameters
 *   promises.cc    noescape promised by other declarations and function pointer types
 *   unit.cc        the pass body: functions, parameters, solve, report, rewrite
 *   position.cc    location_t -> esc_pos
 *   loops.cc       Go's loopDepth for SSA values, map sites and memory variables
 *   translate.cc   GIMPLE statements -> esc_flow / esc_store / esc_escape
 *   narrow.cc      the exposure rule: data loads (copies or exposures), raw stores
 *   calls.cc       calls: gomap runtime summaries, builtins, internal, direct, indirect
 *   descriptor.cc  the static gomap_type initializer of a gomap_make call
 *   rewrite.cc     gomap_make -> gomap_make_on with storage on the stack; clones of
 *                  helpers that take their callers' storage
 *   specialise.cc  gomap_access/assign/delete -> the entry point for the key kind
 *
 * The code is C in C++ clothing: GCC's headers need C++, nothing else does.
 */
#ifndef ESCAPE_GCC_FE_H
#define ESCAPE_GCC_FE_H

#include "gcc-plugin.h"
#include "config.h"
#include "system.h"
#include "coretypes.h"
#include "backend.h"
#include "tree.h"
#include "gimple.h"
#include "tree-pass.h"
#include "ssa.h"
#include "cgraph.h"
#include "attribs.h"
#include "stringpool.h"
#include "diagnostic-core.h"
#include "gimple-iterator.h"
#include "gimple-walk.h"
#include "tree-cfg.h"
#include "cfgloop.h"
#include "internal-fn.h"
#include "stor-layout.h"
#include "fold-const.h"
#include "langhooks.h"
#include "input.h"

#include "escape.h"
#include "gomap_layout.h"

/* ---- options (args.cc) ---------------------------------------------------- */
extern esc_options fe_opts;       /* the core's options (plugin/core/options.c) */
/* Parse the plugin's arguments into fe_opts; on a bad one call error() and
 * return false. */
bool fe_parse_args(const char *plugin_name, int argc, struct plugin_argument *argv);

/* ---- attribute (attrs.cc) ------------------------------------------------- */
tree fe_handle_noescape(tree *node, tree name, tree args, int flags, bool *no_add_attrs);
/* OUT[i]: is parameter i (i < N) of a call to FNDECL (may be NULL) with type
 * FNTYPE noescape?  One walk of the parameter lists (a function may have
 * thousands: GCC's torture corpus has one of 10,000). */
void fe_params_noescape(tree fndecl, tree fntype, unsigned n, bool *out);

bool fe_parm_decl_noescape(tree parm);
/* Has the unit applied noescape anywhere (a promise the pass must check)? */
extern bool fe_noescape_used;
extern bool fe_restored_decls;   /* declarations not seen as made (analysis.cc) */

/* ---- positions (position.cc) ---------------------------------------------- */
esc_pos fe_pos(location_t loc);
esc_pos fe_stmt_pos(gimple *stmt);   /* falls back to the function's location */
int fe_print_col(esc_pos p);         /* esc_options.print_col: GCC's display column */
void fe_print_col_forget(void);      /* after esc_ctx_free: its file names are gone */
void fe_pre_genericize(void *gcc_data, void *user_data);   /* PLUGIN_PRE_GENERICIZE */

/* ---- unit state (unit.cc) ------------------------------------------------ */
struct fe_site {                /* one gomap_make call, for the rewrite */
    gcall *call;
    tree fndecl;                /* the function containing it */
    int id;                     /* esc_map_site id */
    unsigned long bucket_bytes; /* 0: descriptor not resolved */
    unsigned long bucket_align;
};
struct fe_mapcall {             /* a gomap_access/assign/delete call, for specialise.cc */
    gcall *call;
    tree fndecl;                /* the function containing it */
    esc_func *ef;
    int op;                     /* FE_OP_* */
};
enum { FE_OP_ACCESS, FE_OP_ASSIGN, FE_OP_DELETE };
struct fe_callrec {                /* a direct call whose callee may make maps for it */
    gcall *call;
    tree fndecl;                /* the function containing it */
    tree callee;
    int id;                     /* esc_call_at id */
};
struct fe_unit {
    esc_ctx *ctx;
    hash_map<tree, esc_func *> *funcs;   /* FUNCTION_DECL (alias target) -> func */
    hash_map<tree, esc_loc> *params;     /* PARM_DECL -> esc_param location */
    vec<fe_site> sites;
    vec<fe_mapcall> mapcalls;
    vec<fe_callrec> calls;
    /* Promises no unit checks (promises.cc): (function type, parameter) pairs
     * a function without a body that surely runs here was converted to. */
    vec<tree> unchecked_types;
    vec<int> unchecked_parms;
};
/* The esc_func of the function a call to DECL runs (creating a body-less one,
 * with parameters from FNTYPE, when the unit has no body for it). */
esc_func *fe_func_for(fe_unit *u, tree decl, tree fntype);
/* The function of this unit that DECL's symbol names when an asm label renamed
 * it, or NULL (unit.cc). */
cgraph_node *fe_renamed_body(tree decl);
/* The analysed body that surely runs for DECL (no ifunc, not weak or
 * interposable), or NULL (unit.cc). */
esc_func *fe_body_here(fe_unit *u, tree decl);
/* Does the ifunc DECL's resolver return only addresses of functions with a
 * body here, which its noescape promises are checked against (promises.cc)? */
bool fe_resolver_checked(fe_unit *u, tree decl);
/* Does the function type promise noescape for some parameter? */
bool fe_promises_any(tree fntype);
/* The noescape parameters an indirect call may trust: those of the type it is
 * made through that every declared source of the pointer promises too. */
void fe_call_promises(fe_unit *u, gcall *c, unsigned n, bool *out);
/* Is every value V may be (SSA copies, conversions, PHIs) the address of a
 * function whose body here its promises are checked against? */
bool fe_only_checked_functions(fe_unit *u, tree v);
/* Does a function type promise for parameter K what no unit checks? */
bool fe_promise_unchecked(fe_unit *u, tree fntype, int k);

/* ---- one function being translated (translate.cc) -------------------------- */
struct fe_src { esc_loc loc; int derefs; };   /* value = (derefs) loc */
typedef auto_vec<fe_src, 8> fe_srcs;

struct fe_fn {
    fe_unit *u;
    esc_func *ef;
    tree decl;
    function *fun;
    vec<esc_loc> ssa;                    /* by SSA_NAME_VERSION, -2 = not yet */
    hash_map<tree, esc_loc> *vars;       /* local memory variables */
    hash_map<tree, int> *var_depth;      /* loops.cc: depth of memory variables */
    gimple *stmt;                        /* the statement being translated */
    esc_loc result;
};
void fe_translate_function(fe_unit *u, cgraph_node *node);

esc_loc fe_ssa_loc(fe_fn *fn, tree ssa);
esc_loc fe_heap(fe_fn *fn);
esc_loc fe_temp(fe_fn *fn, gimple *stmt, const char *name);
/* The sources of the value of operand OP (an rvalue). */
void fe_operand(fe_fn *fn, tree op, fe_srcs *out);
/* The sources of the address of lvalue REF. */
void fe_address(fe_fn *fn, tree ref, fe_srcs *out);
/* The innermost object of the memory reference REF, its components stripped: a
 * decl, an SSA name, a constant, or a MEM_REF / TARGET_MEM_REF whose address
 * operand goes to *ADDR (else NULL_TREE).  (Also used by narrow.cc.) */
tree fe_ref_base(tree ref, tree *addr);
/* One location holding the value of OP (a temporary when OP is not an SSA
 * name); ESC_NOLOC when OP carries no pointer. */
esc_loc fe_value_loc(fe_fn *fn, tree op, gimple *stmt);
/* Assign SRCS to the lvalue or SSA name LHS; RAW: the store writes raw bytes
 * (esc_raw of a local, esc_store_raw through a pointer). */
void fe_assign(fe_fn *fn, tree lhs, const fe_srcs &srcs, gimple *stmt, const char *why,
               bool raw = false);
/* A value leaving the function as an aggregate (by-value argument, return):
 * a typed exposure of the memory it is read from (raw bytes in it escape). */
void fe_expose_aggregate(fe_fn *fn, tree op, gimple *stmt);
/* Flow SRCS into value location DST / make them escape. */
void fe_flow_srcs(fe_fn *fn, esc_loc dst, const fe_srcs &srcs, gimple *stmt,
                  const char *why);
void fe_escape_srcs(fe_fn *fn, const fe_srcs &srcs, gimple *stmt, const char *why);
/* Make every operand of STMT escape and its results unknown. */
void fe_unmodelled(fe_fn *fn, gimple *stmt, const char *why);

/* ---- the exposure rule (narrow.cc) ----------------------------------------- */
/* A non-pointer scalar type (integer of any width, enum, bool, float, complex,
 * vector): what a data load reads. */
bool fe_data_type(tree type);
/* May the access REF read (STORE: write) any object's bytes (character type,
 * may_alias, union member, ref-all, a piece, punned, -fno-strict-aliasing)? */
bool fe_any_bytes(tree ref, bool store);
/* Is the store LHS a typed write of a declared data field or element (data
 * lands in data, not in a pointer's bytes)? */
bool fe_declared_data_store(tree lhs);
/* May the pointer-typed load REF read bytes written as another type? */
bool fe_punned_pointer_read(tree ref);
/* A union one of whose members can hold a pointer (narrow.cc). */
/* Can an object of TYPE hold a pointer (a union when one of its members can)? */
bool fe_holds_pointer(tree type);
bool fe_pointer_union(tree type);
/* Is every use of SSA the stored value of a store (through copies, PHIs and
 * same-size conversions)? */
bool fe_copy_only(tree ssa);
/* Does the data value V hold bytes copied out of memory by a copy-only load? */
bool fe_copied_bytes(tree v);
/* The data load OP of fn->stmt, whose memory is (derefs) loc: a copy pushes it
 * to OUT, anything else exposes it (esc_expose / esc_escape for SSA pieces). */
void fe_data_load(fe_fn *fn, tree op, fe_srcs *out, esc_loc loc, int derefs);

/* ---- calls (calls.cc) ---------------------------------------------------- */
void fe_call(fe_fn *fn, gcall *call);
/* A builtin, or the C library's own body-less declaration of a function in the
 * core's table (-fno-builtin): modelled by what it does, not a user function. */
bool fe_library_fn(tree fndecl);
bool fe_is_gomap_fn(tree fndecl, const char *name);
const char *fe_linked_symbol(tree fndecl);   /* the symbol under an asm label (calls.cc) */
bool fe_named_in_asm(tree decl);              /* asm may bind its symbol (unit.cc) */
bool fe_asm_binds(void);                      /* the unit's asm may bind any symbol */
bool fe_asm_names(const char *sym);           /* a top-level asm names SYM (unit.cc) */
/* __builtin___ubsan_*, __asan_* ...: report and keep nothing. */
bool fe_sanitizer_builtin(tree fndecl);

/* ---- loops (loops.cc) ---------------------------------------------------- */
void fe_loops_begin(fe_fn *fn);       /* inside push_cfun */
void fe_loops_end(fe_fn *fn);
int fe_bb_depth(basic_block bb);
int fe_ssa_depth(tree ssa);
int fe_site_depth(fe_fn *fn, basic_block bb);
int fe_var_depth(fe_fn *fn, tree var);

/* ---- descriptor (descriptor.cc) ------------------------------------------- */
esc_descriptor fe_resolve_descriptor(tree arg);

/* ---- rewrite (rewrite.cc) ------------------------------------------------- */
void fe_note_decl(void *gcc_data, void *user_data);   /* PLUGIN_FINISH_DECL */
void fe_note_unit_decls(void);                         /* the same, at the pass */
void fe_rewrite_unit(fe_unit *u);
/* Can the rewrite give FNDECL's maps the storage of its callers (a clone with
 * storage parameters, rewrite.cc)? */
bool fe_cloneable(tree fndecl);
extern tree fe_make_on_decl;                           /* GC root */
extern tree fe_make_into_decl;                         /* GC root */

/* ---- specialisation (specialise.cc) ----------------------------------------- */
void fe_note_fast_decl(tree decl);        /* PLUGIN_FINISH_DECL: gomap.h's entry points */
bool fe_fast_helper(tree decl);           /* one of gomap_fast.h's inline paths */
void fe_specialise_unit(fe_unit *u);      /* after fe_rewrite_unit */
void fe_fast_helpers_release(void);       /* end of the pass: unused helpers may go */
extern tree fe_fast_decls;                /* GC root: TREE_VEC of the noted decls */

/* The descriptor of every map that can reach the map argument MAP (through SSA
 * copies, PHIs, helpers' results and static helpers' parameters: specialise.cc),
 * when they are all made with one resolved layout. */
bool fe_map_descriptor(tree map, esc_descriptor *d);

/* ---- promises (promises.cc) ----------------------------------------------- */
void fe_note_promise_decl(tree decl);   /* PLUGIN_FINISH_DECL: a declaration's promises */
/* Mark (esc_param_promised) the parameters of the unit's bodies that another
 * declaration or a function pointer type their address is converted to
 * promises noescape. */
void fe_collect_promises(fe_unit *u);
extern tree fe_promises;                               /* GC root */

#endif /* ESCAPE_GCC_FE_H */
