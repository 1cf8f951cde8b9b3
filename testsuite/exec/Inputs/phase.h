/* phase.h - memstats per phase for the executable tests.
 *
 * phase("name") prints to stderr what the runtime did since the previous call:
 *   name: heap_allocs=A heap_frees=F heap_bytes=B stack_maps=S stack_buckets=K
 * (heap_bytes is the absolute count of bytes still allocated).  Results go to
 * stdout, which must be the same with and without the plugin; the phase lines
 * are what differs and what the STACK/HEAP checks assert.
 *
 * Every test links the runtime compiled from source with the same sanitizers
 * (%t.rt/*.o), so the runtime's own reads and writes of a map wrongly put on the
 * stack are checked too (harness-detects.c shows such a mistake is caught). */
#ifndef EXEC_PHASE_H
#define EXEC_PHASE_H
#include <inttypes.h>
#include <stdio.h>
#include "gomap.h"

static gomap_memstats phase_last;

static void phase(const char *name)
{
    gomap_memstats s;
    gomap_read_memstats(&s);
    fprintf(stderr, "%s: heap_allocs=%" PRIu64 " heap_frees=%" PRIu64 " heap_bytes=%" PRIu64
            " stack_maps=%" PRIu64 " stack_buckets=%" PRIu64 "\n", name,
            s.heap_allocs - phase_last.heap_allocs, s.heap_frees - phase_last.heap_frees,
            s.heap_bytes, s.stack_maps - phase_last.stack_maps,
            s.stack_buckets - phase_last.stack_buckets);
    phase_last = s;
}
#endif
