self.x: int
