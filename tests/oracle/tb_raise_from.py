# raise ... from ...: the direct cause is printed first.
class StorageError(Exception):
    pass

def read_record(records, i):
    try:
        return records[i]
    except IndexError as exc:
        raise StorageError("no record " + str(i)) from exc

records = ["a", "b"]
print(read_record(records, 1))
print(read_record(records, 7))
