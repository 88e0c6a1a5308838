"""Reading any supported cohort file: JSON, CSV or Excel, chosen by the file's extension."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from pelatihan.io.document import InputError, RawDocument
from pelatihan.io.structure import Loaded, structure

__all__ = ["CSV_SUFFIXES", "EXCEL_SUFFIXES", "SUFFIXES", "TABLE_SUFFIXES", "load", "read"]

CSV_SUFFIXES = (".csv", ".txt")
"""The extensions of CSV participant lists."""
EXCEL_SUFFIXES = (".xlsx", ".xlsm")
"""The extensions of Excel participant lists."""
TABLE_SUFFIXES = CSV_SUFFIXES + EXCEL_SUFFIXES
"""The extensions of participant lists (tables, one row per participant)."""
SUFFIXES = (".json", *TABLE_SUFFIXES)
"""The file extensions :func:`read` knows."""


def read(
    path: str | os.PathLike[str],
    *,
    defaults: Mapping[str, str] | None = None,
    sheet: str | None = None,
    columns: Mapping[str, str] | None = None,
) -> RawDocument:
    """Read a cohort file into raw data, by its extension.

    Args:
        path: A ``.json``, ``.csv`` (or ``.txt``) or ``.xlsx`` file.
        defaults: For tabular files, cohort-level facts not in the file's
            columns: ``track``, ``method``, ``start``, ``regime``, ``organizer``,
            ``cohort`` (the cohort's name when there is no cohort column).
        sheet: For a workbook, the worksheet to read; by default every worksheet
            with a participant table. Ignored for other files.
        columns: Headers of your own: the header of the column to read as each field
            (``{"name": "Nama Tanpa Gelar"}``), for a table of a participant list
            (:meth:`~pelatihan.io.table.RowTable.with_columns`). Ignored for other files.

    Raises:
        InputError: If the file cannot be read, its extension is not known, or
            the workbook has no worksheet ``sheet``.
        ValueError: If ``columns`` names a field a participant list does not have.
    """
    name = os.fspath(path)
    suffix = Path(name).suffix.lower()
    if suffix == ".json":
        from pelatihan.io.jsonfile import read_json  # noqa: PLC0415 - each format's reader is imported when a file of it is read

        return read_json(name)
    if suffix in CSV_SUFFIXES:
        from pelatihan.io.csv import read_csv  # noqa: PLC0415 - each format's reader is imported when a file of it is read

        return read_csv(name, defaults=defaults, columns=columns)
    if suffix in EXCEL_SUFFIXES:
        from pelatihan.io.xlsx import read_xlsx  # noqa: PLC0415 - each format's reader is imported when a file of it is read

        return read_xlsx(name, defaults=defaults, sheet=sheet, columns=columns)
    raise InputError(
        f"{name}: unknown file type {suffix or '(none)'}; expected one of {', '.join(SUFFIXES)}",
        f"{name}: jenis berkas {suffix or '(tanpa ekstensi)'} tidak dikenal; gunakan salah satu "
        f"dari {', '.join(SUFFIXES)}",
        value=name,
    )


def load(
    path: str | os.PathLike[str],
    *,
    defaults: Mapping[str, str] | None = None,
    sheet: str | None = None,
    columns: Mapping[str, str] | None = None,
) -> Loaded:
    """Read a cohort file and structure it into cohort models (options as for :func:`read`).

    A JSON file is loaded by :func:`pelatihan.io.typed.load_json`, which gives what
    ``structure(read(path))`` gives, sooner.

    Example:
        >>> import tempfile
        >>> from pathlib import Path
        >>> folder = Path(tempfile.mkdtemp())
        >>> lines = ["NIP;Nama;Gol/Ruang;Instansi", "19950417 201903 2 004;Dewi;III/a;Dinkes"]
        >>> _ = (folder / "peserta.csv").write_text(chr(10).join(lines), encoding="utf-8")
        >>> loaded = load(folder / "peserta.csv", defaults={"track": "III", "method": "blended"})
        >>> [(c.name, c.track.value, len(c.participants)) for c in loaded.cohorts]
        [('peserta', 'III', 1)]
    """
    if Path(os.fspath(path)).suffix.lower() == ".json":
        from pelatihan.io.typed import load_json  # noqa: PLC0415 - each format's reader is imported when a file of it is read

        return load_json(path)
    return structure(read(path, defaults=defaults, sheet=sheet, columns=columns))
