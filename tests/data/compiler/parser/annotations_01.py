y: list
