x = a@b
