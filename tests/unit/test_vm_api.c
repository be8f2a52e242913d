/*
 * test_vm_api.c -- the engine's run API (sim/engine.h): stepping one
 * instruction at a time gives the same run as running to the end, two
 * interpreters side by side share nothing, the tick counts instructions,
 * Ctrl-C and the tick limit become KeyboardInterrupt, a syntax error is
 * reported with status 1, the event sink sees only its categories.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim/engine.h"

typedef struct Buf {
    char text[8192];
    size_t len;
} Buf;

static void put(void *ud, const char *text, size_t len)
{
    Buf *b = ud;
    if (b->len + len >= sizeof b->text) len = sizeof b->text - 1 - b->len;
    memcpy(b->text + b->len, text, len);
    b->len += len;
    b->text[b->len] = '\0';
}

static const char program[] =
    "import sys\n"
    "class Node:\n"
    "    def __init__(self, name):\n"
    "        self.name = name\n"
    "    def __del__(self):\n"
    "        print('freed', self.name)\n"
    "def make(n):\n"
    "    return [Node(str(i)) for i in range(n)]\n"
    "nodes = make(3)\n"
    "print(sys.getrefcount(nodes), len(nodes))\n"
    "nodes = None\n"
    "print('done')\n";

/* python3 prints the same: a list releases its items last first */
static const char expected[] = "2 3\nfreed 2\nfreed 1\nfreed 0\ndone\n";

static SimEngine *engine(Buf *out, Buf *err)
{
    char msg[256];
    SimEngine *e = sim_engine_new(NULL, msg, sizeof msg);
    assert_non_null(e);
    sim_engine_set_output(e, put, out, put, err);
    return e;
}

static void test_run_to_the_end(void **state)
{
    (void)state;
    Buf out = {{0}, 0}, err = {{0}, 0};
    SimEngine *e = engine(&out, &err);
    assert_int_equal(sim_engine_load(e, program, strlen(program), "p.py"), 0);
    assert_int_equal(sim_engine_run(e), 0);
    assert_string_equal(out.text, expected);
    assert_int_equal(err.len, 0);
    assert_true(sim_engine_tick(e) > 50);
    assert_int_equal(sim_engine_step(e), SIM_STEP_DONE); /* a no-op once done */
    sim_engine_free(e);
}

/* Two interpreters stepped alternately: each behaves as if alone. */
static void test_two_interpreters_side_by_side(void **state)
{
    (void)state;
    Buf out1 = {{0}, 0}, err1 = {{0}, 0}, out2 = {{0}, 0}, err2 = {{0}, 0};
    SimEngine *a = engine(&out1, &err1), *b = engine(&out2, &err2);
    assert_int_equal(sim_engine_load(a, program, strlen(program), "p.py"), 0);
    assert_int_equal(sim_engine_load(b, program, strlen(program), "p.py"), 0);
    int ra = SIM_STEP_RUNNING, rb = SIM_STEP_RUNNING;
    unsigned long long steps = 0;
    while (ra == SIM_STEP_RUNNING || rb == SIM_STEP_RUNNING) {
        if (ra == SIM_STEP_RUNNING) ra = sim_engine_step(a);
        if (rb == SIM_STEP_RUNNING) rb = sim_engine_step(b);
        steps++;
    }
    assert_string_equal(out1.text, expected);
    assert_string_equal(out2.text, expected);
    assert_int_equal(sim_engine_tick(a), sim_engine_tick(b));
    /* nested frames (__init__, __del__) run inside the step that calls them */
    assert_true(steps < sim_engine_tick(a));
    sim_engine_free(a);
    sim_engine_free(b);
}

static void test_syntax_error(void **state)
{
    (void)state;
    Buf out = {{0}, 0}, err = {{0}, 0};
    SimEngine *e = engine(&out, &err);
    const char bad[] = "x = (1,\n";
    assert_int_equal(sim_engine_load(e, bad, strlen(bad), "bad.py"), 1);
    assert_int_equal(sim_engine_exit_status(e), 1);
    assert_non_null(strstr(err.text, "SyntaxError"));
    assert_int_equal(sim_engine_step(e), SIM_STEP_DONE);
    sim_engine_free(e);
}

static void test_interrupt_and_tick_limit(void **state)
{
    (void)state;
    const char loop[] = "i = 0\nwhile True:\n    i += 1\n";
    Buf out = {{0}, 0}, err = {{0}, 0};
    SimEngine *e = engine(&out, &err);
    assert_int_equal(sim_engine_load(e, loop, strlen(loop), "loop.py"), 0);
    for (int i = 0; i < 100; i++) assert_int_equal(sim_engine_step(e), SIM_STEP_RUNNING);
    sim_engine_interrupt(e); /* what the SIGINT handler does */
    assert_int_equal(sim_engine_run(e), 130);
    assert_non_null(strstr(err.text, "KeyboardInterrupt"));
    sim_engine_free(e);

    /* a program that swallows KeyboardInterrupt still ends at the limit */
    const char stubborn[] = "while True:\n    try:\n        while True:\n            pass\n"
                            "    except KeyboardInterrupt:\n        pass\n";
    Buf out2 = {{0}, 0}, err2 = {{0}, 0};
    e = engine(&out2, &err2);
    sim_engine_set_tick_limit(e, 10000);
    assert_int_equal(sim_engine_load(e, stubborn, strlen(stubborn), "s.py"), 0);
    assert_int_equal(sim_engine_run(e), 130);
    assert_true(sim_engine_tick(e) < 20000);
    sim_engine_free(e);
}

/* Outside the subset, the error names the construct (and never crashes). */
static void test_outside_the_subset(void **state)
{
    (void)state;
    static const struct { const char *src, *want; } cases[] = {
        {"open('f')\n", "NameError: name 'open' is not defined (a builtin outside refscope's subset)"},
        {"import os\n", "No module named 'os' (refscope simulates the modules sys, gc and weakref)"},
        {"with x:\n    pass\n", "SyntaxError"},
        {"undefined_name\n", "NameError: name 'undefined_name' is not defined\n"},
        /* special methods refscope would not call: refused, not ignored */
        {"class C:\n    def __setattr__(self, n, v):\n        pass\n",
         "line 1, in <module>\n    class C:\nTypeError: a class defining __setattr__ is not part of refscope's subset\n"},
        {"class D:\n    def __get__(self, i, o):\n        return 1\n", "a class defining __get__ is not part"},
        {"class E:\n    def __new__(cls):\n        pass\n", "a class defining __new__ is not part"},
        {"class F:\n    __init_subclass__ = 1\n", "a class defining __init_subclass__ is not part"},
        {"class G:\n    pass\nG.__getattr__ = len\n",
         "line 3, in <module>\n    G.__getattr__ = len\n    ^^^^^^^^^^^^^\nTypeError: a class defining __getattr__"},
        /* attributes python3 has and refscope lacks: refused, even where
         * an AttributeError would be caught (hasattr would say False) */
        {"print('x'.translate)\n", "TypeError: 'str' object attribute 'translate' is not part of refscope's subset"},
        {"print(hasattr('x', 'translate'))\n", "'str' object attribute 'translate' is not part"},
        {"import sys\nsys._getframe()\n", "TypeError: module 'sys' attribute '_getframe' is not part"},
        {"print(int.from_bytes)\n", "TypeError: type object 'int' attribute 'from_bytes' is not part"},
        {"class H:\n    pass\nH().__sizeof__()\n", "TypeError: 'H' object attribute '__sizeof__' is not part"},
        {"class K(list):\n    pass\nK().__reduce_ex__\n", "'K' object attribute '__reduce_ex__' is not part"},
        {"'x'.nosuch\n", "AttributeError: 'str' object has no attribute 'nosuch'"},
        {"slice(1, 3)\n", "TypeError: calling slice() is not part of refscope's subset"},
        {"type(iter([]))()\n", "TypeError: cannot create 'list_iterator' instances"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        Buf out = {{0}, 0}, err = {{0}, 0};
        SimEngine *e = engine(&out, &err);
        if (sim_engine_load(e, cases[i].src, strlen(cases[i].src), "x.py") == 0) sim_engine_run(e);
        assert_int_equal(sim_engine_exit_status(e), 1);
        if (!strstr(err.text, cases[i].want)) fail_msg("%s: got %s", cases[i].src, err.text);
        sim_engine_free(e);
    }
}

typedef struct Hooked {
    unsigned long long calls, nested, last_tick;
    int monotonic;
} Hooked;

static void hook(void *ud, unsigned long long tick, int nested)
{
    Hooked *h = ud;
    if (tick != h->last_tick + 1) h->monotonic = 0;
    h->last_tick = tick;
    h->calls++;
    if (nested) h->nested++;
}

/* The hook sees every instruction, the nested frames' too (__init__ and
 * __del__ run inside the step of the instruction that calls them). */
static void test_instruction_hook(void **state)
{
    (void)state;
    Buf out = {{0}, 0}, err = {{0}, 0};
    SimEngine *e = engine(&out, &err);
    Hooked h = {0, 0, 0, 1};
    sim_engine_set_instr_hook(e, hook, &h);
    assert_int_equal(sim_engine_load(e, program, strlen(program), "p.py"), 0);
    sim_engine_run(e);
    assert_int_equal(h.calls, sim_engine_tick(e));
    assert_true(h.monotonic);
    assert_true(h.nested > 0);
    sim_engine_free(e);
}

typedef struct Counts {
    unsigned long long instr, refcount, other;
} Counts;

static void count(void *ud, const SimEvent *ev)
{
    Counts *c = ud;
    if (ev->kind == SIM_EV_INSTR) c->instr++;
    else if (sim_event_kind_category(ev->kind) == SIM_EVCAT_REFCOUNT) c->refcount++;
    else c->other++;
}

static void test_event_mask(void **state)
{
    (void)state;
    Buf out = {{0}, 0}, err = {{0}, 0};
    SimEngine *e = engine(&out, &err);
    Counts c = {0, 0, 0};
    assert_int_equal(sim_engine_load(e, program, strlen(program), "p.py"), 0);
    sim_engine_set_event_sink(e, count, &c, SIM_EVCAT_VM);
    sim_engine_run(e);
    /* one INSTR per tick (the load's own instructions: none) */
    assert_int_equal(c.instr, sim_engine_tick(e));
    assert_int_equal(c.refcount, 0);
    assert_true(c.other > 0); /* frame enters and exits, output */
    sim_engine_free(e);
}

/* Names CPython takes from its static strings (_Py_ID) allocate
 * nothing: print's file.write, __build_class__, a class's __classcell__,
 * a mapping's keys().  Between the BEGIN and END lines the program makes
 * no str at all in python3; every str allocation refscope made there
 * would be a probe for a name lookup. */
static const char static_names_program[] =
    "class M:\n"
    "    def keys(self): return ['a']\n"
    "    def __getitem__(self, k): return 1\n"
    "class Base:\n"
    "    def f(self): return 1\n"
    "print(id(str))\n"
    "print('BEGIN')\n"
    "print('x')\n"
    "class K(Base):\n"
    "    def f(self): return super().f()\n"
    "d = {}\n"
    "d.update(M())\n"
    "k = K().f()\n"
    "print('END')\n"
    "print(k, d)\n";

typedef struct StrWatch {
    Buf out;
    int64_t str_type;     /* id(str), from the program's first line */
    int inside;           /* between BEGIN and END */
    unsigned long long str_news, news;
} StrWatch;

static void watch_put(void *ud, const char *text, size_t len)
{
    StrWatch *w = ud;
    put(&w->out, text, len);
    if (!w->str_type) w->str_type = strtoll(w->out.text, NULL, 10);
    if (len == 5 && !memcmp(text, "BEGIN", 5)) w->inside = 1;
    if (len == 3 && !memcmp(text, "END", 3)) w->inside = 0;
}

static void watch_event(void *ud, const SimEvent *ev)
{
    StrWatch *w = ud;
    if (!w->inside || ev->kind != SIM_EV_OBJ_NEW) return;
    w->news++;
    if (ev->a == w->str_type) w->str_news++;
}

static void test_static_names_allocate_nothing(void **state)
{
    (void)state;
    StrWatch w;
    memset(&w, 0, sizeof w);
    Buf err = {{0}, 0};
    char msg[256];
    SimEngine *e = sim_engine_new(NULL, msg, sizeof msg);
    assert_non_null(e);
    sim_engine_set_output(e, watch_put, &w, put, &err);
    sim_engine_set_event_sink(e, watch_event, &w, SIM_EVCAT_OBJECT);
    const char *src = static_names_program;
    assert_int_equal(sim_engine_load(e, src, strlen(src), "names.py"), 0);
    assert_int_equal(sim_engine_run(e), 0);
    assert_int_equal(err.len, 0);
    assert_non_null(strstr(w.out.text, "BEGIN\nx\nEND\n1 {'a': 1}\n"));
    assert_true(w.str_type != 0);
    assert_true(w.news > 0); /* the sink saw the region's other objects */
    assert_int_equal(w.str_news, 0);
    sim_engine_free(e);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_run_to_the_end),
        cmocka_unit_test(test_two_interpreters_side_by_side),
        cmocka_unit_test(test_syntax_error),
        cmocka_unit_test(test_interrupt_and_tick_limit),
        cmocka_unit_test(test_event_mask),
        cmocka_unit_test(test_instruction_hook),
        cmocka_unit_test(test_outside_the_subset),
        cmocka_unit_test(test_static_names_allocate_nothing),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
