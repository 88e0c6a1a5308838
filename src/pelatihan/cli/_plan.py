"""``pelatihan plan``: a cohort's schedule from its first day, as text, JSON, iCalendar, SVG."""

from __future__ import annotations

import argparse
import datetime
import functools
from decimal import Decimal

from pelatihan import legal, rulebooks
from pelatihan.calendar import Calendar
from pelatihan.cli._common import (
    EXIT_OK,
    _emit,
    _json,
    _Unusable,
    _write_file,
)
from pelatihan.cli._lang import pick
from pelatihan.errors import printable
from pelatihan.provenance import Status
from pelatihan.rulebooks import OpenFigureError, Rulebook
from pelatihan.schedule import Schedule, plan_schedule

# -- plan -----------------------------------------------------------------------------------


def _plan_data(plan: Schedule) -> dict[str, object]:
    jp = plan.jp.value if plan.jp is not None else None
    return {
        "regime": plan.regime,
        "method": plan.method.value if plan.method is not None else None,
        "track": plan.track.value if plan.track is not None else None,
        "start": plan.start.isoformat() if plan.start is not None else None,
        "end": plan.end.isoformat() if plan.end is not None else None,
        "days_in_class": plan.days_in_class,
        "days_out_of_class": plan.days_out_of_class,
        "days_total": plan.days_total,
        "jp": jp,
        "phases": [
            {
                "kind": phase.kind.value,
                "label": phase.label,
                "setting": phase.setting.value,
                "start": phase.start.isoformat(),
                "end": phase.end.isoformat(),
                "training_days": days,
            }
            for phase, days in zip(plan.phases, plan.phase_days(), strict=True)
        ],
    }


_PHASE_LABELS_ID = {
    "habituation": "habituasi",
    "classroom": "klasikal",
    "on campus 1": "klasikal 1",
    "on campus 2": "klasikal 2",
    "distance learning 1": "pembelajaran jarak jauh 1",
    "distance learning 2": "pembelajaran jarak jauh 2",
}
"""The shipped rulebooks' phase labels in Indonesian; other labels are shown as written."""


def _phase_name(label: str, lang: str) -> str:
    return _PHASE_LABELS_ID.get(label, label) if lang == "id" else label


def _plan_text(plan: Schedule, book: Rulebook | None = None, lang: str = "en") -> str:
    t = pick(lang)
    regime = legal.get_regime(plan.regime).name if plan.regime else "-"
    track = plan.track.value if plan.track is not None else "-"
    method = plan.method.value if plan.method is not None else "-"
    header = (
        "#",
        t("phase", "tahap"),
        t("kind", "jenis"),
        t("setting", "tempat"),
        t("start", "mulai"),
        t("end", "selesai"),
        t("training days", "hari pelatihan"),
    )
    rows = [
        (
            str(number),
            printable(_phase_name(phase.label, lang) or phase.kind.value),
            phase.kind.value,
            t(phase.setting.label, phase.setting.label_id),
            phase.start.isoformat(),
            phase.end.isoformat(),
            str(days),
        )
        for number, (phase, days) in enumerate(
            zip(plan.phases, plan.phase_days(), strict=True), start=1
        )
    ]
    widths = [max(len(row[column]) for row in (header, *rows)) for column in range(len(header))]
    lines = [
        f"Latsar CPNS Golongan {track}, {method}: {regime} ({plan.regime})",
        *(
            "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
            for row in (header, *rows)
        ),
        t(
            f"{plan.start} to {plan.end}: {plan.days_in_class} days in class, "
            f"{plan.days_out_of_class} days out of class, {plan.days_total} training days in "
            "total",
            f"{plan.start} s.d. {plan.end}: {plan.days_in_class} hari dalam kelas, "
            f"{plan.days_out_of_class} hari luar kelas, seluruhnya {plan.days_total} hari "
            "pelatihan",
        ),
    ]
    if plan.jp is not None and plan.jp.value is not None:
        status = plan.jp.status.value
        lines.append(
            t(
                f"{plan.jp.value} JP (lesson hours, {status})",
                f"{plan.jp.value} JP (jam pelajaran, {status})",
            )
        )
    else:
        lines.append(
            t("JP (lesson hours): not established", "JP (jam pelajaran): belum ditetapkan")
        )
    if book is not None:
        supplied = _supplied(book)
        sources = "; ".join(dict.fromkeys(str(item["source"]) for item in supplied.values()))
        lines.append(
            t(
                f"rulebook {book.id} ({book.title}): {len(supplied)} figures supplied by the "
                f"user (USER), from {sources or '-'}",
                f"buku aturan {book.id} ({book.title}): {len(supplied)} angka diberikan "
                f"pengguna (USER), dari {sources or '-'}",
            )
        )
    return "\n".join(printable(line) for line in lines)  # labels and titles may come from a file


def _plan_rulebook(args: argparse.Namespace) -> Rulebook | None:
    """The rulebook --variant and --set give for the plan; ``None`` without them."""
    if args.variant is None and not args.set:
        return None
    from pelatihan.io import variant  # noqa: PLC0415 - only with --variant or --set

    regime = _plan_regime(args)
    if args.variant is None:
        return variant.apply_settings(rulebooks.get(regime), args.set)
    book = variant.read_variant(args.variant)
    if book.regime != regime:
        t = pick(args.lang)
        if args.regime:
            raise _Unusable(
                t(
                    f"{args.variant}: the variant is based on {book.regime}, not on --regime "
                    f"{regime}",
                    f"{args.variant}: varian ini berdasar pada {book.regime}, bukan pada "
                    f"--regime {regime}",
                )
            )
        raise _Unusable(
            t(
                f"{args.variant}: the variant is based on {book.regime}, but a cohort starting "
                f"on {args.start.isoformat()} is governed by {regime}; base the variant on "
                f"{regime}, or give --regime {book.regime} to plan under its regime",
                f"{args.variant}: varian ini berdasar pada {book.regime}, padahal angkatan yang "
                f"mulai {args.start.isoformat()} diatur oleh {regime}; dasarkan varian pada "
                f"{regime}, atau berikan --regime {book.regime} untuk menyusun jadwal menurut "
                "rezimnya",
            )
        )
    return variant.apply_settings(book, args.set)


def _supplied(book: Rulebook) -> dict[str, dict[str, object]]:
    """The figures of a rulebook that the user supplied, with their values and sources."""
    return {
        path: {"value": _jsonable_value(figure.value), "source": figure.source}
        for path, figure in book.figures().items()
        if figure.status is Status.USER
    }


def _jsonable_value(value: object) -> object:
    if isinstance(value, (datetime.date, Decimal)):
        return str(value)
    if isinstance(value, tuple):
        return list(value)
    return value


def _plan_regime(args: argparse.Namespace) -> str:
    """The regime of the plan: --regime, else the one in force on --start."""
    if args.regime:
        return str(args.regime)
    return legal.regime_on(args.start, in_force_from=dict(args.in_force_from)).id


def _write_bytes(path: str, *, data: bytes) -> None:
    with open(path, "wb") as file:
        file.write(data)


def _cannot_draw(path: str, plan: Schedule, lang: str) -> str:
    return pick(lang)(
        f"{path}: cannot be written: the schedule ends on {plan.end}, too near the last day "
        "dates can have (9999-12-31)",
        f"{path}: tidak dapat ditulis: jadwal berakhir pada {plan.end}, terlalu dekat dengan "
        "tanggal terakhir yang dapat ditulis (9999-12-31)",
    )


def _run_plan(args: argparse.Namespace) -> int:
    calendar = Calendar(closures=args.closure) if args.closure else None
    book = _plan_rulebook(args)
    try:
        plan = plan_schedule(
            args.start, args.track, args.method, _plan_regime(args), calendar, rulebook=book
        )
    except OpenFigureError as error:
        raise _Unusable(
            pick(args.lang)(
                f"{error.message_en}; on the command line, give the figure with --set "
                "PATH=VALUE or in a --variant FILE (pelatihan schema --variant)",
                f"{error.message_id}; di baris perintah, berikan angkanya dengan --set "
                "PATH=VALUE atau dalam --variant FILE (pelatihan schema --variant)",
            )
        ) from None
    # each file is made whole before any is written, and written completely or not at all
    outputs: list[tuple[str, bytes]] = []
    if args.ics:
        from pelatihan.io.ics import schedule_to_ics  # noqa: PLC0415 - needs an optional extra

        cohort_id = args.cohort_id or (
            f"latsar-{args.track.value}-{args.method.value}-{args.start.isoformat()}"
        )
        try:
            outputs.append((args.ics, schedule_to_ics(plan, cohort_id=cohort_id, name=args.name)))
        except (OverflowError, ValueError) as error:
            if isinstance(error, ValueError) and (plan.end or datetime.date.min).year < 9999:
                raise _Unusable(str(error)) from error
            # the time zone is written to the next year, an event's end to the day after it
            raise _Unusable(_cannot_draw(args.ics, plan, args.lang)) from error
    if args.svg:
        from pelatihan.io.svg import schedule_to_svg  # noqa: PLC0415 - only when asked for

        try:
            outputs.append((args.svg, schedule_to_svg(plan, title=args.name).encode("utf-8")))
        except (OverflowError, ValueError) as error:
            raise _Unusable(_cannot_draw(args.svg, plan, args.lang)) from error
    for path, content in outputs:
        _write_file(path, functools.partial(_write_bytes, data=content), args.lang)
    if args.format == "json":
        data = _plan_data(plan)
        if book is not None:
            data["rulebook"] = {"id": book.id, "parent": book.parent, "figures": _supplied(book)}
        _emit(_json(data))
    else:
        _emit(_plan_text(plan, book, args.lang))
    return EXIT_OK
