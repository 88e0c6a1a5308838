"""The records of the interchange format, each field declared once.

A participant, a cohort, its organiser and phases, a result and its absences
are each a :class:`Record`: the model it becomes and its fields, in the order
a record lists them. Each :class:`Field` declares its key (the model's
attribute of the same name), its :class:`Kind` (text, a NIP, a date, a flag,
a choice of an enumeration, a nested record, ...), what it means (the JSON
Schema's description), whether it is required, its default, the column
headers the table readers recognise for it, and its name in Indonesian
messages (``agency`` is ``instansi`` there). Everything else is read from
these declarations:

* structuring (:mod:`pelatihan.io.structure`) converts each field by its kind
  and reports its problems; the fast path for plainly right participants
  (:mod:`pelatihan.io.plain`) is written from :data:`PARTICIPANT` at import;
* the table readers (:mod:`pelatihan.io.tabular`, :mod:`pelatihan.io.results`)
  match headers to fields and turn date and flag cells into their values;
* the JSON Schema (:mod:`pelatihan.io.schema`) and the writer
  (:mod:`pelatihan.io.dump`) describe and write each field by its kind.

    >>> from pelatihan.io.fields import PARTICIPANT
    >>> [field.key for field in PARTICIPANT.required]
    ['nip', 'name', 'grade', 'agency']
    >>> sex = PARTICIPANT.field("sex")
    >>> sex.kind.name, sex.required, sex.headers
    ('choice', False, ('Jenis Kelamin', 'Jns Kelamin', 'Kelamin', 'JK', 'L/P', 'Sex', 'Gender'))

A field's key is its model's attribute: ``tests/test_fields.py`` fails when a
model and its declaration disagree.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable
from typing import Any, Generic, Literal, TypeVar

import attrs

from pelatihan.calendar import WORKWEEK
from pelatihan.cohort import Cohort, Organizer, Participant
from pelatihan.evaluation import Absences, Result
from pelatihan.grades import Track
from pelatihan.nip import Sex
from pelatihan.schedule import Phase
from pelatihan.training import Method, PhaseKind

__all__ = [
    "ABSENCES",
    "COHORT",
    "COHORT_HEADERS",
    "COHORT_LABEL_ID",
    "COUNT",
    "DATE",
    "FLAG",
    "IDENTIFIER",
    "KIND_NAMES",
    "NIP",
    "ORGANIZER",
    "PARTICIPANT",
    "PHASE",
    "RECORDS",
    "REGIME",
    "RESULT",
    "SCORES",
    "SCORE_HEADERS",
    "SCORE_LABELS_ID",
    "TEXT",
    "WEEKDAYS",
    "WHOLE_COUNT",
    "Field",
    "Kind",
    "Record",
    "choice",
    "record",
    "records",
]

M = TypeVar("M")
E = TypeVar("E", bound=enum.Enum)

KIND_NAMES = (
    "text",
    "nip",
    "date",
    "flag",
    "choice",
    "regime",
    "count",
    "whole-count",
    "weekdays",
    "scores",
    "record",
    "records",
)
"""The names of the kinds of field; every reader and writer handles each of them."""


@attrs.frozen(eq=False)
class Kind:
    """What a field's values are: how they are read, described and written.

    Args:
        name: One of :data:`KIND_NAMES`.
        record: For ``record`` and ``records``, the record (or each item's).
        choices: For ``choice``, the members, in the order the schema lists them.
        parse: For ``choice``, reads a member from text as exports write it.
        code: For ``choice``, a member's canonical text (what the writer writes).
        blank_is_absent: Whether text of only spaces counts as no value (as an
            empty cell does); otherwise it is a value of the wrong type.
        whole: For ``records``: the list is kept only when every item is (the
            phases of a schedule), otherwise each item that can be is.
        integers: For ``text``: whether a whole number is read as its digits
            (an identifier an export numbers, ``12``); otherwise a number is a
            value of the wrong type, as the JSON Schema says.
    """

    name: str
    record: Record[Any] | None = None
    choices: tuple[Any, ...] = ()
    parse: Callable[[Any], Any] | None = None
    code: Callable[[Any], str] | None = None
    blank_is_absent: bool = True
    whole: bool = False
    integers: bool = False


TEXT = Kind("text")
"""Text, stripped of surrounding spaces; a number is of the wrong type (a name of 12)."""
IDENTIFIER = Kind("text", integers=True)
"""Text, stripped of surrounding spaces, or a whole number read as its digits (an id of 12)."""
NIP = Kind("nip", integers=True)
"""A NIP as written: text or a whole number, and a spreadsheet's float of one reported as such."""
DATE = Kind("date")
"""A date written ``YYYY-MM-DD`` (a table's cell: any form :mod:`~pelatihan.io.dates` reads)."""
FLAG = Kind("flag")
"""True or false (``ya``/``tidak``, ``yes``/``no`` too)."""
REGIME = Kind("regime")
"""The id of a regime (:func:`pelatihan.legal.regimes`)."""
COUNT = Kind("count")
"""A number from 0 (a decimal comma allowed), kept exactly."""
WHOLE_COUNT = Kind("whole-count")
"""A count from 0, as a whole number."""
WEEKDAYS = Kind("weekdays")
"""A non-empty list of weekday numbers, 0 (Monday) to 6 (Sunday)."""
SCORES = Kind("scores", blank_is_absent=False)
"""Scores by component key, each 0 to 100 (:data:`SCORE_HEADERS` names their columns)."""


def _value(member: enum.Enum) -> str:
    return str(member.value)


def choice(
    members: Iterable[E], parse: Callable[[Any], E], code: Callable[[E], str] = _value
) -> Kind:
    """A choice of ``members``, read by ``parse``, written as ``code`` gives (by default its value).

    Example:
        >>> kind = choice(Sex, Sex.parse, lambda sex: sex.code)
        >>> kind.choices, kind.parse("perempuan")
        ((<Sex.MALE: 1>, <Sex.FEMALE: 2>), <Sex.FEMALE: 2>)
    """
    return Kind("choice", choices=tuple(members), parse=parse, code=code)


def record(of: Record[Any]) -> Kind:
    """A nested record (an object)."""
    return Kind("record", record=of)


def records(of: Record[Any], *, whole: bool = False, blank_is_absent: bool = False) -> Kind:
    """A list of records; see :class:`Kind` for ``whole`` and ``blank_is_absent``."""
    return Kind("records", record=of, whole=whole, blank_is_absent=blank_is_absent)


@attrs.frozen(eq=False)
class Field:
    """One field of a record.

    Args:
        key: The record's key, and the model's attribute.
        kind: What its values are.
        description: What it means, for the JSON Schema (a kind's own note, such
            as how a date is written, and that null means absent, are added there).
        headers: The column headers a table may give it (matched whatever their
            case and punctuation; the key is one too).
        required: Whether a record must give it (``input.missing`` otherwise).
        default: Its value when the record does not give it, or gives a value
            that cannot be read; for an optional field, the model's default.
        written_when_default: Whether the writer writes it when it holds its
            default (it always writes a required field, and never an absent one).
        label_id: Its name in Indonesian messages (``"instansi"`` for ``agency``);
            English messages name a field by its key.

    Example:
        >>> agency = PARTICIPANT.field("agency")
        >>> agency.label("en"), agency.label("id")
        ('agency', 'instansi')
    """

    key: str
    kind: Kind
    description: str
    headers: tuple[str, ...] = ()
    required: bool = False
    default: object = None
    written_when_default: bool = False
    label_id: str = ""

    def label(self, lang: str = "en") -> str:
        """How messages in ``lang`` (``"en"`` or ``"id"``) name the field.

        The key in English; in Indonesian, :attr:`label_id`, or the key while a
        field has no Indonesian label.
        """
        return (self.label_id or self.key) if lang == "id" else self.key


@attrs.frozen(eq=False)
class Record(Generic[M]):
    """A record of the interchange format: the model it becomes, and its fields in order.

    Args:
        name: Its name (the JSON Schema's ``$defs`` key).
        title: Its title in the JSON Schema.
        description: What it is, for the JSON Schema.
        model: The model class it is structured into.
        fields: Its fields, in the order a record lists them.
        keep: When a record that cannot be read in full is kept: ``"always"``
            (with the defaults of the fields it lacks), ``"complete"`` (when
            every required field has a value) or ``"valid"`` (when no field of
            it has an error).
    """

    name: str
    title: str
    description: str
    model: type[M]
    fields: tuple[Field, ...]
    keep: Literal["always", "complete", "valid"] = "always"
    keys: tuple[str, ...] = attrs.field(init=False)
    """The keys of its fields, in order."""
    key_set: frozenset[str] = attrs.field(init=False)
    """The keys of its fields."""
    required: tuple[Field, ...] = attrs.field(init=False)
    """Its required fields."""

    def __attrs_post_init__(self) -> None:
        keys = tuple(field.key for field in self.fields)
        object.__setattr__(self, "keys", keys)
        object.__setattr__(self, "key_set", frozenset(keys))
        object.__setattr__(self, "required", tuple(f for f in self.fields if f.required))

    def field(self, key: str) -> Field:
        """The field with this key.

        Raises:
            KeyError: If the record has no such field.
        """
        for field in self.fields:
            if field.key == key:
                return field
        raise KeyError(key)


NIP_HEADERS = ("NIP", "NIP Baru", "NIP Peserta", "Nomor Induk Pegawai")
"""The headers of a NIP column, in a participant list and a results export alike."""

_NAME_HEADERS = (
    "Nama",
    "Nama Lengkap",
    "Nama Peserta",
    "Nama Pegawai",
    "Nama CPNS",
    "Nama Lengkap dan Gelar",
    "Name",
)

PARTICIPANT: Record[Participant] = Record(
    "participant",
    "Participant",
    "A candidate civil servant (CPNS) taking the training (peserta).",
    Participant,
    (
        Field(
            "nip",
            NIP,
            "The 18-digit civil-servant number (Nomor Induk Pegawai, NIP) as written in the "
            'export; spaces, dots and dashes are allowed ("19950417 202403 2 004"). Write it as '
            "text: a spreadsheet number loses digits.",
            headers=NIP_HEADERS,
            required=True,
            default="",
            label_id="NIP",
        ),
        Field(
            "name",
            TEXT,
            "The participant's full name (nama).",
            headers=_NAME_HEADERS,
            required=True,
            default="",
            label_id="nama",
        ),
        Field(
            "grade",
            TEXT,
            'The grade (golongan/ruang) as written: "III/a", "3a", or the rank name (pangkat) '
            '"Penata Muda".',
            headers=(
                "Gol/Ruang",
                "Golongan",
                "Golongan/Ruang",
                "Gol",
                "Golongan Awal",
                "Gol/Ruang Awal",
                "Pangkat/Golongan",
                "Pangkat/Gol/Ruang",
                "Pangkat/Golongan/Ruang",
                "Pangkat Gol",
                "Grade",
            ),
            required=True,
            default="",
            label_id="golongan/ruang",
        ),
        Field(
            "agency",
            TEXT,
            "The government agency the participant works for (instansi).",
            headers=(
                "Instansi",
                "Unit Kerja",
                "Unit Kerja/Instansi",
                "Instansi/Unit Kerja",
                "Nama Instansi",
                "Asal Instansi",
                "Instansi Asal",
                "Satuan Kerja",
                "Satker",
                "Perangkat Daerah",
                "OPD",
                "SKPD",
                "Unit Organisasi",
                "Agency",
            ),
            required=True,
            default="",
            label_id="instansi",
        ),
        Field(
            "birth_date",
            DATE,
            "The date of birth (tanggal lahir).",
            headers=("Tanggal Lahir", "Tgl Lahir", "Tgl Lhr", "Birth Date", "Date of Birth"),
            label_id="tanggal lahir",
        ),
        Field(
            "sex",
            choice(Sex, Sex.parse, lambda sex: sex.code),
            "The sex (jenis kelamin): L (laki-laki, male) or P (perempuan, female).",
            headers=("Jenis Kelamin", "Jns Kelamin", "Kelamin", "JK", "L/P", "Sex", "Gender"),
            label_id="jenis kelamin",
        ),
        Field(
            "tmt_cpns",
            DATE,
            "The date the CPNS appointment took effect (terhitung mulai tanggal, TMT CPNS).",
            headers=("TMT CPNS", "TMT", "TMT Pengangkatan CPNS", "TMT Pengangkatan", "TMT SK CPNS"),
            label_id="TMT CPNS",
        ),
        Field(
            "education",
            TEXT,
            'The education level used to apply (pendidikan), as written ("S-1", "D-III").',
            headers=(
                "Pendidikan",
                "Pendidikan Terakhir",
                "Tingkat Pendidikan",
                "Jenjang Pendidikan",
                "Pendidikan Pengangkatan",
                "Pendidikan CPNS",
                "Education",
            ),
            label_id="pendidikan",
        ),
        Field(
            "position",
            TEXT,
            "The position (jabatan).",
            headers=("Jabatan", "Nama Jabatan", "Jabatan CPNS", "Formasi Jabatan", "Position"),
            label_id="jabatan",
        ),
        Field(
            "rank",
            TEXT,
            'The rank name (pangkat) as written, when a column of its own gives it ("Penata '
            'Muda"); it names the same grade as the grade field.',
            headers=("Pangkat", "Rank", "Pangkat Terakhir"),
            label_id="pangkat",
        ),
    ),
)
"""A participant (:class:`~pelatihan.cohort.Participant`)."""

ORGANIZER: Record[Organizer] = Record(
    "organizer",
    "Organiser",
    "The organiser of the training (penyelenggara), such as a provincial BPSDM.",
    Organizer,
    (
        Field(
            "name",
            TEXT,
            "The organiser's name.",
            required=True,
            default="",
            label_id="nama penyelenggara",
        ),
        Field(
            "accredited",
            FLAG,
            "Whether LAN has accredited the organiser (terakreditasi) for Latsar; unknown when "
            "absent.",
            label_id="akreditasi",
        ),
    ),
)
"""A cohort's organiser (:class:`~pelatihan.cohort.Organizer`)."""

PHASE: Record[Phase] = Record(
    "phase",
    "Phase",
    "One phase of the cohort's schedule (tahap), in class or out of class by its kind.",
    Phase,
    (
        Field(
            "kind",
            choice(PhaseKind, PhaseKind.parse),
            "What happens in the phase: MOOC, e-learning, distance learning (pembelajaran jarak "
            "jauh), classroom days (klasikal) or habituation at the workplace (habituasi).",
            required=True,
            label_id="jenis tahap",
        ),
        Field(
            "start", DATE, "The phase's first day.", required=True, label_id="tanggal mulai tahap"
        ),
        Field(
            "end",
            DATE,
            "The phase's last day (inclusive).",
            required=True,
            label_id="tanggal selesai tahap",
        ),
        Field(
            "weekdays",
            WEEKDAYS,
            "The weekdays that are training days in the phase, 0 (Monday, Senin) to 6 (Sunday, "
            "Minggu); Monday to Friday when absent.",
            default=WORKWEEK,
            label_id="hari pelatihan",
        ),
        Field(
            "label",
            TEXT,
            'A name for the phase, when a kind appears more than once ("on campus 2").',
            default="",
            label_id="nama tahap",
        ),
    ),
    keep="valid",
)
"""A phase of a cohort's schedule (:class:`~pelatihan.schedule.Phase`); a schedule with a
phase that cannot be read is not kept, for a schedule with a phase missing would be
checked wrongly."""

ABSENCES: Record[Absences] = Record(
    "absences",
    "Absences",
    "The participant's absences, counted cumulatively over the training.",
    Absences,
    (
        Field(
            "sessions",
            WHOLE_COUNT,
            "Sessions missed. 0 when absent.",
            headers=("Tidak Hadir Sesi", "Absen Sesi", "Absent Sessions"),
            default=0,
            written_when_default=True,
            label_id="sesi tidak hadir",
        ),
        Field(
            "jp",
            COUNT,
            "Lesson hours (jam pelajaran, JP) missed. 0 when absent.",
            headers=("Tidak Hadir JP", "Absen JP", "Absent JP"),
            default=Absences().jp,
            written_when_default=True,
            label_id="JP tidak hadir",
        ),
        Field(
            "days",
            WHOLE_COUNT,
            "Days missed. 0 when absent.",
            headers=("Tidak Hadir Hari", "Absen Hari", "Absent Days"),
            default=0,
            written_when_default=True,
            label_id="hari tidak hadir",
        ),
    ),
)
"""A result's absences (:class:`~pelatihan.evaluation.Absences`)."""

SCORE_HEADERS: dict[str, tuple[str, ...]] = {
    "type_a": ("Tipe A", "Nilai Tipe A", "Tes Tertulis Tipe A", "Type A", "type_a"),
    "type_b": ("Tipe B", "Nilai Tipe B", "Tes Tertulis Tipe B", "Type B", "type_b"),
    "mooc_test": ("MOOC", "Tes MOOC", "Nilai MOOC", "MOOC Test", "mooc_test"),
    "elearning_test": (
        "E-Learning",
        "Tes E-Learning",
        "Nilai E-Learning",
        "E-Learning Test",
        "elearning_test",
    ),
    "attitude": (
        "Sikap Perilaku",
        "Sikap dan Perilaku",
        "Sikap",
        "Nilai Sikap Perilaku",
        "Attitude",
    ),
    "actualisation": ("Aktualisasi", "Nilai Aktualisasi", "Actualisation", "Actualization"),
    "actualisation_plan": (
        "Rancangan Aktualisasi",
        "Nilai Rancangan Aktualisasi",
        "Seminar Rancangan Aktualisasi",
        "Actualisation Plan",
        "Actualization Plan",
        "actualisation_plan",
    ),
    "actualisation_results": (
        "Pelaksanaan Aktualisasi",
        "Nilai Pelaksanaan Aktualisasi",
        "Hasil Aktualisasi",
        "Seminar Hasil Aktualisasi",
        "Actualisation Results",
        "Actualization Results",
        "actualisation_results",
    ),
    "technical_competence": (
        "Kompetensi Teknis",
        "Nilai Kompetensi Teknis",
        "Pengembangan Kompetensi Teknis",
        "Pengembangan Kompetensi Teknis Bidang Tugas",
        "Technical Competence",
        "technical_competence",
    ),
}
"""The column headers of each score of a results export, by component key (the keys of
the evaluation components of the shipped rulebooks)."""

SCORE_LABELS_ID: dict[str, str] = {
    "type_a": "nilai Tipe A",
    "type_b": "nilai Tipe B",
    "mooc_test": "nilai tes MOOC",
    "elearning_test": "nilai tes e-learning",
    "attitude": "nilai sikap perilaku",
    "actualisation": "nilai aktualisasi",
    "actualisation_plan": "nilai rancangan aktualisasi",
    "actualisation_results": "nilai pelaksanaan aktualisasi",
    "technical_competence": "nilai kompetensi teknis",
}
"""How Indonesian messages name each score of :data:`SCORE_HEADERS`, by component key."""

RESULT: Record[Result] = Record(
    "result",
    "Result",
    "One participant's evaluation results (hasil evaluasi), for the participant with the same NIP.",
    Result,
    (
        Field(
            "nip",
            NIP,
            "The NIP of the participant the result is for, as written (compared without spaces, "
            "dots and dashes).",
            headers=NIP_HEADERS,
            required=True,
            default="",
            label_id="NIP",
        ),
        Field(
            "scores",
            SCORES,
            "The score per component.",
            default={},
            written_when_default=True,
            label_id="nilai",
        ),
        Field(
            "absences",
            record(ABSENCES),
            "The absences; none when absent.",
            default=Absences(),
            label_id="ketidakhadiran",
        ),
        Field(
            "remediated",
            FLAG,
            "Whether the scores are those after remediation (remedial); false when absent.",
            headers=("Remedial", "Remediasi", "Remediated"),
            default=False,
            label_id="remedial",
        ),
        Field(
            "passed_on",
            DATE,
            "The day the results were decided (tanggal lulus): for a participant who passed, the "
            "earliest day of appointment as PNS follows from it and the end of the probation "
            "year; for one whose graduation is deferred, the remediation deadline.",
            headers=("Tanggal Lulus", "Passed On"),
            label_id="tanggal lulus",
        ),
    ),
    keep="complete",
)
"""A participant's evaluation results (:class:`~pelatihan.evaluation.Result`); a result
without a NIP is not kept, for it is nobody's."""

UNUSED_HEADERS = (
    "No",
    "Nomor",
    "No Urut",
    "Nomor Urut",
    "Keterangan",
    "Ket",
    "Tempat Lahir",
    "Agama",
    "Alamat",
    "NIK",
    "NIP Lama",
    "No HP",
    "Nomor HP",
    "Telepon",
    "Email",
    "Tanda Tangan",
    "TTD",
    "Paraf",
    "Foto",
)
"""Headers of columns agencies' tables often have and the library does not use: a table's
column with one of them is read and left aside without a finding (any other unknown column
gets an ``input.unknown-column`` warning)."""

COHORT_HEADERS = ("Angkatan", "Cohort")
"""The headers of a table's cohort column: its cells name each row's cohort (its id and name)."""

COHORT_LABEL_ID = "angkatan"
"""How Indonesian messages name a table's cohort column (:data:`COHORT_HEADERS`)."""

COHORT: Record[Cohort] = Record(
    "cohort",
    "Cohort",
    "One cohort (angkatan) of Latsar CPNS: its facts, schedule and participants.",
    Cohort,
    (
        Field(
            "id",
            IDENTIFIER,
            "The cohort's identifier, unique in the organiser's records: text, or a whole "
            "number as exports often number cohorts (read as its digits).",
            required=True,
            default="",
            label_id="kode angkatan",
        ),
        Field(
            "name",
            TEXT,
            'The cohort\'s name as the organiser writes it ("Angkatan XII").',
            required=True,
            default="",
            label_id="nama angkatan",
        ),
        Field(
            "track",
            choice(Track, Track.parse),
            "The Latsar track (jalur): Golongan II or Golongan III.",
            headers=("Jalur", "Track", "Latsar Golongan"),
            required=True,
            label_id="jalur",
        ),
        Field(
            "method",
            choice(Method, Method.parse),
            "The delivery method (metode): classroom (klasikal), blended learning, or distance "
            "learning in an emergency (pembelajaran jarak jauh).",
            headers=("Metode", "Method"),
            required=True,
            label_id="metode",
        ),
        Field(
            "regime",
            REGIME,
            "The regulation the cohort is run under (rezim); by default the one in force on the "
            "cohort's first day.",
            headers=("Rezim", "Regime"),
            label_id="rezim",
        ),
        Field(
            "start",
            DATE,
            "The cohort's first day.",
            headers=("Tanggal Mulai", "Mulai", "Start", "Start Date"),
            label_id="tanggal mulai",
        ),
        Field(
            "organizer",
            record(ORGANIZER),
            "The organiser (penyelenggara).",
            headers=("Penyelenggara", "Organizer", "Lembaga Pelatihan"),
            label_id="penyelenggara",
        ),
        Field(
            "klasikal_approved",
            FLAG,
            "Whether the Head of LAN approved classroom delivery in writing (persetujuan Kepala "
            "LAN); false when absent.",
            default=False,
            label_id="persetujuan klasikal",
        ),
        Field(
            "phases",
            records(PHASE, whole=True, blank_is_absent=True),
            "The cohort's schedule, phase by phase; the planned schedule is used when absent.",
            default=(),
            label_id="tahap",
        ),
        Field(
            "participants",
            records(PARTICIPANT),
            "The participants (peserta).",
            required=True,
            default=(),
            label_id="peserta",
        ),
        Field(
            "results",
            records(RESULT),
            "The participants' evaluation results, at most one each, once the cohort has ended; "
            "none when absent.",
            default=(),
            label_id="hasil evaluasi",
        ),
    ),
)
"""A cohort (:class:`~pelatihan.cohort.Cohort`). A table gives its ``id`` and ``name`` in
one column (:data:`COHORT_HEADERS`), the facts with headers in columns of their own, an
organiser by its name."""

RECORDS: tuple[Record[Any], ...] = (COHORT, ORGANIZER, PARTICIPANT, PHASE, RESULT, ABSENCES)
"""Every record of the format."""
