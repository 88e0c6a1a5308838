"""Where a finding is: the keys and indexes down to a value, and the file and row it came from.

A :class:`Location` is a tuple of keys (``str``) and list indexes (``int``)
from the top of the input, with the input's file and, for tabular input, its
row. It becomes the text of a JSON path (``$.cohorts[0].participants[3].nip``)
only when it is shown. This module needs nothing but the standard library and
attrs, so that any part of the package can say where something is.

    >>> where = Location(("cohorts", 0, "participants", 3), file="angkatan.csv", row=5)
    >>> str(where.child("nip"))
    'angkatan.csv:5 $.cohorts[0].participants[3].nip'

The worksheets of a workbook with several tables are named by a :class:`Sheet`,
the text ``book.xlsx[Angkatan II]`` that knows its place in the workbook:
locations order worksheets as the workbook does, not by their names.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any

import attrs

__all__ = ["Key", "Location", "Sheet", "parse_path", "render"]

_PATH_PART = re.compile(r"\[(\d+)\]|\.([^.\[]+)|\[\"((?:[^\"\\]|\\.)*)\"\]")

Key = str | int
"""One step of a location: a record's key (``str``) or a list's index (``int``)."""


def parse_path(text: str) -> tuple[Key, ...]:
    """The keys of a JSON path's text (``"$.cohorts[0].nip"`` to ``("cohorts", 0, "nip")``).

    The inverse of :attr:`Location.path`; for paths read from a report.

    Example:
        >>> parse_path('$.cohorts[2]["odd key"]')
        ('cohorts', 2, 'odd key')
    """
    return tuple(
        int(index) if index else (name or json.loads(f'"{quoted}"'))
        for index, name, quoted in _PATH_PART.findall(text)
    )


_SHEET_LABEL = re.compile(r"(?s)(.+)\[([^\[\]]*)\]")
"""A file label naming a worksheet: ``book.xlsx[Sheet 2]`` (a worksheet's name has no brackets)."""


class Sheet(str):
    """The name findings give a worksheet: ``book.xlsx[Angkatan II]``, ordered by its place.

    It is that text (equal to it, hashed as it, shown as it), and also knows
    the workbook's name and the worksheet's place among the workbook's
    worksheets (from 0). Compared with ``<``, a sheet comes right after its
    workbook's own name and before the workbook's later worksheets, whatever
    their names: ``Angkatan II`` before ``Angkatan III``, though the text
    ``book.xlsx[Angkatan III]`` sorts first (``I`` before ``]``). Any other
    text is compared as the name of a file by itself, so locations of plain
    files (a CSV or JSON file) order exactly as text does.

    Args:
        book: The workbook's name as findings give it.
        name: The worksheet's name (Excel allows no ``[`` or ``]`` in it).
        position: The worksheet's place among the workbook's worksheets, from 0.

    Example:
        >>> two, three = Sheet("book.xlsx", "Angkatan II", 1), Sheet("book.xlsx", "Angkatan III", 2)
        >>> two == "book.xlsx[Angkatan II]", str(three) < str(two), two < three
        (True, True, True)
        >>> sorted([three, "book.xlsx", two, "a.csv"])
        ['a.csv', 'book.xlsx', 'book.xlsx[Angkatan II]', 'book.xlsx[Angkatan III]']
        >>> Sheet.read("book.xlsx[Angkatan II]", 1) == two, Sheet.read("a.csv", 0)
        (True, 'a.csv')
    """

    book: str
    name: str
    position: int

    def __new__(cls, book: str, name: str, position: int) -> Sheet:
        """Make the label of the worksheet ``name``, at ``position``, of the workbook ``book``."""
        sheet = super().__new__(cls, f"{book}[{name}]")
        sheet.book, sheet.name, sheet.position = book, name, position
        return sheet

    def __getnewargs__(self) -> tuple[str, str, int]:  # type: ignore[override]
        return self.book, self.name, self.position

    @classmethod
    def read(cls, label: str, position: int) -> str:
        """The sheet a label such as ``book.xlsx[Angkatan II]`` names, at ``position``.

        A label that names no worksheet is given back as it is.
        """
        match = _SHEET_LABEL.fullmatch(label)
        if match is None:
            return label
        return cls(match[1], match[2], position)

    def __lt__(self, other: str) -> bool:
        if not isinstance(other, str):
            return NotImplemented
        return _place(self) < _place(other)

    def __le__(self, other: str) -> bool:
        if not isinstance(other, str):
            return NotImplemented
        return _place(self) <= _place(other)

    def __gt__(self, other: str) -> bool:
        if not isinstance(other, str):
            return NotImplemented
        return _place(self) > _place(other)

    def __ge__(self, other: str) -> bool:
        if not isinstance(other, str):
            return NotImplemented
        return _place(self) >= _place(other)


def _place(file: str) -> tuple[str, int]:
    """Where a file's name sorts: a worksheet after its workbook by its place, else by text."""
    if type(file) is Sheet:
        return file.book, file.position
    return str(file), -1


def _keys(value: tuple[Key, ...] | str) -> tuple[Key, ...]:
    if type(value) is tuple:
        return value
    if isinstance(value, str):
        return parse_path(value)
    return tuple(value)


def render(keys: Iterable[Key]) -> str:
    """The JSON path text of some keys (``("cohorts", 0)`` to ``"$.cohorts[0]"``).

    A key that is not an identifier is quoted (``$["odd key"]``), so that
    :func:`parse_path` reads every rendered path back to its keys.
    """
    parts = ["$"]
    for key in keys:
        if isinstance(key, int):
            parts.append(f"[{key}]")
        elif key.isidentifier():
            parts.append(f".{key}")
        else:  # escapes quotes and control characters
            parts.append(f"[{json.dumps(key, ensure_ascii=False)}]")
    return "".join(parts)


@attrs.frozen(order=False)
class Location:
    """Where a finding is: the keys and indexes down to the value, and for a file its name and row.

    Args:
        keys: The keys (``str``) and list indexes (``int``) from the top of the
            input to the value; ``()`` is the whole input. The text of a JSON
            path is accepted too, and read into keys.
        file: The input file, when the input came from one.
        row: The 1-based row in the file (the header is row 1), for tabular input.
        last_row: For a finding about a run of consecutive rows (blank rows, say),
            the run's last row; ``row`` is its first. ``None`` for one row.

    The keys become text only when shown (:attr:`path`).

    Example:
        >>> where = Location(("cohorts", 0, "participants", 3, "nip"), file="angkatan.csv", row=5)
        >>> str(where)
        'angkatan.csv:5 $.cohorts[0].participants[3].nip'
        >>> Location().child("phases").child(2).child("start").path
        '$.phases[2].start'
        >>> Location("$.cohorts[0].nip").keys
        ('cohorts', 0, 'nip')
        >>> str(Location(file="angkatan.csv", row=12, last_row=40))
        'angkatan.csv:12-40 $'
    """

    keys: tuple[Key, ...] = attrs.field(default=(), converter=_keys)
    file: str | None = None
    row: int | None = None
    last_row: int | None = None

    @property
    def rows(self) -> int:
        """The number of rows the location covers: 0 without a row, else 1 or a run's length."""
        if self.row is None:
            return 0
        if self.last_row is None:
            return 1
        return self.last_row - self.row + 1

    def child(self, key: Key) -> Location:
        """Return the location of an item (an ``int``) or a field (a ``str``) below this one."""
        return Location((*self.keys, key), self.file, self.row, self.last_row)

    def below(self, *keys: Key) -> Location:
        """Return the location of ``keys`` below this one.

        Example:
            >>> Location(("cohorts", 1)).below("results", 0, "nip").path
            '$.cohorts[1].results[0].nip'
        """
        return Location((*self.keys, *keys), self.file, self.row, self.last_row)

    @property
    def path(self) -> str:
        """The keys as a JSON path (``$`` is the whole input).

        Example:
            >>> Location(("odd key", 1)).path
            '$["odd key"][1]'
        """
        return render(self.keys)

    def sort_key(self) -> tuple[Any, ...]:
        """Order by file, row, then keys with indexes as numbers (``[2]`` before ``[10]``).

        The worksheets of a workbook (a :class:`Sheet`) come in the workbook's order.
        """
        return (
            self.file or "",
            self.row or 0,
            tuple([(0, key, "") if type(key) is int else (1, 0, key) for key in self.keys]),
        )

    def __str__(self) -> str:
        rows = str(self.row) if self.last_row is None else f"{self.row}-{self.last_row}"
        if self.file is None:
            if self.row is None:
                return self.path
            return f"{'row' if self.last_row is None else 'rows'} {rows} {self.path}"
        where = self.file if self.row is None else f"{self.file}:{rows}"
        return f"{where} {self.path}"
