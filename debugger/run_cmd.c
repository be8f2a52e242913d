/* run_cmd.c -- `refscope run FILE.py`: python3 FILE.py on the simulator. */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "dbg/dbg.h"
#include "sim/engine.h"
#include "source.h"

/* Ctrl-C reaches the running engine as KeyboardInterrupt. */
static SimEngine *volatile interrupted_engine;

static void on_sigint(int sig)
{
    (void)sig;
    if (interrupted_engine) sim_engine_interrupt(interrupted_engine);
}

int dbg_run(const char *path, const char *profile, FILE *out, FILE *err)
{
    size_t len;
    char *src = dbg_read_source(path, &len);
    if (!src) {
        /* python3's own words for a missing script */
        fprintf(err, "refscope: can't open file '%s': [Errno %d] %s\n", path, errno, strerror(errno));
        return 2;
    }
    char msg[256];
    SimEngine *e = sim_engine_new(profile, msg, sizeof msg);
    if (!e) {
        fprintf(err, "refscope: %s\n", msg);
        free(src);
        return 2;
    }
    sim_engine_set_output(e, dbg_write_file, out, dbg_write_file, err);
    int status = 1;
    if (sim_engine_load(e, src, len, path) == 0) {
        interrupted_engine = e;
        void (*old)(int) = signal(SIGINT, on_sigint);
        status = sim_engine_run(e);
        signal(SIGINT, old);
        interrupted_engine = NULL;
    }
    fflush(out);
    sim_engine_free(e);
    free(src);
    return status;
}
