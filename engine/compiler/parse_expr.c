/* parse_expr.c -- the expression rules of 3.11's Grammar/python.gram from
 * expressions down to primary and slices, with their invalid_ rules, and
 * the helpers the other expression files share. */
#include <string.h>

#include "compiler/parse_internal.h"

static Node *r_expression_without_invalid(Parser *P);
static Node *r_primary(Parser *P);
static const Node *p_invalid_target(const Parser *P, const Node *e, TargetsType type);
static int p_is_legacy_stmt(const Node *name);

/* A memoized rule: NAME_raw is the body. */
#define MEMO_RULE(name, id)                                         \
    static Node *name##_raw(Parser *P);                             \
    Node *r_##name(Parser *P)                                       \
    {                                                               \
        int found;                                                  \
        void *m = p_memo_get(P, id, &found);                        \
        if (found) return m;                                        \
        int pos = P->mark;                                          \
        Node *res = name##_raw(P);                                  \
        p_memo_put(P, pos, id, res);                                \
        return res;                                                 \
    }

static Node *node_copy(Parser *P, const Node *n)
{
    Node *c = ast_alloc(P->arena, sizeof *c);
    if (!c) {
        p_no_memory(P);
        return NULL;
    }
    *c = *n;
    return c;
}

Node *p_seq_node(Parser *P, AstKind kind, const PTok *start, NodeList elts, ExprContext ctx)
{
    Node *n = p_node(P, kind, start);
    if (!n) return NULL;
    n->u.seq.elts = elts;
    n->u.seq.ctx = ctx;
    return n;
}

Node *p_name_node(Parser *P, const PTok *t, ExprContext ctx)
{
    Node *n = ast_node(P->arena, AST_Name, t->lineno, t->col, t->end_lineno, t->end_col);
    if (!n) {
        p_no_memory(P);
        return NULL;
    }
    n->u.name.id = p_ident(P, t);
    n->u.name.ctx = ctx;
    return n;
}

/* NAME as an expression (the grammar's NAME token rule). */
static Node *r_name(Parser *P)
{
    PTok *t = p_expect_name(P);
    return t ? p_name_node(P, t, CTX_LOAD) : NULL;
}

/* _PyPegen_soft_keyword_token compares with strncmp(keyword, token,
 * token length): any prefix of "_", "case" or "match" ("c", "ma") counts. */
static int is_soft_keyword(const PTok *t)
{
    static const char *const soft[] = {"_", "case", "match"};
    if (t->type != T_NAME) return 0;
    for (int i = 0; i < 3; i++)
        if ((size_t)t->n <= strlen(soft[i]) && !memcmp(t->s, soft[i], (size_t)t->n)) return 1;
    return 0;
}

/* ---- pegen's action helpers ---- */

Node *p_set_ctx(Parser *P, Node *e, ExprContext ctx)
{
    if (!e) return NULL;
    Node *c;
    switch (e->kind) {
    case AST_Name:
        c = node_copy(P, e);
        if (c) c->u.name.ctx = ctx;
        return c;
    case AST_Attribute:
        c = node_copy(P, e);
        if (c) c->u.attribute.ctx = ctx;
        return c;
    case AST_Subscript:
        c = node_copy(P, e);
        if (c) c->u.subscript.ctx = ctx;
        return c;
    case AST_Starred:
        c = node_copy(P, e);
        if (c) {
            c->u.starred.value = p_set_ctx(P, e->u.starred.value, ctx);
            c->u.starred.ctx = ctx;
        }
        return c;
    case AST_List:
    case AST_Tuple: {
        c = node_copy(P, e);
        if (!c) return NULL;
        NodeList l = {0};
        for (int i = 0; i < e->u.seq.elts.n; i++)
            if (p_push(P, &l, p_set_ctx(P, e->u.seq.elts.items[i], ctx)) < 0) return NULL;
        c->u.seq.elts = l;
        c->u.seq.ctx = ctx;
        return c;
    }
    default: return e;
    }
}

const char *p_expr_name(const Parser *P, const Node *e)
{
    switch (p_pseudo_kind(P, e)) {
    case PS_NAMEDEXPR: return "named expression";
    case PS_AWAIT: return "await expression";
    case PS_YIELDFROM: return "yield expression";
    case PS_NONE: break;
    }
    switch (e->kind) {
    case AST_Attribute: return "attribute";
    case AST_Subscript: return "subscript";
    case AST_Starred: return "starred";
    case AST_Name: return "name";
    case AST_List: return "list";
    case AST_Tuple: return "tuple";
    case AST_Lambda: return "lambda";
    case AST_Call: return "function call";
    case AST_BoolOp:
    case AST_BinOp:
    case AST_UnaryOp: return "expression";
    case AST_GeneratorExp: return "generator expression";
    case AST_Yield: return "yield expression";
    case AST_ListComp: return "list comprehension";
    case AST_SetComp: return "set comprehension";
    case AST_DictComp: return "dict comprehension";
    case AST_Dict: return "dict literal";
    case AST_Set: return "set display";
    case AST_JoinedStr:
    case AST_FormattedValue: return "f-string expression";
    case AST_Constant:
        switch (e->u.constant.value.kind) {
        case CONST_NONE: return "None";
        case CONST_FALSE: return "False";
        case CONST_TRUE: return "True";
        case CONST_ELLIPSIS: return "ellipsis";
        default: return "literal";
        }
    case AST_Compare: return "comparison";
    case AST_IfExp: return "conditional expression";
    default: return "expression";
    }
}

static const Node *p_invalid_target(const Parser *P, const Node *e, TargetsType type)
{
    if (!e) return NULL;
    if (p_pseudo_kind(P, e) != PS_NONE) return e;
    switch (e->kind) {
    case AST_List:
    case AST_Tuple:
        for (int i = 0; i < e->u.seq.elts.n; i++) {
            const Node *c = p_invalid_target(P, e->u.seq.elts.items[i], type);
            if (c) return c;
        }
        return NULL;
    case AST_Starred:
        if (type == DEL_TARGETS) return e;
        return p_invalid_target(P, e->u.starred.value, type);
    case AST_Compare:
        if (type == FOR_TARGETS) {
            if (e->u.compare.ops[0] == CMP_IN) return p_invalid_target(P, e->u.compare.left, type);
            return NULL;
        }
        return e;
    case AST_Name:
    case AST_Subscript:
    case AST_Attribute: return NULL;
    default: return e;
    }
}

void *p_raise_invalid_target(Parser *P, TargetsType type, const Node *e)
{
    const Node *t = p_invalid_target(P, e, type);
    if (!t) return NULL;
    if (type == STAR_TARGETS || type == FOR_TARGETS)
        return p_raise_node(P, t, "cannot assign to %s", p_expr_name(P, t));
    return p_raise_node(P, t, "cannot delete %s", p_expr_name(P, t));
}

static int p_is_legacy_stmt(const Node *name)
{
    if (!name || name->kind != AST_Name) return 0;
    return !strcmp(name->u.name.id, "print") || !strcmp(name->u.name.id, "exec");
}

/* ---- expressions ---- */

Node *p_tuple_from(Parser *P, const PTok *start, Node *first, NodeList rest, ExprContext ctx)
{
    NodeList l = {0};
    if (p_push(P, &l, first) < 0) return NULL;
    for (int i = 0; i < rest.n; i++)
        if (p_push(P, &l, rest.items[i]) < 0) return NULL;
    return p_seq_node(P, AST_Tuple, start, l, ctx);
}

/* (',' elem)+ or (',' elem)* after a first element: the elements. */
int p_sep_loop(Parser *P, Node *(*elem)(Parser *), NodeList *out)
{
    for (;;) {
        int m = P->mark;
        if (!p_expect(P, T_COMMA)) break;
        Node *c = elem(P);
        if (!c) {
            P->mark = m;
            break;
        }
        if (p_push(P, out, c) < 0) return -1;
    }
    return P->error ? -1 : 0;
}

/* ','.elem+ : at least one element. */
int p_gather(Parser *P, Node *(*elem)(Parser *), NodeList *out)
{
    Node *first = elem(P);
    if (!first) return 0;
    if (p_push(P, out, first) < 0) return -1;
    if (p_sep_loop(P, elem, out) < 0) return -1;
    return 1;
}

/* expressions: a=expression b=(',' c=expression)+ [','] | a=expression ',' | expression */
Node *r_expressions(Parser *P)
{
    ENTER();
    PTok *start = p_peek(P);
    if (!start) RETURN(NULL);
    Node *a = r_expression(P);
    if (a) {
        NodeList rest = {0};
        if (p_sep_loop(P, r_expression, &rest) < 0) RETURN(NULL);
        if (rest.n) {
            p_expect(P, T_COMMA);
            RETURN(p_tuple_from(P, start, a, rest, CTX_LOAD));
        }
    }
    RESET();
    if (FAILED()) RETURN(NULL);
    a = r_expression(P);
    if (a && p_expect(P, T_COMMA)) RETURN(p_tuple_from(P, start, a, (NodeList){0}, CTX_LOAD));
    RESET();
    RETURN(r_expression(P));
    LEAVE();
}

static Node *invalid_expression(Parser *P);
static Node *invalid_legacy_expression(Parser *P);

/* a=disjunction 'if' b=disjunction 'else' c=expression */
static Node *ifexp(Parser *P, const PTok *start)
{
    int m = P->mark;
    Node *a = r_disjunction(P);
    if (!a || !p_expect(P, K_IF)) goto fail;
    Node *b = r_disjunction(P);
    if (!b || !p_expect(P, K_ELSE)) goto fail;
    Node *c = r_expression(P);
    if (!c) goto fail;
    Node *n = p_node(P, AST_IfExp, start);
    if (n) {
        n->u.ifexp.test = b;
        n->u.ifexp.body = a;
        n->u.ifexp.orelse = c;
    }
    return n;
fail:
    P->mark = m;
    return NULL;
}

MEMO_RULE(expression, M_EXPRESSION)
static Node *expression_raw(Parser *P)
{
    ENTER();
    PTok *start = p_peek(P);
    if (!start) RETURN(NULL);
    if (P->call_invalid) {
        if (invalid_expression(P) || FAILED()) RETURN(NULL);
        RESET();
        if (invalid_legacy_expression(P) || FAILED()) RETURN(NULL);
        RESET();
    }
    Node *n = ifexp(P, start);
    if (n || FAILED()) RETURN(n);
    n = r_disjunction(P);
    if (n || FAILED()) RETURN(n);
    RETURN(r_lambdef(P));
    LEAVE();
}

static Node *r_expression_without_invalid(Parser *P)
{
    int saved = P->call_invalid;
    P->call_invalid = 0;
    ENTER();
    PTok *start = p_peek(P);
    if (!start) RETURN(NULL);
    Node *n = ifexp(P, start);
    if (n || FAILED()) RETURN(n);
    n = r_disjunction(P);
    if (n || FAILED()) RETURN(n);
    RETURN(r_lambdef(P));
    done:
    p_leave(P);
    P->call_invalid = saved;
    return _res;
}

/* invalid_legacy_expression: a=NAME !'(' b=star_expressions */
static Node *invalid_legacy_expression(Parser *P)
{
    ENTER();
    Node *a = r_name(P);
    if (!a || p_at(P, T_LPAR)) RETURN(NULL);
    Node *b = r_star_expressions(P);
    if (!b) RETURN(NULL);
    if (p_is_legacy_stmt(a))
        p_raise_range(P, a, b, "Missing parentheses in call to '%s'. Did you mean %s(...)?",
                      a->u.name.id, a->u.name.id);
    RETURN(NULL);
    LEAVE();
}

static Node *invalid_expression(Parser *P)
{
    ENTER();
    /* !(NAME STRING | SOFT_KEYWORD) a=disjunction b=expression_without_invalid */
    int skip = 0;
    PTok *t = p_peek(P);
    if (!t) RETURN(NULL);
    if (t->type == T_NAME) {
        PTok *u = p_tok(P, P->mark + 1);
        if (!u) RETURN(NULL);
        if (u->type == T_STRING) skip = 1;
    }
    if (!skip && is_soft_keyword(t)) skip = 1;
    if (!skip) {
        Node *a = r_disjunction(P);
        if (a) {
            Node *b = r_expression_without_invalid(P);
            if (b) {
                if (!p_is_legacy_stmt(a) && P->toks[P->mark - 1]->level != 0)
                    RETURN(p_raise_range(P, a, b, "invalid syntax. Perhaps you forgot a comma?"));
            }
        }
    }
    RESET();
    if (FAILED()) RETURN(NULL);
    /* a=disjunction 'if' b=disjunction !('else'|':') */
    Node *a = r_disjunction(P);
    if (a && p_expect(P, K_IF)) {
        Node *b = r_disjunction(P);
        if (b && !p_at(P, K_ELSE) && !p_at(P, T_COLON))
            RETURN(p_raise_range(P, a, b, "expected 'else' after 'if' expression"));
    }
    RESET();
    LEAVE();
}

/* yield_expr: 'yield' 'from' a=expression | 'yield' a=[star_expressions] */
Node *r_yield_expr(Parser *P)
{
    ENTER();
    PTok *start = p_expect(P, K_YIELD);
    if (!start) RETURN(NULL);
    if (p_expect(P, K_FROM)) {
        Node *a = r_expression(P);
        if (a) {
            Node *n = p_node(P, AST_Yield, start);
            if (n) {
                n->u.yield.value = a;
                p_pseudo(P, n, PS_YIELDFROM);
                p_unsupported(P, n->lineno, n->col, n->end_lineno, n->end_col,
                              "'yield from' is");
            }
            RETURN(n);
        }
        if (FAILED()) RETURN(NULL);
        P->mark = _mark + 1;
    }
    Node *a = r_star_expressions(P);
    if (FAILED()) RETURN(NULL);
    Node *n = p_node(P, AST_Yield, start);
    if (n) n->u.yield.value = a;
    RETURN(n);
    LEAVE();
}

Node *r_star_expressions(Parser *P)
{
    ENTER();
    PTok *start = p_peek(P);
    if (!start) RETURN(NULL);
    Node *a = r_star_expression(P);
    if (a) {
        NodeList rest = {0};
        if (p_sep_loop(P, r_star_expression, &rest) < 0) RETURN(NULL);
        if (rest.n) {
            p_expect(P, T_COMMA);
            RETURN(p_tuple_from(P, start, a, rest, CTX_LOAD));
        }
    }
    RESET();
    if (FAILED()) RETURN(NULL);
    a = r_star_expression(P);
    if (a && p_expect(P, T_COMMA)) RETURN(p_tuple_from(P, start, a, (NodeList){0}, CTX_LOAD));
    RESET();
    RETURN(r_star_expression(P));
    LEAVE();
}

static Node *starred_bitwise_or(Parser *P)
{
    int m = P->mark;
    PTok *start = p_expect(P, T_STAR);
    if (!start) return NULL;
    Node *a = r_bitwise_or(P);
    if (!a) {
        P->mark = m;
        return NULL;
    }
    Node *n = p_node(P, AST_Starred, start);
    if (n) {
        n->u.starred.value = a;
        n->u.starred.ctx = CTX_LOAD;
    }
    return n;
}

MEMO_RULE(star_expression, M_STAR_EXPRESSION)
static Node *star_expression_raw(Parser *P)
{
    ENTER();
    Node *n = starred_bitwise_or(P);
    if (n || FAILED()) RETURN(n);
    RETURN(r_expression(P));
    LEAVE();
}

int r_star_named_expressions(Parser *P, NodeList *out)
{
    int r = p_gather(P, r_star_named_expression, out);
    if (r <= 0) return r;
    p_expect(P, T_COMMA);
    return P->error ? -1 : 1;
}

Node *r_star_named_expression(Parser *P)
{
    ENTER();
    Node *n = starred_bitwise_or(P);
    if (n || FAILED()) RETURN(n);
    RETURN(r_named_expression(P));
    LEAVE();
}

/* a=NAME ':=' ~ b=expression */
Node *r_assignment_expression(Parser *P)
{
    ENTER();
    PTok *start = p_peek(P);
    if (!start) RETURN(NULL);
    PTok *name = p_expect_name(P);
    if (!name) RETURN(NULL);
    PTok *op = p_expect(P, T_COLONEQUAL);
    if (!op) {
        RESET();
        RETURN(NULL);
    }
    Node *b = r_expression(P);
    if (!b) {
        RESET();
        RETURN(NULL);
    }
    /* NamedExpr is outside the subset: a stand-in node */
    Node *n = p_node(P, AST_Name, start);
    if (n) {
        n->u.name.id = p_ident(P, name);
        p_pseudo(P, n, PS_NAMEDEXPR);
        p_unsupported_tok(P, op, "assignment expressions (':=') are");
    }
    RETURN(n);
    LEAVE();
}

static Node *invalid_named_expression(Parser *P);

Node *r_named_expression(Parser *P)
{
    ENTER();
    Node *n = r_assignment_expression(P);
    if (n || FAILED()) RETURN(n);
    if (P->call_invalid) {
        if (invalid_named_expression(P) || FAILED()) RETURN(NULL);
        RESET();
    }
    n = r_expression(P);
    if (n && !p_at(P, T_COLONEQUAL)) RETURN(n);
    RESET();
    LEAVE();
}

static int at_list_tuple_genexp_or_const(Parser *P)
{
    int m = P->mark;
    int r = r_list(P) || r_tuple(P) || r_genexp(P) || p_at(P, K_TRUE) || p_at(P, K_NONE) ||
            p_at(P, K_FALSE);
    P->mark = m;
    return r;
}

static Node *invalid_named_expression_raw(Parser *P)
{
    ENTER();
    /* a=expression ':=' expression */
    Node *a = r_expression(P);
    if (a && p_expect(P, T_COLONEQUAL) && r_expression(P))
        RETURN(p_raise_node(P, a, "cannot use assignment expressions with %s",
                            p_expr_name(P, a)));
    RESET();
    if (FAILED()) RETURN(NULL);
    /* a=NAME '=' b=bitwise_or !('='|':=') */
    a = r_name(P);
    if (a && p_expect(P, T_EQUAL)) {
        Node *b = r_bitwise_or(P);
        if (b && !p_at(P, T_EQUAL) && !p_at(P, T_COLONEQUAL))
            RETURN(p_raise_range(P, a, b,
                                 "invalid syntax. Maybe you meant '==' or ':=' instead of '='?"));
    }
    RESET();
    if (FAILED()) RETURN(NULL);
    /* !(list|tuple|genexp|'True'|'None'|'False') a=bitwise_or b='=' bitwise_or !('='|':=') */
    if (!at_list_tuple_genexp_or_const(P) && !FAILED()) {
        a = r_bitwise_or(P);
        if (a && p_expect(P, T_EQUAL) && r_bitwise_or(P) && !p_at(P, T_EQUAL) &&
            !p_at(P, T_COLONEQUAL))
            RETURN(p_raise_node(P, a,
                                "cannot assign to %s here. Maybe you meant '==' instead of '='?",
                                p_expr_name(P, a)));
    }
    RESET();
    LEAVE();
}

static Node *invalid_named_expression(Parser *P)
{
    int found;
    void *m = p_memo_get(P, M_INVALID_NAMED_EXPRESSION, &found);
    if (found) return m;
    int pos = P->mark;
    Node *res = invalid_named_expression_raw(P);
    p_memo_put(P, pos, M_INVALID_NAMED_EXPRESSION, res);
    return res;
}

/* disjunction / conjunction: a=x b=(op c=x)+ | x */
static Node *boolop(Parser *P, Node *(*operand)(Parser *), int kw, BoolOpKind op)
{
    ENTER();
    PTok *start = p_peek(P);
    if (!start) RETURN(NULL);
    Node *a = operand(P);
    if (!a) RETURN(NULL);
    NodeList values = {0};
    for (;;) {
        int m = P->mark;
        if (!p_expect(P, kw)) break;
        Node *c = operand(P);
        if (!c) {
            P->mark = m;
            break;
        }
        if (!values.n && p_push(P, &values, a) < 0) RETURN(NULL);
        if (p_push(P, &values, c) < 0) RETURN(NULL);
    }
    if (FAILED()) RETURN(NULL);
    if (!values.n) RETURN(a);
    Node *n = p_node(P, AST_BoolOp, start);
    if (n) {
        n->u.boolop.op = op;
        n->u.boolop.values = values;
    }
    RETURN(n);
    LEAVE();
}

static Node *r_conjunction(Parser *P);
static Node *r_inversion(Parser *P);
static Node *r_comparison(Parser *P);

MEMO_RULE(disjunction, M_DISJUNCTION)
static Node *disjunction_raw(Parser *P) { return boolop(P, r_conjunction, K_OR, BOOL_OR); }

static Node *conjunction_raw(Parser *P) { return boolop(P, r_inversion, K_AND, BOOL_AND); }
static Node *r_conjunction(Parser *P)
{
    int found;
    void *m = p_memo_get(P, M_CONJUNCTION, &found);
    if (found) return m;
    int pos = P->mark;
    Node *res = conjunction_raw(P);
    p_memo_put(P, pos, M_CONJUNCTION, res);
    return res;
}

static Node *inversion_raw(Parser *P)
{
    ENTER();
    PTok *start = p_expect(P, K_NOT);
    if (start) {
        Node *a = r_inversion(P);
        if (a) {
            Node *n = p_node(P, AST_UnaryOp, start);
            if (n) {
                n->u.unaryop.op = UOP_NOT;
                n->u.unaryop.operand = a;
            }
            RETURN(n);
        }
        RESET();
        if (FAILED()) RETURN(NULL);
    }
    RETURN(r_comparison(P));
    LEAVE();
}
static Node *r_inversion(Parser *P)
{
    int found;
    void *m = p_memo_get(P, M_INVERSION, &found);
    if (found) return m;
    int pos = P->mark;
    Node *res = inversion_raw(P);
    p_memo_put(P, pos, M_INVERSION, res);
    return res;
}

/* compare_op_bitwise_or_pair: the alternatives in order; the operand, or
 * NULL with the mark unchanged. */
static Node *compare_pair(Parser *P, CmpOpKind *op)
{
    static const struct {
        int t1, t2;
        CmpOpKind op;
    } ops[] = {
        {T_EQEQUAL, -1, CMP_EQ},   {T_NOTEQUAL, -1, CMP_NOTEQ}, {T_LESSEQUAL, -1, CMP_LTE},
        {T_LESS, -1, CMP_LT},      {T_GREATEREQUAL, -1, CMP_GTE}, {T_GREATER, -1, CMP_GT},
        {K_NOT, K_IN, CMP_NOTIN},  {K_IN, -1, CMP_IN},          {K_IS, K_NOT, CMP_ISNOT},
        {K_IS, -1, CMP_IS},
    };
    int m = P->mark;
    for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++) {
        P->mark = m;
        PTok *t = p_expect(P, ops[i].t1);
        if (!t) {
            if (P->error) return NULL;
            continue;
        }
        /* '<>' is NOTEQUAL only under barry_as_FLUFL */
        if (ops[i].t1 == T_NOTEQUAL && t->n == 2 && t->s[0] == '<') continue;
        if (ops[i].t2 >= 0 && !p_expect(P, ops[i].t2)) {
            if (P->error) return NULL;
            continue;
        }
        Node *b = r_bitwise_or(P);
        if (b) {
            *op = ops[i].op;
            return b;
        }
        if (P->error) return NULL;
    }
    P->mark = m;
    return NULL;
}

static Node *r_comparison(Parser *P)
{
    ENTER();
    PTok *start = p_peek(P);
    if (!start) RETURN(NULL);
    Node *a = r_bitwise_or(P);
    if (!a) RETURN(NULL);
    NodeList comps = {0};
    CmpOpKind opsbuf[16], *ops = opsbuf;
    int cap = 16;
    for (;;) {
        CmpOpKind op;
        Node *b = compare_pair(P, &op);
        if (!b) break;
        if (comps.n == cap) {
            CmpOpKind *bigger = ast_alloc(P->scratch, (size_t)cap * 2 * sizeof *bigger);
            if (!bigger) {
                p_no_memory(P);
                RETURN(NULL);
            }
            memcpy(bigger, ops, (size_t)cap * sizeof *ops);
            ops = bigger;
            cap *= 2;
        }
        ops[comps.n] = op;
        if (p_push(P, &comps, b) < 0) RETURN(NULL);
    }
    if (FAILED()) RETURN(NULL);
    if (!comps.n) RETURN(a);
    Node *n = p_node(P, AST_Compare, start);
    if (!n) RETURN(NULL);
    n->u.compare.left = a;
    n->u.compare.comparators = comps;
    n->u.compare.ops = ast_alloc(P->arena, (size_t)comps.n * sizeof *ops);
    if (!n->u.compare.ops) {
        p_no_memory(P);
        RETURN(NULL);
    }
    memcpy(n->u.compare.ops, ops, (size_t)comps.n * sizeof *ops);
    RETURN(n);
    LEAVE();
}

/* Left-recursive binary operator levels as loops. */
typedef struct BinLevel {
    int tok;
    BinOpKind op;
} BinLevel;

static Node *binary(Parser *P, Node *(*operand)(Parser *), const BinLevel *ops, int nops)
{
    ENTER();
    PTok *start = p_peek(P);
    if (!start) RETURN(NULL);
    Node *a = operand(P);
    if (!a) RETURN(NULL);
    for (;;) {
        int m = P->mark, matched = 0;
        for (int i = 0; i < nops && !matched; i++) {
            if (!p_expect(P, ops[i].tok)) continue;
            Node *b = operand(P);
            if (!b) {
                P->mark = m;
                continue;
            }
            Node *n = p_node(P, AST_BinOp, start);
            if (!n) RETURN(NULL);
            n->u.binop.left = a;
            n->u.binop.op = ops[i].op;
            n->u.binop.right = b;
            a = n;
            matched = 1;
        }
        if (FAILED()) RETURN(NULL);
        if (!matched) break;
    }
    RETURN(a);
    LEAVE();
}

static Node *r_factor(Parser *P);

static Node *r_term(Parser *P)
{
    static const BinLevel ops[] = {{T_STAR, OP_MULT}, {T_SLASH, OP_DIV},
                                   {T_DOUBLESLASH, OP_FLOORDIV}, {T_PERCENT, OP_MOD},
                                   {T_AT, OP_MATMULT}};
    return binary(P, r_factor, ops, 5);
}

static Node *r_sum(Parser *P)
{
    static const BinLevel ops[] = {{T_PLUS, OP_ADD}, {T_MINUS, OP_SUB}};
    return binary(P, r_term, ops, 2);
}

static Node *r_shift_expr(Parser *P)
{
    static const BinLevel ops[] = {{T_LEFTSHIFT, OP_LSHIFT}, {T_RIGHTSHIFT, OP_RSHIFT}};
    return binary(P, r_sum, ops, 2);
}

static Node *r_bitwise_and(Parser *P)
{
    static const BinLevel ops[] = {{T_AMPER, OP_BITAND}};
    return binary(P, r_shift_expr, ops, 1);
}

static Node *r_bitwise_xor(Parser *P)
{
    static const BinLevel ops[] = {{T_CIRCUMFLEX, OP_BITXOR}};
    return binary(P, r_bitwise_and, ops, 1);
}

static Node *bitwise_or_raw(Parser *P)
{
    static const BinLevel ops[] = {{T_VBAR, OP_BITOR}};
    return binary(P, r_bitwise_xor, ops, 1);
}

Node *r_bitwise_or(Parser *P)
{
    int found;
    void *m = p_memo_get(P, M_BITWISE_OR, &found);
    if (found) return m;
    int pos = P->mark;
    Node *res = bitwise_or_raw(P);
    p_memo_put(P, pos, M_BITWISE_OR, res);
    return res;
}

static Node *r_power(Parser *P);

static Node *factor_raw(Parser *P)
{
    ENTER();
    static const struct {
        int tok;
        UnaryOpKind op;
    } ops[] = {{T_PLUS, UOP_UADD}, {T_MINUS, UOP_USUB}, {T_TILDE, UOP_INVERT}};
    for (int i = 0; i < 3; i++) {
        PTok *start = p_expect(P, ops[i].tok);
        if (!start) continue;
        Node *a = r_factor(P);
        if (a) {
            Node *n = p_node(P, AST_UnaryOp, start);
            if (n) {
                n->u.unaryop.op = ops[i].op;
                n->u.unaryop.operand = a;
            }
            RETURN(n);
        }
        RESET();
        if (FAILED()) RETURN(NULL);
    }
    if (FAILED()) RETURN(NULL);
    RETURN(r_power(P));
    LEAVE();
}

static Node *r_factor(Parser *P)
{
    int found;
    void *m = p_memo_get(P, M_FACTOR, &found);
    if (found) return m;
    int pos = P->mark;
    Node *res = factor_raw(P);
    p_memo_put(P, pos, M_FACTOR, res);
    return res;
}

static Node *r_await_primary(Parser *P);

static Node *r_power(Parser *P)
{
    ENTER();
    PTok *start = p_peek(P);
    if (!start) RETURN(NULL);
    Node *a = r_await_primary(P);
    if (!a) RETURN(NULL);
    int m = P->mark;
    if (p_expect(P, T_DOUBLESTAR)) {
        Node *b = r_factor(P);
        if (b) {
            Node *n = p_node(P, AST_BinOp, start);
            if (n) {
                n->u.binop.left = a;
                n->u.binop.op = OP_POW;
                n->u.binop.right = b;
            }
            RETURN(n);
        }
        P->mark = m;
    }
    if (FAILED()) RETURN(NULL);
    RETURN(a);
    LEAVE();
}

static Node *await_primary_raw(Parser *P)
{
    ENTER();
    PTok *start = p_expect(P, T_AWAIT);
    if (start) {
        Node *a = r_primary(P);
        if (a) {
            Node *n = node_copy(P, a);
            if (n) {
                n->lineno = start->lineno;
                n->col = start->col;
                p_pseudo(P, n, PS_AWAIT);
                p_unsupported_tok(P, start, "'await' is");
            }
            RETURN(n);
        }
        RESET();
        if (FAILED()) RETURN(NULL);
    }
    RETURN(r_primary(P));
    LEAVE();
}

static Node *r_await_primary(Parser *P)
{
    int found;
    void *m = p_memo_get(P, M_AWAIT_PRIMARY, &found);
    if (found) return m;
    int pos = P->mark;
    Node *res = await_primary_raw(P);
    p_memo_put(P, pos, M_AWAIT_PRIMARY, res);
    return res;
}

static Node *make_call(Parser *P, const PTok *start, Node *func, Node *args)
{
    Node *n = p_node(P, AST_Call, start);
    if (!n) return NULL;
    n->u.call.func = func;
    if (args) {
        n->u.call.args = args->u.call.args;
        n->u.call.keywords = args->u.call.keywords;
    }
    return n;
}

static Node *single_genexp_call(Parser *P, const PTok *start, Node *func, Node *gen)
{
    Node *n = p_node(P, AST_Call, start);
    if (!n) return NULL;
    n->u.call.func = func;
    if (p_push(P, &n->u.call.args, gen) < 0) return NULL;
    return n;
}

/* One step of primary's (t_primary's) left recursion after `a`:
 * '.' NAME | genexp | '(' [arguments] ')' | '[' slices ']', each followed by
 * &t_lookahead when `tlook`; NULL (mark unchanged) when none applies. */
Node *p_primary_step(Parser *P, const PTok *start, Node *a, int tlook)
{
    int m = P->mark;
    if (p_expect(P, T_DOT)) {
        PTok *b = p_expect_name(P);
        if (b && (!tlook || r_t_lookahead(P))) {
            Node *n = p_node(P, AST_Attribute, start);
            if (n) {
                n->u.attribute.value = a;
                n->u.attribute.attr = p_ident(P, b);
                n->u.attribute.ctx = CTX_LOAD;
            }
            return n;
        }
    }
    P->mark = m;
    if (P->error) return NULL;
    if (tlook && p_expect(P, T_LSQB)) {
        Node *s = r_slices(P);
        if (s && p_expect(P, T_RSQB) && r_t_lookahead(P)) {
            Node *n = p_node(P, AST_Subscript, start);
            if (n) {
                n->u.subscript.value = a;
                n->u.subscript.slice = s;
                n->u.subscript.ctx = CTX_LOAD;
            }
            return n;
        }
        P->mark = m;
        if (P->error) return NULL;
    }
    Node *g = r_genexp(P);
    if (g && (!tlook || r_t_lookahead(P))) return single_genexp_call(P, start, a, g);
    P->mark = m;
    if (P->error) return NULL;
    if (p_expect(P, T_LPAR)) {
        Node *args = r_arguments(P);
        if (!P->error && p_expect(P, T_RPAR) && (!tlook || r_t_lookahead(P)))
            return make_call(P, start, a, args);
    }
    P->mark = m;
    if (P->error) return NULL;
    if (!tlook && p_expect(P, T_LSQB)) {
        Node *s = r_slices(P);
        if (s && p_expect(P, T_RSQB)) {
            Node *n = p_node(P, AST_Subscript, start);
            if (n) {
                n->u.subscript.value = a;
                n->u.subscript.slice = s;
                n->u.subscript.ctx = CTX_LOAD;
            }
            return n;
        }
        P->mark = m;
    }
    return NULL;
}

static Node *primary_raw(Parser *P)
{
    ENTER();
    PTok *start = p_peek(P);
    if (!start) RETURN(NULL);
    Node *a = r_atom(P);
    if (!a) RETURN(NULL);
    for (;;) {
        Node *n = p_primary_step(P, start, a, 0);
        if (FAILED()) RETURN(NULL);
        if (!n) break;
        a = n;
    }
    RETURN(a);
    LEAVE();
}

static Node *r_primary(Parser *P)
{
    int found;
    void *m = p_memo_get(P, M_PRIMARY, &found);
    if (found) return m;
    int pos = P->mark;
    Node *res = primary_raw(P);
    p_memo_put(P, pos, M_PRIMARY, res);
    return res;
}

/* slice: a=[expression] ':' b=[expression] c=[':' d=[expression]] | named_expression */
static Node *r_slice(Parser *P)
{
    ENTER();
    PTok *start = p_peek(P);
    if (!start) RETURN(NULL);
    Node *a = r_expression(P);
    if (FAILED()) RETURN(NULL);
    if (p_expect(P, T_COLON)) {
        Node *b = r_expression(P);
        if (FAILED()) RETURN(NULL);
        Node *c = NULL;
        int m = P->mark;
        if (p_expect(P, T_COLON)) {
            c = r_expression(P);
            if (FAILED()) RETURN(NULL);
        } else {
            P->mark = m;
        }
        Node *n = p_node(P, AST_Slice, start);
        if (n) {
            n->u.slice.lower = a;
            n->u.slice.upper = b;
            n->u.slice.step = c;
        }
        RETURN(n);
    }
    RESET();
    RETURN(r_named_expression(P));
    LEAVE();
}

static Node *slice_or_starred(Parser *P)
{
    Node *n = r_slice(P);
    if (n || P->error) return n;
    return r_starred_expression(P);
}

/* slices: a=slice !',' | ','.(slice | starred_expression)+ [','] */
Node *r_slices(Parser *P)
{
    ENTER();
    PTok *start = p_peek(P);
    if (!start) RETURN(NULL);
    Node *a = r_slice(P);
    if (a && !p_at(P, T_COMMA)) RETURN(a);
    RESET();
    if (FAILED()) RETURN(NULL);
    NodeList l = {0};
    int r = p_gather(P, slice_or_starred, &l);
    if (r <= 0) RETURN(NULL);
    p_expect(P, T_COMMA);
    RETURN(p_seq_node(P, AST_Tuple, start, l, CTX_LOAD));
    LEAVE();
}

