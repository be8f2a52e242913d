/*
 * traceback.c -- traceback objects as the interpreter unwinds
 * (PyTraceBack_Here) and the report of an uncaught exception as
 * PyErr_Display writes it in 3.11: the chain of causes and contexts, one
 * "File ..., line N, in NAME" entry per frame with its source line, the
 * caret line under the failing expression (~ and ^ for binary operators
 * and subscripts), "[Previous line repeated N more times]" for deep
 * recursion, then "Type: message".
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compiler/anchors.h"
#include "objects/exc.h"
#include "objects/frame.h"
#include "objects/frameobj.h"
#include "objects/func.h"
#include "objects/iters.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/runtime.h"
#include "vm/disasm.h"
#include "vm/vm.h"

int vm_traceback_here(Sim *S, SimAddr frame)
{
    Obj exc = S->exc;
    if (!exc || exc == S->memory_error) return 0;
    Obj fo = frameobj_get(S, frame);
    if (!fo) return -1;
    Obj tb = ob_alloc(S, TI_TRACEBACK, 0);
    if (!tb) return -1;
    Obj next = ob_get64(S, exc, EXC_TRACEBACK_OFF);
    ob_set64(S, tb, TB_NEXT_OFF, next);
    if (next) ob_move(S, next, HOLD_INTERNAL(exc, R_EXC_TRACEBACK), HOLD_INTERNAL(tb, R_TB_NEXT));
    ob_set64(S, tb, TB_FRAME_OFF, fo);
    ob_incref(S, fo, HOLD_INTERNAL(tb, R_TB_FRAME));
    int64_t lasti = (int64_t)ob_get64(S, frame, FRAME_PREV_INSTR_OFF);
    ob_set32(S, tb, TB_LASTI_OFF, (uint32_t)(2 * lasti));
    ob_set32(S, tb, TB_LINENO_OFF, (uint32_t)vm_frame_line(S, frame));
    gc_track(S, tb);
    ob_set64(S, exc, EXC_TRACEBACK_OFF, tb);
    ob_move(S, tb, HOLD_TEMP, HOLD_INTERNAL(exc, R_EXC_TRACEBACK));
    return 0;
}

/* ---- printing ---- */

static void out(Sim *S, const char *s) { rt_write(S, 2, s, strlen(s)); }

/* Line `n` (1-based) of the program's source, or NULL. */
static const char *source_line(const Sim *S, const char *filename, int n, size_t *len)
{
    if (!S->vm.source || !S->vm.filename || strcmp(filename, S->vm.filename) || n < 1) return NULL;
    const char *p = S->vm.source, *end = p + S->vm.source_len;
    for (int i = 1; i < n && p < end; i++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl) return NULL;
        p = nl + 1;
    }
    if (p >= end) return NULL;
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    *len = (size_t)((nl ? nl : end) - p);
    return p;
}

/* UTF-8 byte offset -> character offset within a line. */
static int64_t chars_of(const char *s, int64_t bytes)
{
    int64_t n = 0;
    for (int64_t i = 0; i < bytes; i++)
        if (((unsigned char)s[i] & 0xc0) != 0x80) n++;
    return n;
}

static void print_entry(Sim *S, Obj tb)
{
    Obj fo = ob_get64(S, tb, TB_FRAME_OFF);
    SimAddr fr = frameobj_frame(S, fo);
    Obj code = ob_get64(S, fr, FRAME_CODE_OFF);
    char file[512], name[256], buf[1024];
    str_to_utf8(S, ob_get64(S, code, CO_FILENAME_OFF), file, sizeof file);
    str_to_utf8(S, ob_get64(S, code, CO_NAME_OFF), name, sizeof name);
    int lineno = (int)ob_get32(S, tb, TB_LINENO_OFF);
    snprintf(buf, sizeof buf, "  File \"%s\", line %d, in %s\n", file, lineno, name);
    out(S, buf);
    size_t len;
    const char *line = source_line(S, file, lineno, &len);
    if (!line) return;
    size_t lead = 0;
    while (lead < len && (line[lead] == ' ' || line[lead] == '\t' || line[lead] == '\f')) lead++;
    size_t stop = len;
    while (stop > lead && (line[stop - 1] == ' ' || line[stop - 1] == '\t' || line[stop - 1] == '\r' ||
                           line[stop - 1] == '\f'))
        stop--;
    out(S, "    ");
    rt_write(S, 2, line + lead, stop - lead);
    out(S, "\n");
    /* the caret line, from the instruction's position */
    int64_t unit = (int32_t)ob_get32(S, tb, TB_LASTI_OFF) / 2;
    DisasmPositions it;
    disasm_positions_begin(&it, S, code);
    int64_t i = 0;
    int ok = 0;
    while (disasm_positions_next(&it)) {
        if (i++ == unit) {
            ok = 1;
            break;
        }
    }
    if (!ok || it.line < 0 || it.endline < 0 || it.col < 0 || it.endcol < 0) return;
    int64_t sb = it.col, eb = it.endcol;
    if (it.line != it.endline) eb = (int64_t)stop;
    if (sb > (int64_t)len || eb > (int64_t)len || sb > eb) return;
    int64_t left = -1, right = -1;
    if (it.line == it.endline) {
        int64_t l, r;
        if (anchors_in_segment(line + sb, (size_t)(eb - sb), &l, &r)) {
            left = chars_of(line + sb, l) + chars_of(line, sb);
            right = chars_of(line + sb, r) + chars_of(line, sb);
        }
    }
    int64_t start = chars_of(line, sb), end = chars_of(line, eb);
    int64_t stripped = chars_of(line, (int64_t)stop) - chars_of(line, (int64_t)lead);
    int special = left != -1 || right != -1;
    if (end - start == stripped && !special) return;
    int64_t leadc = chars_of(line, (int64_t)lead);
    char *carets = malloc((size_t)(4 + end + 2));
    if (!carets) return;
    size_t k = 0;
    for (int64_t c = 0; c < 4 + start - leadc; c++) carets[k++] = ' ';
    for (int64_t c = start; c < end; c++) carets[k++] = special && (c < left || c >= right) ? '~' : '^';
    carets[k++] = '\n';
    rt_write(S, 2, carets, k);
    free(carets);
}

static void print_tb(Sim *S, Obj tb)
{
    out(S, "Traceback (most recent call last):\n");
    /* TB_RECURSIVE_CUTOFF: a line repeated more than 3 times is summarised */
    char last_file[512] = "", last_name[256] = "";
    int last_line = -1, count = 0;
    for (; tb; tb = ob_get64(S, tb, TB_NEXT_OFF)) {
        Obj fo = ob_get64(S, tb, TB_FRAME_OFF);
        Obj code = ob_get64(S, frameobj_frame(S, fo), FRAME_CODE_OFF);
        char file[512], name[256];
        str_to_utf8(S, ob_get64(S, code, CO_FILENAME_OFF), file, sizeof file);
        str_to_utf8(S, ob_get64(S, code, CO_NAME_OFF), name, sizeof name);
        int line = (int)ob_get32(S, tb, TB_LINENO_OFF);
        if (last_line == -1 || strcmp(file, last_file) || strcmp(name, last_name) || line != last_line) {
            if (count > 3) {
                char buf[128];
                snprintf(buf, sizeof buf, "  [Previous line repeated %d more time%s]\n", count - 3,
                         count - 3 > 1 ? "s" : "");
                out(S, buf);
            }
            snprintf(last_file, sizeof last_file, "%s", file);
            snprintf(last_name, sizeof last_name, "%s", name);
            last_line = line;
            count = 0;
        }
        count++;
        if (count <= 3) print_entry(S, tb);
    }
    if (count > 3) {
        char buf[128];
        snprintf(buf, sizeof buf, "  [Previous line repeated %d more time%s]\n", count - 3, count - 3 > 1 ? "s" : "");
        out(S, buf);
    }
}

static void print_one(Sim *S, Obj exc)
{
    Obj tb = ob_get64(S, exc, EXC_TRACEBACK_OFF);
    if (tb) print_tb(S, tb);
    Obj type = ob_type(S, exc);
    char tn[256];
    const char *bn = exc_type_name(S, type);
    if (bn) {
        snprintf(tn, sizeof tn, "%s", bn);
    } else {
        str_to_utf8(S, ob_get64(S, type, TP_QUALNAME_OFF), tn, sizeof tn);
    }
    out(S, tn);
    Obj s = rt_str(S, exc);
    if (!s) {
        exc_clear(S);
        out(S, ": <exception str() failed>\n");
        return;
    }
    if (str_len(S, s) > 0) {
        out(S, ": ");
        rt_write_str(S, 2, s);
    }
    ob_decref(S, s, HOLD_TEMP);
    out(S, "\n");
}

static void print_chain(Sim *S, Obj exc, Obj *seen, int nseen)
{
    if (nseen < 64) seen[nseen++] = exc;
    Obj cause = ob_get64(S, exc, EXC_CAUSE_OFF), ctx = ob_get64(S, exc, EXC_CONTEXT_OFF);
    int suppress = ((const uint8_t *)ob_ptr(S, exc))[EXC_SUPPRESS_OFF] != 0;
    int cause_seen = 0, ctx_seen = 0;
    for (int i = 0; i < nseen; i++) {
        if (seen[i] == cause) cause_seen = 1;
        if (seen[i] == ctx) ctx_seen = 1;
    }
    if (cause && !cause_seen) {
        print_chain(S, cause, seen, nseen);
        out(S, "\nThe above exception was the direct cause of the following exception:\n\n");
    } else if (ctx && !suppress && !ctx_seen) {
        print_chain(S, ctx, seen, nseen);
        out(S, "\nDuring handling of the above exception, another exception occurred:\n\n");
    }
    print_one(S, exc);
}

void vm_print_exception(Sim *S, Obj exc)
{
    Obj seen[64];
    vm_temp_push(S, exc);
    print_chain(S, exc, seen, 0);
    vm_temp_pop(S);
    ob_decref(S, exc, HOLD_TEMP);
}
