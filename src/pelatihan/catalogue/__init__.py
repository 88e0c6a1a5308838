"""The rule catalogue: every finding code ``pelatihan`` can report, one table read top to bottom.

Each :class:`~pelatihan.findings.Rule` has a stable code (never reused for
another meaning), a default severity, a title in English and Indonesian, what
it checks, and the legal basis it rests on; a rule that compares against a
rulebook figure cites that figure (its status and citation) on each finding
instead. The codes of ``nip.*`` and ``grade.*`` rules are those of the
exception classes that raise them (:mod:`pelatihan.nip`, :mod:`pelatihan.grades`).

The rules are declared in three modules, each read top to bottom:
:mod:`~pelatihan.catalogue.reading` (files, records and tables),
:mod:`~pelatihan.catalogue.schedules` and :mod:`~pelatihan.catalogue.cohorts`
(participants, cohorts and results). The readers (:mod:`pelatihan.io`) and
the rules (:mod:`pelatihan.validation`) take their rules from them; nothing is
registered as a side effect of importing a module that checks a rule.
:func:`rules` gives the complete catalogue, with any rule an application
registered (:func:`register`); the documentation's rule page is generated
from it.

    >>> get("participant.duplicate-nip").severity.value
    'error'
    >>> get("nip.pppk").title_id
    'Tampaknya nomor PPPK, bukan NIP'
"""

from __future__ import annotations

from pelatihan.catalogue import cohorts, reading, schedules
from pelatihan.findings import Rule, UnknownRuleError

__all__ = ["RULES", "Rule", "UnknownRuleError", "get", "register", "registered", "rules"]

RULES: tuple[Rule, ...] = (*reading.RULES, *schedules.RULES, *cohorts.RULES)
"""Every rule of the library: those of reading, then of schedules, then of cohorts."""

_BY_CODE = {rule.code: rule for rule in RULES}
if len(_BY_CODE) != len(RULES):  # pragma: no cover - a mistake in the table above
    raise RuntimeError("a rule code is listed twice in pelatihan.catalogue")


_REGISTERED: dict[str, Rule] = {}


def register(rule: Rule) -> Rule:
    """Add an application's own rule to the catalogue; a code can be registered once only.

    Registering a rule of the table again, or the same rule twice, changes nothing.

    Raises:
        ValueError: If the code is already the code of a different rule.
    """
    existing = _BY_CODE.get(rule.code) or _REGISTERED.get(rule.code)
    if existing is not None and existing != rule:
        raise ValueError(f"rule code {rule.code!r} is already registered")
    if existing is None:
        _REGISTERED[rule.code] = rule
    return existing or rule


def registered() -> dict[str, Rule]:
    """The rules applications registered, by code (:data:`RULES` holds the library's own)."""
    return dict(_REGISTERED)


def get(code: str) -> Rule:
    """Return the rule with this code.

    Raises:
        UnknownRuleError: If no rule has this code.

    Example:
        >>> get("nip.pppk").title_en
        'Looks like a PPPK number, not a NIP'
    """
    rule = _BY_CODE.get(code) or _REGISTERED.get(code)
    if rule is None:
        raise UnknownRuleError(
            f"no rule has the code {code!r}",
            f"tidak ada aturan dengan kode {code!r}",
            value=code,
        )
    return rule


def rules() -> tuple[Rule, ...]:
    """Every rule, the library's and any an application registered, sorted by code.

    Example:
        >>> codes = [rule.code for rule in rules()]
        >>> codes == sorted(codes) and "schedule.overlap" in codes
        True
    """
    found = {**_REGISTERED, **_BY_CODE}
    return tuple(found[code] for code in sorted(found))
