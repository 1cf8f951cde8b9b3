/* core.h - private state of the analysis core (not for front ends).
 *
 * Everything lives in growable arrays owned by the context and is named by
 * int index: locations, edges, functions, sites, calls, stores, flow paths.
 * Edges are kept per destination as a singly linked list threaded through
 * the one edge array (insertion order, like Go's location.edges), so adding
 * an edge never allocates on its own.
 *
 * Each function has its own heap location (a proxy of esc_heap()): all of
 * them outlive everything, and keeping them apart means a walk started in one
 * batch of functions never wanders into the edges of the whole unit.
 */
#ifndef ESCAPE_CORE_PRIV_H
#define ESCAPE_CORE_PRIV_H

#include "escape.h"
#include "vec.h"

#include <stdint.h>

/* ---- growable arrays (vec.h: VEC, VPUSH, VFREE, esc_grow) ------------------ */
void *esc_xmalloc(size_t n);
void  esc_fatal(const char *msg);                 /* front-end misuse: abort */

/* ---- graph ------------------------------------------------------------------ */
enum { ROLE_PLAIN, ROLE_HEAP, ROLE_PARAM, ROLE_RESULT,
       ROLE_OUT };                  /* *p for pointer parameter p: stores of the function
                                       through p (+ offsets) whose maps may be made in the
                                       caller's storage (ctor.c); otherwise like the heap */

typedef struct edge {
    int src, derefs;
    int next;                   /* next incoming edge of the same dst, -1 */
    esc_pos pos;
    const char *why;
} edge;

/* A walk's view of a location: least derefs from the root, the hop it came by;
 * inner (walk_one): the path went through the storage of a map kept for the
 * caller (ctor.c), so a map whose address it reaches is not one. */
typedef struct hop { int derefs, dst, edge; bool inner; } hop;

typedef struct location {
    const char *name;           /* interned, NULL = temporary */
    esc_pos pos;
    int fn;                     /* owning function */
    int loopdepth;
    int site;                   /* ESC_LOC_MAP: its site, else -1 */
    int param;                  /* ROLE_PARAM: index, else -1 */
    unsigned char kind;         /* esc_loc_kind */
    unsigned char role;
    bool escapes;               /* address outlives the location (Go's escapes) */
    bool queued;                /* in walkAll's queue */
    bool opaque;                /* value comes from code we do not see */
    bool ext;                   /* address reachable by code we do not see */
    bool raw;                   /* VAR/MAP: may hold pointer bytes as non-pointer data */
    bool raw_out;               /* raw && ext: heap <- this [0] added */
    unsigned ctor_mask;         /* MAP: the result (bit 0) or out parameter i (bit i+1)
                                   reached its handle (ctor.c) */
    int ctor_path;              /* the flow of the first such reach, -1 */
    int ehead, etail;           /* incoming edges */
    /* Go's walk: w for the walk from one root, h for the shared heap walk */
    hop w, h;
    unsigned walkgen;
    bool hseen, hqueued;        /* h is set; in the heap walk's stack */
    /* scratch walks (points-to, ext) */
    unsigned sgen;
    int sderefs;
    uint32_t smask;
    /* reads_raw's memo: derefs from which no raw location is reached (store.c) */
    unsigned cgen;
    uint32_t cmask;
    /* parameter summary (Go's leaks, heap and ~r0), -1 = none */
    int leak_heap, leak_result;
    int path_heap, path_result; /* explanation of those, -1 */
    int path_esc;               /* explanation of escapes, -1 */
} location;

typedef struct fparam {
    int loc;
    const char *name;
    esc_pos pos;
    bool is_pointer, noescape, set;
    bool promised;              /* another declaration or a function pointer type promised
                                   noescape: checked, not trusted (esc_param_promised) */
    int home;                   /* ESC_LOC_VAR it lives in, -1 (esc_param_home) */
    uint32_t result_mask;       /* ~r0 = *^d p for each bit d (closed results) */
    int out;                    /* its ROLE_OUT location, -1 (ctor.c) */
    bool out_raw;               /* a map went to *p as raw bytes (ctor.c) */
} fparam;

struct esc_func {
    esc_ctx *c;
    int id;
    const char *name;
    esc_pos pos;
    bool has_body, trusted;
    VEC(fparam) params;
    int result;                 /* -1 until esc_result() */
    int heap;                   /* this function's heap proxy */
    int maxdepth;               /* deepest loopdepth of its locations */
    VEC(int) locs;
    VEC(int) sites;
    VEC(int) calls;
    VEC(int) stores;
    VEC(int) ext_args;          /* noescape arguments of indirect calls (libc.c): memory
                                   code we do not see may read and write, as a direct
                                   call's arguments (store.c mark_ext) */
    VEC(int) exposures;
    int scc;                    /* batch id, -1 before esc_solve */
    int tj_index, tj_low;       /* Tarjan */
    bool tj_on, summarized;
    bool recursive;             /* may be in a cycle of calls: small frame budget */
    bool always_inline;         /* inlined into every caller: small frame budget too */
    bool address_taken;         /* unknown code may call it (esc_func_address_taken) */
    bool calls_unknown;         /* calls code it does not see (esc_unknown_call) */
    int rc_index, rc_low;       /* Tarjan over the may-call graph (mark_recursion) */
    bool result_closed;         /* ~r0 only ever holds *^d of its parameters */
    bool ctor_ok;               /* its maps may be made in callers' storage (ctor.c) */
    bool no_outputs;            /* esc_func_no_outputs */
    VEC(int) outputs;           /* sites whose maps callers may give storage for */
};

typedef struct site {
    int fn, loc, id;
    esc_site_info info;         /* type_name interned */
    esc_decision dec;
    bool frame_heap;            /* ESC_HEAP_ALL only for the frame budget */
    unsigned out_mask;          /* an output (ctor.c): result bit 0, out parameter i bit i+1 */
    int via_call, via_site;     /* a call's site: the call, the callee's output site; -1 */
} site;

typedef struct call {
    int fn, callee;
    int args, nargs;            /* into ctx.args */
    int result;
    esc_pos pos;
    int loopdepth;              /* -1: unknown (esc_call) */
    int dsite, ndsite;          /* its sites (ctor.c): c->sites[dsite .. dsite+ndsite) */
} call;

typedef struct store {
    int fn, ptr, src, derefs;
    esc_pos pos;
    const char *why;
    bool raw;                   /* esc_store_raw: local pointees become raw */
    bool out;                   /* went to a ROLE_OUT location (ctor.c) */
} store;

typedef struct exposure {       /* esc_expose / esc_copy of a typed access (store.c) */
    int fn, src, derefs;
    int dst;                    /* esc_copy: dst <- src; esc_expose: -1 (the heap) */
    esc_pos pos;
    const char *why;
    bool done;                  /* its edge was added */
    bool unknown;               /* esc_copy of unknown memory: dst <- heap added */
} exposure;

typedef struct step { int dst, edge; } step;       /* one hop of a flow path */
typedef struct path { int start, n; } path;        /* into ctx.steps */

/* A runtime call the front end specialised (esc_note_specialised). */
typedef struct special {
    int fn;
    esc_pos pos;
    const char *call, *entry;   /* interned */
    bool inlined;
} special;

struct esc_ctx {
    esc_options opt;
    int heap;                   /* the public heap id (location 0) */
    VEC(location) locs;
    VEC(edge) edges;
    VEC(esc_func *) funcs;
    VEC(site) sites;
    VEC(call) calls;
    VEC(int) args;
    VEC(store) stores;
    VEC(exposure) exposures;
    VEC(step) steps;
    VEC(path) paths;
    VEC(special) specials;      /* in the order noted */
    bool capture;               /* record flow paths (m >= 2 or JSON) */
    bool solved;
    unsigned walkgen, sgen;
    bool any_raw;               /* some location is raw (store.c skips raw walks if not) */
    unsigned raw_sets;          /* locations made raw so far (store.c's memo checks it) */
    bool printf_hooked;         /* the unit replaces printf conversions (libc.c) */
    unsigned cgen;              /* generation of reads_raw's memo */
    int clean_edges;            /* c->edges.n and */
    unsigned clean_raw;         /* raw_sets when that generation began */
    /* string interning: open addressing, power-of-two size */
    const char **strs;
    size_t nstrs, strcap;
    /* (store, pointee) pairs already turned into edges */
    uint64_t *seen;
    size_t nseen, seencap;
};

/* graph.c */
const char *esc_intern(esc_ctx *c, const char *s);
int  esc_loc_add(esc_ctx *c, int fn, esc_loc_kind kind, int role, const char *name,
                 esc_pos pos, int loopdepth);
void esc_edge_add(esc_ctx *c, int dst, int src, int derefs, esc_pos pos, const char *why);
bool esc_seen_add(esc_ctx *c, int a, int b);      /* false if (a,b) was there */
static inline location *LOC(esc_ctx *c, int l) { return &c->locs.v[l]; }

/* A value the function does not see: the heap's, a call's or unknown code's
 * (opaque, ext), or one read out of raw memory, whose bytes may have been
 * written as data: an integer may carry any exposed address (TS 6010), and
 * exposed memory is the heap's (docs/design.md "Pointers rebuilt from data").
 * Every walk that judges where a pointer comes from (store.c points_to and
 * in_region, ctor.c's out test, summary.c's closed results) stops there. */
static inline bool esc_unseen(const location *L)
{
    return L->role == ROLE_HEAP || L->opaque || L->ext || L->raw;
}

/* One batch: an SCC of the call graph, solved as one graph. */
typedef struct batch {
    esc_ctx *c;
    esc_func **fns;
    int n;
    VEC(int) work;              /* scratch stack of the walks */
} batch;
void esc_resolve_stores(batch *b);                /* store.c */
void esc_walk_all(batch *b);                      /* solve.c */

/* runtime_model.c: a call site's arguments, asked of the front end once each */
#define ESC_CALLARGS_CACHED 8
typedef struct esc_callargs {
    const esc_callsite *cs;
    esc_loc loc[ESC_CALLARGS_CACHED];
    bool have[ESC_CALLARGS_CACHED];
} esc_callargs;
esc_loc esc_call_arg(esc_callargs *a, int i);
/* ctor.c: maps made by a callee in its caller's storage */
bool esc_ctor_exempt(esc_ctx *c, int root, int l);   /* walk_one, at root = &l */
void esc_ctor_note(esc_ctx *c, int root, int l, int path);
void esc_ctor_link(batch *b, int call);              /* link_calls */
int  esc_ctor_out(esc_ctx *c, int fn, int param);    /* store.c: *p's ROLE_OUT */
/* store.c: is `*ptr = (derefs) src` of fn a store through pointer parameter
 * *param itself (+ offsets) of a value that may be a map's handle?  *raw is set
 * when that value came through raw memory (its bytes copied as data). */
bool esc_ctor_out_src(esc_ctx *c, int fn, int ptr, int src, int derefs, int *param, bool *raw);
/* store.c: does the value (derefs) src come through raw memory? */
bool esc_value_raw(esc_ctx *c, int src, int derefs);
/* store.c: a map goes to *param as raw bytes; true when that is new */
bool esc_ctor_out_raw(esc_ctx *c, int fn, int param);
void esc_ctor_begin(batch *b);                       /* before the walk */

/* decide.c */
void esc_decide_all(esc_ctx *c);

/* report.c: names used by both -m=2 text and JSON */
int esc_print_col(esc_ctx *c, esc_pos p);                            /* opt.print_col */
const char *esc_loc_text(esc_ctx *c, int l, char *buf, size_t len);  /* explainLoc */
const char *esc_what_text(esc_ctx *c, int src, int derefs, char *buf, size_t len);
/* The hops of flow path pth as -m=2 prints them (temporaries and self-copies
 * folded): hop() gets "flow: DST = OPS SRC" and its notes, in order (report.c). */
typedef struct esc_hop_note { const char *what, *why; esc_pos pos; } esc_hop_note;
typedef void (*esc_hop_fn)(void *arg, const char *flow, const esc_hop_note *notes, int n);
void esc_path_hops(esc_ctx *c, int pth, esc_hop_fn hop, void *arg);
void esc_map_text(const site *s, char *buf, size_t len);             /* make(map[K]V) */
/* The -m lines of the unit in printing order (report.c), what -m prints and
 * SARIF's results are: kind is the message's kind (SARIF's rule), fn the
 * function, path the flow path that explains it or -1; msg is malloc'd. */
typedef enum esc_line_kind {
    ESC_LINE_MAP_STACK, ESC_LINE_MAP_HEAP, ESC_LINE_BUCKETS, ESC_LINE_LEAK,
    ESC_LINE_LEAK_CONTENT, ESC_LINE_TO_RESULT, ESC_LINE_PARAM_OK, ESC_LINE_ADDR,
    ESC_LINE_KINDS
} esc_line_kind;
typedef struct esc_line {
    esc_pos pos;
    int cat, seq, path, fn;     /* cat: site < param < var at one position */
    esc_line_kind kind;
    char *msg;
} esc_line;
esc_line *esc_lines(esc_ctx *c, int *count);
void esc_site_msg(esc_ctx *c, const site *s, char *msg, size_t len);
void esc_free_lines(esc_line *v, int n);
void esc_json_str(FILE *o, const char *s);       /* a JSON string, or null */
char *esc_render_json(esc_ctx *c, const char *unit, const char *source);  /* json.c */
char *esc_render_sarif(esc_ctx *c, const char *unit, const char *source); /* sarif.c */
void esc_param_msgs(esc_ctx *c, const fparam *p, char out[2][512], int paths[2],
                    int *n);

#endif /* ESCAPE_CORE_PRIV_H */
