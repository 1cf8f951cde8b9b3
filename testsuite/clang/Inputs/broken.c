// A unit Clang rejects: escape-clang prints Clang's error and fails.
#include "gomap.h"

size_t broken(void)
{
    return gomap_len(nope);
}
