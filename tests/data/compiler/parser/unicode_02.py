class Κλάση: pass
