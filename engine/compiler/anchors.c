/* anchors.c -- see anchors.h. */
#include "compiler/anchors.h"
#include "compiler/ast.h"
#include "compiler/parser.h"

static int blank(char c) { return c == ' ' || c == '\t' || c == '\f'; }

int anchors_in_segment(const char *seg, size_t len, int64_t *left, int64_t *right)
{
    AstArena *a = ast_arena_new();
    if (!a) return 0;
    ParseError pe;
    Node *m = parse_module(a, seg, len, "<segment>", &pe);
    int found = 0;
    if (m && m->u.module.body.n == 1 && m->u.module.body.items[0]->kind == AST_Expr) {
        Node *e = m->u.module.body.items[0]->u.ret.value;
        if (e->kind == AST_BinOp) {
            Node *l = e->u.binop.left, *r = e->u.binop.right;
            /* the operator: the first character after the left operand
             * that is neither blank nor the ')' closing it */
            for (int i = l->end_col; i < r->col; i++) {
                if (blank(seg[i])) continue;
                *left = i;
                *right = i + 1;
                if (i + 1 < r->col && !blank(seg[i + 1])) ++*right;
                if (i + 1 < r->col && seg[i] == ')') continue;
                break;
            }
            found = 1;
        } else if (e->kind == AST_Subscript) {
            /* from the '[' after the value to the ']' after the slice,
             * past any parentheses around either */
            int64_t n = (int64_t)len;
            *left = e->u.subscript.value->end_col;
            *right = e->u.subscript.slice->end_col + 1;
            while (*left < n && seg[*left] != '[') ++*left;
            while (*right < n && seg[*right] != ']') ++*right;
            if (*right < n) ++*right;
            found = 1;
        }
    }
    ast_arena_free(a);
    return found;
}
