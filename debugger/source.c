/* source.c -- see source.h. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "source.h"

void dbg_write_file(void *ud, const char *text, size_t len)
{
    /* what the program printed before comes first, as python3's flush_io
     * makes it before a traceback */
    if (ud == stderr) fflush(stdout);
    fwrite(text, 1, len, ud);
}

/* The whole file, NUL-terminated; NULL with errno set. */
char *dbg_read_source(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    size_t k;
    while (buf && (k = fread(buf + n, 1, cap - n - 1, f)) > 0) {
        n += k;
        if (cap - n < 2) {
            char *bigger = realloc(buf, cap *= 2);
            if (!bigger) {
                free(buf);
                buf = NULL;
            }
            buf = bigger;
        }
    }
    int failed = ferror(f);
    fclose(f);
    if (!buf || failed) {
        free(buf);
        errno = failed ? EIO : ENOMEM;
        return NULL;
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}


SimEngine *dbg_load(const char *path, const char *profile, SimWriteFn out, void *out_ud, FILE *err, int *status)
{
    size_t len;
    char *src = dbg_read_source(path, &len);
    if (!src) {
        /* python3's own words for a missing script */
        fprintf(err, "refscope: can't open file '%s': [Errno %d] %s\n", path, errno, strerror(errno));
        *status = 2;
        return NULL;
    }
    char msg[256];
    SimEngine *e = sim_engine_new(profile, msg, sizeof msg);
    if (!e) {
        fprintf(err, "refscope: %s\n", msg);
        free(src);
        *status = 2;
        return NULL;
    }
    sim_engine_set_output(e, out, out_ud, dbg_write_file, err);
    char *script = dbg_script_path(path);
    int loaded = script && sim_engine_load(e, src, len, script) == 0;
    free(script);
    free(src);
    *status = loaded ? 0 : 1;
    return e;
}

char *dbg_script_path(const char *path)
{
    if (path[0] == '/') return strdup(path);
    char cwd[4096];
    if (!getcwd(cwd, sizeof cwd)) return strdup(path);
    size_t n = strlen(cwd) + 1 + strlen(path) + 1;
    char *p = malloc(n);
    if (p) snprintf(p, n, "%s/%s", cwd, path);
    return p;
}
