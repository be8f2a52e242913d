pass; pass
