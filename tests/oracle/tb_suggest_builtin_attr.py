# "Did you mean" for an attribute of a built-in object: from dir(list).
nums = [1, 2]
nums.apend(3)
