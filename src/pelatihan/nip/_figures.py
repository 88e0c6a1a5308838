"""The figures the NIP checks rest on: the digits' layout, the minimum age, the first PPPK year.

They are documented where :mod:`pelatihan.nip` offers them.
"""

from __future__ import annotations

from pelatihan.provenance import Citation, Figure, Status

STRUCTURE: Figure[str] = Figure(
    "YYYYMMDD YYYYMM S NNN",
    Status.SEC,
    Citation("perka-bkn-22-2007"),
    source="summaries of the BKN rule (slides, press); see the module documentation",
    note="birth date, TMT CPNS year and month, sex digit, serial; no check digit",
)

MINIMUM_AGE: Figure[int] = Figure(
    18,
    Status.SEC,
    Citation("pp-11-2017", "Pasal 23"),
    source=(
        "reports of PP 11/2017 Pasal 23: a BKN press release on the 2018 recruitment, as "
        "reported by https://mandarnesia.com/sembilan-syarat-dasar-bagi-pelamar-cpns-2018, and "
        "https://polhukam.id/umum/pr-72187/"
        "batas-usia-cpns-2024-terbaru-lulusan-sma-hingga-sarjana-yang-diatur-undang-undang"
    ),
    note=(
        "CPNS applicants must be at least 18 years old when they apply (PP 11/2017, "
        "Pasal 23 ayat (1) huruf a, as reported), and the TMT comes after the application, "
        "so the holder of a NIP is at least 18 on the first day of the TMT month. "
        "Numbers of civil servants appointed under older rules may need a lower value."
    ),
)

PPPK_SINCE: Figure[int] = Figure(
    2019,
    Status.INF,
    Citation("pp-49-2018"),
    source=(
        "UU 5/2014 created PPPK; PP 49/2018 (Manajemen PPPK, end of 2018) set how they are "
        "recruited and appointed, and the first recruitment was reported in February 2019"
    ),
    note=(
        "No PPPK could be appointed before the regulation on how to appoint them, so the year "
        "of first appointment in an NI PPPK (digits 9-12) is 2019 or later."
    ),
)
