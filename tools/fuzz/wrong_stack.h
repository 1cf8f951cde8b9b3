/* wrong_stack.h - a deliberately wrong "transform" for testing the fuzzer itself.
 *
 * `run.py --wrong-stack` builds the stack side with `-include wrong_stack.h
 * -fstack-reuse=none -fno-sanitize-address-use-after-scope` instead of the plugin:
 * every gomap_make call then builds its map header in the calling function's frame,
 * whether the map escapes or not - what a plugin answering "does not escape" for
 * every site would do.  The buffer lives in the frame until the function returns
 * (no stack slot sharing, no scope poisoning), so maps that do not escape still
 * work, and maps that do (returned, kept in globals, kept across loop iterations)
 * are caught as stack-use-after-return or as a different output.
 */
#ifndef FUZZ_WRONG_STACK_H
#define FUZZ_WRONG_STACK_H
#include "gomap.h"

#define gomap_make(t, hint)                                                     \
    ({ _Alignas(GOMAP_HMAP_ALIGN) unsigned char wrong_hmap_[GOMAP_HMAP_SIZE];   \
       gomap_make_on((t), (hint), wrong_hmap_, NULL); })
#endif
