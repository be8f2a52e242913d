# gc.get_referrers(): the tracked containers that refer to an object (membership and counts, not whole lists).
import gc

class Node:
    pass

gc.collect()
target = [0]
holder_list = [target]
holder_dict = {'t': target}
holder_tuple = (target, 1)
n = Node()
n.t = target
refs = gc.get_referrers(target)
print(any([r is holder_list for r in refs]))
print(any([r is holder_dict for r in refs]))
print(any([r is holder_tuple for r in refs]))
print(any([r is n for r in refs]))
print(len([r for r in refs if r is holder_list or r is holder_dict or r is holder_tuple or r is n]))
del holder_list[0]
refs = gc.get_referrers(target)
print(any([r is holder_list for r in refs]))

lonely = [1]
mine = gc.get_referrers(lonely)
print("only the module dict:", len(mine), type(mine[0]).__name__ if mine else None)
print(mine[0] is globals())

k = (1, 2)
keeper = [k]
gc.collect()
print("untracked tuple still found by its tracked container:", any([r is keeper for r in gc.get_referrers(k)]))
print("int referrers include the list:", any([r is keeper for r in gc.get_referrers(keeper[0])]))
