/* writes.c - the locals of a function written after their declaration: the
 * left operand of an assignment (or of one the tokens cannot read), of ++ or --,
 * an asm operand, or anything whose address is taken (it may be written through
 * the pointer).  The others hold one value for the whole function, so a
 * parameter can be its own esc_param location (as the plugin's default SSA
 * definition) and a descriptor can be followed through a copy.
 */
#include "fe.h"

#include <stdlib.h>
#include <string.h>

typedef struct written { ce_fn *fn; ce_map *set; } written;

static void mark(written *w, CXCursor target)
{
    target = ce_strip(target);
    while (clang_getCursorKind(target) == CXCursor_ParenExpr) {
        CXCursor k[1];
        if (ce_children(target, k, 1) != 1)
            return;
        target = ce_strip(k[0]);
    }
    if (clang_getCursorKind(target) == CXCursor_DeclRefExpr)
        *ce_map_slot(w->set, clang_getCursorReferenced(target), true) = (void *)1;
}

static enum CXChildVisitResult find_writes(CXCursor c, CXCursor parent, CXClientData d)
{
    (void)parent;
    written *w = d;
    CXCursor k[2];
    enum CXCursorKind kind = clang_getCursorKind(c);
    CXTranslationUnit tu = w->fn->u->tu;
    if (kind == CXCursor_BinaryOperator && ce_children(c, k, 2) == 2) {
        ce_op op = ce_binary_op(tu, c);
        if (op == CE_OP_ASSIGN || op == CE_OP_UNKNOWN)
            mark(w, k[0]);
    } else if (kind == CXCursor_CompoundAssignOperator && ce_children(c, k, 2) == 2) {
        mark(w, k[0]);
    } else if (kind == CXCursor_UnaryOperator && ce_children(c, k, 1) == 1) {
        ce_op op = ce_unary_op(tu, c);
        if (op == CE_OP_ADDR || op == CE_OP_INCDEC || op == CE_OP_UNKNOWN)
            mark(w, k[0]);
    } else if (kind == CXCursor_GCCAsmStmt) {
        clang_visitChildren(c, find_writes, d);      /* any operand may be written */
        ce_cursors ops = ce_all_children(c);
        for (int i = 0; i < ops.n; i++)
            mark(w, ops.v[i]);
        VFREE(ops);
        return CXChildVisit_Continue;
    }
    return CXChildVisit_Recurse;
}

bool ce_written(ce_fn *fn, CXCursor var)
{
    if (!fn->written) {
        written w = { fn, ce_map_new() };
        clang_visitChildren(fn->decl, find_writes, &w);
        fn->written = w.set;
    }
    return ce_map_slot(fn->written, var, false) != NULL;
}
