/* registry.c -- see registry.h. */
#include <stdlib.h>
#include <string.h>

#include "objects/str.h"
#include "objects/exc.h"
#include "runtime/builtins.h"
#include "runtime/genericalias.h"
#include "runtime/registry.h"
#include "runtime/weakvaluedict.h"

/* The tables, in numbering order. */
static const CFuncDef *const tables[] = {
    cf_builtins, cf_builtins_num, cf_str_methods, cf_list_methods, cf_tuple_methods,
    cf_dict_methods, cf_set_methods, cf_frozenset_methods, cf_int_methods, cf_float_methods,
    cf_gen_methods, cf_sys_functions, cf_gc_functions, cf_weakref_functions, cf_exc_methods,
    cf_weakvaluedict_methods, cf_textio_methods, cf_weakvaluedict_remove, cf_type_hooks,
    cf_range_methods, cf_dictkeys_methods, cf_dictvalues_methods, cf_dictitems_methods,
    cf_genericalias_hooks, cf_sizeof_hook, cf_length_hint_hook, cf_format_hook,
};
#define NTABLES (sizeof tables / sizeof tables[0])

static uint32_t table_base(size_t t)
{
    uint32_t n = 0;
    for (size_t i = 0; i < t; i++)
        for (const CFuncDef *d = tables[i]; d->name; d++) n++;
    return n;
}

const CFuncDef *cf_get(uint32_t index)
{
    for (size_t i = 0; i < NTABLES; i++) {
        uint32_t n = 0;
        while (tables[i][n].name) n++;
        if (index < n) return &tables[i][index];
        index -= n;
    }
    return NULL;
}

int64_t cf_index_of(const CFuncDef *table, const char *name)
{
    for (size_t i = 0; i < NTABLES; i++) {
        if (tables[i] != table) continue;
        for (uint32_t j = 0; table[j].name; j++)
            if (!strcmp(table[j].name, name)) return table_base(i) + j;
    }
    return -1;
}

static const CFuncDef *methods_of(TypeId t)
{
    switch (t) {
    case TI_STR: return cf_str_methods;
    case TI_LIST: return cf_list_methods;
    case TI_TUPLE: return cf_tuple_methods;
    case TI_DICT: return cf_dict_methods;
    case TI_SET: return cf_set_methods;
    case TI_FROZENSET: return cf_frozenset_methods;
    case TI_INT:
    case TI_BOOL: return cf_int_methods;
    case TI_FLOAT: return cf_float_methods;
    case TI_GENERATOR: return cf_gen_methods;
    case TI_EXCEPTION: return cf_exc_methods;
    case TI_WEAKVALUEDICT: return cf_weakvaluedict_methods;
    case TI_TEXTIO: return cf_textio_methods;
    case TI_RANGE: return cf_range_methods;
    case TI_DICT_KEYS: return cf_dictkeys_methods;
    case TI_DICT_VALUES: return cf_dictvalues_methods;
    case TI_DICT_ITEMS: return cf_dictitems_methods;
    default: return NULL;
    }
}

const CFuncDef *cf_fn(Sim *S, uint32_t index)
{
    VmState *vm = &S->vm;
    if (!vm->cftable) {
        uint32_t n = table_base(NTABLES);
        vm->cftable = malloc(sizeof *vm->cftable * (n ? n : 1));
        if (!vm->cftable) abort(); /* host out of memory */
        for (uint32_t i = 0; i < n; i++) vm->cftable[i] = cf_get(i);
    }
    return vm->cftable[index];
}

int64_t cf_method_index(Sim *S, TypeId t, Obj name)
{
    const CFuncDef *table = methods_of(t);
    if (!table || !ob_is(S, name, TI_STR) || !str_is_ascii(S, name)) return -1;
    int64_t len = str_len(S, name);
    /* a small cache: method names are the co_names of running code */
    struct MethodCache *mc = &S->vm.mcache[((name >> 4) ^ (uint64_t)t * 31) & 255];
    if (mc->name == name && mc->type == (int32_t)t) {
        const CFuncDef *d = cf_fn(S, (uint32_t)mc->index);
        if ((int64_t)strlen(d->name) == len && !memcmp(d->name, str_data(S, name), (size_t)len)) return mc->index;
    }
    char buf[64];
    if (len >= (int64_t)sizeof buf) return -1;
    str_to_utf8(S, name, buf, sizeof buf);
    int64_t ix = cf_index_of(table, buf);
    if (ix >= 0) {
        mc->name = name;
        mc->type = (int32_t)t;
        mc->index = (int32_t)ix;
    }
    return ix;
}

/* method_descriptor: 16 d_type, 24 d_name, 32 d_qualname, 40 index */
Obj cf_descriptor(Sim *S, TypeId t, int64_t index)
{
    VmState *vm = &S->vm;
    if (!vm->descrs) {
        vm->ncfuncs = table_base(NTABLES);
        vm->descrs = calloc(vm->ncfuncs, sizeof *vm->descrs);
        if (!vm->descrs) abort();
    }
    if (vm->descrs[index]) return vm->descrs[index];
    Obj d = ob_static_new(S, S->types[TI_METHOD_DESCR].type, 56, 1);
    if (!d) { exc_no_memory(S); return 0; }
    ob_set64(S, d, 16, S->types[t].type);
    ob_set64(S, d, 40, (uint64_t)index);
    vm->descrs[index] = d;
    return d;
}

CNew cf_constructor(TypeId t)
{
    switch (t) {
    case TI_STR: return cf_new_str;
    case TI_INT: return cf_new_int;
    case TI_FLOAT: return cf_new_float;
    case TI_BOOL: return cf_new_bool;
    case TI_LIST: return cf_new_list;
    case TI_TUPLE: return cf_new_tuple;
    case TI_DICT: return cf_new_dict;
    case TI_SET: return cf_new_set;
    case TI_FROZENSET: return cf_new_frozenset;
    case TI_OBJECT: return cf_new_object;
    case TI_TYPE: return cf_new_type;
    case TI_RANGE: return cf_new_range;
    case TI_ENUMERATE: return cf_new_enumerate;
    case TI_ZIP: return cf_new_zip;
    case TI_REVERSED: return cf_new_reversed;
    case TI_WEAKREF: return cf_new_weakref;
    case TI_WEAKVALUEDICT: return cf_new_weakvaluedict;
    case TI_FINALIZE: return cf_new_finalize;
    case TI_SUPER: return cf_new_super;
    case TI_MAP: return cf_new_map;
    case TI_FILTER: return cf_new_filter;
    default: return NULL;
    }
}
