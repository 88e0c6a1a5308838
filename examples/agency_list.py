"""An agency's Excel list of Latsar participants, as BKPSDMs send them, read and checked.

``daftar-peserta-latsar-2025.xlsx`` is laid out the way official lists are: a
title merged across the columns, a two-row header (``Pangkat/Golongan`` over
``Pangkat | Gol. Ruang``), a row of column numbers, a total row and the head of
the agency's signature block, on two sheets (one cohort each), with a sheet of
instructions and a hidden sheet of lookup values. The participants are
invented; a few carry the mistakes such lists do.

Run it to rebuild the workbook (``python examples/agency_list.py --write``) or
to check the bundled one and print its report (no argument): every row of the
list is a participant or a finding saying what it is.
"""

from __future__ import annotations

import sys
from pathlib import Path

import openpyxl
from openpyxl.styles import Alignment, Font

import pelatihan
from pelatihan.io.xlsx import read_xlsx

HERE = Path(__file__).resolve().parent
WORKBOOK = HERE / "daftar-peserta-latsar-2025.xlsx"

COHORT_FACTS = {
    "track": "III",
    "method": "blended",
    "start": "2025-07-14",
    "organizer": "BPSDM Provinsi Jawa Timur",
}
"""What the list does not say about its cohorts: the command's --track, --method, --start and
--organizer."""

_HEADER: tuple[str | None, ...] = (
    "No",
    "NIP",
    "Nama",
    "Pangkat/Golongan",
    None,
    "Jenis Kelamin",
    "Pendidikan",
    "Unit Kerja / Instansi",
    "Keterangan",
)
_SUBHEADER: tuple[str | None, ...] = (
    None,
    None,
    None,
    "Pangkat",
    "Gol. Ruang",
    None,
    None,
    None,
    None,
)

Person = tuple[object, str, str, str, str, str, str]
"""NIP (text, or a number as Excel stores one), name, pangkat, gol. ruang, sex, education,
unit kerja."""

ANGKATAN_II: list[Person] = [
    (
        "19980312 202503 1 001",
        "Andi Saputra, S.Pd.",
        "Penata Muda",
        "III/a",
        "Laki-laki",
        "S-1",
        "Dinas Pendidikan dan Kebudayaan",
    ),
    (
        "19990521 202503 2 002",
        "Siti Rahmawati, S.Kep., Ns.",
        "Penata Muda",
        "III/a",
        "Perempuan",
        "S-1 Keperawatan",
        "RSUD R.T. Notopuro",
    ),
    (
        "19970830 202503 1 003",
        "Muhammad Rizki Pratama, S.T.",
        "Penata Muda",
        "III/a",
        "LAKI - LAKI",
        "S-1",
        "Dinas Pekerjaan Umum Bina Marga dan Sumber Daya Air",
    ),
    (
        "19960114 202503 2 004",
        "Dewi Kartika Sari, S.E.",
        "Penata Muda",
        "III/a",
        "Laki-laki",
        "S-1",
        "Badan Pendapatan Daerah",
    ),
    (
        1.98012520250310e17,
        "Rudi Hartono, S.H.",
        "Penata Muda",
        "III/a",
        "Laki-laki",
        "S-1",
        "Bagian Hukum Sekretariat Daerah",
    ),
    (
        "20000707 202503 2 006",
        "Nur Aini",
        "Penata Muda",
        "III/a",
        "Perempuan",
        "SMA",
        "Kecamatan Candi",
    ),
    (
        "19951103 202503 1 007",
        "dr. Yoga Prasetyo",
        "Penata Muda Tingkat I",
        "III/b",
        "Laki-laki",
        "Profesi Dokter",
        "Dinas Kesehatan",
    ),
    (
        "19990219 202503 2 008",
        "Lailatul Fitriyah, S.Pd.",
        "Penata Muda",
        "III/a",
        "Perempuan",
        "S-1",
        "SDN Sidokare 1",
    ),
    (
        "19980925 202503 1 009",
        "Bagus Setiawan, S.Kom.",
        "Penata Muda Tingkat I",
        "III/b",
        "Laki-laki",
        "S-1",
        "Dinas Komunikasi dan Informatika",
    ),
    (
        "19970406 202503 2 010",
        "Ratna Wulandari, A.Md.Keb.",
        "Pengatur",
        "II/c",
        "Perempuan",
        "D-III Kebidanan",
        "Puskesmas Tanggulangin",
    ),
]

ANGKATAN_III: list[Person] = [
    (
        "19990101 202503 1 011",
        "Fajar Nugroho, S.Sos.",
        "Penata Muda",
        "III/a",
        "Laki-laki",
        "S-1",
        "Kecamatan Waru",
    ),
    (
        "19980615 202503 2 012",
        "Intan Permatasari, S.Psi.",
        "Penata Muda",
        "III/a",
        "Perempuan",
        "S-1",
        "Badan Kepegawaian dan Pengembangan SDM",
    ),
    ANGKATAN_II[1],  # the same participant on both sheets: one NIP twice
    (
        "19961220 202503 1 014",
        "Hendra Gunawan, S.Ak.",
        "Penata Muda",
        "III/a",
        "Laki-laki",
        "S-1",
        "Inspektorat Daerah",
    ),
]

REFERENCE = [
    ("Gol. Ruang", "Pangkat"),
    ("II/a", "Pengatur Muda"),
    ("II/b", "Pengatur Muda Tingkat I"),
    ("II/c", "Pengatur"),
    ("III/a", "Penata Muda"),
    ("III/b", "Penata Muda Tingkat I"),
]


def _list_sheet(
    book: openpyxl.Workbook, title: str, cohort: str, people: list[Person], *, two_row_header: bool
) -> None:
    sheet = book.create_sheet(title)
    bold = Font(bold=True)
    centre = Alignment(horizontal="center", vertical="center", wrap_text=True)
    titles = (
        "DAFTAR PESERTA PELATIHAN DASAR CPNS GOLONGAN III",
        f"{cohort} TAHUN 2025",
        "BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA KABUPATEN SIDOARJO",
    )
    for row, heading in enumerate(titles, start=1):
        sheet.cell(row, 1, heading).font = bold
        sheet.cell(row, 1).alignment = Alignment(horizontal="center")
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=9)
    header = 5
    for column, name in enumerate(_HEADER, start=1):
        if name is not None:
            sheet.cell(header, column, name)
    last_header = header
    if two_row_header:
        last_header = header + 1
        for column, lower in enumerate(_SUBHEADER, start=1):
            if lower is not None:
                sheet.cell(last_header, column, lower)
            elif _HEADER[column - 1] is not None:  # a header cell over both rows
                sheet.merge_cells(
                    start_row=header, start_column=column, end_row=last_header, end_column=column
                )
        sheet.merge_cells(start_row=header, start_column=4, end_row=header, end_column=5)
    else:
        sheet.cell(header, 4, "Pangkat")
        sheet.cell(header, 5, "Gol. Ruang")
    numbers = last_header + 1
    for column in range(1, 10):
        sheet.cell(numbers, column, f"({column})").alignment = centre
    for row in range(header, numbers + 1):
        for column in range(1, 10):
            sheet.cell(row, column).font = bold
            sheet.cell(row, column).alignment = centre
    first = numbers + 1
    for offset, (nip, person, rank, grade, sex, education, unit) in enumerate(people):
        row = first + offset
        values = (offset + 1, nip, person, rank, grade, sex, education, unit, None)
        for column, value in enumerate(values, start=1):
            cell = sheet.cell(row, column, value)
            if column == 2 and isinstance(nip, str):
                cell.number_format = "@"
    total = first + len(people)
    sheet.cell(total, 1, "JUMLAH PESERTA").font = bold
    sheet.merge_cells(start_row=total, start_column=1, end_row=total, end_column=2)
    sheet.cell(total, 3, f"{len(people)} orang").font = bold
    signature = total + 2
    lines = (
        "Sidoarjo, 2 Juni 2025",
        "KEPALA BKPSDM KABUPATEN SIDOARJO",
        None,
        None,
        "Drs. BAMBANG SUTRISNO, M.Si.",
        "Pembina Utama Muda (IV/c)",
        "NIP. 19700512 199503 1 004",
    )
    for offset, line in enumerate(lines):
        if line is not None:
            sheet.cell(signature + offset, 7, line).alignment = Alignment(horizontal="center")
    for letter, width in zip("ABCDEFGHI", (5, 24, 32, 22, 11, 14, 18, 40, 14), strict=True):
        sheet.column_dimensions[letter].width = width


def build() -> openpyxl.Workbook:
    """The workbook, built from the lists above."""
    book = openpyxl.Workbook()
    notes = book.active
    assert notes is not None
    notes.title = "Petunjuk"
    for text in (
        "Petunjuk pengisian",
        "1. Isi NIP dengan format teks (18 digit).",
        "2. Gol. Ruang ditulis seperti III/a.",
        "3. Satu lembar untuk setiap angkatan.",
    ):
        notes.append([text])
    _list_sheet(book, "Angkatan II", "ANGKATAN II", ANGKATAN_II, two_row_header=True)
    _list_sheet(book, "Angkatan III", "ANGKATAN III", ANGKATAN_III, two_row_header=False)
    reference = book.create_sheet("Referensi")
    for row in REFERENCE:
        reference.append(list(row))
    reference.sheet_state = "hidden"
    book.active = 1
    return book


def _values(book: openpyxl.Workbook) -> list[tuple[str, str, list[tuple[object, ...]]]]:
    return [
        (sheet.title, sheet.sheet_state, [tuple(row) for row in sheet.iter_rows(values_only=True)])
        for sheet in book.worksheets
    ]


def main(argv: list[str]) -> int:
    if argv == ["--write"]:
        build().save(WORKBOOK)
        print(f"wrote {WORKBOOK.name}")
        return 0
    bundled = openpyxl.load_workbook(WORKBOOK)
    if _values(bundled) != _values(build()):
        print(f"{WORKBOOK.name} differs from this script's lists: rebuild it with --write")
        return 1
    document = read_xlsx(WORKBOOK, defaults=COHORT_FACTS, file_name=f"examples/{WORKBOOK.name}")
    rows = sorted(document.rows.values())  # the participants' rows, on both sheets
    assert len(rows) == len(ANGKATAN_II) + len(ANGKATAN_III), rows
    report = pelatihan.validate(document)
    print(report.to_text(lang="id"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
