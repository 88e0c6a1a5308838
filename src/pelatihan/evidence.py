"""Evidence: how well something is established, and where it was read.

The two smallest pieces of provenance, below everything that cites them: a
:class:`Status` (REG, SEC, INF, OPEN, or USER for a value the caller supplied)
and a :class:`Source` (an address and what was read there). Legal instruments
(:mod:`pelatihan.instruments`) and figures (:mod:`pelatihan.provenance`) use
both; :mod:`pelatihan.provenance` offers them under its own name too.

    >>> from pelatihan.evidence import Source, Status
    >>> Status.SEC.description("id")
    'dilaporkan oleh sumber sekunder'
    >>> str(Source("https://example.org/perlan.pdf", "preamble"))
    'https://example.org/perlan.pdf (preamble)'
"""

from __future__ import annotations

import enum

import attrs

__all__ = ["Source", "Status"]


class Status(enum.Enum):
    """How well a figure is established.

    The four statuses of the project's domain reference, plus ``USER`` for a
    value the caller supplied in place of a shipped one.

    Example:
        >>> Status("OPEN").description("en")
        'not established; the value is a default or missing, and users should supply it'
    """

    REG = "REG"
    """Read in the text of the regulation or decree itself."""
    SEC = "SEC"
    """Reported by secondary sources (agency news, LAN slides, press)."""
    INF = "INF"
    """Inferred from established facts; the reasoning is documented."""
    OPEN = "OPEN"
    """Not established; the value is a default or missing and users should supply it."""
    USER = "USER"
    """Supplied by the user, overriding the shipped value."""

    def description(self, lang: str = "en") -> str:
        """Explain the status in English (``"en"``) or Indonesian (``"id"``)."""
        return _STATUS_TEXT[self][1 if lang == "id" else 0]


_STATUS_TEXT = {
    Status.REG: (
        "read in the text of the regulation itself",
        "dibaca pada naskah peraturan itu sendiri",
    ),
    Status.SEC: (
        "reported by secondary sources",
        "dilaporkan oleh sumber sekunder",
    ),
    Status.INF: (
        "inferred from established facts",
        "disimpulkan dari fakta yang sudah ditetapkan",
    ),
    Status.OPEN: (
        "not established; the value is a default or missing, and users should supply it",
        "belum dapat dipastikan; nilainya bawaan atau kosong dan sebaiknya diisi pengguna",
    ),
    Status.USER: (
        "supplied by the user",
        "diisi oleh pengguna",
    ),
}


@attrs.frozen
class Source:
    """Where something was read: an address, and what was read there.

    Example:
        >>> str(Source("https://example.org/perlan-1-2021.pdf", "preamble"))
        'https://example.org/perlan-1-2021.pdf (preamble)'
    """

    address: str
    what: str = ""

    def __str__(self) -> str:
        return f"{self.address} ({self.what})" if self.what else self.address
