# Uncaught KeyError from a dict lookup with a tuple key.
prices = {("apple", "red"): 3}
print(prices[("apple", "red")])
print(prices[("apple", "green")])
