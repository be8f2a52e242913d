/*
 * test_ast.c -- the AST arena and ast.dump(): trees built by hand must
 * print exactly what CPython 3.11's ast.dump(ast.parse(src)) printed for
 * the same source (the expected strings below were produced by python3).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "compiler/ast.h"

static Node *name(AstArena *a, const char *id, ExprContext ctx)
{
    Node *n = ast_node(a, AST_Name, 1, 0, 1, (int)strlen(id));
    n->u.name.id = ast_strndup(a, id, strlen(id));
    n->u.name.ctx = ctx;
    return n;
}

static Node *constant(AstArena *a, AstConstKind kind, const char *text)
{
    Node *n = ast_node(a, AST_Constant, 1, 0, 1, 1);
    n->u.constant.value.kind = kind;
    if (text) {
        n->u.constant.value.text = ast_strndup(a, text, strlen(text));
        n->u.constant.value.len = strlen(text);
    }
    return n;
}

static Node *module_of(AstArena *a, Node *stmt)
{
    Node *m = ast_node(a, AST_Module, 0, 0, 0, 0);
    assert_int_equal(ast_list_push(a, &m->u.module.body, stmt), 0);
    return m;
}

static void expect_dump(const Node *n, const char *want)
{
    char buf[2048];
    size_t len = ast_dump(n, buf, sizeof buf);
    assert_int_equal(len, strlen(want));
    assert_string_equal(buf, want);
}

static void test_assign(void **state)
{
    (void)state;
    AstArena *a = ast_arena_new();
    Node *asg = ast_node(a, AST_Assign, 1, 0, 1, 5);
    ast_list_push(a, &asg->u.assign.targets, name(a, "x", CTX_STORE));
    asg->u.assign.value = constant(a, CONST_INT, "1");
    expect_dump(module_of(a, asg), "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], "
                                   "value=Constant(value=1))], type_ignores=[])");
    ast_arena_free(a);
}

static Node *arg(AstArena *a, const char *id)
{
    Node *n = ast_node(a, AST_Arg, 1, 0, 1, 1);
    n->u.arg.arg = ast_strndup(a, id, strlen(id));
    return n;
}

/* def f(a, b=2, *c, d, **e): return a */
static void test_function(void **state)
{
    (void)state;
    AstArena *a = ast_arena_new();
    Node *args = ast_node(a, AST_Arguments, 0, 0, 0, 0);
    ast_list_push(a, &args->u.arguments.args, arg(a, "a"));
    ast_list_push(a, &args->u.arguments.args, arg(a, "b"));
    args->u.arguments.vararg = arg(a, "c");
    ast_list_push(a, &args->u.arguments.kwonlyargs, arg(a, "d"));
    ast_list_push(a, &args->u.arguments.kw_defaults, NULL);
    args->u.arguments.kwarg = arg(a, "e");
    ast_list_push(a, &args->u.arguments.defaults, constant(a, CONST_INT, "2"));
    Node *f = ast_node(a, AST_FunctionDef, 1, 0, 2, 12);
    f->u.func.name = "f";
    f->u.func.args = args;
    Node *ret = ast_node(a, AST_Return, 2, 4, 2, 12);
    ret->u.ret.value = name(a, "a", CTX_LOAD);
    ast_list_push(a, &f->u.func.body, ret);
    expect_dump(module_of(a, f),
                "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], "
                "args=[arg(arg='a'), arg(arg='b')], vararg=arg(arg='c'), kwonlyargs=[arg(arg='d')], "
                "kw_defaults=[None], kwarg=arg(arg='e'), defaults=[Constant(value=2)]), "
                "body=[Return(value=Name(id='a', ctx=Load()))], decorator_list=[])], type_ignores=[])");
    ast_arena_free(a);
}

/* print("it's", b"\x00", 1.5, None, ...) */
static void test_constants(void **state)
{
    (void)state;
    AstArena *a = ast_arena_new();
    Node *call = ast_node(a, AST_Call, 1, 0, 1, 30);
    call->u.call.func = name(a, "print", CTX_LOAD);
    ast_list_push(a, &call->u.call.args, constant(a, CONST_STR, "it's"));
    Node *b = constant(a, CONST_BYTES, NULL);
    b->u.constant.value.text = "\0";
    b->u.constant.value.len = 1;
    ast_list_push(a, &call->u.call.args, b);
    Node *f = constant(a, CONST_FLOAT, NULL);
    f->u.constant.value.f = 1.5;
    ast_list_push(a, &call->u.call.args, f);
    ast_list_push(a, &call->u.call.args, constant(a, CONST_NONE, NULL));
    ast_list_push(a, &call->u.call.args, constant(a, CONST_ELLIPSIS, NULL));
    Node *e = ast_node(a, AST_Expr, 1, 0, 1, 30);
    e->u.ret.value = call;
    expect_dump(module_of(a, e),
                "Module(body=[Expr(value=Call(func=Name(id='print', ctx=Load()), "
                "args=[Constant(value=\"it's\"), Constant(value=b'\\x00'), Constant(value=1.5), "
                "Constant(value=None), Constant(value=Ellipsis)], keywords=[]))], type_ignores=[])");
    ast_arena_free(a);
}

/* Lists grow past every power of two; a small buffer truncates cleanly. */
static void test_lists_and_truncation(void **state)
{
    (void)state;
    AstArena *a = ast_arena_new();
    Node *t = ast_node(a, AST_Tuple, 1, 0, 1, 1);
    for (int i = 0; i < 1000; i++)
        assert_int_equal(ast_list_push(a, &t->u.seq.elts, name(a, i % 2 ? "a" : "b", CTX_LOAD)), 0);
    assert_int_equal(t->u.seq.elts.n, 1000);
    assert_string_equal(t->u.seq.elts.items[999]->u.name.id, "a");
    char small[16];
    size_t full = ast_dump(t, small, sizeof small);
    assert_true(full > sizeof small);
    assert_int_equal(strlen(small), sizeof small - 1);
    ast_arena_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_assign),
        cmocka_unit_test(test_function),
        cmocka_unit_test(test_constants),
        cmocka_unit_test(test_lists_and_truncation),
    };
    return cmocka_run_group_tests_name("ast", tests, NULL, NULL) != 0;
}
