#!/usr/bin/env python
import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    # manage.py is the developer's tool: development unless the environment says otherwise.
    # The web server (config.wsgi, config.asgi) defaults to production, and so do the
    # settings; production sets DEBUG=false for its commands too (docs/deploy.md).
    os.environ.setdefault("DEBUG", "true")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
