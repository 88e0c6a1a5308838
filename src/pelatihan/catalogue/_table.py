"""The list a catalogue module adds its rules to, in the order it declares them."""

from __future__ import annotations

from pelatihan.findings import Rule


class Table:
    """Called on each rule a module declares; :attr:`rules` holds them in order."""

    def __init__(self) -> None:
        self._rules: list[Rule] = []

    def __call__(self, rule: Rule) -> Rule:
        self._rules.append(rule)
        return rule

    @property
    def rules(self) -> tuple[Rule, ...]:
        return tuple(self._rules)
