/* dis_cmd.c -- `refscope dis FILE.py`: what `python3 -m dis FILE.py` prints. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "dbg/dbg.h"
#include "sim/engine.h"

static void write_to(void *ud, const char *text, size_t len) { fwrite(text, 1, len, ud); }

/* The whole file, NUL-terminated; NULL with errno set. */
static char *read_file(const char *path, size_t *len)
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

int dbg_dis(const char *path, FILE *out, FILE *err)
{
    size_t len;
    char *src = read_file(path, &len);
    if (!src) {
        /* python3 -m dis: "dis.py: error: argument infile: can't open ..." */
        fprintf(err, "refscope dis: can't open '%s': %s\n", path, strerror(errno));
        return 1;
    }
    char msg[256];
    SimEngine *e = sim_engine_new(NULL, msg, sizeof msg);
    if (!e) {
        fprintf(err, "refscope: %s\n", msg);
        free(src);
        return 1;
    }
    int status = sim_disassemble_source(e, src, len, path, write_to, out, write_to, err);
    sim_engine_free(e);
    free(src);
    return status;
}
