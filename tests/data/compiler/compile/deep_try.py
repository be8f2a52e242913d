def f():
    try:
        try:
            try:
                try:
                    try:
                        x = 1
                    except A:
                        pass
                except B:
                    pass
            finally:
                pass
        except C as e:
            raise
    finally:
        return 0
