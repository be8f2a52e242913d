/* parse_atom.c -- atoms, groups, lambdas, literals, displays and
 * comprehensions of 3.11's Grammar/python.gram, with their invalid_ rules. */
#include <string.h>

#include "compiler/parse_internal.h"

static Node *r_kvpair(Parser *P, Node **value);

static Node *r_strings(Parser *P);
static Node *r_group(Parser *P);
static Node *r_listcomp(Parser *P);
static Node *r_dict(Parser *P);
static Node *r_set(Parser *P);
static Node *r_dictcomp(Parser *P);
static Node *r_setcomp(Parser *P);

static Node *constant_tok(Parser *P, const PTok *t, AstConstKind k)
{
    Node *n = ast_node(P->arena, AST_Constant, t->lineno, t->col, t->end_lineno, t->end_col);
    if (!n) {
        p_no_memory(P);
        return NULL;
    }
    n->u.constant.value.kind = k;
    return n;
}

Node *r_atom(Parser *P)
{
    ENTER();
    PTok *t = p_peek(P);
    if (!t) RETURN(NULL);
    Node *n;
    switch (t->type) {
    case T_NAME: P->mark++; RETURN(p_name_node(P, t, CTX_LOAD));
    case K_TRUE: P->mark++; RETURN(constant_tok(P, t, CONST_TRUE));
    case K_FALSE: P->mark++; RETURN(constant_tok(P, t, CONST_FALSE));
    case K_NONE: P->mark++; RETURN(constant_tok(P, t, CONST_NONE));
    case T_STRING: RETURN(r_strings(P));
    case T_NUMBER: P->mark++; RETURN(p_number(P, t));
    case T_LPAR:
        n = r_tuple(P);
        if (n || FAILED()) RETURN(n);
        n = r_group(P);
        if (n || FAILED()) RETURN(n);
        RETURN(r_genexp(P));
    case T_LSQB:
        n = r_list(P);
        if (n || FAILED()) RETURN(n);
        RETURN(r_listcomp(P));
    case T_LBRACE:
        n = r_dict(P);
        if (n || FAILED()) RETURN(n);
        n = r_set(P);
        if (n || FAILED()) RETURN(n);
        n = r_dictcomp(P);
        if (n || FAILED()) RETURN(n);
        RETURN(r_setcomp(P));
    case T_ELLIPSIS: P->mark++; RETURN(constant_tok(P, t, CONST_ELLIPSIS));
    default: RETURN(NULL);
    }
    LEAVE();
}

static Node *invalid_group(Parser *P);

/* group: '(' a=(yield_expr | named_expression) ')' | invalid_group */
static Node *r_group(Parser *P)
{
    ENTER();
    if (p_expect(P, T_LPAR)) {
        Node *a = r_yield_expr(P);
        if (!a && !FAILED()) a = r_named_expression(P);
        if (a && p_expect(P, T_RPAR)) RETURN(a);
    }
    RESET();
    if (FAILED()) RETURN(NULL);
    if (P->call_invalid) {
        if (invalid_group(P) || FAILED()) RETURN(NULL);
        RESET();
    }
    LEAVE();
}

/* invalid_group: '(' a=starred_expression ')' | '(' a='**' expression ')' */
static Node *invalid_group(Parser *P)
{
    ENTER();
    if (p_expect(P, T_LPAR)) {
        Node *a = r_starred_expression(P);
        if (a && p_expect(P, T_RPAR))
            RETURN(p_raise_node(P, a, "cannot use starred expression here"));
    }
    RESET();
    if (FAILED()) RETURN(NULL);
    if (p_expect(P, T_LPAR)) {
        PTok *a = p_expect(P, T_DOUBLESTAR);
        if (a && r_expression(P) && p_expect(P, T_RPAR))
            RETURN(p_raise_tok_range(P, a, a, "cannot use double starred expression here"));
    }
    RESET();
    LEAVE();
}

/* lambdef: 'lambda' a=[lambda_params] ':' b=expression */
Node *r_lambdef(Parser *P)
{
    ENTER();
    PTok *start = p_expect(P, K_LAMBDA);
    if (!start) RETURN(NULL);
    Node *a = r_params(P, 1);
    if (FAILED()) RETURN(NULL);
    if (!p_expect(P, T_COLON)) {
        RESET();
        RETURN(NULL);
    }
    Node *b = r_expression(P);
    if (!b) {
        RESET();
        RETURN(NULL);
    }
    Node *n = p_node(P, AST_Lambda, start);
    if (!n) RETURN(NULL);
    if (!a) {
        a = ast_node(P->arena, AST_Arguments, 0, 0, 0, 0);
        if (!a) {
            p_no_memory(P);
            RETURN(NULL);
        }
    }
    n->u.func.args = a;
    if (p_push(P, &n->u.func.body, b) < 0) RETURN(NULL);
    RETURN(n);
    LEAVE();
}

static Node *strings_raw(Parser *P)
{
    ENTER();
    int first = P->mark, last = -1;
    while (p_at(P, T_STRING)) last = P->mark++;
    if (FAILED() || last < 0) RETURN(NULL);
    RETURN(p_concatenate_strings(P, first, last));
    LEAVE();
}

static Node *r_strings(Parser *P)
{
    int found;
    void *m = p_memo_get(P, M_STRINGS, &found);
    if (found) return m;
    int pos = P->mark;
    Node *res = strings_raw(P);
    p_memo_put(P, pos, M_STRINGS, res);
    return res;
}

/* list: '[' a=[star_named_expressions] ']' */
Node *r_list(Parser *P)
{
    ENTER();
    PTok *start = p_expect(P, T_LSQB);
    if (!start) RETURN(NULL);
    NodeList l = {0};
    if (r_star_named_expressions(P, &l) < 0) RETURN(NULL);
    if (!p_expect(P, T_RSQB)) {
        RESET();
        RETURN(NULL);
    }
    RETURN(p_seq_node(P, AST_List, start, l, CTX_LOAD));
    LEAVE();
}

/* tuple: '(' a=[y=star_named_expression ',' z=[star_named_expressions]] ')' */
Node *r_tuple(Parser *P)
{
    ENTER();
    PTok *start = p_expect(P, T_LPAR);
    if (!start) RETURN(NULL);
    NodeList l = {0};
    int m = P->mark;
    Node *y = r_star_named_expression(P);
    if (y && p_expect(P, T_COMMA)) {
        if (p_push(P, &l, y) < 0) RETURN(NULL);
        if (r_star_named_expressions(P, &l) < 0) RETURN(NULL);
    } else {
        P->mark = m;
    }
    if (FAILED()) RETURN(NULL);
    if (!p_expect(P, T_RPAR)) {
        RESET();
        RETURN(NULL);
    }
    RETURN(p_seq_node(P, AST_Tuple, start, l, CTX_LOAD));
    LEAVE();
}

/* set: '{' a=star_named_expressions '}' */
static Node *r_set(Parser *P)
{
    ENTER();
    PTok *start = p_expect(P, T_LBRACE);
    if (!start) RETURN(NULL);
    NodeList l = {0};
    int r = r_star_named_expressions(P, &l);
    if (r <= 0 || !p_expect(P, T_RBRACE)) {
        RESET();
        RETURN(NULL);
    }
    Node *n = p_node(P, AST_Set, start);
    if (n) n->u.seq.elts = l;
    RETURN(n);
    LEAVE();
}

/* kvpair: a=expression ':' b=expression */
static Node *r_kvpair(Parser *P, Node **value)
{
    int m = P->mark;
    Node *a = r_expression(P);
    if (!a || !p_expect(P, T_COLON)) goto fail;
    Node *b = r_expression(P);
    if (!b) goto fail;
    *value = b;
    return a;
fail:
    P->mark = m;
    return NULL;
}

/* double_starred_kvpair: '**' a=bitwise_or | kvpair.  Returns 1 with
 * *key (NULL for **) and *value. */
static int double_starred_kvpair(Parser *P, Node **key, Node **value)
{
    int m = P->mark;
    if (p_expect(P, T_DOUBLESTAR)) {
        Node *a = r_bitwise_or(P);
        if (a) {
            *key = NULL;
            *value = a;
            return 1;
        }
        P->mark = m;
    }
    if (P->error) return 0;
    *key = r_kvpair(P, value);
    return *key != NULL;
}

/* double_starred_kvpairs: a=','.double_starred_kvpair+ [','] */
static int double_starred_kvpairs(Parser *P, NodeList *keys, NodeList *values)
{
    Node *k, *v;
    if (!double_starred_kvpair(P, &k, &v)) return 0;
    if (p_push(P, keys, k) < 0 || p_push(P, values, v) < 0) return -1;
    for (;;) {
        int m = P->mark;
        if (!p_expect(P, T_COMMA)) break;
        if (!double_starred_kvpair(P, &k, &v)) {
            P->mark = m;
            break;
        }
        if (p_push(P, keys, k) < 0 || p_push(P, values, v) < 0) return -1;
    }
    if (P->error) return -1;
    p_expect(P, T_COMMA);
    return P->error ? -1 : 1;
}

static Node *invalid_double_starred_kvpairs(Parser *P);

/* dict: '{' a=[double_starred_kvpairs] '}' | '{' invalid_double_starred_kvpairs '}' */
static Node *r_dict(Parser *P)
{
    ENTER();
    PTok *start = p_expect(P, T_LBRACE);
    if (!start) RETURN(NULL);
    NodeList keys = {0}, values = {0};
    if (double_starred_kvpairs(P, &keys, &values) < 0) RETURN(NULL);
    if (p_expect(P, T_RBRACE)) {
        Node *n = p_node(P, AST_Dict, start);
        if (n) {
            n->u.dict.keys = keys;
            n->u.dict.values = values;
        }
        RETURN(n);
    }
    RESET();
    if (FAILED()) RETURN(NULL);
    /* '{' invalid_double_starred_kvpairs '}': pegen guards only alternatives
     * made of a lone invalid_ rule, so this one runs in the first pass too */
    if (p_expect(P, T_LBRACE)) {
        invalid_double_starred_kvpairs(P);
        if (FAILED()) RETURN(NULL);
    }
    RESET();
    LEAVE();
}

/* invalid_kvpair / the tails of invalid_double_starred_kvpairs:
 *   expression ':' a='*' bitwise_or | expression a=':' &('}'|',') */
static int invalid_kv_tails(Parser *P)
{
    int m = P->mark;
    if (r_expression(P) && p_expect(P, T_COLON)) {
        PTok *a = p_expect(P, T_STAR);
        if (a && r_bitwise_or(P)) {
            Node fake = {.lineno = a->lineno, .col = a->col};
            p_raise_starting_from(P, &fake, "cannot use a starred expression in a dictionary value");
            return 1;
        }
    }
    P->mark = m;
    if (P->error) return 1;
    if (r_expression(P)) {
        PTok *a = p_expect(P, T_COLON);
        if (a && (p_at(P, T_RBRACE) || p_at(P, T_COMMA))) {
            p_raise_tok_range(P, a, a, "expression expected after dictionary key and ':'");
            return 1;
        }
    }
    P->mark = m;
    return P->error;
}

/* invalid_kvpair: a=expression !(':') | the tails */
static int invalid_kvpair(Parser *P)
{
    int m = P->mark;
    Node *a = r_expression(P);
    if (a && !p_at(P, T_COLON) && !P->error) {
        p_raise_at(P, "SyntaxError", a->lineno, a->end_col - 1, a->end_lineno, -1,
                   "':' expected after dictionary key");
        return 1;
    }
    P->mark = m;
    if (P->error) return 1;
    return invalid_kv_tails(P);
}

static Node *invalid_double_starred_kvpairs(Parser *P)
{
    ENTER();
    /* ','.double_starred_kvpair+ ',' invalid_kvpair */
    Node *k, *v;
    if (double_starred_kvpair(P, &k, &v)) {
        for (;;) {
            int m = P->mark;
            if (!p_expect(P, T_COMMA)) break;
            if (!double_starred_kvpair(P, &k, &v)) {
                P->mark = m;
                break;
            }
        }
        if (!FAILED() && p_expect(P, T_COMMA)) {
            invalid_kvpair(P);
            if (FAILED()) RETURN(NULL);
        }
    }
    RESET();
    if (FAILED()) RETURN(NULL);
    invalid_kv_tails(P);
    RESET();
    LEAVE();
}

/* ---- comprehensions ---- */

/* 'for' a=star_targets 'in' ~ b=disjunction c=('if' z=disjunction)*;
 * *cut set once 'in' matched (then no other alternative is tried). */
static Node *for_if_body(Parser *P, int is_async, int *cut)
{
    int m = P->mark;
    if (!p_expect(P, K_FOR)) return NULL;
    Node *a = r_star_targets(P);
    if (!a || !p_expect(P, K_IN)) goto fail;
    *cut = 1;
    Node *b = r_disjunction(P);
    if (!b) goto fail;
    Node *c = ast_node(P->arena, AST_Comprehension, 0, 0, 0, 0);
    if (!c) {
        p_no_memory(P);
        return NULL;
    }
    c->u.comprehension.target = a;
    c->u.comprehension.iter = b;
    c->u.comprehension.is_async = is_async;
    for (;;) {
        int k = P->mark;
        if (!p_expect(P, K_IF)) break;
        Node *z = r_disjunction(P);
        if (!z) {
            P->mark = k;
            break;
        }
        if (p_push(P, &c->u.comprehension.ifs, z) < 0) return NULL;
    }
    return P->error ? NULL : c;
fail:
    P->mark = m;
    return NULL;
}

static Node *for_if_clause(Parser *P)
{
    ENTER();
    int cut = 0;
    PTok *async_tok = p_expect(P, T_ASYNC);
    if (async_tok) {
        Node *c = for_if_body(P, 1, &cut);
        if (c) {
            p_unsupported_tok(P, async_tok, "asynchronous comprehensions are");
            RETURN(c);
        }
        RESET();
        if (cut || FAILED()) RETURN(NULL);
    }
    Node *c = for_if_body(P, 0, &cut);
    if (c || cut || FAILED()) {
        if (!c) RESET();
        RETURN(c);
    }
    RESET();
    if (P->call_invalid) {
        r_invalid_for_target(P);
        RESET();
    }
    LEAVE();
}

int r_for_if_clauses(Parser *P, NodeList *out)
{
    Node *c = for_if_clause(P);
    if (!c) return P->error ? -1 : 0;
    if (p_push(P, out, c) < 0) return -1;
    for (;;) {
        c = for_if_clause(P);
        if (!c) break;
        if (p_push(P, out, c) < 0) return -1;
    }
    return P->error ? -1 : 1;
}

/* invalid_for_target: ASYNC? 'for' a=star_expressions */
Node *r_invalid_for_target(Parser *P)
{
    ENTER();
    p_expect(P, T_ASYNC);
    if (p_expect(P, K_FOR)) {
        Node *a = r_star_expressions(P);
        if (a) RETURN(p_raise_invalid_target(P, FOR_TARGETS, a));
    }
    RESET();
    LEAVE();
}

static Node *invalid_comprehension(Parser *P);
static Node *invalid_dict_comprehension(Parser *P);

static Node *comp_node(Parser *P, AstKind kind, const PTok *start, Node *elt, Node *value,
                       NodeList gens)
{
    Node *n = p_node(P, kind, start);
    if (!n) return NULL;
    n->u.comp.elt = elt;
    n->u.comp.value = value;
    n->u.comp.generators = gens;
    return n;
}

/* listcomp / setcomp: OPEN a=named_expression b=for_if_clauses CLOSE | invalid_comprehension */
static Node *list_or_set_comp(Parser *P, int open, int close, AstKind kind)
{
    ENTER();
    PTok *start = p_expect(P, open);
    if (start) {
        Node *a = r_named_expression(P);
        NodeList gens = {0};
        if (a && r_for_if_clauses(P, &gens) > 0 && p_expect(P, close))
            RETURN(comp_node(P, kind, start, a, NULL, gens));
    }
    RESET();
    if (FAILED()) RETURN(NULL);
    if (P->call_invalid) {
        if (invalid_comprehension(P) || FAILED()) RETURN(NULL);
        RESET();
    }
    LEAVE();
}

static Node *r_listcomp(Parser *P) { return list_or_set_comp(P, T_LSQB, T_RSQB, AST_ListComp); }
static Node *r_setcomp(Parser *P) { return list_or_set_comp(P, T_LBRACE, T_RBRACE, AST_SetComp); }

/* genexp: '(' a=(assignment_expression | expression !':=') b=for_if_clauses ')' */
Node *r_genexp(Parser *P)
{
    ENTER();
    PTok *start = p_expect(P, T_LPAR);
    if (start) {
        Node *a = r_assignment_expression(P);
        if (!a && !FAILED()) {
            int m = P->mark;
            a = r_expression(P);
            if (a && p_at(P, T_COLONEQUAL)) {
                a = NULL;
                P->mark = m;
            }
        }
        NodeList gens = {0};
        if (a && r_for_if_clauses(P, &gens) > 0 && p_expect(P, T_RPAR))
            RETURN(comp_node(P, AST_GeneratorExp, start, a, NULL, gens));
    }
    RESET();
    if (FAILED()) RETURN(NULL);
    if (P->call_invalid) {
        if (invalid_comprehension(P) || FAILED()) RETURN(NULL);
        RESET();
    }
    LEAVE();
}

/* dictcomp: '{' a=kvpair b=for_if_clauses '}' | invalid_dict_comprehension */
static Node *r_dictcomp(Parser *P)
{
    ENTER();
    PTok *start = p_expect(P, T_LBRACE);
    if (start) {
        Node *v;
        Node *k = r_kvpair(P, &v);
        NodeList gens = {0};
        if (k && r_for_if_clauses(P, &gens) > 0 && p_expect(P, T_RBRACE))
            RETURN(comp_node(P, AST_DictComp, start, k, v, gens));
    }
    RESET();
    if (FAILED()) RETURN(NULL);
    if (P->call_invalid) {
        if (invalid_dict_comprehension(P) || FAILED()) RETURN(NULL);
        RESET();
    }
    LEAVE();
}


static Node *invalid_comprehension(Parser *P)
{
    ENTER();
    /* ('[' | '(' | '{') a=starred_expression for_if_clauses */
    if (p_expect(P, T_LSQB) || p_expect(P, T_LPAR) || p_expect(P, T_LBRACE)) {
        Node *a = r_starred_expression(P);
        NodeList gens = {0};
        if (a && r_for_if_clauses(P, &gens) > 0)
            RETURN(p_raise_node(P, a, "iterable unpacking cannot be used in comprehension"));
    }
    RESET();
    if (FAILED()) RETURN(NULL);
    /* ('[' | '{') a=star_named_expression ',' b=star_named_expressions for_if_clauses */
    if (p_expect(P, T_LSQB) || p_expect(P, T_LBRACE)) {
        Node *a = r_star_named_expression(P);
        NodeList b = {0}, gens = {0};
        if (a && p_expect(P, T_COMMA) && r_star_named_expressions(P, &b) > 0 &&
            r_for_if_clauses(P, &gens) > 0)
            RETURN(p_raise_range(P, a, b.items[b.n - 1],
                                 "did you forget parentheses around the comprehension target?"));
    }
    RESET();
    if (FAILED()) RETURN(NULL);
    /* ('[' | '{') a=star_named_expression b=',' for_if_clauses */
    if (p_expect(P, T_LSQB) || p_expect(P, T_LBRACE)) {
        Node *a = r_star_named_expression(P);
        PTok *b = a ? p_expect(P, T_COMMA) : NULL;
        NodeList gens = {0};
        if (b && r_for_if_clauses(P, &gens) > 0) {
            Node fake = {.end_lineno = b->end_lineno, .end_col = b->end_col};
            RETURN(p_raise_range(P, a, &fake,
                                 "did you forget parentheses around the comprehension target?"));
        }
    }
    RESET();
    LEAVE();
}

/* '{' a='**' bitwise_or for_if_clauses '}' */
static Node *invalid_dict_comprehension(Parser *P)
{
    ENTER();
    if (p_expect(P, T_LBRACE)) {
        PTok *a = p_expect(P, T_DOUBLESTAR);
        NodeList gens = {0};
        if (a && r_bitwise_or(P) && r_for_if_clauses(P, &gens) > 0 && p_expect(P, T_RBRACE))
            RETURN(p_raise_tok_range(P, a, a,
                                     "dict unpacking cannot be used in dict comprehension"));
    }
    RESET();
    LEAVE();
}

