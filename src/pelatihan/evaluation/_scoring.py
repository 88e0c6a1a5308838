"""Scores and the final score: scores read, components weighed, the weights checked.

A score is a number from 0 to 100 (``InvalidScore`` otherwise); the scored components of
a method's evaluation come from the rulebook, and the final score is their weighted sum,
which needs every weight established and every score given (``IncompleteScores``). The
public names are offered, and documented, by :mod:`pelatihan.evaluation`.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from pelatihan.errors import ValidationError, quote
from pelatihan.rulebooks import Component, OpenFigureError, Rulebook
from pelatihan.training import Method

_HUNDRED = Decimal(100)


class InvalidScore(ValidationError):
    """A score that is not a number from 0 to 100."""

    code = "results.score"


class IncompleteScores(ValidationError):
    """Scores that lack a component the method's evaluation needs (``value``: their keys)."""

    code = "results.incomplete"


def to_score(value: object) -> Decimal:
    """Read a score: a number (or numeric text, ``,`` or ``.`` as decimal mark) from 0 to 100.

    Floats are read through their shortest text, so ``70.01`` stays ``70.01``.

    Raises:
        InvalidScore: If the value is not such a number.

    Example:
        >>> to_score("70,01"), to_score(85), to_score(70.01)
        (Decimal('70.01'), Decimal('85'), Decimal('70.01'))
    """
    if isinstance(value, Decimal):
        number = value
    elif isinstance(value, bool) or not isinstance(value, (int, float, str)):
        number = None
    else:
        text = str(value).strip().replace(",", ".")
        try:
            number = Decimal(text)
        except InvalidOperation:
            number = None
    if number is None or not number.is_finite() or not 0 <= number <= _HUNDRED:
        raise InvalidScore(
            f"a score must be a number from 0 to 100, got {quote(value)}",
            f"nilai harus berupa angka 0 sampai 100, bukan {quote(value)}",
            value=value if isinstance(value, (int, str)) else str(value),
        )
    return number


def _scores(value: Mapping[str, object]) -> dict[str, Decimal]:
    return {str(key): to_score(score) for key, score in value.items()}


def components(method: Method | str, rulebook: Rulebook) -> dict[str, Component]:
    """The scored components of a method's evaluation, by key, with their weights in percent.

    Example:
        >>> from pelatihan import rulebooks
        >>> parts = components("klasikal", rulebooks.get("perlan-1-2021+10-2021"))
        >>> {key: part.weight.value for key, part in parts.items()}
        {'type_a': 10, 'type_b': 10, 'attitude': None, 'actualisation': None}
        >>> list(components("blended", rulebooks.get("perlan-1-2021+10-2021+kep-2024")))
        ['mooc_test', 'elearning_test', 'actualisation_plan', 'actualisation_results', \
'attitude', 'technical_competence']
    """
    return {part.key: part for part in rulebook.evaluation.of(method)}


def weight_path(key: str) -> str:
    """The figure path of a component's weight, for :meth:`~pelatihan.Rulebook.variant`.

    Example:
        >>> weight_path("attitude")
        'evaluation.components.attitude.weight'
    """
    return f"evaluation.components.{key}.weight"


def open_weights(method: Method | str, rulebook: Rulebook) -> list[str]:
    """The figure paths of the weights a method's evaluation needs and the rulebook lacks.

    Example:
        >>> from pelatihan import rulebooks
        >>> open_weights("blended", rulebooks.get("perlan-1-2021"))
        ['evaluation.components.attitude.weight', 'evaluation.components.actualisation.weight']
        >>> open_weights("blended", rulebooks.get("perlan-1-2021+10-2021+kep-2024"))
        []
    """
    return [
        weight_path(key)
        for key, part in components(method, rulebook).items()
        if part.weight.value is None
    ]


def missing_scores(
    scores: Mapping[str, object], method: Method | str, rulebook: Rulebook
) -> list[str]:
    """The keys of the components a method's evaluation has and ``scores`` lacks.

    Example:
        >>> from pelatihan import rulebooks
        >>> book = rulebooks.get("perlan-1-2021+10-2021+kep-2024")
        >>> missing_scores({"mooc_test": 80, "elearning_test": 75, "attitude": 80},
        ...                "blended", book)
        ['actualisation_plan', 'actualisation_results', 'technical_competence']
    """
    return [key for key in components(method, rulebook) if key not in scores]


def _named(keys: list[str], parts: Mapping[str, Component]) -> tuple[str, str]:
    en = ", ".join(f"{key} ({parts[key].name_en})" if key in parts else key for key in keys)
    id_ = ", ".join(f"{key} ({parts[key].name_id})" if key in parts else key for key in keys)
    return en, id_


def _places(rulebook: Rulebook) -> Decimal:
    return Decimal(1).scaleb(-rulebook.evaluation.score_places.value)


def final_score(scores: Mapping[str, object], method: Method | str, rulebook: Rulebook) -> Decimal:
    """The final score: the weighted sum of the method's components, rounded half up.

    Raises:
        OpenFigureError: If the method's evaluation has no components, a weight
            it needs is not established (the message names the figures to
            supply in a rulebook variant), or the weights do not add up to 100.
        IncompleteScores: If a component the method needs has no score.
        InvalidScore: If a score is not a number from 0 to 100.
    """
    method = Method.parse(method)
    parts = components(method, rulebook)
    if not parts:
        raise OpenFigureError(
            f"{rulebook.title} establishes no evaluation components for {method.value} "
            "delivery, so no final score can be computed; supply them in a rulebook variant",
            f"{rulebook.title} tidak menetapkan komponen evaluasi untuk metode {method.value}, "
            "sehingga nilai akhir tidak dapat dihitung; isi dalam varian buku aturan",
            value=method.value,
        )
    open_paths = open_weights(method, rulebook)
    if open_paths:
        listed = ", ".join(repr(path) for path in open_paths)
        raise OpenFigureError(
            f"{rulebook.title} does not establish the weights {listed}, so no final score can be "
            "computed; supply them in a rulebook variant (Rulebook.variant)",
            f"{rulebook.title} belum menetapkan bobot {listed}, sehingga nilai akhir tidak dapat "
            "dihitung; isi bobot tersebut dalam varian buku aturan (Rulebook.variant)",
            value=open_paths,
        )
    total_weight = sum(part.weight.value or 0 for part in parts.values())
    if total_weight != 100:
        raise OpenFigureError(
            f"the weights of {method.value} evaluation in {rulebook.title} add up to "
            f"{total_weight}, not 100",
            f"bobot evaluasi {method.value} dalam {rulebook.title} berjumlah {total_weight}, "
            "bukan 100",
            value=total_weight,
        )
    given = _scores(scores)
    missing = missing_scores(given, method, rulebook)
    if missing:
        en, id_ = _named(missing, parts)
        raise IncompleteScores(f"no score for {en}", f"nilai {id_} belum ada", value=missing)
    total = sum(
        (Decimal(part.weight.value or 0) * given[key] for key, part in parts.items()), Decimal(0)
    )
    return (total / _HUNDRED).quantize(_places(rulebook), rounding=ROUND_HALF_UP)
