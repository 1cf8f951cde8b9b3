/* ctor-other.c - a unit compiled WITHOUT the plugin that calls the public helpers
 * of constructors.c: it must get those helpers' original behaviour (their maps on
 * the heap), since only the plugin's callers know the clones that take storage.
 * It keeps the maps after the helpers returned, in globals. */
#include "gomap.h"

gomap *pub_new(void);
struct index { gomap *by_id; gomap *by_name; int n; };
void index_init(struct index *ix);

gomap *other_map;
struct index other_ix;

void other_unit_keeps(void)
{
    other_map = pub_new();
    index_init(&other_ix);
}
