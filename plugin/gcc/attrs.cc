/* attrs.cc - __attribute__((noescape)) on pointer parameters.
 *
 *     void visit(gomap *m __attribute__((noescape)));
 *
 * promises that the callee keeps nothing reachable from the argument beyond the
 * call, so a caller may keep a map passed there on its stack even when the
 * callee's body is not in the unit.  The attribute sits on the PARM_DECL; since
 * a prototype's PARM_DECLs are dropped, the handler also marks the parameter's
 * type (an attribute variant that does not affect type identity), which survives
 * in TYPE_ARG_TYPES of the function type a call is made through.
 */
#include "fe.h"

static tree handle_noescape(tree *node, tree name, tree, int, bool *no_add_attrs)
{
    if (TREE_CODE(*node) != PARM_DECL) {
        warning(OPT_Wattributes, "%qE attribute only applies to function parameters",
                name);
        *no_add_attrs = true;
        return NULL_TREE;
    }
    tree type = TREE_TYPE(*node);
    if (!POINTER_TYPE_P(type)) {
        warning(OPT_Wattributes, "%qE attribute only applies to pointer parameters",
                name);
        *no_add_attrs = true;
        return NULL_TREE;
    }
    if (!lookup_attribute("noescape", TYPE_ATTRIBUTES(type))) {
        tree attrs = tree_cons(get_identifier("noescape"), NULL_TREE,
                               TYPE_ATTRIBUTES(type));
        TREE_TYPE(*node) = build_type_attribute_variant(type, attrs);
    }
    return NULL_TREE;
}

static const struct attribute_spec noescape_attr = {
    "noescape", 0, 0, true, false, false, false, handle_noescape, NULL
};

void fe_register_attributes(void *, void *)
{
    register_attribute(&noescape_attr);
}

bool fe_parm_decl_noescape(tree parm)
{
    return lookup_attribute("noescape", DECL_ATTRIBUTES(parm))
        || lookup_attribute("noescape", TYPE_ATTRIBUTES(TREE_TYPE(parm)));
}

void fe_params_noescape(tree fndecl, tree fntype, unsigned n, bool *out)
{
    for (unsigned k = 0; k < n; k++)
        out[k] = false;
    if (fndecl) {
        unsigned k = 0;
        for (tree p = DECL_ARGUMENTS(fndecl); p && k < n; p = DECL_CHAIN(p), k++)
            out[k] |= fe_parm_decl_noescape(p);
    }
    tree types[2] = { fntype, fndecl ? TREE_TYPE(fndecl) : NULL_TREE };
    for (tree t : types) {
        if (!t || !FUNC_OR_METHOD_TYPE_P(t))
            continue;
        unsigned k = 0;
        for (tree a = TYPE_ARG_TYPES(t); a && a != void_list_node && k < n; a = TREE_CHAIN(a), k++)
            out[k] |= lookup_attribute("noescape", TYPE_ATTRIBUTES(TREE_VALUE(a))) != NULL_TREE;
    }
}
