/* func.c -- see func.h. */
#include "objects/func.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/weakref.h"
#include "vm/vm.h"

/* ---- cells ---- */

Obj cell_new(Sim *S, Obj content)
{
    Obj c = ob_alloc(S, TI_CELL, 0);
    if (!c) return 0;
    if (content) {
        ob_set64(S, c, CELL_REF_OFF, content);
        ob_incref(S, content, HOLD(H_CELL, c, 0, 0));
    }
    gc_track(S, c);
    return c;
}

void cell_set(Sim *S, Obj c, Obj v)
{
    Obj old = cell_get(S, c);
    if (v) ob_incref(S, v, HOLD(H_CELL, c, 0, 0));
    ob_set64(S, c, CELL_REF_OFF, v);
    ob_xdecref(S, old, HOLD(H_CELL, c, 0, 0));
}

void cell_dealloc(Sim *S, Obj c)
{
    Obj v = cell_get(S, c);
    ob_set64(S, c, CELL_REF_OFF, 0);
    ob_xdecref(S, v, HOLD(H_CELL, c, 0, 0));
    ob_free_memory(S, c);
}

void cell_referents(Sim *S, Obj c, RefVisit visit, void *ud)
{
    Obj v = cell_get(S, c);
    if (v) {
        Holder hd = HOLD(H_CELL, c, 0, 0);
        visit(S, v, &hd, ud);
    }
}

/* ---- code objects ---- */

/* code_dealloc's order. */
static const ObField code_fields[] = {
    {CO_CONSTS_OFF, R_CO_CONSTS},       {CO_NAMES_OFF, R_CO_NAMES},
    {CO_LOCALSPLUSNAMES_OFF, R_CO_LOCALSPLUSNAMES}, {CO_LOCALSPLUSKINDS_OFF, R_CO_LOCALSPLUSKINDS},
    {CO_FILENAME_OFF, R_CO_FILENAME},   {CO_NAME_OFF, R_CO_NAME},
    {CO_QUALNAME_OFF, R_CO_QUALNAME},   {CO_LINETABLE_OFF, R_CO_LINETABLE},
    {CO_EXCEPTIONTABLE_OFF, R_CO_EXCEPTIONTABLE},
};

Obj code_new(Sim *S, int64_t nunits) { return ob_alloc(S, TI_CODE, nunits); }

void code_dealloc(Sim *S, Obj co)
{
    vm_lines_forget(S, co);
    ob_clear_fields(S, co, code_fields, N_FIELDS(code_fields));
    ob_free_memory(S, co);
}

void code_referents(Sim *S, Obj co, RefVisit visit, void *ud)
{
    ob_visit_fields(S, co, code_fields, N_FIELDS(code_fields), visit, ud);
}

/* ---- functions ---- */

/* func_clear's order; name and qualname follow, then code (func_dealloc). */
static const ObField func_cleared[] = {
    {FUNC_GLOBALS_OFF, R_FUNC_GLOBALS},     {FUNC_BUILTINS_OFF, R_FUNC_BUILTINS},
    {FUNC_MODULE_OFF, R_FUNC_MODULE},       {FUNC_DEFAULTS_OFF, R_FUNC_DEFAULTS},
    {FUNC_KWDEFAULTS_OFF, R_FUNC_KWDEFAULTS}, {FUNC_DOC_OFF, R_FUNC_DOC},
    {FUNC_DICT_OFF, R_FUNC_DICT},           {FUNC_CLOSURE_OFF, R_FUNC_CLOSURE},
    {FUNC_ANNOTATIONS_OFF, R_FUNC_ANNOTATIONS},
};

/* func_traverse's order. */
static const ObField func_traversed[] = {
    {FUNC_CODE_OFF, R_FUNC_CODE},           {FUNC_GLOBALS_OFF, R_FUNC_GLOBALS},
    {FUNC_BUILTINS_OFF, R_FUNC_BUILTINS},   {FUNC_MODULE_OFF, R_FUNC_MODULE},
    {FUNC_DEFAULTS_OFF, R_FUNC_DEFAULTS},   {FUNC_KWDEFAULTS_OFF, R_FUNC_KWDEFAULTS},
    {FUNC_DOC_OFF, R_FUNC_DOC},             {FUNC_NAME_OFF, R_FUNC_NAME},
    {FUNC_DICT_OFF, R_FUNC_DICT},           {FUNC_CLOSURE_OFF, R_FUNC_CLOSURE},
    {FUNC_ANNOTATIONS_OFF, R_FUNC_ANNOTATIONS}, {FUNC_QUALNAME_OFF, R_FUNC_QUALNAME},
};

static void take(Sim *S, Obj f, uint16_t off, uint16_t reason, Obj v)
{
    if (!v) return;
    ob_set64(S, f, off, v);
    ob_incref(S, v, HOLD_INTERNAL(f, reason));
}

Obj func_new(Sim *S, Obj code, Obj globals, Obj builtins, Obj qualname, Obj module)
{
    Obj f = ob_alloc(S, TI_FUNCTION, 0);
    if (!f) return 0;
    Obj consts = ob_get64(S, code, CO_CONSTS_OFF);
    Obj doc = consts && ob_size(S, consts) > 0 && ob_is(S, tuple_item(S, consts, 0), TI_STR)
                  ? tuple_item(S, consts, 0) : S->none;
    take(S, f, FUNC_GLOBALS_OFF, R_FUNC_GLOBALS, globals);
    take(S, f, FUNC_BUILTINS_OFF, R_FUNC_BUILTINS, builtins);
    take(S, f, FUNC_NAME_OFF, R_FUNC_NAME, ob_get64(S, code, CO_NAME_OFF));
    take(S, f, FUNC_QUALNAME_OFF, R_FUNC_QUALNAME,
         qualname ? qualname : ob_get64(S, code, CO_QUALNAME_OFF));
    take(S, f, FUNC_CODE_OFF, R_FUNC_CODE, code);
    take(S, f, FUNC_DOC_OFF, R_FUNC_DOC, doc);
    take(S, f, FUNC_MODULE_OFF, R_FUNC_MODULE, module);
    gc_track(S, f);
    return f;
}

/* func_clear (also the collector's tp_clear): the fields, then name and
 * qualname swapped for '' before the old ones are released. */
void func_clear(Sim *S, Obj f)
{
    ob_clear_fields(S, f, func_cleared, N_FIELDS(func_cleared));
    static const ObField tail[] = {{FUNC_NAME_OFF, R_FUNC_NAME},
                                   {FUNC_QUALNAME_OFF, R_FUNC_QUALNAME}};
    for (size_t i = 0; i < N_FIELDS(tail); i++) {
        Obj old = ob_get64(S, f, tail[i].off);
        ob_incref(S, S->empty_str, HOLD_INTERNAL(f, tail[i].reason));
        ob_set64(S, f, tail[i].off, S->empty_str);
        ob_xdecref(S, old, HOLD_INTERNAL(f, tail[i].reason));
    }
}

/* func_dealloc: func_clear, then code and the two ''s. */
void func_dealloc(Sim *S, Obj f)
{
    weakref_clear_all(S, f);
    func_clear(S, f);
    static const ObField last[] = {{FUNC_CODE_OFF, R_FUNC_CODE}, {FUNC_NAME_OFF, R_FUNC_NAME},
                                   {FUNC_QUALNAME_OFF, R_FUNC_QUALNAME}};
    ob_clear_fields(S, f, last, N_FIELDS(last));
    ob_free_memory(S, f);
}

void func_referents(Sim *S, Obj f, RefVisit visit, void *ud)
{
    ob_visit_fields(S, f, func_traversed, N_FIELDS(func_traversed), visit, ud);
}

/* ---- bound methods ---- */

static const ObField method_fields[] = {{METHOD_FUNC_OFF, R_METHOD_FUNC},
                                        {METHOD_SELF_OFF, R_METHOD_SELF}};

Obj method_new(Sim *S, Obj func, Obj self)
{
    Obj m = ob_alloc(S, TI_METHOD, 0);
    if (!m) return 0;
    take(S, m, METHOD_FUNC_OFF, R_METHOD_FUNC, func);
    take(S, m, METHOD_SELF_OFF, R_METHOD_SELF, self);
    gc_track(S, m);
    return m;
}

void method_dealloc(Sim *S, Obj m)
{
    ob_clear_fields(S, m, method_fields, N_FIELDS(method_fields));
    ob_free_memory(S, m);
}

void method_referents(Sim *S, Obj m, RefVisit visit, void *ud)
{
    ob_visit_fields(S, m, method_fields, N_FIELDS(method_fields), visit, ud);
}

/* ---- builtin functions ---- */

static const ObField builtin_fields[] = {{BUILTIN_SELF_OFF, R_METHOD_SELF},
                                         {BUILTIN_MODULE_OFF, R_FUNC_MODULE}};

Obj builtin_new(Sim *S, uint32_t index, Obj self, Obj module)
{
    Obj b = ob_alloc(S, TI_BUILTIN_FN, 0);
    if (!b) return 0;
    ob_set32(S, b, BUILTIN_INDEX_OFF, index);
    take(S, b, BUILTIN_SELF_OFF, R_METHOD_SELF, self);
    take(S, b, BUILTIN_MODULE_OFF, R_FUNC_MODULE, module);
    gc_track(S, b);
    return b;
}

void builtin_dealloc(Sim *S, Obj b)
{
    ob_clear_fields(S, b, builtin_fields, N_FIELDS(builtin_fields));
    ob_free_memory(S, b);
}

void builtin_referents(Sim *S, Obj b, RefVisit visit, void *ud)
{
    ob_visit_fields(S, b, builtin_fields, N_FIELDS(builtin_fields), visit, ud);
}
