/* dis_cmd.c -- `refscope dis FILE.py`: what `python3 -m dis FILE.py` prints. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "dbg/dbg.h"
#include "source.h"
#include "sim/engine.h"

int dbg_dis(const char *path, FILE *out, FILE *err)
{
    size_t len;
    char *src = dbg_read_source(path, &len);
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
    int status = sim_disassemble_source(e, src, len, path, dbg_write_file, out, dbg_write_file, err);
    sim_engine_free(e);
    free(src);
    return status;
}
