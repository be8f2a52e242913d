def über(ä, ö=1): return ä + ö
