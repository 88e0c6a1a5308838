"""The floor: read a cohort file, parse it with orjson and touch every NIP; check nothing.

No validator of the same file, started the same way, can take less time than this: it
is the interpreter's start, reading the bytes, parsing them and one pass over the
participants. It writes the number of NIPs it saw as JSON, so that the benchmark can
check it read every participant::

    python benchmarks/floor_orjson.py FILE.json -o REPORT.json
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

import ending
import orjson


def main(argv: Sequence[str] | None = None) -> int:
    """Parse the file, count its NIPs and their characters, write the counts."""
    parser = argparse.ArgumentParser(description="The orjson floor: parse a cohort file.")
    parser.add_argument("file")
    parser.add_argument("-o", "--output", required=True)
    args = parser.parse_args(argv)
    with open(args.file, "rb") as stream:
        document = orjson.loads(stream.read())
    ending.keep(document)
    nips = characters = 0
    for cohort in document["cohorts"]:
        for person in cohort["participants"]:
            characters += len(person["nip"])
            nips += 1
    with open(args.output, "wb") as stream:
        stream.write(orjson.dumps({"nips": nips, "characters": characters}))
    return 0


if __name__ == "__main__":
    ending.run(main)
