x = rf'\d{a}\n'
