/* output.c - the files json=PATH and sarif=PATH write (docs/json.md, docs/diagnostics.md).
 *
 * PATH an existing directory: one file per translation unit in it, named after
 * the unit (its output file without extension, relative to the working
 * directory when under it, every '/' made '_'), so that
 * `gcc -c a.c b.c` and `make -j` keep every unit.  Otherwise PATH is the file.
 * A JSON file is an array of unit documents; a SARIF file is one log whose runs
 * are the units.  A file is written whole under a temporary name in its own
 * directory and renamed over the old one: readers and parallel writers never
 * see a half-written or interleaved file (a symbolic link PATH is followed: the
 * file it names is replaced).
 */
#define _POSIX_C_SOURCE 200809L
#include "core.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

char *esc_render(esc_ctx *c, esc_format f, const char *unit, const char *source)
{
    return f == ESC_FORMAT_SARIF ? esc_render_sarif(c, unit, source)
                                 : esc_render_json(c, unit, source);
}

char *esc_output_path(const char *path, const char *unit, esc_format f)
{
    struct stat st;
    const char *ext = f == ESC_FORMAT_SARIF ? ".sarif" : ".json";
    size_t plen = strlen(path);
    if (stat(path, &st) != 0 || !S_ISDIR(st.st_mode)) {
        char *s = esc_xmalloc(plen + 1);
        memcpy(s, path, plen + 1);
        return s;
    }
    if (!unit || !*unit) unit = "unit";
    if (!strcmp(unit, "-")) unit = "stdin";     /* gcc -x c - */
    char cwd[PATH_MAX];
    size_t clen = getcwd(cwd, sizeof cwd) ? strlen(cwd) : 0;
    if (unit[0] == '/' && clen > 1 && !strncmp(unit, cwd, clen) && unit[clen] == '/')
        unit += clen + 1;               /* under the working directory: relative */
    while (unit[0] == '.' && unit[1] == '/') unit += 2;
    while (unit[0] == '/') unit++;
    size_t ulen = strlen(unit);
    char *s = esc_xmalloc(plen + ulen + strlen(ext) + 2);
    memcpy(s, path, plen);
    size_t k = plen;
    if (k == 0 || s[k - 1] != '/') s[k++] = '/';
    for (size_t i = 0; i < ulen; i++) s[k++] = unit[i] == '/' ? '_' : unit[i];
    strcpy(s + k, ext);
    return s;
}

static const char sarif_head[] =
    "{\"$schema\": \"https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json\",\n"
    " \"version\": \"2.1.0\",\n \"runs\": [";

int esc_write_parts(const char *file, esc_format f, char *const *parts, int n)
{
    /* A symbolic link is written through: the file it names is replaced. */
    char real[2][PATH_MAX];
    struct stat st;
    for (int hops = 0, k = 0; hops < 16 && lstat(file, &st) == 0 && S_ISLNK(st.st_mode);
         hops++, k ^= 1) {
        char target[PATH_MAX];
        ssize_t len = readlink(file, target, sizeof target - 1);
        if (len <= 0) break;
        target[len] = 0;
        const char *slash = strrchr(file, '/');
        int dlen = target[0] != '/' && slash ? (int)(slash - file + 1) : 0;
        if (snprintf(real[k], PATH_MAX, "%.*s%s", dlen, file, target) >= PATH_MAX) break;
        file = real[k];
    }
    size_t flen = strlen(file);
    char *tmp = esc_xmalloc(flen + 16);
    memcpy(tmp, file, flen);
    memcpy(tmp + flen, ".tmp.XXXXXX", 12);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        int err = errno;
        free(tmp);
        errno = err;
        return -1;
    }
    FILE *o = fdopen(fd, "w");
    if (!o) {
        int err = errno;
        close(fd);
        unlink(tmp);
        free(tmp);
        errno = err;
        return -1;
    }
    fputs(f == ESC_FORMAT_SARIF ? sarif_head : "[", o);
    for (int i = 0; i < n; i++) {
        fputs(i ? ",\n" : "\n", o);
        fputs(parts[i], o);
    }
    fputs(f == ESC_FORMAT_SARIF ? "\n]}\n" : "\n]\n", o);
    int err = ferror(o) ? (errno ? errno : EIO) : 0;
    /* mkstemp makes the file 0600; give it what a plain fopen would (0666 - umask). */
    mode_t mask = umask(0);
    umask(mask);
    if (!err && fchmod(fd, 0666 & ~mask) != 0) err = errno;
    if (fclose(o) != 0 && !err) err = errno ? errno : EIO;
    if (!err && rename(tmp, file) != 0) err = errno;
    if (err) unlink(tmp);
    free(tmp);
    if (err) { errno = err; return -1; }
    return 0;
}
