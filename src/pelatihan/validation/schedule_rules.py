"""Schedule rules: a schedule checked against its regime's rulebook, every problem reported.

    >>> import datetime
    >>> from pelatihan import Phase, Schedule, validate_schedule
    >>> d = datetime.date
    >>> schedule = Schedule(
    ...     [Phase("klasikal", d(2019, 10, 17), d(2019, 11, 14)),
    ...      Phase("habituasi", d(2019, 11, 18), d(2019, 12, 27))],
    ...     regime="perlan-1-2021", method="klasikal",
    ... )
    >>> report = validate_schedule(schedule)
    >>> for finding in report:
    ...     print(finding.severity.value, finding.code, finding.location)
    error schedule.days-out-of-class $.phases
    error schedule.days-total $.phases
    error schedule.kind-days $.phases
    warning schedule.gap $.phases[1]
    error schedule.regime $.regime
    >>> print(report.findings[1].message_en)
    total: 49 training days, the rulebook gives 51 (SEC)
    >>> print(report.findings[1].message_id)
    jumlah seluruhnya: 49 hari pelatihan, buku aturan menetapkan 51 (SEC)
    >>> report.counts()
    {'error': 4, 'warning': 1, 'info': 0}

Each finding cites the figure it rests on, with its provenance status, so a
report says when a check rests on a figure that is not read in a regulation.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator, Mapping

from pelatihan.catalogue.schedules import (
    CLOSED_DAY,
    DAYS_IN_CLASS,
    DAYS_OUT_OF_CLASS,
    DAYS_TOTAL,
    EMPTY,
    EMPTY_PHASE,
    FIGURE_OPEN,
    GAP,
    KIND_DAYS,
    KLASIKAL_APPROVAL,
    METHOD,
    NO_REGIME,
    OVERLAP,
    PHASE_DATES,
    PHASE_KIND,
    PHASE_ORDER,
    REGIME,
    REGIME_DEFAULT,
    SPAN,
    UNCONFIRMED_YEAR,
)
from pelatihan.findings import Finding, Location, Report, Rule, Severity
from pelatihan.legal import NoRegimeError, Resolution, get_regime, resolve
from pelatihan.provenance import Figure
from pelatihan.rulebooks import MethodRules, Rulebook, get
from pelatihan.schedule import Phase, Schedule
from pelatihan.training import Method, PhaseKind, Setting

__all__ = ["known_regime", "regime_findings", "validate_schedule"]

_E, _W, _I = Severity.ERROR, Severity.WARNING, Severity.INFO

MAX_SPAN_DAYS = 3650
"""The longest schedule checked, in days (ten years): a Latsar takes a few months."""


def _infer_method(phases: tuple[Phase, ...]) -> Method:
    kinds = {phase.kind for phase in phases}
    if kinds & {PhaseKind.MOOC, PhaseKind.ELEARNING}:
        return Method.BLENDED
    if PhaseKind.DISTANCE in kinds:
        return Method.DISTANCE
    return Method.KLASIKAL


def validate_schedule(
    schedule: Schedule,
    rulebook: Rulebook | None = None,
    *,
    location: Location | None = None,
    in_force_from: Mapping[str, datetime.date] | None = None,
) -> Report:
    """Check a schedule against its rulebook and report every problem found.

    The rulebook is, in order: ``rulebook`` if given (an organiser's variant),
    else the shipped rulebook of the regime in force on the schedule's first day.
    A schedule without a method is taken as blended when it has MOOC or
    e-learning phases, distance when it has distance phases, classroom
    otherwise.

    Args:
        schedule: The schedule to check.
        rulebook: The rulebook to check it against.
        location: Where the schedule is in a larger input (``$.cohorts[3]``);
            phases are reported below it as ``.phases[i]``.
        in_force_from: The first days of regimes that you know, by regime id,
            in place of the shipped boundaries (:func:`pelatihan.legal.regime_on`).

    Returns:
        A report of every finding; ``report.ok`` is true when none is an error.

    Example:
        >>> import datetime
        >>> from pelatihan import plan_schedule
        >>> validate_schedule(plan_schedule(datetime.date(2024, 4, 22), "III", "blended")).ok
        True
    """
    return Report(
        schedule_findings(schedule, rulebook, location or Location(), in_force_from=in_force_from)
    )


def schedule_findings(
    schedule: Schedule,
    rulebook: Rulebook | None,
    location: Location,
    *,
    in_force_from: Mapping[str, datetime.date] | None = None,
) -> Iterator[Finding]:
    """The findings of :func:`validate_schedule`, as they are found (not yet a sorted report)."""
    return _check(schedule, rulebook, location, in_force_from)


def _check(
    schedule: Schedule,
    rulebook: Rulebook | None,
    here: Location,
    in_force_from: Mapping[str, datetime.date] | None,
) -> Iterator[Finding]:
    phases = schedule.phases
    if not phases:
        yield EMPTY.finding(
            here.child("phases"), "the schedule has no phases", "jadwal tidak memiliki tahap"
        )
        return
    at = here.child("phases")
    start = min(phase.start for phase in phases)
    end = max(phase.end for phase in phases)
    if (end - start).days >= MAX_SPAN_DAYS:
        yield SPAN.finding(
            at,
            f"the schedule runs from {start.isoformat()} to {end.isoformat()}, more than "
            f"{MAX_SPAN_DAYS:,} days; its days were not counted",
            f"jadwal berlangsung dari {start.isoformat()} sampai {end.isoformat()}, lebih dari "
            f"{MAX_SPAN_DAYS:,} hari; harinya tidak dihitung",
            value=end,
        )
        return
    yield from _check_dates(schedule, at)

    # which rulebook
    try:
        resolution = resolve(start, known_regime(schedule.regime), in_force_from=in_force_from)
    except NoRegimeError as error:
        yield NO_REGIME.finding(
            here.child("start"), error.message_en, error.message_id, value=start
        )
        return
    yield from regime_findings(
        resolution, schedule.regime, start, here, what=("schedule", "jadwal")
    )
    if rulebook is None:
        rulebook = get(resolution.regime.id)

    method = schedule.method or _infer_method(phases)
    rules = rulebook.method(method)
    if not rules.available.value:
        yield method_not_provided(rulebook, method, here)
        return
    yield from _check_order(rules, phases, at, rulebook)
    yield from _check_overlaps_and_gaps(schedule, at)
    yield from _check_days(schedule, rules, here)
    yield from _check_approval(schedule, method, rulebook, start, here)
    yield from _check_calendar(schedule, here)


def method_not_provided(rulebook: Rulebook, method: Method, here: Location) -> Finding:
    """The finding for a delivery method the rulebook's regime does not provide."""
    return METHOD.finding(
        here.child("method"),
        f"{rulebook.title} does not provide {method.value} delivery",
        f"{rulebook.title} tidak menyediakan metode {method.value}",
        value=method.value,
        figure=rulebook.method(method).available,
    )


def known_regime(regime_id: str | None) -> str | None:
    """The regime id if it names a modelled regime, else ``None`` (an unknown id is reported)."""
    if regime_id is None:
        return None
    try:
        return get_regime(regime_id).id
    except LookupError:
        return None


def regime_findings(
    resolution: Resolution,
    claimed: str | None,
    start: datetime.date,
    here: Location,
    *,
    what: tuple[str, str] = ("cohort", "angkatan"),
) -> Iterator[Finding]:
    """The findings about which regime governs a schedule or cohort starting on ``start``.

    ``claimed`` is the regime id the input names, if any (possibly unknown);
    ``what`` names the thing checked, in English and Indonesian.
    """
    in_force = resolution.in_force
    if claimed is not None and claimed != resolution.regime.id:
        name = _regime_name(claimed)
        yield REGIME.finding(
            here.child("regime"),
            f"the {what[0]} claims {name}, but a cohort starting on {start.isoformat()} is "
            f"governed by {in_force.name}",
            f"{what[1]} menyatakan {name}, padahal angkatan yang mulai {start.isoformat()} "
            f"diatur oleh {in_force.name}",
            value=claimed,
            figure=in_force.in_force_from,
        )
        return
    boundary = resolution.default_boundary
    if boundary is None:
        return
    since = boundary.in_force_from.value.isoformat()
    earliest = boundary.earliest.isoformat() if boundary.earliest else since
    label = boundary.edition or boundary.name
    if resolution.claimed is not None:
        en = (
            f"claims {resolution.regime.name}, accepted: it starts on {start.isoformat()}, and "
            f"{label} applies from {since} by a default only (a day not established; it may be "
            f"as early as {earliest})"
        )
        id_ = (
            f"menyatakan {resolution.regime.name}, diterima: mulai {start.isoformat()}, dan "
            f"{label} berlaku sejak {since} hanya sebagai nilai bawaan (tanggalnya belum dapat "
            f"dipastikan; bisa sedini {earliest})"
        )
    else:
        en = (
            f"starts on {start.isoformat()}, so follows {in_force.name} by a default boundary: "
            f"{label} is taken to apply from {since}, a day not established (it may be as early "
            f"as {earliest}); name the cohort's regime, or give the regime's first day "
            "(in_force_from, --in-force-from), if you know it"
        )
        id_ = (
            f"mulai {start.isoformat()}, sehingga mengikuti {in_force.name} menurut batas "
            f"bawaan: {label} dianggap berlaku sejak {since}, tanggal yang belum dapat "
            f"dipastikan (bisa sedini {earliest}); cantumkan rezim angkatan, atau tanggal mulai "
            "berlakunya rezim (in_force_from, --in-force-from), bila Anda mengetahuinya"
        )
    yield REGIME_DEFAULT.finding(
        here.child("regime") if resolution.claimed is not None else here.child("start"),
        en,
        id_,
        value=resolution.regime.id,
        figure=boundary.in_force_from,
    )


def _regime_name(regime_id: str) -> str:
    try:
        return get_regime(regime_id).name
    except LookupError:
        return repr(regime_id)


def _check_dates(schedule: Schedule, at: Location) -> Iterator[Finding]:
    calendar = schedule.calendar
    for index, phase in enumerate(schedule.phases):
        here = at.child(index)
        if phase.end < phase.start:
            yield PHASE_DATES.finding(
                here.child("end"),
                f"phase {index + 1} ({phase.kind.value}) ends on {phase.end.isoformat()}, before "
                f"it starts on {phase.start.isoformat()}",
                f"tahap {index + 1} ({phase.kind.value}) berakhir {phase.end.isoformat()}, "
                f"sebelum dimulai {phase.start.isoformat()}",
                value=phase.end,
            )
            continue
        if calendar.count_training_days(phase.start, phase.end, phase.weekdays) == 0:
            yield EMPTY_PHASE.finding(
                here,
                f"phase {index + 1} ({phase.kind.value}) has no training day between "
                f"{phase.start.isoformat()} and {phase.end.isoformat()}",
                f"tahap {index + 1} ({phase.kind.value}) tidak memiliki hari pelatihan antara "
                f"{phase.start.isoformat()} dan {phase.end.isoformat()}",
            )
            continue
        for field, day in (("start", phase.start), ("end", phase.end)):
            if not calendar.is_training_day(day, phase.weekdays):
                reason_en, reason_id = _closed_reason(schedule, day)
                yield CLOSED_DAY.finding(
                    here.child(field),
                    f"phase {index + 1} ({phase.kind.value}) {field}s on "
                    f"{day.isoformat()}, {reason_en}",
                    f"tahap {index + 1} ({phase.kind.value}) "
                    f"{'dimulai' if field == 'start' else 'berakhir'} pada {day.isoformat()}, "
                    f"{reason_id}",
                    value=day,
                )


def _closed_reason(schedule: Schedule, day: datetime.date) -> tuple[str, str]:
    closure = schedule.calendar.closure(day)
    if closure is not None:
        return f"a closed day ({closure.name})", f"hari libur ({closure.name})"
    name_en = day.strftime("%A")
    return f"a {name_en}, not a training day of the phase", "bukan hari pelatihan tahap ini"


def _check_order(
    rules: MethodRules, phases: tuple[Phase, ...], at: Location, rulebook: Rulebook
) -> Iterator[Finding]:
    pattern = [rule.kind for rule in rules.phases]
    expected = " \u2192 ".join(kind.value for kind in pattern)
    position = -1
    for index, phase in enumerate(phases):
        if phase.kind not in pattern:
            yield PHASE_KIND.finding(
                at.child(index).child("kind"),
                f"phase {index + 1} is {phase.kind.value}, which {rules.method.value} delivery "
                f"under {rulebook.title} does not have (expected {expected})",
                f"tahap {index + 1} berjenis {phase.kind.value}, yang tidak ada dalam metode "
                f"{rules.method.value} menurut {rulebook.title} (seharusnya {expected})",
                value=phase.kind.value,
                figure=rules.available,
            )
            continue
        if position >= 0 and pattern[position] is phase.kind:
            continue  # a split phase continues
        following = [i for i in range(position + 1, len(pattern)) if pattern[i] is phase.kind]
        if not following:
            yield PHASE_ORDER.finding(
                at.child(index),
                f"phase {index + 1} ({phase.kind.value}) is out of order: {rules.method.value} "
                f"delivery under {rulebook.title} runs {expected}",
                f"tahap {index + 1} ({phase.kind.value}) tidak sesuai urutan: metode "
                f"{rules.method.value} menurut {rulebook.title} berurutan {expected}",
                value=phase.kind.value,
                figure=rules.available,
            )
            continue
        position = following[0]


def _check_overlaps_and_gaps(schedule: Schedule, at: Location) -> Iterator[Finding]:
    ordered = sorted(
        (pair for pair in enumerate(schedule.phases) if pair[1].start <= pair[1].end),
        key=lambda pair: (pair[1].start, pair[0]),
    )
    if not ordered:
        return
    i, before = ordered[0]  # the phase reaching furthest so far
    for j, after in ordered[1:]:
        if after.start <= before.end:
            yield OVERLAP.finding(
                at.child(j),
                f"phase {j + 1} ({after.kind.value}) starts on {after.start.isoformat()}, before "
                f"phase {i + 1} ({before.kind.value}) ends on {before.end.isoformat()}",
                f"tahap {j + 1} ({after.kind.value}) dimulai {after.start.isoformat()}, sebelum "
                f"tahap {i + 1} ({before.kind.value}) berakhir {before.end.isoformat()}",
                value=after.start,
            )
        else:
            between_start = before.end + datetime.timedelta(days=1)
            between_end = after.start - datetime.timedelta(days=1)
            gap = schedule.calendar.count_training_days(between_start, between_end, after.weekdays)
            if gap:
                ended, started = before.end.isoformat(), after.start.isoformat()
                days_en = f"{gap} training day{'s' if gap != 1 else ''}"
                verb = "belong" if gap != 1 else "belongs"
                yield GAP.finding(
                    at.child(j),
                    f"{days_en} between the end of phase {i + 1} ({ended}) and the start of "
                    f"phase {j + 1} ({started}) {verb} to no phase",
                    f"{gap} hari pelatihan antara akhir tahap {i + 1} ({ended}) dan awal tahap "
                    f"{j + 1} ({started}) tidak termasuk tahap mana pun",
                    value=gap,
                )
        if after.end > before.end:
            i, before = j, after


def _compare(
    rule: Rule,
    where: Location,
    *,
    what_en: str,
    what_id: str,
    actual: int,
    figure: Figure[int | None],
) -> Iterator[Finding]:
    expected = figure.value
    if expected is None:
        yield FIGURE_OPEN.finding(
            where,
            f"{what_en}: {actual} training days; the rulebook does not establish the figure, so "
            "it was not checked",
            f"{what_id}: {actual} hari pelatihan; buku aturan belum menetapkan angkanya, sehingga "
            "tidak diperiksa",
            value=actual,
            figure=figure,
        )
        return
    if not figure.admits(actual):
        status = figure.status.value
        given = " or ".join(str(days) for days in (expected, *figure.alternatives))
        given_id = " atau ".join(str(days) for days in (expected, *figure.alternatives))
        yield rule.finding(
            where,
            f"{what_en}: {actual} training days, the rulebook gives {given} ({status})",
            f"{what_id}: {actual} hari pelatihan, buku aturan menetapkan {given_id} ({status})",
            value=actual,
            figure=figure,
        )


def _check_days(schedule: Schedule, rules: MethodRules, here: Location) -> Iterator[Finding]:
    here = here.child("phases")
    days = schedule.phase_days()
    in_class = sum(
        d for p, d in zip(schedule.phases, days, strict=True) if p.setting is Setting.IN_CLASS
    )
    out = sum(days) - in_class
    yield from _compare(
        DAYS_TOTAL,
        here,
        what_en="total",
        what_id="jumlah seluruhnya",
        actual=sum(days),
        figure=rules.days_total,
    )
    yield from _compare(
        DAYS_IN_CLASS,
        here,
        what_en="in class",
        what_id="dalam kelas",
        actual=in_class,
        figure=rules.days_in_class,
    )
    yield from _compare(
        DAYS_OUT_OF_CLASS,
        here,
        what_en="out of class",
        what_id="luar kelas",
        actual=out,
        figure=rules.days_out_of_class,
    )
    for item in rules.kind_days:
        actual = sum(d for p, d in zip(schedule.phases, days, strict=True) if p.kind is item.kind)
        yield from _compare(
            KIND_DAYS,
            here,
            what_en=f"{item.kind.value} phases",
            what_id=f"tahap {item.kind.value}",
            actual=actual,
            figure=item.days,
        )


def _check_approval(
    schedule: Schedule, method: Method, rulebook: Rulebook, start: datetime.date, here: Location
) -> Iterator[Finding]:
    figure = rulebook.klasikal_approval_from
    since = figure.value
    if (
        method is not Method.KLASIKAL
        or since is None
        or start < since
        or schedule.klasikal_approved
    ):
        return
    yield KLASIKAL_APPROVAL.finding(
        here.child("method"),
        f"a classroom cohort starting on {start.isoformat()} needs the written approval of the "
        f"Head of LAN (from {since.isoformat()}); none is recorded",
        f"angkatan klasikal yang mulai {start.isoformat()} memerlukan persetujuan tertulis Kepala "
        f"LAN (sejak {since.isoformat()}); persetujuan tidak tercatat",
        value=method.value,
        figure=figure,
    )


def _check_calendar(schedule: Schedule, here: Location) -> Iterator[Finding]:
    start, end = schedule.start, schedule.end
    if start is None or end is None:
        return
    for year in schedule.calendar.unconfirmed_years(start, max(start, end)):
        yield UNCONFIRMED_YEAR.finding(
            here,
            f"the national holidays and cuti bersama of {year} are not confirmed in the calendar "
            "data; day counts may change when they are decreed (add closures to the calendar)",
            f"hari libur nasional dan cuti bersama tahun {year} belum ditetapkan dalam data "
            "kalender; jumlah hari dapat berubah setelah ditetapkan (tambahkan hari libur ke "
            "kalender)",
            value=year,
        )
