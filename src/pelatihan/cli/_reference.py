"""``pelatihan rules``, ``regimes`` and ``schema``: the catalogue, the legal bases, the formats."""

from __future__ import annotations

import argparse

from pelatihan import legal
from pelatihan.cli._common import (
    _SEVERITY_LABEL,
    _WORDS,
    EXIT_OK,
    _emit,
    _json,
)
from pelatihan.cli._lang import pick
from pelatihan.findings import Rule
from pelatihan.validation.catalogue import rules

# -- rules, regimes, schema -----------------------------------------------------------------


def _rule_data(rule: Rule) -> dict[str, object]:
    cited: dict[str, object] | None = None
    if rule.basis is not None:
        cited = {
            "instrument": rule.basis.instrument,
            "article": rule.basis.article,
            "citation": str(rule.basis),
        }
    return {
        "code": rule.code,
        "severity": rule.severity.value,
        "title": {"en": rule.title_en, "id": rule.title_id},
        "checks": rule.checks,
        "basis": cited,
    }


def _run_rules(args: argparse.Namespace) -> int:
    catalogue = rules()
    if args.format == "json":
        _emit(_json([_rule_data(rule) for rule in catalogue]))
        return EXIT_OK
    words = _WORDS[args.lang]
    lines: list[str] = []
    for rule in catalogue:
        title = rule.title_id if args.lang == "id" else rule.title_en
        severity = _SEVERITY_LABEL[args.lang][rule.severity.value]
        cited = str(rule.basis) if rule.basis is not None else words["no-basis"]
        lines.extend(
            (
                f"{rule.code} ({severity}): {title}",
                f"    {words['checks']}: {rule.checks}",
                f"    {words['basis']}: {cited}",
            )
        )
    _emit("\n".join(lines))
    return EXIT_OK


def _regime_data(regime: legal.Regime) -> dict[str, object]:
    since = regime.in_force_from
    return {
        "id": regime.id,
        "name": regime.name,
        "instrument": regime.instrument,
        "amended_by": list(regime.amended_by),
        "decrees": list(regime.decrees),
        "in_force_from": {
            "date": since.value.isoformat(),
            "status": since.status.value,
            "basis": str(since.basis) if since.basis is not None else None,
            "note": since.note,
            "earliest": regime.earliest.isoformat() if regime.earliest is not None else None,
        },
    }


def _instrument_data(instrument: legal.Instrument) -> dict[str, object]:
    return {
        "id": instrument.id,
        "short_name": instrument.short_name,
        "kind": instrument.kind.value,
        "status": instrument.status.value,
        "title": instrument.title,
        "summary": instrument.summary,
        "replaces": list(instrument.replaces),
        "amends": list(instrument.amends),
    }


def _run_regimes(args: argparse.Namespace) -> int:
    if args.format == "json":
        data = {
            "regimes": [_regime_data(regime) for regime in legal.regimes()],
            "instruments": [_instrument_data(item) for item in legal.instruments()],
        }
        _emit(_json(data))
        return EXIT_OK
    t = pick(args.lang)
    lines = [t("Regimes", "Rezim")]
    for regime in legal.regimes():
        since = regime.in_force_from
        lines.append(
            f"  {regime.id}  {regime.name}  {t('in force from', 'berlaku sejak')} "
            f"{since.value.isoformat()} ({since.status.value})"
        )
        if regime.decrees:
            decrees = ", ".join(decree.short_name for decree in regime.decrees_cited())
            lines.append(f"      {t('decrees', 'keputusan')}: {decrees}")
        if since.note:  # in English only so far
            lines.append(f"      {since.note}")
    lines.append(t("Instruments", "Peraturan"))
    catalogue = legal.instruments()
    id_width = max(len(item.id) for item in catalogue)
    name_width = max(len(item.short_name) for item in catalogue)
    lines.extend(
        f"  {item.id:<{id_width}}  {item.short_name:<{name_width}}  {item.status.value:<4}  "
        f"{item.title}"
        for item in catalogue
    )
    _emit("\n".join(lines))
    return EXIT_OK


def _run_schema(args: argparse.Namespace) -> int:
    from pelatihan.io.schema import cohort_schema, variant_schema  # noqa: PLC0415 - this command's

    _emit(_json(variant_schema() if args.variant else cohort_schema(args.lang)))
    return EXIT_OK
