/*
 * test_obj_types.c -- classes and their instances: sizes, the class
 * __dict__'s contents, the references a class gets (its __mro__, its
 * descriptors, every instance, subclasses), the shrinking inline-values
 * arrays, __slots__, attribute holders and deallocation.  Expected values
 * come from CPython 3.11 (tests/objects/gen_types.py ->
 * tests/data/objects/types.txt).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "heap_support.h"
#include "objects/abstract.h"
#include "objects/dict.h"
#include "objects/exc.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobj.h"
#include "runtime/runtime.h"

/* The expected value for `kind name` from types.txt, as a string. */
static const char *fact(const char *kind, const char *name)
{
    static char line[1024], value[1024];
    FILE *f = fopen(TEST_DATA_DIR "/objects/types.txt", "r");
    assert_non_null(f);
    char k[64], n[64];
    while (fgets(line, sizeof line, f)) {
        if (sscanf(line, "%63s %63s %1023s", k, n, value) == 3 && !strcmp(k, kind) &&
            !strcmp(n, name)) {
            fclose(f);
            return value;
        }
        if (sscanf(line, "%63s %1023s", k, value) == 2 && !strcmp(k, kind) && !name[0]) {
            fclose(f);
            return value;
        }
    }
    fclose(f);
    fail_msg("no fact %s %s", kind, name);
    return NULL;
}

static Obj s(Sim *S, const char *text)
{
    Obj o = ts_ok(S, str_from_cstr(S, text));
    str_intern(S, &o);
    return o;
}

/* class NAME(base): <ns with __module__, __qualname__ and extra items> */
static Obj make_class(Sim *S, const char *name, Obj base, const char *slots_csv)
{
    Obj ns = ts_ok(S, dict_new(S));
    Obj k = s(S, "__module__"), v = s(S, "__main__");
    assert_int_equal(dict_setitem(S, ns, k, v), 0);
    ob_decref(S, k, HOLD_TEMP);
    ob_decref(S, v, HOLD_TEMP);
    k = s(S, "__qualname__");
    Obj n = s(S, name);
    assert_int_equal(dict_setitem(S, ns, k, n), 0);
    ob_decref(S, k, HOLD_TEMP);
    if (slots_csv) {
        Obj items[4];
        int m = 0;
        char buf[64];
        snprintf(buf, sizeof buf, "%s", slots_csv);
        for (char *t = strtok(buf, ","); t; t = strtok(NULL, ",")) items[m++] = s(S, t);
        Obj tup = ts_ok(S, tuple_pack(S, m, items));
        for (int i = 0; i < m; i++) ob_decref(S, items[i], HOLD_TEMP);
        k = s(S, "__slots__");
        assert_int_equal(dict_setitem(S, ns, k, tup), 0);
        ob_decref(S, k, HOLD_TEMP);
        ob_decref(S, tup, HOLD_TEMP);
    }
    Obj bases = ts_ok(S, base ? tuple_pack(S, 1, &base) : tuple_new(S, 0));
    Obj cls = ts_ok(S, type_new(S, n, bases, ns));
    ob_decref(S, bases, HOLD_TEMP);
    ob_decref(S, ns, HOLD_TEMP);
    ob_decref(S, n, HOLD_TEMP);
    return cls;
}

static uint64_t getsizeof_instance(Sim *S, Obj o) { return ob_getsizeof(S, o); }

static void dict_keys_csv(Sim *S, Obj d, char *out, size_t cap)
{
    int64_t pos = 0;
    Obj k, v;
    size_t n = 0;
    out[0] = '\0';
    while (dict_next(S, d, &pos, &k, &v)) {
        char buf[64];
        str_to_utf8(S, k, buf, sizeof buf);
        n += (size_t)snprintf(out + n, cap - n, "%s%s", n ? "," : "", buf);
    }
}

static void test_sizes_and_dicts(void **state)
{
    (void)state;
    Sim *S = ts_sim("cpython-3.11");
    Obj plain = make_class(S, "Plain", 0, NULL);
    Obj slots = make_class(S, "Slots", 0, "a,b");
    Obj noslots = make_class(S, "NoSlots", 0, "");
    Obj weak = make_class(S, "WeakSlots", 0, "a,__weakref__");
    Obj sub = make_class(S, "Sub", plain, NULL);
    struct { const char *name; Obj cls; } cases[] = {
        {"Plain", plain}, {"Slots", slots}, {"NoSlots", noslots}, {"Sub", sub}};
    for (size_t i = 0; i < 4; i++) {
        char got[32];
        snprintf(got, sizeof got, "%llu", (unsigned long long)ob_getsizeof(S, cases[i].cls));
        if (strcmp(got, fact("size_type", cases[i].name)))
            fail_msg("getsizeof(%s): %s, CPython %s", cases[i].name, got, fact("size_type", cases[i].name));
    }
    struct { const char *name; Obj cls; } inst[] = {
        {"Plain", plain}, {"Slots", slots}, {"NoSlots", noslots}, {"WeakSlots", weak}, {"Sub", sub}};
    for (size_t i = 0; i < 5; i++) {
        Obj o = ts_ok(S, instance_new(S, inst[i].cls));
        char got[32];
        snprintf(got, sizeof got, "%llu", (unsigned long long)getsizeof_instance(S, o));
        if (strcmp(got, fact("size_instance", inst[i].name)))
            fail_msg("getsizeof(%s()): %s, CPython %s", inst[i].name, got,
                     fact("size_instance", inst[i].name));
        ob_decref(S, o, HOLD_TEMP);
    }
    for (size_t i = 0; i < 4; i++) {
        if (i == 2) continue;
        char got[256];
        dict_keys_csv(S, ob_get64(S, cases[i].cls, TP_DICT_OFF), got, sizeof got);
        if (strcmp(got, fact("dict_keys", cases[i].name)))
            fail_msg("%s.__dict__: %s, CPython %s", cases[i].name, got, fact("dict_keys", cases[i].name));
    }
    /* the class's references: globals (held here), an instance, __mro__,
     * the two descriptors, and Sub's __base__, __bases__, __mro__ */
    sim_hold(S, plain);
    Obj p = ts_ok(S, instance_new(S, plain));
    sim_hold(S, p);
    char want[32];
    snprintf(want, sizeof want, "%lld", (long long)ob_refcnt(S, plain));
    assert_string_equal(want, fact("refcount_class", ""));
    Obj others[] = {slots, noslots, weak, sub};
    for (size_t i = 0; i < 4; i++) sim_hold(S, others[i]);
    ts_obcheck(S);
    sim_unhold(S, p);
    for (size_t i = 0; i < 4; i++) sim_unhold(S, others[i]);
    sim_unhold(S, plain);
    ts_obcheck(S);
    sim_free(S);
}

/* Successive instances ask for smaller and smaller values arrays. */
static void test_values_shrink(void **state)
{
    (void)state;
    Sim *S = ts_sim("cpython-3.11");
    Obj cls = make_class(S, "Two", 0, NULL);
    Obj a = s(S, "a"), b = s(S, "b");
    char want[1024];
    snprintf(want, sizeof want, "%s", fact("values", "Two"));
    Obj keep[40] = {0};
    int n = 0;
    for (char *t = strtok(want, ","); t; t = strtok(NULL, ","), n++) {
        Obj o = ts_ok(S, instance_new(S, cls));
        /* the request, read back from the block's size class */
        uint64_t request = n == 0 ? 264 : strtoull(t, NULL, 10);
        uint64_t cls_size = (request + 15) / 16 * 16;
        if (instance_values_size(S, o) != cls_size)
            fail_msg("instance %d: values block %llu, CPython asked %llu", n,
                     (unsigned long long)instance_values_size(S, o), (unsigned long long)request);
        Obj v = ts_ok(S, int_from_i64(S, n));
        assert_int_equal(instance_setattr(S, o, a, v), 0);
        assert_int_equal(instance_setattr(S, o, b, v), 0);
        ob_decref(S, v, HOLD_TEMP);
        keep[n] = o;
    }
    assert_int_equal(n, 34);
    Obj got = instance_getattr(S, keep[7], b);
    int64_t iv;
    assert_int_equal(int_as_i64(S, got, &iv), 0);
    assert_int_equal(iv, 7);
    ob_decref(S, a, HOLD_TEMP);
    ob_decref(S, b, HOLD_TEMP);
    for (int i = 0; i < n; i++) sim_hold(S, keep[i]);
    sim_hold(S, cls);
    ts_obcheck(S);
    for (int i = 0; i < n; i++) sim_unhold(S, keep[i]);
    sim_unhold(S, cls);
    ts_obcheck(S);
    sim_free(S);
}

static void count_holder(Sim *S, Obj target, const Holder *hd, void *ud)
{
    (void)S;
    (void)target;
    ((int *)ud)[hd->kind]++;
}

/* Slots and attributes are holders with names; errors are exceptions. */
static void test_attributes(void **state)
{
    (void)state;
    Sim *S = ts_sim("cpython-3.11");
    Obj slots = make_class(S, "Slots", 0, "a,b");
    Obj plain = make_class(S, "Plain", 0, NULL);
    Obj o = ts_ok(S, instance_new(S, slots)), p = ts_ok(S, instance_new(S, plain));
    Obj a = s(S, "a"), c = s(S, "c");
    Obj v = ts_ok(S, str_from_cstr(S, "attribute value"));
    assert_int_equal(instance_setattr(S, o, a, v), 0);
    assert_int_equal(instance_setattr(S, p, c, v), 0);
    assert_int_equal(ob_refcnt(S, v), 3);
    int counts[H_KIND_COUNT] = {0};
    sim_hold(S, v);
    ob_holders(S, v, count_holder, counts);
    assert_int_equal(counts[H_ATTR], 2);
    assert_int_equal(instance_setattr(S, o, c, v), -1);  /* not a slot, no dict */
    assert_true(exc_matches(S, EXC_AttributeError));
    char msg[128];
    assert_string_equal(exc_message(S, msg, sizeof msg), "'Slots' object has no attribute 'c'");
    exc_clear(S);
    assert_int_equal(instance_getattr(S, p, a), 0);
    assert_true(exc_matches(S, EXC_AttributeError));
    exc_clear(S);
    assert_int_equal(instance_setattr(S, p, c, 0), 0);   /* del p.c */
    assert_int_equal(ob_refcnt(S, v), 2);
    Obj objs[] = {slots, plain, o, p, a, c};
    for (size_t i = 0; i < 6; i++) sim_hold(S, objs[i]);
    ts_obcheck(S);
    /* deallocation: the instance releases its slot, then its class */
    sim_unhold(S, o);
    assert_int_equal(ob_refcnt(S, v), 1);
    sim_unhold(S, p);
    sim_unhold(S, slots);
    sim_unhold(S, plain);
    sim_unhold(S, v);
    sim_unhold(S, a);
    sim_unhold(S, c);
    ts_obcheck(S);
    sim_free(S);
}

/* obj.__dict__ takes over the inline values (CPython: 88 bytes for the
 * steady-state two-attribute class, keys in insertion order); a new name
 * still goes into the shared keys while they have room; past 30 names the
 * attributes move into a combined dict (1584 bytes for 35 of them). */
static void test_materialized_dict(void **state)
{
    (void)state;
    Sim *S = ts_sim("cpython-3.11");
    Obj cls = make_class(S, "D", 0, NULL);
    Obj a = s(S, "a"), b = s(S, "b"), c = s(S, "c");
    Obj objs[40];
    for (int i = 0; i < 40; i++) {
        objs[i] = ts_ok(S, instance_new(S, cls));
        Obj v = ts_ok(S, int_from_i64(S, i));
        assert_int_equal(instance_setattr(S, objs[i], a, v), 0);
        assert_int_equal(instance_setattr(S, objs[i], b, v), 0);
        ob_decref(S, v, HOLD_TEMP);
    }
    Obj o = objs[39];
    Obj d = ts_ok(S, instance_dict(S, o));
    assert_int_equal(ob_getsizeof(S, d), 88);
    char keys[256];
    dict_keys_csv(S, d, keys, sizeof keys);
    assert_string_equal(keys, "a,b");
    assert_int_equal(instance_dict(S, o), d);            /* made once */
    Obj five = ts_ok(S, int_from_i64(S, 5));
    assert_int_equal(instance_setattr(S, o, c, five), 0); /* through the dict */
    assert_int_equal(ob_getsizeof(S, d), 88);
    dict_keys_csv(S, d, keys, sizeof keys);
    assert_string_equal(keys, "a,b,c");
    assert_int_equal(instance_getattr(S, o, c), five);
    assert_int_equal(instance_setattr(S, o, c, 0), 0);    /* del o.c */
    assert_int_equal(instance_setattr(S, o, c, 0), -1);   /* again: AttributeError */
    assert_true(exc_matches(S, EXC_AttributeError));
    exc_clear(S);

    Obj many = make_class(S, "M", 0, NULL);
    Obj m = ts_ok(S, instance_new(S, many));
    for (int i = 0; i < 35; i++) {
        char name[8];
        snprintf(name, sizeof name, "x%d", i);
        Obj n = s(S, name), v = ts_ok(S, int_from_i64(S, i));
        assert_int_equal(instance_setattr(S, m, n, v), 0);
        ob_decref(S, n, HOLD_TEMP);
        ob_decref(S, v, HOLD_TEMP);
    }
    Obj md = ts_ok(S, instance_dict(S, m));
    assert_int_equal(dict_len(S, md), 35);
    assert_int_equal(ob_getsizeof(S, md), 1584);
    Obj held[] = {cls, many, m, a, b, c, five};
    for (size_t i = 0; i < 7; i++) sim_hold(S, held[i]);
    for (int i = 0; i < 40; i++) sim_hold(S, objs[i]);
    ts_obcheck(S);
    for (int i = 0; i < 40; i++) sim_unhold(S, objs[i]);
    for (size_t i = 7; i-- > 0;) sim_unhold(S, held[i]);
    ts_obcheck(S);
    sim_free(S);
}

/* What the VM's call hook is asked to run; optionally it resurrects. */
static struct {
    Obj callable, arg;
    int calls, resurrect, audited;
} hook;

static int record_call(Sim *S, Obj callable, Obj arg)
{
    hook.callable = callable;
    hook.arg = arg;
    hook.calls++;
    assert_int_equal(ob_refcnt(S, arg), 1);      /* resurrected for the call */
    ts_obcheck(S);                               /* the ledger sees who holds it */
    hook.audited++;
    if (hook.resurrect) {                        /* __del__ stores self */
        ob_incref(S, arg, HOLD_TEMP);
        sim_hold(S, arg);
    }
    return 0;
}

/* __del__ runs once, with the object resurrected to one reference; if it
 * keeps a reference the object lives on, and is never finalized again. */
static void test_finalizer(void **state)
{
    (void)state;
    Sim *S = ts_sim("cpython-3.11");
    memset(&hook, 0, sizeof hook);
    S->call_hook = record_call;
    Obj ns = ts_ok(S, dict_new(S));
    Obj del = ts_ok(S, str_from_cstr(S, "stands for the __del__ function"));
    Obj k = s(S, "__del__");
    assert_int_equal(dict_setitem(S, ns, k, del), 0);
    ob_decref(S, k, HOLD_TEMP);
    Obj name = s(S, "D"), bases = ts_ok(S, tuple_new(S, 0));
    Obj cls = ts_ok(S, type_new(S, name, bases, ns));
    Obj sub = make_class(S, "E", cls, NULL);      /* inherits the finalizer */
    Obj objs[] = {ns, del, name, bases};
    for (size_t i = 0; i < 4; i++) ob_decref(S, objs[i], HOLD_TEMP);
    sim_hold(S, cls);
    sim_hold(S, sub);

    Obj o = ts_ok(S, instance_new(S, sub));
    int64_t count0 = S->gc.gen[0].count;
    ob_decref(S, o, HOLD_TEMP);
    assert_int_equal(hook.calls, 1);
    assert_int_equal(hook.arg, o);
    assert_true(ob_is(S, hook.callable, TI_STR));
    assert_int_equal(S->gc.gen[0].count, count0 - 1); /* then freed */

    hook.resurrect = 1;
    o = ts_ok(S, instance_new(S, cls));
    ob_decref(S, o, HOLD_TEMP);
    assert_int_equal(hook.calls, 2);
    assert_true(objmap_is_live(S, o));           /* resurrected */
    assert_true(gc_is_tracked(S, o) && gc_is_finalized(S, o));
    ts_obcheck(S);
    hook.resurrect = 0;
    sim_unhold(S, o);                            /* dies for good: no second call */
    assert_int_equal(hook.calls, 2);
    assert_false(objmap_is_live(S, o));
    assert_int_equal(hook.audited, 2);
    sim_unhold(S, sub);
    sim_unhold(S, cls);
    ts_obcheck(S);
    sim_free(S);
}

/* scripts/gen-cpython-attrs knows every built-in type of the table
 * (each has __class__ in python3): a type added without regenerating
 * engine/runtime/cpython_attrs.inc would have its missing attributes
 * answered with AttributeErrors instead of refused. */
static void test_cpython_names_cover_the_types(void **state)
{
    (void)state;
    Sim *S = ts_sim("cpython-3.11");
    for (int t = 0; t < TI_COUNT; t++) {
        if (!rt_cpython_has_attr(S->types[t].name, "__class__")) fail_msg("no CPython names for %s", S->types[t].name);
    }
    assert_true(rt_cpython_has_attr("str", "translate"));
    assert_true(rt_cpython_has_attr("module sys", "_getframe"));
    assert_false(rt_cpython_has_attr("str", "no_such_name"));
    sim_free(S);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sizes_and_dicts),
        cmocka_unit_test(test_values_shrink),
        cmocka_unit_test(test_attributes),
        cmocka_unit_test(test_finalizer),
        cmocka_unit_test(test_materialized_dict),
        cmocka_unit_test(test_cpython_names_cover_the_types),
    };
    return cmocka_run_group_tests_name("obj_types", tests, NULL, NULL) != 0;
}
