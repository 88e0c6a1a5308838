"""Golongan, ruang and pangkat: the table of the 17 grades, :class:`Grade`, and reading a grade."""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

import attrs

from pelatihan._memo import remember
from pelatihan.errors import quote
from pelatihan.grades._errors import InconsistentGrade, InvalidGrade

_PANGKAT: Final[Mapping[tuple[int, str], str]] = MappingProxyType(
    {
        (1, "a"): "Juru Muda",
        (1, "b"): "Juru Muda Tingkat I",
        (1, "c"): "Juru",
        (1, "d"): "Juru Tingkat I",
        (2, "a"): "Pengatur Muda",
        (2, "b"): "Pengatur Muda Tingkat I",
        (2, "c"): "Pengatur",
        (2, "d"): "Pengatur Tingkat I",
        (3, "a"): "Penata Muda",
        (3, "b"): "Penata Muda Tingkat I",
        (3, "c"): "Penata",
        (3, "d"): "Penata Tingkat I",
        (4, "a"): "Pembina",
        (4, "b"): "Pembina Tingkat I",
        (4, "c"): "Pembina Utama Muda",
        (4, "d"): "Pembina Utama Madya",
        (4, "e"): "Pembina Utama",
    }
)
"""The pangkat of each (golongan, ruang), in order (SEC)."""

_ROMAN: Final = ("I", "II", "III", "IV")
_RUANG: Final[Mapping[int, tuple[str, ...]]] = MappingProxyType(
    {1: ("a", "b", "c", "d"), 2: ("a", "b", "c", "d"), 3: ("a", "b", "c", "d"), 4: tuple("abcde")}
)

_MAX_INPUT: Final = 100
"""Longer inputs are rejected before any pattern is tried."""


_EXPECTED_GRADE_EN: Final = "expected a grade like 'III/a' or a rank like 'Penata Muda'"
_EXPECTED_GRADE_ID: Final = (
    "seharusnya golongan/ruang seperti 'III/a' atau pangkat seperti 'Penata Muda'"
)


def _check_grade(golongan: object, ruang: object, text: str | None = None) -> tuple[int, str]:
    """Return ``(golongan, ruang)`` if they name a grade; raise :class:`InvalidGrade` if not.

    The error's value is ``text`` when the grade was read from text, else the wrong component.
    """
    if isinstance(golongan, bool) or not isinstance(golongan, int) or not 1 <= golongan <= 4:
        raise InvalidGrade(
            f"golongan must be an int from 1 to 4 (I to IV), got {quote(golongan)}",
            f"golongan harus bilangan bulat 1 sampai 4 (I sampai IV), bukan {quote(golongan)}",
            component="golongan",
            value=golongan if text is None else text,
        )
    allowed = _RUANG[golongan]
    if not isinstance(ruang, str) or ruang not in allowed:
        roman = _ROMAN[golongan - 1]
        raise InvalidGrade(
            f"ruang {quote(ruang)} does not exist in golongan {roman}: "
            f"expected 'a' to '{allowed[-1]}'",
            f"ruang {quote(ruang)} tidak ada pada golongan {roman}: "
            f"seharusnya 'a' sampai '{allowed[-1]}'",
            component="ruang",
            value=ruang if text is None else text,
        )
    return golongan, ruang


@attrs.frozen
class Grade:
    """A civil-service grade: golongan I to IV and ruang ``a`` to ``d`` (``e`` in IV).

    Grades are ordered by seniority, I/a lowest and IV/e highest, and are
    checked on construction; :meth:`parse` reads them from text.

    Args:
        golongan: The group, 1 to 4.
        ruang: The step within the group, a lower-case letter.

    Raises:
        InvalidGrade: If no such grade exists.

    Example:
        >>> grade = Grade(3, "a")
        >>> str(grade), grade.roman, grade.pangkat
        ('III/a', 'III', 'Penata Muda')
        >>> Grade(3, "a") < Grade(3, "b") < Grade(4, "a")
        True
        >>> Grade(2, "e")
        Traceback (most recent call last):
        ...
        pelatihan.grades.InvalidGrade: ruang 'e' does not exist in golongan II: expected 'a' to 'd'
    """

    golongan: int
    ruang: str

    # Ordered by (golongan, ruang), written out: attrs' generated comparisons build tuples
    # through generators, and a national cohort compares millions of grades.
    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Grade):
            return NotImplemented
        return (self.golongan, self.ruang) < (other.golongan, other.ruang)

    def __le__(self, other: object) -> bool:
        if not isinstance(other, Grade):
            return NotImplemented
        return (self.golongan, self.ruang) <= (other.golongan, other.ruang)

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, Grade):
            return NotImplemented
        return (self.golongan, self.ruang) > (other.golongan, other.ruang)

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, Grade):
            return NotImplemented
        return (self.golongan, self.ruang) >= (other.golongan, other.ruang)

    def __attrs_post_init__(self) -> None:
        _check_grade(self.golongan, self.ruang)

    def __str__(self) -> str:
        return f"{self.roman}/{self.ruang}"

    @property
    def roman(self) -> str:
        """The golongan in Roman numerals.

        Example:
            >>> Grade(4, "e").roman
            'IV'
        """
        return _ROMAN[self.golongan - 1]

    @property
    def pangkat(self) -> str:
        """The rank name of this grade.

        Example:
            >>> Grade(4, "d").pangkat
            'Pembina Utama Madya'
        """
        return _PANGKAT[(self.golongan, self.ruang)]

    @classmethod
    def all(cls) -> tuple[Grade, ...]:
        """Return the 17 grades, lowest first.

        Example:
            >>> grades = Grade.all()
            >>> len(grades), str(grades[0]), str(grades[-1])
            (17, 'I/a', 'IV/e')
        """
        return _ALL_GRADES

    @classmethod
    def parse(cls, text: str) -> Grade:
        """Read a grade written as a golongan/ruang, a pangkat, or both.

        Accepted: ``III/a``, ``III/A``, ``III a``, ``IIIa``, ``III-a``,
        ``III.a``, ``3a``, ``3/a``, ``3 A``, ``Gol. III/a``; a pangkat alone
        (``Penata Muda``, ``Penata Muda Tk. I``, ``PENATA MUDA TINGKAT 1``); a
        pangkat with its golongan/ruang (``Penata Muda (III/a)``, ``Penata Muda,
        III/a``, ``III/a - Penata Muda``). Case and spacing do not matter.

        Args:
            text: The text to read, at most 100 characters.

        Returns:
            The grade.

        Raises:
            InvalidGrade: If ``text`` is not a grade (or not a ``str``).
            InconsistentGrade: If it gives a pangkat and a golongan/ruang that
                disagree.

        Example:
            >>> str(Grade.parse("Penata Muda, III/a")), str(Grade.parse("pembina utama madya"))
            ('III/a', 'IV/d')
            >>> Grade.parse("III/z")  # doctest: +NORMALIZE_WHITESPACE
            Traceback (most recent call last):
            ...
            pelatihan.grades.InvalidGrade: ruang 'z' does not exist in golongan III:
            expected 'a' to 'd'
        """
        return _parse_grade_cached(text)


_ALL_GRADES: Final = tuple(Grade(golongan, ruang) for golongan, ruang in _PANGKAT)

_ROMAN_VALUE: Final[Mapping[str, int]] = MappingProxyType(
    {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
)

_TINGKAT_I: Final = r"(?:tingkat|tkt|tk)(?:\. ?| )(?:i|1)"
"""``Tingkat I`` and its abbreviations: ``Tk. I``, ``Tk I``, ``Tk.I``, ``Tingkat 1``."""

_TINGKAT_I_END: Final = re.compile(_TINGKAT_I + "$")


def _name_pattern(pangkat: str) -> str:
    base = pangkat.lower()
    if base.endswith(" tingkat i"):
        return re.escape(base.removesuffix(" tingkat i")) + " " + _TINGKAT_I
    return re.escape(base)


_NAME: Final = "|".join(_name_pattern(name) for name in sorted(_PANGKAT.values(), key=len)[::-1])
_PREFIX: Final = r"(?:(?:golongan|gol\.?) ?)?"
_DASHES: Final = r"\-\u2013\u2014"
_CODE: Final = _PREFIX + rf"(?P<gol>iv|iii|ii|i|[1-4])(?: ?[/.{_DASHES}] ?| )?(?P<ruang>[a-e])"
_JOIN: Final = rf"(?P<open> ?\( ?| ?[,;:/|{_DASHES}] ?| )"
_CLOSE: Final = r"(?P<close> ?\))?"

_CODE_RE: Final = re.compile(_CODE)
_NAME_RE: Final = re.compile(f"(?P<name>{_NAME})")
_NAME_CODE_RE: Final = re.compile(f"(?P<name>{_NAME}){_JOIN}{_CODE}{_CLOSE}")
_CODE_NAME_RE: Final = re.compile(f"{_CODE}{_JOIN}(?P<name>{_NAME}){_CLOSE}")
_LOOSE_CODE_RE: Final = re.compile(
    _PREFIX + rf"(?P<gol>[ivx]+|[0-9]+)(?: ?[/.{_DASHES}] ?| )?(?P<ruang>[a-hj-uwyz])"
)
_GOLONGAN_ONLY_RE: Final = re.compile(_PREFIX + r"(?P<gol>iv|iii|ii|i|[1-4])")

_BY_NAME: Final[Mapping[str, Grade]] = MappingProxyType(
    {grade.pangkat.lower(): grade for grade in _ALL_GRADES}
)

_INVISIBLE: Final = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))


def _normalize(text: str) -> str:
    """Lower-case ``text``, drop invisible characters and collapse every run of spaces."""
    return " ".join(text.translate(_INVISIBLE).split()).lower()


def _invalid_grade(text: object, problem_en: str, problem_id: str) -> InvalidGrade:
    return InvalidGrade(
        f"{problem_en}: {_EXPECTED_GRADE_EN}", f"{problem_id}: {_EXPECTED_GRADE_ID}", value=text
    )


_PARSED: dict[str, Grade] = {}
"""Grade texts already read: exports repeat a few forms (see :mod:`pelatihan._memo`)."""


def _parse_grade_cached(text: object) -> Grade:
    """:func:`_parse_grade`, remembering the texts already read."""
    if isinstance(text, str):
        found = _PARSED.get(text)
        return found if found is not None else remember(_PARSED, text, _parse_grade(text))
    return _parse_grade(text)


def _parse_grade(text: object) -> Grade:
    if not isinstance(text, str):
        kind = type(text).__name__
        raise _invalid_grade(
            text, f"a grade must be a str, not {kind}", f"golongan harus berupa str, bukan {kind}"
        )
    if len(text) > _MAX_INPUT:
        raise _invalid_grade(
            text,
            f"grade {quote(text)} is too long ({len(text)} characters, at most {_MAX_INPUT})",
            f"golongan {quote(text)} terlalu panjang ({len(text)} karakter, "
            f"paling banyak {_MAX_INPUT})",
        )
    clean = _normalize(text)
    if not clean:
        raise _invalid_grade(text, "the grade is empty", "golongan/ruang kosong")
    match = _CODE_RE.fullmatch(clean)
    if match is not None:
        return _from_code(match, text)
    match = _NAME_RE.fullmatch(clean)
    if match is not None:
        return _from_name(match["name"])
    match = _NAME_CODE_RE.fullmatch(clean) or _CODE_NAME_RE.fullmatch(clean)
    if match is not None and ("(" in match["open"]) == (match["close"] is not None):
        by_name, by_code = _from_name(match["name"]), _from_code(match, text)
        if by_name != by_code:
            raise InconsistentGrade(
                f"inconsistent grade {quote(text)}: the rank {by_name.pangkat} is {by_name}, "
                f"but the golongan/ruang given is {by_code} ({by_code.pangkat})",
                f"pangkat dan golongan/ruang tidak sesuai pada {quote(text)}: pangkat "
                f"{by_name.pangkat} adalah {by_name}, tetapi golongan/ruang yang tertulis "
                f"{by_code} ({by_code.pangkat})",
                value=text,
            )
        return by_code
    raise _diagnose(clean, text)


def _from_code(match: re.Match[str], text: str) -> Grade:
    golongan, ruang = _check_grade(_ROMAN_VALUE[match["gol"]], match["ruang"], text)
    return Grade(golongan, ruang)


def _from_name(name: str) -> Grade:
    return _BY_NAME[_TINGKAT_I_END.sub("tingkat i", name)]


def _diagnose(clean: str, text: str) -> InvalidGrade:
    """Explain why ``text`` (normalized as ``clean``) is not a grade, as precisely as possible."""
    loose = _LOOSE_CODE_RE.fullmatch(clean)
    if loose is not None:
        golongan = _ROMAN_VALUE.get(loose["gol"])
        if golongan is None:
            gol = loose["gol"].upper()
            return InvalidGrade(
                f"golongan {quote(gol)} does not exist: expected I to IV, as in 'III/a'",
                f"golongan {quote(gol)} tidak ada: seharusnya I sampai IV, seperti 'III/a'",
                component="golongan",
                value=text,
            )
        try:
            _check_grade(golongan, loose["ruang"], text)
        except InvalidGrade as error:
            return error
    only = _GOLONGAN_ONLY_RE.fullmatch(clean)
    if only is not None:
        roman = _ROMAN[_ROMAN_VALUE[only["gol"]] - 1]
        return InvalidGrade(
            f"grade {quote(text)} has no ruang: expected a letter after the golongan, "
            f"as in '{roman}/a'",
            f"golongan {quote(text)} tanpa ruang: seharusnya ada huruf setelah golongan, "
            f"seperti '{roman}/a'",
            component="ruang",
            value=text,
        )
    return _invalid_grade(
        text,
        f"unknown grade {quote(text)}",
        f"golongan/ruang {quote(text)} tidak dikenali",
    )


def _grade(value: object) -> Grade:
    if isinstance(value, Grade):
        return value
    return _parse_grade(value)
