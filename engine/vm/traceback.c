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
#include "objects/abstract.h"
#include "objects/exc.h"
#include "objects/frame.h"
#include "objects/frameobj.h"
#include "objects/func.h"
#include "objects/iters.h"
#include "objects/misc.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobj.h"
#include "objects/bytes.h"
#include "objects/dict.h"
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
    /* once shutdown has set sys.modules' entries to None, CPython's
     * _Py_DisplaySourceLine cannot import io: no source lines */
    if (S->vm.modules_cleared) return NULL;
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
/* The code points whose East Asian Width is W or F (scripts/gen-eaw). */
static const uint32_t eaw_wide[][2] = {
#include "vm/eaw_wide.inc"
};

static int is_wide(uint32_t cp)
{
    size_t lo = 0, hi = sizeof eaw_wide / sizeof eaw_wide[0];
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (cp < eaw_wide[mid][0]) hi = mid;
        else if (cp > eaw_wide[mid][1]) lo = mid + 1;
        else return 1;
    }
    return 0;
}

/* The display width of the first `bytes` bytes of UTF-8 text, as 3.11.7
 * lines carets up (traceback._display_width): two columns for a wide
 * character, one for any other. */
static int64_t chars_of(const char *s, int64_t bytes)
{
    int64_t n = 0;
    for (int64_t i = 0; i < bytes;) {
        unsigned char c = (unsigned char)s[i];
        int len = c < 0x80 ? 1 : c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
        uint32_t cp = len == 1 ? c : (uint32_t)(c & (0x7f >> len));
        for (int k = 1; k < len && i + k < bytes; k++) cp = cp << 6 | ((unsigned char)s[i + k] & 0x3f);
        n += cp >= 0x80 && is_wide(cp) ? 2 : 1;
        i += len;
    }
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

/* tb_print_line_repeated: the entries past TB_RECURSIVE_CUTOFF (3). */
static void print_repeated(Sim *S, int count)
{
    if (count <= 3) return;
    char buf[128];
    snprintf(buf, sizeof buf, "  [Previous line repeated %d more time%s]\n", count - 3, count - 3 > 1 ? "s" : "");
    out(S, buf);
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
            print_repeated(S, count);
            snprintf(last_file, sizeof last_file, "%s", file);
            snprintf(last_name, sizeof last_name, "%s", name);
            last_line = line;
            count = 0;
        }
        count++;
        if (count <= 3) print_entry(S, tb);
    }
    print_repeated(S, count);
}

/* ---- "Did you mean" (Python/suggestions.c, 3.11) ---- */

#define SUGGEST_MAX_ITEMS 750
#define SUGGEST_MAX_STRING 40
#define MOVE_COST 2
#define CASE_COST 1

/* Candidate names: UTF-8 copies in host memory. */
typedef struct Names {
    char **v;
    size_t n, cap;
} Names;

static void names_add(const Sim *S, Names *ns, Obj s)
{
    if (!ob_is(S, s, TI_STR)) return;
    if (ns->n == ns->cap) {
        size_t cap = ns->cap ? ns->cap * 2 : 64;
        char **v = realloc(ns->v, cap * sizeof *v);
        if (!v) abort(); /* host out of memory */
        ns->v = v;
        ns->cap = cap;
    }
    size_t cap = (size_t)str_len(S, s) * 4 + 1;
    char *b = malloc(cap);
    if (!b) abort();
    str_to_utf8(S, s, b, cap);
    ns->v[ns->n++] = b;
}

static void names_add_cstr(Names *ns, const char *c)
{
    if (ns->n == ns->cap) {
        size_t cap = ns->cap ? ns->cap * 2 : 64;
        char **v = realloc(ns->v, cap * sizeof *v);
        if (!v) abort();
        ns->v = v;
        ns->cap = cap;
    }
    size_t len = strlen(c) + 1;
    char *b = malloc(len);
    if (!b) abort();
    memcpy(b, c, len);
    ns->v[ns->n++] = b;
}

static void names_add_keys(const Sim *S, Names *ns, Obj dict)
{
    int64_t pos = 0;
    Obj k, v;
    while (dict && dict_next(S, dict, &pos, &k, &v)) names_add(S, ns, k);
}

static void names_free(Names *ns)
{
    for (size_t i = 0; i < ns->n; i++) free(ns->v[i]);
    free(ns->v);
    ns->v = NULL;
    ns->n = ns->cap = 0;
}

/* substitution_cost: a case flip of an ASCII letter costs less */
static size_t subst_cost(char a, char b)
{
    if ((a & 31) != (b & 31)) return MOVE_COST;
    if (a == b) return 0;
    if ('A' <= a && a <= 'Z') a = (char)(a + ('a' - 'A'));
    if ('A' <= b && b <= 'Z') b = (char)(b + ('a' - 'A'));
    return a == b ? CASE_COST : MOVE_COST;
}

/* levenshtein_distance with CPython's affix trimming, size limit and
 * early exits (which decide what "too far" means, so they matter). */
static size_t levenshtein(const char *a, size_t a_size, const char *b, size_t b_size, size_t max_cost)
{
    size_t buffer[SUGGEST_MAX_STRING];
    while (a_size && b_size && a[0] == b[0]) a++, b++, a_size--, b_size--;
    while (a_size && b_size && a[a_size - 1] == b[b_size - 1]) a_size--, b_size--;
    if (a_size == 0 || b_size == 0) return (a_size + b_size) * MOVE_COST;
    if (a_size > SUGGEST_MAX_STRING || b_size > SUGGEST_MAX_STRING) return max_cost + 1;
    if (b_size < a_size) {
        const char *t = a;
        a = b;
        b = t;
        size_t ts = a_size;
        a_size = b_size;
        b_size = ts;
    }
    if ((b_size - a_size) * MOVE_COST > max_cost) return max_cost + 1;
    size_t tmp = MOVE_COST;
    for (size_t i = 0; i < a_size; i++) {
        buffer[i] = tmp;
        tmp += MOVE_COST;
    }
    size_t result = 0;
    for (size_t bi = 0; bi < b_size; bi++) {
        char code = b[bi];
        size_t distance = result = bi * MOVE_COST;
        size_t minimum = SIZE_MAX;
        for (size_t i = 0; i < a_size; i++) {
            size_t substitute = distance + subst_cost(code, a[i]);
            distance = buffer[i];
            size_t insert_delete = (result < distance ? result : distance) + MOVE_COST;
            result = insert_delete < substitute ? insert_delete : substitute;
            buffer[i] = result;
            if (result < minimum) minimum = result;
        }
        if (minimum > max_cost) return max_cost + 1;
    }
    return result;
}

/* calculate_suggestions: the closest candidate within a third of the
 * characters involved, the first one on ties; NULL for none. */
static const char *closest(const Names *dir, const char *name)
{
    if (dir->n >= SUGGEST_MAX_ITEMS) return NULL;
    size_t name_size = strlen(name);
    size_t best_distance = SIZE_MAX;
    const char *best = NULL;
    for (size_t i = 0; i < dir->n; i++) {
        const char *item = dir->v[i];
        if (!strcmp(item, name)) continue;
        size_t item_size = strlen(item);
        size_t max_distance = (name_size + item_size + 3) * MOVE_COST / 6;
        if (best_distance - 1 < max_distance) max_distance = best_distance - 1;
        size_t d = levenshtein(name, name_size, item, item_size, max_distance);
        if (d > max_distance) continue;
        if (!best || d < best_distance) {
            best = item;
            best_distance = d;
        }
    }
    return best;
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b); /* UTF-8 order = code point order */
}

/* dir(obj) for the objects whose dir() is known exactly here: instances
 * of classes and classes (their dicts, the classes' on the MRO, and
 * object's own names).  0 when obj is something else. */
static int dir_of(Sim *S, Obj obj, Names *ns)
{
    static const char *const object_names[] = {
        "__class__", "__delattr__", "__dir__", "__doc__", "__eq__", "__format__", "__ge__",
        "__getattribute__", "__getstate__", "__gt__", "__hash__", "__init__", "__init_subclass__",
        "__le__", "__lt__", "__ne__", "__new__", "__reduce__", "__reduce_ex__", "__repr__",
        "__setattr__", "__sizeof__", "__str__", "__subclasshook__"};
    Obj type;
    if (ob_is(S, obj, TI_TYPE) && (tp_flags(S, obj) & TPF_HEAPTYPE)) {
        type = obj;
    } else if (tp_index(S, ob_type(S, obj)) == TI_INSTANCE && (tp_flags(S, ob_type(S, obj)) & TPF_HEAPTYPE)) {
        type = ob_type(S, obj);
        /* object.__dir__ reads obj.__dict__ (making it, as CPython does) */
        if (tp_flags(S, type) & TPF_MANAGED_DICT) {
            Obj d = instance_dict(S, obj);
            if (!d) {
                exc_clear(S);
                return 0;
            }
            names_add_keys(S, ns, d);
        }
        names_add_cstr(ns, "__class__");
    } else {
        return 0;
    }
    Obj mro = ob_get64(S, type, TP_MRO_OFF);
    for (int64_t i = 0; mro && i < ob_size(S, mro); i++) {
        Obj t = tuple_item(S, mro, i);
        if (tp_flags(S, t) & TPF_HEAPTYPE) names_add_keys(S, ns, ob_get64(S, t, TP_DICT_OFF));
        else if (t != S->types[TI_OBJECT].type) return 0; /* a built-in base's names: not known here */
    }
    for (size_t i = 0; i < N_FIELDS(object_names); i++) names_add_cstr(ns, object_names[i]);
    /* sorted, without duplicates */
    qsort(ns->v, ns->n, sizeof *ns->v, cmp_names);
    size_t k = 0;
    for (size_t i = 0; i < ns->n; i++) {
        if (k && !strcmp(ns->v[k - 1], ns->v[i])) {
            free(ns->v[i]);
            continue;
        }
        ns->v[k++] = ns->v[i];
    }
    ns->n = k;
    return 1;
}

static void add_cstr_cb(void *ud, const char *name) { names_add_cstr(ud, name); }

/* dir(obj) of a built-in object, a built-in type or a module: CPython's
 * own names (cpython_attrs.inc), which are what python3 suggests from.
 * 0 for a class or an instance of one (dir_of knows those). */
static int builtin_dir_of(Sim *S, Obj obj, Names *ns)
{
    char owner[128];
    if (ob_is(S, obj, TI_MODULE)) {
        char mn[64];
        str_to_utf8(S, ob_get64(S, obj, MODULE_NAME_OFF), mn, sizeof mn);
        snprintf(owner, sizeof owner, "module %s", mn);
    } else {
        Obj t = ob_is(S, obj, TI_TYPE) ? obj : ob_type(S, obj);
        if (tp_flags(S, t) & TPF_HEAPTYPE) return 0;
        tp_name(S, t, owner, sizeof owner);
    }
    rt_cpython_attrs_of(owner, add_cstr_cb, ns);
    return ns->n > 0;
}

/* _Py_Offer_Suggestions into buf ("" for none). */
static void suggestion(Sim *S, Obj exc, char *buf, size_t cap)
{
    buf[0] = '\0';
    Obj type = ob_type(S, exc);
    Names ns = {0};
    const char *best = NULL;
    char name[256];
    if (exc_type_is(S, type, EXC_AttributeError)) {
        Obj n = ob_get64(S, exc, EXC_ATTR_NAME_OFF), obj = ob_get64(S, exc, EXC_ATTR_OBJ_OFF);
        if (!n || !obj || !ob_is(S, n, TI_STR) || str_len(S, n) * 4 >= (int64_t)sizeof name) return;
        str_to_utf8(S, n, name, sizeof name);
        if (dir_of(S, obj, &ns) || builtin_dir_of(S, obj, &ns)) best = closest(&ns, name);
    } else if (exc_type_is(S, type, EXC_NameError)) {
        Obj n = ob_get64(S, exc, EXC_NAME_NAME_OFF), tb = ob_get64(S, exc, EXC_TRACEBACK_OFF);
        if (!n || !tb || !ob_is(S, n, TI_STR) || str_len(S, n) * 4 >= (int64_t)sizeof name) return;
        str_to_utf8(S, n, name, sizeof name);
        if (rt_cpython_has_attr("module builtins", name)) return; /* outside the subset, said so */
        while (ob_get64(S, tb, TB_NEXT_OFF)) tb = ob_get64(S, tb, TB_NEXT_OFF);
        SimAddr fr = frameobj_frame(S, ob_get64(S, tb, TB_FRAME_OFF));
        Obj code = ob_get64(S, fr, FRAME_CODE_OFF);
        /* co_varnames, then the globals, then the builtins */
        Obj lnames = ob_get64(S, code, CO_LOCALSPLUSNAMES_OFF), kinds = ob_get64(S, code, CO_LOCALSPLUSKINDS_OFF);
        for (int64_t i = 0; lnames && i < ob_size(S, lnames); i++)
            if (((const uint8_t *)ob_ptr(S, kinds))[BYTES_DATA_OFF + i] & CO_FAST_LOCAL)
                names_add(S, &ns, tuple_item(S, lnames, i));
        best = closest(&ns, name);
        for (int pass = 0; pass < 2 && !best; pass++) {
            names_free(&ns);
            /* the builtins python3 suggests from are all of CPython's */
            if (pass == 0) names_add_keys(S, &ns, ob_get64(S, fr, FRAME_GLOBALS_OFF));
            else rt_cpython_attrs_of("module builtins", add_cstr_cb, &ns);
            best = closest(&ns, name);
        }
    }
    if (best) snprintf(buf, cap, ". Did you mean: '%s'?", best);
    names_free(&ns);
}

/* print_one: the traceback, then "Type: str"; with the suggestion only
 * where PyErr_Display gives one (the unraisable hook does not). */
static void print_one_ex(Sim *S, Obj exc, int suggest)
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
    char hint[320] = "";
    if (suggest) suggestion(S, exc, hint, sizeof hint);
    out(S, hint);
    out(S, "\n");
}

static void print_one(Sim *S, Obj exc) { print_one_ex(S, exc, 1); }

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

void vm_print_unraisable(Sim *S, Obj exc)
{
    vm_temp_push(S, exc);
    print_one_ex(S, exc, 0);
    vm_temp_pop(S);
    ob_decref(S, exc, HOLD_TEMP);
}

void vm_print_exception(Sim *S, Obj exc)
{
    Obj seen[64];
    vm_temp_push(S, exc);
    print_chain(S, exc, seen, 0);
    vm_temp_pop(S);
    ob_decref(S, exc, HOLD_TEMP);
}
