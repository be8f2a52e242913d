class C:
    a: int
    b: str = 'x'
    def m(self) -> 'C': pass
