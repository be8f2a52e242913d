/*
 * main.c -- `refscope SUBCOMMAND ...`: parses the command line and hands
 * each subcommand to the layer that owns it.  No logic of its own.
 */
#include <stdio.h>
#include <string.h>

#include <errno.h>
#include <stdlib.h>

#include "dbg/dbg.h"
#include "dbg/snapshot.h"
#include "gui/gui.h"

#define REFSCOPE_VERSION "0.1.0"

static const char usage[] =
    "usage: refscope COMMAND [ARGS]\n"
    "\n"
    "A teaching simulator of CPython 3.11's memory model.\n"
    "\n"
    "commands:\n"
    "  alloc-demo [--profile SPEC] [--trace] [--check]\n"
    "                  run a small allocation scenario on the simulated pymalloc\n"
    "                  heap and print sys._debugmallocstats() for it\n"
    "  demo            run a built-in program: the two-node reference cycle\n"
    "  run [--profile SPEC] FILE.py\n"
    "                  run it as `python3 FILE.py` runs it: the same stdout,\n"
    "                  stderr and exit status (a heap limit, e.g. --profile\n"
    "                  cpython-3.11,limit=64M, turns exhaustion into MemoryError)\n"
    "  trace [--profile SPEC] [--jsonl | --binary] [-o OUT] FILE.py\n"
    "                  every event of the run (instructions, stack pushes and pops,\n"
    "                  increfs/decrefs with their holders, allocations), one per line,\n"
    "                  as text, JSON lines, or a compact binary log; to OUT or\n"
    "                  stdout; the program's own output goes to stderr\n"
    "  trace --read LOG [--jsonl] [-o OUT]\n"
    "                  print a binary log as the text (or JSON lines) the run\n"
    "                  would have printed\n"
    "  dis FILE.py     print what `python3 -m dis FILE.py` prints (code object\n"
    "                  addresses are refscope's simulated ones)\n"
    "  snapshot [--profile SPEC] FILE.py [--tick N | --line L | --at-end] [-o OUT]\n"
    "                  the whole state as JSON (threads, frames, namespaces, every\n"
    "                  object with its holders, the allocator, the collector):\n"
    "                  before instruction N runs (0: before the first), before\n"
    "                  line L first runs, or after the end (default); to OUT or\n"
    "                  stdout; the program's own output goes to stderr\n"
    "  version         print the versions of refscope and the libraries it links\n"
    "  help            print this text\n"
    "\n"
    "planned (not in this build yet): debug, gui\n"
    "\n"
    "profiles (--profile):\n"
    "  cpython-3.11    1 MiB arenas of 63 usable 16 KiB pools, 32 classes (default)\n"
    "  classic         256 KiB arenas of 64 4 KiB pools, 64 classes, 8-byte alignment\n"
    "  NAME,key=value,...  overrides for teaching scale, e.g.\n"
    "                  cpython-3.11,arena=16K,pool=1K,threshold=128\n"
    "                  keys: arena pool align threshold offset limit keeplast\n";

static const char *const planned[] = {"debug", "gui"};

static const char snapshot_usage[] =
    "usage: refscope snapshot [--profile SPEC] FILE.py [--tick N | --line L | --at-end] [-o OUT]\n";

/* --profile SPEC / --profile=SPEC: 1 with *profile set, 0 if argv[*i] is
 * another option, -1 (with a message) when the value is missing. */
static int profile_option(const char *cmd, int argc, char **argv, int *i, const char **profile)
{
    const char *a = argv[*i];
    if (strcmp(a, "--profile") && strncmp(a, "--profile=", 10)) return 0;
    if (a[9] == '=') {
        *profile = a + 10;
    } else if (*i + 1 < argc) {
        *profile = argv[++*i];
    } else {
        fprintf(stderr, "refscope %s: --profile needs a value, e.g. --profile cpython-3.11,limit=64M\n", cmd);
        return -1;
    }
    return 1;
}

/* A whole decimal number, or -1. */
static int parse_count(const char *s, unsigned long long *out)
{
    if (!s || *s < '0' || *s > '9') return -1;
    char *end;
    errno = 0;
    *out = strtoull(s, &end, 10);
    return *end || errno ? -1 : 0;
}

/* snapshot [--profile SPEC] FILE.py [--tick N | --line L | --at-end] [-o OUT] */
static int cmd_snapshot(int argc, char **argv)
{
    SnapOptions opt = {NULL, NULL, {SNAP_AT_END, 0, 0}, NULL};
    int stops = 0, k;
    for (int i = 2; i < argc; i++) {
        const char *a = argv[i];
        const char *val = i + 1 < argc ? argv[i + 1] : NULL;
        unsigned long long n;
        if (!strcmp(a, "--tick") || !strcmp(a, "--line")) {
            if (parse_count(val, &n) != 0 || (a[2] == 'l' && (n == 0 || n > 0x7fffffff))) {
                fprintf(stderr, "refscope snapshot: %s needs a %s, e.g. %s 12\n", a,
                        a[2] == 't' ? "tick (0 or more)" : "line number (1 or more)", a);
                return 2;
            }
            i++;
            stops++;
            if (a[2] == 't') {
                opt.at.stop = SNAP_AT_TICK;
                opt.at.tick = n;
            } else {
                opt.at.stop = SNAP_AT_LINE;
                opt.at.line = (int)n;
            }
        } else if (!strcmp(a, "--at-end")) {
            opt.at.stop = SNAP_AT_END;
            stops++;
        } else if (!strcmp(a, "-o") || !strcmp(a, "--output")) {
            if (!val) {
                fprintf(stderr, "refscope snapshot: %s needs a file name ('-' for stdout)\n", a);
                return 2;
            }
            opt.output = argv[++i];
        } else if ((k = profile_option("snapshot", argc, argv, &i, &opt.profile)) != 0) {
            if (k < 0) return 2;
        } else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "refscope snapshot: unknown option '%s'\n%s", a, snapshot_usage);
            return 2;
        } else if (!opt.path) {
            opt.path = a;
        } else {
            fprintf(stderr, "refscope snapshot: one program at a time ('%s' is extra)\n", a);
            return 2;
        }
    }
    if (stops > 1) {
        fprintf(stderr, "refscope snapshot: give one moment: --tick N, --line L or --at-end\n");
        return 2;
    }
    if (!opt.path) {
        fputs(snapshot_usage, stderr);
        return 2;
    }
    return snap_command(&opt, stdout, stderr);
}

static const char trace_usage[] =
    "usage: refscope trace [--profile SPEC] [--jsonl | --binary] [-o OUT] FILE.py\n"
    "       refscope trace --read LOG [--jsonl] [-o OUT]\n";

/* run [--profile SPEC] FILE.py */
static int cmd_run(int argc, char **argv)
{
    const char *profile = NULL, *file = NULL;
    for (int i = 2; i < argc; i++) {
        int k = profile_option("run", argc, argv, &i, &profile);
        if (k < 0) return 2;
        if (k) continue;
        if (argv[i][0] == '-' && argv[i][1]) {
            fprintf(stderr, "refscope run: unknown option '%s'\n", argv[i]);
            return 2;
        } else if (!file) {
            file = argv[i];
        } else {
            fprintf(stderr, "refscope run: one program at a time ('%s' is extra)\n", argv[i]);
            return 2;
        }
    }
    if (!file) {
        fputs("usage: refscope run [--profile SPEC] FILE.py\n", stderr);
        return 2;
    }
    return dbg_run(file, profile, stdout, stderr);
}

/* trace [--profile SPEC] [--jsonl | --binary] [-o OUT] FILE.py
 * trace --read LOG [--jsonl] [-o OUT] */
static int cmd_trace(int argc, char **argv)
{
    const char *profile = NULL, *file = NULL, *log = NULL, *out = NULL;
    int jsonl = 0, binary = 0;
    for (int i = 2; i < argc; i++) {
        int k = profile_option("trace", argc, argv, &i, &profile);
        if (k < 0) return 2;
        if (k) continue;
        if (!strcmp(argv[i], "--jsonl")) {
            jsonl = 1;
        } else if (!strcmp(argv[i], "--binary")) {
            binary = 1;
        } else if (!strcmp(argv[i], "--read") || !strcmp(argv[i], "-o")) {
            if (i + 1 >= argc) {
                fprintf(stderr, "refscope trace: %s needs a file name\n%s", argv[i], trace_usage);
                return 2;
            }
            if (argv[i][1] == 'o') out = argv[++i];
            else log = argv[++i];
        } else if (argv[i][0] == '-' && argv[i][1]) {
            fprintf(stderr, "refscope trace: unknown option '%s'\n%s", argv[i], trace_usage);
            return 2;
        } else if (!file) {
            file = argv[i];
        } else {
            fprintf(stderr, "refscope trace: one program at a time ('%s' is extra)\n", argv[i]);
            return 2;
        }
    }
    const char *clash = jsonl && binary ? "--jsonl and --binary are two formats; choose one"
                        : log && file   ? "--read prints a log; it runs no program"
                        : log && binary ? "--read prints a log as text or JSON lines, not as a log"
                        : log && profile ? "--read prints a log; --profile is for running a program"
                                         : NULL;
    if (clash) {
        fprintf(stderr, "refscope trace: %s\n%s", clash, trace_usage);
        return 2;
    }
    DbgTraceFormat fmt = binary ? DBG_TRACE_BINARY : jsonl ? DBG_TRACE_JSONL : DBG_TRACE_TEXT;
    if (log) return dbg_trace_read(log, fmt, out, stdout, stderr);
    if (!file) {
        fputs(trace_usage, stderr);
        return 2;
    }
    return dbg_trace(file, profile, fmt, out, stdout, stderr);
}

static int cmd_alloc_demo(int argc, char **argv)
{
    DbgDemoOptions opt = {NULL, 0, 0};
    int k;
    for (int i = 2; i < argc; i++) {
        if (!strcmp(argv[i], "--trace")) {
            opt.trace = 1;
        } else if (!strcmp(argv[i], "--check")) {
            opt.check = 1;
        } else if ((k = profile_option("alloc-demo", argc, argv, &i, &opt.profile)) != 0) {
            if (k < 0) return 2;
        } else {
            fprintf(stderr, "refscope alloc-demo: unknown option '%s'\n"
                            "usage: refscope alloc-demo [--profile SPEC] [--trace] [--check]\n",
                    argv[i]);
            return 2;
        }
    }
    return dbg_alloc_demo(&opt, stdout, stderr);
}

static int cmd_version(void)
{
    printf("refscope %s (simulating CPython 3.11.7)\n", REFSCOPE_VERSION);
    dbg_print_versions(stdout);
    return gui_print_versions(stdout);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fputs(usage, stderr);
        return 2;
    }
    const char *cmd = argv[1];
    if (!strcmp(cmd, "alloc-demo")) return cmd_alloc_demo(argc, argv);
    if (!strcmp(cmd, "version") || !strcmp(cmd, "--version")) return cmd_version();
    if (!strcmp(cmd, "demo")) return dbg_demo(stdout, stderr);
    if (!strcmp(cmd, "run")) return cmd_run(argc, argv);
    if (!strcmp(cmd, "trace")) return cmd_trace(argc, argv);
    if (!strcmp(cmd, "snapshot")) return cmd_snapshot(argc, argv);
    if (!strcmp(cmd, "dis")) {
        if (argc != 3) {
            fputs("usage: refscope dis FILE.py\n", stderr);
            return 2;
        }
        return dbg_dis(argv[2], stdout, stderr);
    }
    if (!strcmp(cmd, "help") || !strcmp(cmd, "--help") || !strcmp(cmd, "-h")) {
        fputs(usage, stdout);
        return 0;
    }
    for (size_t i = 0; i < sizeof planned / sizeof planned[0]; i++) {
        if (!strcmp(cmd, planned[i])) {
            fprintf(stderr, "refscope: '%s' is not in this build yet; see 'refscope help'\n", cmd);
            return 2;
        }
    }
    fprintf(stderr, "refscope: unknown command '%s'; see 'refscope help'\n", cmd);
    return 2;
}
