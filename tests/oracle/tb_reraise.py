# A bare raise re-raises the exception with its original traceback.
def risky(n):
    return [0, 1][n]

def wrapper(n):
    try:
        return risky(n)
    except IndexError:
        print("cleanup before re-raise")
        raise

print(wrapper(1))
wrapper(5)
