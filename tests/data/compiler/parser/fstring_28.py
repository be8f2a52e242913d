x = F'{a}' fR'{b}' Rf'{c}'
