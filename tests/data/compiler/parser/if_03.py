if True:
    if False:
        pass
    else:
        pass
