/* pos.c - libclang source locations as the core's esc_pos.
 *
 * Like the GCC plugin, a location inside a macro expansion is reported at the
 * expansion point (the place the user wrote), and "in system header" is judged
 * there; FILE is the name the file was opened by (as given on the command
 * line).  Columns are counted as GCC's diagnostics count them: display columns
 * by default (a tab advances to the next multiple of -ftabstop, 8; a UTF-8
 * character is one column), bytes with -fdiagnostics-column-unit=byte.
 */
#include "fe.h"

#include <stdlib.h>

static struct { CXTranslationUnit tu; bool bytes; int tabstop; } columns = { NULL, false, 8 };

void ce_columns(CXTranslationUnit tu, bool bytes, int tabstop)
{
    columns.tu = tu;
    columns.bytes = bytes;
    columns.tabstop = tabstop > 0 ? tabstop : 8;
}

/* The display column of byte column COL of the line holding byte OFF. */
static int display_column(CXFile file, unsigned off, unsigned col)
{
    size_t size = 0;
    const char *text = columns.tu ? clang_getFileContents(columns.tu, file, &size) : NULL;
    if (!text || off >= size + 1 || col - 1 > off)
        return (int)col;
    const char *line = text + off - (col - 1);
    int d = 1;
    for (unsigned i = 0; i + 1 < col; i++) {
        unsigned char ch = (unsigned char)line[i];
        if (ch == '\t')
            d = (d - 1) / columns.tabstop * columns.tabstop + columns.tabstop + 1;
        else if ((ch & 0xC0) != 0x80)
            d++;
    }
    return d;
}

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
    p.col = columns.bytes ? (int)col : display_column(file, off, col);
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
