"""Module doc."""

def f():
    """Function doc."""
    return 1

def g():
    """Only a doc."""

def h():
    x = 1
    "not a doc"
