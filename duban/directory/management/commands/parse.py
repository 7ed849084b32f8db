import sys

from django.core.management.base import BaseCommand
from django.db import DatabaseError

from duban.parsing.cli import main


class Command(BaseCommand):
    help = "解析政策文件：duban parse FILE [--format json|md|xlsx] [--year YYYY] [-o OUT]"

    def run_from_argv(self, argv):
        # The parser owns its arguments and exit codes (2 for unreadable input); this command
        # only adds the directory, so that each department name gets its canonical unit name.
        sys.exit(main(argv[2:], directory=_directory_or_none()))


def _directory_or_none() -> dict[str, str] | None:
    from duban.directory.selectors import canonical_names

    try:
        return canonical_names() or None
    except DatabaseError:  # a fresh checkout with no database yet: parse without names
        return None
