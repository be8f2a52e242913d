def total(xs: list[int]) -> dict[str, int]:
    return sum(xs)


print(total([1, 2]))


def broken(name: str[int]) -> None:
    pass
