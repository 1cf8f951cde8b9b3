/* descriptor.cc - the map type of a gomap_make call, read at compile time.
 *
 * GOMAP_TYPE(K, V) expands to the address of a static const struct gomap_type;
 * the first argument of gomap_make is that address, possibly through SSA copies
 * and pointer conversions.  Its DECL_INITIAL is a CONSTRUCTOR whose elements are,
 * by position (gomap_layout.h): version, keysize, valsize, keyalign, valalign,
 * flags, name.  Anything else (an extern descriptor, a weak or interposable one
 * whose initializer the link may replace, a computed pointer, another layout
 * version) leaves the descriptor unresolved: name NULL, so the bucket
 * never goes on the stack, though the header still may.  Which fields are usable
 * is the core's (esc_descriptor_usable).
 */
#include "fe.h"
#include "varasm.h"      /* decl_replaceable_p */

/* Follow SSA copies and conversions back to an ADDR_EXPR. */
static tree strip_copies(tree t)
{
    for (int guard = 0; guard < 64 && t && TREE_CODE(t) == SSA_NAME; guard++) {
        gimple *def = SSA_NAME_DEF_STMT(t);
        if (!is_gimple_assign(def))
            return NULL_TREE;
        enum tree_code code = gimple_assign_rhs_code(def);
        if (code == SSA_NAME || code == ADDR_EXPR || CONVERT_EXPR_CODE_P(code))
            t = gimple_assign_rhs1(def);
        else
            return NULL_TREE;
    }
    return t;
}

static bool field_uint(tree ctor, unsigned idx, unsigned long *out)
{
    if (idx >= CONSTRUCTOR_NELTS(ctor))
        return false;
    constructor_elt *e = CONSTRUCTOR_ELT(ctor, idx);
    /* Elements must be in field order with no gaps. */
    if (e->index && TREE_CODE(e->index) == FIELD_DECL) {
        unsigned k = 0;
        for (tree f = TYPE_FIELDS(TREE_TYPE(ctor)); f && f != e->index; f = DECL_CHAIN(f))
            if (TREE_CODE(f) == FIELD_DECL)
                k++;
        if (k != idx)
            return false;
    }
    tree v = e->value;
    STRIP_NOPS(v);
    if (TREE_CODE(v) != INTEGER_CST || !tree_fits_uhwi_p(v))
        return false;
    *out = tree_to_uhwi(v);
    return true;
}

static const char *field_string(tree ctor, unsigned idx)
{
    if (idx >= CONSTRUCTOR_NELTS(ctor))
        return NULL;
    tree v = CONSTRUCTOR_ELT(ctor, idx)->value;
    STRIP_NOPS(v);
    if (TREE_CODE(v) != ADDR_EXPR)
        return NULL;
    v = TREE_OPERAND(v, 0);
    if (TREE_CODE(v) == ARRAY_REF && integer_zerop(TREE_OPERAND(v, 1)))
        v = TREE_OPERAND(v, 0);
    if (TREE_CODE(v) != STRING_CST)
        return NULL;
    const char *s = TREE_STRING_POINTER(v);
    if (TREE_STRING_LENGTH(v) <= 0 || s[TREE_STRING_LENGTH(v) - 1] != '\0')
        return NULL;
    return ggc_strdup(s);
}

/* Whether T is gomap.h's struct gomap_type (the initializer is read by field
 * position: another struct cast to `const gomap_type *` is not a descriptor). */
static bool gomap_type_record(tree t)
{
    tree n = TYPE_NAME(TYPE_MAIN_VARIANT(t));
    if (n && TREE_CODE(n) == TYPE_DECL)
        n = DECL_NAME(n);
    return n && TREE_CODE(n) == IDENTIFIER_NODE && id_equal(n, "gomap_type");
}

esc_descriptor fe_resolve_descriptor(tree arg)
{
    esc_descriptor d = { NULL, 0, 0, 0, 0, 0 };
    tree a = strip_copies(arg);
    if (!a || TREE_CODE(a) != ADDR_EXPR)
        return d;
    tree var = TREE_OPERAND(a, 0);
    if (TREE_CODE(var) != VAR_DECL || TREE_CODE(TREE_TYPE(var)) != RECORD_TYPE
        || !gomap_type_record(TREE_TYPE(var)) || !TREE_STATIC(var) || !TREE_READONLY(var)
        || DECL_EXTERNAL(var) || TREE_THIS_VOLATILE(var)
        /* a definition the link may replace (weak, #pragma weak, interposable
         * under -fPIC): its initializer here is not the one the program runs
         * with (GCC does not fold it either); a symbol a top-level asm names */
        || DECL_WEAK(var) || decl_replaceable_p(var, true) || fe_named_in_asm(var))
        return d;
    tree ctor = DECL_INITIAL(var);
    if (!ctor || TREE_CODE(ctor) != CONSTRUCTOR)
        return d;
    unsigned long version, flags;
    if (!field_uint(ctor, 0, &version)
        || !field_uint(ctor, 1, &d.keysize) || !field_uint(ctor, 2, &d.valsize)
        || !field_uint(ctor, 3, &d.keyalign) || !field_uint(ctor, 4, &d.valalign)
        || !field_uint(ctor, 5, &flags) || !esc_descriptor_usable(version, &d))
        return d;
    d.flags = flags;
    d.name = field_string(ctor, 6);
    return d;
}
