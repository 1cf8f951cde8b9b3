/* translate.cc - GIMPLE statements (SSA form) as edges of the core's graph.
 *
 * Locations:  every SSA name is a value location (pointers; integers and other
 * data values carry something only as the copy of memory's bytes a copy-only
 * load makes, narrow.cc); the default definition of a parameter is the parameter's
 * esc_param location; a local variable that lives in memory (address taken, or
 * an aggregate) is an ESC_LOC_VAR; globals and static locals are the heap.
 *
 * An rvalue is a set of sources (location, derefs), Go's convention:
 *     p_1              (p_1, 0)          SSA value
 *     &x               (x, -1)           address of a local in memory
 *     &p_1->f, &MEM[p_1 + 8]   (p_1, 0)  address inside what p_1 points to
 *     &global, "str"   (heap, 0)
 *     x.f, x[i]        (x, 0)            load from a local in memory
 *     *p_1, p_1->f     (p_1, 1)          load through a pointer
 *     global.f         (heap, 0)         an unknown pointer
 * and an assignment sends each source to the left-hand side: an SSA name or a
 * local (esc_flow), memory through a pointer (esc_store), global memory
 * (esc_escape).  A load of a non-pointer scalar is a data load: a copy or an
 * exposure (narrow.cc, the exposure rule); arithmetic on data carries nothing.
 * Pointer -> integer conversions the user wrote escape (Go's uintptr rule);
 * integer -> pointer conversions give an unknown pointer (unless they end a
 * copy of a pointer's bytes).  Anything not modelled makes its operands escape
 * and its results unknown.
 */
#include "fe.h"
#include "stmt.h"

esc_loc fe_heap(fe_fn *fn)
{
    return esc_heap(fn->u->ctx);
}

static const char *user_name(tree decl)
{
    if (!decl || !DECL_P(decl) || !DECL_NAME(decl) || DECL_ARTIFICIAL(decl))
        return NULL;
    return IDENTIFIER_POINTER(DECL_NAME(decl));
}

esc_loc fe_temp(fe_fn *fn, gimple *stmt, const char *name)
{
    basic_block bb = stmt ? gimple_bb(stmt) : NULL;
    return esc_loc_new(fn->ef, ESC_LOC_VALUE, name, fe_stmt_pos(stmt),
                       bb ? fe_bb_depth(bb) : 0);
}

static void unknown_into(fe_fn *fn, esc_loc dst, esc_pos pos)
{
    esc_flow(fn->ef, dst, fe_heap(fn), 0, pos, "unknown");
}

/* ---- locations ------------------------------------------------------------ */

esc_loc fe_ssa_loc(fe_fn *fn, tree ssa)
{
    unsigned v = SSA_NAME_VERSION(ssa);
    if (fn->ssa[v] != -2)
        return fn->ssa[v];
    tree var = SSA_NAME_VAR(ssa);
    esc_loc l;
    esc_loc *param = var && TREE_CODE(var) == PARM_DECL ? fn->u->params->get(var) : NULL;
    if (SSA_NAME_IS_DEFAULT_DEF(ssa) && param && !fe_data_type(TREE_TYPE(ssa))) {
        l = *param;
    } else if (SSA_NAME_IS_DEFAULT_DEF(ssa) && param) {
        /* A data parameter carries no pointer we follow: the caller's integer
         * was exposed when it was made (a pointer's bytes read as data, a
         * conversion), and a pointer rebuilt from it is unknown. */
        l = esc_loc_new(fn->ef, ESC_LOC_VALUE, user_name(var), fe_pos(DECL_SOURCE_LOCATION(var)),
                        fe_ssa_depth(ssa));
    } else {
        gimple *def = SSA_NAME_IS_DEFAULT_DEF(ssa) ? NULL : SSA_NAME_DEF_STMT(ssa);
        esc_pos pos = def ? fe_stmt_pos(def) : fe_pos(var ? DECL_SOURCE_LOCATION(var)
                                                          : UNKNOWN_LOCATION);
        l = esc_loc_new(fn->ef, ESC_LOC_VALUE, user_name(var), pos, fe_ssa_depth(ssa));
        /* Incoming values we did not register (static chain, a result passed by
         * reference): pointers we know nothing about. */
        if (SSA_NAME_IS_DEFAULT_DEF(ssa) && var
            && (TREE_CODE(var) == PARM_DECL || TREE_CODE(var) == RESULT_DECL))
            unknown_into(fn, l, pos);
    }
    fn->ssa[v] = l;
    return l;
}

/* A union that can hold a pointer in TYPE: its members read each other's
 * bytes (a union of data members holds only data). */
static bool has_union(tree type)
{
    if (TREE_CODE(type) == UNION_TYPE || TREE_CODE(type) == QUAL_UNION_TYPE)
        return fe_pointer_union(type);
    if (TREE_CODE(type) == ARRAY_TYPE)
        return has_union(TREE_TYPE(type));
    if (TREE_CODE(type) == RECORD_TYPE)
        for (tree f = TYPE_FIELDS(type); f; f = DECL_CHAIN(f))
            if (TREE_CODE(f) == FIELD_DECL && has_union(TREE_TYPE(f)))
                return true;
    return false;
}

static esc_loc var_loc(fe_fn *fn, tree var)
{
    if (esc_loc *l = fn->vars->get(var))
        return *l;
    esc_pos pos = fe_pos(DECL_SOURCE_LOCATION(var));
    esc_loc l = esc_loc_new(fn->ef, ESC_LOC_VAR, user_name(var), pos,
                            fe_var_depth(fn, var));
    fn->vars->put(var, l);
    if (has_union(TREE_TYPE(var)))
        esc_raw(fn->ef, l);                     /* its members read each other's bytes */
    if (TREE_CODE(var) == PARM_DECL) {       /* a parameter living in memory */
        if (esc_loc *p = fn->u->params->get(var))
            esc_flow(fn->ef, l, *p, 0, pos, "parameter");
        else
            unknown_into(fn, l, pos);
    }
    return l;
}

/* ---- memory references ------------------------------------------------------ */

enum base_kind { B_NONE, B_VAR, B_PTR, B_VALUE, B_GLOBAL };
struct base { base_kind kind; esc_loc loc; };

tree fe_ref_base(tree ref, tree *addr)
{
    tree t = ref;
    while (handled_component_p(t))
        t = TREE_OPERAND(t, 0);
    *addr = TREE_CODE(t) == MEM_REF || TREE_CODE(t) == TARGET_MEM_REF
        ? TREE_OPERAND(t, 0) : NULL_TREE;
    return t;
}

/* What the memory reference REF is based on. */
static base classify(fe_fn *fn, tree ref)
{
    tree p, t = fe_ref_base(ref, &p);
    if (p) {
        if (TREE_CODE(p) == ADDR_EXPR)
            return classify(fn, TREE_OPERAND(p, 0));
        if (TREE_CODE(p) == SSA_NAME)
            return { B_PTR, fe_ssa_loc(fn, p) };
        return { B_GLOBAL, ESC_NOLOC };          /* a constant address */
    }
    if (TREE_CODE(t) == SSA_NAME)
        return { B_VALUE, fe_ssa_loc(fn, t) };
    if (TREE_CODE(t) == VAR_DECL || TREE_CODE(t) == PARM_DECL
        || TREE_CODE(t) == RESULT_DECL) {
        if (auto_var_in_fn_p(t, fn->decl))
            return { B_VAR, var_loc(fn, t) };
        return { B_GLOBAL, ESC_NOLOC };
    }
    if (CONSTANT_CLASS_P(t) || TREE_CODE(t) == CONST_DECL)
        return { B_NONE, ESC_NOLOC };
    return { B_GLOBAL, ESC_NOLOC };
}

static bool memory_ref_p(tree t)
{
    return handled_component_p(t) || TREE_CODE(t) == MEM_REF
        || TREE_CODE(t) == TARGET_MEM_REF || TREE_CODE(t) == VAR_DECL
        || TREE_CODE(t) == PARM_DECL || TREE_CODE(t) == RESULT_DECL;
}

static void push(fe_srcs *out, esc_loc loc, int derefs)
{
    if (loc != ESC_NOLOC)
        out->safe_push({ loc, derefs });
}

void fe_address(fe_fn *fn, tree ref, fe_srcs *out)
{
    tree p, t = fe_ref_base(ref, &p);
    if (p) {
        if (TREE_CODE(p) == SSA_NAME)
            push(out, fe_ssa_loc(fn, p), 0);
        else if (TREE_CODE(p) == ADDR_EXPR)
            fe_address(fn, TREE_OPERAND(p, 0), out);
        return;
    }
    if (TREE_CODE(t) == SSA_NAME)
        return;
    base b = classify(fn, t);
    if (b.kind == B_VAR)
        push(out, b.loc, -1);
    else
        push(out, fe_heap(fn), 0);      /* globals, functions, labels, strings */
}

/* The memory a reference REF reads: (loc, derefs), loc ESC_NOLOC for none. */
static fe_src memory_of(fe_fn *fn, tree ref)
{
    base b = classify(fn, ref);
    switch (b.kind) {
    case B_VAR:
    case B_VALUE:
        return { b.loc, 0 };
    case B_PTR:
        return { b.loc, 1 };
    case B_GLOBAL:
        return { fe_heap(fn), 0 };
    case B_NONE:
        break;
    }
    return { ESC_NOLOC, 0 };
}

/* The value of a memory reference REF. */
static void load(fe_fn *fn, tree ref, fe_srcs *out)
{
    fe_src m = memory_of(fn, ref);
    if (fe_data_type(TREE_TYPE(ref))) {
        fe_data_load(fn, ref, out, m.loc, m.derefs);
        return;
    }
    push(out, m.loc, m.derefs);
    if (POINTER_TYPE_P(TREE_TYPE(ref)) && memory_ref_p(ref) && fe_punned_pointer_read(ref))
        push(out, fe_heap(fn), 0);      /* a pointer read out of any bytes: maybe data's */
    tree p, t = fe_ref_base(ref, &p);
    if (!p && TREE_CODE(t) == SSA_NAME && !POINTER_TYPE_P(TREE_TYPE(t))
        && POINTER_TYPE_P(TREE_TYPE(ref)))
        push(out, fe_heap(fn), 0);      /* VIEW_CONVERT_EXPR<T *>(integer): unknown */
}

void fe_expose_aggregate(fe_fn *fn, tree op, gimple *stmt)
{
    if (!op || !memory_ref_p(op) || !AGGREGATE_TYPE_P(TREE_TYPE(op)))
        return;
    fe_src m = memory_of(fn, op);
    if (m.loc != ESC_NOLOC)
        esc_expose(fn->ef, m.loc, m.derefs, false, fe_stmt_pos(stmt),
                   "raw bytes passed by value");
}

/* Sources of an expression we do not model: everything in it, at any level. */
static tree collect_ssa(tree *tp, int *walk_subtrees, void *data)
{
    void **d = (void **)data;
    fe_fn *fn = (fe_fn *)d[0];
    fe_srcs *out = (fe_srcs *)d[1];
    if (TREE_CODE(*tp) == SSA_NAME) {
        push(out, fe_ssa_loc(fn, *tp), 0);
        push(out, fe_ssa_loc(fn, *tp), 1);
    } else if (TYPE_P(*tp)) {
        *walk_subtrees = 0;
    }
    return NULL_TREE;
}

void fe_operand(fe_fn *fn, tree op, fe_srcs *out)
{
    if (!op)
        return;
    switch (TREE_CODE(op)) {
    case SSA_NAME:
        push(out, fe_ssa_loc(fn, op), 0);
        return;
    case ADDR_EXPR:
        fe_address(fn, TREE_OPERAND(op, 0), out);
        return;
    case CONSTRUCTOR: {
        unsigned i;
        tree v;
        FOR_EACH_CONSTRUCTOR_VALUE(CONSTRUCTOR_ELTS(op), i, v)
            fe_operand(fn, v, out);
        return;
    }
    case WITH_SIZE_EXPR:
        fe_operand(fn, TREE_OPERAND(op, 0), out);
        return;
    case OBJ_TYPE_REF:
        fe_operand(fn, OBJ_TYPE_REF_EXPR(op), out);
        return;
    default:
        break;
    }
    if (TREE_CODE(op) == INTEGER_CST && POINTER_TYPE_P(TREE_TYPE(op)) && !integer_zerop(op)) {
        push(out, fe_heap(fn), 0);      /* (T *)0x20000000, folded: an integer's address */
        return;
    }
    if (CONSTANT_CLASS_P(op) || TREE_CODE(op) == CONST_DECL)
        return;
    if (memory_ref_p(op)) {
        load(fn, op, out);
        return;
    }
    void *d[2] = { fn, out };
    walk_tree_without_duplicates(&op, collect_ssa, d);
    push(out, fe_heap(fn), 0);
}

/* ---- edges ------------------------------------------------------------------ */

void fe_flow_srcs(fe_fn *fn, esc_loc dst, const fe_srcs &srcs, gimple *stmt,
                  const char *why)
{
    esc_pos pos = fe_stmt_pos(stmt);
    for (const fe_src &s : srcs)
        esc_flow(fn->ef, dst, s.loc, s.derefs, pos, why);
}

void fe_escape_srcs(fe_fn *fn, const fe_srcs &srcs, gimple *stmt, const char *why)
{
    esc_pos pos = fe_stmt_pos(stmt);
    for (const fe_src &s : srcs)
        esc_escape(fn->ef, s.loc, s.derefs, pos, why);
}

esc_loc fe_value_loc(fe_fn *fn, tree op, gimple *stmt)
{
    if (!op)
        return ESC_NOLOC;
    if (TREE_CODE(op) == SSA_NAME)
        return fe_ssa_loc(fn, op);
    fe_srcs srcs;
    fe_operand(fn, op, &srcs);
    if (srcs.is_empty())
        return ESC_NOLOC;
    esc_loc t = fe_temp(fn, stmt, NULL);
    fe_flow_srcs(fn, t, srcs, stmt, "assign");
    return t;
}

/* -m=2's note for a store to global memory: "store to global NAME" when REF
 * is based on a named variable, else "store to global". */
static const char *global_why(tree ref, char *buf, size_t n)
{
    tree p, t = fe_ref_base(ref, &p);
    while (p && TREE_CODE(p) == ADDR_EXPR)
        t = fe_ref_base(TREE_OPERAND(p, 0), &p);
    if (!p && TREE_CODE(t) == VAR_DECL && DECL_NAME(t))
        snprintf(buf, n, "store to global %s", IDENTIFIER_POINTER(DECL_NAME(t)));
    else
        snprintf(buf, n, "store to global");
    return buf;
}

void fe_assign(fe_fn *fn, tree lhs, const fe_srcs &srcs, gimple *stmt, const char *why,
               bool raw)
{
    if (!lhs || srcs.is_empty())
        return;
    if (TREE_CODE(lhs) == SSA_NAME) {
        fe_flow_srcs(fn, fe_ssa_loc(fn, lhs), srcs, stmt, why);
        return;
    }
    base b = classify(fn, lhs);
    esc_pos pos = fe_stmt_pos(stmt);
    switch (b.kind) {
    case B_VAR:
        if (raw)
            esc_raw(fn->ef, b.loc);
        fe_flow_srcs(fn, b.loc, srcs, stmt, why);
        break;
    case B_PTR:
        for (const fe_src &s : srcs)
            if (raw)
                esc_store_raw(fn->ef, b.loc, s.loc, s.derefs, pos, why);
            else
                esc_store(fn->ef, b.loc, s.loc, s.derefs, pos, why);
        break;
    default: {
        char why[300];
        fe_escape_srcs(fn, srcs, stmt, global_why(lhs, why, sizeof why));
        break;
    }
    }
}

void fe_unmodelled(fe_fn *fn, gimple *stmt, const char *why)
{
    fe_srcs srcs;
    tree lhs = gimple_get_lhs(stmt);
    for (unsigned i = 0; i < gimple_num_ops(stmt); i++) {
        tree op = gimple_op(stmt, i);
        if (!op || op == lhs)
            continue;
        fe_operand(fn, op, &srcs);
        if (memory_ref_p(op))
            fe_address(fn, op, &srcs);
    }
    if (lhs && memory_ref_p(lhs))
        fe_address(fn, lhs, &srcs);
    fe_escape_srcs(fn, srcs, stmt, why);
    if (lhs) {
        fe_srcs unknown;
        push(&unknown, fe_heap(fn), 0);
        fe_assign(fn, lhs, unknown, stmt, "unknown");
    }
}

/* ---- statements ------------------------------------------------------------ */

/* Does the store of RHS into LHS write raw bytes: a copy of memory's bytes in
 * a data value, a pointer converted to an integer, or through an lvalue that
 * may write any object's bytes? */
static bool raw_store(tree lhs, tree rhs)
{
    if (TREE_CODE(lhs) == SSA_NAME)
        return false;
    if (fe_any_bytes(lhs, true))
        return true;
    if (!fe_data_type(TREE_TYPE(lhs)) || TREE_CODE(rhs) != SSA_NAME)
        return false;
    if (fe_copied_bytes(rhs))
        return true;
    gassign *d = SSA_NAME_IS_DEFAULT_DEF(rhs) ? NULL : dyn_cast<gassign *>(SSA_NAME_DEF_STMT(rhs));
    return d && CONVERT_EXPR_CODE_P(gimple_assign_rhs_code(d))
        && POINTER_TYPE_P(TREE_TYPE(gimple_assign_rhs1(d)));
}

static bool same_size_types(tree a, tree b)
{
    return TYPE_SIZE(a) && TYPE_SIZE(b) && tree_int_cst_equal(TYPE_SIZE(a), TYPE_SIZE(b));
}

static void translate_assign(fe_fn *fn, gassign *s)
{
    if (gimple_clobber_p(s))
        return;
    tree lhs = gimple_assign_lhs(s);
    enum tree_code code = gimple_assign_rhs_code(s);
    tree rhs1 = gimple_assign_rhs1(s);
    bool data = fe_data_type(TREE_TYPE(lhs));
    fe_srcs srcs;
    switch (get_gimple_rhs_class(code)) {
    case GIMPLE_SINGLE_RHS:
        fe_operand(fn, rhs1, &srcs);
        break;
    case GIMPLE_UNARY_RHS:
        if (CONVERT_EXPR_CODE_P(code) && POINTER_TYPE_P(TREE_TYPE(rhs1)) && data) {
            /* Go's uintptr rule, for conversions the user wrote.  Those the
             * compiler made (sanitizer checks) have no location: a plain
             * flow, which only stays in data values. */
            if (TREE_CODE(TREE_TYPE(lhs)) == BOOLEAN_TYPE || !INTEGRAL_TYPE_P(TREE_TYPE(lhs))
                || TYPE_PRECISION(TREE_TYPE(lhs)) <= 1)
                break;                          /* one bit: nothing */
            fe_operand(fn, rhs1, &srcs);
            if (gimple_has_location(s)) {
                fe_escape_srcs(fn, srcs, s, "converted to integer");
                srcs.truncate(0);
            }
        } else if (CONVERT_EXPR_CODE_P(code) && !POINTER_TYPE_P(TREE_TYPE(rhs1))
                   && POINTER_TYPE_P(TREE_TYPE(lhs))) {
            /* An integer may carry any exposed address (TS 6010), even when
             * it holds a copy of a pointer's bytes: what the copy read may
             * be data.  Unknown, and the copy's own flows. */
            fe_operand(fn, rhs1, &srcs);
            push(&srcs, fe_heap(fn), 0);
        } else if (!data || (CONVERT_EXPR_CODE_P(code)
                             && same_size_types(TREE_TYPE(lhs), TREE_TYPE(rhs1)))) {
            fe_operand(fn, rhs1, &srcs);        /* a pointer's, or a copy's */
        }
        break;
    case GIMPLE_BINARY_RHS:
    case GIMPLE_TERNARY_RHS:
        if (TREE_CODE_CLASS(code) == tcc_comparison || data)
            break;                              /* data carries nothing */
        for (unsigned i = 1; i < gimple_num_ops(s); i++)
            fe_operand(fn, gimple_op(s, i), &srcs);
        break;
    default:
        fe_unmodelled(fn, s, "unmodelled");
        return;
    }
    /* Data written where a pointer's bytes may be read back as a pointer (a
     * pun, a union, bytes of a pointer object): an integer may carry any
     * exposed address (TS 6010), so the memory holds an unknown pointer, and
     * is raw. */
    bool raw = raw_store(lhs, rhs1);
    if (raw && data && srcs.is_empty() && !fe_declared_data_store(lhs))
        push(&srcs, fe_heap(fn), 0);
    fe_assign(fn, lhs, srcs, s, "assign", raw);
}

static void translate_return(fe_fn *fn, greturn *s)
{
    fe_expose_aggregate(fn, gimple_return_retval(s), s);
    fe_srcs srcs;
    fe_operand(fn, gimple_return_retval(s), &srcs);
    fe_flow_srcs(fn, fn->result, srcs, s, "return");
}

/* May asm operand I (an output, or an input) be given to the asm as memory,
 * i.e. by address?  A register operand ("r", "+r" of a variable that lives in
 * memory) passes only the value. */
static bool asm_memory_operand(gasm *s, bool output, unsigned i)
{
    unsigned nout = gimple_asm_noutputs(s), nin = gimple_asm_ninputs(s);
    auto_vec<const char *, 8> outs;
    for (unsigned k = 0; k < nout; k++)
        outs.safe_push(TREE_STRING_POINTER(TREE_VALUE(TREE_PURPOSE(gimple_asm_output_op(s, k)))));
    bool mem = true, reg = false, inout = false;
    const char *c;
    if (output) {
        c = outs[i];
        if (!parse_output_constraint(&c, (int)i, (int)nin, (int)nout, &mem, &reg, &inout))
            return true;
    } else {
        c = TREE_STRING_POINTER(TREE_VALUE(TREE_PURPOSE(gimple_asm_input_op(s, i))));
        if (!parse_input_constraint(&c, (int)i, (int)nin, (int)nout, 0,
                                    nout ? outs.address() : NULL, &mem, &reg))
            return true;
    }
    return mem;
}

/* Inline asm: every input escapes, and every operand given as memory escapes
 * by address and value; outputs are pointers we know nothing about. */
static void translate_asm(fe_fn *fn, gasm *s)
{
    fe_srcs srcs;
    for (unsigned i = 0; i < gimple_asm_ninputs(s); i++) {
        tree op = TREE_VALUE(gimple_asm_input_op(s, i));
        fe_operand(fn, op, &srcs);
        if (memory_ref_p(op) && asm_memory_operand(s, false, i))
            fe_address(fn, op, &srcs);
    }
    for (unsigned i = 0; i < gimple_asm_noutputs(s); i++) {
        tree op = TREE_VALUE(gimple_asm_output_op(s, i));
        if (memory_ref_p(op) && asm_memory_operand(s, true, i)) {
            fe_address(fn, op, &srcs);
            fe_operand(fn, op, &srcs);
        }
    }
    fe_escape_srcs(fn, srcs, s, "inline asm");
    fe_srcs unknown;
    push(&unknown, fe_heap(fn), 0);
    for (unsigned i = 0; i < gimple_asm_noutputs(s); i++) {
        tree op = TREE_VALUE(gimple_asm_output_op(s, i));
        fe_assign(fn, op, unknown, s, "inline asm", memory_ref_p(op));   /* raw bytes */
    }
}

static void translate_stmt(fe_fn *fn, gimple *s)
{
    fn->stmt = s;
    switch (gimple_code(s)) {
    case GIMPLE_ASSIGN:
        translate_assign(fn, as_a<gassign *>(s));
        break;
    case GIMPLE_CALL:
        fe_call(fn, as_a<gcall *>(s));
        break;
    case GIMPLE_RETURN:
        translate_return(fn, as_a<greturn *>(s));
        break;
    case GIMPLE_ASM:
        translate_asm(fn, as_a<gasm *>(s));
        break;
    case GIMPLE_COND:
    case GIMPLE_SWITCH:
    case GIMPLE_LABEL:
    case GIMPLE_GOTO:
    case GIMPLE_NOP:
    case GIMPLE_DEBUG:
    case GIMPLE_PREDICT:
    case GIMPLE_RESX:
    case GIMPLE_EH_DISPATCH:
    case GIMPLE_EH_MUST_NOT_THROW:
        break;                  /* no data flow */
    default:
        fe_unmodelled(fn, s, "unmodelled");
        break;
    }
}

static void translate_phi(fe_fn *fn, gphi *phi)
{
    tree res = gimple_phi_result(phi);
    if (virtual_operand_p(res))
        return;
    fn->stmt = phi;
    fe_srcs srcs;
    for (unsigned i = 0; i < gimple_phi_num_args(phi); i++)
        fe_operand(fn, gimple_phi_arg_def(phi, i), &srcs);
    fe_flow_srcs(fn, fe_ssa_loc(fn, res), srcs, phi, "assign");
}

void fe_translate_function(fe_unit *u, cgraph_node *node)
{
    tree decl = node->decl;
    function *fun = DECL_STRUCT_FUNCTION(decl);
    esc_func **ef = u->funcs->get(decl);
    if (!fun || !fun->cfg || !ef)
        return;
    tree saved_decl = current_function_decl;
    push_cfun(fun);
    current_function_decl = decl;

    fe_fn fn;
    fn.u = u;
    fn.ef = *ef;
    fn.decl = decl;
    fn.fun = fun;
    fn.ssa = vNULL;
    fn.ssa.safe_grow(num_ssa_names, true);
    for (unsigned i = 0; i < fn.ssa.length(); i++)
        fn.ssa[i] = -2;
    fn.vars = new hash_map<tree, esc_loc>;
    fn.var_depth = new hash_map<tree, int>;
    fn.stmt = NULL;
    fn.result = esc_result(fn.ef);

    fe_loops_begin(&fn);
    basic_block bb;
    FOR_EACH_BB_FN(bb, fun) {
        for (gphi_iterator g = gsi_start_phis(bb); !gsi_end_p(g); gsi_next(&g))
            translate_phi(&fn, g.phi());
        for (gimple_stmt_iterator g = gsi_start_bb(bb); !gsi_end_p(g); gsi_next(&g))
            translate_stmt(&fn, gsi_stmt(g));
    }
    fe_loops_end(&fn);

    fn.ssa.release();
    delete fn.vars;
    delete fn.var_depth;
    pop_cfun();
    current_function_decl = saved_decl;
}
