x = 0oé
