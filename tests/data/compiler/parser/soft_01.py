case = 2
_ = 3
