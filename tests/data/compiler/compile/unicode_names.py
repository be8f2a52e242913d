café = 1
naïve = café + 1
def résumé(élan):
    return élan.ünïcode
s = 'héllo wörld'
t = f'{café}é'
