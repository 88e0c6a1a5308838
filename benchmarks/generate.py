"""Generate realistic Latsar CPNS cohort files of any size, with a known share of mistakes.

A national CPNS intake is about 250,000 participants in about 6,250 cohorts of 40.
This script writes such a file, deterministically (``random.Random(seed)``: the
same arguments give the same bytes), in the JSON interchange format
(``pelatihan/cohorts@1``) or as one CSV with a row per participant (cohort
facts repeated in ``Angkatan``, ``Jalur``, ``Metode``, ``Tanggal Mulai`` and
``Penyelenggara`` columns)::

    python benchmarks/generate.py --participants 250000 --format json --seed 1 \\
        --mistakes 0.02 -o intake.json

A JSON cohort gives either its first day only (``--schedule start``, the
default: pelatihan plans the schedule) or its phases, each with its first and
last day, as agencies' exports give them (``--schedule phases``). The two
schedules of a seed describe the same cohorts and participants.

Next to the file it writes ``FILE.manifest.json``: the counts of each mistake
injected and the findings they must produce (``expected_findings``).

The data
--------

* Intakes: the CPNS of one appointment month (TMT). Cohorts of the 2019 and
  2020 intakes are classroom (*klasikal*) cohorts under PerLAN 12/2018; those
  of the 2022 to 2025 intakes are blended cohorts under PerLAN 1/2021. Each
  cohort starts one to five months after its intake's TMT, so that it ends well
  within the probation year.
* Cohorts of 40 (the last one smaller when the total is not a multiple of 40),
  each run by an accredited organiser, of track II or III. An organiser runs
  the cohorts of one intake in three waves, each wave starting one to five
  months after the TMT: the cohorts of a wave share their schedule.
* Schedules, with ``--schedule phases``: the phases of the regime in force on
  the first day, laid out on working days (Monday to Friday, less national
  holidays and *cuti bersama*, from the ``holidays`` package): on campus 18,
  habituation 30, on campus 3 under PerLAN 12/2018 (some organisers hold
  their classroom phases on Saturdays too); MOOC 16, e-learning 22,
  habituation 30, classroom 6 under PerLAN 1/2021 to 2024; from 2025, MOOC 9
  (14 at some organisers), e-learning 20, habituation 30, classroom 3.
* Participants with valid NIPs: born 1985-2001 (at least 19 at appointment),
  TMT in the intake's month, the sex digit matching the stated sex, serial
  001-999, every NIP unique; a grade of the cohort's track written the ways HR
  exports write it (``III/a``, ``Penata Muda (III/a)``, ``3a``, ``Penata Muda``)
  and matching the education; the sex written as its code or its word
  (``P``, ``Perempuan``, ``PEREMPUAN``, ``Wanita``); an agency, a position, an
  Indonesian name.

The mistakes
------------

``--mistakes RATE``: ``round(RATE * participants)`` participant mistakes, each
in a different participant, split over the kinds of :data:`PARTICIPANT_KINDS`
by their weights; and ``round(RATE * cohorts)`` oversized cohorts (41-45
participants, the others giving up the extra places) and as many late cohorts
(starting eleven months after the TMT, so the probation year ends first).
Every mistake produces exactly one finding, except a late cohort: one
``participant.probation`` per participant. With ``--schedule phases``, as many
cohorts again have a short schedule: their last classroom phase ends a
training day early, which the totals in class and overall and the days of
classroom phases each report once.
"""

from __future__ import annotations

import argparse
import calendar
import csv
import datetime
import functools
import io
import json
import math
import random
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Literal

import holidays

__all__ = [
    "COHORT_KINDS",
    "EXPECTED_CODES",
    "PARTICIPANT_KINDS",
    "SCHEDULE_KINDS",
    "Generated",
    "generate",
    "main",
    "manifest_path",
    "write",
]

FORMAT = "pelatihan/cohorts@1"
COHORT_SIZE = 40

PARTICIPANT_KINDS: dict[str, int] = {
    "nip-bad-birth-date": 2,
    "nip-sex-digit-3": 2,
    "nip-serial-000": 2,
    "nip-17-digits": 2,
    "nip-letter-o": 1,
    "grade-other-track": 3,
    "grade-unknown-ruang": 1,
    "grade-golongan-iv": 1,
    "duplicate-nip-same-cohort": 2,
    "duplicate-nip-other-cohort": 2,
}
"""The participant mistakes and their weights in the split of the mistakes."""

COHORT_KINDS = ("oversized-cohort", "late-schedule")
"""The cohort mistakes."""

SCHEDULE_KINDS = ("short-schedule",)
"""The mistakes only a file that gives its phases can hold."""

EXPECTED_CODES: dict[str, tuple[str, ...]] = {
    "nip-bad-birth-date": ("nip.birth-date",),
    "nip-sex-digit-3": ("nip.sex",),
    "nip-serial-000": ("nip.serial",),
    "nip-17-digits": ("nip.length",),
    "nip-letter-o": ("nip.format",),
    "grade-other-track": ("participant.track",),
    "grade-unknown-ruang": ("grade.format",),
    "grade-golongan-iv": ("track.none",),
    "duplicate-nip-same-cohort": ("participant.duplicate-nip",),
    "duplicate-nip-other-cohort": ("participant.duplicate-nip",),
    "oversized-cohort": ("cohort.size",),
    "late-schedule": ("participant.probation",),  # one per participant of the cohort
    "short-schedule": ("schedule.days-total", "schedule.days-in-class", "schedule.kind-days"),
}
"""The finding codes each mistake produces, one finding of each."""

WAVES = 3
"""The waves in which an organiser runs the cohorts of one intake: a wave's cohorts share a
schedule."""

SATURDAY_CLASSES = frozenset({"jatim", "sumut", "kemenkeu", "lan"})
"""Organisers whose classroom phases under PerLAN 12/2018 run Monday to Saturday (residential)."""

MOOC_14 = frozenset({"jatim", "jateng", "kemenag", "papua"})
"""Organisers whose 2025 MOOC lasts 14 working days, not 9 (organisers differ)."""

REGIME_2025 = datetime.date(2025, 1, 1)
"""The first day of the 2025 blended schedule (the 2024 LAN decrees; pelatihan's default)."""

WORKWEEK = (0, 1, 2, 3, 4)
SIX_DAYS = (0, 1, 2, 3, 4, 5)

# -- reference data ------------------------------------------------------------------------


class Intake:
    """The CPNS appointed in one month, and how their cohorts are run."""

    def __init__(self, year: int, month: int, method: str, weight: int) -> None:
        self.tmt = datetime.date(year, month, 1)
        self.method = method
        self.weight = weight


INTAKES = (
    Intake(2019, 3, "klasikal", 10),  # CPNS 2018, classroom under PerLAN 12/2018
    Intake(2020, 2, "klasikal", 10),  # CPNS 2019 (first wave), classroom under PerLAN 12/2018
    Intake(2022, 1, "blended", 20),  # CPNS 2021, blended under PerLAN 1/2021
    Intake(2023, 6, "blended", 15),
    Intake(2024, 4, "blended", 20),
    Intake(2025, 6, "blended", 25),  # CPNS 2024
)

ORGANIZERS = (
    ("BPSDM Provinsi Jawa Timur", "jatim", "Provinsi Jawa Timur"),
    ("BPSDM Provinsi Jawa Barat", "jabar", "Provinsi Jawa Barat"),
    ("BPSDM Provinsi Jawa Tengah", "jateng", "Provinsi Jawa Tengah"),
    ("BPSDM Provinsi Sumatera Utara", "sumut", "Provinsi Sumatera Utara"),
    ("BPSDM Provinsi Sulawesi Selatan", "sulsel", "Provinsi Sulawesi Selatan"),
    ("BPSDM Provinsi Kalimantan Timur", "kaltim", "Provinsi Kalimantan Timur"),
    ("BPSDM Provinsi Nusa Tenggara Timur", "ntt", "Provinsi Nusa Tenggara Timur"),
    ("BPSDM Provinsi Papua", "papua", "Provinsi Papua"),
    ("BPSDM Provinsi Bali", "bali", "Provinsi Bali"),
    ("BPSDM Provinsi Aceh", "aceh", "Provinsi Aceh"),
    ("BKPSDM Kota Bandung", "bandung", "Kota Bandung"),
    ("BKPSDM Kabupaten Sleman", "sleman", "Kabupaten Sleman"),
    ("Pusat Pengembangan SDM Kementerian Dalam Negeri", "kemendagri", "Kementerian Dalam Negeri"),
    ("Pusdiklat Kementerian Keuangan", "kemenkeu", "Kementerian Keuangan"),
    ("Pusdiklat Kementerian Agama", "kemenag", "Kementerian Agama"),
    ("Pusat Pelatihan SDM Kementerian Kesehatan", "kemenkes", "Kementerian Kesehatan"),
    ("Pusbangkom Lembaga Administrasi Negara", "lan", "Lembaga Administrasi Negara"),
)

UNITS = (
    "Dinas Kesehatan",
    "Dinas Pendidikan",
    "Dinas Sosial",
    "Dinas Perhubungan",
    "Dinas Pekerjaan Umum",
    "Dinas Pertanian",
    "Dinas Kependudukan dan Pencatatan Sipil",
    "Badan Pendapatan Daerah",
    "Badan Perencanaan Pembangunan Daerah",
    "Badan Kepegawaian Daerah",
    "Inspektorat",
    "Sekretariat Daerah",
    "RSUD",
    "Satuan Polisi Pamong Praja",
    "Biro Hukum",
)

FIRST_MALE = (
    "Agus", "Ahmad", "Andi", "Bagus", "Budi", "Dedi", "Dimas", "Eko", "Fajar", "Hendra",
    "Irfan", "Joko", "Muhammad", "Rizky", "Yoga", "Yusuf", "Teguh", "Wahyu", "Arif", "Bayu",
)  # fmt: skip
FIRST_FEMALE = (
    "Ayu", "Citra", "Dewi", "Fitri", "Indah", "Intan", "Lestari", "Maya", "Nur", "Putri",
    "Ratna", "Rina", "Siti", "Sri", "Wulan", "Yuni", "Anisa", "Dian", "Kartika", "Rahma",
)  # fmt: skip
LAST = (
    "Santoso", "Pratama", "Wicaksono", "Lestari", "Wulandari", "Gunawan", "Maulana",
    "Nugroho", "Prasetyo", "Susilo", "Hidayat", "Saputra", "Kurniawan", "Setiawan",
    "Rahmawati", "Permatasari", "Siregar", "Nasution", "Simanjuntak", "Tanjung", "Harahap",
    "Manurung", "Pane", "Daulay", "Lubis", "Sihombing", "Wijaya", "Halim", "Aminah",
    "Fauzi", "Sari", "Utami", "Kusuma", "Hakim", "Ramadhan", "Syahputra",
)  # fmt: skip

# (grade, education, weight) by track
GRADES: dict[str, tuple[tuple[tuple[int, str], str, int], ...]] = {
    "III": (((3, "a"), "S-1", 70), ((3, "a"), "D-IV", 10), ((3, "b"), "S-2", 12),
            ((3, "b"), "dokter", 6), ((3, "c"), "S-3", 2)),
    "II": (((2, "a"), "SLTA", 30), ((2, "b"), "D-II", 3), ((2, "c"), "D-III", 65),
           ((1, "c"), "SMP", 2)),
}  # fmt: skip

POSITIONS = {
    "III": ("Analis Kebijakan Ahli Pertama", "Pranata Komputer Ahli Pertama",
             "Dokter Ahli Pertama", "Guru Ahli Pertama", "Auditor Ahli Pertama",
             "Perencana Ahli Pertama", "Analis Sumber Daya Manusia Aparatur Ahli Pertama"),
    "II": ("Perawat Terampil", "Bidan Terampil", "Pranata Komputer Terampil",
           "Pengelola Keuangan", "Penata Laksana Barang Terampil", "Polisi Pamong Praja Pemula"),
}  # fmt: skip

ROMAN = ("", "I", "II", "III", "IV")
PANGKAT = {
    (1, "a"): "Juru Muda", (1, "b"): "Juru Muda Tingkat I", (1, "c"): "Juru",
    (1, "d"): "Juru Tingkat I", (2, "a"): "Pengatur Muda", (2, "b"): "Pengatur Muda Tingkat I",
    (2, "c"): "Pengatur", (2, "d"): "Pengatur Tingkat I", (3, "a"): "Penata Muda",
    (3, "b"): "Penata Muda Tingkat I", (3, "c"): "Penata", (3, "d"): "Penata Tingkat I",
    (4, "a"): "Pembina", (4, "b"): "Pembina Tingkat I", (4, "c"): "Pembina Utama Muda",
    (4, "d"): "Pembina Utama Madya", (4, "e"): "Pembina Utama",
}  # fmt: skip

CSV_HEADER = (
    "Angkatan",
    "Jalur",
    "Metode",
    "Tanggal Mulai",
    "Penyelenggara",
    "NIP",
    "Nama",
    "Gol/Ruang",
    "Jenis Kelamin",
    "Tanggal Lahir",
    "TMT CPNS",
    "Pendidikan",
    "Jabatan",
    "Instansi",
)


def roman(number: int) -> str:
    """A number in Roman numerals (for cohort names: ``Angkatan XII``)."""
    out = []
    for value, letters in (
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    ):  # fmt: skip
        count, number = divmod(number, value)
        out.append(letters * count)
    return "".join(out)


def add_months(day: datetime.date, months: int) -> datetime.date:
    """``day`` moved by ``months`` months, the day clamped to the month's length."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return datetime.date(year, month + 1, min(day.day, last))


@functools.cache
def closed_days(year: int) -> frozenset[datetime.date]:
    """The national holidays and *cuti bersama* of ``year`` (the ``holidays`` package)."""
    days = holidays.country_holidays(
        "ID", years=year, categories=("public", "government"), language="id"
    )
    return frozenset(day for day in days if day.year == year)


def _training(day: datetime.date, weekdays: tuple[int, ...]) -> bool:
    return day.weekday() in weekdays and day not in closed_days(day.year)


def lay_out(
    first: datetime.date, pattern: Sequence[tuple[str, str, int, tuple[int, ...]]]
) -> list[dict[str, Any]]:
    """Phases ``(kind, label, training days, weekdays)`` one after another from ``first``."""
    one = datetime.timedelta(days=1)
    phases = []
    day = first
    for kind, label, days, weekdays in pattern:
        while not _training(day, weekdays):
            day += one
        start = day
        left = days
        while True:
            if _training(day, weekdays):
                left -= 1
                if left == 0:
                    break
            day += one
        phase: dict[str, Any] = {"kind": kind, "label": label, "start": start, "end": day}
        if weekdays != WORKWEEK:
            phase["weekdays"] = list(weekdays)
        phases.append(phase)
        day += one
    return phases


def schedule_pattern(
    method: str, first: datetime.date, organizer: str
) -> list[tuple[str, str, int, tuple[int, ...]]]:
    """The phases a cohort starting on ``first`` runs, by the regime then in force."""
    if method == "klasikal":  # PerLAN 12/2018
        campus = SIX_DAYS if organizer in SATURDAY_CLASSES else WORKWEEK
        return [
            ("klasikal", "on campus 1", 18, campus),
            ("habituasi", "habituation", 30, WORKWEEK),
            ("klasikal", "on campus 2", 3, campus),
        ]
    if first < REGIME_2025:  # PerLAN 1/2021 (jo. 10/2021)
        return [
            ("mooc", "MOOC", 16, WORKWEEK),
            ("elearning", "e-learning", 22, WORKWEEK),
            ("habituasi", "habituation", 30, WORKWEEK),
            ("klasikal", "classroom", 6, WORKWEEK),
        ]
    mooc = 14 if organizer in MOOC_14 else 9
    return [
        ("mooc", "MOOC", mooc, WORKWEEK),
        ("elearning", "e-learning", 20, WORKWEEK),
        ("habituasi", "habituation", 30, WORKWEEK),
        ("klasikal", "classroom", 3, WORKWEEK),
    ]


def grade_text(rng: random.Random, golongan: int, ruang: str) -> str:
    """A grade written one of the ways HR exports write it."""
    code = f"{ROMAN[golongan]}/{ruang}"
    pick = rng.random()
    if pick < 0.60:
        return code
    if pick < 0.75:
        return f"{PANGKAT[golongan, ruang]} ({code})"
    if pick < 0.80:
        return f"{ROMAN[golongan]}{ruang}"
    if pick < 0.85:
        return f"{golongan}{ruang}"
    if pick < 0.88:
        return f"{ROMAN[golongan]} {ruang.upper()}"
    if pick < 0.90:
        return f"{golongan}/{ruang}"
    return PANGKAT[golongan, ruang]


def sex_text(rng: random.Random, female: bool) -> str:
    """A sex written one of the ways HR exports write it: the code, or the word."""
    pick = rng.random()
    if pick < 0.50:
        return "P" if female else "L"
    if pick < 0.85:
        return "Perempuan" if female else "Laki-laki"
    if pick < 0.95:
        return "PEREMPUAN" if female else "LAKI-LAKI"
    return "Wanita" if female else "Pria"


def nip_text(rng: random.Random, digits: str) -> str:
    """A NIP written with spaces (mostly), without separators, or with dots."""
    parts = (digits[0:8], digits[8:14], digits[14], digits[15:])
    pick = rng.random()
    if pick < 0.70:
        return " ".join(parts)
    if pick < 0.90:
        return digits
    return ".".join(parts)


def nip_key(text: str) -> str:
    """The key a NIP is compared by: its digits when valid, else the text without whitespace."""
    compact = "".join(text.split()).replace(".", "").replace("-", "")
    if len(compact) == 18 and compact.isdigit():
        return compact
    return "".join(text.split())


def _allocate(total: int, weights: dict[str, int]) -> dict[str, int]:
    """Split ``total`` over the kinds by weight (largest remainder, ties in kind order)."""
    whole = sum(weights.values())
    shares = {kind: total * weight / whole for kind, weight in weights.items()}
    counts = {kind: math.floor(share) for kind, share in shares.items()}
    left = total - sum(counts.values())
    by_remainder = sorted(weights, key=lambda kind: (-(shares[kind] - counts[kind]), kind))
    for kind in by_remainder[:left]:
        counts[kind] += 1
    return counts


def _round(value: float) -> int:
    return math.floor(value + 0.5)


# -- generation -----------------------------------------------------------------------------


class _Person:
    __slots__ = ("education", "grade", "record", "state")

    def __init__(self, record: dict[str, str], grade: tuple[int, str], education: str) -> None:
        self.record = record
        self.grade = grade
        self.education = education
        self.state = "clean"  # "clean", "mistake" or "source" (copied by a duplicate)


class _Cohort:
    def __init__(
        self, index: int, intake: Intake, track: str, organizer: tuple[str, str, str]
    ) -> None:
        self.index = index
        self.intake = intake
        self.track = track
        self.organizer = organizer
        self.size = COHORT_SIZE
        self.start = intake.tmt
        self.late = False
        self.oversized = False
        self.short = False
        self.id = ""
        self.name = ""
        self.people: list[_Person] = []


class Generated:
    """A generated document, with what was injected into it."""

    def __init__(
        self,
        data: dict[str, Any],
        mistakes: dict[str, int],
        expected: dict[str, int],
        cohorts: int,
        participants: int,
        *,
        schedules: int,
    ) -> None:
        self.data = data
        self.schedules = schedules
        self.mistakes = mistakes
        self.expected = expected
        self.cohorts = cohorts
        self.participants = participants


class _Generator:
    def __init__(self, participants: int, seed: int, rate: float) -> None:
        if participants < 1:
            raise ValueError("--participants must be at least 1")
        if not 0 <= rate <= 0.5:
            raise ValueError("--mistakes must be from 0 to 0.5")
        self.rng = random.Random(seed)
        self.total = participants
        self.rate = rate
        self.keys: set[str] = set()
        self.cohorts: list[_Cohort] = []
        self.mistakes: dict[str, int] = dict.fromkeys((*PARTICIPANT_KINDS, *COHORT_KINDS), 0)
        self.waves: dict[tuple[str, datetime.date], list[datetime.date]] = {}

    # cohorts ---------------------------------------------------------------------------

    def plan_cohorts(self) -> None:
        rng = self.rng
        count = math.ceil(self.total / COHORT_SIZE)
        weights = [intake.weight for intake in INTAKES]
        numbers: dict[tuple[str, int, str], int] = {}
        for index in range(count):
            intake = rng.choices(INTAKES, weights)[0]
            track = "III" if rng.random() < 0.65 else "II"
            organizer = rng.choice(ORGANIZERS)
            cohort = _Cohort(index, intake, track, organizer)
            key = (organizer[1], intake.tmt.year, track)
            numbers[key] = numbers.get(key, 0) + 1
            number = numbers[key]
            cohort.id = f"{organizer[1]}-{intake.tmt.year}-gol-{track.lower()}-{number}"
            cohort.name = f"Angkatan {roman(number)}"
            cohort.start = rng.choice(self.waves_of(organizer[1], intake))
            self.cohorts.append(cohort)
        self.cohorts[-1].size = self.total - COHORT_SIZE * (count - 1)
        self.oversize(_round(self.rate * count) if count > 1 else 0)
        self.make_late(_round(self.rate * count))

    def waves_of(self, organizer: str, intake: Intake) -> list[datetime.date]:
        """The first days of an organiser's waves for an intake, drawn when first needed."""
        key = (organizer, intake.tmt)
        waves = self.waves.get(key)
        if waves is None:
            rng = self.rng
            waves = self.waves[key] = [
                add_months(intake.tmt, rng.randint(1, 5)) + datetime.timedelta(rng.randint(0, 27))
                for _ in range(WAVES)
            ]
        return waves

    def oversize(self, wanted: int) -> None:
        rng = self.rng
        chosen = rng.sample(self.cohorts, min(wanted, len(self.cohorts) // 2))
        donors = [c for c in self.cohorts if c not in chosen]
        for cohort in chosen:
            extra = rng.randint(1, 5)
            taken = 0
            attempts = 0
            while taken < extra and attempts < 100 * extra:
                attempts += 1
                donor = rng.choice(donors)
                if donor.size > 30:
                    donor.size -= 1
                    taken += 1
            if taken:
                cohort.size += taken
                cohort.oversized = True
                self.mistakes["oversized-cohort"] += 1

    def make_late(self, wanted: int) -> None:
        blended = [c for c in self.cohorts if c.intake.method == "blended"]
        for cohort in self.rng.sample(blended, min(wanted, len(blended))):
            # Eleven months after the TMT: 74 training days later the probation year is over.
            start = add_months(cohort.intake.tmt, 11)
            cohort.start = start + datetime.timedelta(self.rng.randint(0, 20))
            cohort.late = True
            self.mistakes["late-schedule"] += 1

    # participants ----------------------------------------------------------------------

    def person(self, cohort: _Cohort) -> _Person:
        rng = self.rng
        tmt = cohort.intake.tmt
        female = rng.random() < 0.55
        first = rng.choice(FIRST_FEMALE if female else FIRST_MALE)
        name = f"{first} {rng.choice(LAST)}"
        if rng.random() < 0.2:
            name = f"{rng.choice(FIRST_FEMALE if female else FIRST_MALE)} {name}"
        options = GRADES[cohort.track]
        grade, education, _ = rng.choices(options, [weight for *_, weight in options])[0]
        low, high = max(1985, tmt.year - 35), min(2001, tmt.year - 19)
        while True:
            year = rng.randint(low, high)
            month = rng.randint(1, 12)
            born = datetime.date(year, month, rng.randint(1, calendar.monthrange(year, month)[1]))
            digits = f"{born:%Y%m%d}{tmt:%Y%m}{2 if female else 1}{rng.randint(1, 999):03d}"
            if digits not in self.keys:
                self.keys.add(digits)
                break
        record = {
            "nip": nip_text(rng, digits),
            "name": name,
            "grade": grade_text(rng, *grade),
            "agency": f"{rng.choice(UNITS)} {cohort.organizer[2]}",
            "birth_date": born.isoformat(),
            "sex": sex_text(rng, female),
            "tmt_cpns": tmt.isoformat(),
            "education": education,
            "position": rng.choice(POSITIONS["III" if grade[0] == 3 else "II"]),
        }
        return _Person(record, grade, education)

    def fill(self) -> None:
        for cohort in self.cohorts:
            cohort.people = [self.person(cohort) for _ in range(cohort.size)]

    # mistakes --------------------------------------------------------------------------

    def inject(self) -> None:
        wanted = _allocate(_round(self.rate * self.total), PARTICIPANT_KINDS)
        places = [(c, j) for c in range(len(self.cohorts)) for j in range(self.cohorts[c].size)]
        self.rng.shuffle(places)
        cursor = 0
        for kind, count in wanted.items():
            done = tried = 0
            # Each kind takes the next clean participants in the shuffled order; a kind that
            # cannot apply to one (no earlier cohort to copy from) moves on to the next.
            while done < count and tried < len(places):
                cohort_index, position = places[cursor % len(places)]
                cursor += 1
                tried += 1
                cohort = self.cohorts[cohort_index]
                person = cohort.people[position]
                if person.state == "clean" and self.apply(kind, cohort, position, person):
                    person.state = "mistake"
                    done += 1

    def apply(self, kind: str, cohort: _Cohort, position: int, person: _Person) -> bool:
        rng = self.rng
        record = person.record
        digits = "".join(ch for ch in record["nip"] if ch.isdigit())
        if kind.startswith("nip-"):
            if kind == "nip-bad-birth-date":
                bad = rng.choice(("0230", "0231", "0431", "0631", "0931", "1131", "1301", "0000"))
                new_digits = digits[:4] + bad + digits[8:]
                text = nip_text(rng, new_digits)
            elif kind == "nip-sex-digit-3":
                text = nip_text(rng, digits[:14] + "3" + digits[15:])
            elif kind == "nip-serial-000":
                text = nip_text(rng, digits[:15] + "000")
            elif kind == "nip-17-digits":
                text = digits[:8] + " " + digits[8:14] + " " + digits[14] + " " + digits[15:17]
            else:  # nip-letter-o: a zero typed as the letter O
                at = digits.index("0", 8)
                text = nip_text(rng, digits[:at] + "O" + digits[at + 1 :])
            key = nip_key(text)
            if key in self.keys:
                return False  # another participant already has this (invalid) number
            self.keys.add(key)
            record["nip"] = text
        elif kind == "grade-other-track":
            other = "II" if cohort.track == "III" else "III"
            options = GRADES[other]
            grade, education, _ = rng.choices(options, [w for *_, w in options])[0]
            record["grade"] = grade_text(rng, *grade)
            record["education"] = education
        elif kind == "grade-unknown-ruang":
            record["grade"] = rng.choice(("III/e", "III/f", "II/e", "II/g", "3/e"))
        elif kind == "grade-golongan-iv":
            record["grade"] = grade_text(rng, 4, "a")
            record["education"] = "S-3"
        elif kind == "duplicate-nip-same-cohort":
            earlier = [p for p in cohort.people[:position] if p.state == "clean"]
            if not earlier:
                return False
            source = rng.choice(earlier)
            source.state = "source"
            record.clear()
            record.update(source.record)
        else:  # duplicate-nip-other-cohort: the same person enrolled in two cohorts
            candidates = [
                c
                for c in self.cohorts[: cohort.index]
                if c.intake is cohort.intake and c.track == cohort.track
            ]
            if not candidates:
                return False
            source_cohort = rng.choice(candidates)
            clean = [p for p in source_cohort.people if p.state == "clean"]
            if not clean:
                return False
            source = rng.choice(clean)
            source.state = "source"
            record.clear()
            record.update(source.record)
        self.mistakes[kind] += 1
        return True

    def shorten(self) -> None:
        """Short schedules (phases only): the last classroom phase of some cohorts ends early.

        Drawn after everything else, so that both schedules of a seed hold the same cohorts
        and participants. A late cohort is left alone: its findings are the probation's.
        """
        punctual = [c for c in self.cohorts if not c.late]
        wanted = _round(self.rate * len(self.cohorts))
        for cohort in self.rng.sample(punctual, min(wanted, len(punctual))):
            cohort.short = True
        self.mistakes["short-schedule"] = sum(c.short for c in self.cohorts)

    # output ----------------------------------------------------------------------------

    def phases(self, cohort: _Cohort) -> list[dict[str, Any]]:
        first = cohort.start
        while not _training(first, WORKWEEK):
            first += datetime.timedelta(days=1)
        pattern = schedule_pattern(cohort.intake.method, first, cohort.organizer[1])
        phases = _laid_out(first, tuple(pattern))
        if cohort.short:
            last = dict(phases[-1])
            weekdays = tuple(last.get("weekdays", WORKWEEK))
            day = last["end"] - datetime.timedelta(days=1)
            while not _training(day, weekdays):
                day -= datetime.timedelta(days=1)
            last["end"] = day
            phases = [*phases[:-1], last]
        return [
            {**phase, "start": phase["start"].isoformat(), "end": phase["end"].isoformat()}
            for phase in phases
        ]

    def document(self, schedule: str) -> dict[str, Any]:
        cohorts = []
        for cohort in self.cohorts:
            record: dict[str, Any] = {
                "id": cohort.id,
                "name": cohort.name,
                "track": cohort.track,
                "method": cohort.intake.method,
            }
            if schedule == "phases":
                record["phases"] = self.phases(cohort)
            else:
                record["start"] = cohort.start.isoformat()
            record["organizer"] = {"name": cohort.organizer[0], "accredited": True}
            record["participants"] = [person.record for person in cohort.people]
            cohorts.append(record)
        return {"format": FORMAT, "cohorts": cohorts}

    def expected(self) -> dict[str, int]:
        expected: dict[str, int] = {}
        for kind, injected in self.mistakes.items():
            for code in EXPECTED_CODES[kind]:
                count = (
                    sum(c.size for c in self.cohorts if c.late)
                    if kind == "late-schedule"
                    else injected
                )
                expected[code] = expected.get(code, 0) + count
        return dict(sorted(expected.items()))


@functools.lru_cache(maxsize=4096)
def _laid_out(
    first: datetime.date, pattern: tuple[tuple[str, str, int, tuple[int, ...]], ...]
) -> tuple[dict[str, Any], ...]:
    return tuple(lay_out(first, pattern))


def generate(
    participants: int, *, seed: int = 1, mistakes: float = 0.02, schedule: str = "start"
) -> Generated:
    """Generate a document of ``participants`` participants (see the module documentation).

    ``schedule`` is ``"start"`` (each cohort gives its first day) or ``"phases"`` (each
    cohort gives its phases, and some are short).

    Returns:
        The document in the JSON interchange shape, the mistakes injected and the
        findings expected of them (for the JSON format).
    """
    if schedule not in ("start", "phases"):
        raise ValueError("--schedule is start or phases")
    generator = _Generator(participants, seed, mistakes)
    generator.plan_cohorts()
    generator.fill()
    generator.inject()
    if schedule == "phases":
        generator.shorten()
    data = generator.document(schedule)
    if schedule == "phases":
        distinct = {json.dumps(c["phases"], sort_keys=True) for c in data["cohorts"]}
    else:
        distinct = {c["start"] for c in data["cohorts"]}
    return Generated(
        data,
        dict(generator.mistakes),
        generator.expected(),
        len(generator.cohorts),
        participants,
        schedules=len(distinct),
    )


def _iso_to_dmy(text: str) -> str:
    year, month, day = text.split("-")
    return f"{day}-{month}-{year}"


def to_json(data: dict[str, Any]) -> bytes:
    """The document as compact UTF-8 JSON."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def to_csv(data: dict[str, Any]) -> bytes:
    """The document as one CSV (``;``, UTF-8 with BOM, as Excel writes it): a row a participant."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    for cohort in data["cohorts"]:
        if "start" not in cohort:
            raise ValueError("a CSV gives each cohort's first day only: use --schedule start")
        facts = (
            cohort["id"],
            cohort["track"],
            cohort["method"],
            cohort["start"],
            cohort["organizer"]["name"],
        )
        for person in cohort["participants"]:
            writer.writerow(
                (
                    *facts,
                    person["nip"],
                    person["name"],
                    person["grade"],
                    person["sex"],
                    _iso_to_dmy(person["birth_date"]),
                    _iso_to_dmy(person["tmt_cpns"]),
                    person["education"],
                    person["position"],
                    person["agency"],
                )
            )
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def manifest_path(path: Path) -> Path:
    """Where the manifest of ``path`` goes: ``FILE.manifest.json``."""
    return path.with_name(path.name + ".manifest.json")


def write(
    path: Path,
    participants: int,
    *,
    file_format: Literal["json", "csv"] = "json",
    seed: int = 1,
    mistakes: float = 0.02,
    schedule: str = "start",
) -> dict[str, Any]:
    """Generate a file and its manifest; return the manifest."""
    if file_format == "csv" and schedule != "start":
        raise ValueError("a CSV gives each cohort's first day only: use --schedule start")
    generated = generate(participants, seed=seed, mistakes=mistakes, schedule=schedule)
    body = to_json(generated.data) if file_format == "json" else to_csv(generated.data)
    path.write_bytes(body)
    expected = dict(generated.expected)
    if file_format == "csv":
        # A CSV gives the organiser's name only: whether it is accredited is not known.
        expected["organizer.accreditation"] = generated.cohorts
    manifest = {
        "generator": "benchmarks/generate.py",
        "file": path.name,
        "format": file_format,
        "schedule": schedule,
        "seed": seed,
        "participants": participants,
        "cohorts": generated.cohorts,
        "distinct_schedules": generated.schedules,
        "mistake_rate": mistakes,
        "mistakes": generated.mistakes,
        "expected_findings": dict(sorted(expected.items())),
        "bytes": len(body),
    }
    manifest_path(path).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return manifest


def main(argv: Sequence[str] | None = None) -> int:
    """Run the generator's command line."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--participants", type=int, required=True, help="number of participants")
    parser.add_argument("--format", choices=("json", "csv"), default="json", dest="file_format")
    parser.add_argument(
        "--schedule",
        choices=("start", "phases"),
        default="start",
        help="each cohort's first day, or its phases (JSON only) (start)",
    )
    parser.add_argument("--seed", type=int, default=1, help="random seed (1)")
    parser.add_argument(
        "--mistakes", type=float, default=0.02, help="share of mistakes, 0 to 0.5 (0.02)"
    )
    parser.add_argument("-o", "--output", type=Path, required=True, help="the file to write")
    args = parser.parse_args(argv)
    try:
        manifest = write(
            args.output,
            args.participants,
            file_format=args.file_format,
            seed=args.seed,
            mistakes=args.mistakes,
            schedule=args.schedule,
        )
    except ValueError as error:
        parser.error(str(error))
    print(
        f"{args.output}: {manifest['participants']} participants in {manifest['cohorts']} "
        f"cohorts ({manifest['distinct_schedules']} distinct schedules), "
        f"{sum(manifest['mistakes'].values())} mistakes, {manifest['bytes']:,} bytes"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
