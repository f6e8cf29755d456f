"""The live test sites' settings: the site's own, with a quick password hasher first.

Django hashes every password it checks, even for an unknown user (to answer as slowly as for a
known one): with its default hasher, each login, and each of the fuzzer's token requests, costs
the server about a second of CPU. The unit tests use the same quick hasher; the default ones
stay listed, so any password hashed with them still verifies.
"""

from django.conf import global_settings

from config.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher",
                    *global_settings.PASSWORD_HASHERS]
