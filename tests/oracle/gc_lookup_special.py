# The bound builtin methods C code looks up and drops within one call:
# PyObject_Format binds __format__ (f-strings and str.format of anything
# but an exact str, or an int without a spec; format()), round() binds
# __round__.  A slice comes from the interpreter's one-slot cache.  Each
# shifts where the count crosses the collection threshold.
import gc


def first_collection(step):
    gc.collect()
    keep = []
    before = gc.get_stats()[0]["collections"]
    for i in range(2000):
        x = [i]
        keep.append(x)
        step(x)
        if gc.get_stats()[0]["collections"] != before:
            return i, gc.get_count()
    return None


print("f-float", first_collection(lambda x: f"{2.5}"))
print("f-list", first_collection(lambda x: f"{x}"))
print("f-int-spec", first_collection(lambda x: f"{7:3}"))
print("f-int", first_collection(lambda x: f"{7}"))
print("f-str", first_collection(lambda x: f"{'s'}"))
print("format-list", first_collection(lambda x: "{}".format(x)))
print("format-int", first_collection(lambda x: "{} {}".format(1, 2.5)))
print("format()", first_collection(lambda x: format(x)))
print("round", first_collection(lambda x: round(1.5)))
print("round-nd", first_collection(lambda x: round(2.675, 2)))
print("slice", first_collection(lambda x: x[0:1]))


def assign(x):
    x[0:1] = [5]
    return x[::1]


print("slice-assign", first_collection(assign))
print(format(3.25, ".1f"), format(255, "x"), format("s", ">3"), round(2.5), round(3.5), round(-0.5))
