"""Models and validators for Latsar CPNS, Indonesia's basic training for candidate civil servants.

The public names are gathered here; each lives in its own module:

* :mod:`pelatihan.nip` — the 18-digit civil-servant number (NIP);
* :mod:`pelatihan.grades` — grades (golongan/ruang, pangkat), entry grade by
  education, and the Latsar tracks;
* :mod:`pelatihan.legal` — the legal instruments and the regime in force;
* :mod:`pelatihan.provenance` — figures with their status and legal basis.

    >>> import pelatihan
    >>> pelatihan.nip.format("198609262015051001")
    '19860926 201505 1 001'
    >>> str(pelatihan.Grade.parse("Penata Muda (III/a)"))
    'III/a'
"""

from pelatihan import legal, nip
from pelatihan.errors import ValidationError
from pelatihan.grades import Education, Grade, Track, entry_grade
from pelatihan.provenance import Citation, Figure, Status

__all__ = [
    "Citation",
    "Education",
    "Figure",
    "Grade",
    "Status",
    "Track",
    "ValidationError",
    "__version__",
    "entry_grade",
    "legal",
    "nip",
]

__version__ = "0.1.0.dev0"
