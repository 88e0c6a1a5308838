"""Sphinx directives that render pelatihan's own data, so the docs never drift from the code.

``legal-instruments`` renders every instrument of :mod:`pelatihan.legal`;
``legal-regimes`` renders the Latsar regimes and their boundaries.
"""

from __future__ import annotations

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective
from sphinx.util.typing import ExtensionMetadata

from pelatihan import legal
from pelatihan.provenance import Figure


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _figure_text(figure: Figure[object]) -> str:
    parts = [f"{figure.value} ({figure.status.value})"]
    if figure.basis is not None:
        parts.append(f"basis: {figure.basis}")
    if figure.note:
        parts.append(figure.note)
    return "; ".join(parts)


class _RstDirective(SphinxDirective):
    """A directive whose output is reStructuredText generated from the library's data."""

    def lines(self) -> list[str]:
        raise NotImplementedError

    def run(self) -> list[nodes.Node]:
        container = nodes.section()
        container.document = self.state.document
        content = StringList(self.lines(), source="pelatihan data")
        self.state.nested_parse(content, self.content_offset, container, match_titles=True)
        return list(container.children)


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


class LegalRegimes(_RstDirective):
    """The Latsar regimes with the date each applies from."""

    def lines(self) -> list[str]:
        out = [
            ".. list-table::",
            "   :header-rows: 1",
            "   :widths: 25 25 50",
            "",
            "   * - Regime id",
            "     - Name",
            "     - Cohorts starting from",
        ]
        for regime in legal.regimes():
            out += [
                f"   * - ``{regime.id}``",
                f"     - {_cell(regime.name)}",
                f"     - {_cell(_figure_text(regime.in_force_from))}",
            ]
        out.append("")
        return out


def setup(app: Sphinx) -> ExtensionMetadata:
    """Register the directives."""
    app.add_directive("legal-instruments", LegalInstruments)
    app.add_directive("legal-regimes", LegalRegimes)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
