/* inline-definition-ext.c - the external definitions of the functions that
 * inline-definition.c defines only inline: these are the bodies a call runs
 * when the compiler does not inline it, and they keep the map they are given. */
#include "gomap.h"

gomap *kept[3];
int sink;

void note(gomap *m) { kept[0] = m; }
void note_o2(gomap *m) { kept[1] = m; }
void note_gnu(gomap *m) { kept[2] = m; }
