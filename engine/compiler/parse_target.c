/* parse_target.c -- call arguments and assignment/deletion targets of
 * 3.11's Grammar/python.gram, with their invalid_ rules. */
#include <string.h>

#include "compiler/parse_internal.h"

static Node *r_args(Parser *P);
static Node *r_t_primary(Parser *P);

static const Node *last_comprehension_item(const Node *comp)
{
    if (comp->u.comprehension.ifs.n == 0) return comp->u.comprehension.iter;
    return comp->u.comprehension.ifs.items[comp->u.comprehension.ifs.n - 1];
}

/* ---- call arguments ---- */

static Node *invalid_arguments(Parser *P);
static Node *invalid_kwarg(Parser *P);

static Node *arguments_raw(Parser *P)
{
    ENTER();
    Node *a = r_args(P);
    if (a) {
        p_expect(P, T_COMMA);
        if (p_at(P, T_RPAR)) RETURN(a);
    }
    RESET();
    if (FAILED()) RETURN(NULL);
    if (P->call_invalid) {
        if (invalid_arguments(P) || FAILED()) RETURN(NULL);
        RESET();
    }
    LEAVE();
}

Node *r_arguments(Parser *P)
{
    int found;
    void *m = p_memo_get(P, M_ARGUMENTS, &found);
    if (found) return m;
    int pos = P->mark;
    Node *res = arguments_raw(P);
    p_memo_put(P, pos, M_ARGUMENTS, res);
    return res;
}

/* starred_expression: '*' a=expression */
Node *r_starred_expression(Parser *P)
{
    ENTER();
    PTok *start = p_expect(P, T_STAR);
    if (!start) RETURN(NULL);
    Node *a = r_expression(P);
    if (!a) {
        RESET();
        RETURN(NULL);
    }
    Node *n = p_node(P, AST_Starred, start);
    if (n) {
        n->u.starred.value = a;
        n->u.starred.ctx = CTX_LOAD;
    }
    RETURN(n);
    LEAVE();
}

/* (starred_expression | (assignment_expression | expression !':=') !'=') */
static Node *positional_arg(Parser *P)
{
    int m = P->mark;
    Node *n = r_starred_expression(P);
    if (n || P->error) return n;
    n = r_assignment_expression(P);
    if (!n && !P->error) {
        n = r_expression(P);
        if (n && p_at(P, T_COLONEQUAL)) n = NULL;
    }
    if (n && !p_at(P, T_EQUAL)) return n;
    P->mark = m;
    return NULL;
}

/* a=NAME '=' b=expression -> keyword */
static Node *name_eq_kwarg(Parser *P)
{
    int m = P->mark;
    PTok *start = p_expect_name(P);
    if (start && p_expect(P, T_EQUAL)) {
        Node *b = r_expression(P);
        if (b) {
            Node *k = p_node(P, AST_Keyword, start);
            if (k) {
                k->u.keyword.arg = p_ident(P, start);
                k->u.keyword.value = b;
            }
            return k;
        }
    }
    P->mark = m;
    return NULL;
}

/* kwarg_or_starred: invalid_kwarg | NAME '=' expression | starred_expression */
static Node *kwarg_or_starred(Parser *P)
{
    int m = P->mark;
    if (P->call_invalid) {
        if (invalid_kwarg(P) || P->error) return NULL;
        P->mark = m;
    }
    Node *k = name_eq_kwarg(P);
    if (k || P->error) return k;
    return r_starred_expression(P);
}

/* kwarg_or_double_starred: invalid_kwarg | NAME '=' expression | '**' expression */
static Node *kwarg_or_double_starred(Parser *P)
{
    int m = P->mark;
    if (P->call_invalid) {
        if (invalid_kwarg(P) || P->error) return NULL;
        P->mark = m;
    }
    Node *k = name_eq_kwarg(P);
    if (k || P->error) return k;
    PTok *start = p_expect(P, T_DOUBLESTAR);
    if (start) {
        Node *a = r_expression(P);
        if (a) {
            k = p_node(P, AST_Keyword, start);
            if (k) k->u.keyword.value = a;
            return k;
        }
    }
    P->mark = m;
    return NULL;
}

/* kwargs: ','.kwarg_or_starred+ ',' ','.kwarg_or_double_starred+
 *       | ','.kwarg_or_starred+ | ','.kwarg_or_double_starred+ */
static int r_kwargs(Parser *P, NodeList *out)
{
    int m = P->mark;
    NodeList a = {0};
    int r = p_gather(P, kwarg_or_starred, &a);
    if (r < 0) return -1;
    if (r > 0 && p_expect(P, T_COMMA)) {
        NodeList b = {0};
        int r2 = p_gather(P, kwarg_or_double_starred, &b);
        if (r2 < 0) return -1;
        if (r2 > 0) {
            for (int i = 0; i < a.n; i++)
                if (p_push(P, out, a.items[i]) < 0) return -1;
            for (int i = 0; i < b.n; i++)
                if (p_push(P, out, b.items[i]) < 0) return -1;
            return 1;
        }
    }
    P->mark = m;
    if (P->error) return -1;
    a = (NodeList){0};
    r = p_gather(P, kwarg_or_starred, &a);
    if (r != 0) {
        *out = a;
        return r;
    }
    P->mark = m;
    return p_gather(P, kwarg_or_double_starred, out);
}

/* _PyPegen_collect_call_seqs / the kwargs-only alternative of args */
static Node *call_of(Parser *P, const PTok *start, NodeList args, const NodeList *kw)
{
    Node *n = p_node(P, AST_Call, start);
    if (!n) return NULL;
    n->u.call.args = args;
    if (kw) {
        for (int i = 0; i < kw->n; i++) {
            Node *e = kw->items[i];
            if (p_push(P, e->kind == AST_Starred ? &n->u.call.args : &n->u.call.keywords, e) < 0)
                return NULL;
        }
    }
    return n;
}

/* args: ','.positional+ [',' kwargs] | kwargs */
static Node *r_args(Parser *P)
{
    ENTER();
    PTok *start = p_peek(P);
    if (!start) RETURN(NULL);
    NodeList a = {0};
    int r = p_gather(P, positional_arg, &a);
    if (r < 0) RETURN(NULL);
    if (r > 0) {
        int m = P->mark;
        NodeList k = {0};
        if (p_expect(P, T_COMMA)) {
            int rk = r_kwargs(P, &k);
            if (rk < 0) RETURN(NULL);
            if (rk > 0) RETURN(call_of(P, start, a, &k));
        }
        P->mark = m;
        RETURN(call_of(P, start, a, NULL));
    }
    RESET();
    NodeList k = {0};
    r = r_kwargs(P, &k);
    if (r <= 0) RETURN(NULL);
    RETURN(call_of(P, start, (NodeList){0}, &k));
    LEAVE();
}

static Node *invalid_arguments(Parser *P)
{
    ENTER();
    NodeList gens = {0};
    /* ((','.(starred_expression | (assignment_expression | expression !':=') !'=')+
     *   ',' kwargs) | kwargs) ',' b='*'  (3.11.7's form of the rule) */
    NodeList pos = {0}, kw = {0};
    int ok = p_gather(P, positional_arg, &pos) > 0 && p_expect(P, T_COMMA) && r_kwargs(P, &kw) > 0;
    if (!ok) {
        RESET();
        kw = (NodeList){0};
        ok = !FAILED() && r_kwargs(P, &kw) > 0;
    }
    if (ok && p_expect(P, T_COMMA)) {
        PTok *b = p_expect(P, T_STAR);
        if (b)
            RETURN(p_raise_tok_range(P, b, b,
                                     "iterable argument unpacking follows keyword argument unpacking"));
    }
    RESET();
    if (FAILED()) RETURN(NULL);
    Node *a;
    /* a=expression b=for_if_clauses ',' [args | expression for_if_clauses] */
    a = r_expression(P);
    if (a && r_for_if_clauses(P, &gens) > 0 && p_expect(P, T_COMMA)) {
        int m = P->mark;
        if (!r_args(P) && !FAILED()) {
            P->mark = m;
            NodeList g2 = {0};
            if (!(r_expression(P) && r_for_if_clauses(P, &g2) > 0)) P->mark = m;
        }
        if (FAILED()) RETURN(NULL);
        RETURN(p_raise_range(P, a, last_comprehension_item(gens.items[gens.n - 1]),
                             "Generator expression must be parenthesized"));
    }
    RESET();
    if (FAILED()) RETURN(NULL);
    /* a=NAME b='=' expression for_if_clauses */
    PTok *name = p_expect_name(P);
    PTok *eq = name ? p_expect(P, T_EQUAL) : NULL;
    gens = (NodeList){0};
    if (eq && r_expression(P) && r_for_if_clauses(P, &gens) > 0)
        RETURN(p_raise_tok_range(P, name, eq,
                                 "invalid syntax. Maybe you meant '==' or ':=' instead of '='?"));
    RESET();
    if (FAILED()) RETURN(NULL);
    /* a=args b=for_if_clauses */
    a = r_args(P);
    gens = (NodeList){0};
    if (a && r_for_if_clauses(P, &gens) > 0) {
        /* _PyPegen_nonparen_genexp_in_call */
        int len = a->u.call.args.n;
        if (len > 1)
            RETURN(p_raise_range(P, a->u.call.args.items[len - 1],
                                 last_comprehension_item(gens.items[gens.n - 1]),
                                 "Generator expression must be parenthesized"));
    }
    RESET();
    if (FAILED()) RETURN(NULL);
    /* args ',' a=expression b=for_if_clauses */
    gens = (NodeList){0};
    if (r_args(P) && p_expect(P, T_COMMA)) {
        a = r_expression(P);
        if (a && r_for_if_clauses(P, &gens) > 0)
            RETURN(p_raise_range(P, a, last_comprehension_item(gens.items[gens.n - 1]),
                                 "Generator expression must be parenthesized"));
    }
    RESET();
    if (FAILED()) RETURN(NULL);
    /* a=args ',' args */
    a = r_args(P);
    if (a && p_expect(P, T_COMMA) && r_args(P)) {
        /* _PyPegen_arguments_parsing_error */
        int unpacking = 0;
        for (int i = 0; i < a->u.call.keywords.n; i++)
            if (!a->u.call.keywords.items[i]->u.keyword.arg) unpacking = 1;
        RETURN(p_raise_last(P, "SyntaxError", "%s",
                            unpacking ? "positional argument follows keyword argument unpacking"
                                      : "positional argument follows keyword argument"));
    }
    RESET();
    LEAVE();
}

static Node *invalid_kwarg(Parser *P)
{
    ENTER();
    /* a=('True'|'False'|'None') b='=' */
    PTok *a = p_expect(P, K_TRUE);
    if (!a) a = p_expect(P, K_FALSE);
    if (!a) a = p_expect(P, K_NONE);
    if (a) {
        PTok *b = p_expect(P, T_EQUAL);
        if (b) RETURN(p_raise_tok_range(P, a, b, "cannot assign to %.*s", a->n, a->s));
    }
    RESET();
    if (FAILED()) RETURN(NULL);
    /* a=NAME b='=' expression for_if_clauses */
    a = p_expect_name(P);
    PTok *b = a ? p_expect(P, T_EQUAL) : NULL;
    NodeList gens = {0};
    if (b && r_expression(P) && r_for_if_clauses(P, &gens) > 0)
        RETURN(p_raise_tok_range(P, a, b,
                                 "invalid syntax. Maybe you meant '==' or ':=' instead of '='?"));
    RESET();
    if (FAILED()) RETURN(NULL);
    /* !(NAME '=') a=expression b='=' */
    int name_eq = 0;
    if (p_expect_name(P) && p_at(P, T_EQUAL)) name_eq = 1;
    RESET();
    if (FAILED()) RETURN(NULL);
    if (!name_eq) {
        Node *e = r_expression(P);
        PTok *eq = e ? p_expect(P, T_EQUAL) : NULL;
        if (eq) {
            Node fake = {.end_lineno = eq->end_lineno, .end_col = eq->end_col};
            RETURN(p_raise_range(P, e, &fake,
                                 "expression cannot contain assignment, perhaps you meant \"==\"?"));
        }
    }
    RESET();
    LEAVE();
}

/* ---- targets ---- */

Node *r_star_targets(Parser *P)
{
    ENTER();
    PTok *start = p_peek(P);
    if (!start) RETURN(NULL);
    Node *a = r_star_target(P);
    if (!a) RETURN(NULL);
    if (!p_at(P, T_COMMA)) RETURN(a);
    if (FAILED()) RETURN(NULL);
    NodeList rest = {0};
    if (p_sep_loop(P, r_star_target, &rest) < 0) RETURN(NULL);
    p_expect(P, T_COMMA);
    RETURN(p_tuple_from(P, start, a, rest, CTX_STORE));
    LEAVE();
}

static Node *r_target_with_star_atom(Parser *P);

static Node *star_target_raw(Parser *P)
{
    ENTER();
    PTok *start = p_expect(P, T_STAR);
    if (start) {
        if (!p_at(P, T_STAR) && !FAILED()) {
            Node *a = r_star_target(P);
            if (a) {
                Node *n = p_node(P, AST_Starred, start);
                if (n) {
                    n->u.starred.value = p_set_ctx(P, a, CTX_STORE);
                    n->u.starred.ctx = CTX_STORE;
                }
                RETURN(n);
            }
        }
        RESET();
        if (FAILED()) RETURN(NULL);
    }
    RETURN(r_target_with_star_atom(P));
    LEAVE();
}

Node *r_star_target(Parser *P)
{
    int found;
    void *m = p_memo_get(P, M_STAR_TARGET, &found);
    if (found) return m;
    int pos = P->mark;
    Node *res = star_target_raw(P);
    p_memo_put(P, pos, M_STAR_TARGET, res);
    return res;
}

/* a=t_primary '.' b=NAME !t_lookahead | a=t_primary '[' b=slices ']' !t_lookahead */
static Node *subscript_attribute_target(Parser *P, ExprContext ctx)
{
    int m = P->mark;
    PTok *start = p_peek(P);
    if (!start) return NULL;
    Node *a = r_t_primary(P);
    if (a) {
        PTok *b;
        if (p_expect(P, T_DOT) && (b = p_expect_name(P)) && !r_t_lookahead(P)) {
            Node *n = p_node(P, AST_Attribute, start);
            if (n) {
                n->u.attribute.value = a;
                n->u.attribute.attr = p_ident(P, b);
                n->u.attribute.ctx = ctx;
            }
            return n;
        }
    }
    P->mark = m;
    if (P->error) return NULL;
    a = r_t_primary(P);
    if (a && p_expect(P, T_LSQB)) {
        Node *s = r_slices(P);
        if (s && p_expect(P, T_RSQB) && !r_t_lookahead(P)) {
            Node *n = p_node(P, AST_Subscript, start);
            if (n) {
                n->u.subscript.value = a;
                n->u.subscript.slice = s;
                n->u.subscript.ctx = ctx;
            }
            return n;
        }
    }
    P->mark = m;
    return NULL;
}

/* star_targets_tuple_seq: a=star_target b=(',' c=star_target)+ [','] | a=star_target ',' */
static int star_targets_tuple_seq(Parser *P, NodeList *out)
{
    int m = P->mark;
    Node *a = r_star_target(P);
    if (!a) return P->error ? -1 : 0;
    NodeList rest = {0};
    if (p_sep_loop(P, r_star_target, &rest) < 0) return -1;
    if (rest.n) {
        p_expect(P, T_COMMA);
        if (p_push(P, out, a) < 0) return -1;
        for (int i = 0; i < rest.n; i++)
            if (p_push(P, out, rest.items[i]) < 0) return -1;
        return 1;
    }
    P->mark = m;
    a = r_star_target(P);
    if (a && p_expect(P, T_COMMA)) return p_push(P, out, a) < 0 ? -1 : 1;
    P->mark = m;
    return P->error ? -1 : 0;
}

static Node *star_atom(Parser *P)
{
    ENTER();
    PTok *t = p_expect_name(P);
    if (t) RETURN(p_name_node(P, t, CTX_STORE));
    if (FAILED()) RETURN(NULL);
    PTok *start = p_expect(P, T_LPAR);
    if (start) {
        Node *a = r_target_with_star_atom(P);
        if (a && p_expect(P, T_RPAR)) RETURN(p_set_ctx(P, a, CTX_STORE));
        RESET();
        if (FAILED()) RETURN(NULL);
        P->mark++;
        NodeList l = {0};
        if (star_targets_tuple_seq(P, &l) < 0) RETURN(NULL);
        if (p_expect(P, T_RPAR)) RETURN(p_seq_node(P, AST_Tuple, start, l, CTX_STORE));
        RESET();
        if (FAILED()) RETURN(NULL);
    }
    start = p_expect(P, T_LSQB);
    if (start) {
        NodeList l = {0};
        if (p_gather(P, r_star_target, &l) < 0) RETURN(NULL);
        if (l.n) p_expect(P, T_COMMA);
        if (p_expect(P, T_RSQB)) RETURN(p_seq_node(P, AST_List, start, l, CTX_STORE));
        RESET();
    }
    LEAVE();
}

static Node *target_with_star_atom_raw(Parser *P)
{
    ENTER();
    Node *n = subscript_attribute_target(P, CTX_STORE);
    if (n || FAILED()) RETURN(n);
    RETURN(star_atom(P));
    LEAVE();
}

static Node *r_target_with_star_atom(Parser *P)
{
    int found;
    void *m = p_memo_get(P, M_TARGET_WITH_STAR_ATOM, &found);
    if (found) return m;
    int pos = P->mark;
    Node *res = target_with_star_atom_raw(P);
    p_memo_put(P, pos, M_TARGET_WITH_STAR_ATOM, res);
    return res;
}

Node *r_single_subscript_attribute_target(Parser *P)
{
    return subscript_attribute_target(P, CTX_STORE);
}

/* single_target: single_subscript_attribute_target | NAME | '(' single_target ')' */
Node *r_single_target(Parser *P)
{
    ENTER();
    Node *n = subscript_attribute_target(P, CTX_STORE);
    if (n || FAILED()) RETURN(n);
    PTok *t = p_expect_name(P);
    if (t) RETURN(p_name_node(P, t, CTX_STORE));
    if (p_expect(P, T_LPAR)) {
        n = r_single_target(P);
        if (n && p_expect(P, T_RPAR)) RETURN(n);
    }
    RESET();
    LEAVE();
}

int r_t_lookahead(Parser *P)
{
    return p_at(P, T_LPAR) || p_at(P, T_LSQB) || p_at(P, T_DOT);
}

static Node *t_primary_raw(Parser *P)
{
    ENTER();
    PTok *start = p_peek(P);
    if (!start) RETURN(NULL);
    Node *a = r_atom(P);
    if (!a || !r_t_lookahead(P)) {
        RESET();
        RETURN(NULL);
    }
    for (;;) {
        Node *n = p_primary_step(P, start, a, 1);
        if (FAILED()) RETURN(NULL);
        if (!n) break;
        a = n;
    }
    RETURN(a);
    LEAVE();
}

static Node *r_t_primary(Parser *P)
{
    int found;
    void *m = p_memo_get(P, M_T_PRIMARY, &found);
    if (found) return m;
    int pos = P->mark;
    Node *res = t_primary_raw(P);
    p_memo_put(P, pos, M_T_PRIMARY, res);
    return res;
}

/* del_targets: a=','.del_target+ [','] */
static Node *r_del_target(Parser *P);

int r_del_targets(Parser *P, NodeList *out)
{
    int r = p_gather(P, r_del_target, out);
    if (r <= 0) return r;
    p_expect(P, T_COMMA);
    return P->error ? -1 : 1;
}

static Node *del_t_atom(Parser *P)
{
    ENTER();
    PTok *t = p_expect_name(P);
    if (t) RETURN(p_name_node(P, t, CTX_DEL));
    if (FAILED()) RETURN(NULL);
    PTok *start = p_expect(P, T_LPAR);
    if (start) {
        Node *a = r_del_target(P);
        if (a && p_expect(P, T_RPAR)) RETURN(p_set_ctx(P, a, CTX_DEL));
        RESET();
        if (FAILED()) RETURN(NULL);
        P->mark++;
        NodeList l = {0};
        if (r_del_targets(P, &l) < 0) RETURN(NULL);
        if (p_expect(P, T_RPAR)) RETURN(p_seq_node(P, AST_Tuple, start, l, CTX_DEL));
        RESET();
        if (FAILED()) RETURN(NULL);
    }
    start = p_expect(P, T_LSQB);
    if (start) {
        NodeList l = {0};
        if (r_del_targets(P, &l) < 0) RETURN(NULL);
        if (p_expect(P, T_RSQB)) RETURN(p_seq_node(P, AST_List, start, l, CTX_DEL));
        RESET();
    }
    LEAVE();
}

static Node *del_target_raw(Parser *P)
{
    ENTER();
    Node *n = subscript_attribute_target(P, CTX_DEL);
    if (n || FAILED()) RETURN(n);
    RETURN(del_t_atom(P));
    LEAVE();
}

static Node *r_del_target(Parser *P)
{
    int found;
    void *m = p_memo_get(P, M_DEL_TARGET, &found);
    if (found) return m;
    int pos = P->mark;
    Node *res = del_target_raw(P);
    p_memo_put(P, pos, M_DEL_TARGET, res);
    return res;
}

int r_augassign(Parser *P, BinOpKind *op)
{
    static const struct {
        int tok;
        BinOpKind op;
    } ops[] = {
        {T_PLUSEQUAL, OP_ADD},          {T_MINEQUAL, OP_SUB},          {T_STAREQUAL, OP_MULT},
        {T_ATEQUAL, OP_MATMULT},        {T_SLASHEQUAL, OP_DIV},        {T_PERCENTEQUAL, OP_MOD},
        {T_AMPEREQUAL, OP_BITAND},      {T_VBAREQUAL, OP_BITOR},       {T_CIRCUMFLEXEQUAL, OP_BITXOR},
        {T_LEFTSHIFTEQUAL, OP_LSHIFT},  {T_RIGHTSHIFTEQUAL, OP_RSHIFT}, {T_DOUBLESTAREQUAL, OP_POW},
        {T_DOUBLESLASHEQUAL, OP_FLOORDIV},
    };
    PTok *t = p_peek(P);
    if (!t) return 0;
    for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++)
        if (t->type == ops[i].tok) {
            P->mark++;
            *op = ops[i].op;
            return 1;
        }
    return 0;
}
