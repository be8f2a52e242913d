# Uncaught user-defined exception with a custom message.
class ConfigError(Exception):
    pass

class MissingSetting(ConfigError):
    def __init__(self, name):
        ConfigError.__init__(self, "setting " + repr(name) + " is required")

def load(settings):
    for required in ("host", "port"):
        if required not in settings:
            raise MissingSetting(required)
    return settings

print(load({"host": "h", "port": 1}))
load({"host": "h"})
