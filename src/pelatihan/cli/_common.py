"""What the command's subcommands share: option types, output, the progress line.

The parser and :func:`pelatihan.cli.main` use this module before any subcommand runs,
so it imports nothing slow: an option type that needs the library imports it when it
converts a value.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import json
import math
import os
import re
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TextIO, TypeVar

from pelatihan.cli._facts import REGIME_IDS
from pelatihan.errors import ValidationError, printable
from pelatihan.training import Method

if TYPE_CHECKING:
    from pelatihan.grades import Track

T = TypeVar("T")


EXIT_OK = 0
"""Exit status when no finding is an error (and for commands that only print)."""
EXIT_ERRORS = 1
"""Exit status when some finding is an error."""
EXIT_UNUSABLE = 2
"""Exit status when the input or the command line cannot be used."""

PROGRESS_THRESHOLD = 2000
"""Inputs with more participants than this show a progress line on a terminal."""

_kept: list[object] | None = None
"""What :func:`keep_until_exit` holds: a list once :func:`pelatihan.cli.run` runs the command."""


def keep_until_exit(*objects: object) -> None:
    """Hold ``objects`` until the process ends, when the command ends it without freeing them.

    The ``pelatihan`` command (:func:`pelatihan.cli.run`) ends its process as soon
    as its output is written and flushed: a national export's participants, dates
    and findings, millions of objects, are not freed one by one first. Called from
    :func:`pelatihan.cli.main` in a program of your own, it holds nothing.
    """
    if _kept is not None:
        _kept.extend(objects)


def start_keeping() -> None:
    """From now on, :func:`keep_until_exit` holds what it is given (the command's entry point)."""
    global _kept  # noqa: PLW0603 - the one process-wide switch of the command's fast exit
    if _kept is None:
        _kept = []


_PROGRESS_INTERVAL = 0.1  # seconds between two rewrites of the progress line
_OPTIONAL_MODULES = frozenset({"openpyxl", "icalendar"})
_ISO_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")

_SEVERITY_LABEL = {
    "en": {"error": "error", "warning": "warning", "info": "info"},
    "id": {"error": "kesalahan", "warning": "peringatan", "info": "info"},
}
"""The word for each severity (:class:`pelatihan.findings.Severity`, by its value), by language."""
_WORDS = {
    "en": {
        "no-findings": "no findings",
        "cohort-findings": "Cohort findings",
        "file-findings": "File findings",
        "cohort-n": "cohort #{n}",
        "participant-n": "participant #{n}",
        "no-name": "(no name)",
        "row": "row {row}",
        "validating": "validating {done}/{total} participants",
        "basis": "basis",
        "checks": "checks",
        "no-basis": "none of its own (findings cite the figure they rest on, if any)",
    },
    "id": {
        "no-findings": "tidak ada temuan",
        "cohort-findings": "Temuan angkatan",
        "file-findings": "Temuan berkas",
        "cohort-n": "angkatan ke-{n}",
        "participant-n": "peserta ke-{n}",
        "no-name": "(tanpa nama)",
        "row": "baris {row}",
        "validating": "memvalidasi {done}/{total} peserta",
        "basis": "dasar",
        "checks": "memeriksa",
        "no-basis": "tidak ada (temuan merujuk angka yang menjadi dasarnya, bila ada)",
    },
}


class _Unusable(Exception):
    """The input or the command line cannot be used; the messages are printed, the status is 2.

    Each argument is one message, printed on a line of its own.
    """


# -- argument types -----------------------------------------------------------------------


def _date(text: str, lang: str = "en") -> datetime.date:
    match = _ISO_DATE.fullmatch(text.strip())
    if match is not None:
        try:
            return datetime.date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            pass
    raise argparse.ArgumentTypeError(
        f"{text!r} bukan tanggal dengan format YYYY-MM-DD"
        if lang == "id"
        else f"{text!r} is not a date written YYYY-MM-DD"
    )


def _boundary(text: str, lang: str = "en") -> tuple[str, datetime.date]:
    regime, sep, day = text.partition("=")
    if not sep:
        raise argparse.ArgumentTypeError(
            f"{text!r} tidak ditulis REGIME=YYYY-MM-DD"
            if lang == "id"
            else f"{text!r} is not written REGIME=YYYY-MM-DD"
        )
    regime = regime.strip()
    known = REGIME_IDS
    if regime not in known:
        raise argparse.ArgumentTypeError(
            f"{regime!r} bukan kode rezim; yang dikenal: {', '.join(known)}"
            if lang == "id"
            else f"{regime!r} is not a regime id; known: {', '.join(known)}"
        )
    return regime, _date(day, lang)


def _column(text: str, lang: str = "en") -> tuple[str, str]:
    """``FIELD=HEADER``: the header of the column a participant list gives ``FIELD`` in."""
    from pelatihan.io.tabular import HEADERS  # noqa: PLC0415 - only with --column

    field, sep, header = text.partition("=")
    field, header = field.strip(), header.strip()
    if not sep or not header:
        raise argparse.ArgumentTypeError(
            f"{text!r} tidak ditulis FIELD=JUDUL_KOLOM"
            if lang == "id"
            else f"{text!r} is not written FIELD=HEADER"
        )
    if field not in HEADERS:
        raise argparse.ArgumentTypeError(
            f"{field!r} bukan isian tabel peserta; yang dikenal: {', '.join(HEADERS)}"
            if lang == "id"
            else f"{field!r} is not a field of a participant list; known: {', '.join(HEADERS)}"
        )
    return field, header


def _track(text: str, lang: str = "en") -> Track:
    from pelatihan.grades import Track  # noqa: PLC0415 - only when --track is given

    try:
        return Track.parse(text)
    except ValidationError as error:
        raise argparse.ArgumentTypeError(error.message(lang)) from None


def _method(text: str, lang: str = "en") -> Method:
    try:
        return Method.parse(text)
    except ValidationError as error:
        raise argparse.ArgumentTypeError(error.message(lang)) from None


# -- output ---------------------------------------------------------------------------------


def _error(message: str) -> None:
    """Write ``pelatihan: message`` to standard error on one line, input escaped."""
    sys.stderr.write(f"pelatihan: {printable(message)}\n")


def _silence_stdout() -> None:
    # Python flushes stdout at exit; point it at the null device so that fails quietly.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # no file descriptor (an in-memory stream)
        pass


def _emit(text: str, output: str | None = None, lang: str = "en") -> None:
    if output is None:
        sys.stdout.write(text + "\n")
        sys.stdout.flush()
        return

    def write(stream: TextIO) -> None:
        stream.write(text)

    _emit_with(write, output, lang)


def _emit_with(
    write: Callable[[TextIO], None], output: str | None = None, lang: str = "en"
) -> None:
    """Like :func:`_emit`, for what ``write`` writes to a stream."""
    if output is None:
        write(sys.stdout)
        sys.stdout.write("\n")
        sys.stdout.flush()
        return

    def written(path: str) -> None:
        with open(path, "w", encoding="utf-8") as file:
            write(file)
            file.write("\n")

    _write_file(output, written, lang)


def _write_file(output: str, write: Callable[[str], None], lang: str = "en") -> None:
    """Write the file ``output`` completely or not at all, through ``write(path)``.

    ``write`` writes a temporary file in the same folder, which then replaces
    ``output`` in one step: a failure midway leaves ``output`` as it was. What is
    not a regular file (``/dev/stdout``, a named pipe) is written in place.
    """
    target = Path(output)
    try:
        if target.exists() and not target.is_file():
            write(output)
            return
        mode = target.stat().st_mode & 0o777 if target.exists() else 0o666 & ~_umask()
        handle, temporary = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=".part", dir=target.parent
        )
        os.close(handle)
        try:
            write(temporary)
            os.chmod(temporary, mode)
            os.replace(temporary, target)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise
    except OSError as error:
        reason = error.strerror or error
        raise _Unusable(
            f"{output}: tidak dapat ditulis: {reason}"
            if lang == "id"
            else f"{output}: cannot be written: {reason}"
        ) from error


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _json(data: object) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False)


class ProgressLine:
    """A progress line on a terminal: ``validating 12,000/250,000 participants``.

    It shows only when ``stream`` is a terminal and the input has more than
    ``threshold`` participants; otherwise it writes nothing. Each update
    rewrites the line after a carriage return; :meth:`clear` blanks it at the end.

    Args:
        stream: Where to write (standard error).
        total: The number of participants to validate.
        lang: ``"en"`` or ``"id"``.
        threshold: Show the line only above this many participants
            (:data:`PROGRESS_THRESHOLD` by default).

    Example:
        >>> import io
        >>> line = ProgressLine(io.StringIO(), 250_000)  # not a terminal
        >>> line.enabled
        False
    """

    def __init__(
        self,
        stream: TextIO,
        total: int,
        *,
        lang: str = "en",
        threshold: int | None = None,
    ) -> None:
        self.stream = stream
        self.total = total
        self.lang = lang
        limit = PROGRESS_THRESHOLD if threshold is None else threshold
        self.enabled = total > limit and _is_terminal(stream)
        self._width = 0
        self._shown_at = -math.inf

    def update(self, done: int) -> None:
        """Show that ``done`` participants of the total are validated.

        The line is rewritten at most ten times a second, and always for the last update.
        """
        if not self.enabled:
            return
        now = time.monotonic()
        if done < self.total and now - self._shown_at < _PROGRESS_INTERVAL:
            return
        self._shown_at = now
        total = max(self.total, done)  # the total is an estimate: a file may give more
        text = _WORDS[self.lang]["validating"].format(
            done=_thousands(done, self.lang), total=_thousands(total, self.lang)
        )
        self._width = max(self._width, len(text))
        self.stream.write("\r" + text.ljust(self._width))
        self.stream.flush()

    def clear(self) -> None:
        """Blank the line, if anything was shown."""
        if self.enabled and self._width:
            self.stream.write("\r" + " " * self._width + "\r")
            self.stream.flush()
            self._width = 0


def _is_terminal(stream: TextIO) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError, OSError):  # no isatty, or a closed stream
        return False


def _thousands(number: int, lang: str) -> str:
    text = f"{number:,}"
    return text.replace(",", ".") if lang == "id" else text


def whole_number(text: str, lang: str = "en") -> int:
    """An option's whole number, 0 or more (``--rooms``, ``--max-per-code``)."""
    try:
        number = int(text)
    except ValueError:
        number = -1
    if number < 0:
        raise argparse.ArgumentTypeError(
            f"bukan bilangan bulat 0 atau lebih: {text!r}"
            if lang == "id"
            else f"not a whole number 0 or more: {text!r}"
        )
    return number
