/* loops.c - Go's loopDepth from the source structure (Clang's AST has no CFG).
 *
 * A loop is a source range that may execute again: the body, condition and step
 * of a for (everything after its init), a whole while or do statement, and for a
 * backward goto the range from its label to the goto (a computed goto: from the
 * first label to the last computed goto).  Then, as Go does on its AST:
 *
 *   a point (a map site, a temporary) has the depth of the loops containing it;
 *   a variable counts a loop when its whole block is inside (each iteration
 *   leaves the block: the old value is dead, C11 6.2.4), or when its declaration
 *   is inside and no label, case or default follows it in the loop (every path
 *   to its uses comes back through the declaration, which re-initializes it or
 *   makes it indeterminate, C11 6.8p3); a jump past the declaration (an
 *   irreducible loop) keeps the old value, so that loop does not count.  A
 *   pointer that could reach the variable across iterations must have flowed to
 *   a shallower location, which makes the variable escape (Go's rule for &x);
 *   a site that a return from setjmp (or vfork, getcontext, ...) may reach
 *   gets one more level (a longjmp back runs it again in the same frame, a
 *   back edge no loop shows): one in or after the statement of the function
 *   body holding the call, or in a loop around the call.  A site before that
 *   statement and outside such loops runs once per frame (the GCC front end
 *   asks its CFG the same question; docs/design.md).
 */
#include "fe.h"

#include <stdlib.h>
#include <string.h>

static ce_range extent(CXCursor c)
{
    CXSourceRange r = clang_getCursorExtent(c);
    ce_range x = { ce_offset(clang_getRangeStart(r)), ce_offset(clang_getRangeEnd(r)) };
    return x;
}

typedef struct scan {
    ce_loops *l;
    CXTranslationUnit tu;
    ce_range body;
    unsigned top;                   /* begin of the body statement being visited */
    unsigned min_label, max_indirect;
    bool indirect;
} scan;

/* A for loop iterates from the ';' ending its init (found in the tokens; a for
 * spelled in a macro iterates as a whole). */
static ce_range for_range(scan *s, CXCursor c)
{
    ce_range r = extent(c);
    CXToken *toks = NULL;
    unsigned n = 0;
    clang_tokenize(s->tu, clang_getCursorExtent(c), &toks, &n);
    int depth = 0;
    for (unsigned i = 0; i < n; i++) {
        char *t = ce_string(clang_getTokenSpelling(s->tu, toks[i]));
        bool semi = !strcmp(t, ";") && depth == 1;
        depth += !strcmp(t, "(") - !strcmp(t, ")");
        free(t);
        if (semi) {
            unsigned off = ce_offset(clang_getTokenLocation(s->tu, toks[i]));
            if (off > r.begin && off < r.end)
                r.begin = off;
            break;
        }
    }
    if (toks)
        clang_disposeTokens(s->tu, toks, n);
    return r;
}

static bool is_setjmp(CXCursor call)
{
    char *name = ce_string(clang_getCursorSpelling(call));
    bool r = !strcmp(name, "setjmp") || !strcmp(name, "_setjmp")
        || !strcmp(name, "sigsetjmp") || !strcmp(name, "__sigsetjmp")
        || !strcmp(name, "savectx") || !strcmp(name, "vfork")
        || !strcmp(name, "getcontext");
    free(name);
    return r;
}

static enum CXChildVisitResult visit(CXCursor c, CXCursor parent, CXClientData d)
{
    scan *s = d;
    ce_range pr = extent(parent);
    if (pr.begin == s->body.begin && pr.end == s->body.end)
        s->top = extent(c).begin;           /* a statement of the body itself */
    switch (clang_getCursorKind(c)) {
    case CXCursor_ForStmt:
        VPUSH(s->l->loops, for_range(s, c));
        break;
    case CXCursor_WhileStmt:
    case CXCursor_DoStmt:
        VPUSH(s->l->loops, extent(c));
        break;
    case CXCursor_GotoStmt: {
        CXCursor k[1];
        if (ce_children(c, k, 1) == 1) {
            CXCursor label = clang_getCursorReferenced(k[0]);
            ce_range g = extent(c), lr = extent(label);
            if (!clang_Cursor_isNull(label) && lr.begin <= g.begin)
                VPUSH(s->l->loops, ((ce_range){ lr.begin, g.end }));
        }
        break;
    }
    case CXCursor_IndirectGotoStmt:
        s->indirect = true;
        if (extent(c).end > s->max_indirect)
            s->max_indirect = extent(c).end;
        break;
    case CXCursor_LabelStmt:
        if (extent(c).begin < s->min_label)
            s->min_label = extent(c).begin;
        VPUSH(s->l->targets, extent(c).begin);
        break;
    case CXCursor_CaseStmt:
    case CXCursor_DefaultStmt:
        VPUSH(s->l->targets, extent(c).begin);
        break;
    case CXCursor_CallExpr:
        if (is_setjmp(c)) {
            s->l->setjmp = true;
            VPUSH(s->l->rejoin, ((ce_range){ s->top, extent(c).begin }));
        }
        break;
    default:
        break;
    }
    return CXChildVisit_Recurse;
}

void ce_loops_scan(ce_loops *l, CXCursor body)
{
    scan s = { l, clang_Cursor_getTranslationUnit(body), extent(body), 0, ~0u, 0, false };
    l->setjmp = false;
    clang_visitChildren(body, visit, &s);
    if (s.indirect && s.min_label != ~0u)        /* a computed goto may go anywhere */
        VPUSH(l->loops, ((ce_range){ s.min_label, s.max_indirect > s.min_label
                                       ? s.max_indirect : extent(body).end - 1 }));
}

void ce_loops_free(ce_loops *l)
{
    VFREE(l->loops);
    VFREE(l->targets);
    VFREE(l->rejoin);
}

bool ce_rejoined(const ce_loops *l, unsigned off)
{
    for (int i = 0; i < l->rejoin.n; i++) {
        ce_range j = l->rejoin.v[i];
        if (off >= j.begin)
            return true;                    /* in or after the call's statement */
        for (int k = 0; k < l->loops.n; k++)
            if (l->loops.v[k].begin <= off && off < l->loops.v[k].end
                && l->loops.v[k].begin <= j.end && j.end < l->loops.v[k].end)
                return true;                /* a loop around both */
    }
    return false;
}

int ce_point_depth(const ce_loops *l, unsigned off)
{
    int d = 0;
    for (int i = 0; i < l->loops.n; i++)
        d += l->loops.v[i].begin <= off && off < l->loops.v[i].end;
    return d;
}

static bool target_between(const ce_loops *l, unsigned from, unsigned to)
{
    for (int i = 0; i < l->targets.n; i++)
        if (l->targets.v[i] > from && l->targets.v[i] < to)
            return true;
    return false;
}

int ce_var_depth(const ce_loops *l, ce_range block, unsigned decl)
{
    int d = 0;
    for (int i = 0; i < l->loops.n; i++) {
        ce_range r = l->loops.v[i];
        if (r.begin <= block.begin && block.end <= r.end)
            d++;
        else if (r.begin <= decl && decl < r.end && !target_between(l, decl, r.end))
            d++;
    }
    return d;
}
