raise
raise E
raise E from e
raise E(1) from None
