"""The legal instruments of Latsar CPNS: laws, regulations, decrees, circulars.

Latsar (*Pelatihan Dasar CPNS*) rests on a chain of instruments: the civil
service law (*Undang-Undang ASN*) requires a one-year probation with integrated
training; a government regulation (*Peraturan Pemerintah*) delegates that
training to the National Institute of Public Administration (LAN); LAN's own
regulations (*Peraturan LAN*, "PerLAN") set the training's shape; and decrees of
the Head of LAN (*Keputusan Kepala LAN*) give the operating guideline and the
curriculum. This module holds each of those instruments as a frozen
:class:`Instrument` record, with how well its details are established.

    >>> from pelatihan import instruments
    >>> perlan = instruments.get("perlan-1-2021")
    >>> perlan.short_name, perlan.replaces
    ('Peraturan LAN 1/2021', ('perlan-12-2018',))
    >>> [i.id for i in instruments.instruments() if i.kind is instruments.InstrumentKind.PERLAN]
    ['perlan-24-2017', 'perlan-25-2017', 'perlan-12-2018', 'perlan-1-2021', 'perlan-10-2021']

Which regulation governs a cohort (its *regime*) is decided in
:mod:`pelatihan.regimes`; :mod:`pelatihan.legal` offers both under one name.
"""

from __future__ import annotations

import datetime
import enum

import attrs

from pelatihan.errors import ValidationError
from pelatihan.evidence import Source, Status

__all__ = [
    "Instrument",
    "InstrumentKind",
    "UnknownInstrumentError",
    "find",
    "get",
    "instruments",
]

_date = datetime.date


class InstrumentKind(enum.Enum):
    """The kinds of legal instrument in the Latsar chain, in order of rank."""

    UU = "Undang-Undang"
    """A statute (law) passed by parliament."""
    PP = "Peraturan Pemerintah"
    """A government regulation."""
    PERLAN = "Peraturan Lembaga Administrasi Negara"
    """A regulation of the National Institute of Public Administration (LAN)."""
    PERKA_BKN = "Peraturan Kepala Badan Kepegawaian Negara"
    """A regulation of the Head of the National Civil Service Agency (BKN)."""
    KEPKA_LAN = "Keputusan Kepala Lembaga Administrasi Negara"
    """A decree of the Head of LAN."""
    SE_MENPANRB = "Surat Edaran Menteri PANRB"
    """A circular of the Minister for State Apparatus Empowerment and Bureaucratic Reform."""
    SE_KEPALA_BKN = "Surat Edaran Kepala Badan Kepegawaian Negara"
    """A circular of the Head of the National Civil Service Agency (BKN)."""
    SKB = "Surat Keputusan Bersama"
    """A joint decree of several ministers."""

    @property
    def abbreviation(self) -> str:
        """The short form used in citations (``"PP"``, ``"Peraturan LAN"``)."""
        return _ABBREVIATIONS[self]


_ABBREVIATIONS = {
    InstrumentKind.UU: "UU",
    InstrumentKind.PP: "PP",
    InstrumentKind.PERLAN: "Peraturan LAN",
    InstrumentKind.PERKA_BKN: "Peraturan Kepala BKN",
    InstrumentKind.KEPKA_LAN: "Keputusan Kepala LAN",
    InstrumentKind.SE_MENPANRB: "SE MenPANRB",
    InstrumentKind.SE_KEPALA_BKN: "SE Kepala BKN",
    InstrumentKind.SKB: "SKB",
}


@attrs.frozen
class Instrument:
    """A legal instrument, as far as its details are established.

    Args:
        id: Stable identifier used in citations (``"perlan-1-2021"``).
        kind: What kind of instrument it is.
        number: Its number as written (``"1"``, ``"93/K.1/PDP.07/2021"``).
        year: The year of its number.
        title: Its title in Indonesian.
        summary: What it does for Latsar, in English.
        status: How well this record (its existence and role) is established.
        signed: The date it was signed (*ditetapkan*), when known.
        promulgated: The date it was promulgated (*diundangkan*), when known.
        gazette: Where it was promulgated (*Berita Negara*, *Lembaran Negara*).
        replaces: Ids of instruments it revokes and replaces.
        amends: Ids of instruments it amends.
        sources: Where its text, or the reports of it, were read.
        note: What is not established about it.
        name: Its name in citations, for an instrument that is not cited by
            number (a decree issued anew every year).
    """

    id: str
    kind: InstrumentKind
    number: str
    year: int
    title: str
    summary: str
    status: Status
    signed: datetime.date | None = None
    promulgated: datetime.date | None = None
    gazette: str | None = None
    replaces: tuple[str, ...] = ()
    amends: tuple[str, ...] = ()
    sources: tuple[Source, ...] = ()
    note: str = ""
    name: str | None = None

    @property
    def short_name(self) -> str:
        """The name used in citations.

        Example:
            >>> get("kep-13-2022").short_name
            'Keputusan Kepala LAN 13/K.1/PDP.07/2022'
        """
        if self.name is not None:
            return self.name
        if "/" in self.number:
            return f"{self.kind.abbreviation} {self.number}"
        return f"{self.kind.abbreviation} {self.number}/{self.year}"

    @property
    def full_name(self) -> str:
        """The full Indonesian name (``"Peraturan Pemerintah Nomor 11 Tahun 2017 tentang ..."``)."""
        if self.name is not None:
            return f"{self.kind.value} tentang {self.title}"
        if "/" in self.number:
            return f"{self.kind.value} Nomor {self.number} tentang {self.title}"
        return f"{self.kind.value} Nomor {self.number} Tahun {self.year} tentang {self.title}"

    def __str__(self) -> str:
        return self.short_name


class UnknownInstrumentError(ValidationError, LookupError):
    """Raised by :func:`get` for an id that names no known instrument."""

    code = "legal.unknown-instrument"


_DECREES_2024 = (
    Source(
        "https://id.scribd.com/document/822751342",
        "LAN deck 'Kebijakan dan Manajemen Penyelenggaraan Latsar CPNS 2025', first page: the "
        "legal bases",
    ),
    Source(
        "a 2025 report template of Loka Diklat Keagamaan Pekanbaru (Kemenag), in a public code "
        "repository",
        "the legal bases of a 2025 cohort",
    ),
)

_INSTRUMENTS: tuple[Instrument, ...] = (
    Instrument(
        id="pp-98-2000",
        kind=InstrumentKind.PP,
        number="98",
        year=2000,
        title="Pengadaan Pegawai Negeri Sipil",
        summary=(
            "Art. 11(4), as amended by PP 11/2002: the grade (golongan/ruang) in which a CPNS is "
            "appointed, by the diploma used to apply."
        ),
        status=Status.SEC,
        sources=(
            Source(
                "https://docplayer.info/amp/33207503-peraturan-pemerintah-republik-indonesia-nomor-98-tahun-2000-tentang-pengadaan-pegawai-negeri-sipil-presiden-republik-indonesia.html",
                "a copy of the text; only its title was read",
            ),
            Source(
                "http://kepegkanwilbali.blogspot.com/p/info-kepeg.html",
                "art. 11(4) as amended, quoted",
            ),
        ),
        note="The article's wording is known from a quotation, not from the gazetted text.",
    ),
    Instrument(
        id="pp-11-2002",
        kind=InstrumentKind.PP,
        number="11",
        year=2002,
        title="Perubahan atas Peraturan Pemerintah Nomor 98 Tahun 2000 tentang Pengadaan PNS",
        summary="Amends PP 98/2000, including the entry grades of art. 11(4).",
        status=Status.SEC,
        amends=("pp-98-2000",),
    ),
    Instrument(
        id="skb-3-menteri",
        kind=InstrumentKind.SKB,
        number="",
        year=2002,
        name="SKB 3 Menteri (yearly)",
        title="Hari Libur Nasional dan Cuti Bersama",
        summary=(
            "The joint decree of the Ministers of Religious Affairs, of Manpower, and for State "
            "Apparatus Empowerment, issued each year (and sometimes amended mid-year), that sets "
            "the national holidays and collective leave (cuti bersama). The calendar takes them "
            "from the holidays package, which records each year's decree."
        ),
        status=Status.SEC,
        note="One decree a year; the year shown is the first the calendar data covers.",
    ),
    Instrument(
        id="perka-bkn-22-2007",
        kind=InstrumentKind.PERKA_BKN,
        number="22",
        year=2007,
        title="Nomor Identitas Pegawai Negeri Sipil",
        summary=(
            "Defines the 18-digit NIP: date of birth, year and month of first appointment as "
            "CPNS, sex, serial number."
        ),
        status=Status.SEC,
        sources=(
            Source(
                "https://docplayer.info/amp/32718427-badan-kepegawaian-negara-peraturan-kepala-badan-kepegawaian-negara-nomor-22-tahun-2007-tentang-nomor-identitas-pegawai-negeri-sipil.html",
                "a copy of the text; only its title was read",
            ),
            Source(
                "https://text-id.123dok.com/document/yr2nk5jz-perka-bkn-nomor-22-tahun-2007-ttg-nip.html",
                "slides summarising the structure",
            ),
        ),
        note="The digit layout is known from summaries, not from the regulation's own text.",
    ),
    Instrument(
        id="uu-5-2014",
        kind=InstrumentKind.UU,
        number="5",
        year=2014,
        title="Aparatur Sipil Negara",
        summary=(
            "Art. 63(3)-(4): a CPNS serves a probation carried out through integrated education "
            "and training; art. 64(1): the probation lasts one year; art. 65: a CPNS who does "
            "not pass the training and is not healthy is dismissed."
        ),
        status=Status.REG,
        sources=(
            Source(
                "http://dirbkpsdm.parigimoutongkab.go.id/index.php/17-uu-nomor-5-tahun-2014/144-pasal-67",
                "art. 63, transcribed on a regional government site",
            ),
            Source(
                "https://id.scribd.com/document/571975702",
                "LAN slides quoting arts. 64 and 65",
            ),
        ),
    ),
    Instrument(
        id="pp-11-2017",
        kind=InstrumentKind.PP,
        number="11",
        year=2017,
        title="Manajemen Pegawai Negeri Sipil",
        summary=(
            "Art. 23(1): applicants are 18 to 35 years old when they apply; art. 34: Latsar is "
            "organised under LAN and may be taken once only (art. 34(5)); art. 36: a CPNS who "
            "passes Latsar and is healthy is appointed PNS."
        ),
        status=Status.SEC,
        sources=(
            Source(
                "http://nasional.kompas.com/read/2017/08/09/16530971/kesempatan-hanya-satu-kali-cpns-diminta-tak-main-main-ikuti-prajab",
                "art. 34(5), reported",
            ),
            Source(
                "https://mandarnesia.com/sembilan-syarat-dasar-bagi-pelamar-cpns-2018",
                "art. 23(1), quoted from a BKN release",
            ),
        ),
        note="The articles' wording is known from reports; PP 17/2020 may have reworded them.",
    ),
    Instrument(
        id="perlan-24-2017",
        kind=InstrumentKind.PERLAN,
        number="24",
        year=2017,
        title="Pedoman Penyelenggaraan Pelatihan Dasar Calon Pegawai Negeri Sipil Golongan II",
        summary="Latsar for the golongan II track before PerLAN 12/2018 (not modelled).",
        status=Status.SEC,
        sources=(Source("https://id.scribd.com/document/422632196", "list of legal bases"),),
        note="Whether PerLAN 12/2018 revoked it expressly is not established.",
    ),
    Instrument(
        id="perlan-25-2017",
        kind=InstrumentKind.PERLAN,
        number="25",
        year=2017,
        title="Pedoman Penyelenggaraan Pelatihan Dasar Calon Pegawai Negeri Sipil Golongan III",
        summary="Latsar for the golongan III track before PerLAN 12/2018 (not modelled).",
        status=Status.SEC,
        sources=(
            Source(
                "https://id.scribd.com/document/422632196",
                "list of legal bases",
            ),
            Source(
                "https://issuu.com/bapelkescikarang/docs/dr._anita_sari_putri/7",
                "",
            ),
        ),
        note="Whether PerLAN 12/2018 revoked it expressly is not established.",
    ),
    Instrument(
        id="perlan-12-2018",
        kind=InstrumentKind.PERLAN,
        number="12",
        year=2018,
        title="Pelatihan Dasar Calon Pegawai Negeri Sipil",
        summary=(
            "The 'new pattern' Latsar: classroom training with habituation at the workplace, "
            "one regulation for both tracks."
        ),
        status=Status.REG,
        gazette="Berita Negara Republik Indonesia Tahun 2018 Nomor 1800",
        replaces=("perlan-24-2017", "perlan-25-2017"),
        sources=(
            Source(
                "https://docplayer.info/amp/135237705-no-1800-2018-berita-negara-republik-indonesia-lan-cpns-pelatihan-dasar-peraturan-lembaga-administrasi-negara-republik-indonesia-nomor-12-tahun-201.html",
                "the gazette copy; its header was read",
            ),
        ),
        note="The dates of signing and promulgation and the in-force clause are not established.",
    ),
    Instrument(
        id="pp-49-2018",
        kind=InstrumentKind.PP,
        number="49",
        year=2018,
        title="Manajemen Pegawai Pemerintah dengan Perjanjian Kerja",
        summary=(
            "The management of contract civil servants (PPPK), who have their own 18-digit "
            "number (NI PPPK) and do not take Latsar CPNS. No PPPK was appointed before it, so "
            "an NI PPPK carries a year of first appointment from 2019 (inferred)."
        ),
        status=Status.SEC,
        note="Known from reports; its text was not read.",
    ),
    Instrument(
        id="pp-17-2020",
        kind=InstrumentKind.PP,
        number="17",
        year=2020,
        title="Perubahan atas Peraturan Pemerintah Nomor 11 Tahun 2017 tentang Manajemen PNS",
        summary="Keeps the rule: pass Latsar and be healthy to become PNS; fail and be dismissed.",
        status=Status.SEC,
        amends=("pp-11-2017",),
    ),
    Instrument(
        id="perlan-1-2021",
        kind=InstrumentKind.PERLAN,
        number="1",
        year=2021,
        title="Pelatihan Dasar Calon Pegawai Negeri Sipil",
        summary=(
            "Replaces PerLAN 12/2018 (preamble, point b); introduces blended learning, and "
            "distance learning in an emergency."
        ),
        status=Status.REG,
        signed=_date(2021, 1, 8),
        replaces=("perlan-12-2018",),
        sources=(
            Source(
                "https://id.scribd.com/document/624498712",
                "a certified copy; its preamble was read",
            ),
            Source(
                "https://kompasiana.com/gamingessa1802/602bd1d8d541df43d44a5a42/latsar-cpns-blended-learning-lebih-efisien",
                "date of signing, reported",
            ),
        ),
        note=(
            "The date of signing is reported by a secondary source; the promulgation date, "
            "gazette number, in-force clause and transitional provisions are not established."
        ),
    ),
    Instrument(
        id="kep-93-2021",
        kind=InstrumentKind.KEPKA_LAN,
        number="93/K.1/PDP.07/2021",
        year=2021,
        title="Pedoman Penyelenggaraan Pelatihan Dasar Calon Pegawai Negeri Sipil",
        summary="The operating guideline implementing art. 17 of PerLAN 1/2021.",
        status=Status.REG,
        note="Its dates are not established.",
    ),
    Instrument(
        id="kep-94-2021",
        kind=InstrumentKind.KEPKA_LAN,
        number="94/K.1/PDP.07/2021",
        year=2021,
        title="Kurikulum Pelatihan Dasar Calon Pegawai Negeri Sipil",
        summary="The curriculum under PerLAN 1/2021.",
        status=Status.REG,
        note="Its dates are not established.",
    ),
    Instrument(
        id="se-menpanrb-20-2021",
        kind=InstrumentKind.SE_MENPANRB,
        number="20",
        year=2021,
        title="Implementasi Core Values dan Employer Branding Aparatur Sipil Negara",
        summary="Launches the ASN core values BerAKHLAK (27 July 2021) that frame Latsar agenda 2.",
        status=Status.SEC,
    ),
    Instrument(
        id="perlan-10-2021",
        kind=InstrumentKind.PERLAN,
        number="10",
        year=2021,
        title=(
            "Perubahan atas Peraturan Lembaga Administrasi Negara Nomor 1 Tahun 2021 tentang "
            "Pelatihan Dasar Calon Pegawai Negeri Sipil"
        ),
        summary=(
            "Amends PerLAN 1/2021 to align the curriculum with the ASN core values and to settle "
            "the evaluation meeting (rapat evaluasi); rewords agenda 3 ('... untuk mendukung "
            "terwujudnya smart governance ...')."
        ),
        status=Status.REG,
        amends=("perlan-1-2021",),
        sources=(
            Source(
                "https://123dok.com/document/zlg472p2-administrasi-republik-indonesia-administrasi-indonesia-peraturan-administrasi-indonesia.html",
                "a transcription; preamble read",
            ),
        ),
        note="Its dates and gazette number are not established.",
    ),
    Instrument(
        id="kep-13-2022",
        kind=InstrumentKind.KEPKA_LAN,
        number="13/K.1/PDP.07/2022",
        year=2022,
        title="Pedoman Penyelenggaraan Pelatihan Dasar Calon Pegawai Negeri Sipil",
        summary="The operating guideline under PerLAN 1/2021 as amended by 10/2021.",
        status=Status.REG,
        replaces=("kep-93-2021",),
        note=(
            "Its dates are not established. Read as replaced by Keputusan Kepala LAN "
            "581/K.1/PDP.07/2024 (inferred: 2025 cohorts cite the 2024 decree instead)."
        ),
    ),
    Instrument(
        id="kep-14-2022",
        kind=InstrumentKind.KEPKA_LAN,
        number="14/K.1/PDP.07/2022",
        year=2022,
        title="Kurikulum Pelatihan Dasar Calon Pegawai Negeri Sipil",
        summary="The curriculum under PerLAN 1/2021 as amended by 10/2021.",
        status=Status.SEC,
        replaces=("kep-94-2021",),
        note="Its dates and module list are not established.",
    ),
    Instrument(
        id="se-kepala-bkn-10-2022",
        kind=InstrumentKind.SE_KEPALA_BKN,
        number="10",
        year=2022,
        title="Pelaksanaan Pelatihan Dasar bagi Calon Pegawai Negeri Sipil",
        summary=(
            "Allows a CPNS to take Latsar after the one-year probation for justified reasons "
            "(budget, facilities, staff, national policy), with appointment as PNS more than a "
            "year after the TMT CPNS."
        ),
        status=Status.SEC,
        sources=(
            Source("https://www.kompas.tv/nasional/447260", "the circular, reported"),
            Source("https://kabar24.bisnis.com/read/20220318/15/1512297", "the circular, reported"),
        ),
        note="Known from press reports; its title here is descriptive and its text was not read.",
    ),
    Instrument(
        id="uu-20-2023",
        kind=InstrumentKind.UU,
        number="20",
        year=2023,
        title="Aparatur Sipil Negara",
        summary=(
            "Replaces UU 5/2014 and is in force on promulgation (art. 77); whether it keeps the "
            "probation wording is not established."
        ),
        status=Status.SEC,
        signed=_date(2023, 10, 31),
        promulgated=_date(2023, 10, 31),
        replaces=("uu-5-2014",),
        sources=(
            Source(
                "https://hanifmu.com/posts/undang-undang-nomor-20-tahun-2023-tentang-aparatur-sipil-negara/",
                "date of signing, reported",
            ),
        ),
    ),
    Instrument(
        id="kep-580-2024",
        kind=InstrumentKind.KEPKA_LAN,
        number="580/K.1/PDP.07/2024",
        year=2024,
        title="Kurikulum Pelatihan Dasar Calon Pegawai Negeri Sipil",
        summary="The curriculum of Latsar under PerLAN 1/2021 as amended by 10/2021, from 2024.",
        status=Status.SEC,
        replaces=("kep-14-2022",),
        sources=_DECREES_2024,
        note=(
            "Cited as a legal basis of 2025 cohorts; its text, dates and in-force clause were not "
            "read. That it replaces Keputusan Kepala LAN 14/2022 is inferred."
        ),
    ),
    Instrument(
        id="kep-581-2024",
        kind=InstrumentKind.KEPKA_LAN,
        number="581/K.1/PDP.07/2024",
        year=2024,
        title="Pedoman Penyelenggaraan Pelatihan Dasar Calon Pegawai Negeri Sipil",
        summary=(
            "The operating guideline of Latsar under PerLAN 1/2021 as amended by 10/2021, from "
            "2024: the schedule (MOOC, e-learning, habituation, classroom) and the evaluation."
        ),
        status=Status.SEC,
        replaces=("kep-13-2022",),
        sources=_DECREES_2024,
        note=(
            "Cited as a legal basis of 2025 cohorts; its text, dates and in-force clause were not "
            "read. That it replaces Keputusan Kepala LAN 13/2022 is inferred."
        ),
    ),
)

_BY_ID: dict[str, Instrument] = {instrument.id: instrument for instrument in _INSTRUMENTS}


def instruments() -> tuple[Instrument, ...]:
    """Return every known instrument, oldest first.

    Example:
        >>> [i.short_name for i in instruments()][:3]
        ['PP 98/2000', 'PP 11/2002', 'SKB 3 Menteri (yearly)']
    """
    return _INSTRUMENTS


def find(instrument_id: str) -> Instrument | None:
    """Return the instrument with this id, or ``None``.

    Example:
        >>> find("perlan-12-2018").gazette
        'Berita Negara Republik Indonesia Tahun 2018 Nomor 1800'
        >>> find("perlan-99-2099") is None
        True
    """
    return _BY_ID.get(instrument_id)


def get(instrument_id: str) -> Instrument:
    """Return the instrument with this id.

    Raises:
        UnknownInstrumentError: If no instrument has this id.

    Example:
        >>> get("uu-5-2014").full_name
        'Undang-Undang Nomor 5 Tahun 2014 tentang Aparatur Sipil Negara'
        >>> get("perlan-2-2021")
        Traceback (most recent call last):
        ...
        pelatihan.instruments.UnknownInstrumentError: no legal instrument has the id ...
    """
    instrument = _BY_ID.get(instrument_id)
    if instrument is None:
        known = ", ".join(sorted(_BY_ID))
        raise UnknownInstrumentError(
            f"no legal instrument has the id {instrument_id!r}; known ids: {known}",
            f"tidak ada instrumen hukum dengan id {instrument_id!r}; id yang dikenal: {known}",
            value=instrument_id,
        )
    return instrument
