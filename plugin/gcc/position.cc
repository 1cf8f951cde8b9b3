/* position.cc - GCC locations as the core's esc_pos (FILE:LINE:COL as GCC prints
 * them).  A location inside a macro expansion is reported at the expansion point,
 * the place the user wrote; "in system header" is judged there too.
 */
#include "fe.h"

esc_pos fe_pos(location_t loc)
{
    esc_pos p = { NULL, 0, 0, false };
    if (loc == UNKNOWN_LOCATION)
        return p;
    loc = linemap_resolve_location(line_table, loc, LRK_MACRO_EXPANSION_POINT, NULL);
    expanded_location x = expand_location(loc);
    p.file = x.file;
    p.line = x.line;
    p.col = x.column;
    p.in_system_header = in_system_header_at(loc);
    return p;
}

esc_pos fe_stmt_pos(gimple *stmt)
{
    location_t loc = stmt ? gimple_location(stmt) : UNKNOWN_LOCATION;
    if (loc == UNKNOWN_LOCATION && cfun)
        loc = DECL_SOURCE_LOCATION(cfun->decl);
    return fe_pos(loc);
}
