"""The rule catalogue, as the validation package has always offered it.

The table itself is :mod:`pelatihan.catalogue`; this module gives its
:func:`get` and :func:`rules`, and :func:`register` for an application's own rules.
"""

from __future__ import annotations

from pelatihan.catalogue import Rule, UnknownRuleError, get, register, rules

__all__ = ["Rule", "UnknownRuleError", "get", "register", "rules"]
