match = case = _
