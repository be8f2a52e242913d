# The compiler warns where a missing comma makes a call or a subscript
# certainly fail; the program then fails as python3's does.


def attempt(label, fn):
    try:
        print(label, fn())
    except TypeError as e:
        print(label, "TypeError:", e)


attempt("tuple call", lambda: (1, 2)(3))
attempt("list call", lambda: [1, 2]())
attempt("str call", lambda: "ab"())
attempt("none call", lambda: None())
attempt("float subscript", lambda: 1.5[0])
attempt("set subscript", lambda: {1}[0])
attempt("str index", lambda: "abc"["b"])
attempt("tuple index", lambda: (1, 2)[1, 0])
attempt("list index", lambda: [1, 2][None])
attempt("fine", lambda: [10, 20][True] + (1, 2)[0:1][0])
pairs = [
    (1, 2)
    (3, 4)
]
