def f0(a, b=0, *c, d, **e):
    x = [a * 0 for a in range(b) if a % 2]
    if x and d:
        return {'k': x, 'v': (a, b, c)}
    while b > 0:
        b -= 1
    try:
        y = e['z'][0].w(a=1)
    except (KeyError, IndexError) as err:
        raise ValueError(f'bad {err!r}') from err
    return lambda q: q + 0

def f1(a, b=1, *c, d, **e):
    x = [a * 1 for a in range(b) if a % 2]
    if x and d:
        return {'k': x, 'v': (a, b, c)}
    while b > 0:
        b -= 1
    try:
        y = e['z'][0].w(a=1)
    except (KeyError, IndexError) as err:
        raise ValueError(f'bad {err!r}') from err
    return lambda q: q + 1

def f2(a, b=2, *c, d, **e):
    x = [a * 2 for a in range(b) if a % 2]
    if x and d:
        return {'k': x, 'v': (a, b, c)}
    while b > 0:
        b -= 1
    try:
        y = e['z'][0].w(a=1)
    except (KeyError, IndexError) as err:
        raise ValueError(f'bad {err!r}') from err
    return lambda q: q + 2

def f3(a, b=3, *c, d, **e):
    x = [a * 3 for a in range(b) if a % 2]
    if x and d:
        return {'k': x, 'v': (a, b, c)}
    while b > 0:
        b -= 1
    try:
        y = e['z'][0].w(a=1)
    except (KeyError, IndexError) as err:
        raise ValueError(f'bad {err!r}') from err
    return lambda q: q + 3

def f4(a, b=4, *c, d, **e):
    x = [a * 4 for a in range(b) if a % 2]
    if x and d:
        return {'k': x, 'v': (a, b, c)}
    while b > 0:
        b -= 1
    try:
        y = e['z'][0].w(a=1)
    except (KeyError, IndexError) as err:
        raise ValueError(f'bad {err!r}') from err
    return lambda q: q + 4

def f5(a, b=5, *c, d, **e):
    x = [a * 5 for a in range(b) if a % 2]
    if x and d:
        return {'k': x, 'v': (a, b, c)}
    while b > 0:
        b -= 1
    try:
        y = e['z'][0].w(a=1)
    except (KeyError, IndexError) as err:
        raise ValueError(f'bad {err!r}') from err
    return lambda q: q + 5

def f6(a, b=6, *c, d, **e):
    x = [a * 6 for a in range(b) if a % 2]
    if x and d:
        return {'k': x, 'v': (a, b, c)}
    while b > 0:
        b -= 1
    try:
        y = e['z'][0].w(a=1)
    except (KeyError, IndexError) as err:
        raise ValueError(f'bad {err!r}') from err
    return lambda q: q + 6

def f7(a, b=7, *c, d, **e):
    x = [a * 7 for a in range(b) if a % 2]
    if x and d:
        return {'k': x, 'v': (a, b, c)}
    while b > 0:
        b -= 1
    try:
        y = e['z'][0].w(a=1)
    except (KeyError, IndexError) as err:
        raise ValueError(f'bad {err!r}') from err
    return lambda q: q + 7

def f8(a, b=8, *c, d, **e):
    x = [a * 8 for a in range(b) if a % 2]
    if x and d:
        return {'k': x, 'v': (a, b, c)}
    while b > 0:
        b -= 1
    try:
        y = e['z'][0].w(a=1)
    except (KeyError, IndexError) as err:
        raise ValueError(f'bad {err!r}') from err
    return lambda q: q + 8

def f9(a, b=9, *c, d, **e):
    x = [a * 9 for a in range(b) if a % 2]
    if x and d:
        return {'k': x, 'v': (a, b, c)}
    while b > 0:
        b -= 1
    try:
        y = e['z'][0].w(a=1)
    except (KeyError, IndexError) as err:
        raise ValueError(f'bad {err!r}') from err
    return lambda q: q + 9

def f10(a, b=10, *c, d, **e):
    x = [a * 10 for a in range(b) if a % 2]
    if x and d:
        return {'k': x, 'v': (a, b, c)}
    while b > 0:
        b -= 1
    try:
        y = e['z'][0].w(a=1)
    except (KeyError, IndexError) as err:
        raise ValueError(f'bad {err!r}') from err
    return lambda q: q + 10

def f11(a, b=11, *c, d, **e):
    x = [a * 11 for a in range(b) if a % 2]
    if x and d:
        return {'k': x, 'v': (a, b, c)}
    while b > 0:
        b -= 1
    try:
        y = e['z'][0].w(a=1)
    except (KeyError, IndexError) as err:
        raise ValueError(f'bad {err!r}') from err
    return lambda q: q + 11

def f12(a, b=12, *c, d, **e):
    x = [a * 12 for a in range(b) if a % 2]
    if x and d:
        return {'k': x, 'v': (a, b, c)}
    while b > 0:
        b -= 1
    try:
        y = e['z'][0].w(a=1)
    except (KeyError, IndexError) as err:
        raise ValueError(f'bad {err!r}') from err
    return lambda q: q + 12

def f13(a, b=13, *c, d, **e):
    x = [a * 13 for a in range(b) if a % 2]
    if x and d:
        return {'k': x, 'v': (a, b, c)}
    while b > 0:
        b -= 1
    try:
        y = e['z'][0].w(a=1)
    except (KeyError, IndexError) as err:
        raise ValueError(f'bad {err!r}') from err
    return lambda q: q + 13

def f14(a, b=14, *c, d, **e):
    x = [a * 14 for a in range(b) if a % 2]
    if x and d:
        return {'k': x, 'v': (a, b, c)}
    while b > 0:
        b -= 1
    try:
        y = e['z'][0].w(a=1)
    except (KeyError, IndexError) as err:
        raise ValueError(f'bad {err!r}') from err
    return lambda q: q + 14

def f15(a, b=15, *c, d, **e):
    x = [a * 15 for a in range(b) if a % 2]
    if x and d:
        return {'k': x, 'v': (a, b, c)}
    while b > 0:
        b -= 1
    try:
        y = e['z'][0].w(a=1)
    except (KeyError, IndexError) as err:
        raise ValueError(f'bad {err!r}') from err
    return lambda q: q + 15

def f16(a, b=16, *c, d, **e):
    x = [a * 16 for a in range(b) if a % 2]
    if x and d:
        return {'k': x, 'v': (a, b, c)}
    while b > 0:
        b -= 1
    try:
        y = e['z'][0].w(a=1)
    except (KeyError, IndexError) as err:
        raise ValueError(f'bad {err!r}') from err
    return lambda q: q + 16

def f17(a, b=17, *c, d, **e):
    x = [a * 17 for a in range(b) if a % 2]
    if x and d:
        return {'k': x, 'v': (a, b, c)}
    while b > 0:
        b -= 1
    try:
        y = e['z'][0].w(a=1)
    except (KeyError, IndexError) as err:
        raise ValueError(f'bad {err!r}') from err
    return lambda q: q + 17

def f18(a, b=18, *c, d, **e):
    x = [a * 18 for a in range(b) if a % 2]
    if x and d:
        return {'k': x, 'v': (a, b, c)}
    while b > 0:
        b -= 1
    try:
        y = e['z'][0].w(a=1)
    except (KeyError, IndexError) as err:
        raise ValueError(f'bad {err!r}') from err
    return lambda q: q + 18

def f19(a, b=19, *c, d, **e):
    x = [a * 19 for a in range(b) if a % 2]
    if x and d:
        return {'k': x, 'v': (a, b, c)}
    while b > 0:
        b -= 1
    try:
        y = e['z'][0].w(a=1)
    except (KeyError, IndexError) as err:
        raise ValueError(f'bad {err!r}') from err
    return lambda q: q + 19

def f20(a, b=20, *c, d, **e):
    x = [a * 20 for a in range(b) if a % 2]
    if x and d:
        return {'k': x, 'v': (a, b, c)}
    while b > 0:
        b -= 1
    try:
        y = e['z'][0].w(a=1)
    except (KeyError, IndexError) as err:
        raise ValueError(f'bad {err!r}') from err
    return lambda q: q + 20

def f21(a, b=21, *c, d, **e):
    x = [a * 21 for a in range(b) if a % 2]
    if x and d:
        return {'k': x, 'v': (a, b, c)}
    while b > 0:
        b -= 1
    try:
        y = e['z'][0].w(a=1)
    except (KeyError, IndexError) as err:
        raise ValueError(f'bad {err!r}') from err
    return lambda q: q + 21

def f22(a, b=22, *c, d, **e):
    x = [a * 22 for a in range(b) if a % 2]
    if x and d:
        return {'k': x, 'v': (a, b, c)}
    while b > 0:
        b -= 1
    try:
        y = e['z'][0].w(a=1)
    except (KeyError, IndexError) as err:
        raise ValueError(f'bad {err!r}') from err
    return lambda q: q + 22

def f23(a, b=23, *c, d, **e):
    x = [a * 23 for a in range(b) if a % 2]
    if x and d:
        return {'k': x, 'v': (a, b, c)}
    while b > 0:
        b -= 1
    try:
        y = e['z'][0].w(a=1)
    except (KeyError, IndexError) as err:
        raise ValueError(f'bad {err!r}') from err
    return lambda q: q + 23

def f24(a, b=24, *c, d, **e):
    x = [a * 24 for a in range(b) if a % 2]
    if x and d:
        return {'k': x, 'v': (a, b, c)}
    while b > 0:
        b -= 1
    try:
        y = e['z'][0].w(a=1)
    except (KeyError, IndexError) as err:
        raise ValueError(f'bad {err!r}') from err
    return lambda q: q + 24

def f25(a, b=25, *c, d, **e):
    x = [a * 25 for a in range(b) if a % 2]
    if x and d:
        return {'k': x, 'v': (a, b, c)}
    while b > 0:
        b -= 1
    try:
        y = e['z'][0].w(a=1)
    except (KeyError, IndexError) as err:
        raise ValueError(f'bad {err!r}') from err
    return lambda q: q + 25

def f26(a, b=26, *c, d, **e):
    x = [a * 26 for a in range(b) if a % 2]
    if x and d:
        return {'k': x, 'v': (a, b, c)}
    while b > 0:
        b -= 1
    try:
        y = e['z'][0].w(a=1)
    except (KeyError, IndexError) as err:
        raise ValueError(f'bad {err!r}') from err
    return lambda q: q + 26

def f27(a, b=27, *c, d, **e):
    x = [a * 27 for a in range(b) if a % 2]
    if x and d:
        return {'k': x, 'v': (a, b, c)}
    while b > 0:
        b -= 1
    try:
        y = e['z'][0].w(a=1)
    except (KeyError, IndexError) as err:
        raise ValueError(f'bad {err!r}') from err
    return lambda q: q + 27

def f28(a, b=28, *c, d, **e):
    x = [a * 28 for a in range(b) if a % 2]
    if x and d:
        return {'k': x, 'v': (a, b, c)}
    while b > 0:
        b -= 1
    try:
        y = e['z'][0].w(a=1)
    except (KeyError, IndexError) as err:
        raise ValueError(f'bad {err!r}') from err
    return lambda q: q + 28

def f29(a, b=29, *c, d, **e):
    x = [a * 29 for a in range(b) if a % 2]
    if x and d:
        return {'k': x, 'v': (a, b, c)}
    while b > 0:
        b -= 1
    try:
        y = e['z'][0].w(a=1)
    except (KeyError, IndexError) as err:
        raise ValueError(f'bad {err!r}') from err
    return lambda q: q + 29

def f30(a, b=30, *c, d, **e):
    x = [a * 30 for a in range(b) if a % 2]
    if x and d:
        return {'k': x, 'v': (a, b, c)}
    while b > 0:
        b -= 1
    try:
        y = e['z'][0].w(a=1)
    except (KeyError, IndexError) as err:
        raise ValueError(f'bad {err!r}') from err
    return lambda q: q + 30

def f31(a, b=31, *c, d, **e):
    x = [a * 31 for a in range(b) if a % 2]
    if x and d:
        return {'k': x, 'v': (a, b, c)}
    while b > 0:
        b -= 1
    try:
        y = e['z'][0].w(a=1)
    except (KeyError, IndexError) as err:
        raise ValueError(f'bad {err!r}') from err
    return lambda q: q + 31

def f32(a, b=32, *c, d, **e):
    x = [a * 32 for a in range(b) if a % 2]
    if x and d:
        return {'k': x, 'v': (a, b, c)}
    while b > 0:
        b -= 1
    try:
        y = e['z'][0].w(a=1)
    except (KeyError, IndexError) as err:
        raise ValueError(f'bad {err!r}') from err
    return lambda q: q + 32

def f33(a, b=33, *c, d, **e):
    x = [a * 33 for a in range(b) if a % 2]
    if x and d:
        return {'k': x, 'v': (a, b, c)}
    while b > 0:
        b -= 1
    try:
        y = e['z'][0].w(a=1)
    except (KeyError, IndexError) as err:
        raise ValueError(f'bad {err!r}') from err
    return lambda q: q + 33

def f34(a, b=34, *c, d, **e):
    x = [a * 34 for a in range(b) if a % 2]
    if x and d:
        return {'k': x, 'v': (a, b, c)}
    while b > 0:
        b -= 1
    try:
        y = e['z'][0].w(a=1)
    except (KeyError, IndexError) as err:
        raise ValueError(f'bad {err!r}') from err
    return lambda q: q + 34

def f35(a, b=35, *c, d, **e):
    x = [a * 35 for a in range(b) if a % 2]
    if x and d:
        return {'k': x, 'v': (a, b, c)}
    while b > 0:
        b -= 1
    try:
        y = e['z'][0].w(a=1)
    except (KeyError, IndexError) as err:
        raise ValueError(f'bad {err!r}') from err
    return lambda q: q + 35

def f36(a, b=36, *c, d, **e):
    x = [a * 36 for a in range(b) if a % 2]
    if x and d:
        return {'k': x, 'v': (a, b, c)}
    while b > 0:
        b -= 1
    try:
        y = e['z'][0].w(a=1)
    except (KeyError, IndexError) as err:
        raise ValueError(f'bad {err!r}') from err
    return lambda q: q + 36

def f37(a, b=37, *c, d, **e):
    x = [a * 37 for a in range(b) if a % 2]
    if x and d:
        return {'k': x, 'v': (a, b, c)}
    while b > 0:
        b -= 1
    try:
        y = e['z'][0].w(a=1)
    except (KeyError, IndexError) as err:
        raise ValueError(f'bad {err!r}') from err
    return lambda q: q + 37

def f38(a, b=38, *c, d, **e):
    x = [a * 38 for a in range(b) if a % 2]
    if x and d:
        return {'k': x, 'v': (a, b, c)}
    while b > 0:
        b -= 1
    try:
        y = e['z'][0].w(a=1)
    except (KeyError, IndexError) as err:
        raise ValueError(f'bad {err!r}') from err
    return lambda q: q + 38

def f39(a, b=39, *c, d, **e):
    x = [a * 39 for a in range(b) if a % 2]
    if x and d:
        return {'k': x, 'v': (a, b, c)}
    while b > 0:
        b -= 1
    try:
        y = e['z'][0].w(a=1)
    except (KeyError, IndexError) as err:
        raise ValueError(f'bad {err!r}') from err
    return lambda q: q + 39

def f40(a, b=40, *c, d, **e):
    x = [a * 40 for a in range(b) if a % 2]
    if x and d:
        return {'k': x, 'v': (a, b, c)}
    while b > 0:
        b -= 1
    try:
        y = e['z'][0].w(a=1)
    except (KeyError, IndexError) as err:
        raise ValueError(f'bad {err!r}') from err
    return lambda q: q + 40

def f41(a, b=41, *c, d, **e):
    x = [a * 41 for a in range(b) if a % 2]
    if x and d:
        return {'k': x, 'v': (a, b, c)}
    while b > 0:
        b -= 1
    try:
        y = e['z'][0].w(a=1)
    except (KeyError, IndexError) as err:
        raise ValueError(f'bad {err!r}') from err
    return lambda q: q + 41

def f42(a, b=42, *c, d, **e):
    x = [a * 42 for a in range(b) if a % 2]
    if x and d:
        return {'k': x, 'v': (a, b, c)}
    while b > 0:
        b -= 1
    try:
        y = e['z'][0].w(a=1)
    except (KeyError, IndexError) as err:
        raise ValueError(f'bad {err!r}') from err
    return lambda q: q + 42

def f43(a, b=43, *c, d, **e):
    x = [a * 43 for a in range(b) if a % 2]
    if x and d:
        return {'k': x, 'v': (a, b, c)}
    while b > 0:
        b -= 1
    try:
        y = e['z'][0].w(a=1)
    except (KeyError, IndexError) as err:
        raise ValueError(f'bad {err!r}') from err
    return lambda q: q + 43

def f44(a, b=44, *c, d, **e):
    x = [a * 44 for a in range(b) if a % 2]
    if x and d:
        return {'k': x, 'v': (a, b, c)}
    while b > 0:
        b -= 1
    try:
        y = e['z'][0].w(a=1)
    except (KeyError, IndexError) as err:
        raise ValueError(f'bad {err!r}') from err
    return lambda q: q + 44

def f45(a, b=45, *c, d, **e):
    x = [a * 45 for a in range(b) if a % 2]
    if x and d:
        return {'k': x, 'v': (a, b, c)}
    while b > 0:
        b -= 1
    try:
        y = e['z'][0].w(a=1)
    except (KeyError, IndexError) as err:
        raise ValueError(f'bad {err!r}') from err
    return lambda q: q + 45

def f46(a, b=46, *c, d, **e):
    x = [a * 46 for a in range(b) if a % 2]
    if x and d:
        return {'k': x, 'v': (a, b, c)}
    while b > 0:
        b -= 1
    try:
        y = e['z'][0].w(a=1)
    except (KeyError, IndexError) as err:
        raise ValueError(f'bad {err!r}') from err
    return lambda q: q + 46

def f47(a, b=47, *c, d, **e):
    x = [a * 47 for a in range(b) if a % 2]
    if x and d:
        return {'k': x, 'v': (a, b, c)}
    while b > 0:
        b -= 1
    try:
        y = e['z'][0].w(a=1)
    except (KeyError, IndexError) as err:
        raise ValueError(f'bad {err!r}') from err
    return lambda q: q + 47

def f48(a, b=48, *c, d, **e):
    x = [a * 48 for a in range(b) if a % 2]
    if x and d:
        return {'k': x, 'v': (a, b, c)}
    while b > 0:
        b -= 1
    try:
        y = e['z'][0].w(a=1)
    except (KeyError, IndexError) as err:
        raise ValueError(f'bad {err!r}') from err
    return lambda q: q + 48

def f49(a, b=49, *c, d, **e):
    x = [a * 49 for a in range(b) if a % 2]
    if x and d:
        return {'k': x, 'v': (a, b, c)}
    while b > 0:
        b -= 1
    try:
        y = e['z'][0].w(a=1)
    except (KeyError, IndexError) as err:
        raise ValueError(f'bad {err!r}') from err
    return lambda q: q + 49

def f50(a, b=50, *c, d, **e):
    x = [a * 50 for a in range(b) if a % 2]
    if x and d:
        return {'k': x, 'v': (a, b, c)}
    while b > 0:
        b -= 1
    try:
        y = e['z'][0].w(a=1)
    except (KeyError, IndexError) as err:
        raise ValueError(f'bad {err!r}') from err
    return lambda q: q + 50

def f51(a, b=51, *c, d, **e):
    x = [a * 51 for a in range(b) if a % 2]
    if x and d:
        return {'k': x, 'v': (a, b, c)}
    while b > 0:
        b -= 1
    try:
        y = e['z'][0].w(a=1)
    except (KeyError, IndexError) as err:
        raise ValueError(f'bad {err!r}') from err
    return lambda q: q + 51

def f52(a, b=52, *c, d, **e):
    x = [a * 52 for a in range(b) if a % 2]
    if x and d:
        return {'k': x, 'v': (a, b, c)}
    while b > 0:
        b -= 1
    try:
        y = e['z'][0].w(a=1)
    except (KeyError, IndexError) as err:
        raise ValueError(f'bad {err!r}') from err
    return lambda q: q + 52

def f53(a, b=53, *c, d, **e):
    x = [a * 53 for a in range(b) if a % 2]
    if x and d:
        return {'k': x, 'v': (a, b, c)}
    while b > 0:
        b -= 1
    try:
        y = e['z'][0].w(a=1)
    except (KeyError, IndexError) as err:
        raise ValueError(f'bad {err!r}') from err
    return lambda q: q + 53

def f54(a, b=54, *c, d, **e):
    x = [a * 54 for a in range(b) if a % 2]
    if x and d:
        return {'k': x, 'v': (a, b, c)}
    while b > 0:
        b -= 1
    try:
        y = e['z'][0].w(a=1)
    except (KeyError, IndexError) as err:
        raise ValueError(f'bad {err!r}') from err
    return lambda q: q + 54

def f55(a, b=55, *c, d, **e):
    x = [a * 55 for a in range(b) if a % 2]
    if x and d:
        return {'k': x, 'v': (a, b, c)}
    while b > 0:
        b -= 1
    try:
        y = e['z'][0].w(a=1)
    except (KeyError, IndexError) as err:
        raise ValueError(f'bad {err!r}') from err
    return lambda q: q + 55

def f56(a, b=56, *c, d, **e):
    x = [a * 56 for a in range(b) if a % 2]
    if x and d:
        return {'k': x, 'v': (a, b, c)}
    while b > 0:
        b -= 1
    try:
        y = e['z'][0].w(a=1)
    except (KeyError, IndexError) as err:
        raise ValueError(f'bad {err!r}') from err
    return lambda q: q + 56

def f57(a, b=57, *c, d, **e):
    x = [a * 57 for a in range(b) if a % 2]
    if x and d:
        return {'k': x, 'v': (a, b, c)}
    while b > 0:
        b -= 1
    try:
        y = e['z'][0].w(a=1)
    except (KeyError, IndexError) as err:
        raise ValueError(f'bad {err!r}') from err
    return lambda q: q + 57

def f58(a, b=58, *c, d, **e):
    x = [a * 58 for a in range(b) if a % 2]
    if x and d:
        return {'k': x, 'v': (a, b, c)}
    while b > 0:
        b -= 1
    try:
        y = e['z'][0].w(a=1)
    except (KeyError, IndexError) as err:
        raise ValueError(f'bad {err!r}') from err
    return lambda q: q + 58

def f59(a, b=59, *c, d, **e):
    x = [a * 59 for a in range(b) if a % 2]
    if x and d:
        return {'k': x, 'v': (a, b, c)}
    while b > 0:
        b -= 1
    try:
        y = e['z'][0].w(a=1)
    except (KeyError, IndexError) as err:
        raise ValueError(f'bad {err!r}') from err
    return lambda q: q + 59

