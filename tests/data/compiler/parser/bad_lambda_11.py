lambda *, /: 0
