class A:
    def __init__(self):
        self.x = 1

    def __del__(self):
        pass
