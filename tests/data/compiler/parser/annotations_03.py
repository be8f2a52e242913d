self.x: int
self.y: int = 0
