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
    int status;
    SimEngine *e = dbg_load(path, profile, dbg_write_file, out, err, &status);
    if (!e) return status;
    if (status == 0) {
        interrupted_engine = e;
        void (*old)(int) = signal(SIGINT, on_sigint);
        sim_engine_run(e);
        status = sim_engine_finalize(e);
        signal(SIGINT, old);
        interrupted_engine = NULL;
    }
    fflush(out);
    sim_engine_free(e);
    return status;
}

/* The memory-model literature's first example: two nodes that refer to
 * each other, kept alive by the cycle after their names are gone. */
static const char demo_program[] =
    "import sys\n"
    "\n"
    "class Node:\n"
    "    def __init__(self, name):\n"
    "        self.name = name\n"
    "        self.other = None\n"
    "    def __del__(self):\n"
    "        print('freed', self.name)\n"
    "\n"
    "a = Node('a')\n"
    "b = Node('b')\n"
    "print('a alone:', sys.getrefcount(a))\n"
    "a.other = b\n"
    "b.other = a\n"
    "print('a in a cycle:', sys.getrefcount(a))\n"
    "print('size of a node:', sys.getsizeof(a))\n"
    "del a, b\n"
    "print('names gone; the cycle keeps both nodes alive until the collector runs')\n";

int dbg_demo(FILE *out, FILE *err)
{
    fputs("refscope demo: the two-node reference cycle\n\n", out);
    fputs(demo_program, out);
    fputs("\n--- output ---\n", out);
    fflush(out);
    return sim_run_source(NULL, demo_program, sizeof demo_program - 1, "demo.py", dbg_write_file, out,
                          dbg_write_file, err);
}
