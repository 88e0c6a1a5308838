"""The rule catalogue: every finding code ``pelatihan`` can report, in one place.

Each :class:`~pelatihan.findings.Rule` has a stable code (never reused for
another meaning), a default severity, a title in English and Indonesian, what
it checks, and the legal basis it rests on. The modules that check a rule
register it (:func:`pelatihan.findings.register`); this module imports every
one of them, so that :func:`rules` is the complete catalogue. The
documentation's rule page is generated from it.
"""

from __future__ import annotations

from pelatihan.findings import Rule, UnknownRuleError, register, registered
from pelatihan.io import jsonfile, structure, tabular
from pelatihan.validation import cohort_rules, schedule_rules

__all__ = ["Rule", "UnknownRuleError", "get", "register", "rules"]

_RULE_MODULES = (jsonfile, structure, tabular, cohort_rules, schedule_rules)
"""The modules whose rules make up the catalogue (each registers its own)."""


def get(code: str) -> Rule:
    """Return the rule with this code.

    Raises:
        UnknownRuleError: If no rule has this code.

    Example:
        >>> get("nip.pppk").title_en
        'Looks like a PPPK number, not a NIP'
    """
    rule = registered().get(code)
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
    found = registered()
    return tuple(found[code] for code in sorted(found))
