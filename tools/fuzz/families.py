"""families.py - the idiom families of tools/fuzz/gen.py beyond its classic producers.

Each family writes one block: a static "maker" helper makes a map, fills it, and hands
the handle on through the family's idiom. In an *out* variant the idiom takes the map
out of the maker's frame (into a global or into memory of the caller) and the caller
rebuilds the handle after the maker returned, uses it and frees it; in a *local* variant
the idiom stays inside the maker, which uses and frees the map itself. So a plugin that
puts an out variant's map on the stack is caught by ASan's stack-use-after-return, and
the local variants keep the stack placement reachable.

  swap      holders and swap helpers: `p->a->m` <-> `p->b->m`, `q->y->a = q->x->b`,
            `*v[0] = *v[1]`, `*r.dst = *r.src` (struct by value), an entry moved between
            two sub-maps of a map of maps
  iterjob   `struct job { gomap_iter *it; gomap **mp; }`, gomap_iter_init(j->it, *j->mp)
  byteview  the handle's bytes in non-pointer data (char views, `(*)[N]` arrays, a
            may_alias struct, a byte pointer carried in a struct, uint16_t pieces, a
            permutation table, bits through if / ?: / switch, lengths of side maps,
            memcpy to uint64_t, directly or through a pointer to it; each byte learnt
            from memccpy's result or from a lookup, insert or delete of the byte in a
            map keyed by unsigned char), rebuilt later (PNVI-ae-udi: the bytes were
            exposed)
  forward   __builtin_apply_args / __builtin_apply / __builtin_return forwarding; and
            (retmap) a map handed back by __builtin_return from a helper whose return
            statement names a map of another key size (the specialised calls' key kind);
            (asmentry) a static helper also entered from a top-level asm label (x86-64)
            with a map of another key size than its C callers'
  inline    a C99 `inline` or gnu_inline definition in main.c keeping nothing, the
            external definition in ext.c keeping the map (built with -fno-inline)
  noescape  ext.c definitions of noescape prototypes, compiled with the plugin, that
            keep their promise (neither the pointer nor what it points to)
  valist    variadic helpers: va_arg results kept in a global, a va_list passed on
            (va_copy), vsnprintf
  libname   the program's own strdup keeping its argument
  printfhook  %s replaced (register_printf_specifier) by a handler keeping the pointer
  rawout    a helper hands the map it made to its caller as an integer's bytes (memcpy,
            a typed store of bytes copied to a local, a union), or moves the caller's
            map's bytes inside the caller's struct; the caller keeps the integer or
            turns it back into the map
  ctorinner a helper hands its caller a map of its own holding a second map it made,
            or a value slot of one, or of itself; the caller reads it back out
  fnpromise a call through a pointer whose parameter is noescape: the callee points
            the caller's box at a global, or reads the handle's bytes as an integer
  databytes a local pointer aimed at a local gets a global's address (out) or another
            local's written as data (a union's integer, memcpy from an integer array,
            byte by byte, a may_alias integer store, memset, snprintf; in a callee's
            result or a map-making helper's out-parameter), or is rebuilt from an integer
            holding copied bytes (a conversion, a PHI), or is read through a may_alias
            view of an integer field; the maker stores its map through it
  renamed   a call through a declaration naming another function's symbol: an asm
            label, or an ifunc whose resolver returns the implementation, which keeps
            the map in a global (out) or only reads it (local)
  composite a call through a pointer whose type promises noescape only by C's type
            rules: `(c ? keep : look)(m)` (a conditional's composite type merges the
            attribute of look's parameter), `(*(ne_fn *)&plain)(m)` (a variable
            declared without it read through a cast); keep keeps the map (out), or
            only reads it (local)
  frames    a maker that runs again inside itself through a route the call graph does
            not show (a qsort or bsearch comparator, a volatile function pointer, a weak
            alias, a fopencookie write function, a printf conversion of its own), or an
            always_inline filler inlined into a recursive function; the program is
            compiled with recursive-frame-limit=0, so every map of such a function must
            be on the heap: the maker asks the runtime (gomap_debug_info) and prints a
            line when its header was given (out). local: the route reaches another
            function, which makes a map of its own
  keyview   the map runtime hashes and compares a key's bytes, so a key read is typed
            only at the address of a declared object of the key's type: the maker
            learns its own handle's bytes from key reads of views into it, (1) given
            to a noinline helper (or a chain of two) whose parameter is a pointer to
            the key type, which looks them up, assigns or deletes them in a side map
            (results, presence or lengths tell the bytes), or used in the maker
            itself; (2) an iterator's key slot of a map keyed by handles (`gomap *`,
            a struct holding one) used as the key of maps of other key types (at
            offsets into the slot, or keys growing a byte at a time); (3) keys of
            side maps of unknown type (a global, a volatile pointer): `&s.k` of a
            struct holding the handle, a gostring whose ptr is the handle (also by
            value through the faststr entry points), `&m` itself.  out: the bytes go
            to a global, the caller rebuilds the handle after the maker returned;
            local: the same lookups of keys holding no pointer (a declared key, a
            view into data, a slot looked up in a map of its own key type)
  keyptr    a lookup and a delete through a key pointer that may not be read while
            the map is empty (NULL, memory since freed), in a helper given the
            maker's fresh map, and of an undefined weak object (address NULL) or an
            object smaller than the key: the generic calls do not read the key of an
            empty map, so a specialised call must not read it first (local only)
"""

FAMILIES = ["swap", "iterjob", "byteview", "forward", "inline", "noescape", "valist",
            "libname", "printfhook", "rawout", "ctorinner", "fnpromise", "databytes",
            "renamed", "composite", "frames", "keyview", "keyptr"]
FAMILY_WEIGHTS = [3, 2, 5, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]
NEW_SHARE = 0.35        # share of blocks from these families in the default distribution
MM = "GOMAP_TYPE(int, gomap *)"
PB = "sizeof(gomap *)"

DECLS = {
    # a map made on given storage counts in gomap_memstats.stack_maps; the handle is not
    # handed to anything (an unknown call would make it escape, checking nothing)
    "frames": ["static unsigned long long rc_stack_maps(void)",
               "{", "    gomap_memstats st;", "    gomap_read_memstats(&st);",
               "    return st.stack_maps;", "}",
               "static void rc_check(unsigned long long before, const char *who)",
               "{", "    if (rc_stack_maps() != before)",
               '        printf("frames: %s holds a map in its frame although it recurses\\n", who);',
               "}"],
    "composite": ["static volatile int cp_true = 1;   /* keep runs, unknown to the compiler */"],
    "stdarg": ["#include <stdarg.h>"],
    "libname": ["static const char *lib_kept;", "char *strdup(const char *s)",
                "{", "    lib_kept = s;", "    char *r = malloc(1);", "    if (r) r[0] = 0;",
                "    return r;", "}"],
    "printfhook": ["#include <printf.h>", "static const void *hook_kept;",
                   "static int hook_s(FILE *f, const struct printf_info *info,",
                   "                  const void *const *args)",
                   "{", "    (void)info;", "    hook_kept = *(const void *const *)args[0];",
                   "    return fprintf(f, \"<obj>\");", "}",
                   "static int hook_info(const struct printf_info *info, size_t n, int *types,",
                   "                     int *size)",
                   "{", "    (void)info;", "    (void)size;", "    if (n > 0) types[0] = PA_POINTER;",
                   "    return 1;", "}",
                   "__attribute__((constructor)) static void hook_init(void)",
                   "{", "    register_printf_specifier('s', hook_s, hook_info);", "}"],
    "holder": ["struct holder { gomap *m; };", "struct pair { struct holder *a, *b; };",
               "struct quad { struct pair *x, *y; };"],
    "route": ["struct route { gomap **dst, **src; };"],
    "rawbox": ["struct rawbox { gomap *m; uintptr_t u; };"],
    "rawpun": ["union rawpun { gomap *p; uintptr_t u; };"],
    "fnpromise": ["struct pbox { gomap **slot; };", "static const void *pf_kept;",
                  "static gomap *pf_slot;",
                  "static void pf_fill(struct pbox *b __attribute__((noescape)))",
                  "{", "    b->slot = &pf_slot;", "}",
                  "static uintptr_t pf_read(const uintptr_t *p __attribute__((noescape)))",
                  "{", "    return *p;", "}",
                  "static void (*volatile PF_FILL)(struct pbox *b __attribute__((noescape))) = pf_fill;",
                  "static uintptr_t (*volatile PF_READ)(const uintptr_t *p __attribute__((noescape))) = pf_read;"],
    "job": ["struct job { gomap_iter *it; gomap **mp; };"],
    "databytes": ["typedef uintptr_t __attribute__((may_alias)) db_au;",
                  "typedef gomap **__attribute__((may_alias)) db_ap;",
                  "union dbpun { gomap **p; uintptr_t u; };", "static volatile int db_one = 1;"],
    "dbpick": ["__attribute__((noinline)) static gomap **db_pick(gomap **p, uintptr_t alt)",
               "{", "    if (alt) *(db_au *)&p = alt;", "    return p;", "}"],
    "keyview": (["#include <stddef.h>", "struct kv_b1 { unsigned char b; };", "struct kv_w2 { uint16_t w; };",
                 "struct kv_hk { gomap *m; };",
                 "struct kv_tag { uint16_t tag; uint16_t pad[3]; gomap *m; };",
                 "struct kv_dat { uint16_t tag; uint16_t pad[3]; uint64_t n; };"]
                + [f"struct kv{n} {{ unsigned char b[{n}]; }};" for n in range(1, 17)]
                + ["_Static_assert(sizeof(gomap *) == 8 && offsetof(struct kv_tag, m) == 8"
                   " && offsetof(struct kv_dat, n) == 8, \"keyview: 8-byte handles\");"]
                + ["/* SIDE = a map keyed by K holding every key whose bytes from SKIP on are",
                   "   PRE[0..J-1] then W more (0 elsewhere), each c -> c; LOOK, the int * of a",
                   "   read of the key under test in it, gives PRE[J..J+W-1] */"]
                + [l.ljust(75) + "\\" for l in [
                    "#define KV_GROW(K, SKIP, J, W, PRE, SIDE, LOOK)", "    do {",
                    "        made++;", "        SIDE = gomap_make(GOMAP_TYPE(K, int), 1 << (8 * (W)));",
                    "        for (int c_ = 0; c_ < 1 << (8 * (W)); c_++) {", "            K key_;",
                    "            memset(&key_, 0, sizeof key_);",
                    "            memcpy(key_.b + (SKIP), (PRE), (J));",
                    "            for (int w_ = 0; w_ < (W); w_++)",
                    "                key_.b[(SKIP) + (J) + w_] = (unsigned char)(c_ >> (8 * w_));",
                    "            *(int *)gomap_assign(SIDE, &key_) = c_;", "        }",
                    "        int *p_ = LOOK;", "        for (int w_ = 0; w_ < (W); w_++)",
                    "            (PRE)[(J) + w_] = p_ ? (unsigned char)(*p_ >> (8 * w_)) : 0;",
                    "        gomap_free(SIDE);"]] + ["    } while (0)"]),
    # side maps of unknown type: a global, one read through a volatile pointer
    "kv_side": ["static gomap *kv_side;"],
    "kv_vside": ["static gomap *volatile kv_vside;"],
    "kv_vp": ["static gomap *kv_box;", "static gomap **volatile kv_vp = &kv_box;"],
    "carry": ["struct carry { const unsigned char *p; size_t n; };"],
    "al16": ["struct __attribute__((may_alias)) al16 { uint16_t w[sizeof(gomap *) / 2]; };"],
    "perm": (["static const unsigned char perm[256] = {"]
             + ["    " + ", ".join(str((x * 167 + 13) & 255) for x in range(r, r + 16)) + ","
                for r in range(0, 256, 16)] + ["};", "static const unsigned char unperm[256] = {"]
             + ["    " + ", ".join(str(((y - 13) * 23) & 255) for y in range(r, r + 16)) + ","
                for r in range(0, 256, 16)] + ["};"]),
}

# byte views: the storage each keeps the handle's bytes in
VIEW_STORE = {
    "uchar": "unsigned char {s}[sizeof(gomap *)]", "char": "char {s}[sizeof(gomap *)]",
    "arr": "unsigned char {s}[sizeof(gomap *)]", "alias": "uint16_t {s}[sizeof(gomap *) / 2]",
    "carry": "unsigned char {s}[sizeof(gomap *)]", "piece": "uint16_t {s}[sizeof(gomap *) / 2]",
    "table": "unsigned char {s}[sizeof(gomap *)]",
    "bits_if": "unsigned char {s}[8 * sizeof(gomap *)]",
    "bits_cmp": "unsigned char {s}[8 * sizeof(gomap *)]",
    "bits_switch": "unsigned char {s}[8 * sizeof(gomap *)]",
    "sidemap": "gomap *{s}[sizeof(gomap *)]", "u64": "uint64_t {s}[1]", "u64copy": "uint64_t {s}[1]",
    "u64ptr": "uint64_t {s}[1]",
    "copy": "unsigned char {s}[sizeof(gomap *)]",
    # each byte learnt from a call's result: memccpy's, or a side map's keyed by
    # unsigned char (lookup, insert, delete hash and compare the key's bytes)
    "memccpy": "unsigned char {s}[sizeof(gomap *)]",
    "lookup": "unsigned char {s}[sizeof(gomap *)]",
    "insert": "unsigned char {s}[sizeof(gomap *)]",
    "delete": "unsigned char {s}[sizeof(gomap *)]",
}
VIEWS = list(VIEW_STORE)
BYTE_LOOP = "for (size_t i = 0; i < sizeof(gomap *); i++)"
BIT_LOOP = "for (size_t i = 0; i < 8 * sizeof(gomap *); i++)"


def ind(lines, n=1):
    return ["    " * n + l for l in lines]


class Families:
    """Mixed into gen.Gen: uses its random source, fresh names, helpers and ops."""

    def need_decl(self, name):
        if name not in self.decl_done:
            self.decl_done.add(name)
            self.decls += DECLS[name]

    def family_block(self, ty, fn, fam):
        return getattr(self, "f_" + fam)(ty, fn)

    def maker(self, proto, body):
        """The maker helper: mostly kept out of line, so that its frame really dies
        before the caller uses what it handed out (an inlined maker's map lives in
        the caller's frame)."""
        self.helper(proto, body, noinline=self.chance(0.85))

    def idiom(self, proto, body):
        """A helper carrying the idiom (swap, copy through a table, ...): out of line
        half of the time, so the analysis meets it as a callee with a summary."""
        self.helper(proto, body, noinline=self.chance(0.5))

    def maker_head(self, ty):
        return ([f"made++; gomap *m = {self.make(ty.desc)};"] + self.op_fill(ty, "m", False)
                + ["mix(gomap_len(m));"])

    def local_tail(self, ty, e):
        """The maker keeps the map: a few operations, then it frees it."""
        return self.ops(ty, e, False, 0, 2) + [f"gomap_free({e});"]

    def caller_tail(self, ty, fn, e):
        return self.use(ty, e, fn.kbuf) + self.free(e)

    def global_(self, decl):
        self.globals.append(f"static {decl};")

    # ---- 1. holders and swap helpers ----------------------------------------------------

    def f_swap(self, ty, fn):
        kind = self.pick(["swap", "cross", "readback", "table", "route", "mapmove"],
                         [3, 2, 2, 2, 2, 2])
        out = self.chance(0.6)
        self.variants.append(f"swap/{kind}-{'out' if out else 'local'}")
        return getattr(self, "swap_" + kind)(ty, fn, out)

    def swap_swap(self, ty, fn, out):
        self.need_decl("holder")
        sw, mk = self.fresh("swap_holders"), self.fresh(f"mk_swap_{ty.name}_")
        self.idiom(f"void {sw}(struct pair *p)",
                    ["gomap *t = p->a->m;", "p->a->m = p->b->m;", "p->b->m = t;"])
        first = self.chance(0.5)
        def pair(other):
            return f"struct pair p = {{ &h, {other} }};" if first else \
                   f"struct pair p = {{ {other}, &h }};"
        body = self.maker_head(ty) + ["struct holder h = { m };"]
        if not out:
            body += ["struct holder h2 = { NULL };", pair("&h2"), f"{sw}(&p);",
                     "mix(h.m == NULL);"] + self.local_tail(ty, "h2.m")
            self.maker(f"void {mk}(void)", body)
            return [f"{mk}();"]
        if self.chance(0.5):                  # a global holder
            g = self.fresh("GH")
            self.global_(f"struct holder {g}")
            self.maker(f"void {mk}(void)", body + [pair(f"&{g}"), f"{sw}(&p);",
                                                   "mix(h.m == NULL);"])
            e = self.fresh("e")
            return ([f"{mk}();", f"gomap *{e} = {g}.m;", f"{g}.m = NULL;"]
                    + self.caller_tail(ty, fn, e))
        o = self.fresh("ho")                  # the caller's holder
        self.maker(f"void {mk}(struct holder *out)", body + [pair("out"), f"{sw}(&p);",
                                                               "mix(h.m == NULL);"])
        return ([f"struct holder {o} = {{ NULL }};", f"{mk}(&{o});"]
                + self.caller_tail(ty, fn, f"{o}.m"))

    def swap_cross(self, ty, fn, out):
        """q->y->a = q->x->b redirects a local pair to another holder, then m is
        stored through it."""
        self.need_decl("holder")
        cr, mk = self.fresh("cross"), self.fresh(f"mk_cross_{ty.name}_")
        self.idiom(f"void {cr}(struct quad *q)", ["q->y->a = q->x->b;"])
        body = self.maker_head(ty) + ["struct holder h = { NULL };",
                                      "struct pair lp = { &h, NULL };"]
        if not out:
            body += ["struct holder h2 = { NULL };", "struct pair src = { NULL, &h2 };",
                     "struct quad q = { &src, &lp };", f"{cr}(&q);", "lp.a->m = m;",
                     "mix(h.m == NULL);"] + self.local_tail(ty, "h2.m")
            self.maker(f"void {mk}(void)", body)
            return [f"{mk}();"]
        g, gp = self.fresh("GH"), self.fresh("GP")
        self.global_(f"struct holder {g}")
        self.global_(f"struct pair {gp} = {{ NULL, &{g} }}")
        self.maker(f"void {mk}(void)", body + [f"struct quad q = {{ &{gp}, &lp }};",
                                               f"{cr}(&q);", "lp.a->m = m;",
                                               "mix(h.m == NULL);"])
        e = self.fresh("e")
        return ([f"{mk}();", f"gomap *{e} = {g}.m;", f"{g}.m = NULL;"]
                + self.caller_tail(ty, fn, e))

    def swap_readback(self, ty, fn, out):
        """q->y->a = q->x->b copies a pointer to the maker's holder into a second pair;
        the map is read back through it and stored."""
        self.need_decl("holder")
        cr, mk = self.fresh("cross"), self.fresh(f"mk_readback_{ty.name}_")
        self.idiom(f"void {cr}(struct quad *q)", ["q->y->a = q->x->b;"])
        body = self.maker_head(ty) + ["struct holder h = { m };",
                                      "struct pair pa = { NULL, &h }, pb = { NULL, NULL };",
                                      "struct quad q = { &pa, &pb };", f"{cr}(&q);"]
        if not out:
            self.maker(f"void {mk}(void)", body + ["gomap *r = pb.a->m;"]
                        + self.local_tail(ty, "r"))
            return [f"{mk}();"]
        g = self.fresh("GH")
        self.global_(f"struct holder {g}")
        self.maker(f"void {mk}(void)", body + [f"{g}.m = pb.a->m;"])
        e = self.fresh("e")
        return ([f"{mk}();", f"gomap *{e} = {g}.m;", f"{g}.m = NULL;"]
                + self.caller_tail(ty, fn, e))

    def swap_table(self, ty, fn, out):
        tb, mk = self.fresh("copy_slot"), self.fresh(f"mk_table_{ty.name}_")
        inline = self.chance(0.25)            # the same statement in the maker itself
        if not inline:
            self.idiom(f"void {tb}(gomap **v[])", ["*v[0] = *v[1];"])
        call = "*v[0] = *v[1];" if inline else f"{tb}(v);"
        body = self.maker_head(ty)
        if not out:
            self.maker(f"void {mk}(void)", body + ["gomap *loc = NULL;",
                                                   "gomap **v[2] = { &loc, &m };", call]
                        + self.local_tail(ty, "loc"))
            return [f"{mk}();"]
        g = self.fresh("GT")
        self.global_(f"gomap *{g}")
        self.maker(f"void {mk}(void)", body + [f"gomap **v[2] = {{ &{g}, &m }};", call])
        e = self.fresh("e")
        return [f"{mk}();", f"gomap *{e} = {g};", f"{g} = NULL;"] + self.caller_tail(ty, fn, e)

    def swap_route(self, ty, fn, out):
        self.need_decl("route")
        mv, mk = self.fresh("route"), self.fresh(f"mk_route_{ty.name}_")
        self.idiom(f"void {mv}(struct route r)", ["*r.dst = *r.src;"])
        body = self.maker_head(ty)
        if not out:
            self.maker(f"void {mk}(void)", body + ["gomap *loc = NULL;",
                                                   "struct route r = { &loc, &m };",
                                                   f"{mv}(r);"] + self.local_tail(ty, "loc"))
            return [f"{mk}();"]
        if self.chance(0.5):
            g = self.fresh("GT")
            self.global_(f"gomap *{g}")
            self.maker(f"void {mk}(void)", body + [f"struct route r = {{ &{g}, &m }};",
                                                   f"{mv}(r);"])
            e = self.fresh("e")
            return ([f"{mk}();", f"gomap *{e} = {g};", f"{g} = NULL;"]
                    + self.caller_tail(ty, fn, e))
        e = self.fresh("e")
        self.maker(f"void {mk}(gomap **out)", body + ["struct route r = { out, &m };",
                                                      f"{mv}(r);"])
        return [f"gomap *{e} = NULL;", f"{mk}(&{e});"] + self.caller_tail(ty, fn, e)

    def swap_mapmove(self, ty, fn, out):
        """An entry moved between two sub-maps of a map of maps; the second sub-map is
        a global map (out) or the maker's own."""
        mv, mk = self.fresh("move_entry"), self.fresh(f"mk_move_{ty.name}_")
        self.idiom(f"void {mv}(gomap *outer, int from, int to, int k)",
                    ["gomap *a = *(gomap **)gomap_access(outer, &from);",
                     "gomap *b = *(gomap **)gomap_access(outer, &to);",
                     "gomap **src = gomap_access(a, &k);",
                     "*(gomap **)gomap_assign(b, &k) = *src;", "gomap_delete(a, &k);"])
        k = self.r.randint(0, 99)
        body = self.maker_head(ty) + [
            f"made++; gomap *outer = {self.make(MM)};", f"made++; gomap *s1 = {self.make(MM)};",
            f"int k = {k}, one = 1, two = 2;", "*(gomap **)gomap_assign(s1, &k) = m;",
            "*(gomap **)gomap_assign(outer, &one) = s1;"]
        if not out:
            body += [f"made++; gomap *s2 = {self.make(MM)};",
                     "*(gomap **)gomap_assign(outer, &two) = s2;", f"{mv}(outer, 1, 2, k);",
                     "mix(gomap_len(s1) * 3 + gomap_len(s2));",
                     "gomap *r = *(gomap **)gomap_access(s2, &k);"]
            body += self.local_tail(ty, "r") + ["gomap_free(s2);", "gomap_free(s1);",
                                                "gomap_free(outer);"]
            self.maker(f"void {mk}(void)", body)
            return [f"{mk}();"]
        g = self.fresh("GS")
        self.global_(f"gomap *{g}")
        body += [f"*(gomap **)gomap_assign(outer, &two) = {g};", f"{mv}(outer, 1, 2, k);",
                 "mix(gomap_len(s1));", "gomap_free(s1);", "gomap_free(outer);"]
        self.maker(f"void {mk}(void)", body)
        e = self.fresh("e")
        return ([f"made++; {g} = {self.make(MM)};", f"{mk}();",
                 f"gomap *{e} = *(gomap **)gomap_access({g}, &(int){{ {k} }});",
                 f"gomap_free({g});", f"{g} = NULL;"] + self.caller_tail(ty, fn, e))

    # ---- 2. iterators in structs ----------------------------------------------------------

    def f_iterjob(self, ty, fn):
        self.need_decl("job")
        byval = self.chance(0.4)
        st = self.fresh("start_job")
        if byval:
            self.idiom(f"void {st}(struct job j)", ["gomap_iter_init(j.it, *j.mp);"])
        else:
            self.idiom(f"void {st}(struct job *j)", ["gomap_iter_init(j->it, *j->mp);"])
        call = f"{st}(j);" if byval else f"{st}(&j);"
        where = self.pick(["local", "global", "caller"], [2, 2, 1])
        self.variants.append(f"iterjob/{where}{'-byval' if byval else ''}")
        mk = self.fresh(f"mk_job_{where}_{ty.name}_")
        body = self.maker_head(ty)
        if where == "local":
            body += ["gomap_iter it;", "struct job j = { &it, &m };", call]
            body += ["{"] + ind(self.drain(ty, "it")) + ["}"] + self.local_tail(ty, "m")
            self.maker(f"void {mk}(void)", body)
            return [f"{mk}();"]
        e = self.fresh("e")
        if where == "global":
            it = self.fresh("GI")
            self.global_(f"gomap_iter {it}")
            self.maker(f"void {mk}(void)", body + [f"struct job j = {{ &{it}, &m }};", call])
            pre = [f"{mk}();"]
        else:
            it = self.fresh("it")
            self.maker(f"void {mk}(gomap_iter *it)", body + ["struct job j = { it, &m };",
                                                              call])
            pre = [f"gomap_iter {it};", f"{mk}(&{it});"]
        # it.h is the map (filled: never empty) until the iteration reaches its end
        return (pre + [f"gomap *{e} = {it}.h;", "{"] + ind(self.drain(ty, it)) + ["}"]
                + self.caller_tail(ty, fn, e))

    def drain(self, ty, it):
        """Runs an initialised iterator to its end: an order-independent sum."""
        return ["void *k, *v;", "unsigned long long s = 0, c = 0;",
                f"while (gomap_iter_next(&{it}, &k, &v)) {{",
                f"    s += {ty.hashk('k')} * 31 + {ty.read('v')};", "    c++;", "}",
                "mix(s);", "mix(c);"]

    # ---- 3. byte views -----------------------------------------------------------------

    def f_byteview(self, ty, fn):
        view = self.pick(VIEWS)
        out = self.chance(0.65) and view != "copy"
        self.variants.append(f"byteview/{view}-{'out' if out else 'local'}")
        mk = self.fresh(f"mk_bytes_{view}_{ty.name}_")
        s = self.fresh("BV")
        store = VIEW_STORE[view].format(s=s)
        body = self.maker_head(ty)
        if out and view == "u64ptr":         # the word returned from the maker's own local
            e = self.fresh("e")
            body += [store + ";"] + self.encode(view, s) + [f"const uint64_t *rp = {s};",
                                                            "return rp[0];"]
            self.maker(f"uint64_t {mk}(void)", body)
            return ([f"gomap *{e} = (gomap *)(uintptr_t){mk}();"]
                    + self.caller_tail(ty, fn, e))
        if out:
            self.global_(store)
        else:
            body.append(store + ";")
        self.xor = self.r.randint(1, 255) if view == "uchar" else 0
        body += self.encode(view, s)
        if not out:
            body += self.decode(view, s, "r") + self.local_tail(ty, "r")
            self.maker(f"void {mk}(void)", body)
            return [f"{mk}();"]
        self.maker(f"void {mk}(void)", body)
        e = self.fresh("e")
        if self.chance(0.3):                 # rebuilt by a helper
            rb = self.fresh("rebuild")
            self.helper(f"gomap *{rb}(void)", self.decode(view, s, "r") + ["return r;"])
            return [f"{mk}();", f"gomap *{e} = {rb}();"] + self.caller_tail(ty, fn, e)
        return [f"{mk}();"] + self.decode(view, s, e) + self.caller_tail(ty, fn, e)

    def encode(self, view, s):
        """Lines of the maker that write the bytes of m into s."""
        b = ["const unsigned char *b = (const unsigned char *)&m;"]
        if view in ("uchar", "copy"):
            return b + [BYTE_LOOP, f"    {s}[i] = (unsigned char)(b[i] ^ {self.xor});"]
        if view == "char":
            return ["const char *cb = (const char *)&m;", BYTE_LOOP, f"    {s}[i] = cb[i];"]
        if view == "arr":
            f = self.fresh("put_arr")
            self.idiom(f"void {f}(unsigned char *dst, const unsigned char (*a)[sizeof(gomap *)])",
                        [BYTE_LOOP, "    dst[i] = (*a)[i];"])
            return [f"{f}({s}, (const unsigned char (*)[sizeof(gomap *)])&m);"]
        if view == "alias":
            self.need_decl("al16")
            f = self.fresh("put_words")
            self.idiom(f"void {f}(uint16_t *dst, const struct al16 *a)",
                        ["for (size_t i = 0; i < sizeof(gomap *) / 2; i++)",
                         "    dst[i] = a->w[i];"])
            return [f"{f}({s}, (const struct al16 *)&m);"]
        if view == "carry":
            self.need_decl("carry")
            f = self.fresh("put_carried")
            self.idiom(f"void {f}(unsigned char *dst, struct carry *c)",
                        ["for (size_t i = 0; i < c->n; i++)", "    dst[i] = c->p[i];"])
            return [f"struct carry c = {{ (const unsigned char *)&m, sizeof m }};", f"{f}({s}, &c);"]
        if view == "piece":
            f = self.fresh("piece")
            self.idiom(f"uint16_t {f}(const void *p, size_t i)",
                        ["uint16_t r;", "memcpy(&r, (const char *)p + 2 * i, sizeof r);",
                         "return r;"])
            return ["for (size_t i = 0; i < sizeof(gomap *) / 2; i++)",
                    f"    {s}[i] = {f}(&m, i);"]
        if view == "table":
            self.need_decl("perm")
            return b + [BYTE_LOOP, f"    {s}[i] = perm[b[i]];"]
        bit = "(b[i / 8] >> (i % 8)) & 1"
        if view == "bits_if":
            return b + [BIT_LOOP + " {", f"    if ({bit})", f"        {s}[i] = 1;", "    else",
                        f"        {s}[i] = 0;", "}"]
        if view == "bits_cmp":
            return b + [BIT_LOOP, f"    {s}[i] = ({bit}) == 1 ? 1 : 0;"]
        if view == "bits_switch":
            return b + [BIT_LOOP + " {", f"    switch ({bit}) {{",
                        f"    case 0: {s}[i] = 0; break;", f"    default: {s}[i] = 1; break;",
                        "    }", "}"]
        if view == "sidemap":                # byte i = the length of side map i
            return b + [BYTE_LOOP + " {", f"    made++; {s}[i] = gomap_make(GOMAP_TYPE(int, int), 0);",
                        "    for (int j = 0; j < b[i]; j++)",
                        f"        *(int *)gomap_assign({s}[i], &j) = j;", "}"]
        if view == "memccpy":
            return [BYTE_LOOP, "    for (int c = 0; c < 256; c++) {", "        unsigned char d[1];",
                    "        if (memccpy(d, (const unsigned char *)&m + i, c, 1)) {",
                    f"            {s}[i] = (unsigned char)c;", "            break;", "        }",
                    "    }"]
        if view in ("lookup", "insert"):
            call = "gomap_access" if view == "lookup" else "gomap_assign"
            return ["made++; gomap *side = gomap_make(GOMAP_TYPE(unsigned char, int), 256);",
                    "for (int c = 0; c < 256; c++)",
                    "    *(int *)gomap_assign(side, &(unsigned char){(unsigned char)c}) = c;",
                    BYTE_LOOP,
                    f"    {s}[i] = (unsigned char)*(int *){call}(side, (const unsigned char *)&m + i);",
                    "gomap_free(side);"]
        if view == "delete":
            return [BYTE_LOOP, "    for (int c = 0; c < 256; c++) {",
                    "        made++; gomap *probe = gomap_make(GOMAP_TYPE(unsigned char, int), 0);",
                    "        *(int *)gomap_assign(probe, &(unsigned char){(unsigned char)c}) = c;",
                    "        bool hit = gomap_delete(probe, (const unsigned char *)&m + i);",
                    "        gomap_free(probe);",
                    "        if (hit) {", f"            {s}[i] = (unsigned char)c;", "            break;",
                    "        }", "    }"]
        if view == "u64":
            return ["uint64_t w = 0;", "memcpy(&w, &m, sizeof m);", f"{s}[0] = w;"]
        if view == "u64ptr":                 # through a pointer: raw once the store resolves
            return [f"uint64_t *wp = {s};", "memcpy(wp, &m, sizeof m);"]
        return [f"memcpy(&{s}[0], &m, sizeof m);"]          # u64copy

    def decode(self, view, s, e):
        """Lines declaring gomap *e rebuilt from s."""
        if view in ("u64", "u64copy"):
            return [f"gomap *{e} = (gomap *)(uintptr_t){s}[0];"]
        if view == "u64ptr":                 # a typed read through a pointer
            return [f"gomap *{e};", "{", f"    const uint64_t *rp = {s};",
                    f"    {e} = (gomap *)(uintptr_t)rp[0];", "}"]
        if view == "bits_if":
            return [f"gomap *{e};", "{", "    uintptr_t u = 0;"] + ind([
                BIT_LOOP, f"    if ({s}[i])", "        u |= (uintptr_t)1 << i;",
                f"{e} = (gomap *)u;"]) + ["}"]
        t = ["unsigned char t[sizeof(gomap *)];"]
        if view in ("uchar", "copy"):
            t += [BYTE_LOOP, f"    t[i] = (unsigned char)({s}[i] ^ {self.xor});"]
        elif view in ("char", "arr", "carry", "memccpy", "lookup", "insert", "delete"):
            t += [BYTE_LOOP, f"    t[i] = (unsigned char){s}[i];"]
        elif view in ("alias", "piece"):
            t = ["uint16_t t[sizeof(gomap *) / 2];",
                 "for (size_t i = 0; i < sizeof(gomap *) / 2; i++)", f"    t[i] = {s}[i];"]
        elif view == "table":
            t += [BYTE_LOOP, f"    t[i] = unperm[{s}[i]];"]
        elif view == "bits_cmp":
            t += ["memset(t, 0, sizeof t);", BIT_LOOP,
                  f"    t[i / 8] |= (unsigned char)(({s}[i] == 1) << (i % 8));"]
        elif view == "bits_switch":
            t += ["memset(t, 0, sizeof t);", BIT_LOOP + " {", f"    switch ({s}[i]) {{",
                  "    case 1: t[i / 8] |= (unsigned char)(1u << (i % 8)); break;",
                  "    default: break;", "    }", "}"]
        elif view == "sidemap":
            t += [BYTE_LOOP + " {", f"    t[i] = (unsigned char)gomap_len({s}[i]);",
                  f"    gomap_free({s}[i]);", f"    {s}[i] = NULL;", "}"]
        return [f"gomap *{e};", "{"] + ind(t + [f"memcpy(&{e}, t, sizeof {e});"]) + ["}"]

    # ---- 4. __builtin_apply forwarding ----------------------------------------------------

    def f_forward(self, ty, fn):
        if self.chance(0.15):
            return self.forward_asmentry()
        if self.chance(0.3):
            return self.forward_retmap(ty)
        out = self.chance(0.6)
        self.variants.append(f"forward/{'out' if out else 'local'}")
        cal, fw = self.fresh("callee"), self.fresh("forward")
        mk = self.fresh(f"mk_fwd_{ty.name}_")
        g = self.fresh("GF")
        if out:
            self.global_(f"gomap *{g}")
            self.helper(f"void {cal}(gomap *m, int n)", [f"{g} = m;", "mix((unsigned)n);"])
        else:
            self.helper(f"void {cal}(gomap *m, int n)", ["mix(gomap_len(m) + (unsigned)n);"])
        self.protos.append(f"__attribute__((noinline)) static void {fw}(gomap *m, int n);")
        self.defs += [f"static void {fw}(gomap *m, int n)", "{", "    (void)m;", "    (void)n;",
                      "    void *args = __builtin_apply_args();",
                      f"    void *ret = __builtin_apply((void (*)()){cal}, args, 64);",
                      "    __builtin_return(ret);", "}", ""]
        body = self.maker_head(ty) + [f"{fw}(m, {self.r.randint(0, 9)});"]
        return self.kept_in(ty, fn, mk, body, g, out)

    def forward_asmentry(self):
        """A static helper C calls with a map of 4-byte keys and a top-level asm label
        enters (x86-64 `jmp`) with a map of 8-byte keys: its map calls may not be
        specialised from its C callers alone."""
        self.variants.append("forward/asmentry-local")
        h, via, mk = self.fresh("asm_entered"), self.fresh("via_asm"), self.fresh("mk_asm_")
        self.globals.append(f'__asm__("{via}: jmp {h}");')
        self.globals.append(f"void {via}(gomap *m);")
        self.protos.append(f"__attribute__((noinline, noclone)) static void {h}(gomap *m);")
        self.defs += [f"static void {h}(gomap *m)", "{",
                      f"    long long k = 0x100000001LL * {self.r.randint(1, 9)};",
                      "    *(int *)gomap_assign(m, &k) = 5;", "    int *v = gomap_access(m, &k);",
                      "    mix(gomap_len(m) * 7 + (v ? (unsigned)*v : 99u));", "}", ""]
        body = [f"made++; gomap *a = {self.make('GOMAP_TYPE(int, int)', 0)};", f"{h}(a);",
                f"made++; gomap *b = {self.make('GOMAP_TYPE(long long, int)', 0)};", f"{via}(b);",
                "long long one = 1;", "int *w = gomap_access(b, &one);",
                "mix(gomap_len(b) + (w ? (unsigned)*w : 0u));", "gomap_free(a);", "gomap_free(b);"]
        self.maker(f"void {mk}(void)", body)
        return [f"{mk}();"]

    def forward_retmap(self, ty):
        """A helper whose return statement returns a map of another key size, and which
        really hands back, through __builtin_return, the map of ty another function
        made: a map call specialised from the return statement alone would use the
        wrong key size.  The maker uses and frees the map (a heap map either way)."""
        self.variants.append("forward/retmap-local")
        alt = "GOMAP_TYPE(long, long)" if ty.k == "int" else "GOMAP_TYPE(int, int)"
        mkr, fr = self.fresh(f"mk_ret_{ty.name}_"), self.fresh("ret_forward")
        mk = self.fresh(f"mk_fwdret_{ty.name}_")
        self.helper(f"gomap *{mkr}(int n)", ["(void)n;", f"made++; return {self.make(ty.desc)};"])
        self.protos.append(f"__attribute__((noinline)) static gomap *{fr}(int n);")
        self.defs += [f"static gomap *{fr}(int n)", "{", "    if (n >= 0)",
                      f"        __builtin_return(__builtin_apply((void (*)()){mkr}, "
                      "__builtin_apply_args(), 64));",
                      f"    made++; return gomap_make({alt}, 0);", "}", ""]
        body = ([f"gomap *m = {fr}({self.r.randint(0, 9)});"] + self.op_fill(ty, "m", False)
                + ["mix(gomap_len(m));"] + self.local_tail(ty, "m"))
        self.maker(f"void {mk}(void)", body)
        return [f"{mk}();"]

    def f_keyptr(self, ty, fn):
        """gomap_access and gomap_delete through a key pointer on the maker's fresh, empty
        map: NULL, then a pointer to memory since freed (read, ASan reports it).  The
        generic calls do not read an empty map's key; a call specialised for the key
        kind reads it before the call unless it keeps the generic call."""
        self.variants.append("keyptr/local")
        lk, mk = self.fresh("kp_lookup"), self.fresh(f"mk_kp_{ty.name}_")
        self.helper(f"int {lk}(gomap *m, const {ty.k} *k)",
                    ["void *v = gomap_access(m, k);", "int d = gomap_delete(m, k);",
                     "return (v != NULL) * 2 + d;"], noinline=self.chance(0.5))
        wk = self.fresh("kp_weak")
        self.globals.append(f"extern {ty.k} {wk} __attribute__((weak));   /* defined nowhere */")
        small = {"long": "int", "struct pt": "int", "gostring": "long"}.get(ty.k, "char")
        body = ([f"made++; gomap *m = {self.make(ty.desc, 0)};", f"mix((unsigned){lk}(m, NULL));",
                 f"{ty.k} *gone = malloc(sizeof *gone);", "memset(gone, 0, sizeof *gone);",
                 "free(gone);", f"mix((unsigned){lk}(m, gone));",
                 # an object that may not exist, one smaller than the key: not read either
                 f"mix((unsigned)(gomap_access(m, &{wk}) != NULL) + (unsigned)gomap_delete(m, &{wk}));",
                 f"{small} small_k = 1;",
                 "mix((unsigned)(gomap_access(m, &small_k) != NULL) + (unsigned)gomap_delete(m, &small_k));"]
                + self.op_fill(ty, "m", False) + ["mix(gomap_len(m));"] + self.local_tail(ty, "m"))
        self.maker(f"void {mk}(void)", body)
        return [f"{mk}();"]

    # ---- 4b. code that keeps what it is given, whatever the C library says ---------------

    def kept_by(self, ty, fn, mk, body, kept, out):
        """The maker's body hands m to code that keeps it in the global `kept`: out, the
        caller takes the map from there; local, the maker forgets it and frees the map."""
        if not out:
            self.maker(f"void {mk}(void)", body + [f"{kept} = NULL;"] + self.local_tail(ty, "m"))
            return [f"{mk}();"]
        self.maker(f"void {mk}(void)", body)
        e = self.fresh("e")
        return ([f"{mk}();", f"gomap *{e} = (gomap *)(void *){kept};", f"{kept} = NULL;"]
                + self.caller_tail(ty, fn, e))

    def kept_in(self, ty, fn, mk, body, g, out):
        """The maker's body hands m to code that keeps it in the gomap * global g (out),
        from which the caller takes the map; or only reads it (local: the maker then
        uses and frees the map)."""
        if not out:
            self.maker(f"void {mk}(void)", body + self.local_tail(ty, "m"))
            return [f"{mk}();"]
        self.maker(f"void {mk}(void)", body)
        e = self.fresh("e")
        return [f"{mk}();", f"gomap *{e} = {g};", f"{g} = NULL;"] + self.caller_tail(ty, fn, e)

    def f_libname(self, ty, fn):
        """The program's own strdup (POSIX names it, C17 does not reserve it), defined in
        main.c, keeps its argument: a map handed to it as a string is kept, whatever the
        libc table says of the library's strdup."""
        out = self.chance(0.6)
        self.variants.append(f"libname/{'out' if out else 'local'}")
        self.need_decl("libname")
        mk = self.fresh(f"mk_lib_{ty.name}_")
        body = self.maker_head(ty) + ["free(strdup((const char *)m));"]
        return self.kept_by(ty, fn, mk, body, "lib_kept", out)

    def f_printfhook(self, ty, fn):
        """glibc's register_printf_specifier replaces %s (at start-up, in main.c) with a
        handler that keeps the pointer it prints: a map printed with %s is kept."""
        out = self.chance(0.6)
        self.variants.append(f"printfhook/{'out' if out else 'local'}")
        self.need_decl("printfhook")
        mk = self.fresh(f"mk_pf_{ty.name}_")
        # "[%s]": GCC folds printf("%s\n", s) into puts(s), which knows no handler
        body = self.maker_head(ty) + ['printf("[%s]\\n", (const char *)m);']
        return self.kept_by(ty, fn, mk, body, "hook_kept", out)

    # ---- 4c. a map maker's handle written as bytes into its caller's integer ------------

    def f_rawout(self, ty, fn):
        """A helper makes a map and memcpy's its handle into its caller's object, an
        integer or a struct's integer field (a helper whose map could be made in its
        caller's storage, core ctor.c); the caller reads the integer as data and keeps
        it, or turns it back into the map and frees it."""
        out, field = self.chance(0.6), self.chance(0.5)
        how = self.pick(["memcpy", "viacopy", "union", "selfmove"], [2, 1, 1, 1])
        if how == "selfmove":
            return self.rawout_selfmove(ty, fn, out)
        self.variants.append(f"rawout/{how}-{'field' if field else 'int'}-{'out' if out else 'local'}")
        fill = self.fresh(f"fill_raw_{ty.name}_")
        if how == "memcpy":
            hand = ["memcpy(dst, &m, sizeof m);"]
        elif how == "viacopy":   # the bytes in a local first, then a typed store
            hand = ["uintptr_t t[2];", "memcpy(&t[1], &m, sizeof m);", "*(uintptr_t *)dst = t[1];"]
        else:                    # no memcpy: a union written as a pointer, stored whole
            self.need_decl("rawpun")
            hand = ["union rawpun t;", "t.p = m;", "*(union rawpun *)dst = t;"]
        self.idiom(f"void {fill}(void *dst)", self.maker_head(ty) + hand)
        mk, x = self.fresh(f"mk_raw_{ty.name}_"), self.fresh("x")
        if field:
            self.need_decl("rawbox")
            head, val = [f"struct rawbox {x};", f"{fill}(&{x}.u);", f"{x}.m = NULL;"], f"{x}.u"
        else:
            head, val = [f"uintptr_t {x};", f"{fill}(&{x});"], x
        return self.kept_as_int(ty, fn, mk, head, val, out)

    def kept_as_int(self, ty, fn, mk, head, val, out):
        """The maker's map is the integer `val` after `head`: out, the maker keeps it in a
        uintptr_t global and the caller takes the map from there; local, the maker turns
        it back into the map and frees it."""
        if not out:
            self.maker(f"void {mk}(void)", head + [f"gomap *m2 = (gomap *)(void *){val};"]
                       + self.local_tail(ty, "m2"))
            return [f"{mk}();"]
        g, e = self.fresh("GR"), self.fresh("e")
        self.global_(f"uintptr_t {g}")
        self.maker(f"void {mk}(void)", head + [f"{g} = {val};"])
        return ([f"{mk}();", f"gomap *{e} = (gomap *)(void *){g};", f"{g} = 0;"]
                + self.caller_tail(ty, fn, e))

    def rawout_selfmove(self, ty, fn, out):
        """The maker's own map in a struct; a helper moves its bytes inside the struct
        (through a local copy) into an integer field, which the maker keeps or turns
        back into the map."""
        self.variants.append(f"rawout/selfmove-{'out' if out else 'local'}")
        self.need_decl("rawbox")
        mv, mk, x = self.fresh("move_raw"), self.fresh(f"mk_rawmv_{ty.name}_"), self.fresh("x")
        self.idiom(f"void {mv}(struct rawbox *p)",
                   ["struct { uintptr_t u; } t;", "memcpy(&t, &p->m, sizeof t);", "p->u = t.u;",
                    "p->m = NULL;"])
        head = self.maker_head(ty) + [f"struct rawbox {x};", f"{x}.m = m;", f"{mv}(&{x});"]
        return self.kept_as_int(ty, fn, mk, head, f"{x}.u", out)

    # ---- 4d. a helper's map holding another of its maps, read back by the caller -------

    def f_ctorinner(self, ty, fn):
        """A helper makes the block's map and an outer map holding it (its handle, or a
        pointer to one of its value slots; or the outer map holding a slot of itself)
        and hands the outer map to its caller: result, out-parameter or struct box by
        value (a helper whose map could be made in its caller's storage, core
        ctor.c).  The caller reads the inner pointer back out of the outer map and
        frees the outer map; out: it keeps what it read in a global, and its own
        caller uses it (and frees the inner map, when it has its handle)."""
        out = self.chance(0.6)
        chan = self.pick(["ret", "outp", "box"], [2, 1, 1])
        what = self.pick(["map", "slot", "self"], [3, 2, 1])
        self.variants.append(f"ctorinner/{what}-{chan}-{'out' if out else 'local'}")
        mkr, mk = self.fresh(f"mk_in_{ty.name}_"), self.fresh(f"keep_in_{ty.name}_")
        if what == "self":
            body = ["made++; gomap *a = gomap_make(GOMAP_TYPE(int, long *), 0);",
                    "int k1 = 1, k2 = 2;", f"*(long *)gomap_assign(a, &k2) = {self.r.randint(1, 99)};",
                    "*(long **)gomap_assign(a, &k1) = gomap_access(a, &k2);"]
        elif what == "slot":   # the outer map also holds the inner one's handle, to free it
            body = ["made++; gomap *m = gomap_make(GOMAP_TYPE(int, long), 0);", "int k1 = 1, k2 = 2;",
                    f"*(long *)gomap_assign(m, &k1) = {self.r.randint(1, 99)};",
                    "made++; gomap *a = gomap_make(GOMAP_TYPE(int, void *), 0);",
                    "*(void **)gomap_assign(a, &k1) = gomap_access(m, &k1);",
                    "*(void **)gomap_assign(a, &k2) = m;"]
        else:
            body = self.maker_head(ty) + [f"made++; gomap *a = gomap_make({MM}, 0);",
                                          "int k1 = 1;", "*(gomap **)gomap_assign(a, &k1) = m;"]
        if chan == "ret":
            self.idiom(f"gomap *{mkr}(void)", body + ["return a;"])
            get = [f"gomap *a = {mkr}();"]
        elif chan == "outp":
            self.idiom(f"void {mkr}(gomap **o)", body + ["*o = a;"])
            get = ["gomap *a;", f"{mkr}(&a);"]
        else:
            self.idiom(f"struct box {mkr}(void)", body + ["struct box b = { a, 1 };", "return b;"])
            get = [f"struct box b = {mkr}();", "gomap *a = b.m;"]
        if what == "map":
            read = ["int k1 = 1;", "gomap *in = *(gomap **)gomap_access(a, &k1);", "gomap_free(a);"]
            if not out:
                self.maker(f"void {mk}(void)", get + read + self.local_tail(ty, "in"))
                return [f"{mk}();"]
            g, e = self.fresh("GI"), self.fresh("e")
            self.global_(f"gomap *{g}")
            self.maker(f"void {mk}(void)", get + read + [f"{g} = in;"])
            return ([f"{mk}();", f"gomap *{e} = {g};", f"{g} = NULL;"]
                    + self.caller_tail(ty, fn, e))
        # a slot pointer, and the handle of the map it is in (freed after its last use)
        read = ["int k1 = 1, k2 = 2;", "long *in = *(long **)gomap_access(a, &k1);"]
        if what == "slot":
            read += ["gomap *h = *(gomap **)gomap_access(a, &k2);", "gomap_free(a);"]
        else:
            read += ["(void)k2;", "gomap *h = a;"]
        if not out:
            self.maker(f"void {mk}(void)", get + read + ["mix((unsigned)*in);", "gomap_free(h);"])
            return [f"{mk}();"]
        g, gh = self.fresh("GS"), self.fresh("GH")
        self.global_(f"long *{g}")
        self.global_(f"gomap *{gh}")
        self.maker(f"void {mk}(void)", get + read + [f"{g} = in;", f"{gh} = h;"])
        return [f"{mk}();", f"mix((unsigned)*{g});", f"gomap_free({gh});", f"{g} = NULL;",
                f"{gh} = NULL;"]

    # ---- 4e. noescape parameters of calls through pointers ---------------------------------

    def f_fnpromise(self, ty, fn):
        """A call through a function pointer whose parameter is noescape keeps nothing, but
        reads and writes what it is given: the callee points the maker's box at a global,
        through which the maker then stores its map; or it reads the handle's bytes,
        memcpy'd into an integer, as an integer, which the maker keeps."""
        out = self.chance(0.6)
        box = self.chance(0.5)
        self.variants.append(f"fnpromise/{'box' if box else 'bytes'}-{'out' if out else 'local'}")
        self.need_decl("fnpromise")
        mk = self.fresh(f"mk_pf_{ty.name}_")
        if box:
            body = (["gomap *mine = NULL;", "struct pbox b = { &mine };", "PF_FILL(&b);"]
                    + self.maker_head(ty) + ["*b.slot = m;", "pf_kept = pf_slot;", "pf_slot = NULL;"])
        else:
            body = self.maker_head(ty) + ["uintptr_t w;", "memcpy(&w, &m, sizeof w);",
                                          "pf_kept = (const void *)PF_READ(&w);"]
        return self.kept_by(ty, fn, mk, body, "pf_kept", out)

    # ---- 4f. pointers rebuilt from data ---------------------------------------------------

    def f_databytes(self, ty, fn):
        """The maker's `q` first points to its local `none`; then its bytes become the
        address, written as data, of a global (out) or of the maker's `other` (local),
        or a pointer is rebuilt from an integer holding copied bytes or read through a
        may_alias view of an integer; the map is stored through it (PNVI-ae-udi: the
        pointer may be any exposed object's, docs/design.md "Pointers rebuilt from
        data")."""
        out = self.chance(0.6)
        how = self.pick(["union", "memcpy", "bytes", "mayalias", "conv", "phi", "punread",
                         "memset", "snprintf", "pick", "ctorout"], [1] * 11)
        self.variants.append(f"databytes/{how}-{'out' if out else 'local'}")
        self.need_decl("databytes")
        mk = self.fresh(f"mk_db_{ty.name}_")
        g = self.fresh("GD")
        if out:
            self.global_(f"gomap *{g}")
        head = self.maker_head(ty) + ["gomap *none = NULL, *other = NULL;", "gomap **q = &none;",
                                      f"uintptr_t w = (uintptr_t)&{g if out else 'other'};"]
        store = {
            "union": ["union dbpun v;", "v.p = q;", "v.u = w;", "*v.p = m;"],
            "memcpy": ["uintptr_t raw[1] = { w };", "memcpy(&q, raw, sizeof q);", "*q = m;"],
            "bytes": ["unsigned char *d = (unsigned char *)&q;",
                      "for (size_t i = 0; i < sizeof q; i++) d[i] = (unsigned char)(w >> (8 * i));",
                      "*q = m;"],
            "mayalias": ["*(db_au *)&q = w;", "*q = m;"],
            "conv": ["uintptr_t raw[1] = { w }, x;", "memcpy(&x, raw, sizeof x);",
                     "gomap **p = db_one ? (gomap **)x : q;", "*p = m;"],
            "phi": ["uintptr_t bits = db_one ? w : *(db_au *)&q;", "*(gomap **)bits = m;"],
            "punread": ["struct { uintptr_t u; gomap **q; } s = { w, q };",
                        "gomap **p = *(db_ap *)&s.u;", "*p = m;"],
            "memset": ["for (size_t i = 0; i < sizeof q; i++)",
                       "    memset((unsigned char *)&q + i, (int)(w >> (8 * i)) & 0xff, 1);",
                       "*q = m;"],
            "snprintf": ["struct { gomap **q; char pad[8]; } h = { q, \"\" };",
                         "for (size_t i = 0; i < sizeof h.q; i++)",
                         "    snprintf((char *)&h.q + i, 2, \"%c\", (int)(w >> (8 * i)) & 0xff);",
                         "*h.q = m;"],
            # a callee's result, and a helper's out-parameter, rebuilt from data
            "pick": ["*db_pick(q, w) = m;"],
            "ctorout": ["gomap_free(m);", f"{self.db_maker(ty)}(q, w);"],
        }[how]
        if how == "pick":
            self.need_decl("dbpick")
        body = head + store + ["mix(none == NULL);"]
        if not out:
            self.maker(f"void {mk}(void)", body + self.local_tail(ty, "other"))
            return [f"{mk}();"]
        self.maker(f"void {mk}(void)", body + ["mix(other == NULL);"])
        e = self.fresh("e")
        return [f"{mk}();", f"gomap *{e} = {g};", f"{g} = NULL;"] + self.caller_tail(ty, fn, e)

    def db_maker(self, ty):
        """A helper making a map into *out, whose bytes it first rewrites with alt (a
        map made by a helper, which the caller could hold: docs/design.md)."""
        h = self.fresh("db_make")
        self.idiom(f"void {h}(gomap **out, uintptr_t alt)",
                   ["if (alt) *(db_au *)&out = alt;", f"made++; *out = {self.make(ty.desc)};"])
        return h

    # ---- 4g. calls through renamed declarations ----------------------------------------------

    def f_renamed(self, ty, fn):
        """The maker calls `NAME(m)`, a declaration whose symbol is another function's:
        an asm label naming the implementation, or an ifunc whose resolver returns it.
        out: the implementation keeps the map in a global, from which the caller takes
        it; local: it only reads it, and the declaration promises noescape (checked
        against the implementation).  The call runs the implementation's body."""
        out, asm = self.chance(0.6), self.chance(0.5)
        self.variants.append(f"renamed/{'asm' if asm else 'ifunc'}-{'out' if out else 'local'}")
        impl, name, mk = self.fresh("rn_impl"), self.fresh("rn_call"), self.fresh(f"mk_rn_{ty.name}_")
        g = self.fresh("GN")
        self.decls += ([f"static gomap *{g};"] if out else []) + [
            f"void {impl}(gomap *m);", f"void {impl}(gomap *m)",
            "{", f"    {g} = m;" if out else "    mix(gomap_len(m));", "}"]
        # local: the declaration also promises noescape, which the implementation keeps
        parm = "gomap *m" if out else "gomap *m __attribute__((noescape))"
        if asm:
            self.decls += [f"void {name}({parm}) __asm__(\"{impl}\");"]
        else:
            self.decls += [f"static void (*resolve_{name}(void))(gomap *) {{ return {impl}; }}",
                           f"void {name}({parm}) __attribute__((ifunc(\"resolve_{name}\")));"]
        body = self.maker_head(ty) + [f"{name}(m);"]
        return self.kept_in(ty, fn, mk, body, g, out)

    # ---- 4h. promises made by C's type rules, not declared ------------------------------------

    def f_composite(self, ty, fn):
        """The maker calls through a pointer whose type carries noescape without a
        declaration making it: the conditional `(c ? keep : look)` (GCC's composite type
        merges look's attribute in) or a variable declared without the promise read
        through a cast of its address.  out: keep, which runs, keeps the map in a global;
        local: it only reads it."""
        out, how = self.chance(0.6), self.pick(["cond", "reread"])
        self.variants.append(f"composite/{how}-{'out' if out else 'local'}")
        keep, look, g = self.fresh("cp_keep"), self.fresh("cp_look"), self.fresh("GC")
        mk = self.fresh(f"mk_cp_{ty.name}_")
        self.decls += ([f"static gomap *{g};"] if out else []) + [
            f"__attribute__((noinline)) static void {keep}(gomap *m)",
            "{", f"    {g} = m;" if out else "    mix(gomap_len(m));", "}",
            f"__attribute__((noinline)) static void {look}(gomap *m __attribute__((noescape)))",
            "{", "    mix(gomap_len(m));", "}"]
        if how == "cond":
            self.need_decl("composite")
            call = [f"(cp_true ? {keep} : {look})(m);"]
        else:
            p = self.fresh("cp_plain")
            self.decls += [f"static void (*{p})(gomap *) = {keep};"]
            call = [f"(*(void (**)(gomap *m __attribute__((noescape))))&{p})(m);"]
        body = self.maker_head(ty) + call
        return self.kept_in(ty, fn, mk, body, g, out)

    def f_frames(self, ty, fn):
        """Recursion through a route the may-call graph must take (docs/design.md "Frame
        budgets"): under recursive-frame-limit=0 a function that may run again before it
        returns gets no map storage in its frame.  out: the route leads back to the maker,
        which reports a map whose header the rewrite gave it; local: to another function
        (its map may be on the stack, nothing is checked)."""
        routes = ["qsort", "bsearch", "fnptr", "weak", "cookie", "always"]
        if "frames-printf" not in self.decl_done:
            routes.append("printf")         # one conversion letter per program
        route, out = self.pick(routes), self.chance(0.6)
        self.variants.append(f"frames/{route}-{'out' if out else 'local'}")
        self.plugin_args.add("recursive-frame-limit=0")
        self.need_decl("frames")
        mk, left = self.fresh(f"mk_fr_{ty.name}_"), self.fresh("fr_left")
        self.global_(f"int {left}")
        def checked(name):
            """The maker's head, and (out) the check that its map is not in its frame."""
            if not out:
                return self.maker_head(ty)
            return (["unsigned long long before = rc_stack_maps();"] + self.maker_head(ty)
                    + [f'rc_check(before, "{name}");'])
        if route == "always":
            fill, rec = self.fresh("fr_fill"), self.fresh("fr_rec")
            self.protos.append(f"static inline __attribute__((always_inline)) void {fill}(void);")
            self.defs += ([f"static inline __attribute__((always_inline)) void {fill}(void)", "{"]
                          + ind(checked(fill) + self.local_tail(ty, "m")) + ["}", ""])
            again = [f"if ({left} > 0) {{", f"    {left}--;", f"    {rec}();", "}"] if out else []
            self.maker(f"void {rec}(void)", [f"{fill}();"] + again)
            return [f"{left} = 2;", f"{rec}();"]
        target = mk
        if not out:
            target = self.fresh(f"fr_other_{ty.name}_")
            self.helper(f"void {target}(void)", self.maker_head(ty) + self.local_tail(ty, "m"))
        # a callback recurses once per library call it is armed for (ASan's qsort and
        # printf interceptors call it more often than glibc does)
        arm = self.fresh("fr_armed")
        self.global_(f"int {arm}")
        again = [f"if ({arm} && {left} > 0) {{", f"    {arm} = 0;", f"    {left}--;",
                 f"    {target}();", "}"]
        setup = []
        if route in ("qsort", "bsearch"):
            cmp = self.fresh("fr_cmp")
            self.helper(f"int {cmp}(const void *a, const void *b)", again + [
                "int x = *(const int *)a, y = *(const int *)b;", "return (x > y) - (x < y);"])
            call = (["int arr[2] = { 2, 1 };", f"{arm} = 1;",
                     f"qsort(arr, 2, sizeof arr[0], {cmp});", f"{arm} = 0;",
                     "mix((unsigned)arr[0]);"] if route == "qsort" else
                    ["int arr[2] = { 1, 2 }, key = 2;", f"{arm} = 1;",
                     f"const int *hit = bsearch(&key, arr, 2, sizeof arr[0], {cmp});",
                     f"{arm} = 0;", "mix(hit ? (unsigned)*hit : 0u);"])
        elif route == "fnptr":
            fp = self.fresh("fr_fp")
            self.global_(f"void (*volatile {fp})(void)")
            setup = [f"{fp} = {target};"]
            call = [f"if ({left} > 0) {{", f"    {left}--;", f"    {fp}();", "}"]    # no library
        elif route == "weak":
            wa = self.fresh("fr_alias")
            self.decls.append(f"void {wa}(void);")
            self.at_end.append(f'void {wa}(void) __attribute__((weak, alias("{target}")));')
            call = [f"if ({left} > 0) {{", f"    {left}--;", f"    {wa}();", "}"]
        elif route == "cookie":
            self.cflags.add("-D_GNU_SOURCE")
            w = self.fresh("fr_write")
            self.helper(f"ssize_t {w}(void *c, const char *buf, size_t n)",
                        ["(void)c;", "(void)buf;"] + again + ["return (ssize_t)n;"])
            call = [f"cookie_io_functions_t io = {{ .write = {w} }};",
                    'FILE *f = fopencookie(NULL, "w", io);', "if (f) {", "    fputc('x', f);",
                    f"    {arm} = 1;", "    fflush(f);", f"    {arm} = 0;", "    fclose(f);", "}"]
        else:
            self.decl_done.add("frames-printf")
            self.decls += ["#include <printf.h>", 'static const char *volatile fr_fmt = "%W";']
            self.helper("int fr_conv(FILE *f, const struct printf_info *info, const void *const *args)",
                        ["(void)info;", "(void)args;"] + again + ['return fprintf(f, "w");'])
            self.helper("int fr_conv_info(const struct printf_info *info, size_t n, int *types, int *size)",
                        ["(void)info;", "(void)size;", "if (n > 0)", "    types[0] = PA_INT;",
                         "return 1;"])
            self.helper("__attribute__((constructor)) void fr_conv_init(void)",
                        ["register_printf_specifier('W', fr_conv, fr_conv_info);"])
            call = ["char buf[8];", f"{arm} = 1;", "snprintf(buf, sizeof buf, fr_fmt, 1);",
                    f"{arm} = 0;", "mix((unsigned char)buf[0]);"]
        self.maker(f"void {mk}(void)", checked(mk) + call + self.local_tail(ty, "m"))
        return setup + [f"{left} = 2;", f"{mk}();"]

    # ---- 4i. key views: a key read is typed only at a declared object of its type ----------

    KV_KEYS = {"uint16_t": ("uint16_t", 2), "struct kv_w2": ("uint16_t", 2),
               "struct kv_b1": ("unsigned char", 1)}

    def f_keyview(self, ty, fn):
        """The runtime hashes and compares a key's bytes: the maker learns its own
        handle's bytes from key reads (docs/design.md, the exposure rule) and, out,
        writes them to a global from which its caller rebuilds the handle after the
        maker returned; local, the same reads of keys holding no pointer (the map
        stays in the maker, which frees it)."""
        kind = self.pick(["param", "chain", "chainview", "arith", "slot", "unknown"],
                         [2, 1, 1, 1, 3, 3])
        out = self.chance(0.65)
        self.need_decl("keyview")
        mk = self.fresh(f"mk_kv_{ty.name}_")
        g = self.fresh("KV")
        if out:
            self.global_(f"unsigned char {g}[sizeof(gomap *)]")
        pre = g if out else "pre"
        head = self.maker_head(ty) + ([] if out else ["unsigned char pre[sizeof(gomap *)];",
                                                      "memset(pre, 0, sizeof pre);"])
        if kind == "slot":
            detail, body = self.kv_slot(pre, out)
        elif kind == "unknown":
            detail, body = self.kv_unknown(pre, out)
        else:
            detail, body = self.kv_param(kind, pre, out)
        self.variants.append(f"keyview/{detail}-{'out' if out else 'local'}")
        if not out:
            body += [BYTE_LOOP, "    mix(pre[i]);"]
            self.maker(f"void {mk}(void)", head + body + self.local_tail(ty, "m"))
            return [f"{mk}();"]
        self.maker(f"void {mk}(void)", head + body)
        e = self.fresh("e")
        rebuild = [f"gomap *{e};", f"memcpy(&{e}, {g}, sizeof {e});"]
        if self.chance(0.3):                 # rebuilt by a helper
            rb = self.fresh("kv_rebuild")
            self.helper(f"gomap *{rb}(void)", ["gomap *r;", f"memcpy(&r, {g}, sizeof r);",
                                              "return r;"])
            rebuild = [f"gomap *{e} = {rb}();"]
        return [f"{mk}();"] + rebuild + self.caller_tail(ty, fn, e)

    def kv_side_fill(self, k, op):
        """Lines making the side map(s) `side` keyed by k: every key c -> c, or (bit
        ops) side[j] holding the keys with bit j set; and the lines freeing them."""
        elt, size = self.KV_KEYS[k]
        n = 1 << (8 * size)
        if op in ("access", "assign"):
            return ([f"made++; gomap *side = gomap_make(GOMAP_TYPE({k}, int), {n});",
                     f"for (int c = 0; c < {n}; c++) {{", f"    {k} key = {{ ({elt})c }};",
                     "    *(int *)gomap_assign(side, &key) = c;", "}"],
                    ["gomap_free(side);"])
        return (["gomap *side[8];", "for (int j = 0; j < 8; j++) {",
                 "    made++; side[j] = gomap_make(GOMAP_TYPE(struct kv_b1, int), 128);",
                 "    for (int c = 0; c < 256; c++)", "        if (c >> j & 1) {",
                 "            struct kv_b1 key = { (unsigned char)c };",
                 "            *(int *)gomap_assign(side[j], &key) = c;", "        }", "}"],
                ["for (int j = 0; j < 8; j++)", "    gomap_free(side[j]);"])

    def kv_look(self, k, op):
        """A noinline helper `int look(side, const K *k)` whose result is the key's
        value, learnt from a lookup, presence in or deletion from side maps (by
        delete's result or by the map's length), or an insert into a side map of its
        own (`look(k)`: inserted into a map that is a parameter, the key's bytes are
        kept by the caller's map, which makes them escape by any rule).  Its name,
        the side parameter's declaration and the side argument."""
        f = self.fresh(f"kv_{op}")
        if op == "access":
            self.helper(f"int {f}(gomap *side, const {k} *k)",
                        ["return *(int *)gomap_access(side, k);"], noinline=True)
            return f, "gomap *side, ", "side, "
        if op == "assign":
            fill, free = self.kv_side_fill(k, op)
            self.helper(f"int {f}(const {k} *k)", fill + ["int v = *(int *)gomap_assign(side, k);"]
                        + free + ["return v;"], noinline=True)
            return f, "", ""
        if op == "present":
            body = ["int v = 0;", "for (int j = 0; j < 8; j++)", "    if (gomap_access(side[j], k))",
                    "        v |= 1 << j;", "return v;"]
        else:
            hit = ("gomap_delete(side[j], k)" if op == "delete" else
                   "(before = gomap_len(side[j]), gomap_delete(side[j], k), "
                   "gomap_len(side[j]) != before)")
            body = (["int v = 0;"] + (["size_t before;"] if op == "dellen" else [])
                    + ["for (int j = 0; j < 8; j++)", f"    if ({hit})", "        v |= 1 << j;",
                       "for (int j = 0; j < 8; j++)     /* the keys deleted go back */",
                       "    if (v >> j & 1) {", "        struct kv_b1 r = { (unsigned char)v };",
                       "        *(int *)gomap_assign(side[j], &r) = v;", "    }", "return v;"])
        self.helper(f"int {f}(gomap **side, const {k} *k)", body, noinline=True)
        return f, "gomap **side, ", "side, "

    def kv_store(self, k, pre, v):
        """Stores the value v of the key read at byte offset sizeof(k) * i into pre."""
        if self.KV_KEYS[k][1] == 1:
            return [f"{pre}[i] = (unsigned char){v};"]
        return [f"uint16_t w = (uint16_t){v};", f"memcpy({pre} + 2 * i, &w, sizeof w);"]

    def kv_param(self, kind, pre, out):
        """Views into the handle given to a helper whose parameter points to the key
        type (or through a chain of two helpers, the second making the view; arith:
        the view used in the maker itself); local: views into data, declared keys."""
        k = self.pick(list(self.KV_KEYS))
        one = self.KV_KEYS[k][1] == 1
        # a one-byte key copied by an insert is a character copy, data by any rule
        ops = ["access", "present", "delete", "dellen"] if one else ["access", "assign"]
        if kind == "arith":                 # a one-byte key at an offset is a character
            k, ops = self.pick(["uint16_t", "struct kv_w2"]), ["access", "assign"]
        op = self.pick(ops)
        fill, free = self.kv_side_fill(k, op) if kind == "arith" or op != "assign" else ([], [])
        base = "&m" if out else "dat"
        declared = not out and kind != "chainview" and self.chance(0.5)   # local: `&key`
        body = fill + ([] if out or declared else [
            "unsigned char dat[sizeof(gomap *)];", BYTE_LOOP,
            f"    dat[i] = (unsigned char)(i * {self.r.randint(1, 97)} + {self.r.randint(0, 255)});"])
        if self.chance(0.5):
            view = f"(const {k} *)((const unsigned char *){base} + sizeof({k}) * i)"
        else:
            view = f"(const {k} *)(const void *){base} + i"
        if kind == "arith":
            call = f"*(int *)gomap_{op}(side, kp)"
        else:
            look, decl, arg = self.kv_look(k, op)
            call = f"{look}({arg}kp)"
            if kind == "chain":
                f = self.fresh("kv_pass")
                self.helper(f"int {f}({decl}const {k} *k)", [f"int r = {look}({arg}k);",
                                                             "return r;"], noinline=True)
                call = f"{f}({arg}kp)"
            elif kind == "chainview":      # the second helper makes the view
                f = self.fresh("kv_at")
                self.helper(f"int {f}({decl}const void *base, size_t i)",
                            [f"return {look}({arg}(const {k} *)((const unsigned char *)base"
                             f" + sizeof({k}) * i));"], noinline=True)
                call, view = f"{f}({arg}{base}, i)", None
        loop = [f"for (size_t i = 0; i < sizeof(gomap *) / sizeof({k}); i++) {{"]
        if view and not declared:
            loop.append(f"    const {k} *kp = {view};")
        elif view:                         # a declared key of the value
            elt = self.KV_KEYS[k][0]
            loop += [f"    {k} key = {{ ({elt})(i * 7 + 1) }};", f"    const {k} *kp = &key;"]
        loop += [f"    int v = {call};"] + ind(self.kv_store(k, pre, "v")) + ["}"]
        return f"{kind}-{k.replace('struct ', '')}-{op}", body + loop + free

    def kv_grow(self, skip, pre, side, look, word):
        """KV_GROW lines learning the 8 bytes from offset skip of the key under test:
        keys growing a byte at a time, or (word) two bytes first (a key of one byte
        is a character, read as data by any rule)."""
        steps = [(0, 2)] + [(j, 1) for j in range(2, 8)] if word else [(j, 1) for j in range(8)]
        return [f"KV_GROW(struct kv{skip + j + w}, {skip}, {j}, {w}, {pre}, {side}, {look});"
                for j, w in steps]

    def kv_slot(self, pre, out):
        """A map keyed by handles (gomap *, a struct holding one) iterated: its key slot
        used as the key of maps of other key types, keys growing a byte at a time
        or 2-byte views at offsets into the slot; local: looked up in a map of the
        slot's own key type."""
        hk = self.pick(["ptr", "box", "tag"])
        ht = {"ptr": "gomap *", "box": "struct kv_hk", "tag": "struct kv_tag"}[hk]
        init = {"ptr": "gomap *hk = m;", "box": "struct kv_hk hk = { m };",
                "tag": "struct kv_tag hk = { 0, { 0, 0, 0 }, m };"}[hk]
        skip = 8 if hk == "tag" else 0
        body = [f"made++; gomap *a = gomap_make(GOMAP_TYPE({ht}, int), 0);", init,
                "*(int *)gomap_assign(a, &hk) = 1;", "gomap_iter it;", "void *k, *v;"]
        if not out:
            body += [f"made++; gomap *b = gomap_make(GOMAP_TYPE({ht}, int), 0);",
                     f"*(int *)gomap_assign(b, &hk) = {self.r.randint(2, 99)};",
                     "gomap_iter_init(&it, a);", "while (gomap_iter_next(&it, &k, &v)) {",
                     "    int *p = gomap_access(b, k);", "    mix(p ? (unsigned)*p : 0u);",
                     "    *(int *)gomap_assign(b, k) += *(int *)v;", "}",
                     "mix(gomap_len(b));", "gomap_free(b);", "gomap_free(a);"]
            return f"slot-{hk}", body
        # off: 2-byte views at offsets into the slot (pointer arithmetic on a slot was
        # read as data before the rule too: a guard); grow: the slot itself
        how = self.pick(["grow", "off"], [3, 1])
        if how == "grow":
            loop = ["gomap *side;"] + self.kv_grow(skip, pre, "side", "gomap_access(side, k)",
                                                   hk != "tag" or self.chance(0.5))
            body += ["gomap_iter_init(&it, a);", "while (gomap_iter_next(&it, &k, &v)) {"]
            body += ind(loop) + ["}", "gomap_free(a);"]
            return f"slot-{hk}-grow", body
        k = self.pick(["uint16_t", "struct kv_w2"])
        op = self.pick(["access", "assign"])
        fill, free = self.kv_side_fill(k, op)
        body += fill + ["gomap_iter_init(&it, a);", "while (gomap_iter_next(&it, &k, &v)) {",
                        f"    for (size_t i = 0; i < sizeof(gomap *) / sizeof({k}); i++) {{",
                        f"        int x = *(int *)gomap_{op}(side, (const {k} *)k + {skip // 2} + i);"]
        body += ind(self.kv_store(k, pre, "x"), 2)
        body += ["    }", "}", "gomap_free(a);"] + free
        return f"slot-{hk}-off-{k.replace('struct ', '')}", body

    def kv_unknown(self, pre, out):
        """Side maps of unknown type (a global, read through a volatile pointer; the
        faststr entry points also on a map of known non-string type): a key growing a
        byte at a time from `&s.tag` of a struct holding the handle, a gostring
        whose ptr is the handle (by address, or by value to faststr), `&m` itself;
        local: the same of a struct, a gostring or an integer holding no pointer."""
        how = self.pick(["member", "gostr", "faststr", "faststr2", "whole"], [2, 1, 1, 1, 1])
        routes = ["global", "volatile", "vptr"] + (["local"] if how.startswith("faststr") else [])
        route = self.pick(routes)
        side = {"global": "kv_side", "volatile": "kv_vside", "vptr": "(*kv_vp)",
                "local": "side"}[route]
        body = ["gomap *side;"] if route == "local" else []
        if route != "local":
            self.need_decl("kv_" + {"global": "side", "volatile": "vside", "vptr": "vp"}[route])
        c = self.r.randint(1, 1 << 30)
        skip = 0
        if how == "member":
            skip = 8
            body.append("struct kv_tag s = { 0, { 0, 0, 0 }, m };" if out else
                        f"struct kv_dat s = {{ 0, {{ 0, 0, 0 }}, {c}u }};")
            look = f"gomap_access({side}, &s.tag)"
        elif how == "whole":
            if not out:
                body.append(f"uint64_t w = {c}u;")
            look = f"gomap_access({side}, &{'m' if out else 'w'})"
        else:
            body.append("gostring gs = { (const char *)m, 0 };" if out else
                        f"gostring gs = {{ NULL, {c % 1000} }};")
            look = {"gostr": f"gomap_access({side}, &gs)",
                    "faststr": f"gomap_access_faststr({side}, gs)",
                    "faststr2": f"gomap_access2_faststr({side}, gs, &found)"}[how]
            if how == "faststr2":
                body.append("bool found = false;")
        body += self.kv_grow(skip, pre, side, look, self.chance(0.5))
        if how == "faststr2":
            body.append("mix(found);")
        return f"unknown-{how}-{route}", body

    # ---- 5. inline definitions across the two units -----------------------------------------

    def f_inline(self, ty, fn):
        kind = self.pick(["c99", "gnu", "static"], [2, 2, 1])
        self.variants.append(f"inline/{kind}")
        self.cflags.add("-fno-inline")      # the external definition is the one called
        f, mk = self.fresh("stash"), self.fresh(f"mk_inl_{kind}_{ty.name}_")
        body = self.maker_head(ty) + [f"{f}(m, {self.r.randint(0, 9)});"]
        if kind == "static":                 # the body seen is the one that runs
            self.helper(f"inline void {f}(gomap *m, int n)", ["mix(gomap_len(m) + (unsigned)n);"])
            self.maker(f"void {mk}(void)", body + self.local_tail(ty, "m"))
            return [f"{mk}();"]
        head = "inline" if kind == "c99" else "extern inline __attribute__((gnu_inline))"
        # an inline definition of an external function names nothing of internal linkage
        self.defs += [f"{head} void {f}(gomap *m, int n)", "{", "    (void)m;",
                      "    if (n < 0)", "        abort();", "}", ""]
        g = f"{f}_kept"
        self.globals.append(f"extern gomap *{g};")
        self.ext_defs += [f"gomap *{g};", f"void {f}(gomap *m, int n)", "{", f"    {g} = m;",
                          "    (void)n;", "}", ""]
        self.maker(f"void {mk}(void)", body)
        e = self.fresh("e")
        return [f"{mk}();", f"gomap *{e} = {g};", f"{g} = NULL;"] + self.caller_tail(ty, fn, e)

    # ---- 6. noescape promises kept by definitions the plugin sees ---------------------------

    def f_noescape(self, ty, fn):
        """ext.c functions with noescape parameters (prototypes in both units), their
        bodies compiled with the plugin: they read, fill, copy and iterate, keep nothing."""
        t = self.fresh("ne")
        ty_fill = self.op_fill(ty, "*pm", False)
        ty_fill[0] = "for (int i = 0; i < n; i++) {"
        protos = [f"void {t}_fill(gomap **pm __attribute__((noescape)), int n);",
                  f"unsigned long long {t}_sum(gomap *m __attribute__((noescape)));",
                  f"unsigned long long {t}_box(struct box *b __attribute__((noescape)));",
                  f"unsigned long long {t}_chain(gomap *m __attribute__((noescape)), int d);"]
        self.ext_protos += protos
        copy = ["made++;", f"gomap *c2 = {self.make(ty.desc)};", "gomap_iter it;",
                "void *k, *v;", "gomap_iter_init(&it, b->m);",
                "while (gomap_iter_next(&it, &k, &v)) {",
                # b->m's type is unknown here: its key slot, used as a key, is read
                # as data (it may hold a pointer of another key type), which the
                # promise on b cannot allow; the key copied at its type is typed
                f"    {ty.k} key = *(const {ty.k} *)k;",
                f"    memcpy(gomap_assign(c2, &key), v, sizeof({ty.v}));", "}",
                "unsigned long long r = gomap_len(c2) + (unsigned)b->n;", "gomap_free(c2);",
                "return r;"]
        # The promises are checked (any declaration's): the string key's first byte,
        # read through its ptr, counts as pointer bytes read as data (the exposure
        # rule), so m's content would leak; hash string keys by their length here,
        # and count them instead of copying (the runtime reads an inserted key's
        # bytes as data too: docs/design.md, the exposure rule).
        if ty.name == "si":
            copy = ["gomap_iter it;", "void *k, *v;", "unsigned long long r = 0;",
                    "gomap_iter_init(&it, b->m);", "while (gomap_iter_next(&it, &k, &v))",
                    "    r += ((gostring *)k)->len + (v != NULL);", "return r + (unsigned)b->n;"]
        sum_loop = self.iter_loop(ty, "m", False)
        if ty.name == "si":
            sum_loop = [l.replace(ty.hashk("k"), "((gostring *)k)->len * 131") for l in sum_loop]
        self.ext_defs += protos + [
            f"void {t}_fill(gomap **pm, int n)", "{"] + ind(ty_fill) + ["}", "",
            f"unsigned long long {t}_sum(gomap *m)", "{"] + ind(
            sum_loop + ["return s ^ c;"]) + ["}", "",
            f"unsigned long long {t}_box(struct box *b)", "{"] + ind(copy) + ["}", "",
            f"unsigned long long {t}_chain(gomap *m, int d)", "{",
            "    struct box b = { m, d };", f"    unsigned long long s = {t}_sum(b.m);",
            f"    return d > 0 ? s + {t}_chain(m, d - 1) : s + {t}_box(&b);", "}", ""]
        calls = [f"{t}_fill(&m, {self.r.randint(1, 20)});", f"mix({t}_sum(m));",
                 f"{{ struct box bx = {{ m, 3 }}; mix({t}_box(&bx)); }}",
                 f"mix({t}_chain(m, {self.r.randint(0, 3)}));"]
        self.r.shuffle(calls)
        mk = self.fresh(f"mk_ne_{ty.name}_")
        body = self.maker_head(ty) + calls[:self.r.randint(1, 4)]
        out = self.chance(0.4)               # the maker returns the map
        self.variants.append(f"noescape/{'out' if out else 'local'}")
        if not out:
            self.maker(f"void {mk}(void)", body + self.local_tail(ty, "m"))
            return [f"{mk}();"]
        self.maker(f"gomap *{mk}(void)", body + ["return m;"])
        e = self.fresh("e")
        return [f"gomap *{e} = {mk}();"] + self.caller_tail(ty, fn, e)

    # ---- 7. va_list ---------------------------------------------------------------------

    def f_valist(self, ty, fn):
        self.need_decl("stdarg")
        kind = self.pick(["store", "copy", "ptr", "len", "fmt"])
        out = kind in ("store", "copy", "ptr")
        self.variants.append(f"valist/{kind}")
        mk, f = self.fresh(f"mk_va_{ty.name}_"), self.fresh("vhelper")
        g = self.fresh("GV")
        body = self.maker_head(ty)
        if kind == "store":
            self.global_(f"gomap *{g}")
            self.helper(f"void {f}(int n, ...)",
                        ["va_list ap;", "va_start(ap, n);", "for (int i = 0; i < n; i++) {",
                         "    gomap *x = va_arg(ap, gomap *);", "    if (x)",
                         f"        {g} = x;", "}", "va_end(ap);"])
            body += [self.pick([f"{f}(1, m);", f"{f}(2, (gomap *)NULL, m);",
                                f"{f}(2, m, (gomap *)NULL);"])]
        elif kind == "copy":
            tk = self.fresh("vtake")
            self.global_(f"gomap *{g}")
            self.helper(f"void {tk}(va_list ap)", [f"{g} = va_arg(ap, gomap *);"])
            self.helper(f"void {f}(int n, ...)",
                        ["va_list ap, aq;", "va_start(ap, n);", "va_copy(aq, ap);",
                         f"{tk}(aq);", "va_end(aq);", "va_end(ap);", "(void)n;"])
            body += [f"{f}(1, m);"]
        elif kind == "ptr":
            self.global_(f"gomap *{g}")
            self.helper(f"void {f}(int n, ...)",
                        ["va_list ap;", "va_start(ap, n);", "gomap **pp = va_arg(ap, gomap **);",
                         f"{g} = *pp;", "va_end(ap);", "(void)n;"])
            body += [f"{f}(1, &m);"]
        elif kind == "len":
            self.helper(f"unsigned long long {f}(int n, ...)",
                        ["va_list ap;", "unsigned long long t = 0;", "va_start(ap, n);",
                         "for (int i = 0; i < n; i++)", "    t += gomap_len(va_arg(ap, gomap *));",
                         "va_end(ap);", "return t;"])
            body += [f"mix({f}(1, m));"]
        else:                                # vsnprintf of numbers; the map stays put
            self.helper(f"int {f}(char *buf, size_t n, const char *fmt, ...)",
                        ["va_list ap;", "va_start(ap, fmt);", "int r = vsnprintf(buf, n, fmt, ap);",
                         "va_end(ap);", "return r;"])
            body += ["char buf[48];",
                     f"mix((unsigned)({f}(buf, sizeof buf, \"%zu:%d\", gomap_len(m), {self.r.randint(0, 99)})));",
                     "mix(strlen(buf));"]
        return self.kept_in(ty, fn, mk, body, g, out)
