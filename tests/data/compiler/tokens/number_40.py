x = 0bé
