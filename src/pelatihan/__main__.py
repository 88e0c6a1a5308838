"""Run the ``pelatihan`` command as ``python -m pelatihan``."""

from pelatihan.cli import run

if __name__ == "__main__":
    run()
