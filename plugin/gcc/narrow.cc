/* narrow.cc - when does a load narrower than a pointer carry one?
 *
 * The core's variables are field-insensitive: a load from struct s carries every
 * pointer stored anywhere in s.  A value narrower than a pointer (int, short,
 * char, float, bool) holds a pointer only as a piece of one.  So a narrow load
 * carries what its memory holds only when that memory may hold pointer bytes:
 *   - a local variable with a union in its type, or used untyped: its address
 *     given to a builtin (memcpy), cast or copied into a pointer, taken in a
 *     MEM_REF store, a PHI or asm (passing &s directly to a function is a
 *     typed use); a MEM_REF load of &x reads x through another type;
 *   - a local variable that received pieces: a typed store of a narrow value
 *     that carries (below), or a copy of memory that may hold pieces;
 *   - memory through a pointer, when some local of the function that can hold a
 *     pointer is used untyped or received pieces, or a local of any type is
 *     written raw (a MEM_REF store on &x, a library call writing into &x with
 *     bytes another argument supplies, an asm operand), or any address-taken
 *     local when the function writes pointer-wide values through a pointer
 *     that may point to its locals (not a parameter, not a gomap slot);
 *   - memory through a pointer to a union, or through a pointer converted from
 *     one to memory that holds pointers (char and narrow views of a struct);
 *   - a local that received a user function's aggregate result;
 *   - a piece of an SSA value (BIT_FIELD_REF, VIEW_CONVERT_EXPR).
 * A narrow SSA value carries when it derives (conversion, arithmetic, shifts,
 * PHI) from a pointer-sized or wider value, a carrying narrow load, a parameter
 * or the result of a user function; constants, comparisons and the gomap
 * runtime's results (gomap_len) carry nothing.  Pieces and carriers are a
 * fixpoint over the function.  Where they leave what we follow, they escape:
 *   - a carrying narrow value stored through a pointer (the caller may read it
 *     back narrowly from its own local);
 *   - the contents of a local that received pieces, passed by address to a
 *     user function, or holding a pointer and passed to a parameter of type
 *     pointer to void, char or another narrow scalar (or an unprototyped one),
 *     also through a pointer (a parameter handed on): the callee may read them
 *     in pieces. */
#include "fe.h"

static bool narrow_scalar(tree type)
{
    switch (TREE_CODE(type)) {
    case REAL_TYPE:
    case FIXED_POINT_TYPE:
    case BOOLEAN_TYPE:
        return true;
    case COMPLEX_TYPE:
        return narrow_scalar(TREE_TYPE(type));
    case INTEGER_TYPE:
    case ENUMERAL_TYPE:
        return TYPE_PRECISION(type) < POINTER_SIZE;
    default:
        return false;
    }
}

static bool has_union(tree type)
{
    if (TREE_CODE(type) == UNION_TYPE || TREE_CODE(type) == QUAL_UNION_TYPE)
        return true;
    if (TREE_CODE(type) == ARRAY_TYPE)
        return has_union(TREE_TYPE(type));
    if (TREE_CODE(type) == RECORD_TYPE)
        for (tree f = TYPE_FIELDS(type); f; f = DECL_CHAIN(f))
            if (TREE_CODE(f) == FIELD_DECL && has_union(TREE_TYPE(f)))
                return true;
    return false;
}

static tree note_untyped(tree *tp, int *walk_subtrees, void *data)
{
    if (TYPE_P(*tp)) {
        *walk_subtrees = 0;
    } else if (TREE_CODE(*tp) == ADDR_EXPR) {
        if (tree base = get_base_address(TREE_OPERAND(*tp, 0)))
            if (DECL_P(base))
                ((hash_set<tree> *)data)->add(base);
    }
    return NULL_TREE;
}

/* Sanitizer checks: internal calls, sanitizer and object-size builtins, and
 * the location-less address arithmetic UBSan adds around them. */
static bool instrumentation_p(gimple *st)
{
    if (gcall *c = dyn_cast<gcall *>(st)) {
        if (gimple_call_internal_p(c))
            return true;
        tree fndecl = gimple_call_fndecl(c);
        return fndecl && (fe_sanitizer_builtin(fndecl)
                          || fndecl_built_in_p(fndecl, BUILT_IN_OBJECT_SIZE)
                          || fndecl_built_in_p(fndecl, BUILT_IN_DYNAMIC_OBJECT_SIZE));
    }
    return is_gimple_assign(st) && !gimple_has_location(st)
        && CONVERT_EXPR_CODE_P(gimple_assign_rhs_code(st))
        && INTEGRAL_TYPE_P(TREE_TYPE(gimple_assign_lhs(st)));
}

/* Where pointer bytes may be written into a local of any type (so that a
 * narrow load through a pointer may read them back): locals written raw (a
 * MEM_REF store on &X, &X given to a library function or asm), and whether the
 * function writes memory through pointers other than typed narrow stores (a
 * wide or aggregate store through an SSA pointer, a library call or asm given
 * an SSA pointer): then any local whose address was taken may have been. */
struct raw_writes {
    hash_set<tree> locals;
    bool through_pointer;
};

static tree ref_root(tree t)
{
    while (handled_component_p(t))
        t = TREE_OPERAND(t, 0);
    return t;
}

static bool gomap_runtime(tree fndecl);

/* Does PRED(arg, DEPTH) hold for some argument of PHI? */
static bool any_phi_arg(gphi *phi, bool (*pred)(tree, int), int depth)
{
    for (unsigned i = 0; i < gimple_phi_num_args(phi); i++)
        if (pred(gimple_phi_arg_def(phi, i), depth))
            return true;
    return false;
}

/* May the SSA pointer P point to one of this function's locals?  Parameters
 * point to the caller's memory (whatever is stored there leaks already) and
 * the gomap runtime's results into maps; copies, conversions, offsets and
 * PHIs are followed; anything else (loads, other calls), or too deep, may. */
static bool may_point_to_local(tree p, int depth)
{
    if (TREE_CODE(p) == ADDR_EXPR) {
        tree base = get_base_address(TREE_OPERAND(p, 0));
        return !base || (DECL_P(base) && !is_global_var(base));
    }
    if (TREE_CODE(p) != SSA_NAME)
        return !CONSTANT_CLASS_P(p);
    if (SSA_NAME_IS_DEFAULT_DEF(p))
        return !SSA_NAME_VAR(p) || TREE_CODE(SSA_NAME_VAR(p)) != PARM_DECL;
    if (depth == 0)
        return true;
    gimple *d = SSA_NAME_DEF_STMT(p);
    if (gphi *phi = dyn_cast<gphi *>(d))
        return any_phi_arg(phi, may_point_to_local, depth - 1);
    if (gcall *c = dyn_cast<gcall *>(d))
        return !gomap_runtime(gimple_call_fndecl(c));
    if (!is_gimple_assign(d))
        return true;
    enum tree_code code = gimple_assign_rhs_code(d);
    if (code == SSA_NAME || code == ADDR_EXPR || CONVERT_EXPR_CODE_P(code)
        || code == POINTER_PLUS_EXPR)
        return may_point_to_local(gimple_assign_rhs1(d), depth - 1);
    return true;
}

/* &X as operand OP of a call or asm writes X raw; an SSA pointer may write
 * through it. */
static void note_raw_operand(raw_writes *raw, tree op)
{
    if (TREE_CODE(op) == TREE_LIST)     /* asm operand: (constraint, value) */
        op = TREE_VALUE(op);
    if (TREE_CODE(op) == ADDR_EXPR) {
        tree base = get_base_address(TREE_OPERAND(op, 0));
        if (base && DECL_P(base))
            raw->locals.add(base);
    } else if (TREE_CODE(op) == SSA_NAME && POINTER_TYPE_P(TREE_TYPE(op))) {
        raw->through_pointer |= may_point_to_local(op, 8);
    } else if (TREE_CODE(op) != SSA_NAME && !CONSTANT_CLASS_P(op)) {
        raw->through_pointer = true;    /* a memory operand: be safe */
    }
}

/* May argument A supply pointer bytes to a library function (a pointer to
 * memory, a wide or aggregate value)?  Constants, string literals and narrow
 * values do not (narrow ones that carry pieces: scan_pieces_stmt). */
static bool supplies_bytes(tree a)
{
    if (CONSTANT_CLASS_P(a))
        return false;
    if (TREE_CODE(a) == ADDR_EXPR)
        return !CONSTANT_CLASS_P(TREE_OPERAND(a, 0));
    return !narrow_scalar(TREE_TYPE(a));
}

/* Can the library call C write through its argument I (GCC's flags)? */
static bool may_write_through(gcall *c, unsigned i)
{
    return !(gimple_call_arg_flags(c, i) & EAF_NO_DIRECT_CLOBBER);
}

/* A library call writes raw into what an argument points to when another
 * argument can supply the bytes (memcpy(half, pm, 8); not snprintf(buf, n,
 * "%d", i)). */
static void note_raw_call(raw_writes *raw, gcall *c)
{
    unsigned n = gimple_call_num_args(c), sources = 0;
    for (unsigned i = 0; i < n; i++)
        sources += supplies_bytes(gimple_call_arg(c, i));
    for (unsigned i = 0; i < n; i++) {
        tree a = gimple_call_arg(c, i);
        if (sources > (unsigned)supplies_bytes(a) && may_write_through(c, i)
            && (TREE_CODE(a) == ADDR_EXPR || TREE_CODE(a) == SSA_NAME))
            note_raw_operand(raw, a);
    }
}

/* An assignment writes X untyped when its lhs is a MEM_REF on &X (unless it
 * stores a constant, such as the zeroing of padding), and copies &X when an
 * rhs operand is the address itself.  Loads write nothing. */
static void scan_assign(fe_fn *fn, gassign *st, raw_writes *raw)
{
    tree lhs = gimple_assign_lhs(st);
    tree rhs1 = gimple_assign_rhs1(st);
    bool constant = gimple_assign_single_p(st)
        && (CONSTANT_CLASS_P(rhs1) || (TREE_CODE(rhs1) == CONSTRUCTOR
                                       && CONSTRUCTOR_NELTS(rhs1) == 0));
    if (!constant && TREE_CODE(lhs) != SSA_NAME && !DECL_P(lhs)) {
        walk_tree(&lhs, note_untyped, fn->untyped, NULL);
        tree root = ref_root(lhs);
        if (TREE_CODE(root) == MEM_REF || TREE_CODE(root) == TARGET_MEM_REF) {
            tree p = TREE_OPERAND(root, 0);
            if (TREE_CODE(p) == ADDR_EXPR)
                note_raw_operand(raw, p);
            else if (!narrow_scalar(TREE_TYPE(lhs)) && may_point_to_local(p, 8))
                raw->through_pointer = true;
        }
    }
    for (unsigned i = 1; i < gimple_num_ops(st); i++) {
        tree op = gimple_op(st, i);
        if (op && TREE_CODE(op) == ADDR_EXPR)
            walk_tree(&op, note_untyped, fn->untyped, NULL);
    }
}

/* Variables whose address is used other than as a direct argument of a call to
 * a function (not a builtin or library function: fe_library_fn). */
static void scan_untyped(fe_fn *fn, raw_writes *raw)
{
    fn->untyped = new hash_set<tree>;
    basic_block bb;
    FOR_EACH_BB_FN(bb, fn->fun) {
        for (gphi_iterator g = gsi_start_phis(bb); !gsi_end_p(g); gsi_next(&g))
            for (unsigned i = 0; i < gimple_phi_num_args(g.phi()); i++) {
                tree a = gimple_phi_arg_def(g.phi(), i);
                walk_tree(&a, note_untyped, fn->untyped, NULL);
            }
        for (gimple_stmt_iterator g = gsi_start_bb(bb); !gsi_end_p(g); gsi_next(&g)) {
            gimple *st = gsi_stmt(g);
            if (instrumentation_p(st))
                continue;
            if (is_gimple_assign(st)) {
                scan_assign(fn, as_a<gassign *>(st), raw);
                continue;
            }
            gcall *c = dyn_cast<gcall *>(st);
            bool typed_call = c && !gimple_call_internal_p(c)
                && gimple_call_fndecl(c) && !fe_library_fn(gimple_call_fndecl(c));
            if (c && !typed_call && !gomap_runtime(gimple_call_fndecl(c)))
                note_raw_call(raw, c);
            else if (gimple_code(st) == GIMPLE_ASM)
                for (unsigned i = 0; i < gimple_num_ops(st); i++)
                    if (tree op = gimple_op(st, i))
                        note_raw_operand(raw, op);
            for (unsigned i = 0; i < gimple_num_ops(st); i++) {
                tree op = gimple_op(st, i);
                if (!op || (typed_call && TREE_CODE(op) == ADDR_EXPR
                            && op != gimple_call_fn(c)))
                    continue;
                walk_tree(&op, note_untyped, fn->untyped, NULL);
            }
        }
    }
}

/* Can an object of TYPE hold a pointer (whose bytes a narrow pointer may read)? */
static bool holds_pointer(tree type)
{
    switch (TREE_CODE(type)) {
    case POINTER_TYPE:
    case REFERENCE_TYPE:
    case UNION_TYPE:
    case QUAL_UNION_TYPE:
        return true;
    case ARRAY_TYPE:
    case VECTOR_TYPE:
        return holds_pointer(TREE_TYPE(type));
    case RECORD_TYPE:
        for (tree f = TYPE_FIELDS(type); f; f = DECL_CHAIN(f))
            if (TREE_CODE(f) == FIELD_DECL && holds_pointer(TREE_TYPE(f)))
                return true;
        return false;
    case INTEGER_TYPE:
        return TYPE_PRECISION(type) >= POINTER_SIZE;
    default:
        return false;
    }
}

static bool gomap_runtime(tree fndecl)
{
    return fndecl && TREE_PUBLIC(fndecl) && DECL_NAME(fndecl)
        && !strncmp(IDENTIFIER_POINTER(DECL_NAME(fndecl)), "gomap_", 6);
}

static bool local_decl(fe_fn *fn, tree t)
{
    return DECL_P(t) && (auto_var_in_fn_p(t, fn->decl)
                         || (TREE_CODE(t) == PARM_DECL && DECL_CONTEXT(t) == fn->decl));
}

static void scan_pieces(fe_fn *fn, raw_writes *raw);

static void ensure_scanned(fe_fn *fn)
{
    if (fn->pieces)
        return;
    raw_writes raw;
    raw.through_pointer = false;
    scan_untyped(fn, &raw);
    scan_pieces(fn, &raw);
}

/* Some local that can hold a pointer is used untyped, or some local received
 * pieces: memory through a pointer may hold pointer bytes.  (Kept as the
 * function's own decl in the pieces set.) */
static bool any_piece_local(fe_fn *fn)
{
    return fn->pieces->contains(fn->decl);
}

/* May the memory REF hold pointer bytes? */
static bool character_type(tree type)
{
    return VOID_TYPE_P(type) || (INTEGRAL_TYPE_P(type) && TYPE_PRECISION(type) == CHAR_TYPE_SIZE);
}

/* Was the pointer P converted from one to memory that holds pointers (a view of
 * a struct or a pointer through narrow or character types: asked only for an
 * access whose own type holds no pointer, not for t->n), or does it come
 * from a user function as a character pointer?  Follows copies, conversions,
 * offsets and PHIs; an unknown origin counts after DEPTH steps. */
static bool punned_pointer(tree p, int depth)
{
    if (TREE_CODE(p) == ADDR_EXPR) {
        tree base = get_base_address(TREE_OPERAND(p, 0));
        return !base || holds_pointer(TREE_TYPE(base));
    }
    if (TREE_CODE(p) != SSA_NAME || !POINTER_TYPE_P(TREE_TYPE(p)))
        return false;
    if (holds_pointer(TREE_TYPE(TREE_TYPE(p))))
        return true;
    if (depth == 0)
        return true;
    gimple *d = SSA_NAME_DEF_STMT(p);
    if (gphi *phi = dyn_cast<gphi *>(d))
        return any_phi_arg(phi, punned_pointer, depth - 1);
    if (gcall *c = dyn_cast<gcall *>(d))
        return !gomap_runtime(gimple_call_fndecl(c)) && character_type(TREE_TYPE(TREE_TYPE(p)));
    if (!is_gimple_assign(d))
        return false;   /* a parameter: the caller's rule (fe_narrow_call) */
    enum tree_code code = gimple_assign_rhs_code(d);
    if (code == SSA_NAME || code == ADDR_EXPR || CONVERT_EXPR_CODE_P(code)
        || code == POINTER_PLUS_EXPR)
        return punned_pointer(gimple_assign_rhs1(d), depth - 1);
    return false;       /* a load: memory holding pointers holds them typed */
}

static bool holds_pieces(fe_fn *fn, tree ref)
{
    tree p, t = fe_ref_base(ref, &p);
    if (p) {
        if (TREE_CODE(p) == SSA_NAME)
            return any_piece_local(fn) || has_union(TREE_TYPE(t))
                || (!holds_pointer(TREE_TYPE(t)) && punned_pointer(p, 8));
        return TREE_CODE(p) == ADDR_EXPR;   /* MEM_REF on &x: x read through another type */
    }
    if (TREE_CODE(t) == SSA_NAME)
        return true;
    if (local_decl(fn, t))
        return has_union(TREE_TYPE(t)) || fn->untyped->contains(t) || fn->pieces->contains(t);
    return false;       /* globals: the heap already */
}

static bool wide_scalar(tree type)
{
    return POINTER_TYPE_P(type) || (INTEGRAL_TYPE_P(type) && TYPE_PRECISION(type) >= POINTER_SIZE);
}

/* May the rvalue OP carry pointer bits (whole or in pieces)? */
static bool carries(fe_fn *fn, tree op)
{
    if (!op || CONSTANT_CLASS_P(op) || TREE_CODE(op) == CONST_DECL)
        return false;
    switch (TREE_CODE(op)) {
    case SSA_NAME:
        if (virtual_operand_p(op))
            return false;
        if (SSA_NAME_IS_DEFAULT_DEF(op))
            return !SSA_NAME_VAR(op) || TREE_CODE(SSA_NAME_VAR(op)) != VAR_DECL
                || !narrow_scalar(TREE_TYPE(op));
        if (gcall *c = dyn_cast<gcall *>(SSA_NAME_DEF_STMT(op)))
            if (!POINTER_TYPE_P(TREE_TYPE(op)) && gomap_runtime(gimple_call_fndecl(c)))
                return false;   /* gomap_len */
        return !narrow_scalar(TREE_TYPE(op)) || fn->pieces->contains(op);
    case ADDR_EXPR:
        return true;
    case CONSTRUCTOR: {
        unsigned i;
        tree v;
        FOR_EACH_CONSTRUCTOR_VALUE(CONSTRUCTOR_ELTS(op), i, v)
            if (carries(fn, v))
                return true;
        return false;
    }
    default:
        break;
    }
    if (wide_scalar(TREE_TYPE(op)))
        return true;
    return holds_pieces(fn, op);
}

static bool any_operand_carries(fe_fn *fn, gimple *st, unsigned from)
{
    for (unsigned i = from; i < gimple_num_ops(st); i++)
        if (carries(fn, gimple_op(st, i)))
            return true;
    return false;
}

static bool assign_carries(fe_fn *fn, gassign *st)
{
    enum tree_code code = gimple_assign_rhs_code(st);
    if (TREE_CODE_CLASS(code) == tcc_comparison)
        return false;
    return any_operand_carries(fn, st, 1);
}

static bool call_carries(fe_fn *fn, gcall *c)
{
    tree fndecl = gimple_call_fndecl(c);
    if (gomap_runtime(fndecl))
        return false;
    if (gimple_call_internal_p(c) || fe_library_fn(fndecl))
        return any_operand_carries(fn, c, 3);
    return true;
}

/* Add X to the pieces; true when new. */
static bool note_piece(fe_fn *fn, tree x)
{
    if (DECL_P(x))
        fn->pieces->add(fn->decl);
    return !fn->pieces->add(x);
}

/* A typed store into a local of a value that may carry: the local holds pieces
 * (whole pointers stored whole are read back typed). */
static bool scan_store(fe_fn *fn, gassign *st)
{
    tree lhs = gimple_assign_lhs(st);
    if (wide_scalar(TREE_TYPE(lhs)) || !assign_carries(fn, st))
        return false;
    tree base = get_base_address(lhs);
    return base && local_decl(fn, base) && note_piece(fn, base);
}

/* A library call given a narrow argument that carries may write its bytes
 * where any other pointer argument points: the locals named receive pieces;
 * through an SSA pointer, any local may (the function's own decl).  True
 * when something is new. */
static bool library_pieces(fe_fn *fn, gcall *c)
{
    tree fndecl = gimple_call_fndecl(c);
    if (gimple_call_internal_p(c) || !fe_library_fn(fndecl) || gomap_runtime(fndecl))
        return false;
    unsigned n = gimple_call_num_args(c);
    bool narrow_source = false;
    for (unsigned i = 0; i < n && !narrow_source; i++) {
        tree a = gimple_call_arg(c, i);
        narrow_source = narrow_scalar(TREE_TYPE(a)) && carries(fn, a);
    }
    if (!narrow_source)
        return false;
    bool changed = false;
    for (unsigned i = 0; i < n; i++) {
        tree a = gimple_call_arg(c, i);
        if (!may_write_through(c, i))
            continue;
        if (TREE_CODE(a) == ADDR_EXPR) {
            tree base = get_base_address(TREE_OPERAND(a, 0));
            if (base && local_decl(fn, base))
                changed |= note_piece(fn, base);
        } else if (TREE_CODE(a) == SSA_NAME && POINTER_TYPE_P(TREE_TYPE(a))) {
            changed |= note_piece(fn, fn->decl);
        }
    }
    return changed;
}

static bool scan_pieces_stmt(fe_fn *fn, gimple *st)
{
    if (gassign *a = dyn_cast<gassign *>(st)) {
        tree lhs = gimple_assign_lhs(a);
        if (TREE_CODE(lhs) != SSA_NAME)
            return scan_store(fn, a);
        return narrow_scalar(TREE_TYPE(lhs)) && assign_carries(fn, a) && note_piece(fn, lhs);
    }
    tree lhs = gimple_get_lhs(st);
    gcall *c = dyn_cast<gcall *>(st);
    if (c && library_pieces(fn, c))
        return true;
    if (lhs && c && TREE_CODE(lhs) != SSA_NAME && !wide_scalar(TREE_TYPE(lhs))) {
        /* an aggregate result: a user function may return pieces in it */
        tree base = get_base_address(lhs);
        return base && local_decl(fn, base) && call_carries(fn, c) && note_piece(fn, base);
    }
    if (!lhs || TREE_CODE(lhs) != SSA_NAME || !narrow_scalar(TREE_TYPE(lhs)))
        return false;
    return (!c || call_carries(fn, c)) && note_piece(fn, lhs);
}

/* Narrow SSA names that may carry and locals that received pieces: a fixpoint
 * (loads of such locals carry, and so on). */
static void scan_pieces(fe_fn *fn, raw_writes *raw)
{
    fn->pieces = new hash_set<tree>;
    for (hash_set<tree>::iterator it = fn->untyped->begin(); it != fn->untyped->end(); ++it)
        if (auto_var_in_fn_p(*it, fn->decl)
            && (holds_pointer(TREE_TYPE(*it)) || raw->through_pointer
                || raw->locals.contains(*it)))
            fn->pieces->add(fn->decl);
    for (bool changed = true; changed; ) {
        changed = false;
        basic_block bb;
        FOR_EACH_BB_FN(bb, fn->fun) {
            for (gphi_iterator g = gsi_start_phis(bb); !gsi_end_p(g); gsi_next(&g)) {
                tree res = gimple_phi_result(g.phi());
                if (virtual_operand_p(res) || !narrow_scalar(TREE_TYPE(res)))
                    continue;
                for (unsigned i = 0; i < gimple_phi_num_args(g.phi()); i++)
                    if (carries(fn, gimple_phi_arg_def(g.phi(), i))) {
                        changed |= note_piece(fn, res);
                        break;
                    }
            }
            for (gimple_stmt_iterator g = gsi_start_bb(bb); !gsi_end_p(g); gsi_next(&g))
                changed |= scan_pieces_stmt(fn, gsi_stmt(g));
        }
    }
}

/* May the load OP carry (a piece of) a pointer? */
bool fe_narrow_may_carry(fe_fn *fn, tree op)
{
    if (!narrow_scalar(TREE_TYPE(op)))
        return true;
    ensure_scanned(fn);
    return holds_pieces(fn, op);
}

/* Does assignment ST store, through a pointer, a narrow value that may carry?
 * The caller may read it back narrowly from its own memory: it escapes. */
bool fe_narrow_store_escapes(fe_fn *fn, gassign *st)
{
    tree lhs = gimple_assign_lhs(st);
    if (TREE_CODE(lhs) == SSA_NAME || !narrow_scalar(TREE_TYPE(lhs)))
        return false;
    tree p;
    fe_ref_base(lhs, &p);
    if (!p || TREE_CODE(p) != SSA_NAME)
        return false;
    ensure_scanned(fn);
    return assign_carries(fn, st);
}

/* May a callee read an object through a parameter of type TYPE in pieces?
 * NULL: no prototype, or a variadic argument. */
static bool narrow_reader(tree type)
{
    if (!type)
        return true;
    if (!POINTER_TYPE_P(type))
        return false;
    tree to = TREE_TYPE(type);
    return VOID_TYPE_P(to) || narrow_scalar(to);
}

static void escape_contents(fe_fn *fn, esc_loc loc, int derefs, gcall *c)
{
    if (loc == ESC_NOLOC)
        return;
    fe_srcs srcs;
    srcs.safe_push(fe_src { loc, derefs });
    fe_escape_srcs(fn, srcs, c, "pointer pieces passed");
}

/* Arguments of a user call that hand over pointer bytes a callee may read in
 * pieces (see the header): their contents escape. */
void fe_narrow_call(fe_fn *fn, gcall *c)
{
    tree fndecl = gimple_call_fndecl(c);
    if (gimple_call_internal_p(c) || gomap_runtime(fndecl) || fe_library_fn(fndecl))
        return;
    ensure_scanned(fn);
    bool pieces_here = any_piece_local(fn);
    tree fntype = gimple_call_fntype(c);
    tree parm = fntype && prototype_p(fntype) ? TYPE_ARG_TYPES(fntype) : NULL_TREE;
    for (unsigned i = 0; i < gimple_call_num_args(c); i++) {
        tree a = gimple_call_arg(c, i);
        tree ptype = parm && parm != void_list_node ? TREE_VALUE(parm) : NULL_TREE;
        if (parm)
            parm = TREE_CHAIN(parm);
        /* any pointer when the function has pieces; one to pointer-holding
         * memory handed to a reader of bytes (hand_on(h) -> first_byte(h)) */
        if (TREE_CODE(a) == SSA_NAME && POINTER_TYPE_P(TREE_TYPE(a))
            && (pieces_here || (narrow_reader(ptype) && punned_pointer(a, 8)))) {
            escape_contents(fn, fe_ssa_loc(fn, a), 1, c);
            continue;
        }
        if (TREE_CODE(a) != ADDR_EXPR)
            continue;
        tree base = get_base_address(TREE_OPERAND(a, 0));
        if (!base || !local_decl(fn, base))
            continue;
        if (fn->pieces->contains(base) || fn->untyped->contains(base)
            || (narrow_reader(ptype) && holds_pointer(TREE_TYPE(base)))) {
            fe_srcs srcs;
            fe_address(fn, base, &srcs);
            for (fe_src &s : srcs)
                s.derefs++;
            fe_escape_srcs(fn, srcs, c, "pointer pieces passed");
        }
    }
}
