#!/usr/bin/env python3
"""gen.py - random, well-defined C programs that use gomap, for the differential fuzzer.

    tools/fuzz/gen.py SEED [--families LIST]   # one program (the same text for the same seed)

A program is two translation units in LLVM split-file form (`//--- main.c`, `//--- ext.c`):
ext.c defines the extern helpers main.c calls, some declared `__attribute__((noescape))`,
so their bodies are out of the plugin's sight. main.c is a list of test functions t1..tN
called in order by main(); each is made of *blocks*. A block

  1. makes a map somewhere (a local, a struct field, an array element, a global, a helper
     that returns it or hands it through an out-parameter, a loop that drops the map or
     keeps it across iterations, recursive and mutually recursive helpers, a map of maps),
  2. passes the handle through a chain of conduits (aliases, pointers to pointers, struct
     fields, arrays, identity and store/load helpers, a global, uintptr_t, memcpy, a map of
     map handles),
  3. applies operations (assign, access, delete, len, clear, iteration with deletes,
     static helpers, extern helpers, function pointers, slot helpers, iterator helpers,
     recursive visitors, nested blocks),
  4. frees the map, once, by whoever owns it last (itself, a helper, a function pointer,
     or main() at exit for maps kept in globals).

Besides these classic producers, blocks come from the idiom families of families.py
(swap, iterjob, byteview, forward, inline, noescape, valist) for 35% of the blocks by
default; --families restricts to a comma-separated list (`classic` alone gives the
programs of the generator before the families, seed for seed).

Correct by construction: the generator knows who owns each map and frees it exactly once;
string keys borrowing a function's local buffer only go into maps that die in that
function; checksums use unsigned arithmetic and are independent of iteration order.
Each program prints its checksum after every test function and `fuzz-stats:` (maps made,
maps made on given storage) on stderr at exit.
"""
import argparse
import os
import random
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from families import FAMILIES, FAMILY_WEIGHTS, NEW_SHARE, Families  # noqa: E402

PRELUDE = r"""#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "gomap.h"
struct pt { int x, y; };
struct big { long a[20]; };
struct box { gomap *m; int n; };
static const char *const words[] = {
    "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa",
    "lambda", "mu", "nu", "xi", "omicron", "pi", "rho", "sigma", "tau", "upsilon",
    "phi", "chi", "psi", "omega", "a-rather-longer-key-than-thirty-two-bytes", "", "x", "yy",
};
#define NWORDS ((int)(sizeof words / sizeof words[0]))
static inline gostring word(int i)
{
    const char *w = words[i % NWORDS];
    return (gostring){ w, strlen(w) };
}
"""

MAIN_HEAD = r"""static unsigned long long ck;   /* checksum of everything stored and read */
unsigned long made;               /* gomap_make calls executed (ext.c too) */
static void mix(unsigned long long v)
{
    ck = (ck ^ v) * 0x100000001b3ULL;
}
"""

MAIN_TAIL = r"""    gomap_memstats st;
    gomap_read_memstats(&st);
    printf("end %016llx live=%llu\n", ck, (unsigned long long)st.heap_bytes);
    fprintf(stderr, "fuzz-stats: made=%lu stack_maps=%llu stack_buckets=%llu\n", made,
            (unsigned long long)st.stack_maps, (unsigned long long)st.stack_buckets);
    return 0;
}
"""


class Ty:
    """A map type: descriptor, key and value C types, and how to build/read them."""

    def __init__(self, name, desc, k, v):
        self.name, self.desc, self.k, self.v = name, desc, k, v

    def key(self, e, local):
        """C declaration of `key` from the int expression e (non-negative, small)."""
        if self.name == "ll":
            return f"long key = (long)({e}) * 1000003L;"
        if self.name == "pt":
            return f"struct pt key = {{ {e}, ({e}) ^ 5 }};"
        if self.name == "si" and local:
            return f"gostring key = {{ kbuf[({e}) % 24], strlen(kbuf[({e}) % 24]) }};"
        if self.name == "si":
            return f"gostring key = word({e});"
        return f"int key = {e};"

    def store(self, slot, val):
        if self.name == "big":
            return f"((struct big *){slot})->a[({val}) % 20] += {val};"
        return f"*({self.v} *){slot} = {val};"

    def read(self, p):
        """unsigned long long expression for the value at void pointer p."""
        if self.name == "big":
            return f"(unsigned long long)(((struct big *){p})->a[3] + ((struct big *){p})->a[7])"
        return f"(unsigned long long)*({self.v} *){p}"

    def hashk(self, k):
        """unsigned long long expression for the key at void pointer k."""
        if self.name == "pt":
            return f"(unsigned long long)(((struct pt *){k})->x * 7 + ((struct pt *){k})->y)"
        if self.name == "si":
            return (f"(((gostring *){k})->len * 131 + (((gostring *){k})->len ? "
                    f"(unsigned char)((gostring *){k})->ptr[0] : 0u))")
        return f"(unsigned long long)*({self.k} *){k}"


TYPES = [Ty("ii", "GOMAP_TYPE(int, int)", "int", "int"),
         Ty("ll", "GOMAP_TYPE(long, long)", "long", "long"),
         Ty("pt", "GOMAP_TYPE(struct pt, long)", "struct pt", "long"),
         Ty("si", "GOMAP_TYPE_STR(int)", "gostring", "int"),
         Ty("big", "GOMAP_TYPE(int, struct big)", "int", "struct big")]
TYPE_WEIGHTS = [5, 3, 2, 3, 1]
MM = "GOMAP_TYPE(int, gomap *)"
HINTS = [0, 0, 0, 1, 4, 8, 9, 30]


def indent(lines, n=1):
    return ["    " * n + l for l in lines]


class Fn:
    """The function a block is generated into: whether it has the local key buffer."""

    def __init__(self, kbuf):
        self.kbuf = kbuf


def parse_families(text):
    """None (the default distribution) or the list named by --families: `classic` (the
    producers above) and the idiom families of families.py, comma-separated."""
    if text in (None, "", "all"):
        return None
    names = [n.strip() for n in text.split(",") if n.strip()]
    bad = [n for n in names if n != "classic" and n not in FAMILIES]
    if bad or not names:
        raise ValueError(f"unknown families {', '.join(bad)} (known: classic, "
                         f"{', '.join(FAMILIES)}, all)")
    return names


class Gen(Families):
    def __init__(self, seed, families=None):
        """families: None for the default distribution (classic producers, and the idiom
        families for NEW_SHARE of the blocks), or a list from parse_families. With
        ["classic"] alone the programs are those of the generator before the families."""
        names = families if families is not None else ["classic"] + FAMILIES
        self.classic = "classic" in names
        self.fams = [f for f in FAMILIES if f in names]
        self.fam_weights = [FAMILY_WEIGHTS[FAMILIES.index(f)] for f in self.fams]
        self.decls, self.decl_done, self.cflags = [], set(), set()
        self.plugin_args = set()             # -fplugin-arg-escape-*, the stack builds only
        self.at_end = []                     # main.c lines after every definition
        self.variants = []                   # the family variants used: `// families:`
        self.r = random.Random(seed)
        self.seed = seed
        self.n = 0
        self.protos, self.defs = [], []      # static helpers of main.c
        self.globals, self.at_exit = [], []  # globals; frees main() does at exit
        self.ext_protos, self.ext_defs = [], []
        self.ext_done = set()
        self.depth = 0                       # nesting of blocks

    def fresh(self, prefix):
        self.n += 1
        return f"{prefix}{self.n}"

    def chance(self, p):
        return self.r.random() < p

    def pick(self, options, weights=None):
        return self.r.choices(options, weights)[0] if weights else self.r.choice(options)

    def helper(self, proto, body, noinline=False):
        """Adds a static function to main.c; proto without the trailing semicolon."""
        attr = "__attribute__((noinline)) " if noinline else ""
        self.protos.append(f"{attr}static {proto};")
        self.defs += [f"static {proto}", "{"] + indent(body) + ["}", ""]

    def make(self, ty_desc, hint=None):
        h = self.pick(HINTS) if hint is None else hint
        return f"gomap_make({ty_desc}, {h})"

    # ---- operations on a map expression E of type ty ------------------------------------

    @staticmethod
    def key_loop(ty, n, step, local, body):
        """for i in [0, n): declares `key` from i * step, then the body lines.  The key
        the calls name (`&key` in body) is, by n (not drawn: the programs stay those of
        their seeds), the variable itself, a copy in a struct's field or in an array's
        element: a rewrite reading the key through `&kh.k` or `&ka[1]` must produce
        valid GIMPLE at every level (one did not at -O0 without sanitizers)."""
        holder = ("var", "var", "field", "elem")[n % 4]
        decl = [f"    {ty.key(f'i * {step}', local)}"]
        if holder == "field":
            decl.append(f"    struct {{ int tag; {ty.k} k; }} kh = {{ i, key }};")
            body = [line.replace("&key", "&kh.k") for line in body]
        elif holder == "elem":
            decl.append(f"    {ty.k} ka[2] = {{ key, key }};")
            body = [line.replace("&key", "&ka[1]") for line in body]
        return [f"for (int i = 0; i < {n}; i++) {{"] + decl + indent(body) + ["}"]

    def op_fill(self, ty, e, local):
        n, salt = self.r.randint(1, 40), self.r.randint(0, 999)
        return self.key_loop(ty, n, 3, local,
                             [ty.store(f"gomap_assign({e}, &key)", f"i + {salt}")])

    def op_read(self, ty, e, local):
        return self.key_loop(ty, self.r.randint(1, 30), 2, local,
                             [f"void *p = gomap_access({e}, &key);",
                              f"mix(p ? {ty.read('p')} : 0xdeadULL);"])

    def op_delete(self, ty, e, local):
        return self.key_loop(ty, self.r.randint(1, 20), 5, local,
                             [f"mix(gomap_delete({e}, &key));"])

    def op_len(self, ty, e, local):
        return [f"mix(gomap_len({e}));"]

    def op_clear(self, ty, e, local):
        return [f"gomap_clear({e});", f"mix(gomap_len({e}) + 17);"]

    def iter_loop(self, ty, e, delete):
        """Order-independent sum over the entries; deletes the current entry when its key
        says so (a choice by visit count would leave an order-dependent map)."""
        body = [f"s += {ty.hashk('k')} * 31 + {ty.read('v')};", "c++;"]
        if delete:
            body += [f"if ({ty.hashk('k')} % {self.r.randint(2, 4)} == 0) {{",
                     f"    {ty.k} kc;", "    memcpy(&kc, k, sizeof kc);",
                     f"    gomap_delete({e}, &kc);", "}"]
        return (["gomap_iter it;", "void *k, *v;", "unsigned long long s = 0, c = 0;",
                 f"gomap_iter_init(&it, {e});", "while (gomap_iter_next(&it, &k, &v)) {"]
                + indent(body) + ["}"])

    def op_iter(self, ty, e, local):
        delete = self.chance(0.4)
        lines = self.iter_loop(ty, e, delete)
        # deleting only the current entry leaves the visited set, so s and c, fixed
        tail = ["mix(s);", "mix(c);"] + ([f"mix(gomap_len({e}));"] if delete else [])
        return ["{"] + indent(lines + tail) + ["}"]

    def op_static_helper(self, ty, e, local):
        """A static helper whose parameter does not escape (callee summary)."""
        f = self.fresh(f"fill_{ty.name}_")
        body = self.op_fill(ty, "m", False) + self.op_read(ty, "m", False)
        self.helper(f"void {f}(gomap *m, int salt)", ["(void)salt;"] + body)
        return [f"{f}({e}, {self.r.randint(0, 9)});"]

    def op_box_helper(self, ty, e, local):
        """A static helper that reaches the map through a struct pointer."""
        f = self.fresh(f"boxed_{ty.name}_")
        self.helper(f"void {f}(struct box *b)",
                    self.op_fill(ty, "b->m", False) + self.op_len(ty, "b->m", False))
        b = self.fresh("bx")
        return ["{", f"    struct box {b} = {{ {e}, 0 }};", f"    {f}(&{b});", "}"]

    def op_fnptr(self, ty, e, local):
        """An indirect call: the callee is unknown to the analysis."""
        a = self.fresh(f"via_ptr_{ty.name}_")
        b = self.fresh(f"via_ptr_{ty.name}_")
        self.helper(f"void {a}(gomap *m, int salt)", ["(void)salt;"] + self.op_len(ty, "m", 0)
                    + self.op_read(ty, "m", False))
        self.helper(f"void {b}(gomap *m, int salt)", ["(void)salt;"] + self.op_fill(ty, "m", 0))
        fp = self.fresh("fp")
        return ["{", f"    void (*{fp})(gomap *, int) = ck & 1 ? {a} : {b};",
                f"    {fp}({e}, 3);", "}"]

    def op_extern(self, ty, e, local):
        """Helpers in ext.c: one promises noescape, one does not (both keep nothing)."""
        self.need_ext(ty)
        f = self.pick([f"ext_fill_{ty.name}", f"ext_sum_{ty.name}", f"ext_copy_{ty.name}"])
        if f.startswith("ext_fill"):
            return [f"{f}({e}, {self.r.randint(1, 30)}, {self.r.randint(0, 99)});"]
        return [f"mix({f}({e}));"]

    def op_slot(self, ty, e, local):
        """A slot returned by a helper (the map leaks to the result), used at once."""
        f = self.fresh(f"slot_{ty.name}_")
        self.helper(f"void *{f}(gomap *m, int i)", [ty.key("i", False),
                                                     "return gomap_assign(m, &key);"])
        i = self.r.randint(0, 50)
        return [f"{ty.store(f'{f}({e}, {i})', str(i + 1))}"]

    def op_slot_kept(self, ty, e, local):
        """A slot kept while only reads happen, then written and read again."""
        return (["{", f"    {ty.key(str(self.r.randint(0, 60)), local)}",
                 f"    void *sl = gomap_assign({e}, &key);",
                 f"    {ty.store('sl', str(self.r.randint(1, 99)))}"]
                + indent(self.op_read(ty, e, local) + self.op_len(ty, e, local))
                + [f"    {ty.store('sl', '7')}", f"    mix({ty.read('sl')});", "}"])

    def op_iter_helper(self, ty, e, local):
        """An iterator on our stack, advanced by a helper."""
        f = self.fresh(f"iter_sum_{ty.name}_")
        self.helper(f"unsigned long long {f}(gomap_iter *it)",
                    ["void *k, *v;", "unsigned long long s = 0;",
                     "while (gomap_iter_next(it, &k, &v))",
                     f"    s += {ty.hashk('k')} ^ {ty.read('v')};", "return s;"])
        return ["{", "    gomap_iter it;", f"    gomap_iter_init(&it, {e});",
                f"    mix({f}(&it));", "}"]

    def op_visit(self, ty, e, local):
        """Recursive (or mutually recursive) helpers that pass the map down."""
        a, b = self.fresh(f"visit_{ty.name}_"), self.fresh(f"visit_{ty.name}_")
        mutual = self.chance(0.5)
        callee = b if mutual else a
        self.helper(f"void {a}(gomap *m, int depth)",
                    self.op_fill(ty, "m", False) + self.op_len(ty, "m", False)
                    + [f"if (depth > 0)", f"    {callee}(m, depth - 1);"])
        if mutual:
            self.helper(f"void {b}(gomap *m, int depth)",
                        self.op_read(ty, "m", False) + [f"{a}(m, depth);"])
        return [f"{a}({e}, {self.r.randint(0, 5)});"]

    def op_nested(self, ty, e, local):
        """Another block while this map is alive."""
        return self.block(Fn(local)) if self.depth < 2 else self.op_len(ty, e, local)

    OPS = ["op_fill", "op_read", "op_delete", "op_len", "op_clear", "op_iter",
           "op_static_helper", "op_box_helper", "op_fnptr", "op_extern", "op_slot",
           "op_iter_helper", "op_visit", "op_nested", "op_slot_kept"]
    OP_WEIGHTS = [6, 5, 2, 2, 1, 3, 2, 1, 1, 2, 1, 1, 1, 1, 1]

    def ops(self, ty, e, local, lo=1, hi=4):
        out = self.op_fill(ty, e, local)
        for _ in range(self.r.randint(lo, hi)):
            op = self.pick(self.OPS, self.OP_WEIGHTS)
            out += getattr(self, op)(ty, e, local)
        return out

    # ---- ext.c -----------------------------------------------------------------------

    def need_ext(self, ty):
        if ty.name in self.ext_done:
            return
        self.ext_done.add(ty.name)
        t = ty.name
        fill = self.op_fill(ty, "m", False)
        fill[0] = "for (int i = 0; i < n; i++) {"
        at = next(j for j, line in enumerate(fill) if "gomap_assign(" in line)
        addr = re.search(r"gomap_assign\(m, (&[\w.\[\]]+)\)", fill[at]).group(1)
        fill[at] = "    " + ty.store(f"gomap_assign(m, {addr})", "i + salt")
        self.ext_protos += [
            f"void ext_fill_{t}(gomap *m __attribute__((noescape)), int n, int salt);",
            f"unsigned long long ext_sum_{t}(gomap *m __attribute__((noescape)));",
            f"unsigned long long ext_copy_{t}(gomap *m);"]
        self.ext_defs += [f"void ext_fill_{t}(gomap *m, int n, int salt)", "{"] + indent(fill)
        self.ext_defs += ["}", "", f"unsigned long long ext_sum_{t}(gomap *m)", "{"]
        self.ext_defs += indent(self.iter_loop(ty, "m", False) + ["return s ^ c;"]) + ["}", ""]
        # a copy into a map local to ext.c: a stack site of the second unit
        copy = ["made++;", "gomap *c2 = " + self.make(ty.desc) + ";", "gomap_iter it;", "void *k, *v;",
                "gomap_iter_init(&it, m);", "while (gomap_iter_next(&it, &k, &v))",
                f"    memcpy(gomap_assign(c2, k), v, sizeof({ty.v}));",
                "unsigned long long r = gomap_len(c2);", "gomap_free(c2);", "return r;"]
        self.ext_defs += [f"unsigned long long ext_copy_{t}(gomap *m)", "{"] + indent(copy)
        self.ext_defs += ["}", ""]

    # ---- conduits: the handle travels; returns (setup, new expression, teardown) --------

    def conduit(self, e):
        kind = self.pick(["alias", "ptrptr", "ptr3", "struct", "array", "ident", "load",
                          "store", "global", "uintptr", "memcpy", "mapofmaps", "cond",
                          "retbox", "heapbox", "globalbox", "globalouter"],
                         [3, 3, 1, 3, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1])
        v = self.fresh("h")
        if kind in ("retbox", "heapbox", "globalbox", "globalouter"):
            return self.conduit_away(kind, e, v)
        if kind == "alias":
            return [f"gomap *{v} = {e};"], v, []
        if kind == "ptrptr":
            return [f"gomap **{v} = &{e};"], f"(*{v})", []
        if kind == "ptr3":
            w = self.fresh("pp")
            return [f"gomap **{w} = &{e};", f"gomap ***{v} = &{w};"], f"(**{v})", []
        if kind == "struct":
            if self.chance(0.5):
                return [f"struct box {v} = {{ {e}, 1 }};"], f"{v}.m", []
            w = self.fresh("bx")
            return [f"struct box {w} = {{ {e}, 1 }};", f"struct box *{v} = &{w};"], f"{v}->m", []
        if kind == "array":
            return [f"gomap *{v}[3] = {{ NULL, {e}, NULL }};"], f"{v}[1]", []
        if kind == "ident":
            f = self.fresh("ident")
            self.helper(f"gomap *{f}(gomap *m)", ["return m;"])
            return [f"gomap *{v} = {f}({e});"], v, []
        if kind == "load":
            f = self.fresh("load")
            self.helper(f"gomap *{f}(gomap **p)", ["return *p;"])
            return [f"gomap *{v} = {f}(&{e});"], v, []
        if kind == "store":
            f = self.fresh("store")
            self.helper(f"void {f}(gomap **d, gomap *s)", ["*d = s;"])
            return [f"gomap *{v} = NULL;", f"{f}(&{v}, {e});"], v, []
        if kind == "global":                  # directly, or by a helper (leaking param)
            self.globals.append(f"static gomap *{v};")
            if self.chance(0.5):
                return [f"{v} = {e};"], v, [f"{v} = NULL;"]
            f = self.fresh("keep")
            self.helper(f"void {f}(gomap *m)", [f"{v} = m;"])
            return [f"{f}({e});"], v, [f"{f}(NULL);"]
        if kind == "uintptr":
            return [f"uintptr_t {v}u = (uintptr_t){e};", f"gomap *{v} = (gomap *){v}u;"], v, []
        if kind == "memcpy":
            return [f"gomap *{v};", f"memcpy(&{v}, &{e}, sizeof {v});"], v, []
        if kind == "cond":
            return [f"gomap *{v} = ck & 2 ? {e} : NULL;", f"if (!{v})", f"    {v} = {e};"], v, []
        o, k = self.fresh("outer"), self.r.randint(0, 99)
        return ([f"made++; gomap *{o} = {self.make(MM)};",
                 f"{{ int k = {k}; *(gomap **)gomap_assign({o}, &k) = {e}; }}",
                 f"gomap *{v};", f"{{ int k = {k}; {v} = *(gomap **)gomap_access({o}, &k); }}"],
                v, [f"gomap_free({o});"])

    def conduit_away(self, kind, e, v):
        """Conduits through memory that outlives the frame or a struct returned by value."""
        if kind == "retbox":
            f = self.fresh("wrapbox")
            self.helper(f"struct box {f}(gomap *m)", ["struct box b = { m, 2 };", "return b;"])
            return [f"gomap *{v} = {f}({e}).m;"], v, []
        if kind == "heapbox":
            return ([f"struct box *{v} = malloc(sizeof *{v});", f"if (!{v})", "    abort();",
                     f"{v}->m = {e};"], f"{v}->m", [f"free({v});"])
        if kind == "globalbox":
            f = self.fresh("putbox")
            self.globals.append(f"static struct box {v};")
            self.helper(f"void {f}(struct box *b, gomap *m)", ["b->m = m;"])
            return [f"{f}(&{v}, {e});"], f"{v}.m", [f"{v}.m = NULL;"]
        o, k = f"{v}o", self.r.randint(0, 99)     # a global map of handles holds it
        self.globals.append(f"static gomap *{o};")
        return ([f"made++; {o} = {self.make(MM)};",
                 f"{{ int k = {k}; *(gomap **)gomap_assign({o}, &k) = {e}; }}",
                 f"gomap *{v} = *(gomap **)gomap_access({o}, &(int){{ {k} }});"],
                v, [f"gomap_free({o});", f"{o} = NULL;"])

    def through(self, e, local):
        """A chain of 0-3 conduits around the operations on e."""
        setup, teardown = [], []
        for _ in range(self.pick([0, 1, 1, 2, 3])):
            s, e, t = self.conduit(e)
            setup, teardown = setup + s, t + teardown
        return setup, e, teardown

    def use(self, ty, e, local):
        setup, e2, teardown = self.through(e, local)
        return setup + self.ops(ty, e2, local) + teardown

    def free(self, e):
        """Frees e directly, through a helper, or through a function pointer."""
        how = self.pick(["direct", "direct", "helper", "fnptr"])
        if how == "direct":
            return [f"gomap_free({e});"]
        f = self.fresh("drop")
        self.helper(f"void {f}(gomap *m)", ["mix(gomap_len(m));", "gomap_free(m);"])
        if how == "helper":
            return [f"{f}({e});"]
        return ["{", f"    void (*fp)(gomap *) = {f};", f"    fp({e});", "}"]

    # ---- producers: where a map is made and who frees it ----------------------------------

    def p_local(self, ty, fn):
        m = self.fresh("m")
        return ([f"made++; gomap *{m} = {self.make(ty.desc)};"]
                + self.use(ty, m, fn.kbuf) + self.free(m))

    def p_field(self, ty, fn):
        b = self.fresh("b")
        return ([f"struct box {b} = {{ NULL, 0 }};", f"made++; {b}.m = {self.make(ty.desc)};"]
                + self.use(ty, f"{b}.m", fn.kbuf) + self.free(f"{b}.m"))

    def p_elem(self, ty, fn):
        a, i = self.fresh("arr"), self.r.randint(0, 2)
        return ([f"gomap *{a}[3] = {{ NULL, NULL, NULL }};",
                 f"made++; {a}[{i}] = {self.make(ty.desc)};"]
                + self.use(ty, f"{a}[{i}]", fn.kbuf) + self.free(f"{a}[{i}]"))

    def p_returned(self, ty, fn):
        f, m = self.fresh(f"new_{ty.name}_"), self.fresh("m")
        body = [f"made++; gomap *m = {self.make(ty.desc)};"] + self.op_fill(ty, "m", False)
        self.helper(f"gomap *{f}(void)", body + ["return m;"])
        if self.chance(0.4):                     # through a second function
            g = self.fresh(f"wrap_{ty.name}_")
            self.helper(f"gomap *{g}(void)", [f"gomap *m = {f}();"]
                        + self.op_len(ty, "m", False) + ["return m;"])
            f = g
        return [f"gomap *{m} = {f}();"] + self.use(ty, m, fn.kbuf) + self.free(m)

    def p_boxed(self, ty, fn):
        """Made in a helper and returned inside a struct, by value."""
        f, b = self.fresh(f"new_box_{ty.name}_"), self.fresh("b")
        self.helper(f"struct box {f}(void)",
                    ["struct box b = { NULL, 0 };", f"made++; b.m = {self.make(ty.desc)};"]
                    + self.op_fill(ty, "b.m", False) + ["return b;"])
        return [f"struct box {b} = {f}();"] + self.use(ty, f"{b}.m", fn.kbuf) + self.free(f"{b}.m")

    def p_outparam(self, ty, fn):
        f, m = self.fresh(f"make_out_{ty.name}_"), self.fresh("m")
        self.helper(f"void {f}(gomap **out)",
                    [f"made++; *out = {self.make(ty.desc)};"] + self.op_fill(ty, "*out", False))
        return [f"gomap *{m} = NULL;", f"{f}(&{m});"] + self.use(ty, m, fn.kbuf) + self.free(m)

    def p_global(self, ty, fn):
        g = self.fresh("g")
        self.globals.append(f"static gomap *{g};")
        keep = self.chance(0.5)     # freed by main() at exit, or by the next run of the block
        if keep:
            self.at_exit.append(f"gomap_free({g});")
        lines = ([f"gomap_free({g});"] if keep else []) + [f"made++; {g} = {self.make(ty.desc)};"]
        lines += self.use(ty, g, fn.kbuf and not keep)
        return lines if keep else lines + self.free(g) + [f"{g} = NULL;"]

    def p_loop_drop(self, ty, fn):
        m, n = self.fresh("m"), self.r.randint(1, 5)
        body = ([f"made++; gomap *{m} = {self.make(ty.desc)};"]
                + self.use(ty, m, fn.kbuf) + self.free(m))
        return [f"for (int it{m} = 0; it{m} < {n}; it{m}++) {{"] + indent(body) + ["}"]

    def p_loop_keep(self, ty, fn):
        """The previous iteration's map is read, then freed, by the next one."""
        m, prev, n = self.fresh("m"), self.fresh("prev"), self.r.randint(1, 5)
        body = ([f"made++; gomap *{m} = {self.make(ty.desc)};"] + self.ops(ty, m, fn.kbuf, 0, 2)
                + [f"if ({prev}) {{"] + indent(self.op_read(ty, prev, fn.kbuf)
                                               + self.op_iter(ty, prev, fn.kbuf)
                                               + self.free(prev)) + ["}", f"{prev} = {m};"])
        return ([f"gomap *{prev} = NULL;", f"for (int i{m} = 0; i{m} < {n}; i{m}++) {{"]
                + indent(body) + ["}"] + self.use(ty, prev, fn.kbuf) + self.free(prev))

    def p_loop_array(self, ty, fn):
        a, n = self.fresh("ka"), self.r.randint(1, 4)
        j = f"j{a}"                           # the ops' own loops use i
        return ([f"gomap *{a}[{n}];", f"for (int {j} = 0; {j} < {n}; {j}++) {{",
                 f"    made++; {a}[{j}] = {self.make(ty.desc)};"]
                + indent(self.op_fill(ty, f"{a}[{j}]", fn.kbuf)) + ["}"]
                + self.use(ty, f"{a}[{n - 1}]", fn.kbuf)
                + [f"for (int {j} = 0; {j} < {n}; {j}++) {{"]
                + indent(self.op_read(ty, f"{a}[{j}]", fn.kbuf) + [f"gomap_free({a}[{j}]);"])
                + ["}"])

    def p_loop_cond(self, ty, fn):
        m, keep, n = self.fresh("m"), self.fresh("keep"), self.r.randint(1, 5)
        j = self.r.randint(0, n - 1)
        body = ([f"made++; gomap *{m} = {self.make(ty.desc)};"] + self.op_fill(ty, m, fn.kbuf)
                + [f"if (j{m} == {j})", f"    {keep} = {m};", "else"]
                + indent(self.free(m)))
        return ([f"gomap *{keep} = NULL;", f"for (int j{m} = 0; j{m} < {n}; j{m}++) {{"]
                + indent(body)
                + ["}"] + self.use(ty, keep, fn.kbuf) + self.free(keep))

    def p_map_of_maps(self, ty, fn):
        """Inner maps owned by an outer map, made in a loop or one alone."""
        o, n = self.fresh("mm"), self.r.randint(1, 4)
        inner = [f"made++; gomap *in = {self.make(ty.desc)};"] + self.op_fill(ty, "in", fn.kbuf)
        put = ["*(gomap **)gomap_assign(" + o + ", &i) = in;"]
        lines = [f"made++; gomap *{o} = {self.make(MM)};"]
        if self.chance(0.5):
            lines += [f"for (int i = 0; i < {n}; i++) {{"] + indent(inner + put) + ["}"]
        else:
            lines += ["{", f"    int i = {n};"] + indent(inner + put) + ["}"]
        visit = ["gomap_iter it;", "void *k, *v;", f"gomap_iter_init(&it, {o});",
                 "while (gomap_iter_next(&it, &k, &v)) {",
                 "    gomap *in = *(gomap **)v;"] + indent(self.op_read(ty, "in", fn.kbuf)
                                                        + self.op_len(ty, "in", fn.kbuf))
        visit += ["}"]
        free_all = ["gomap_iter it;", "void *k, *v;", f"gomap_iter_init(&it, {o});",
                    "while (gomap_iter_next(&it, &k, &v))", "    gomap_free(*(gomap **)v);"]
        return (lines + ["{"] + indent(visit) + ["}", "{"] + indent(free_all) + ["}"]
                + [f"mix(gomap_len({o}));"] + self.free(o))

    def p_recursive(self, ty, fn):
        """One map per frame of a recursive helper (or a mutually recursive pair),
        handed down to the callee as the parent."""
        a, b = self.fresh(f"rec_{ty.name}_"), self.fresh(f"rec_{ty.name}_")
        mutual = self.chance(0.5)
        callee = b if mutual else a
        body = ([f"made++; gomap *m = {self.make(ty.desc)};"] + self.op_fill(ty, "m", False)
                + ["unsigned long long s = gomap_len(m);", "if (parent) {"]
                + indent(self.op_read(ty, "parent", False)) + ["}",
                f"if (depth > 0)", f"    s += {callee}(depth - 1, m);"]
                + self.ops(ty, "m", False, 0, 2) + ["gomap_free(m);", "return s;"])
        self.helper(f"unsigned long long {a}(int depth, gomap *parent)", body)
        if mutual:
            self.helper(f"unsigned long long {b}(int depth, gomap *parent)",
                        self.op_len(ty, "parent", False) + [f"return {a}(depth, parent) + 1;"])
        return [f"mix({a}({self.r.randint(0, 6)}, NULL));"]

    PRODUCERS = ["p_local", "p_field", "p_elem", "p_returned", "p_outparam", "p_global",
                 "p_loop_drop", "p_loop_keep", "p_loop_array", "p_loop_cond",
                 "p_map_of_maps", "p_recursive", "p_boxed"]
    PRODUCER_WEIGHTS = [8, 3, 3, 2, 2, 2, 5, 2, 1, 1, 2, 4, 1]

    def block(self, fn):
        self.depth += 1
        ty = self.pick(TYPES, TYPE_WEIGHTS)
        if self.fams and (not self.classic or self.chance(NEW_SHARE)):
            lines = self.family_block(ty, fn, self.pick(self.fams, self.fam_weights))
        else:
            p = self.pick(self.PRODUCERS, self.PRODUCER_WEIGHTS)
            lines = getattr(self, p)(ty, fn)
        self.depth -= 1
        return ["{"] + indent(lines) + ["}"]

    # ---- the program ------------------------------------------------------------------

    def test_fn(self, name):
        fn = Fn(self.chance(0.7))
        body = []
        if fn.kbuf:
            body += ["char kbuf[24][12];", "for (int i = 0; i < 24; i++)",
                     "    snprintf(kbuf[i], sizeof kbuf[i], \"L%d\", i * 37);"]
        for _ in range(self.r.randint(1, 2)):
            body += self.block(fn)
        self.helper(f"void {name}(void)", body)

    def program(self):
        names = [f"t{i}" for i in range(1, self.r.randint(1, 3) + 1)]
        for name in names:
            self.test_fn(name)
        main = (["int main(void)", "{"]
                + [f"    {t}(); printf(\"{t} %016llx\\n\", ck);" for t in names]
                + indent(self.at_exit) + MAIN_TAIL.splitlines())
        out = [f"// escape fuzz program, seed {self.seed} (tools/fuzz/gen.py)"]
        if self.cflags:                       # read by run.py: added to both builds
            out.append("// fuzz-cflags: " + " ".join(sorted(self.cflags)))
        if self.plugin_args:                  # read by run.py: added to the plugin's builds
            out.append("// fuzz-plugin-args: " + " ".join(sorted(self.plugin_args)))
        if self.variants:
            out.append("// families: " + " ".join(self.variants))
        out += ["//--- main.c", PRELUDE + MAIN_HEAD] + self.decls
        out += self.ext_protos + self.globals + self.protos + [""] + self.defs + self.at_end + main
        out += ["//--- ext.c", PRELUDE + "extern unsigned long made;"] + self.ext_defs
        return "\n".join(out) + "\n"


def main():
    ap = argparse.ArgumentParser(description="prints one random gomap program")
    ap.add_argument("seed", type=int)
    ap.add_argument("--families", metavar="LIST",
                    help="comma-separated: classic," + ",".join(FAMILIES)
                    + " (default: all, weighted)")
    a = ap.parse_args()
    try:
        fams = parse_families(a.families)
    except ValueError as e:
        sys.exit(f"gen.py: {e}")
    sys.stdout.write(Gen(a.seed, fams).program())


if __name__ == "__main__":
    main()
