/*
 * compiler/anchors.h -- traceback.c's extract_anchors_from_line: where
 * the caret line of a traceback puts its '^' inside a failing expression.
 */
#ifndef ENGINE_COMPILER_ANCHORS_H
#define ENGINE_COMPILER_ANCHORS_H

#include <stddef.h>
#include <stdint.h>

/* For a segment of source that parses as one expression statement: a
 * binary operation marks its operator, a subscript its brackets.
 * 1 with the [left, right) byte range, 0 otherwise. */
int anchors_in_segment(const char *seg, size_t len, int64_t *left, int64_t *right);

#endif /* ENGINE_COMPILER_ANCHORS_H */
