x = [
    1,
    2,
    3,
]
y = {
    'a': f(
        1,
        2),
    'b': g,
}
z = (a
     + b
     * c)
def f(
    a,
    b=(1,
       2),
):
    return (a
            if b
            else None)
