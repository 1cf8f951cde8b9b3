/* decls-only.c - declarations and nothing to analyse: extern objects, prototypes
 * (taking and returning maps), typedefs, an incomplete struct, a descriptor
 * declared but defined elsewhere. */
#include "gomap.h"
extern int counter;
extern gomap *global_map;
extern const gomap_type ext_type;
gomap *make_it(size_t hint);
size_t use_it(gomap *m) __attribute__((noinline));
typedef gomap *map_handle;
struct later;
enum color { RED, GREEN };
static inline size_t unused_inline(gomap *m) { return gomap_len(m); }
