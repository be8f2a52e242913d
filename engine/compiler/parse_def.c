/* parse_def.c -- function and class definitions, decorators and the
 * parameter lists of def and lambda, after 3.11's Grammar/python.gram. */
#include <string.h>

#include "compiler/parse_internal.h"

/* ---- definitions ---- */

/* decorators: ('@' f=named_expression NEWLINE)+ */
static int decorators(Parser *P, NodeList *out)
{
    for (;;) {
        int m = P->mark;
        if (!p_expect(P, T_AT)) break;
        Node *f = r_named_expression(P);
        if (!f || !p_expect(P, T_NEWLINE)) {
            P->mark = m;
            break;
        }
        if (p_push(P, out, f) < 0) return -1;
    }
    return P->error ? -1 : out->n > 0;
}

/* ['(' z=[arguments] ')'] of a class: 1 when present */
static int class_args(Parser *P, Node **args)
{
    int m = P->mark;
    *args = NULL;
    if (!p_expect(P, T_LPAR)) return 0;
    *args = r_arguments(P);
    if (!P->error && p_expect(P, T_RPAR)) return 1;
    *args = NULL;
    P->mark = m;
    return 0;
}

static Node *class_def_raw(Parser *P)
{
    ENTER();
    Node *args;
    if (P->call_invalid) {
        /* 'class' NAME ['(' [arguments] ')'] NEWLINE */
        if (p_expect(P, K_CLASS) && p_expect_name(P)) {
            class_args(P, &args);
            if (!FAILED() && p_expect(P, T_NEWLINE))
                RETURN(p_raise_last(P, "SyntaxError", "expected ':'"));
        }
        RESET();
        if (FAILED()) RETURN(NULL);
        /* a='class' NAME ['(' [arguments] ')'] ':' NEWLINE !INDENT */
        PTok *a = p_expect(P, K_CLASS);
        if (a && p_expect_name(P)) {
            class_args(P, &args);
            if (!FAILED() && p_expect(P, T_COLON) && p_newline_no_indent(P))
                RETURN(p_raise_no_block(P, "class definition", a->lineno));
        }
        RESET();
        if (FAILED()) RETURN(NULL);
    }
    PTok *start = p_expect(P, K_CLASS);
    if (!start) RETURN(NULL);
    PTok *name = p_expect_name(P);
    if (!name) {
        RESET();
        RETURN(NULL);
    }
    class_args(P, &args);
    if (FAILED()) RETURN(NULL);
    if (!p_expect(P, T_COLON)) {
        RESET();
        RETURN(NULL);
    }
    NodeList *c = r_block(P);
    if (!c) {
        RESET();
        RETURN(NULL);
    }
    Node *n = p_node(P, AST_ClassDef, start);
    if (!n) RETURN(NULL);
    n->u.cls.name = p_ident(P, name);
    if (args) {
        n->u.cls.bases = args->u.call.args;
        n->u.cls.keywords = args->u.call.keywords;
    }
    n->u.cls.body = *c;
    RETURN(n);
    LEAVE();
}

/* ['->' z=expression] */
static Node *returns_annotation(Parser *P)
{
    int m = P->mark;
    PTok *arrow = p_expect(P, T_RARROW);
    if (!arrow) return NULL;
    Node *z = r_expression(P);
    if (!z) P->mark = m;
    return z;
}

static Node *function_def_raw(Parser *P)
{
    ENTER();
    if (P->call_invalid) {
        /* [ASYNC] a='def' NAME '(' [params] ')' ['->' expression] ':' NEWLINE !INDENT */
        p_expect(P, T_ASYNC);
        PTok *a = p_expect(P, K_DEF);
        if (a && p_expect_name(P) && p_expect(P, T_LPAR)) {
            r_params(P, 0);
            if (!FAILED() && p_expect(P, T_RPAR)) {
                int m = P->mark;
                if (!(p_expect(P, T_RARROW) && r_expression(P))) P->mark = m;
                if (!FAILED() && p_expect(P, T_COLON) && p_newline_no_indent(P))
                    RETURN(p_raise_no_block(P, "function definition", a->lineno));
            }
        }
        RESET();
        if (FAILED()) RETURN(NULL);
    }
    for (int is_async = 0; is_async < 2; is_async++) {
        RESET();
        PTok *start = p_peek(P);
        if (!start) RETURN(NULL);
        if (is_async && !p_expect(P, T_ASYNC)) break;
        if (!p_expect(P, K_DEF)) continue;
        PTok *name = p_expect_name(P);
        if (!name) continue;
        if (!p_expect_forced(P, T_LPAR, "(")) RETURN(NULL);
        Node *params = r_params(P, 0);
        if (FAILED()) RETURN(NULL);
        if (!p_expect(P, T_RPAR)) continue;
        Node *returns = returns_annotation(P);
        if (FAILED()) RETURN(NULL);
        if (!p_expect_forced(P, T_COLON, ":")) RETURN(NULL);
        NodeList *b = r_block(P);
        if (!b) continue;
        Node *n = p_node(P, AST_FunctionDef, start);
        if (!n) RETURN(NULL);
        n->u.func.name = p_ident(P, name);
        if (!params) {
            params = ast_node(P->arena, AST_Arguments, 0, 0, 0, 0);
            if (!params) {
                p_no_memory(P);
                RETURN(NULL);
            }
        }
        n->u.func.args = params;
        n->u.func.body = *b;
        n->u.func.returns = returns;
        if (is_async) p_unsupported_tok(P, start, "'async def' functions are");
        RETURN(n);
    }
    if (FAILED()) RETURN(NULL);
    RESET();
    LEAVE();
}

/* function_def / class_def: decorators X_raw | X_raw */
static Node *decorated(Parser *P, Node *(*raw)(Parser *))
{
    ENTER();
    NodeList decos = {0};
    int r = decorators(P, &decos);
    if (r < 0) RETURN(NULL);
    if (r > 0) {
        Node *f = raw(P);
        if (f) {
            if (f->kind == AST_ClassDef) f->u.cls.decorators = decos;
            else f->u.func.decorators = decos;
            RETURN(f);
        }
        if (FAILED()) RETURN(NULL);
        RESET();
    }
    RETURN(raw(P));
    LEAVE();
}


Node *p_function_def(Parser *P) { return decorated(P, function_def_raw); }
Node *p_class_def(Parser *P) { return decorated(P, class_def_raw); }

/* ---- parameters (def and lambda) ----
 *
 * One implementation of parameters/lambda_parameters: a lambda's
 * parameters have no annotations and end at ':' instead of ')'. */

typedef struct ParamPair {
    Node *arg, *value;
} ParamPair;

typedef struct StarEtc {
    Node *vararg, *kwarg;
    NodeList kwonly, kwdefaults;
} StarEtc;

/* param: a=NAME b=annotation? | lambda_param: a=NAME */
static Node *param(Parser *P, int lambda)
{
    PTok *start = p_expect_name(P);
    if (!start) return NULL;
    Node *ann = NULL;
    if (!lambda) {
        int m = P->mark;
        if (p_expect(P, T_COLON)) {
            ann = r_expression(P);
            if (!ann) P->mark = m;
        }
        if (P->error) return NULL;
    }
    /* the arg spans NAME and its annotation (EXTRA of the param rule) */
    Node *n = p_node(P, AST_Arg, start);
    if (!n) return NULL;
    n->u.arg.arg = p_ident(P, start);
    n->u.arg.annotation = ann;
    return n;
}

static int param_end(Parser *P, int lambda) { return p_at(P, lambda ? T_COLON : T_RPAR); }

/* param_no_default: a=param ',' | a=param &')' */
static Node *param_no_default(Parser *P, int lambda)
{
    int m = P->mark;
    Node *a = param(P, lambda);
    if (a && p_expect(P, T_COMMA)) return a;
    P->mark = m;
    if (P->error) return NULL;
    a = param(P, lambda);
    if (a && param_end(P, lambda)) return a;
    P->mark = m;
    return NULL;
}

/* default: '=' a=expression | invalid_default */
static Node *param_default(Parser *P)
{
    int m = P->mark;
    if (p_expect(P, T_EQUAL)) {
        Node *a = r_expression(P);
        if (a) return a;
    }
    P->mark = m;
    if (P->error) return NULL;
    if (P->call_invalid) {
        /* a='=' &(')'|',') */
        PTok *a = p_expect(P, T_EQUAL);
        if (a && (p_at(P, T_RPAR) || p_at(P, T_COMMA)))
            return p_raise_tok_range(P, a, a, "expected default value expression");
        P->mark = m;
    }
    return NULL;
}

/* param_with_default (maybe 0) / param_maybe_default (maybe 1):
 * a=param c=default ',' | a=param c=default &')' */
static int param_default_pair(Parser *P, int lambda, int maybe, ParamPair *out)
{
    int m = P->mark;
    for (int alt = 0; alt < 2; alt++) {
        P->mark = m;
        Node *a = param(P, lambda);
        if (!a) {
            if (P->error) return -1;
            continue;
        }
        Node *c = param_default(P);
        if (P->error) return -1;
        if (!c && !maybe) continue;
        if (alt == 0 ? p_expect(P, T_COMMA) != NULL : param_end(P, lambda)) {
            out->arg = a;
            out->value = c;
            return 1;
        }
        if (P->error) return -1;
    }
    P->mark = m;
    return 0;
}

typedef struct PairList {
    ParamPair *items;
    int n, cap;
} PairList;

static int pairs_push(Parser *P, PairList *l, ParamPair pp)
{
    if (l->n == l->cap) {
        int cap = l->cap ? l->cap * 2 : 8;
        ParamPair *items = ast_alloc(P->scratch, (size_t)cap * sizeof *items);
        if (!items) {
            p_no_memory(P);
            return -1;
        }
        if (l->n) memcpy(items, l->items, (size_t)l->n * sizeof *items);
        l->items = items;
        l->cap = cap;
    }
    l->items[l->n++] = pp;
    return 0;
}

/* param_no_default* / + */
static int params_no_default(Parser *P, int lambda, NodeList *out)
{
    Node *a;
    while ((a = param_no_default(P, lambda)))
        if (p_push(P, out, a) < 0) return -1;
    return P->error ? -1 : out->n;
}

/* param_with_default* / param_maybe_default* */
static int params_pairs(Parser *P, int lambda, int maybe, PairList *out)
{
    ParamPair pp;
    int r;
    while ((r = param_default_pair(P, lambda, maybe, &pp)) > 0)
        if (pairs_push(P, out, pp) < 0) return -1;
    return r < 0 ? -1 : out->n;
}

/* slash_no_default: a=param_no_default+ '/' ',' | a=param_no_default+ '/' &')' */
static int slash_no_default(Parser *P, int lambda, NodeList *out)
{
    int m = P->mark;
    for (int alt = 0; alt < 2; alt++) {
        P->mark = m;
        NodeList a = {0};
        if (params_no_default(P, lambda, &a) <= 0) {
            if (P->error) return -1;
            break;
        }
        if (p_expect(P, T_SLASH) && (alt == 0 ? p_expect(P, T_COMMA) != NULL : param_end(P, lambda))) {
            *out = a;
            return 1;
        }
        if (P->error) return -1;
    }
    P->mark = m;
    return 0;
}

/* slash_with_default: a=param_no_default* b=param_with_default+ '/' (',' | &')') */
static int slash_with_default(Parser *P, int lambda, NodeList *plain, PairList *with)
{
    int m = P->mark;
    for (int alt = 0; alt < 2; alt++) {
        P->mark = m;
        NodeList a = {0};
        PairList b = {0};
        if (params_no_default(P, lambda, &a) < 0) return -1;
        if (params_pairs(P, lambda, 0, &b) <= 0) {
            if (P->error) return -1;
            continue;
        }
        if (p_expect(P, T_SLASH) && (alt == 0 ? p_expect(P, T_COMMA) != NULL : param_end(P, lambda))) {
            *plain = a;
            *with = b;
            return 1;
        }
        if (P->error) return -1;
    }
    P->mark = m;
    return 0;
}

/* invalid_kwds / invalid_lambda_kwds */
static void invalid_kwds(Parser *P, int lambda)
{
    int m = P->mark;
    /* '**' param a='=' */
    if (p_expect(P, T_DOUBLESTAR) && param(P, lambda)) {
        PTok *a = p_expect(P, T_EQUAL);
        if (a) {
            p_raise_tok_range(P, a, a, "var-keyword argument cannot have default value");
            return;
        }
    }
    P->mark = m;
    if (P->error) return;
    /* '**' param ',' a=param */
    if (p_expect(P, T_DOUBLESTAR) && param(P, lambda) && p_expect(P, T_COMMA)) {
        Node *a = param(P, lambda);
        if (a) {
            p_raise_node(P, a, "arguments cannot follow var-keyword argument");
            return;
        }
    }
    P->mark = m;
    if (P->error) return;
    /* '**' param ',' a=('*'|'**'|'/') */
    if (p_expect(P, T_DOUBLESTAR) && param(P, lambda) && p_expect(P, T_COMMA)) {
        PTok *a = p_expect(P, T_STAR);
        if (!a) a = p_expect(P, T_DOUBLESTAR);
        if (!a) a = p_expect(P, T_SLASH);
        if (a) {
            p_raise_tok_range(P, a, a, "arguments cannot follow var-keyword argument");
            return;
        }
    }
    P->mark = m;
}

/* kwds: invalid_kwds | '**' a=param_no_default */
static Node *kwds(Parser *P, int lambda)
{
    int m = P->mark;
    if (P->call_invalid) {
        invalid_kwds(P, lambda);
        if (P->error) return NULL;
        P->mark = m;
    }
    if (p_expect(P, T_DOUBLESTAR)) {
        Node *a = param_no_default(P, lambda);
        if (a) return a;
    }
    P->mark = m;
    return NULL;
}

/* (param_no_default | ',') */
static int param_no_default_or_comma(Parser *P, int lambda)
{
    if (param_no_default(P, lambda)) return 1;
    if (P->error) return 0;
    return p_expect(P, T_COMMA) != NULL;
}

static void invalid_star_etc(Parser *P, int lambda)
{
    int m = P->mark;
    int close = lambda ? T_COLON : T_RPAR;
    /* a='*' (')' | ',' (')' | '**')) */
    PTok *a = p_expect(P, T_STAR);
    if (a) {
        int k = P->mark;
        int ok = p_expect(P, close) != NULL;
        if (!ok && !P->error) {
            P->mark = k;
            ok = p_expect(P, T_COMMA) && (p_expect(P, close) || p_expect(P, T_DOUBLESTAR));
        }
        if (ok) {
            if (lambda) p_raise_last(P, "SyntaxError", "named arguments must follow bare *");
            else p_raise_tok_range(P, a, a, "named arguments must follow bare *");
            return;
        }
    }
    P->mark = m;
    if (P->error) return;
    /* '*' param a='=' */
    if (p_expect(P, T_STAR) && param(P, lambda)) {
        PTok *eq = p_expect(P, T_EQUAL);
        if (eq) {
            p_raise_tok_range(P, eq, eq, "var-positional argument cannot have default value");
            return;
        }
    }
    P->mark = m;
    if (P->error) return;
    /* '*' (param_no_default | ',') param_maybe_default* a='*' (param_no_default | ',') */
    if (p_expect(P, T_STAR) && param_no_default_or_comma(P, lambda)) {
        PairList l = {0};
        if (params_pairs(P, lambda, 1, &l) < 0) return;
        PTok *b = p_expect(P, T_STAR);
        if (b && param_no_default_or_comma(P, lambda)) {
            p_raise_tok_range(P, b, b, "* argument may appear only once");
            return;
        }
    }
    P->mark = m;
}

/* star_etc: invalid_star_etc
 *   | '*' a=param_no_default b=param_maybe_default* c=[kwds]
 *   | '*' a=param_no_default_star_annotation b=param_maybe_default* c=[kwds]
 *   | '*' ',' b=param_maybe_default+ c=[kwds]
 *   | a=kwds */
static int star_etc(Parser *P, int lambda, StarEtc *out)
{
    int m = P->mark;
    memset(out, 0, sizeof *out);
    if (P->call_invalid) {
        invalid_star_etc(P, lambda);
        if (P->error) return -1;
        P->mark = m;
    }
    for (int alt = 0; alt < 3; alt++) {
        P->mark = m;
        if (!p_expect(P, T_STAR)) break;
        Node *a = NULL;
        if (alt == 0) {
            a = param_no_default(P, lambda);
        } else if (alt == 1) {
            if (lambda) continue;
            /* NAME ':' star_expression, then ',' | &')' */
            PTok *name = p_expect_name(P);
            PTok *colon = name ? p_expect(P, T_COLON) : NULL;
            Node *ann = colon ? r_star_expression(P) : NULL;
            if (ann && (p_expect(P, T_COMMA) || p_at(P, T_RPAR))) {
                a = ast_node(P->arena, AST_Arg, name->lineno, name->col, ann->end_lineno,
                             ann->end_col);
                if (!a) {
                    p_no_memory(P);
                    return -1;
                }
                a->u.arg.arg = p_ident(P, name);
                a->u.arg.annotation = ann;
            }
        } else if (!p_expect(P, T_COMMA)) {
            continue;
        }
        if (P->error) return -1;
        if (alt < 2 && !a) continue;
        PairList b = {0};
        if (params_pairs(P, lambda, 1, &b) < 0) return -1;
        if (alt == 2 && !b.n) continue;
        out->kwarg = kwds(P, lambda);
        if (P->error) return -1;
        out->vararg = a;
        for (int i = 0; i < b.n; i++) {
            if (p_push(P, &out->kwonly, b.items[i].arg) < 0) return -1;
            if (ast_list_push(P->arena, &out->kwdefaults, b.items[i].value) < 0) {
                p_no_memory(P);
                return -1;
            }
        }
        return 1;
    }
    P->mark = m;
    if (P->error) return -1;
    out->kwarg = kwds(P, lambda);
    if (out->kwarg) return 1;
    P->mark = m;
    return P->error ? -1 : 0;
}

/* [star_etc] */
static int opt_star_etc(Parser *P, int lambda, StarEtc *se, int *has)
{
    int r = star_etc(P, lambda, se);
    if (r < 0) return -1;
    *has = r;
    return 0;
}

static Node *make_arguments(Parser *P, NodeList *slash_plain, NodeList *slash_with_plain,
                            PairList *slash_with, NodeList *plain, PairList *with,
                            StarEtc *se)
{
    Node *n = ast_node(P->arena, AST_Arguments, 0, 0, 0, 0);
    if (!n) {
        p_no_memory(P);
        return NULL;
    }
    if (slash_plain) {
        n->u.arguments.posonlyargs = *slash_plain;
    } else if (slash_with) {
        if (slash_with_plain) n->u.arguments.posonlyargs = *slash_with_plain;
        for (int i = 0; i < slash_with->n; i++) {
            if (p_push(P, &n->u.arguments.posonlyargs, slash_with->items[i].arg) < 0) return NULL;
            if (p_push(P, &n->u.arguments.defaults, slash_with->items[i].value) < 0) return NULL;
        }
    }
    if (plain)
        for (int i = 0; i < plain->n; i++)
            if (p_push(P, &n->u.arguments.args, plain->items[i]) < 0) return NULL;
    if (with)
        for (int i = 0; i < with->n; i++) {
            if (p_push(P, &n->u.arguments.args, with->items[i].arg) < 0) return NULL;
            if (p_push(P, &n->u.arguments.defaults, with->items[i].value) < 0) return NULL;
        }
    if (se) {
        n->u.arguments.vararg = se->vararg;
        n->u.arguments.kwarg = se->kwarg;
        n->u.arguments.kwonlyargs = se->kwonly;
        n->u.arguments.kw_defaults = se->kwdefaults;
    }
    return n;
}

static Node *parameters(Parser *P, int lambda)
{
    int m = P->mark;
    StarEtc se;
    int has_se;
    /* a=slash_no_default b=param_no_default* c=param_with_default* d=[star_etc] */
    NodeList a = {0};
    int r = slash_no_default(P, lambda, &a);
    if (r < 0) return NULL;
    if (r > 0) {
        NodeList b = {0};
        PairList c = {0};
        if (params_no_default(P, lambda, &b) < 0 || params_pairs(P, lambda, 0, &c) < 0 ||
            opt_star_etc(P, lambda, &se, &has_se) < 0)
            return NULL;
        return make_arguments(P, &a, NULL, NULL, &b, &c, has_se ? &se : NULL);
    }
    P->mark = m;
    /* a=slash_with_default b=param_with_default* c=[star_etc] */
    NodeList sp = {0};
    PairList sw = {0};
    r = slash_with_default(P, lambda, &sp, &sw);
    if (r < 0) return NULL;
    if (r > 0) {
        PairList b = {0};
        if (params_pairs(P, lambda, 0, &b) < 0 || opt_star_etc(P, lambda, &se, &has_se) < 0)
            return NULL;
        return make_arguments(P, NULL, &sp, &sw, NULL, &b, has_se ? &se : NULL);
    }
    P->mark = m;
    /* a=param_no_default+ b=param_with_default* c=[star_etc] */
    a = (NodeList){0};
    r = params_no_default(P, lambda, &a);
    if (r < 0) return NULL;
    if (r > 0) {
        PairList b = {0};
        if (params_pairs(P, lambda, 0, &b) < 0 || opt_star_etc(P, lambda, &se, &has_se) < 0)
            return NULL;
        return make_arguments(P, NULL, NULL, NULL, &a, &b, has_se ? &se : NULL);
    }
    P->mark = m;
    /* a=param_with_default+ b=[star_etc] */
    PairList w = {0};
    r = params_pairs(P, lambda, 0, &w);
    if (r < 0) return NULL;
    if (r > 0) {
        if (opt_star_etc(P, lambda, &se, &has_se) < 0) return NULL;
        return make_arguments(P, NULL, NULL, NULL, NULL, &w, has_se ? &se : NULL);
    }
    P->mark = m;
    /* a=star_etc */
    r = star_etc(P, lambda, &se);
    if (r < 0) return NULL;
    if (r > 0) return make_arguments(P, NULL, NULL, NULL, NULL, NULL, &se);
    P->mark = m;
    return NULL;
}

/* (slash_no_default | slash_with_default) */
static int any_slash(Parser *P, int lambda)
{
    NodeList a = {0}, sp = {0};
    PairList sw = {0};
    int r = slash_no_default(P, lambda, &a);
    if (r) return r;
    return slash_with_default(P, lambda, &sp, &sw);
}

static void invalid_parameters(Parser *P, int lambda)
{
    int m = P->mark;
    NodeList l = {0};
    PairList pl = {0};
    /* param_no_default* invalid_parameters_helper a=param_no_default */
    if (params_no_default(P, lambda, &l) >= 0) {
        NodeList sp = {0};
        PairList sw = {0};
        int k = P->mark;
        int helper = slash_with_default(P, lambda, &sp, &sw);
        if (helper == 0) {
            P->mark = k;
            helper = params_pairs(P, lambda, 0, &pl) > 0;
        }
        if (helper > 0) {
            Node *a = param_no_default(P, lambda);
            if (a) {
                p_raise_node(P, a, "non-default argument follows default argument");
                return;
            }
        }
    }
    P->mark = m;
    if (P->error) return;
    /* param_no_default* a='(' (param_no_default+ | ','.lambda_param+) ','? b=')' */
    l = (NodeList){0};
    if (params_no_default(P, lambda, &l) >= 0) {
        PTok *a = p_expect(P, T_LPAR);
        int ok = 0;
        if (a && !lambda) {
            NodeList inner = {0};
            ok = params_no_default(P, lambda, &inner) > 0;
        } else if (a) {
            ok = param(P, 1) != NULL;
            while (ok) {
                int k = P->mark;
                if (!(p_expect(P, T_COMMA) && param(P, 1))) {
                    P->mark = k;
                    break;
                }
            }
        }
        if (ok) {
            p_expect(P, T_COMMA);
            PTok *b = p_expect(P, T_RPAR);
            if (b) {
                p_raise_tok_range(P, a, b,
                                  lambda ? "Lambda expression parameters cannot be parenthesized"
                                         : "Function parameters cannot be parenthesized");
                return;
            }
        }
    }
    P->mark = m;
    if (P->error) return;
    /* a="/" ',' */
    PTok *a = p_expect(P, T_SLASH);
    if (a && p_expect(P, T_COMMA)) {
        p_raise_tok_range(P, a, a, "at least one argument must precede /");
        return;
    }
    P->mark = m;
    if (P->error) return;
    /* (slash_no_default | slash_with_default) param_maybe_default* a='/' */
    if (any_slash(P, lambda) > 0) {
        pl = (PairList){0};
        if (params_pairs(P, lambda, 1, &pl) >= 0) {
            a = p_expect(P, T_SLASH);
            if (a) {
                p_raise_tok_range(P, a, a, "/ may appear only once");
                return;
            }
        }
    }
    P->mark = m;
    if (P->error) return;
    /* (slash_no_default | slash_with_default)? param_maybe_default* '*' (',' | param_no_default)
     * param_maybe_default* a='/' */
    if (any_slash(P, lambda) < 0) return;
    pl = (PairList){0};
    if (params_pairs(P, lambda, 1, &pl) >= 0 && p_expect(P, T_STAR)) {
        int ok = p_expect(P, T_COMMA) != NULL;
        if (!ok && !P->error) ok = param_no_default(P, lambda) != NULL;
        pl = (PairList){0};
        if (ok && params_pairs(P, lambda, 1, &pl) >= 0) {
            a = p_expect(P, T_SLASH);
            if (a) {
                p_raise_tok_range(P, a, a, "/ must be ahead of *");
                return;
            }
        }
    }
    P->mark = m;
    if (P->error) return;
    /* param_maybe_default+ '/' a='*' */
    pl = (PairList){0};
    if (params_pairs(P, lambda, 1, &pl) > 0 && p_expect(P, T_SLASH)) {
        a = p_expect(P, T_STAR);
        if (a) {
            p_raise_tok_range(P, a, a, "expected comma between / and *");
            return;
        }
    }
    P->mark = m;
}

/* params: invalid_parameters | parameters (and the lambda_ twins) */
Node *r_params(Parser *P, int lambda)
{
    if (p_enter(P)) return NULL;
    int m = P->mark;
    Node *res = NULL;
    if (P->call_invalid) {
        invalid_parameters(P, lambda);
        P->mark = m;
    }
    if (!P->error) res = parameters(P, lambda);
    if (!res) P->mark = m;
    p_leave(P);
    return res;
}
