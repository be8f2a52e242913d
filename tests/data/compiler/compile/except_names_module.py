try:
    x = 1
except ValueError as e:
    print(e)
except (KeyError, IndexError) as e:
    del e
