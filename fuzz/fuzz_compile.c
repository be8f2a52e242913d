/*
 * fuzz_compile.c -- libFuzzer target for the tokenizer, the parser, the
 * symbol tables, the code generator (its SyntaxWarnings collected) and the
 * disassembler: any input must give a code object or a clean error, never
 * a crash, a hang or a leak;
 * and every so often the whole heap is audited, so that a reference the
 * compiler leaks or drops is caught too.
 *
 *   cmake -S . -B build-fuzz -DCMAKE_C_COMPILER=clang -DREFSCOPE_FUZZ=ON
 *   cmake --build build-fuzz --target fuzz_compile
 *   build-fuzz/fuzz_compile -max_total_time=600 fuzz/corpus
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "compiler/compile.h"
#include "compiler/parser.h"
#include "objects/exc.h"
#include "vm/disasm.h"

static void discard(void *ud, const char *text, size_t len)
{
    (void)ud;
    (void)text;
    (void)len;
}

/* libFuzzer calls the target in one process: one interpreter for all
 * inputs (the harness's only state). */
static Sim *interpreter(void)
{
    static Sim *S;
    if (!S) {
        SimProfile prof;
        char err[256];
        if (sim_profile_parse("cpython-3.11,limit=256M", &prof, err, sizeof err) != 0 ||
            !(S = sim_new(&prof, err, sizeof err))) {
            fprintf(stderr, "fuzz: %s\n", err);
            abort();
        }
    }
    return S;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static unsigned long runs;
    Sim *S = interpreter();
    AstArena *a = ast_arena_new();
    ParseError pe;
    SynWarnings warnings = {NULL, 0, 0};
    Node *m = parse_module_ex(a, (const char *)data, size, "fuzz.py", &pe, &warnings);
    if (m) {
        Obj code;
        CompileError ce;
        if (compile_module_ex(S, m, "fuzz.py", &code, &ce, NULL, &warnings, NULL) == 0) {
            disasm_code(S, code, discard, NULL);
            ob_decref(S, code, HOLD_TEMP);
        }
    } else {
        char buf[4096];
        parse_error_format(&pe, buf, sizeof buf);
    }
    synwarn_free(&warnings);
    exc_clear(S);
    ast_arena_free(a);
    if (++runs % 256 == 0) {
        char msg[512];
        if (ob_check(S, msg, sizeof msg) != 0) {
            fprintf(stderr, "fuzz: heap audit failed: %s\n", msg);
            abort();
        }
    }
    return 0;
}
