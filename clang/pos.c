/* pos.c - libclang source locations as the core's esc_pos.
 *
 * Like the GCC plugin, a location inside a macro expansion is reported at the
 * expansion point (the place the user wrote), and "in system header" is judged
 * there; FILE is the name the file was opened by (as given on the command
 * line), columns are 1-based bytes, as GCC counts them.
 */
#include "fe.h"

#include <stdlib.h>

esc_pos ce_pos(CXSourceLocation loc)
{
    esc_pos p = { NULL, 0, 0, false };
    CXFile file;
    unsigned line, col, off;
    clang_getExpansionLocation(loc, &file, &line, &col, &off);
    if (!file)
        return p;
    char *name = ce_string(clang_getFileName(file));
    p.file = ce_intern(name);
    free(name);
    p.line = (int)line;
    p.col = (int)col;
    p.in_system_header = clang_Location_isInSystemHeader(loc) != 0;   /* at expansion */
    return p;
}

esc_pos ce_cursor_pos(CXCursor c)
{
    return ce_pos(clang_getCursorLocation(c));
}

unsigned ce_offset(CXSourceLocation loc)
{
    unsigned off;
    clang_getExpansionLocation(loc, NULL, NULL, NULL, &off);
    return off;
}
