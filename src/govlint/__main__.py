"""``python -m govlint``: the command line."""

import sys

from govlint.cli import main

if __name__ == "__main__":
    sys.exit(main())
