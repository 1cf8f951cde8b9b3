/* narrow.cc - the exposure rule's classification of loads and stores (GCC).
 *
 * Basis (docs/design.md "Soundness"): ISO/IEC TS 6010
 * (PNVI-ae-udi) with C11's effective-type rules, which GCC's optimiser assumes
 * too.  A pointer can be rebuilt from integers only if its storage was
 * exposed: converted to an integer (Go's uintptr rule, translate.cc), or its
 * representation read as non-pointer data.  So integers are never followed:
 *
 *   - a data load (an rvalue of a non-pointer scalar type read from memory or
 *     taken out of an SSA value) whose value is only stored again (through
 *     SSA copies, PHIs and same-size conversions: fe_copy_only) is a copy: it
 *     carries its memory (esc_copy: at once for an any-bytes access, else
 *     only when that memory may be raw) and the store that receives it
 *     writes raw bytes (esc_raw / esc_store_raw);
 *   - any other data load exposes the memory it reads (esc_expose) and
 *     carries nothing; the core decides a typed access (c.hits, *(int *)slot)
 *     by whether that memory may be raw, an access that may read any object's
 *     bytes (fe_any_bytes: character types, may_alias, members of unions that
 *     can hold a pointer, ref-all
 *     MEM_REFs, BIT_FIELD_REF/VIEW_CONVERT_EXPR pieces, punned accesses,
 *     explicit -fno-strict-aliasing) exposes at once;
 *   - a piece of an SSA value (BIT_FIELD_REF, VIEW_CONVERT_EXPR of an SSA
 *     name) that is not a copy makes the value escape.
 *
 * The other direction ("Pointers rebuilt from data"): an integer may carry any
 * exposed address, so a pointer made from bytes that may be data is unknown
 * (translate.cc): a data store through an lvalue that may write a pointer's
 * bytes stores an unknown pointer, unless it is a typed write of a declared
 * data field or element (fe_declared_data_store).
 */
#include "fe.h"

/* A non-pointer scalar: what a data load reads. */
bool fe_data_type(tree type)
{
    switch (TREE_CODE(type)) {
    case INTEGER_TYPE:
    case ENUMERAL_TYPE:
    case BOOLEAN_TYPE:
    case REAL_TYPE:
    case FIXED_POINT_TYPE:
    case COMPLEX_TYPE:
    case VECTOR_TYPE:
        return true;
    default:
        return false;
    }
}

static bool char_type(tree type)
{
    tree t = TYPE_MAIN_VARIANT(type);
    return t == char_type_node || t == signed_char_type_node || t == unsigned_char_type_node;
}

static bool may_alias_type_attr(tree type)
{
    return type && lookup_attribute("may_alias", TYPE_ATTRIBUTES(type));
}

static bool may_alias_type(tree type)
{
    return type && (char_type(type) || may_alias_type_attr(type));
}

/* Can an object of TYPE hold a pointer?  A union can when one of its members
 * can: the members of a union of data (int and float) overlay data with data,
 * and pointer bytes get into them only as into any data, by a raw store. */
bool fe_holds_pointer(tree type)
{
    switch (TREE_CODE(type)) {
    case POINTER_TYPE:
    case REFERENCE_TYPE:
        return true;
    case ARRAY_TYPE:
    case VECTOR_TYPE:
        return fe_holds_pointer(TREE_TYPE(type));
    case UNION_TYPE:
    case QUAL_UNION_TYPE:
    case RECORD_TYPE:
        for (tree f = TYPE_FIELDS(type); f; f = DECL_CHAIN(f))
            if (TREE_CODE(f) == FIELD_DECL && fe_holds_pointer(TREE_TYPE(f)))
                return true;
        return false;
    default:
        return false;
    }
}

static tree strip_arrays(tree type)
{
    while (TREE_CODE(type) == ARRAY_TYPE)
        type = TREE_TYPE(type);
    return TYPE_MAIN_VARIANT(type);
}

bool fe_pointer_union(tree type)
{
    return (TREE_CODE(type) == UNION_TYPE || TREE_CODE(type) == QUAL_UNION_TYPE)
        && fe_holds_pointer(type);
}

/* Is the object type ACCESS, read through a pointer to DECLARED, a pun of
 * pointer-holding memory (((uint16_t *)pm)[i] with pm a gomap **)?  Void and
 * character pointees (slots, byte buffers) are no declaration of contents. */
static bool punned_view(tree declared, tree access, bool store)
{
    if (VOID_TYPE_P(declared) || (!store && !fe_holds_pointer(declared)))
        return false;
    return strip_arrays(declared) != strip_arrays(access);
}

/* Does the SSA pointer P, or a pointer it was converted, copied or offset
 * from (DEPTH steps), declare a pointer-holding pointee other than ACCESS?
 * STORE: any pointee other than ACCESS (*(gomap **)half = m, half a
 * uint32_t[2]: pointer bytes written where data is declared). */
static bool punned_pointer(tree p, tree access, int depth, bool store)
{
    if (TREE_CODE(p) != SSA_NAME || !POINTER_TYPE_P(TREE_TYPE(p)))
        return false;
    if (punned_view(TREE_TYPE(TREE_TYPE(p)), access, store))
        return true;
    if (depth == 0 || SSA_NAME_IS_DEFAULT_DEF(p))
        return false;
    gassign *d = dyn_cast<gassign *>(SSA_NAME_DEF_STMT(p));
    if (!d)
        return false;
    enum tree_code code = gimple_assign_rhs_code(d);
    if (code == SSA_NAME || CONVERT_EXPR_CODE_P(code) || code == POINTER_PLUS_EXPR)
        return punned_pointer(gimple_assign_rhs1(d), access, depth - 1, store);
    if (code == ADDR_EXPR) {                    /* w = &h, &t.xs: that object's type */
        tree obj = TREE_OPERAND(gimple_assign_rhs1(d), 0);
        return punned_view(TREE_TYPE(obj), access, store);
    }
    return false;
}

/* May the access REF (a load or a store of a memory reference) read or write
 * any object's bytes (class (a) of the rule)?  STORE: REF is written. */
static bool any_bytes_1(tree ref, bool store);

bool fe_any_bytes(tree ref, bool store)
{
    if (global_options_set.x_flag_strict_aliasing && !flag_strict_aliasing)
        return true;                            /* explicit -fno-strict-aliasing */
    return any_bytes_1(ref, store);
}

/* May the pointer-typed load REF read bytes written as another type (a union
 * member, may_alias, ref-all, a pun of any object: STORE's sense of punned)?
 * Not every load under -fno-strict-aliasing: a typed pointer object holds what
 * was written into it typed, or raw (store.c). */
bool fe_punned_pointer_read(tree ref)
{
    return any_bytes_1(ref, true);
}

static bool any_bytes_1(tree ref, bool store)
{
    tree t = ref;
    for (; handled_component_p(t); t = TREE_OPERAND(t, 0)) {
        if (may_alias_type(TREE_TYPE(t)))
            return true;
        tree inner = TREE_TYPE(TREE_OPERAND(t, 0));
        if (fe_pointer_union(inner))
            return true;                        /* a member of a union object */
        if (TREE_CODE(t) == BIT_FIELD_REF
            || (TREE_CODE(t) == VIEW_CONVERT_EXPR
                && TYPE_MAIN_VARIANT(TREE_TYPE(t)) != TYPE_MAIN_VARIANT(inner)))
            return true;                        /* a piece of another type's bytes */
    }
    if (may_alias_type(TREE_TYPE(t)))
        return true;
    if (TREE_CODE(t) != MEM_REF && TREE_CODE(t) != TARGET_MEM_REF)
        return false;
    tree alias = TREE_TYPE(TREE_OPERAND(t, 1));  /* the type the access is made through */
    if (TYPE_REF_CAN_ALIAS_ALL(alias) || may_alias_type(TREE_TYPE(alias)))
        return true;                            /* ref-all: a folded memcpy */
    tree p = TREE_OPERAND(t, 0);
    if (TREE_CODE(p) == ADDR_EXPR) {            /* MEM[&x]: x through another type */
        tree base = get_base_address(TREE_OPERAND(p, 0));
        return !base || strip_arrays(TREE_TYPE(base)) != strip_arrays(TREE_TYPE(t));
    }
    return punned_pointer(p, TREE_TYPE(t), 8, store);
}

/* The declared object whose address P is, through SSA copies and conversions
 * (DEPTH steps), or NULL where P comes from elsewhere (a load, a parameter)
 * or points inside an object (an offset, a field: a view of the same type
 * shifted onto other fields). */
static tree addr_origin(tree p, int depth)
{
    for (; depth >= 0; depth--) {
        if (TREE_CODE(p) == ADDR_EXPR)
            return DECL_P(TREE_OPERAND(p, 0)) ? TREE_OPERAND(p, 0) : NULL_TREE;
        if (TREE_CODE(p) != SSA_NAME || SSA_NAME_IS_DEFAULT_DEF(p))
            return NULL_TREE;
        gassign *d = dyn_cast<gassign *>(SSA_NAME_DEF_STMT(p));
        if (!d)
            return NULL_TREE;
        enum tree_code code = gimple_assign_rhs_code(d);
        if (code != SSA_NAME && code != ADDR_EXPR && !CONVERT_EXPR_CODE_P(code))
            return NULL_TREE;
        p = gimple_assign_rhs1(d);
    }
    return NULL_TREE;
}

/* Is the store LHS a typed write of a declared data member or element (`s.n`,
 * `p->name[i]`, `buf[i]`): fields and elements of their declared type, no union
 * that can hold a pointer, no piece, no may_alias, no ref-all or punned base?
 * Data written there lands in data, never in a pointer's bytes, whatever
 * fe_any_bytes says of its character type (or of -fno-strict-aliasing); a
 * pointer later read from those bytes is a punned read (load in translate.cc). */
bool fe_declared_data_store(tree lhs)
{
    if (!fe_data_type(TREE_TYPE(lhs)) || !handled_component_p(lhs))
        return false;
    tree t = lhs;
    for (; handled_component_p(t); t = TREE_OPERAND(t, 0)) {
        enum tree_code code = TREE_CODE(t);
        if ((code != COMPONENT_REF && code != ARRAY_REF) || may_alias_type_attr(TREE_TYPE(t))
            || fe_pointer_union(TREE_TYPE(TREE_OPERAND(t, 0))))
            return false;
    }
    if (DECL_P(t))
        return !may_alias_type_attr(TREE_TYPE(t));
    if (TREE_CODE(t) != MEM_REF)
        return false;
    tree alias = TREE_TYPE(TREE_OPERAND(t, 1)), p = TREE_OPERAND(t, 0);
    if (TYPE_REF_CAN_ALIAS_ALL(alias) || may_alias_type_attr(TREE_TYPE(alias))
        || may_alias_type_attr(TREE_TYPE(t)))
        return false;
    tree base = addr_origin(p, 8);      /* the object: only where it is known */
    return base && strip_arrays(TREE_TYPE(base)) == strip_arrays(TREE_TYPE(t));
}

/* Does SSA appear in the tree T (an lvalue's address computation)? */
static tree find_ssa(tree *tp, int *walk_subtrees, void *data)
{
    if (*tp == (tree)data)
        return *tp;
    if (TYPE_P(*tp))
        *walk_subtrees = 0;
    return NULL_TREE;
}

static bool same_size(tree a, tree b)
{
    return TYPE_SIZE(a) && TYPE_SIZE(b) && tree_int_cst_equal(TYPE_SIZE(a), TYPE_SIZE(b));
}

/* Is every use of the value SSA the stored value of a store to memory,
 * directly or through SSA copies, PHIs and same-size conversions (to a data
 * type whose value is again copy-only, or to a pointer: the copy ends in one)? */
static bool copy_only_rec(tree ssa, hash_set<tree> *seen)
{
    if (seen->add(ssa))
        return true;                            /* a cycle of copies adds no use */
    imm_use_iterator it;
    use_operand_p use;
    FOR_EACH_IMM_USE_FAST(use, it, ssa) {
        gimple *u = USE_STMT(use);
        if (is_gimple_debug(u))
            continue;
        if (gphi *phi = dyn_cast<gphi *>(u)) {
            if (!copy_only_rec(gimple_phi_result(phi), seen))
                return false;
            continue;
        }
        gassign *a = dyn_cast<gassign *>(u);
        if (!a)
            return false;
        tree lhs = gimple_assign_lhs(a), rhs1 = gimple_assign_rhs1(a);
        enum tree_code code = gimple_assign_rhs_code(a);
        if (TREE_CODE(lhs) != SSA_NAME) {       /* a store: of the value itself only */
            if (!gimple_assign_single_p(a) || rhs1 != ssa
                || walk_tree_without_duplicates(&lhs, find_ssa, ssa))
                return false;
            continue;
        }
        bool conv = (CONVERT_EXPR_CODE_P(code) && rhs1 == ssa)
            || (code == VIEW_CONVERT_EXPR && TREE_OPERAND(rhs1, 0) == ssa)
            || (code == SSA_NAME && rhs1 == ssa);
        if (!conv || !same_size(TREE_TYPE(lhs), TREE_TYPE(ssa)))
            return false;
        if (POINTER_TYPE_P(TREE_TYPE(lhs)))
            continue;
        if (!fe_data_type(TREE_TYPE(lhs)) || !copy_only_rec(lhs, seen))
            return false;
    }
    return true;
}

bool fe_copy_only(tree ssa)
{
    hash_set<tree> seen;
    return copy_only_rec(ssa, &seen);
}

/* Is the value of statement ST's operand OP, a data load, only stored again? */
static bool copy_context(gimple *st, tree op)
{
    gassign *a = st ? dyn_cast<gassign *>(st) : NULL;
    if (!a || !gimple_assign_single_p(a) || gimple_assign_rhs1(a) != op)
        return false;
    tree lhs = gimple_assign_lhs(a);
    return TREE_CODE(lhs) != SSA_NAME || fe_copy_only(lhs);
}

/* Does the data value V (an SSA name) hold a copy of any object's bytes:
 * defined, through SSA copies and same-size conversions, by an any-bytes data
 * load (fe_any_bytes) that is a copy (fe_copy_only)?  Its stores then write
 * raw bytes (converted to a pointer it is unknown, as any integer is: the
 * bytes copied may be data).  A typed copy needs no raw store: the core adds
 * its flow only from raw memory (esc_copy), and copies of raw contents are
 * raw (store.c). */
static bool copied_rec(tree v, hash_set<tree> *seen)
{
    for (int depth = 0; depth < 16 && TREE_CODE(v) == SSA_NAME; depth++) {
        if (SSA_NAME_IS_DEFAULT_DEF(v) || seen->add(v))
            return false;
        gimple *d = SSA_NAME_DEF_STMT(v);
        if (gphi *phi = dyn_cast<gphi *>(d)) {
            for (unsigned i = 0; i < gimple_phi_num_args(phi); i++)
                if (copied_rec(gimple_phi_arg_def(phi, i), seen))
                    return true;
            return false;
        }
        gassign *a = dyn_cast<gassign *>(d);
        if (!a)
            return false;
        tree rhs1 = gimple_assign_rhs1(a);
        enum tree_code code = gimple_assign_rhs_code(a);
        if (code == SSA_NAME || CONVERT_EXPR_CODE_P(code)) {
            v = rhs1;
            continue;
        }
        if (gimple_assign_single_p(a) && fe_data_type(TREE_TYPE(rhs1))
            && (handled_component_p(rhs1) || TREE_CODE(rhs1) == MEM_REF
                || TREE_CODE(rhs1) == TARGET_MEM_REF || DECL_P(rhs1)))
            return fe_any_bytes(rhs1, false) && fe_copy_only(gimple_assign_lhs(a));
        return false;
    }
    return false;
}

bool fe_copied_bytes(tree v)
{
    hash_set<tree> seen;
    return copied_rec(v, &seen);
}

/* The data load OP (a memory reference of a data type, or a piece of an SSA
 * value), the operand of the statement being translated: a copy carries its
 * memory (pushed to OUT like any load); otherwise it exposes that memory. */
void fe_data_load(fe_fn *fn, tree op, fe_srcs *out, esc_loc loc, int derefs)
{
    if (loc == ESC_NOLOC)
        return;
    esc_pos pos = fe_stmt_pos(fn->stmt);
    tree p, t = fe_ref_base(op, &p);
    bool piece = TREE_CODE(t) == SSA_NAME && !p;        /* a piece of an SSA value */
    if (copy_context(fn->stmt, op)) {
        if (piece) {
            out->safe_push({ loc, derefs });
            return;
        }
        esc_loc copy = fe_temp(fn, fn->stmt, NULL);
        esc_copy(fn->ef, copy, loc, derefs, fe_any_bytes(op, false), pos, "copy");
        out->safe_push({ copy, 0 });
        return;
    }
    const char *why = "pointer bytes read as data";
    if (piece)
        esc_escape(fn->ef, loc, derefs, pos, why);
    else
        esc_expose(fn->ef, loc, derefs, fe_any_bytes(op, false), pos, why);
}
