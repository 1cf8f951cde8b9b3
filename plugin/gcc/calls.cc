/* calls.cc - how a GIMPLE call moves pointers.
 *
 *   gomap runtime (direct calls, by name): the core's table, plugin/core/
 *     runtime_model.c (esc_runtime_callee / esc_runtime_call); this file resolves
 *     gomap_make's descriptor and constant hint and records the site to rewrite
 *   sanitizer entry points        keep nothing
 *   C library functions and builtins in the core's table (plugin/core/libc.c,
 *   shared with escape-clang; the core adds their edges, esc_libc_call), as
 *   builtins or as the library's own declarations without a body (-fno-builtin,
 *   functions GCC has no flags for)
 *   alloca, VLAs                  result <- &(a nameless local)
 *   other normal builtins         GCC's own fnspec flags (EAF_* / ERF_*); one
 *                                 not declared `leaf` may call back into the
 *                                 unit (esc_unknown_call)
 *   va_copy(d, s)                 *d <- *s (a va_list points to a record of
 *                                 pointers to the argument save areas)
 *   x = VA_ARG (ap)               x <- ap [2], and unknown
 *   __builtin_apply_args()        every parameter of the function escapes,
 *                                 result unknown
 *   __builtin_va_arg_pack(_len)() by flags: result unknown (forwards only the
 *                                 variadic arguments, which escape at the
 *                                 call of the gnu_inline function)
 *   __builtin_apply(f, args, n)   an unknown call: all escape, result unknown
 *   __builtin_return(b)           b escapes, the function's result is unknown
 *   internal functions            harmless checks keep nothing, others escape
 *   direct call to a function     esc_call (the core applies the callee's summary;
 *                                 a body-less or interposable callee keeps all
 *                                 but its noescape parameters)
 *   indirect call                 every argument escapes unless its parameter is
 *                                 noescape in the function type called through;
 *                                 the result is unknown; it may call any function
 *                                 whose address is taken (esc_unknown_call)
 * A static chain (nested functions) always escapes.
 */
#include "fe.h"
#include "output.h"          /* user_label_prefix */

/* The symbol a declaration links to, when the user renamed it (`__asm__("other")`
 * or `#pragma redefine_extname`), without the target's user label prefix; NULL
 * when it links to its C name.  The core decides what that makes of a call. */
const char *fe_linked_symbol(tree fndecl)
{
    if (!DECL_ASSEMBLER_NAME_SET_P(fndecl))
        return NULL;
    const char *sym = IDENTIFIER_POINTER(DECL_ASSEMBLER_NAME_RAW(fndecl));
    if (*sym == '*')
        sym++;
    else if (!strncmp(sym, user_label_prefix, strlen(user_label_prefix)))
        sym += strlen(user_label_prefix);
    return sym;
}

bool fe_is_gomap_fn(tree fndecl, const char *name)
{
    return fndecl && TREE_CODE(fndecl) == FUNCTION_DECL && DECL_NAME(fndecl)
        && esc_runtime_named(IDENTIFIER_POINTER(DECL_NAME(fndecl)), fe_linked_symbol(fndecl),
                             TREE_PUBLIC(fndecl), name);
}

static tree arg(gcall *c, unsigned i)
{
    return i < gimple_call_num_args(c) ? gimple_call_arg(c, i) : NULL_TREE;
}

static esc_loc arg_loc(fe_fn *fn, gcall *c, unsigned i)
{
    return fe_value_loc(fn, arg(c, i), c);
}

static void result_from(fe_fn *fn, gcall *c, esc_loc src, int derefs)
{
    tree lhs = gimple_call_lhs(c);
    if (!lhs || src == ESC_NOLOC)
        return;
    fe_srcs srcs;
    srcs.safe_push({ src, derefs });
    /* stored through an lvalue that may write a pointer's bytes: data there is
     * an unknown pointer (docs/design.md "Pointers rebuilt from data") */
    bool raw = TREE_CODE(lhs) != SSA_NAME && fe_any_bytes(lhs, true) && !fe_declared_data_store(lhs);
    if (raw)
        srcs.safe_push({ fe_heap(fn), 0 });
    fe_assign(fn, lhs, srcs, c, "call result", raw);
}

static void result_unknown(fe_fn *fn, gcall *c)
{
    result_from(fn, c, fe_heap(fn), 0);
}

static void escape_loc(fe_fn *fn, gcall *c, esc_loc l, const char *why)
{
    if (l != ESC_NOLOC)
        esc_escape(fn->ef, l, 0, fe_stmt_pos(c), why);
}

/* -m=2's note for what a known function copies: "copied by memcpy". */
static const char *copied_by(gcall *c, char *buf, size_t n)
{
    tree d = gimple_call_fndecl(c);
    if (d && DECL_NAME(d))
        snprintf(buf, n, "copied by %s", IDENTIFIER_POINTER(DECL_NAME(d)));
    else
        snprintf(buf, n, "call");
    return buf;
}

/* A store of bytes: what ptr points to may then hold pointer bytes as data. */
static void store_raw(fe_fn *fn, gcall *c, esc_loc ptr, esc_loc src, int derefs)
{
    char why[300];
    if (ptr != ESC_NOLOC && src != ESC_NOLOC)
        esc_store_raw(fn->ef, ptr, src, derefs, fe_stmt_pos(c), copied_by(c, why, sizeof why));
}

/* By-value aggregate arguments of a call to code that may read them typed. */
static void expose_aggregate_args(fe_fn *fn, gcall *c)
{
    for (unsigned i = 0; i < gimple_call_num_args(c); i++)
        fe_expose_aggregate(fn, gimple_call_arg(c, i), c);
}

static void escape_chain(fe_fn *fn, gcall *c)
{
    if (tree chain = gimple_call_chain(c))
        escape_loc(fn, c, fe_value_loc(fn, chain, c), "static chain");
}

/* ---- the gomap runtime ------------------------------------------------------ */

/* A call the core models (a runtime entry point, a library function): how the
 * core asks for its arguments and hands back what its result holds. */
struct call_fe { fe_fn *fn; gcall *c; };

static esc_loc callsite_arg(void *p, int i)
{
    call_fe *x = (call_fe *)p;
    return arg_loc(x->fn, x->c, (unsigned)i);
}

/* A call specialise.cc may rewrite once the unit is solved. */
static void note_mapcall(fe_fn *fn, gcall *c, int op)
{
    fe_mapcall mc = { c, fn->decl, fn->ef, op };
    fn->u->mapcalls.safe_push(mc);
}

static bool callsite_arg_is_pointer(void *p, int i)
{
    call_fe *x = (call_fe *)p;
    return POINTER_TYPE_P(TREE_TYPE(gimple_call_arg(x->c, (unsigned)i)));
}

static void callsite_result(void *p, esc_loc src, int derefs)
{
    call_fe *x = (call_fe *)p;
    result_from(x->fn, x->c, src, derefs);
}

/* A string literal argument's text (a printf format), malloc'd, or NULL. */
static char *callsite_arg_string(void *p, int i)
{
    call_fe *x = (call_fe *)p;
    const char *t = c_getstr(gimple_call_arg(x->c, (unsigned)i));
    return t ? xstrdup(t) : NULL;
}

static bool callsite_arg_is_null(void *p, int i)
{
    call_fe *x = (call_fe *)p;
    return integer_zerop(gimple_call_arg(x->c, (unsigned)i));
}

/* A character view (or an array of characters): its bytes are anyone's. */
static bool char_view(tree type)
{
    while (TREE_CODE(type) == ARRAY_TYPE)
        type = TREE_TYPE(type);
    tree t = TYPE_MAIN_VARIANT(type);
    return t == char_type_node || t == signed_char_type_node || t == unsigned_char_type_node
        || lookup_attribute("may_alias", TYPE_ATTRIBUTES(type));
}

/* Do the descriptors A and B name one key type (size, flags and the key's name)? */
static bool same_key(const esc_descriptor &a, const esc_descriptor &b)
{
    if (a.keysize != b.keysize || a.flags != b.flags || !a.name || !b.name)
        return false;
    size_t n = 0;
    for (int depth = 0; a.name[n]; n++) {       /* "map[K]V": up to K's closing ']' */
        if (a.name[n] == '[')
            depth++;
        else if (a.name[n] == ']' && --depth == 0)
            break;
    }
    return !strncmp(a.name, b.name, n + 1);
}

/* Each use of the address of VAR, a local of FN's, is a call argument ACCEPT
 * approves (C: the call, I: the argument): true when every use is, at least one
 * was, and nothing else writes VAR (a store, an asm). */
typedef bool address_use(fe_fn *fn, gcall *c, unsigned i, const esc_descriptor &d);

static bool only_used_by(fe_fn *fn, tree var, address_use *accept, const esc_descriptor &d)
{
    if (!VAR_P(var) || is_global_var(var) || DECL_CONTEXT(var) != fn->decl)
        return false;
    bool used = false;
    basic_block bb;
    FOR_EACH_BB_FN(bb, DECL_STRUCT_FUNCTION(fn->decl))
        for (gimple_stmt_iterator g = gsi_start_bb(bb); !gsi_end_p(g); gsi_next(&g)) {
            gimple *st = gsi_stmt(g);
            if (gimple_clobber_p(st) || gimple_call_internal_p(st))
                continue;               /* end of scope, ASAN_MARK: no write */
            if (gimple_code(st) == GIMPLE_ASM)
                return false;           /* an asm may write anything */
            tree lhs = gimple_has_lhs(st) ? gimple_get_lhs(st) : NULL_TREE;
            if (lhs && get_base_address(lhs) == var)
                return false;
            gcall *c = dyn_cast<gcall *>(st);
            for (unsigned i = 0; i < gimple_num_ops(st); i++) {
                tree op = gimple_op(st, i);
                if (!op || TREE_CODE(op) != ADDR_EXPR || get_base_address(TREE_OPERAND(op, 0)) != var)
                    continue;
                unsigned j = 0;         /* which argument of the call, if one */
                while (c && j < gimple_call_num_args(c) && gimple_call_arg(c, j) != op)
                    j++;
                if (!c || j == gimple_call_num_args(c) || TREE_OPERAND(op, 0) != var
                    || !accept(fn, c, j, d))
                    return false;
                used = true;
            }
        }
    return used;
}

/* An iterator's address given to gomap_iter_next, or to gomap_iter_init with a
 * map whose descriptors say D's key type. */
static bool iterates_keys(fe_fn *, gcall *c, unsigned i, const esc_descriptor &d)
{
    tree callee = gimple_call_fndecl(c);
    if (i != 0)
        return false;
    if (fe_is_gomap_fn(callee, "gomap_iter_next"))
        return true;
    esc_descriptor m;
    return fe_is_gomap_fn(callee, "gomap_iter_init") && gimple_call_num_args(c) >= 2
           && fe_map_descriptor(gimple_call_arg(c, 1), &m) && same_key(m, d);
}

/* A key output of gomap_iter_next whose iterator is a local only iterates_keys
 * uses: started only on maps with D's key type (a helper given its address, or
 * a copy of another iterator, may have started it on any map). */
static bool key_output(fe_fn *fn, gcall *c, unsigned i, const esc_descriptor &d)
{
    if (i != 1 || !fe_is_gomap_fn(gimple_call_fndecl(c), "gomap_iter_next")
        || gimple_call_num_args(c) < 3)
        return false;
    tree it = gimple_call_arg(c, 0), k = gimple_call_arg(c, 1), v = gimple_call_arg(c, 2);
    if (TREE_CODE(v) == ADDR_EXPR
        && get_base_address(TREE_OPERAND(v, 0)) == get_base_address(TREE_OPERAND(k, 0)))
        return false;           /* the value slot written there too */
    return TREE_CODE(it) == ADDR_EXPR && only_used_by(fn, TREE_OPERAND(it, 0), iterates_keys, d);
}

/* Is VAR a local that only gomap_iter_next writes, as its key output, from
 * iterators over maps with D's key type: the slot of a key of that type, which
 * the runtime read at that type when it was inserted?  (Any other store, its
 * address going anywhere else, or an iterator over other keys, may put a view of
 * any object in: the key slot of a map of handles read as a map of 2-byte keys.) */
static bool iter_key_slot(fe_fn *fn, tree var, const esc_descriptor &d)
{
    return only_used_by(fn, var, key_output, d);
}

/* A key read of memory holding an object of type T, for a map of descriptor D. */
static int key_of_type(tree t, const esc_descriptor &d)
{
    if (char_view(t) || !COMPLETE_TYPE_P(t) || !tree_fits_uhwi_p(TYPE_SIZE_UNIT(t))
        || tree_to_uhwi(TYPE_SIZE_UNIT(t)) != d.keysize)
        return ESC_KEY_BYTES;
    return ESC_KEY_TYPED;
}

/* How the runtime's read of the key argument I reads its memory (esc_key_read).
 * The runtime hashes and compares the key's bytes, so the read is typed (only a
 * pointer-typed key matters) only where the memory is known to hold an object of
 * the key's type: the key pointer is followed back through SSA copies, conversions
 * and pointer arithmetic to the address of a declared object.  Without arithmetic
 * the object named (a variable, field or element) is the memory; with it, the
 * pointer may be anywhere in the whole variable, which must then be made of
 * elements of one type.  That type is read typed unless it is a character view,
 * or the map's key type (from the descriptors reaching the map argument) has
 * another size (`(struct k2 *)((unsigned char *)&m + 2)`).  A pointer from
 * elsewhere (a parameter, a load, a call, a PHI) may point anywhere into any
 * object, whatever its declared type (a caller's view): its bytes are read as
 * data; except a
 * `void *` that only gomap_iter_next wrote, from iterators over maps of the same
 * key type (iter_key_slot).  For a map of unknown type (its key's size unknown,
 * and its read may reach past the object named into the variable around it) the
 * variable must hold no pointer.  The bytes a string key points to are read as
 * data too (a pointer key is an address, hashed and compared). */
static int callsite_key_read(void *p, int i)
{
    call_fe *x = (call_fe *)p;
    esc_descriptor d;
    bool known = fe_map_descriptor(gimple_call_arg(x->c, 0), &d);
    if (known && (d.flags & GOMAP_TF_STRKEY))
        return d.keysize == 2 * sizeof(void *) ? ESC_KEY_STRING : ESC_KEY_BYTES;
    tree k = gimple_call_arg(x->c, (unsigned)i);
    bool arith = false;         /* pointer arithmetic on the way */
    for (int step = 0; step < 16 && TREE_CODE(k) != ADDR_EXPR; step++) {
        if (POINTER_TYPE_P(TREE_TYPE(k)) && char_view(TREE_TYPE(TREE_TYPE(k))))
            return ESC_KEY_BYTES;
        if (TREE_CODE(k) != SSA_NAME || SSA_NAME_IS_DEFAULT_DEF(k))
            return ESC_KEY_BYTES;       /* a parameter: any caller's view */
        gassign *a = dyn_cast<gassign *>(SSA_NAME_DEF_STMT(k));
        if (!a)
            return ESC_KEY_BYTES;       /* a call's result, a PHI */
        enum tree_code code = gimple_assign_rhs_code(a);
        if (code == POINTER_PLUS_EXPR) {
            arith = true;
        } else if (code != SSA_NAME && !CONVERT_EXPR_CODE_P(code) && code != ADDR_EXPR) {
            tree r = gimple_assign_rhs1(a);     /* loaded from memory */
            bool slot = !arith && known && d.keysize > 1 && gimple_assign_single_p(a)
                        && VOID_TYPE_P(TREE_TYPE(TREE_TYPE(k))) && iter_key_slot(x->fn, r, d);
            return slot ? ESC_KEY_TYPED : ESC_KEY_BYTES;
        }
        k = gimple_assign_rhs1(a);
    }
    if (TREE_CODE(k) != ADDR_EXPR)
        return ESC_KEY_BYTES;
    tree obj = TREE_OPERAND(k, 0);
    tree t = TREE_TYPE(obj);
    tree base = get_base_address(obj);
    if (base && (TREE_CODE(base) == MEM_REF || TREE_CODE(base) == TARGET_MEM_REF)) {
        /* `&MEM[(struct k2 *)&m + 2B]`, `&p->key`: a view at an offset of what the
         * pointer points to, a declared variable's (arithmetic) or anyone's */
        tree ptr = TREE_OPERAND(base, 0);
        if (TREE_CODE(ptr) != ADDR_EXPR)
            return ESC_KEY_BYTES;
        obj = TREE_OPERAND(ptr, 0);
        arith = true;
    }
    if (arith || !known) {      /* anywhere in the variable; a key of unknown size
                                 * read from a member reaches its neighbours */
        obj = get_base_address(obj);
        if (!obj || !DECL_P(obj) || fe_holds_pointer(TREE_TYPE(obj)))
            return ESC_KEY_BYTES;
        return ESC_KEY_TYPED;   /* no pointer to expose, only raw memory */
    }
    return key_of_type(t, d);
}

static esc_callsite callsite(call_fe *x)
{
    basic_block bb = gimple_bb(x->c);
    esc_callsite cs = { x->fn->ef, fe_stmt_pos(x->c), bb ? fe_bb_depth(bb) : 0,
                        (int)gimple_call_num_args(x->c), callsite_arg,
                        callsite_arg_is_pointer, callsite_result, x, NULL, NULL, NULL, NULL };
    tree d = gimple_call_fndecl(x->c);
    if (d && DECL_NAME(d))
        cs.name = IDENTIFIER_POINTER(DECL_NAME(d));
    cs.arg_string = callsite_arg_string;
    cs.arg_is_null = callsite_arg_is_null;
    cs.key_read = callsite_key_read;
    return cs;
}

/* gomap_make's site: its descriptor and constant hint, for the core's site;
 * returns the bucket's alignment. */
static unsigned long make_info(fe_fn *fn, gcall *c, const esc_runtime_fn *r,
                               esc_site_info *info)
{
    tree h = arg(c, r->hint_arg);
    esc_descriptor d = fe_resolve_descriptor(arg(c, r->descriptor_arg));
    info->pos = fe_stmt_pos(c);
    info->hint = -1;
    if (h && TREE_CODE(h) == INTEGER_CST && tree_fits_uhwi_p(h))
        info->hint = (long)MIN(tree_to_uhwi(h), (unsigned HOST_WIDE_INT)LONG_MAX);
    info->loopdepth = fe_site_depth(fn, gimple_bb(c));
    return esc_site_layout(info, &d);
}

/* True when C is a call to a gomap runtime entry point, now modelled by the
 * core's table. */
static bool model_gomap(fe_fn *fn, gcall *c, tree fndecl)
{
    if (!DECL_NAME(fndecl))
        return false;
    const esc_runtime_fn *r = esc_runtime_callee(IDENTIFIER_POINTER(DECL_NAME(fndecl)),
                                                 fe_linked_symbol(fndecl), TREE_PUBLIC(fndecl),
                                                 (int)gimple_call_num_args(c));
    if (!r)
        return false;
    call_fe x = { fn, c };
    esc_callsite cs = callsite(&x);
    if (r->descriptor_arg < 0) {
        esc_runtime_call(&cs, r, NULL);
        if (!strcmp(r->name, "gomap_assign")) note_mapcall(fn, c, FE_OP_ASSIGN);
        else if (!strcmp(r->name, "gomap_access")) note_mapcall(fn, c, FE_OP_ACCESS);
        else if (!strcmp(r->name, "gomap_delete")) note_mapcall(fn, c, FE_OP_DELETE);
        return true;
    }
    esc_site_info info;
    unsigned long align = make_info(fn, c, r, &info);
    int id = esc_runtime_call(&cs, r, &info);
    fe_site s = { c, fn->decl, id, info.bucket_bytes, align };
    fn->u->sites.safe_push(s);
    return true;
}

/* ---- builtins ------------------------------------------------------------------ */

/* A C library function or builtin in the core's table (plugin/core/libc.c, the
 * one escape-clang uses too), so both front ends judge it alike; false if the
 * table does not know it. */
static bool model_libc(fe_fn *fn, gcall *c, tree fndecl)
{
    call_fe x = { fn, c };
    esc_callsite cs = callsite(&x);
    return esc_libc_call(&cs, esc_known_libc(IDENTIFIER_POINTER(DECL_NAME(fndecl))));
}

/* The program's own body for fndecl: one in this unit, outside a system header
 * (where the body is, not the declaration: a definition merged with a system
 * header's prototype keeps the header's location).  A body in a system header is
 * the library's (glibc's extern inline atoi, its fortify wrappers of snprintf and
 * memcpy), with the library function's contract. */
/* Is S a function this unit defines outside a system header: a body, or an alias
 * or ifunc whose target (resolver) is such a body? */
static bool defined_here(symtab_node *s)
{
    cgraph_node *n = s ? dyn_cast<cgraph_node *>(s) : NULL;
    if (!n || !n->definition)
        return false;
    if (n->alias) {             /* `alias("mine")`, `#pragma weak strdup = mine`, an ifunc */
        cgraph_node *t = n->ultimate_alias_target();
        if (!t || t == n)
            return true;
        n = t;
    }
    function *f = DECL_STRUCT_FUNCTION(n->decl);
    return !(f ? in_system_header_at(f->function_start_locus) : DECL_IN_SYSTEM_HEADER(n->decl));
}

static bool symbol_defined_here(const char *name)
{
    for (symtab_node *s = symtab_node::get_for_asmname(get_identifier(name)); s;
         s = s->next_sharing_asm_name)
        if (defined_here(s))
            return true;
    return false;
}

/* Does the call to FNDECL run the program's own code: a body (or alias, ifunc) of
 * this unit for the declaration called, or for the symbol it links to (another
 * declaration renamed to it by an asm label, the library function a
 * `__builtin_X` call becomes), or may it (asm that binds symbols)? */
static bool own_body(tree fndecl)
{
    const char *name = DECL_NAME(fndecl) ? IDENTIFIER_POINTER(DECL_NAME(fndecl)) : NULL;
    bool compiler_own = name && !strncmp(name, "__builtin_", 10);   /* alloca, va_start */
    if ((fe_asm_binds() && !compiler_own) || defined_here(cgraph_node::get(fndecl)))
        return true;
    const char *sym = fe_linked_symbol(fndecl);
    if (sym && symbol_defined_here(sym))
        return true;
    if (compiler_own)
        name += 10;
    return name && symbol_defined_here(name);
}

/* The C library's own declaration of a function (in a system header, or implicit):
 * what GCC knows as a builtin unless -fno-builtin, or one it does not know.  A
 * user's own function of the same name is any function. */
static bool library_decl(tree fndecl)
{
    if (own_body(fndecl))
        return false;
    /* renamed (an asm label, #pragma redefine_extname) to a symbol outside the
     * library's reserved names (C11 7.1.3: `__isoc99_sscanf`) and LFS's `fopen64`:
     * whatever function of the program has that name */
    if (!DECL_NAME(fndecl))
        return false;
    const char *sym = fe_linked_symbol(fndecl), *name = IDENTIFIER_POINTER(DECL_NAME(fndecl));
    size_t n = strlen(name);
    if (sym && strcmp(sym, name) && strncmp(sym, "__", 2)
        && !(strncmp(sym, name, n) == 0 && !strcmp(sym + n, "64")))
        return false;
    cgraph_node *node = cgraph_node::get(fndecl);
    return (node && node->definition) || DECL_IS_UNDECLARED_BUILTIN(fndecl)
           || DECL_IN_SYSTEM_HEADER(fndecl);
}

bool fe_library_fn(tree fndecl)
{
    return fndecl && (fndecl_built_in_p(fndecl)
                      || (DECL_NAME(fndecl) && library_decl(fndecl)
                          && esc_known_libc(IDENTIFIER_POINTER(DECL_NAME(fndecl)))
                             != ESC_LIBC_NONE));
}

/* Everything a clobbered argument of call C may receive: every used argument and
 * what it points to, gathered into two temporaries once per call, so that a call of
 * n arguments makes O(n) stores, not n * n (a thousand-argument snprintf). */
static void gather_args(fe_fn *fn, gcall *c, const vec<esc_loc> &locs, const vec<int> &flags,
                        esc_loc hub[2])
{
    for (int d = 0; d <= 1; d++)
        hub[d] = fe_temp(fn, c, NULL);
    for (unsigned j = 0; j < locs.length(); j++) {
        if (locs[j] == ESC_NOLOC || (flags[j] & EAF_UNUSED))
            continue;
        for (int d = 0; d <= 1; d++)
            esc_flow(fn->ef, hub[d], locs[j], d, fe_stmt_pos(c), "builtin");
    }
}

/* A builtin known only by its flags.  Arguments whose flags do not rule out
 * escaping escape; those that may be returned flow to the result; and whatever
 * an argument may write to can receive any other argument or its contents. */
static void model_builtin_flags(fe_fn *fn, gcall *c)
{
    unsigned n = gimple_call_num_args(c);
    auto_vec<esc_loc, 8> locs;
    auto_vec<int, 8> flags;
    for (unsigned i = 0; i < n; i++) {
        locs.safe_push(arg_loc(fn, c, i));
        flags.safe_push(gimple_call_arg_flags(c, i));
    }
    const int no_escape = EAF_NO_DIRECT_ESCAPE | EAF_NO_INDIRECT_ESCAPE;
    int rf = gimple_call_return_flags(c);
    esc_loc hub[2] = { ESC_NOLOC, ESC_NOLOC };
    result_unknown(fn, c);
    for (unsigned i = 0; i < n; i++) {
        if (locs[i] == ESC_NOLOC || (flags[i] & EAF_UNUSED))
            continue;
        if ((flags[i] & no_escape) != no_escape)
            escape_loc(fn, c, locs[i], "builtin");
        if (!(flags[i] & EAF_NOT_RETURNED_DIRECTLY)
            || ((rf & ERF_RETURNS_ARG) && (unsigned)(rf & ERF_RETURN_ARG_MASK) == i))
            result_from(fn, c, locs[i], 0);
        if (!(flags[i] & EAF_NOT_RETURNED_INDIRECTLY))
            result_from(fn, c, locs[i], 1);
        bool direct = !(flags[i] & EAF_NO_DIRECT_CLOBBER);
        bool indirect = !(flags[i] & EAF_NO_INDIRECT_CLOBBER);
        if (!direct && !indirect)
            continue;
        esc_loc inner = ESC_NOLOC;
        if (indirect) {
            inner = fe_temp(fn, c, NULL);
            esc_flow(fn->ef, inner, locs[i], 1, fe_stmt_pos(c), "builtin");
        }
        if (hub[0] == ESC_NOLOC)
            gather_args(fn, c, locs, flags, hub);
        for (int d = 0; d <= 1; d++) {         /* bytes from the others */
            if (direct)
                store_raw(fn, c, locs[i], hub[d], 0);
            if (indirect)
                store_raw(fn, c, inner, hub[d], 0);
        }
    }
}

/* Sanitizer entry points (__builtin___ubsan_handle_*, __asan_*, ...) report
 * and keep nothing. */
bool fe_sanitizer_builtin(tree fndecl)
{
    static const char *const prefixes[] = {
        "__builtin___asan_", "__builtin___ubsan_", "__builtin___tsan_",
        "__builtin___hwasan_", "__builtin___sanitizer_",
    };
    const char *name = IDENTIFIER_POINTER(DECL_NAME(fndecl));
    for (const char *p : prefixes)
        if (!strncmp(name, p, strlen(p)))
            return true;
    return false;
}

/* Builtins GCC declares `leaf` that still run the unit's code: __builtin_apply
 * calls its function, libgomp's waits and barriers run deferred tasks on the
 * caller's stack, abort and trap raise a signal whose handler may be the unit's. */
static bool may_call_back(tree fndecl)
{
    switch (DECL_FUNCTION_CODE(fndecl)) {
    case BUILT_IN_APPLY: case BUILT_IN_ABORT: case BUILT_IN_TRAP:
        return true;
    default:
        return !strncmp(IDENTIFIER_POINTER(DECL_NAME(fndecl)), "__builtin_GOMP_", 15);
    }
}

static void model_builtin(fe_fn *fn, gcall *c, tree fndecl)
{
    if (fe_sanitizer_builtin(fndecl) || model_libc(fn, c, fndecl))
        return;
    /* A builtin GCC does not declare `leaf` may call functions of the unit:
     * GOMP_parallel runs the outlined body, __cyg_profile_func_enter is the
     * program's; so may some it does (may_call_back): a path of the may-call
     * graph (the frame budget's recursion) through unknown code. */
    if (!(gimple_call_flags(c) & ECF_LEAF) || may_call_back(fndecl))
        esc_unknown_call(fn->ef);
    switch (DECL_FUNCTION_CODE(fndecl)) {
    case BUILT_IN_ALLOCA:
    case BUILT_IN_ALLOCA_WITH_ALIGN:
    case BUILT_IN_ALLOCA_WITH_ALIGN_AND_MAX: {
        /* fresh stack memory (VLAs too): a nameless local living for the whole
         * call (depth 0, so a map of a loop stored there still escapes) */
        esc_loc mem = esc_loc_new(fn->ef, ESC_LOC_VAR, NULL, fe_stmt_pos(c), 0);
        result_from(fn, c, mem, -1);
        return;
    }
    case BUILT_IN_APPLY_ARGS:
        /* a block holding the function's own arguments, unnamed: every
         * parameter escapes, the block is an unknown pointer */
        for (tree p = DECL_ARGUMENTS(fn->decl); p; p = DECL_CHAIN(p))
            if (esc_loc *l = fn->u->params->get(p))
                escape_loc(fn, c, *l, "forwarded arguments");
        result_unknown(fn, c);
        return;
    case BUILT_IN_APPLY:
        /* an unknown call: the function, the arguments block (and what it
         * holds) escape, the result block is unknown */
        for (unsigned i = 0; i < gimple_call_num_args(c); i++)
            escape_loc(fn, c, arg_loc(fn, c, i), "__builtin_apply");
        result_unknown(fn, c);
        return;
    case BUILT_IN_RETURN: {
        /* returns what the block holds without naming it: the block and what
         * it points to escape, the function's result is unknown (not closed) */
        escape_loc(fn, c, arg_loc(fn, c, 0), "__builtin_return");
        esc_flow(fn->ef, fn->result, fe_heap(fn), 0, fe_stmt_pos(c), "__builtin_return");
        return;
    }
    default:
        model_builtin_flags(fn, c);
        return;
    }
}

/* ---- internal functions ------------------------------------------------------ */

static void model_internal(fe_fn *fn, gcall *c)
{
    unsigned n = gimple_call_num_args(c);
    switch (gimple_call_internal_fn(c)) {
    case IFN_ASAN_MARK: case IFN_ASAN_CHECK: case IFN_ASAN_POISON:
    case IFN_ASAN_POISON_USE: case IFN_HWASAN_MARK: case IFN_HWASAN_CHECK:
    case IFN_UBSAN_NULL: case IFN_UBSAN_BOUNDS: case IFN_UBSAN_VPTR:
    case IFN_UBSAN_PTR: case IFN_UBSAN_OBJECT_SIZE: case IFN_DEFERRED_INIT:
    case IFN_FALLTHROUGH: case IFN_ABNORMAL_DISPATCHER: case IFN_ANNOTATE:
    case IFN_TSAN_FUNC_EXIT:
        return;                                 /* checks: keep nothing */
    case IFN_VA_ARG:
        /* VA_ARG (ap, ...): ap points to the va_list record, which points to
         * the argument save areas: the value is ap [2]; and, as the level is
         * the target's ABI's business, also unknown */
        result_from(fn, c, arg_loc(fn, c, 0), 2);
        result_unknown(fn, c);
        return;
    case IFN_BUILTIN_EXPECT: case IFN_UBSAN_CHECK_ADD: case IFN_UBSAN_CHECK_SUB:
    case IFN_UBSAN_CHECK_MUL: case IFN_ADD_OVERFLOW: case IFN_SUB_OVERFLOW:
    case IFN_MUL_OVERFLOW: case IFN_DIVMOD:
        for (unsigned i = 0; i < n; i++)          /* arithmetic on the arguments */
            result_from(fn, c, arg_loc(fn, c, i), 0);
        return;
    default:
        for (unsigned i = 0; i < n; i++)
            escape_loc(fn, c, arg_loc(fn, c, i), "internal call");
        result_unknown(fn, c);
        return;
    }
}

/* ---- calls to functions ------------------------------------------------------ */

static void direct_call(fe_fn *fn, gcall *c, tree fndecl)
{
    expose_aggregate_args(fn, c);
    esc_func *callee = fe_func_for(fn->u, fndecl, gimple_call_fntype(c));
    /* A weak alias (or another body GCC may replace) of a function defined here:
     * the call is unknown code's, which may be that body; like an address-taken
     * function, the body is reachable from unknown code (the frame budget). */
    if (cgraph_node *node = cgraph_node::get(fndecl))
        if (cgraph_node *t = node->ultimate_alias_target())
            if (esc_func **g = fn->u->funcs->get(t->decl))
                if (*g != callee)
                    esc_func_address_taken(*g);
    unsigned n = gimple_call_num_args(c);
    auto_vec<esc_loc, 8> args;
    for (unsigned i = 0; i < n; i++)
        args.safe_push(arg_loc(fn, c, i));
    tree lhs = gimple_call_lhs(c);
    esc_loc res = ESC_NOLOC;
    if (lhs)
        res = TREE_CODE(lhs) == SSA_NAME ? fe_ssa_loc(fn, lhs) : fe_temp(fn, c, NULL);
    int id = esc_call_at(fn->ef, callee, n ? args.address() : NULL, (int)n, res,
                         fe_stmt_pos(c), fe_site_depth(fn, gimple_bb(c)));
    fe_callrec k = { c, fn->decl, fndecl, id };   /* maps it may make for us (rewrite.cc) */
    fn->u->calls.safe_push(k);
    if (lhs && TREE_CODE(lhs) != SSA_NAME)
        result_from(fn, c, res, 0);
}

static void indirect_call(fe_fn *fn, gcall *c)
{
    expose_aggregate_args(fn, c);
    unsigned n = gimple_call_num_args(c);
    auto_vec<bool, 16> noescape;
    noescape.safe_grow(n, true);
    fe_call_promises(fn->u, c, n, noescape.address());
    call_fe x = { fn, c };
    esc_callsite cs = callsite(&x);
    tree f = gimple_call_fn(c);         /* -m=2: through a named pointer variable */
    tree v = f && TREE_CODE(f) == SSA_NAME ? SSA_NAME_VAR(f) : f;
    if (f && TREE_CODE(f) == SSA_NAME && !v) {      /* _1 = gcb; _1 (m): the variable read */
        gimple *d = SSA_NAME_DEF_STMT(f);
        if (d && gimple_assign_single_p(d))
            v = gimple_assign_rhs1(d);
    }
    cs.name = v && (TREE_CODE(v) == VAR_DECL || TREE_CODE(v) == PARM_DECL) && DECL_NAME(v)
              && !DECL_ARTIFICIAL(v) ? IDENTIFIER_POINTER(DECL_NAME(v)) : NULL;
    esc_indirect_call(&cs, noescape.address());
}

void fe_call(fe_fn *fn, gcall *c)
{
    escape_chain(fn, c);
    if (gimple_call_internal_p(c)) {
        model_internal(fn, c);
        return;
    }
    tree fndecl = gimple_call_fndecl(c);
    if (!fndecl) {
        indirect_call(fn, c);
        return;
    }
    if (model_gomap(fn, c, fndecl))
        return;
    /* A builtin unless the unit has the program's own body for it: GCC keeps
     * builtin status for a user's definition of the same name and type (a
     * program's strdup, which POSIX names but C17 does not reserve), and that body
     * may keep anything.  (A prototype alone is GCC's builtin: GCC itself folds
     * and optimises such calls as the library function.) */
    if (gimple_call_builtin_p(c, BUILT_IN_NORMAL) && !own_body(fndecl)) {
        model_builtin(fn, c, fndecl);
        return;
    }
    if (library_decl(fndecl) && model_libc(fn, c, fndecl))
        return;             /* -fno-builtin, or a library function GCC has no flags for */
    direct_call(fn, c, fndecl);
}
