try:
    import gc
except ImportError:
    gc = None
if gc is not None:
    from gc import collect
