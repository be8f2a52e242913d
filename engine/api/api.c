/*
 * api.c -- the public engine API (sim/engine.h) over the internal modules:
 * the only place where internal errors become the texts users see.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gc/gc.h"
#include "compiler/compile.h"
#include "compiler/parser.h"
#include "objects/exc.h"
#include "sim/engine.h"
#include "vm/disasm.h"
#include "vm/opcodes.h"
#include "vm/vm.h"

SimEngine *sim_engine_new(const char *profile, char *err, size_t errcap)
{
    SimProfile prof;
    if (sim_profile_parse(profile, &prof, err, errcap) != 0) return NULL;
    Sim *S = sim_new(&prof, err, errcap);
    if (S && vm_init(S) != 0) {
        snprintf(err, errcap, "cannot create the interpreter's modules (simulated heap too small?)");
        sim_free(S);
        return NULL;
    }
    return S;
}

void sim_engine_free(SimEngine *e) { sim_free(e); }

SimHeap *sim_engine_heap(SimEngine *e) { return e->heap; }

/* A compiler error as the parser reports its own: the source line and
 * compile.c's offsets (UTF-8 bytes, 1-based). */
static void to_parse_error(const CompileError *ce, const char *src, size_t len,
                           const char *filename, ParseError *pe)
{
    memset(pe, 0, sizeof *pe);
    pe->type = ce->type;
    snprintf(pe->msg, sizeof pe->msg, "%s", ce->msg);
    snprintf(pe->filename, sizeof pe->filename, "%s", filename);
    pe->lineno = ce->lineno;
    pe->end_lineno = ce->end_lineno;
    const char *line = src, *end = src + len;
    for (int n = 1; n < ce->lineno && line < end; n++) {
        const char *nl = memchr(line, '\n', (size_t)(end - line));
        line = nl ? nl + 1 : end;
    }
    const char *nl = memchr(line, '\n', (size_t)(end - line));
    size_t n = (size_t)((nl ? nl + 1 : end) - line);
    if (ce->lineno > 0 && line < end) {
        pe->has_text = 1;
        snprintf(pe->text, sizeof pe->text, "%.*s", (int)n, line);
    }
    /* python3 FILE.py shows compile.c's byte offsets as they are, even
     * on lines with non-ASCII text (the carets then sit one column right
     * per extra byte), BOM or coding cookie or not. */
    pe->offset = ce->offset;
    pe->end_offset = ce->end_offset;
}

static void write_error(const ParseError *pe, SimWriteFn err_out, void *err_ud)
{
    char buf[4096];
    int n = parse_error_format(pe, buf, sizeof buf);
    err_out(err_ud, buf, n < (int)sizeof buf ? (size_t)n : sizeof buf - 1);
}

/* str.isspace() for what str.strip() removes. */
static int py_space(uint32_t c)
{
    return (c >= 0x9 && c <= 0xd) || (c >= 0x1c && c <= 0x20) || c == 0x85 || c == 0xa0 ||
           c == 0x1680 || (c >= 0x2000 && c <= 0x200a) || c == 0x2028 || c == 0x2029 ||
           c == 0x202f || c == 0x205f || c == 0x3000;
}

/* The code point of the UTF-8 sequence at s[0..n) (n its length). */
static uint32_t utf8_at(const unsigned char *s, size_t n)
{
    if (n == 1) return s[0];
    uint32_t c = s[0] & (0x7f >> n);
    for (size_t i = 1; i < n; i++) c = c << 6 | (s[i] & 0x3f);
    return c;
}

static size_t utf8_seq_len(unsigned char b)
{
    return b < 0xc0 ? 1 : b < 0xe0 ? 2 : b < 0xf0 ? 3 : 4;
}

/* linecache.getline(filename, lineno).strip(): line `lineno` of the file
 * as the text file reads it (universal newlines; the BOM of utf-8-sig
 * gone), without the whitespace str.strip() removes at either end.
 * Returns its start and sets *n; NULL when the file has no such line. */
static const char *stripped_line(const char *src, size_t len, int lineno, size_t *n)
{
    const char *p = src, *end = src + len;
    if (len >= 3 && !memcmp(p, "\xef\xbb\xbf", 3)) p += 3;
    for (int l = 1; l < lineno && p < end; l++) {
        while (p < end && *p != '\n' && *p != '\r') p++;
        if (p < end && *p == '\r' && p + 1 < end && p[1] == '\n') p++;
        if (p < end) p++;
    }
    if (lineno < 1 || p >= end) return NULL;
    const char *e = p;
    while (e < end && *e != '\n' && *e != '\r') e++;
    for (;;) {
        size_t k = utf8_seq_len((unsigned char)*p);
        if (p >= e || (size_t)(e - p) < k || !py_space(utf8_at((const unsigned char *)p, k))) break;
        p += k;
    }
    while (e > p) {
        const char *q = e - 1;
        while (q > p && ((unsigned char)*q & 0xc0) == 0x80) q--;
        if (!py_space(utf8_at((const unsigned char *)q, (size_t)(e - q)))) break;
        e = q;
    }
    *n = (size_t)(e - p);
    return p;
}

/* What python3 prints for warnings raised while it compiles a file
 * (warnings.py's formatwarning: the stripped line after two spaces, when
 * the file has one).  The line comes from the source as given, which is
 * what python3's linecache reads from the unchanged file. */
static void write_warnings(const SynWarnings *w, const char *src, size_t len, const char *filename,
                           SimWriteFn err_out, void *err_ud)
{
    if (!err_out) return;
    for (size_t i = 0; i < w->n; i++) {
        const SynWarning *it = &w->items[i];
        char head[1200];
        int k = snprintf(head, sizeof head, "%s:%d: %s: %s\n", filename, it->lineno, it->category, it->msg);
        err_out(err_ud, head, k < (int)sizeof head ? (size_t)k : sizeof head - 1);
        size_t n;
        const char *line = stripped_line(src, len, it->lineno, &n);
        if (!line) continue;
        err_out(err_ud, "  ", 2);
        err_out(err_ud, line, n);
        err_out(err_ud, "\n", 1);
    }
}

int sim_disassemble_source(SimEngine *S, const char *src, size_t len, const char *filename,
                           SimWriteFn out, void *ud, SimWriteFn err_out, void *err_ud)
{
    AstArena *a = ast_arena_new();
    if (!a) return 1;
    ParseError pe;
    SynWarnings warnings = {NULL, 0, 0};
    int status = 1;
    Node *m = parse_module_ex(a, src, len, filename, &pe, &warnings);
    if (!m) {
        write_warnings(&warnings, src, len, filename, err_out, err_ud);
        write_error(&pe, err_out, err_ud);
    } else {
        Obj code;
        CompileError ce;
        int failed = compile_module_ex(S, m, filename, &code, &ce, NULL, &warnings, NULL) != 0;
        write_warnings(&warnings, src, len, filename, err_out, err_ud);
        if (failed) {
            to_parse_error(&ce, src, len, filename, &pe);
            write_error(&pe, err_out, err_ud);
        } else {
            status = disasm_code(S, code, out, ud) == 0 ? 0 : 1;
            ob_decref(S, code, HOLD_TEMP);
        }
    }
    synwarn_free(&warnings);
    ast_arena_free(a);
    return status;
}

/* ---- running ---- */

void sim_engine_set_output(SimEngine *S, SimWriteFn out, void *out_ud, SimWriteFn err, void *err_ud)
{
    S->vm.out = out;
    S->vm.out_ud = out_ud;
    S->vm.err = err;
    S->vm.err_ud = err_ud;
}

/* The free lists and the collector as python3 has them when the script's
 * first instruction runs: what its start-up and its compilation of this
 * program (fp) left.  PyEval_EvalCode's function object for the module
 * is the one GC allocation after run_eval_code_obj, where fp was read. */
static void start_as_python3(SimEngine *S, const Footprint *fp)
{
    S->gc.gen[0].count = 0;   /* no collection while the lists fill */
    if (ob_seed_freelists(S, fp->tuple_n, fp->list_n, fp->dict_n, fp->float_n) < 0) exc_clear(S);
    int64_t count[3] = {fp->count[0] + 1, fp->count[1], fp->count[2]};
    gc_startup(S, count, fp->collections);
}

int sim_engine_load(SimEngine *S, const char *src, size_t len, const char *filename)
{
    AstArena *a = ast_arena_new();
    if (!a) return 1;
    Footprint fp;
    fp_init(&fp);
    ParseError pe;
    SynWarnings warnings = {NULL, 0, 0};
    int status = 1;
    Node *m = parse_module_ex(a, src, len, filename, &pe, &warnings);
    if (!m) {
        write_warnings(&warnings, src, len, filename, S->vm.err, S->vm.err_ud);
        write_error(&pe, S->vm.err, S->vm.err_ud);
    } else {
        Obj code;
        CompileError ce;
        ArenaObjs arena = {NULL, 0, 0};
        int failed = compile_module_ex(S, m, filename, &code, &ce, &arena, &warnings, &fp) != 0;
        /* all before the program runs, as python3 compiles the whole file first */
        write_warnings(&warnings, src, len, filename, S->vm.err, S->vm.err_ud);
        if (failed) {
            to_parse_error(&ce, src, len, filename, &pe);
            write_error(&pe, S->vm.err, S->vm.err_ud);
        } else {
            vm_set_arena(S, arena.objs, arena.n);
            vm_set_source(S, filename, src, len);
            status = vm_load(S, code) == 0 ? 0 : 1;
            if (status == 0) start_as_python3(S, &fp);
            ob_decref(S, code, HOLD_TEMP);
        }
        free(arena.objs);
    }
    synwarn_free(&warnings);
    ast_arena_free(a);
    fp_release(&fp);
    if (status) {
        S->vm.done = 1;
        S->vm.exit_status = 1;
    }
    return status;
}

int sim_engine_step(SimEngine *S) { return vm_step(S); }

int sim_engine_run(SimEngine *S)
{
    vm_run(S);
    return S->vm.exit_status;
}

int sim_engine_finalize(SimEngine *S)
{
    vm_finalize(S);
    return S->vm.exit_status;
}

int sim_engine_exit_status(const SimEngine *S) { return S->vm.exit_status; }

unsigned long long sim_engine_tick(const SimEngine *S) { return S->vm.tick; }

void sim_engine_set_event_sink(SimEngine *S, SimEventFn fn, void *userdata, unsigned mask)
{
    ev_set_sink(&S->ev, fn, userdata, mask);
}

void sim_engine_interrupt(SimEngine *S) { S->vm.interrupt = 1; }

int sim_run_source(const char *profile, const char *src, size_t len, const char *filename,
                   SimWriteFn out, void *out_ud, SimWriteFn err, void *err_ud)
{
    char msg[256];
    SimEngine *e = sim_engine_new(profile, msg, sizeof msg);
    if (!e) {
        if (err) {
            err(err_ud, msg, strlen(msg));
            err(err_ud, "\n", 1);
        }
        return 2;
    }
    sim_engine_set_output(e, out, out_ud, err, err_ud);
    int status = 1;
    if (!sim_engine_load(e, src, len, filename)) {
        sim_engine_run(e);
        status = sim_engine_finalize(e);
    }
    sim_engine_free(e);
    return status;
}

const char *sim_opcode_name(int op)
{
    const char *n = op_exists(op) ? op_name(op) : NULL;
    return n ? n : "?";
}

/* vm.watched: whether the dispatch loop must look at the optional work */
static void rewatch(Sim *S)
{
    S->vm.watched = S->vm.check_every_step || S->vm.tick_limit || S->vm.instr_hook;
}

void sim_engine_set_selfcheck(SimEngine *S, int on)
{
    S->vm.check_every_step = on;
    rewatch(S);
}

void sim_engine_set_tick_limit(SimEngine *S, unsigned long long ticks)
{
    S->vm.tick_limit = ticks;
    rewatch(S);
}

void sim_engine_set_instr_hook(SimEngine *S, void (*fn)(void *ud, unsigned long long tick, int nested), void *ud)
{
    S->vm.instr_hook = fn;
    S->vm.instr_hook_ud = ud;
    rewatch(S);
}
