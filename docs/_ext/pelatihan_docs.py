"""Sphinx directives that render pelatihan's own data, so the docs never drift from the code.

``legal-instruments`` renders every instrument of :mod:`pelatihan.legal`;
``legal-regimes`` renders the Latsar regimes and their boundaries;
``rulebook <id>`` renders a shipped rulebook's figures with status and citation;
``rule-catalogue`` renders every rule of :mod:`pelatihan.catalogue`, Indonesian title
first in the Indonesian build;
``column-headers participants`` (or ``results``) renders the column headers tables may have;
``evaluation-rules <id>`` renders a shipped rulebook's evaluation figures: the scored
components and their weights per method, group totals, pass mark, remediation and its
deadline, qualification bands, absence limits, rounding and appointment.

The ``manual`` role links a page of the manual in the other language:
``{manual}`Bahasa Indonesia <id:howto-excel>``` (see ``pelatihan_manuals`` in conf.py).

A translated code block (a command given ``--lang id``, a report as the Indonesian command
prints it) replaces its English one: Sphinx's own translation of literal blocks parses the
translation as reStructuredText, which on a MyST page gives ``::``.

Generated text is not offered for translation (it changes with the code, and a directive
that has its words in both languages gives them itself): its nodes are marked untranslatable.

The ``[source]`` links of a class or function that a module offers from one of its private
parts (see :mod:`pelatihan._reexport`) lead to the part that defines it.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import Parser as RstParser
from docutils.parsers.rst import directives
from docutils.parsers.rst.states import Inliner
from docutils.statemachine import StringList
from docutils.utils import new_document, unescape
from sphinx.application import Sphinx
from sphinx.errors import PycodeError
from sphinx.locale import init as init_locale
from sphinx.pycode import ModuleAnalyzer
from sphinx.transforms import SphinxTransform
from sphinx.util.docutils import SphinxDirective
from sphinx.util.i18n import docname_to_domain
from sphinx.util.typing import ExtensionMetadata

from pelatihan import legal, rulebooks
from pelatihan.cli._common import _SEVERITY_LABEL
from pelatihan.evaluation import Qualification, components, open_weights, weight_path
from pelatihan.provenance import Figure, Status
from pelatihan.training import Method
from pelatihan.validation import catalogue


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _figure_text(figure: Figure[object]) -> str:
    parts = [f"{figure.value} ({figure.status.value})"]
    if figure.basis is not None:
        parts.append(f"basis: {figure.basis}")
    if figure.note:
        parts.append(figure.note)
    return "; ".join(parts)


def _untranslatable(generated: list[nodes.Node]) -> list[nodes.Node]:
    """Mark generated text as not for the translation catalogues."""
    for top in generated:
        for node in top.findall(nodes.TextElement):
            node["translatable"] = False
    return generated


class _RstDirective(SphinxDirective):
    """A directive whose output is reStructuredText generated from the library's data."""

    def lines(self) -> list[str]:
        raise NotImplementedError

    @property
    def indonesian(self) -> bool:
        """Whether the manual being built is the Indonesian one."""
        return bool(self.config.language == "id")

    def run(self) -> list[nodes.Node]:
        container = nodes.section()
        container.document = self.state.document
        content = StringList(self.lines(), source="pelatihan data")
        self.state.nested_parse(content, self.content_offset, container, match_titles=True)
        return _untranslatable(list(container.children))


class LegalInstruments(_RstDirective):
    """Every legal instrument, one section each, oldest first."""

    def lines(self) -> list[str]:
        out: list[str] = []
        for instrument in legal.instruments():
            title = f"{instrument.short_name} (``{instrument.id}``)"
            out += [title, "~" * len(title), "", f"*{instrument.full_name}*", ""]
            out += [instrument.summary, ""]
            rows = [
                ("Kind", instrument.kind.value),
                ("Record status", f"{instrument.status.value}: {instrument.status.description()}"),
            ]
            if instrument.signed:
                rows.append(("Signed (ditetapkan)", instrument.signed.isoformat()))
            if instrument.promulgated:
                rows.append(("Promulgated (diundangkan)", instrument.promulgated.isoformat()))
            if instrument.gazette:
                rows.append(("Gazette", instrument.gazette))
            if instrument.replaces:
                rows.append(("Replaces", ", ".join(str(legal.get(i)) for i in instrument.replaces)))
            if instrument.amends:
                rows.append(("Amends", ", ".join(str(legal.get(i)) for i in instrument.amends)))
            rows.extend(("Read at", str(source)) for source in instrument.sources)
            if instrument.note:
                rows.append(("Not established", instrument.note))
            out += [".. list-table::", "   :widths: 25 75", "   :width: 100%", ""]
            for key, value in rows:
                out += [f"   * - {_cell(key)}", f"     - {_cell(value)}"]
            out.append("")
        return out


class LegalTimeline(_RstDirective):
    """The instruments and regime boundaries in date order, each with what it changed."""

    def lines(self) -> list[str]:
        events: list[tuple[str, str, str]] = []
        for instrument in legal.instruments():
            when = instrument.signed or instrument.promulgated
            label = when.isoformat() if when else f"{instrument.year}"
            events.append((label, instrument.short_name, instrument.summary))
        for regime in legal.regimes():
            figure = regime.in_force_from
            why = figure.note or "read in the regulation"
            text = f"cohorts from this day follow {regime.name} ({figure.status.value}: {why})"
            events.append((figure.value.isoformat(), f"regime {regime.name}", text))
        events.sort(key=lambda event: event[0])
        rows = [(_cell(when), _cell(what), _cell(text)) for when, what, text in events]
        return _table(("When", "What", "Why it matters"), rows, "14 26 60")


class LegalRegimes(_RstDirective):
    """The Latsar regimes: their instruments and the date each applies from."""

    def lines(self) -> list[str]:
        out = [
            ".. list-table::",
            "   :header-rows: 1",
            "   :widths: 20 30 50",
            "",
            "   * - Regime id",
            "     - Instruments",
            "     - Cohorts starting from",
        ]
        for regime in legal.regimes():
            instruments = [regime.name, *(str(decree) for decree in regime.decrees_cited())]
            since = _figure_text(regime.in_force_from)
            if regime.earliest is not None:
                since += (
                    f" A cohort starting from {regime.earliest.isoformat()} until then is "
                    "attributed by this default alone; its report says so "
                    "(``schedule.regime-default``), and it may name this regime instead."
                )
            out += [
                f"   * - ``{regime.id}``",
                f"     - {_cell('; '.join(instruments))}",
                f"     - {_cell(since)}",
            ]
        out.append("")
        return out


def _value(figure: Figure[Any]) -> str:
    value = figure.value
    if value is None:
        return "—"
    if isinstance(value, tuple):
        return "; ".join(str(item) for item in value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    if figure.alternatives:
        return f"{value} (or {', '.join(str(other) for other in figure.alternatives)})"
    return str(value)


def _provenance(figure: Figure[Any]) -> str:
    parts = [f"**{figure.status.value}**"]
    if figure.basis is not None:
        parts.append(str(figure.basis))
    if figure.source:
        parts.append(f"source: {figure.source}")
    if figure.note:
        parts.append(figure.note)
    return " — ".join(_cell(part) for part in parts)


def _table(header: tuple[str, ...], rows: list[tuple[str, ...]], widths: str) -> list[str]:
    out = [".. list-table::", "   :header-rows: 1", f"   :widths: {widths}", "   :width: 100%", ""]
    for row in (header, *rows):
        out.append(f"   * - {row[0]}")
        out.extend(f"     - {cell}" for cell in row[1:])
    out.append("")
    return out


class RulebookDirective(_RstDirective):
    """One shipped rulebook: methods, phases, totals, agendas and other figures."""

    required_arguments = 1

    def lines(self) -> list[str]:
        book = rulebooks.get(self.arguments[0])
        regime = legal.get_regime(book.regime)
        since = _figure_text(regime.in_force_from).rstrip(".")
        out = [f"Rulebook id ``{book.id}``; regime {regime.name}, for cohorts from {since}.", ""]
        for rules in book.methods:
            title = f"Method: {rules.method.value}"
            out += [title, "^" * len(title), ""]
            if not rules.available.value:
                out += [f"Not provided by this regime. {_provenance(rules.available)}", ""]
                continue
            out += [f"Provided: {_provenance(rules.available)}", ""]
            phase_rows = [
                (
                    str(index + 1),
                    _cell(phase.label or phase.kind.value),
                    phase.kind.value,
                    phase.setting.label,
                    _value(phase.days),
                    _provenance(phase.days),
                )
                for index, phase in enumerate(rules.phases)
            ]
            out += ["Phases, in order:", ""]
            out += _table(
                ("#", "Phase", "Kind", "Setting", "Days", "Provenance"),
                phase_rows,
                "4 18 12 12 8 46",
            )
            totals = [
                ("Days in total", rules.days_total),
                ("Days in class", rules.days_in_class),
                ("Days out of class", rules.days_out_of_class),
                *((f"Days of {item.kind.value} phases", item.days) for item in rules.kind_days),
                ("Lesson hours (JP)", rules.jp_total),
            ]
            out += _table(
                ("Figure", "Value", "Provenance"),
                [(name, _value(figure), _provenance(figure)) for name, figure in totals],
                "30 10 60",
            )
        out += ["Curriculum agendas", "^" * len("Curriculum agendas"), ""]
        out += _table(
            ("#", "Agenda", "Modules", "Provenance"),
            [
                (
                    str(agenda.number),
                    _cell(_value(agenda.name)),
                    _cell(_value(agenda.modules)),
                    _provenance(agenda.name),
                )
                for agenda in book.agendas
            ],
            "4 30 30 36",
        )
        out += ["Other figures", "^" * len("Other figures"), ""]
        others = [
            (f"``{path}``", _cell(_value(figure)), _provenance(figure))
            for path, figure in book.figures().items()
            if not path.startswith(("methods.", "agendas"))
        ]
        out += _table(("Figure path", "Value", "Provenance"), others, "34 12 54")
        return out


def _established(figure: Figure[Any], *, none_is_a_value: bool = False) -> str:
    """In plain words: a regulation figure, a default of the library, or missing."""
    if figure.status is Status.REG:
        return "**regulation** (REG)"
    if figure.status is Status.USER:
        return "supplied (USER)"
    if figure.value is None and not none_is_a_value:
        return f"**not established**: supply it ({figure.status.value})"
    kind = {Status.SEC: "reported", Status.INF: "inferred", Status.OPEN: "open"}[figure.status]
    return f"default, {kind} ({figure.status.value})"


class EvaluationRules(_RstDirective):
    """One shipped rulebook's evaluation figures, each with what establishes it.

    Its output is parsed as reStructuredText whatever the page is written in, so it
    can be used on a MyST (Markdown) page too; it has no section titles of its own.
    """

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        host = self.state.document
        document = new_document(host["source"], host.settings)
        document.reporter = host.reporter
        RstParser().parse("\n".join(self.lines()), document)
        return _untranslatable(list(document.children))

    def lines(self) -> list[str]:
        book = rulebooks.get(self.arguments[0])
        evaluation = book.evaluation
        methods = [rules.method for rules in book.methods if rules.available.value]
        out = [
            f"Rulebook ``{book.id}`` ({_cell(book.title)}). Methods provided: "
            + ", ".join(method.value for method in methods)
            + ".",
            "",
        ]
        out += self.computable(book, methods)
        out += [".. rubric:: Components of the final score and their weights", ""]
        rows: list[tuple[str, ...]] = []
        for method in methods:
            for key, part in components(method, book).items():
                rows.append(
                    (
                        method.value,
                        _cell(f"{part.name_en} (*{part.name_id}*)")
                        + (f"; group ``{part.group}``" if part.group else ""),
                        f"``{weight_path(key)}``",
                        _value(part.weight),
                        _established(part.weight),
                        _provenance(part.weight),
                    )
                )
        out += _table(
            ("Method", "Component", "Weight path", "Weight (%)", "Established", "Provenance"),
            rows,
            "9 19 20 7 15 30",
        )
        for group, figure in evaluation.group_weights:
            if figure.value is None:
                weighs = f"The weight of the {group} group in all is not established"
            else:
                weighs = f"The {group} components weigh {figure.value}% in all"
            cited = _provenance(figure).rstrip(".")
            out += [
                (
                    f"{weighs} (``evaluation.group_weights.{group}``, {_established(figure)}; "
                    f"{cited})."
                ),
                "",
            ]
        out += [".. rubric:: Passing, deferral, remediation and appointment", ""]
        places = evaluation.score_places
        rows = [
            (
                "Pass mark: a final score of at least",
                "``evaluation.pass_mark``",
                _value(evaluation.pass_mark),
                _established(evaluation.pass_mark),
                _provenance(evaluation.pass_mark),
            ),
            (
                "Recorded score after remediation",
                "``evaluation.remediated_score``",
                _value(evaluation.remediated_score),
                _established(evaluation.remediated_score),
                _provenance(evaluation.remediated_score),
            ),
            (
                "Remediation of a deferred participant by the end of the probation year",
                "``evaluation.remediation_within_probation``",
                _value(evaluation.remediation_within_probation),
                _established(evaluation.remediation_within_probation),
                _provenance(evaluation.remediation_within_probation),
            ),
            (
                "Days for remediation after the results are decided",
                "``evaluation.remediation_days``",
                _value(evaluation.remediation_days),
                _established(evaluation.remediation_days),
                _provenance(evaluation.remediation_days),
            ),
            (
                "Days after the last day within which results are decided (a sanity bound)",
                "``evaluation.results_within_days``",
                _value(evaluation.results_within_days),
                _established(evaluation.results_within_days),
                _provenance(evaluation.results_within_days),
            ),
            (
                "Decimal places of a final score (rounded half up)",
                "``evaluation.score_places``",
                _value(places),
                _established(places),
                _provenance(places),
            ),
            (
                (
                    "Appointment as PNS not before the day after the probation year ends (nor "
                    "before passing)"
                ),
                "``evaluation.appointment_after_probation``",
                _value(evaluation.appointment_after_probation),
                _established(evaluation.appointment_after_probation),
                _provenance(evaluation.appointment_after_probation),
            ),
        ]
        out += _table(
            ("Figure", "Path", "Value", "Established", "Provenance"), rows, "26 22 8 16 28"
        )
        out += [".. rubric:: Qualification bands, best first", ""]
        rows = []
        previous: str | None = None
        for key, figure in evaluation.bands:
            name = Qualification[key.upper()].value
            edge = figure.value
            if edge is not None:
                scores = f"above {edge}" + (f", up to {previous}" if previous else "")
                previous = str(edge)
            else:
                scores = f"{previous} or less" if previous else "every score"
            rows.append(
                (
                    f"*{name}*",
                    f"``evaluation.bands.{key}``",
                    scores,
                    _established(figure, none_is_a_value=True),
                    _provenance(figure),
                )
            )
        out += _table(
            ("Band (kualifikasi)", "Path", "Final scores", "Established", "Provenance"),
            rows,
            "18 26 16 14 26",
        )
        out += [".. rubric:: Absence limits", ""]
        rows = [
            (
                unit,
                f"``evaluation.absence_{name}``",
                "—" if figure.value is None else f"more than {figure.value}",
                _established(figure),
                _provenance(figure),
            )
            for unit, name, figure in (
                ("Sessions", "sessions", evaluation.absence_sessions),
                ("Lesson hours (JP)", "jp", evaluation.absence_jp),
                ("Days", "days", evaluation.absence_days),
            )
        ]
        out += _table(
            ("Absent", "Path", "Can fail with", "Established", "Provenance"),
            rows,
            "14 26 14 16 30",
        )
        return out

    def computable(self, book: rulebooks.Rulebook, methods: list[Method]) -> list[str]:
        """Say, per method, whether a final score can be computed, and what to supply if not."""
        out: list[str] = []
        for method in methods:
            weights = components(method, book)
            missing = [f"``{path}``" for path in open_weights(method, book)]
            if missing:
                out.append(
                    f"* **{method.value}**: no final score can be computed until a variant "
                    f"supplies {', '.join(missing)}."
                )
            else:
                total = sum(part.weight.value or 0 for part in weights.values())
                out.append(
                    f"* **{method.value}**: the weights add up to {total}; the final score can "
                    "be computed."
                )
        return [*out, ""]


class RuleCatalogue(_RstDirective):
    """Every rule: code, severity, titles, what it checks, basis.

    The Indonesian build gives the Indonesian title first and the severity as the command's
    Indonesian report does; what a rule checks is written in English only.
    """

    def lines(self) -> list[str]:
        lang = "id" if self.indonesian else "en"
        basis = "Dasar hukum" if self.indonesian else "Basis"
        rows = [
            (
                f"``{rule.code}``",
                _SEVERITY_LABEL[lang][rule.severity.value],
                _cell(
                    f"{rule.title_id} / *{rule.title_en}*"
                    if self.indonesian
                    else f"{rule.title_en} / *{rule.title_id}*"
                ),
                _cell(rule.checks + (f" {basis}: {rule.basis}." if rule.basis else "")),
            )
            for rule in catalogue.rules()
        ]
        header = (
            ("Kode", "Tingkat", "Judul", "Yang diperiksa (dalam bahasa Inggris)")
            if self.indonesian
            else ("Code", "Severity", "Title", "What it checks")
        )
        return _table(header, rows, "22 10 28 40")


class ColumnHeaders(_RstDirective):
    """The column headers a table may have, per field, with the field's names in both languages.

    Argument: ``participants`` (participant lists) or ``results`` (results exports).
    """

    required_arguments = 1

    def lines(self) -> list[str]:
        from pelatihan.io import results, tabular  # noqa: PLC0415
        from pelatihan.io.table import normalize_header  # noqa: PLC0415

        kind = self.arguments[0]
        if kind == "participants":
            headers, labels, required = tabular.HEADERS, tabular.LABELS_ID, {"nip", "name"}
        elif kind == "results":
            headers, labels, required = results.RESULT_HEADERS, results.RESULT_LABELS_ID, {"nip"}
        else:
            raise self.error(f"column-headers: {kind!r} is not participants or results")
        rows = []
        for field, names in headers.items():
            key = f"``{field}``" + (" (required / *wajib*)" if field in required else "")
            spelled = {normalize_header(name) for name in names}
            own = "" if normalize_header(field) in spelled else f", ``{field}``"
            rows.append((key, _cell(labels.get(field, field)), _cell(", ".join(names)) + own))
        return _table(
            (
                "Field / *Isian*",
                "In Indonesian / *Nama*",
                "Headers read / *Judul kolom yang dikenali*",
            ),
            rows,
            "20 20 60",
        )


class CliReference(_RstDirective):
    """The ``pelatihan`` command's help, for the command and each subcommand, from its parser."""

    def lines(self) -> list[str]:
        import argparse  # noqa: PLC0415

        from pelatihan.cli import build_parser  # noqa: PLC0415

        os.environ["COLUMNS"] = "100"  # argparse wraps help to the terminal's width
        parser = build_parser()
        out = ["Usage", "-----", "", ".. code-block:: text", ""]
        out += [f"   {line}" for line in parser.format_help().splitlines()]
        out.append("")
        subparsers = next(
            action for action in parser._actions if isinstance(action, argparse._SubParsersAction)
        )
        for name, sub in subparsers.choices.items():
            title = f"pelatihan {name}"
            out += [title, "-" * len(title), "", ".. code-block:: text", ""]
            out += [f"   {line}" for line in sub.format_help().splitlines()]
            out.append("")
        return out


class ScheduleTimeline(SphinxDirective):
    """A planned schedule drawn by :mod:`pelatihan.io.svg`, embedded in the page at build time.

    Options: ``start`` (YYYY-MM-DD), ``track``, ``method``.
    """

    option_spec: ClassVar[dict[str, Callable[[str], Any]]] = {
        "start": directives.unchanged_required,
        "track": directives.unchanged_required,
        "method": directives.unchanged_required,
    }

    def run(self) -> list[nodes.Node]:
        import datetime  # noqa: PLC0415

        from pelatihan import plan_schedule  # noqa: PLC0415
        from pelatihan.io.svg import schedule_to_svg  # noqa: PLC0415

        start = datetime.date.fromisoformat(self.options["start"])
        plan = plan_schedule(start, self.options["track"], self.options["method"])
        svg = schedule_to_svg(plan)
        return [nodes.raw("", f'<div class="timeline">{svg}</div>', format="html")]


_MANUAL_TARGET = re.compile(r"(?s)(?P<title>.*?)\s*<(?P<language>[a-z]{2}):(?P<page>[^<>]+)>")


def manual_role(
    name: str,
    rawtext: str,
    text: str,
    lineno: int,
    inliner: Inliner,
    *,
    options: dict[str, Any] | None = None,
    content: list[str] | None = None,
) -> tuple[list[nodes.Node], list[nodes.system_message]]:
    """A link to a page of the manual in another language: ``Title <id:page>``."""
    env = inliner.document.settings.env
    match = _MANUAL_TARGET.fullmatch(unescape(text))
    roots: dict[str, str] = env.config.pelatihan_manuals
    if match is None or match["language"] not in roots:
        message = inliner.reporter.error(
            f"manual: {text!r} is not 'Title <language:page>' with a language of {sorted(roots)}",
            line=lineno,
        )
        return [inliner.problematic(rawtext, rawtext, message)], [message]
    uri = "../" * env.docname.count("/") + roots[match["language"]] + match["page"] + ".html"
    return [nodes.reference(rawtext, match["title"], refuri=uri)], []


class TranslateLiteralBlocks(SphinxTransform):
    """Put a code block's translation from the page's catalogue in its place, as it is."""

    default_priority = 15  # before Sphinx's Locale transform (20), which then leaves it

    def apply(self, **kwargs: Any) -> None:
        if self.config.language in {None, "en"}:
            return
        domain = docname_to_domain(self.env.docname, self.config.gettext_compact)
        dirs = [self.env.srcdir / directory for directory in self.config.locale_dirs]
        catalogue, found = init_locale(dirs, self.config.language, domain)
        if not found:
            return
        for node in self.document.findall(nodes.literal_block):
            english = node.rawsource
            translated = catalogue.gettext(english) if english else ""
            if translated and translated != english:
                node.children = [nodes.Text(translated)]
                node.rawsource = translated
                node["translated"] = True


def _defines(modname: str, name: str) -> bool:
    try:
        return name in ModuleAnalyzer.for_module(modname).find_tags()
    except PycodeError:
        return False


def _defining_part(_app: Sphinx, modname: str, name: str) -> str | None:
    """The private part of ``modname`` whose source defines ``name``, for viewcode.

    ``None`` (viewcode's own answer) unless ``modname`` adopted ``name`` from a part:
    names it as its own (``__module__``) without defining it.
    """
    top = getattr(sys.modules.get(modname), name.partition(".")[0], None)
    if getattr(top, "__module__", None) != modname or _defines(modname, name):
        return None
    for partname, part in sorted(sys.modules.items()):
        if (
            partname.startswith(f"{modname}.")
            and getattr(part, top.__name__, None) is top
            and _defines(partname, name)
        ):
            return partname
    return None


def setup(app: Sphinx) -> ExtensionMetadata:
    """Register the directives, and where viewcode finds the source of a part's names."""
    app.connect("viewcode-follow-imported", _defining_part)
    app.add_config_value("pelatihan_manuals", {}, "env", types=frozenset({dict}))
    app.add_role("manual", manual_role)
    app.add_transform(TranslateLiteralBlocks)
    app.add_directive("legal-instruments", LegalInstruments)
    app.add_directive("legal-regimes", LegalRegimes)
    app.add_directive("legal-timeline", LegalTimeline)
    app.add_directive("rulebook", RulebookDirective)
    app.add_directive("rule-catalogue", RuleCatalogue)
    app.add_directive("evaluation-rules", EvaluationRules)
    app.add_directive("cli-reference", CliReference)
    app.add_directive("column-headers", ColumnHeaders)
    app.add_directive("schedule-timeline", ScheduleTimeline)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
