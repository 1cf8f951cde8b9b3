/* specialise.cc - map calls specialised for their key kind, as Go's compiler
 * chooses mapaccess1_fast64 and friends from the static key type.
 *
 * After the rewrite of the gomap_make sites, each gomap_access / gomap_assign /
 * gomap_delete call the analysis saw (calls.cc notes them) is looked at once
 * more.  When its map argument comes, through SSA copies, conversions and PHIs,
 * only from gomap_make / gomap_make_on calls (or the gomap_make_into of a
 * helper's clone making its caller's map, rewrite.cc) whose descriptors resolve
 * (descriptor.cc) to one key kind with values of at most 128 bytes (Go's limit
 * for the fast paths), the call becomes
 *
 *     s = gomap_access (m, &k);        s = gomap_access_fast64 (m, MEM[&k]);
 *     s = gomap_assign (m, &k);   ->   s = gomap_assign_fast64 (m, MEM[&k]);
 *     r = gomap_delete (m, &k);        r = gomap_delete_fast64 (m, MEM[&k]);
 *
 * (fast32 for 4-byte keys, faststr for GOMAP_TYPE_STR keys, the gostring passed
 * by value): the key is loaded before the call, so a local key needs no
 * address any more and stays in a register.  Heap and stack maps alike.  When
 * every map reaching the call was made by gomap_make_on with a first bucket
 * (a map this plugin put on the stack), access and assign of 4- and 8-byte keys
 * call gomap_fast.h's static one-bucket paths instead, with the value slot's
 * offset and size as constants (one noinline copy per unit, specialised for
 * the constants by IPA-CP); at most 32 per function, and none at -O0 or -Os.
 * The runtime entry points behave as the generic calls on any map (gomap.h), so
 * a wrong guess could only cost speed; the descriptor of a map never changes.
 *
 * gomap.h declares the entry points and defines the inline paths; a unit
 * whose gomap.h lacks them (an older header, hand-written prototypes) is left
 * alone.  The inline paths are static functions nothing calls before this pass,
 * which GCC would drop before the pass runs: their declarations get
 * DECL_PRESERVE_P when they are seen, and lose it (and cgraph's force_output)
 * at the end of the pass, so that the later removal of unreachable functions
 * drops the ones no rewrite called.  Not under -fgnu-tm, whose passes refuse
 * the always_inline helpers of a static function kept that way (GCC's own
 * error with -fkeep-static-functions as well): the runtime entry points only.
 */
#include "fe.h"
#include "varasm.h"      /* decl_replaceable_p */
#include "tree-dfa.h"    /* get_ref_base_and_extent */

tree fe_fast_decls;   /* TREE_VEC, indexed by enum fast_id */

enum fast_id {
    ACCESS32, ACCESS64, ACCESSSTR, ASSIGN32, ASSIGN64, ASSIGNSTR,
    DELETE32, DELETE64, DELETESTR,
    SMALL_ACCESS32, SMALL_ACCESS64, SMALL_ASSIGN32, SMALL_ASSIGN64, NFAST
};
static const struct { const char *name; unsigned nargs; } fast_names[NFAST] = {
    { "gomap_access_fast32", 2 }, { "gomap_access_fast64", 2 }, { "gomap_access_faststr", 2 },
    { "gomap_assign_fast32", 2 }, { "gomap_assign_fast64", 2 }, { "gomap_assign_faststr", 2 },
    { "gomap_delete_fast32", 2 }, { "gomap_delete_fast64", 2 }, { "gomap_delete_faststr", 2 },
    { "gomap_small_access_fast32", 4 }, { "gomap_small_access_fast64", 4 },
    { "gomap_small_assign_fast32", 4 }, { "gomap_small_assign_fast64", 4 },
};

static bool is_small(int id) { return id >= SMALL_ACCESS32; }

static unsigned count_params(tree fntype)
{
    unsigned n = 0;
    for (tree a = TYPE_ARG_TYPES(fntype); a && TREE_VALUE(a) != void_type_node; a = TREE_CHAIN(a))
        n++;
    return n;
}

static tree fast_decl(int id)
{
    return fe_fast_decls ? TREE_VEC_ELT(fe_fast_decls, id) : NULL_TREE;
}

/* A declaration of one of the names above with the expected shape: the entry
 * points public (and reaching their own symbol), the inline paths static. */
void fe_note_fast_decl(tree decl)
{
    if (!decl || TREE_CODE(decl) != FUNCTION_DECL || !DECL_NAME(decl)
        || !esc_runtime_prefixed(IDENTIFIER_POINTER(DECL_NAME(decl))))
        return;
    for (int id = 0; id < NFAST; id++) {
        if (!id_equal(DECL_NAME(decl), fast_names[id].name))
            continue;
        if (!prototype_p(TREE_TYPE(decl)) || stdarg_p(TREE_TYPE(decl))
            || count_params(TREE_TYPE(decl)) != fast_names[id].nargs)
            return;
        if (is_small(id) ? TREE_PUBLIC(decl) : !fe_is_gomap_fn(decl, fast_names[id].name))
            return;
        /* -fgnu-tm: GCC's transactional memory passes refuse always_inline
         * callees in static functions kept this way; no inline paths then. */
        if (is_small(id) && flag_tm)
            return;
        if (!fe_fast_decls)
            fe_fast_decls = make_tree_vec(NFAST);
        TREE_VEC_ELT(fe_fast_decls, id) = decl;
        if (is_small(id))
            DECL_PRESERVE_P(decl) = 1;   /* until the pass has run (see above) */
        return;
    }
}

/* The inline paths and the static gomap_fast_* functions of gomap_fast.h they
 * call (present only when an inline path is).  A call to one of them from the
 * user's code is a call to a function without a summary: its arguments escape. */
bool fe_fast_helper(tree decl)
{
    for (int id = SMALL_ACCESS32; id < NFAST; id++)
        if (decl && decl == fast_decl(id))
            return true;
    return decl && !TREE_PUBLIC(decl) && DECL_NAME(decl) && DECL_IN_SYSTEM_HEADER(decl)
        && !strncmp(IDENTIFIER_POINTER(DECL_NAME(decl)), "gomap_fast_", 11);
}

void fe_fast_helpers_release(void)
{
    for (int id = SMALL_ACCESS32; id < NFAST; id++) {
        tree decl = fast_decl(id);
        if (!decl)
            continue;
        DECL_PRESERVE_P(decl) = 0;
        if (cgraph_node *node = cgraph_node::get(decl))
            node->force_output = 0;
    }
}

/* ---- what reaches the map argument ---- */
struct map_kind {
    bool known;               /* something was found */
    esc_descriptor d;
    bool stack;               /* every source is gomap_make_on with a first bucket */
};

static bool same_layout(const esc_descriptor &a, const esc_descriptor &b)
{
    return a.keysize == b.keysize && a.valsize == b.valsize && a.keyalign == b.keyalign
        && a.valalign == b.valalign && a.flags == b.flags;
}

/* Merge the maps reaching V into *K; false when some source is not a
 * gomap_make / gomap_make_on with a resolved descriptor, or the layouts differ. */
static bool trace_map(tree v, map_kind *k, hash_set<tree> *seen, int depth);

/* The parameter PARM (its default definition V) of a function only this unit
 * can call, and only directly (local, its address never taken): the maps its
 * callers pass, as for static helpers that wrap the map calls. */
static bool trace_param(tree v, tree parm, map_kind *k, hash_set<tree> *seen, int depth)
{
    tree fn = DECL_CONTEXT(parm);
    cgraph_node *node = fn && TREE_CODE(fn) == FUNCTION_DECL ? cgraph_node::get(fn) : NULL;
    if (!node || node->address_taken || node->externally_visible || TREE_PUBLIC(fn)
        || node->alias || node->has_aliases_p() || !node->callers || !v
        || node->force_output || DECL_PRESERVE_P(fn) || !node->local || fe_named_in_asm(fn))
        return false;   /* (calls through an alias are that alias's callers; a `used`
                           function, or one an asm names, may be called from asm, where
                           no edge shows) */
    unsigned idx = 0;
    tree p = DECL_ARGUMENTS(fn);
    for (; p && p != parm; p = DECL_CHAIN(p))
        idx++;
    if (!p)
        return false;
    for (cgraph_edge *e = node->callers; e; e = e->next_caller) {
        gcall *call = e->call_stmt;
        if (!call || gimple_call_fndecl(call) != fn || idx >= gimple_call_num_args(call))
            return false;
        if (!trace_map(gimple_call_arg(call, idx), k, seen, depth + 1))
            return false;
    }
    return true;
}

/* Whether FUN may return to its caller other than by a return statement:
 * __builtin_return hands back whatever an __builtin_apply call returned,
 * which no return statement names. */
static bool returns_otherwise(function *fun)
{
    basic_block bb;
    FOR_EACH_BB_FN(bb, fun)
        for (gimple_stmt_iterator si = gsi_start_bb(bb); !gsi_end_p(si); gsi_next(&si))
            if (gimple_call_builtin_p(gsi_stmt(si), BUILT_IN_RETURN))
                return true;
    return false;
}

/* The values a call to FNDECL returns, when the body in this unit is the one
 * that runs (not interposable, not a gnu_inline body standing for another
 * unit's) and returns only by its return statements: the maps they return. */
static bool trace_result(tree fndecl, map_kind *k, hash_set<tree> *seen, int depth)
{
    cgraph_node *node = fndecl ? cgraph_node::get(fndecl) : NULL;
    enum availability avail;
    if (!node || !(node = node->ultimate_alias_target(&avail)) || avail < AVAIL_AVAILABLE
        || DECL_EXTERNAL(node->decl) || !node->definition || node->thunk)
        return false;
    tree decl = node->decl;
    if ((TREE_PUBLIC(decl) && decl_replaceable_p(decl, false)) || fe_named_in_asm(decl))
        return false;
    function *fun = DECL_STRUCT_FUNCTION(decl);
    if (!fun || !fun->cfg || !gimple_in_ssa_p(fun) || returns_otherwise(fun))
        return false;
    edge e;
    edge_iterator ei;
    bool any = false;
    FOR_EACH_EDGE(e, ei, EXIT_BLOCK_PTR_FOR_FN(fun)->preds) {
        gimple *last = last_stmt(e->src);
        greturn *ret = safe_dyn_cast<greturn *>(last);
        if (!ret) {
            if (last && is_gimple_call(last) && (gimple_call_flags(last) & ECF_NORETURN))
                continue;   /* noreturn calls, __builtin_unreachable */
            return false;
        }
        if (!trace_map(gimple_return_retval(ret), k, seen, depth + 1))
            return false;
        any = true;
    }
    return any;
}

static bool trace_map(tree v, map_kind *k, hash_set<tree> *seen, int depth)
{
    if (depth > 32 || !v || TREE_CODE(v) != SSA_NAME)
        return false;
    if (seen->add(v))
        return true;   /* a PHI cycle (or recursion): its other arguments decide */
    if (SSA_NAME_IS_DEFAULT_DEF(v)) {
        tree var = SSA_NAME_VAR(v);
        return var && TREE_CODE(var) == PARM_DECL && trace_param(v, var, k, seen, depth);
    }
    gimple *def = SSA_NAME_DEF_STMT(v);
    if (is_gimple_assign(def)) {
        enum tree_code code = gimple_assign_rhs_code(def);
        if (code != SSA_NAME && !CONVERT_EXPR_CODE_P(code))
            return false;
        return trace_map(gimple_assign_rhs1(def), k, seen, depth + 1);
    }
    if (gphi *phi = dyn_cast<gphi *>(def)) {
        for (unsigned i = 0; i < gimple_phi_num_args(phi); i++)
            if (!trace_map(gimple_phi_arg_def(phi, i), k, seen, depth + 1))
                return false;
        return true;
    }
    gcall *c = dyn_cast<gcall *>(def);
    if (!c)
        return false;
    tree fndecl = gimple_call_fndecl(c);
    bool stack;
    if (fe_is_gomap_fn(fndecl, "gomap_make") && gimple_call_num_args(c) == 2) {
        stack = false;
    } else if (fe_is_gomap_fn(fndecl, "gomap_make_on") && gimple_call_num_args(c) == 4) {
        tree hint = gimple_call_arg(c, 1), bucket = gimple_call_arg(c, 3);
        stack = TREE_CODE(bucket) == ADDR_EXPR && TREE_CODE(hint) == INTEGER_CST
                && tree_fits_uhwi_p(hint) && tree_to_uhwi(hint) <= GOMAP_BUCKET_SLOTS;
    } else if ((fndecl && fndecl == fe_make_into_decl)
               || (fe_is_gomap_fn(fndecl, "gomap_make_into") && gimple_call_num_args(c) == 4)) {
        /* a helper's clone making its caller's map (rewrite.cc): storage that may be
         * NULL (the heap) or the caller's, so no inline paths, but the entry points */
        stack = false;
    } else {
        return trace_result(fndecl, k, seen, depth);
    }
    esc_descriptor d = fe_resolve_descriptor(gimple_call_arg(c, 0));
    if (!d.name)
        return false;
    if (k->known && !same_layout(k->d, d))
        return false;
    k->stack = k->known ? k->stack && stack : stack;
    k->d = d;
    k->known = true;
    return true;
}

bool fe_map_descriptor(tree map, esc_descriptor *d)
{
    map_kind k = { false, { NULL, 0, 0, 0, 0, 0 }, false };
    hash_set<tree> seen;
    if (!trace_map(map, &k, &seen, 0) || !k.known)
        return false;
    *d = k.d;
    return true;
}

/* Inline paths per function, at most: each is some 60 instructions of code, and
 * a generated function may hold thousands of map calls. */
enum { SMALL_PER_FUNCTION = 32 };

/* The entry point for op on maps of kind k, or -1; an inline path only when
 * SMALL (optimising for speed, under the function's budget). */
static int choose(int op, const map_kind &k, bool small_ok)
{
    const esc_descriptor &d = k.d;
    if (d.valsize > GOMAP_MAX_INLINE)
        return -1;
    int kind;   /* 0: fast32, 1: fast64, 2: faststr */
    if (d.flags == GOMAP_TF_STRKEY && d.keysize == 2 * sizeof(void *))
        kind = 2;
    else if (d.flags == 0 && d.keysize == 4 && gomap_layout_keys_off(4, d.keyalign) == 8)
        kind = 0;
    else if (d.flags == 0 && d.keysize == 8 && gomap_layout_keys_off(8, d.keyalign) == 8)
        kind = 1;
    else
        return -1;
    if (small_ok && k.stack && kind != 2 && op != FE_OP_DELETE) {
        int small = op == FE_OP_ACCESS ? SMALL_ACCESS32 + kind : SMALL_ASSIGN32 + kind;
        if (fast_decl(small))
            return small;
    }
    int base = op == FE_OP_ACCESS ? ACCESS32 : op == FE_OP_ASSIGN ? ASSIGN32 : DELETE32;
    return fast_decl(base + kind) ? base + kind : -1;
}

static tree param_type(tree decl, unsigned i)
{
    tree a = TYPE_ARG_TYPES(TREE_TYPE(decl));
    for (; i && a; i--)
        a = TREE_CHAIN(a);
    return a ? TREE_VALUE(a) : NULL_TREE;
}

/* A new statement before CALL, at its position. */
static void insert_before(gcall *call, gimple *g)
{
    gimple_set_location(g, gimple_location(call));
    gimple_set_block(g, gimple_block(call));
    gimple_stmt_iterator gsi = gsi_for_stmt(call);
    gsi_insert_before(&gsi, g, GSI_SAME_STMT);
}

/* The key's bytes, read where the call reads them: MEM[(T *)ptr] with T the
 * entry point's key type, no alignment assumed, in alias set 0.  A register
 * type is loaded into a new SSA name before the call.  An address a MEM_REF
 * may not hold (`&keys[1]`, `&s.k`: GIMPLE allows only a declaration's or a
 * constant's) goes into an SSA name first; left in, it crashed RTL expansion
 * at -O0, where nothing folds it. */
static tree load_key(gcall *call, tree ptr, tree type)
{
    tree ref_all = build_pointer_type_for_mode(char_type_node, ptr_mode, true);
    tree t = build_aligned_type(type, BITS_PER_UNIT);
    if (!is_gimple_mem_ref_addr(ptr)) {
        tree p = make_ssa_name(TREE_TYPE(ptr));
        insert_before(call, gimple_build_assign(p, ptr));
        ptr = p;
    }
    tree mem = build2(MEM_REF, t, ptr, build_int_cst(ref_all, 0));
    if (!is_gimple_reg_type(type))
        return mem;   /* an aggregate argument may be a memory reference */
    tree val = make_ssa_name(type);
    gassign *load = gimple_build_assign(val, mem);
    gimple_set_vuse(load, gimple_vuse(call));
    insert_before(call, load);
    return val;
}

static const char *op_name(int op)
{
    return op == FE_OP_ACCESS ? "gomap_access" : op == FE_OP_ASSIGN ? "gomap_assign"
                                                                      : "gomap_delete";
}

/* The specialised call takes the key by value, read before the call; the
 * generic one reads *KEY only when it needs it (a lookup or delete on an empty
 * map does not, as Go's mapaccess1 and mapdelete return first).  So the key is
 * passed by value only when reading it early cannot fault: KEY is the address
 * of a declared object that surely exists (not weak: an undefined weak object's
 * address is NULL) and the map's KEYSIZE bytes from there lie inside it at a
 * constant place (a variable, a parameter, a member, an element at a constant
 * index).  A pointer (a parameter, NULL for "no key yet", memory since freed),
 * an element at a variable index (which may be one past the end) and an object
 * smaller than the map's key keep the generic call. */
static bool key_readable(tree key, unsigned keysize)
{
    if (TREE_CODE(key) != ADDR_EXPR)
        return false;
    poly_int64 off, size, max_size;
    bool reverse;
    tree base = get_ref_base_and_extent(TREE_OPERAND(key, 0), &off, &size, &max_size, &reverse);
    if (!base || !DECL_P(base)
        || (VAR_P(base) && (DECL_WEAK(base) || lookup_attribute("weakref", DECL_ATTRIBUTES(base))))
        || !DECL_SIZE(base) || !poly_int_tree_p(DECL_SIZE(base))
        || !known_size_p(max_size) || maybe_ne(size, max_size))
        return false;
    return known_subrange_p(off, (poly_int64)keysize * BITS_PER_UNIT, 0,
                            tree_to_poly_int64(DECL_SIZE(base)));
}

/* Rewrite one call; false when it stays as it is.  *SMALL_LEFT: inline paths
 * this function may still get (decremented when it gets one). */
static bool specialise_call(const fe_mapcall &mc, int *small_left)
{
    gcall *old = mc.call;
    if (gimple_call_num_args(old) != 2)
        return false;
    tree m = gimple_call_arg(old, 0), key = gimple_call_arg(old, 1);
    map_kind k = { false, { NULL, 0, 0, 0, 0, 0 }, false };
    hash_set<tree> seen;
    if (!trace_map(m, &k, &seen, 0) || !k.known || !key_readable(key, k.d.keysize))
        return false;
    int id = choose(mc.op, k, *small_left > 0);
    if (id < 0)
        return false;
    tree decl = fast_decl(id), ktype = param_type(decl, 1);
    if (!ktype || (is_gimple_reg_type(ktype)
                   && (!INTEGRAL_TYPE_P(ktype)
                       || tree_to_uhwi(TYPE_SIZE_UNIT(ktype)) != k.d.keysize)))
        return false;
    tree kval = load_key(old, key, ktype);
    gcall *c;
    if (is_small(id)) {
        tree st = param_type(decl, 2);
        size_t valoff = gomap_layout_vals_off(k.d.keysize, k.d.keyalign, k.d.valsize,
                                              k.d.valalign);
        c = gimple_build_call(decl, 4, m, kval, build_int_cst(st, valoff),
                              build_int_cst(st, gomap_layout_slot_size(k.d.valsize)));
    } else {
        c = gimple_build_call(decl, 2, m, kval);
    }
    gimple_call_set_lhs(c, gimple_call_lhs(old));
    gimple_set_location(c, gimple_location(old));
    gimple_set_block(c, gimple_block(old));
    gimple_move_vops(c, old);
    gimple_stmt_iterator gsi = gsi_for_stmt(old);
    gsi_replace(&gsi, c, true);
    esc_note_specialised(mc.ef, fe_stmt_pos(c), op_name(mc.op), fast_names[id].name,
                         is_small(id));
    if (is_small(id))
        --*small_left;
    return true;
}

void fe_specialise_unit(fe_unit *u)
{
    if (!fe_fast_decls)
        return;
    unsigned n = u->mapcalls.length();
    for (unsigned i = 0, j; i < n; i = j) {
        tree decl = u->mapcalls[i].fndecl;
        for (j = i + 1; j < n && u->mapcalls[j].fndecl == decl; j++)
            ;
        bool changed = false;
        tree saved_decl = current_function_decl;
        push_cfun(DECL_STRUCT_FUNCTION(decl));
        current_function_decl = decl;
        /* no inline paths at -O0 (nothing would be faster for them) or -Os */
        int small_left = opt_for_fn(decl, optimize) > 0 && !opt_for_fn(decl, optimize_size)
                         ? SMALL_PER_FUNCTION : 0;
        for (unsigned x = i; x < j; x++)
            changed |= specialise_call(u->mapcalls[x], &small_left);
        if (changed)
            cgraph_edge::rebuild_edges();
        pop_cfun();
        current_function_decl = saved_decl;
    }
}
