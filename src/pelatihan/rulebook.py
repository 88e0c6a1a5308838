"""The shape of a rulebook: one Latsar regime's figures, as data with provenance."""

from __future__ import annotations

import datetime
import typing
from collections.abc import Iterator, Mapping, Sequence
from decimal import Decimal
from typing import Any, cast

import attrs

from pelatihan._memo import remember
from pelatihan.errors import ValidationError
from pelatihan.provenance import Figure, Status
from pelatihan.training import Method, PhaseKind, Setting

__all__ = [
    "Agenda",
    "Component",
    "Evaluation",
    "KindDays",
    "MethodRules",
    "OpenFigureError",
    "PhaseRule",
    "Rulebook",
    "UnknownFigureError",
]

WORKWEEK: frozenset[int] = frozenset(range(5))

_NOT_ESTABLISHED: Figure[Any] = Figure(None, Status.OPEN, note="Not established.")
_SCORE_PLACES: Figure[int] = Figure(
    2,
    Status.OPEN,
    None,
    note="Scores are recorded with two decimals (70.01), rounded half up; the rounding rule itself "
    "is not established.",
)
_RESULTS_WITHIN_DAYS: Figure[int | None] = Figure(
    365,
    Status.OPEN,
    None,
    note="No regulation bounds the day results are decided after a cohort's last day. A sanity "
    "bound, not a rule: a result decided more than a year after the last day (9999-12-31, a typo "
    "in the year) is reported as a warning. An organiser can set its own days in a variant, or "
    "null for no bound.",
)


class UnknownFigureError(ValidationError, LookupError):
    """A figure path that names no figure of the rulebook."""

    code = "rulebook.unknown-figure"


class OpenFigureError(ValidationError):
    """A figure is needed but not established (OPEN, no value); supply it in a variant."""

    code = "rulebook.open-figure"


@attrs.frozen
class PhaseRule:
    """One phase of a method's planned sequence.

    Args:
        kind: What happens in the phase.
        days: Its length in training days.
        label: A name for the phase when a kind appears more than once
            (``"on campus 1"``).
        weekdays: The weekdays that are training days in this phase
            (``date.weekday()`` numbers; Monday to Friday by default).
    """

    kind: PhaseKind
    days: Figure[int | None]
    label: str = ""
    weekdays: frozenset[int] = WORKWEEK

    @property
    def setting(self) -> Setting:
        """In class or out of class."""
        return self.kind.setting


@attrs.frozen
class KindDays:
    """The total training days a method gives one kind of phase, split or not."""

    kind: PhaseKind
    days: Figure[int | None]


@attrs.frozen
class MethodRules:
    """The figures of one delivery method in one regime.

    Args:
        method: The method.
        available: Whether the regime provides this method at all.
        phases: The planned sequence of phases; also the order a schedule's
            phases must follow (a phase may be split into consecutive parts).
        days_total: Total training days.
        days_in_class: Training days in class.
        days_out_of_class: Training days out of class.
        kind_days: Training days per kind of phase, where established.
        jp_total: Total lesson hours (*jam pelajaran*).
    """

    method: Method
    available: Figure[bool]
    phases: tuple[PhaseRule, ...] = ()
    days_total: Figure[int | None] = _NOT_ESTABLISHED
    days_in_class: Figure[int | None] = _NOT_ESTABLISHED
    days_out_of_class: Figure[int | None] = _NOT_ESTABLISHED
    kind_days: tuple[KindDays, ...] = ()
    jp_total: Figure[int | None] = _NOT_ESTABLISHED

    def days_of(self, kind: PhaseKind) -> Figure[int | None] | None:
        """The established total days of ``kind``, or ``None`` if the rulebook gives none."""
        for item in self.kind_days:
            if item.kind is kind:
                return item.days
        return None


@attrs.frozen
class Agenda:
    """One of the four agendas of the curriculum.

    Args:
        number: 1 to 4.
        name: The agenda's name in Indonesian.
        modules: The modules known for it, or ``None`` where not established.
    """

    number: int
    name: Figure[str | None]
    modules: Figure[tuple[str, ...] | None]


def _methods(value: object) -> tuple[Method, ...]:
    if isinstance(value, (str, Method)):
        return (Method.parse(value),)
    return tuple(Method.parse(item) for item in cast("Sequence[Method | str]", value))


@attrs.frozen
class Component:
    """One scored component of the evaluation, and its weight in the final score.

    Its figure path is ``evaluation.components.<key>.weight``.

    Args:
        key: The stable key of its score, in results files and figure paths
            (``"attitude"``).
        name_id: Its name in Indonesian (``"Sikap Perilaku"``).
        name_en: Its name in English.
        weight: Its weight in percent of the final score.
        methods: The delivery methods whose evaluation has it; empty for every
            method.
        group: The group it is part of (``"academic"``), if any; a group's
            total weight can be in :attr:`Evaluation.group_weights`.

    Example:
        >>> from pelatihan.provenance import Figure, Status
        >>> test = Component("mooc_test", "Tes MOOC", "MOOC test", Figure(10, Status.INF),
        ...                  methods=("blended", "distance"), group="academic")
        >>> test.applies_to(Method.BLENDED), test.applies_to("klasikal")
        (True, False)
    """

    key: str
    name_id: str
    name_en: str
    weight: Figure[int | None]
    methods: tuple[Method, ...] = attrs.field(default=(), converter=_methods)
    group: str = ""

    def applies_to(self, method: Method | str) -> bool:
        """Whether the evaluation of ``method`` has this component."""
        return not self.methods or Method.parse(method) in self.methods


@attrs.frozen
class Evaluation:
    """The evaluation figures of a regime (weights in percent, scores out of 100).

    Args:
        components: The scored components, each with its weight and the
            methods it applies to; the weights of one method's components add
            up to 100.
        group_weights: The total weight of a group of components
            (``("academic", 20)`` as a figure), where it is reported apart.
        pass_mark: The lowest final score that passes.
        absence_sessions: Absences, in sessions, beyond which a participant can fail.
        absence_jp: Absences, in JP, beyond which a participant can fail.
        absence_days: Absences, in days, beyond which a participant can fail.
        bands: The qualification bands (*kualifikasi*), best first, each with
            the score it must exceed; the last band takes every lower score.
        remediated_score: The final score recorded for a participant who
            reaches the pass mark only after remediation.
        score_places: The decimal places a final score is recorded with
            (rounded half up).
        remediation_within_probation: Whether a participant whose graduation
            is deferred has until the end of the probation year to complete
            remediation.
        remediation_days: The days after the results are decided within which
            a participant whose graduation is deferred completes remediation.
        appointment_after_probation: Whether appointment as PNS waits for the
            end of the probation year (and, always, for passing).
        results_within_days: The days after the cohort's last day within which
            its results are expected to be decided: a sanity bound (OPEN, 365
            by default), beyond which a result's day is reported.
    """

    components: tuple[Component, ...] = ()
    group_weights: tuple[tuple[str, Figure[int | None]], ...] = ()
    pass_mark: Figure[Decimal | None] = _NOT_ESTABLISHED
    absence_sessions: Figure[int | None] = _NOT_ESTABLISHED
    absence_jp: Figure[int | None] = _NOT_ESTABLISHED
    absence_days: Figure[int | None] = _NOT_ESTABLISHED
    bands: tuple[tuple[str, Figure[Decimal | None]], ...] = ()
    remediated_score: Figure[Decimal | None] = _NOT_ESTABLISHED
    score_places: Figure[int] = _SCORE_PLACES
    remediation_within_probation: Figure[bool | None] = _NOT_ESTABLISHED
    remediation_days: Figure[int | None] = _NOT_ESTABLISHED
    appointment_after_probation: Figure[bool | None] = _NOT_ESTABLISHED
    results_within_days: Figure[int | None] = _RESULTS_WITHIN_DAYS

    def of(self, method: Method | str) -> tuple[Component, ...]:
        """The components of ``method``'s evaluation, in order."""
        wanted = Method.parse(method)
        return tuple(component for component in self.components if component.applies_to(wanted))

    def component(self, key: str) -> Component | None:
        """The component with ``key``, if the evaluation has one (for any method)."""
        for component in self.components:
            if component.key == key:
                return component
        return None


@attrs.frozen
class Rulebook:
    """A Latsar regime's rules as data: every figure with its status and citation.

    Shipped rulebooks are in :mod:`pelatihan.rulebooks`; an organiser's approved
    variant is derived from one with :meth:`variant`, naming only the figures
    that differ.

    Args:
        id: The rulebook's id: the regime id for shipped rulebooks.
        regime: The id of the regime (:func:`pelatihan.legal.get_regime`).
        title: A human title.
        methods: The rules of each delivery method.
        agendas: The four agendas of the curriculum.
        minutes_per_jp: Minutes in one lesson hour (JP).
        cohort_size_max: The most participants in one cohort.
        klasikal_approval_from: The first start date from which classroom
            delivery needs the written approval of the Head of LAN.
        evaluation: The evaluation figures.
        parent: For a variant, the id of the rulebook it derives from.
    """

    id: str
    regime: str
    title: str
    methods: tuple[MethodRules, ...]
    agendas: tuple[Agenda, ...]
    minutes_per_jp: Figure[int]
    cohort_size_max: Figure[int | None]
    klasikal_approval_from: Figure[datetime.date | None]
    evaluation: Evaluation = Evaluation()
    parent: str | None = None

    def method(self, method: Method | str) -> MethodRules:
        """The rules of one delivery method.

        Example:
            >>> from pelatihan import rulebooks
            >>> rulebooks.get("perlan-1-2021").method("blended").days_total.value
            74
        """
        wanted = Method.parse(method)
        for rules in self.methods:
            if rules.method is wanted:
                return rules
        raise UnknownFigureError(
            f"rulebook {self.id} has no rules for the method {wanted.value}",
            f"buku aturan {self.id} tidak memuat aturan untuk metode {wanted.value}",
            value=wanted.value,
        )

    def figures(self) -> dict[str, Figure[Any]]:
        """Every figure of the rulebook by its path, in a stable order.

        The paths are what :meth:`variant` takes.

        Example:
            >>> from pelatihan import rulebooks
            >>> book = rulebooks.get("perlan-12-2018")
            >>> book.figures()["methods.klasikal.days_total"].value
            51
            >>> "methods.klasikal.phases[1].days" in book.figures()
            True
        """
        return dict(_walk(self, ""))

    def figure_types(self) -> dict[str, Any]:
        """The type of every figure's value by its path, in the order of :meth:`figures`.

        The types are those the rulebook's model declares (``int | None`` for a
        day count that may be open, ``Decimal | None`` for a band edge), so a
        reader of figures supplied as text can convert them.

        Example:
            >>> from pelatihan import rulebooks
            >>> types = rulebooks.get("perlan-1-2021").figure_types()
            >>> types["methods.klasikal.days_total"], types["minutes_per_jp"]
            (int | None, <class 'int'>)
            >>> list(types) == list(rulebooks.get("perlan-1-2021").figures())
            True
        """
        return dict(_walk_types(self, Rulebook, ""))

    def figure(self, path: str) -> Figure[Any]:
        """The figure at ``path``.

        Raises:
            UnknownFigureError: If no figure has this path.
        """
        found = self.figures().get(path)
        if found is None:
            raise _unknown_path(self, path)
        return found

    def variant(
        self,
        id: str,  # noqa: A002 - the rulebook's own field name
        overrides: Mapping[str, object],
        *,
        title: str | None = None,
        source: str | None = None,
        note: str = "",
    ) -> Rulebook:
        """Derive a rulebook that differs from this one in the figures named.

        Each overridden figure keeps its legal basis and gets status ``USER``.
        ``overrides`` maps figure paths (see :meth:`figures`) to values; the
        path ``methods.<method>.phases`` takes a whole new sequence of phases,
        as :class:`PhaseRule` values, ``(kind, days)`` pairs, ``(kind, days,
        label)`` triples or mappings with the keys ``kind``, ``days`` and
        optionally ``label`` and ``weekdays`` (as in a variant file,
        :mod:`pelatihan.io.variant`); their days get status ``USER``, ``source``
        and ``note``. When a variant changes a method's phases (or one phase's
        days), the method's totals (``days_total``, ``days_in_class``,
        ``days_out_of_class``, ``kind_days``) become the sums of its phases,
        unless the variant names them too: an organiser with a 14-day MOOC
        sets that one figure.

        Raises:
            UnknownFigureError: If a path names no figure.

        Example:
            >>> from pelatihan import rulebooks
            >>> base = rulebooks.get("perlan-1-2021+10-2021")
            >>> mine = base.variant(
            ...     "bpsdm-2025-klasikal",
            ...     {
            ...         "methods.klasikal.days_total": 40,
            ...         "methods.klasikal.phases": [
            ...             ("klasikal", 8), ("habituasi", 30), ("klasikal", 2),
            ...         ],
            ...     },
            ...     source="SK Kepala BPSDM 2025",
            ... )
            >>> total = mine.method("klasikal").days_total
            >>> total.value, total.status.value
            (40, 'USER')
            >>> [p.days.value for p in mine.method("klasikal").phases]
            [8, 30, 2]
            >>> mine.parent, base.method("klasikal").days_total.value is None
            ('perlan-1-2021+10-2021', True)
        """
        book: Rulebook = self
        for path, value in overrides.items():
            book = _replace_path(book, path, value, source=source, note=note)
        changed = {path.split(".")[1] for path in overrides if _is_phase_path(path)}
        methods = tuple(
            _sums_follow_phases(rules, set(overrides), source=source)
            if rules.method.value in changed
            else rules
            for rules in book.methods
        )
        return attrs.evolve(
            book,
            methods=methods,
            id=id,
            title=title or f"{self.title} ({id})",
            parent=self.id,
        )


_SUM_OF_PHASES = "the sum of the phases supplied"
_SUM_OPEN = "not established: a phase it sums has no days"


def _is_phase_path(path: str) -> bool:
    return path.startswith("methods.") and (
        path.endswith(".phases") or (".phases[" in path and path.endswith("].days"))
    )


def _sums_follow_phases(rules: MethodRules, named: set[str], *, source: str | None) -> MethodRules:
    """Make the day totals of a method whose phases a variant changed the sums of its phases.

    A total the variant names itself, or that an earlier variant supplied, is
    kept as given; a total over a phase whose days are not established becomes
    not established too.
    """
    phases = rules.phases
    if not phases:
        return rules
    prefix = f"methods.{rules.method.value}"

    def total(path: str, figure: Figure[int | None], parts: list[PhaseRule]) -> Figure[int | None]:
        supplied = figure.status is Status.USER and figure.note != _SUM_OF_PHASES
        if f"{prefix}.{path}" in named or supplied:
            return figure
        if any(phase.days.value is None for phase in parts):
            if figure.value is None:
                return figure
            return attrs.evolve(
                figure, value=None, status=Status.OPEN, source=None, note=_SUM_OPEN, alternatives=()
            )
        days = sum(phase.days.value or 0 for phase in parts)
        if figure.value == days and not figure.alternatives:
            return figure
        return figure.override(days, source=source, note=_SUM_OF_PHASES)

    in_class = [phase for phase in phases if phase.setting is Setting.IN_CLASS]
    out_of_class = [phase for phase in phases if phase.setting is Setting.OUT_OF_CLASS]
    return attrs.evolve(
        rules,
        days_total=total("days_total", rules.days_total, list(phases)),
        days_in_class=total("days_in_class", rules.days_in_class, in_class),
        days_out_of_class=total("days_out_of_class", rules.days_out_of_class, out_of_class),
        kind_days=tuple(
            attrs.evolve(
                item,
                days=total(
                    f"kind_days.{item.kind.value}",
                    item.days,
                    [phase for phase in phases if phase.kind is item.kind],
                ),
            )
            for item in rules.kind_days
        ),
    )


def _item_key(item: object, index: int) -> str:
    if isinstance(item, MethodRules):
        return f".{item.method.value}"
    if isinstance(item, KindDays):
        return f".{item.kind.value}"
    if isinstance(item, Agenda):
        return f"[{item.number}]"
    if isinstance(item, Component):
        return f".{item.key}"
    if isinstance(item, tuple) and len(item) == 2 and isinstance(item[0], (str, Method)):
        name = item[0].value if isinstance(item[0], Method) else item[0]
        return f".{name}"
    return f"[{index}]"


def _walk(obj: object, prefix: str) -> Iterator[tuple[str, Figure[Any]]]:
    if isinstance(obj, Figure):
        yield prefix, obj
        return
    if isinstance(obj, tuple):
        for index, item in enumerate(obj):
            inner = item[1] if _is_named_pair(item) else item
            yield from _walk(inner, prefix + _item_key(item, index))
        return
    if attrs.has(type(obj)):
        for field in attrs.fields(cast("type[attrs.AttrsInstance]", type(obj))):
            name = f"{prefix}.{field.name}" if prefix else field.name
            yield from _walk(getattr(obj, field.name), name)


_HINTS: dict[type, dict[str, Any]] = {}
"""The type hints of rulebook classes, read once (see :mod:`pelatihan._memo`)."""


def _hints(cls: type) -> dict[str, Any]:
    found = _HINTS.get(cls)
    return found if found is not None else remember(_HINTS, cls, typing.get_type_hints(cls))


def _walk_types(obj: object, hint: Any, prefix: str) -> Iterator[tuple[str, Any]]:
    """Like :func:`_walk`, yielding each figure's declared value type instead of the figure."""
    if isinstance(obj, Figure):
        (value_type,) = typing.get_args(hint)
        yield prefix, value_type
        return
    if isinstance(obj, tuple):
        item_hint = typing.get_args(hint)[0]
        for index, item in enumerate(obj):
            key = prefix + _item_key(item, index)
            if _is_named_pair(item):
                yield from _walk_types(item[1], typing.get_args(item_hint)[1], key)
            else:
                yield from _walk_types(item, item_hint, key)
        return
    if attrs.has(type(obj)):
        cls = cast("type[attrs.AttrsInstance]", type(obj))
        hints = _hints(cls)
        for field in attrs.fields(cls):
            name = f"{prefix}.{field.name}" if prefix else field.name
            yield from _walk_types(getattr(obj, field.name), hints[field.name], name)


def _is_named_pair(item: object) -> bool:
    return isinstance(item, tuple) and len(item) == 2 and isinstance(item[0], (str, Method))


_RENAMED = {
    "evaluation.attitude_weight": "evaluation.components.attitude.weight",
    "evaluation.actualisation_weight": "evaluation.components.actualisation.weight",
    "evaluation.academic_weight": "evaluation.group_weights.academic",
    "evaluation.bands.kurang_memuaskan": "evaluation.bands.ditunda_kelulusannya",
    "evaluation.appointment_months_after": "evaluation.appointment_after_probation",
}
"""Figure paths of earlier releases, and the paths that took their place."""


def _renamed(path: str) -> str | None:
    if path in _RENAMED:
        return _RENAMED[path]
    prefix = "evaluation.academic_parts."
    if path.startswith(prefix) and path.count(".") == 3:
        return f"evaluation.components.{path.rsplit('.', 1)[1]}.weight"
    return None


def _unknown_path(book: Rulebook, path: str) -> UnknownFigureError:
    renamed = _renamed(path)
    if renamed is not None:
        return UnknownFigureError(
            f"rulebook {book.id} has no figure {path!r}: it is now {renamed!r}",
            f"buku aturan {book.id} tidak memiliki angka {path!r}: kini {renamed!r}",
            value=path,
        )
    return UnknownFigureError(
        f"rulebook {book.id} has no figure {path!r}; see Rulebook.figures() for the paths",
        f"buku aturan {book.id} tidak memiliki angka {path!r}; lihat Rulebook.figures()",
        value=path,
    )


def _phase_rules(
    value: object, path: str, rules: MethodRules, *, source: str | None, note: str
) -> tuple[PhaseRule, ...]:
    if not isinstance(value, Sequence) or isinstance(value, str):
        raise ValidationError(
            f"{path}: expected a sequence of phases, not {type(value).__name__}",
            f"{path}: seharusnya urutan tahap, bukan {type(value).__name__}",
            value=path,
        )
    basis = rules.days_total.basis
    phases: list[PhaseRule] = []
    for item in value:
        if isinstance(item, PhaseRule):
            phases.append(item)
            continue
        if isinstance(item, Mapping):
            kind, days = item["kind"], item["days"]
            label = item.get("label") or ""
            weekdays = frozenset(item.get("weekdays") or WORKWEEK)
        else:
            kind, days, *rest = item
            label, weekdays = (rest[0] if rest else ""), WORKWEEK
        days_figure = Figure(days, Status.USER, basis, source=source, note=note or "supplied phase")
        phases.append(PhaseRule(PhaseKind.parse(kind), days_figure, label, weekdays))
    return tuple(phases)


def _replace_path(
    book: Rulebook, path: str, value: object, *, source: str | None, note: str
) -> Rulebook:
    figures = book.figures()
    if path in figures:
        target = figures[path]
        replaced = target.override(value, note=note, source=source)
        rebuilt: Rulebook = _rebuild(book, "", path, replaced)
        return rebuilt
    parts = path.split(".")
    if len(parts) == 3 and parts[0] == "methods" and parts[2] == "phases":
        method = book.method(parts[1])
        phases = _phase_rules(value, path, method, source=source, note=note)
        new = attrs.evolve(method, phases=phases)
        methods = tuple(new if m.method is method.method else m for m in book.methods)
        return attrs.evolve(book, methods=methods)
    raise _unknown_path(book, path)


def _rebuild(obj: Any, prefix: str, path: str, replacement: Figure[Any]) -> Any:
    if isinstance(obj, Figure):
        return replacement if prefix == path else obj
    if isinstance(obj, tuple):
        items = []
        for index, item in enumerate(obj):
            key = prefix + _item_key(item, index)
            if not (path == key or path.startswith((key + ".", key + "["))):
                items.append(item)
            elif _is_named_pair(item):
                items.append((item[0], _rebuild(item[1], key, path, replacement)))
            else:
                items.append(_rebuild(item, key, path, replacement))
        return tuple(items)
    if attrs.has(type(obj)):
        changes = {}
        for field in attrs.fields(type(obj)):
            key = f"{prefix}.{field.name}" if prefix else field.name
            if path == key or path.startswith((key + ".", key + "[")):
                changes[field.name] = _rebuild(getattr(obj, field.name), key, path, replacement)
        return attrs.evolve(obj, **changes) if changes else obj
    return obj
