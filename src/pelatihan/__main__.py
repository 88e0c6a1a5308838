"""Run the ``pelatihan`` command as ``python -m pelatihan``."""

import sys

from pelatihan.cli import main

if __name__ == "__main__":
    sys.exit(main())
