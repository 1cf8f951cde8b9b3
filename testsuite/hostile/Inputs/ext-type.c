/* ext-type.c - a map descriptor defined in its own translation unit, for
 * extern-descriptor.c (which sees only `extern const gomap_type ext_type`). */
#include "gomap.h"
const gomap_type ext_type = { GOMAP_LAYOUT_VERSION, sizeof(int), sizeof(int), _Alignof(int),
                              _Alignof(int), 0, "map[int]int" };
