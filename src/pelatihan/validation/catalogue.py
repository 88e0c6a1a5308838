"""The rule catalogue: every finding code ``pelatihan`` can report, in one place.

Each :class:`Rule` has a stable code (never reused for another meaning), a
default severity, a title in English and Indonesian, what it checks, and the
legal basis it rests on. The documentation's rule page is generated from
:func:`rules`.

    >>> from pelatihan.validation import catalogue
    >>> rule = catalogue.get("schedule.days-total")
    >>> rule.severity.value, rule.title_en
    ('error', 'Total days differ from the rulebook')
"""

from __future__ import annotations

from typing import Any

import attrs

from pelatihan.errors import ValidationError
from pelatihan.provenance import Citation, Figure, Status
from pelatihan.validation.report import Finding, Location, Severity

__all__ = ["Rule", "UnknownRuleError", "get", "register", "rules"]


@attrs.frozen
class Rule:
    """A kind of finding: its code, severity, titles, what it checks and its basis.

    Args:
        code: Stable code, ``topic.name`` (``"schedule.overlap"``).
        severity: The severity its findings have.
        title_en: Short title in English.
        title_id: Short title in Indonesian.
        checks: What the rule checks, in English, for the catalogue.
        basis: The legal basis of the rule, when it has one of its own (rules
            that compare against a rulebook figure cite that figure instead).
    """

    code: str
    severity: Severity
    title_en: str
    title_id: str
    checks: str
    basis: Citation | None = None

    def finding(
        self,
        location: Location,
        message_en: str,
        message_id: str,
        *,
        value: object = None,
        figure: Figure[Any] | None = None,
        severity: Severity | None = None,
    ) -> Finding:
        """Make a finding of this rule.

        The finding cites ``figure``'s basis and status when a figure is given,
        otherwise the rule's own basis; for a figure the user supplied (status
        ``USER``), also its source. ``severity`` replaces the rule's, for a
        rule whose description says when its findings are raised (an error on a
        regulation's own figure, a warning on an inferred one).
        """
        basis = self.basis
        status: Status | None = None
        source: str | None = None
        if figure is not None:
            basis = figure.basis or basis
            status = figure.status
            if status is Status.USER:
                source = figure.source
        return Finding(
            code=self.code,
            severity=self.severity if severity is None else severity,
            location=location,
            message_en=message_en,
            message_id=message_id,
            value=value,
            basis=basis,
            status=status,
            source=source,
        )


class UnknownRuleError(ValidationError, LookupError):
    """Raised by :func:`get` for a code that no rule has."""

    code = "rule.unknown"


_RULES: dict[str, Rule] = {}


def register(rule: Rule) -> Rule:
    """Add a rule to the catalogue; a code can be registered once only.

    Raises:
        ValueError: If the code is already registered to a different rule.
    """
    existing = _RULES.get(rule.code)
    if existing is not None and existing != rule:
        raise ValueError(f"rule code {rule.code!r} is already registered")
    _RULES[rule.code] = rule
    return rule


def get(code: str) -> Rule:
    """Return the rule with this code.

    Raises:
        UnknownRuleError: If no rule has this code.
    """
    _load()
    rule = _RULES.get(code)
    if rule is None:
        raise UnknownRuleError(
            f"no rule has the code {code!r}",
            f"tidak ada aturan dengan kode {code!r}",
            value=code,
        )
    return rule


def rules() -> tuple[Rule, ...]:
    """Every rule, sorted by code.

    Example:
        >>> codes = [rule.code for rule in rules()]
        >>> codes == sorted(codes) and "schedule.overlap" in codes
        True
    """
    _load()
    return tuple(_RULES[code] for code in sorted(_RULES))


def _load() -> None:
    # The rule modules register their rules when imported.
    from pelatihan.io import jsonfile, structure, tabular  # noqa: F401, PLC0415
    from pelatihan.validation import cohort_rules, schedule_rules  # noqa: F401, PLC0415
