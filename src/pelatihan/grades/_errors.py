"""The exceptions of a grade, an education level or a Latsar track that is not valid."""

from __future__ import annotations

from typing import ClassVar

from pelatihan.errors import ValidationError


class InvalidGrade(ValidationError):
    """A grade that does not exist or cannot be read.

    Example:
        >>> from pelatihan.grades import InvalidGrade
        >>> try:
        ...     Grade.parse("V/a")
        ... except InvalidGrade as error:
        ...     print(error.code, error.component, error.value)
        grade.format golongan V/a
    """

    code: ClassVar[str] = "grade.format"
    """Stable machine-readable code of this kind of error."""


class InconsistentGrade(InvalidGrade):
    """A pangkat and a golongan/ruang written together that name different grades.

    Example:
        >>> from pelatihan.grades import InconsistentGrade
        >>> try:
        ...     Grade.parse("Pembina, III/d")
        ... except InconsistentGrade as error:
        ...     print(error.code)
        grade.inconsistent
    """

    code: ClassVar[str] = "grade.inconsistent"
    """Stable machine-readable code of this kind of error."""


class UnknownEducation(ValidationError):
    """An education level that :meth:`Education.parse` does not know.

    Example:
        >>> from pelatihan.grades import UnknownEducation
        >>> try:
        ...     Education.parse("S4")
        ... except UnknownEducation as error:
        ...     print(error.code, error.value)
        education.unknown S4
    """

    code: ClassVar[str] = "education.unknown"
    """Stable machine-readable code of this kind of error."""


class InvalidTrack(ValidationError):
    """A Latsar track that does not exist or cannot be read.

    Example:
        >>> from pelatihan.grades import InvalidTrack
        >>> try:
        ...     Track.parse("golongan IV")
        ... except InvalidTrack as error:
        ...     print(error.code)
        track.format
    """

    code: ClassVar[str] = "track.format"
    """Stable machine-readable code of this kind of error."""


class NoTrack(ValidationError):
    """A grade whose CPNS have no Latsar track (golongan IV).

    Example:
        >>> from pelatihan.grades import NoTrack
        >>> try:
        ...     Track.for_grade("Pembina")
        ... except NoTrack as error:
        ...     print(error.code, error.component)
        track.none golongan
    """

    code: ClassVar[str] = "track.none"
    """Stable machine-readable code of this kind of error."""
