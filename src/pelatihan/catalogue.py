"""The rule catalogue: every finding code ``pelatihan`` can report, one table read top to bottom.

Each :class:`~pelatihan.findings.Rule` has a stable code (never reused for
another meaning), a default severity, a title in English and Indonesian, what
it checks, and the legal basis it rests on; a rule that compares against a
rulebook figure cites that figure (its status and citation) on each finding
instead. The codes of ``nip.*`` and ``grade.*`` rules are those of the
exception classes that raise them (:mod:`pelatihan.nip`, :mod:`pelatihan.grades`).

The readers (:mod:`pelatihan.io`) and the rules (:mod:`pelatihan.validation`)
take their rules from here; nothing is registered as a side effect of
importing them. :func:`rules` gives the complete catalogue, with any rule an
application registered (:func:`register`); the
documentation's rule page is generated from it.

    >>> get("participant.duplicate-nip").severity.value
    'error'
    >>> get("nip.pppk").title_id
    'Tampaknya nomor PPPK, bukan NIP'
"""

from __future__ import annotations

from pelatihan import nip as nip_module
from pelatihan.errors import ValidationError
from pelatihan.findings import Rule, Severity, UnknownRuleError
from pelatihan.grades import InconsistentGrade, InvalidGrade
from pelatihan.provenance import Citation

__all__ = ["RULES", "Rule", "UnknownRuleError", "get", "register", "registered", "rules"]

_E, _W, _I = Severity.ERROR, Severity.WARNING, Severity.INFO

_TABLE: list[Rule] = []


def _listed(rule: Rule) -> Rule:
    """Add a rule to the table, in the order of this module."""
    _TABLE.append(rule)
    return rule


# -- Reading files -------------------------------------------------------------------------

DUPLICATE_KEY = _listed(
    Rule(
        "input.duplicate-key",
        Severity.WARNING,
        "Key given twice",
        "Kunci ditulis dua kali",
        "No object gives the same key twice; when one does, the last value is used.",
    )
)


# -- Structuring records -------------------------------------------------------------------

FORMAT_RULE = _listed(
    Rule(
        "input.format",
        Severity.ERROR,
        "Not the pelatihan cohort format",
        "Bukan format angkatan pelatihan",
        'A JSON document is an object with "format": "pelatihan/cohorts@1" and a list of '
        '"cohorts".',
    )
)

TYPE_RULE = _listed(
    Rule(
        "input.type",
        Severity.ERROR,
        "Value of the wrong type",
        "Nilai dengan tipe yang salah",
        "Each value has the type the format gives it (text, a list, an object, true/false).",
    )
)

MISSING_RULE = _listed(
    Rule(
        "input.missing",
        Severity.ERROR,
        "Required value missing",
        "Nilai wajib tidak ada",
        "Every required field is present and not empty.",
    )
)

UNKNOWN_KEY_RULE = _listed(
    Rule(
        "input.unknown-key",
        Severity.WARNING,
        "Unknown key",
        "Kunci tidak dikenal",
        "Every key is one the format defines; others are reported and ignored.",
    )
)

DATE_RULE = _listed(
    Rule(
        "input.date",
        Severity.ERROR,
        "Not a date",
        "Bukan tanggal",
        "Dates are real calendar dates written YYYY-MM-DD (ISO 8601).",
    )
)

VALUE_RULE = _listed(
    Rule(
        "input.value",
        Severity.ERROR,
        "Value not allowed",
        "Nilai tidak diperbolehkan",
        "Values with a fixed set of choices (sex, track, method, phase kind, regime) hold one "
        "of them.",
    )
)

SCORE_RULE = _listed(
    Rule(
        "results.score",
        Severity.ERROR,
        "Score not from 0 to 100",
        "Nilai tidak antara 0 dan 100",
        "Every score is a number from 0 to 100.",
    )
)


# -- Reading tables ------------------------------------------------------------------------

UNKNOWN_COLUMN = _listed(
    Rule(
        "input.unknown-column",
        Severity.WARNING,
        "Unknown column ignored",
        "Kolom tidak dikenal diabaikan",
        "Every column of a table (a participant list, a results export) has a known header; "
        "a column with another header (or with none) is ignored.",
    )
)

DUPLICATE_COLUMN = _listed(
    Rule(
        "input.duplicate-column",
        Severity.ERROR,
        "Column given twice",
        "Kolom ganda",
        "No two columns of a table are for the same field; the second is ignored.",
    )
)

BLANK_ROW = _listed(
    Rule(
        "input.blank-row",
        Severity.INFO,
        "Blank row skipped",
        "Baris kosong dilewati",
        "A row of a table with no text at all is skipped.",
    )
)

ROW_SHAPE = _listed(
    Rule(
        "input.row-shape",
        Severity.ERROR,
        "Row longer than the header",
        "Baris lebih panjang dari judul kolom",
        "No row of a table has text beyond the header's last column; such text is ignored.",
    )
)

COHORT_CONFLICT = _listed(
    Rule(
        "input.cohort-conflict",
        Severity.ERROR,
        "Rows of a cohort disagree",
        "Baris satu angkatan tidak sepakat",
        "The rows of one cohort give the same track, method, regime, start and organiser, "
        "or leave them empty; the first value given is kept.",
    )
)

RESULTS_UNKNOWN_COHORT = _listed(
    Rule(
        "results.unknown-cohort",
        Severity.WARNING,
        "Results row names an unknown cohort",
        "Baris hasil menyebut angkatan yang tidak dikenal",
        "The cohort (Angkatan) a row of a results export names is the id or the name of a "
        "cohort in the files; otherwise the row goes to the cohort of the participant with "
        "its NIP.",
    )
)

RESULTS_UNATTACHED = _listed(
    Rule(
        "results.unattached",
        Severity.ERROR,
        "Results row not attached to any cohort",
        "Baris hasil tidak masuk ke angkatan mana pun",
        "Every row of a results export is attached to a cohort: the one it names, the one "
        "with a participant of its NIP, or else the first; a row is reported when the files "
        "have no cohort, or that cohort's results are not a list.",
    )
)


# -- Schedules -----------------------------------------------------------------------------

EMPTY = _listed(
    Rule(
        "schedule.empty",
        _E,
        "Schedule has no phases",
        "Jadwal tidak memiliki tahap",
        "A schedule must have at least one phase.",
    )
)

SPAN = _listed(
    Rule(
        "schedule.span",
        _E,
        "Schedule longer than ten years",
        "Jadwal lebih dari sepuluh tahun",
        "A schedule's first and last day are less than ten years apart (a Latsar takes a few "
        "months); a longer one is reported and its days are not counted.",
    )
)

PHASE_DATES = _listed(
    Rule(
        "schedule.phase-dates",
        _E,
        "Phase ends before it starts",
        "Tahap berakhir sebelum dimulai",
        "Every phase's last day is on or after its first day.",
    )
)

EMPTY_PHASE = _listed(
    Rule(
        "schedule.empty-phase",
        _E,
        "Phase has no training day",
        "Tahap tidak memiliki hari pelatihan",
        "Every phase has at least one training day on the calendar.",
    )
)

NO_REGIME = _listed(
    Rule(
        "schedule.no-regime",
        _E,
        "No regime for the start date",
        "Tidak ada rezim untuk tanggal mulai",
        "The schedule starts on or after the first day of a modelled Latsar regime.",
    )
)

REGIME = _listed(
    Rule(
        "schedule.regime",
        _E,
        "Claimed regime is not the one in force",
        "Rezim yang dinyatakan bukan yang berlaku",
        "The regime a schedule claims is the one in force on its first day, or one that only a "
        "boundary not yet established separates from it.",
    )
)

REGIME_DEFAULT = _listed(
    Rule(
        "schedule.regime-default",
        _I,
        "Regime rests on a default boundary",
        "Rezim bergantung pada batas bawaan",
        "Says when the regime of a schedule is decided by a boundary between regimes that is "
        "not established (a default the user can override), so that a user who knows the "
        "regime can claim it or supply the boundary.",
    )
)

METHOD = _listed(
    Rule(
        "schedule.method",
        _E,
        "Method not provided by the regime",
        "Metode tidak tersedia dalam rezim",
        "The delivery method is one the regime provides.",
    )
)

PHASE_KIND = _listed(
    Rule(
        "schedule.phase-kind",
        _E,
        "Phase kind not part of the method",
        "Jenis tahap bukan bagian dari metode",
        "Every phase is of a kind the method's phases include.",
    )
)

PHASE_ORDER = _listed(
    Rule(
        "schedule.phase-order",
        _E,
        "Phases out of order",
        "Urutan tahap tidak sesuai",
        "Phases follow the rulebook's order; a phase may be split into consecutive parts.",
    )
)

OVERLAP = _listed(
    Rule(
        "schedule.overlap",
        _E,
        "Phases overlap",
        "Tahap saling tumpang tindih",
        "No two phases share a day.",
    )
)

GAP = _listed(
    Rule(
        "schedule.gap",
        _W,
        "Training days between phases",
        "Ada hari pelatihan di antara tahap",
        "Consecutive phases leave no training day between them.",
    )
)

CLOSED_DAY = _listed(
    Rule(
        "schedule.closed-day",
        _W,
        "Phase starts or ends on a closed day",
        "Tahap dimulai atau berakhir pada hari libur",
        "Each phase starts and ends on one of its training days (not a weekend, national "
        "holiday, cuti bersama or organiser's closure).",
    )
)

DAYS_TOTAL = _listed(
    Rule(
        "schedule.days-total",
        _E,
        "Total days differ from the rulebook",
        "Jumlah hari berbeda dari buku aturan",
        "The schedule's training days add up to the method's total.",
    )
)

DAYS_IN_CLASS = _listed(
    Rule(
        "schedule.days-in-class",
        _E,
        "Days in class differ from the rulebook",
        "Jumlah hari dalam kelas berbeda dari buku aturan",
        "The training days in class add up to the method's figure.",
    )
)

DAYS_OUT_OF_CLASS = _listed(
    Rule(
        "schedule.days-out-of-class",
        _E,
        "Days out of class differ from the rulebook",
        "Jumlah hari luar kelas berbeda dari buku aturan",
        "The training days out of class add up to the method's figure.",
    )
)

KIND_DAYS = _listed(
    Rule(
        "schedule.kind-days",
        _E,
        "Days of a kind of phase differ from the rulebook",
        "Jumlah hari suatu jenis tahap berbeda dari buku aturan",
        "The training days of each kind of phase (split or not) add up to the rulebook's "
        "figure for that kind, where it gives one.",
    )
)

FIGURE_OPEN = _listed(
    Rule(
        "schedule.figure-open",
        _I,
        "Figure not established; not checked",
        "Angka belum ditetapkan; tidak diperiksa",
        "A check whose figure is OPEN in the rulebook is reported as not done; supply the "
        "figure in a rulebook variant to check it.",
    )
)

KLASIKAL_APPROVAL = _listed(
    Rule(
        "schedule.klasikal-approval",
        _W,
        "Classroom delivery without approval",
        "Penyelenggaraan klasikal tanpa persetujuan",
        "A classroom cohort starting when blended learning is the norm has the written "
        "approval of the Head of LAN.",
        Citation("kep-93-2021"),
    )
)

UNCONFIRMED_YEAR = _listed(
    Rule(
        "calendar.unconfirmed-year",
        _W,
        "Holidays of a year not yet confirmed",
        "Hari libur tahun ini belum ditetapkan",
        "The schedule's years have national holidays and cuti bersama decreed; for a later "
        "year the day counts may change when the decree is issued.",
        Citation("skb-3-menteri"),
    )
)


# -- Participants, cohorts and results -----------------------------------------------------

_NIP_BASIS = Citation("perka-bkn-22-2007")

_PROBATION_BASIS = Citation("uu-5-2014", "Pasal 64 ayat (1)")


def _error_rule(
    error: type[ValidationError],
    title_en: str,
    title_id: str,
    checks: str,
    basis: Citation | None = None,
) -> Rule:
    """The rule of the findings made from one kind of error: its code is the error's."""
    return _listed(Rule(error.code, _E, title_en, title_id, checks, basis))


def _nip_rule(
    error: type[nip_module.InvalidNIP], title_en: str, title_id: str, checks: str
) -> Rule:
    basis = Citation("pp-11-2017", "Pasal 23") if error is nip_module.ImplausibleAge else _NIP_BASIS
    return _error_rule(error, title_en, title_id, checks, basis)


NIP_RULES = {
    rule.code: rule
    for rule in (
        _nip_rule(
            nip_module.InvalidFormat,
            "NIP has characters other than digits",
            "NIP memuat karakter selain angka",
            "A NIP is text or a whole number holding only the digits 0-9 once spaces, dots "
            "and dashes are removed (a spreadsheet float has lost digits).",
        ),
        _nip_rule(
            nip_module.InvalidLength,
            "NIP is not 18 digits",
            "NIP tidak 18 digit",
            "A NIP has exactly 18 digits.",
        ),
        _nip_rule(
            nip_module.InvalidBirthDate,
            "NIP birth date is not a date",
            "Tanggal lahir pada NIP tidak valid",
            "Digits 1-8 of a NIP are a real date of birth.",
        ),
        _nip_rule(
            nip_module.InvalidTMT,
            "NIP TMT is not a year and month",
            "TMT pada NIP tidak valid",
            "Digits 9-14 of a NIP are a real year and month of CPNS appointment.",
        ),
        _nip_rule(
            nip_module.PPPKNumber,
            "Looks like a PPPK number, not a NIP",
            "Tampaknya nomor PPPK, bukan NIP",
            "A NIP is not an NI PPPK, the number of a contract civil servant (PPPK), who does not "
            "take Latsar CPNS. The NI PPPK shape is reported by secondary sources: birth date, "
            "year of first appointment, a 2-digit number of contracts, sex digit, serial. A "
            "number is taken for one when digits 13-14 are 13 to 99 (never a month) after a "
            "year from 2019 in which the holder reaches the minimum age; otherwise a number "
            "without a month is nip.tmt.",
        ),
        _nip_rule(
            nip_module.ImplausibleAge,
            "NIP holder too young at appointment",
            "Pemilik NIP terlalu muda saat diangkat",
            "The holder is at least the minimum age (18) on the first day of the TMT month.",
        ),
        _nip_rule(
            nip_module.InvalidSex,
            "NIP sex digit is not 1 or 2",
            "Digit jenis kelamin NIP bukan 1 atau 2",
            "Digit 15 of a NIP is 1 (male) or 2 (female).",
        ),
        _nip_rule(
            nip_module.InvalidSerial,
            "NIP serial number is 000",
            "Nomor urut NIP 000",
            "Digits 16-18 of a NIP are a serial number from 001 to 999.",
        ),
    )
}

NIP_INVALID = NIP_RULES["nip.format"]

GRADE_FORMAT = _error_rule(
    InvalidGrade,
    "Grade not recognised",
    "Golongan/ruang tidak dikenali",
    "A grade is written as a golongan/ruang (III/a, 3a) or a rank name (Penata Muda).",
)

GRADE_INCONSISTENT = _error_rule(
    InconsistentGrade,
    "Rank name and golongan/ruang disagree",
    "Pangkat dan golongan/ruang tidak sesuai",
    "When a grade gives both a rank name and a golongan/ruang, they name the same grade.",
)

TRACK_NONE = _listed(
    Rule(
        "track.none",
        _E,
        "Grade has no Latsar track",
        "Golongan tidak memiliki jalur Latsar",
        "A participant's golongan has a Latsar track (golongan IV has none).",
    )
)

PARTICIPANT_TRACK = _listed(
    Rule(
        "participant.track",
        _E,
        "Grade belongs to another track",
        "Golongan termasuk jalur lain",
        "A participant's grade belongs to the cohort's track (golongan III to track III; II and "
        "I to track II).",
    )
)

BIRTH_DATE = _listed(
    Rule(
        "participant.birth-date",
        _E,
        "Birth date differs from the NIP",
        "Tanggal lahir berbeda dengan NIP",
        "A stated birth date equals the one in digits 1-8 of the NIP.",
        _NIP_BASIS,
    )
)

SEX = _listed(
    Rule(
        "participant.sex",
        _E,
        "Sex differs from the NIP",
        "Jenis kelamin berbeda dengan NIP",
        "A stated sex equals the one in digit 15 of the NIP.",
        _NIP_BASIS,
    )
)

TMT = _listed(
    Rule(
        "participant.tmt",
        _E,
        "TMT CPNS differs from the NIP",
        "TMT CPNS berbeda dengan NIP",
        "A stated TMT CPNS falls in the year and month of digits 9-14 of the NIP.",
        _NIP_BASIS,
    )
)

DUPLICATE = _listed(
    Rule(
        "participant.duplicate-nip",
        _E,
        "Same NIP twice",
        "NIP yang sama muncul dua kali",
        "A NIP appears once in a file: not twice in a cohort, nor in two cohorts (Latsar is "
        "taken once). Each appearance after the first (the first row of a table) is reported.",
        Citation("pp-11-2017", "Pasal 34 ayat (5)"),
    )
)

PROBATION = _listed(
    Rule(
        "participant.probation",
        _W,
        "Latsar ends after the probation year",
        "Latsar berakhir setelah masa percobaan",
        "The cohort's last day is within the participant's probation year (TMT CPNS plus 12 "
        "months). Latsar after the probation year is allowed for reasons the agency must "
        "justify (budget, facilities, staff, national policy), with appointment as PNS more "
        "than a year after the TMT (SE Kepala BKN 10/2022, as reported by Kompas TV, "
        "https://www.kompas.tv/nasional/447260, and Bisnis, "
        "https://kabar24.bisnis.com/read/20220318/15/1512297), so this is a warning. The "
        "finding cites the law on the probation year in force on the TMT: UU 5/2014 Pasal 64 "
        "ayat (1) before 31 October 2023, UU 20/2023 from that day (its probation wording was "
        "not found: one year is assumed kept, INF).",
        Citation("se-kepala-bkn-10-2022"),
    )
)

PROBATION_NEAR = _listed(
    Rule(
        "participant.probation-near",
        _W,
        "Latsar ends close to the end of the probation year",
        "Latsar berakhir mendekati akhir masa percobaan",
        "The cohort's last day is more than the margin (30 days by default) before the end of "
        "the participant's probation year. The finding cites the law on the probation year in "
        "force on the TMT, as for participant.probation.",
        _PROBATION_BASIS,
    )
)

COHORT_SIZE = _listed(
    Rule(
        "cohort.size",
        _W,
        "Cohort larger than the limit",
        "Angkatan melebihi batas",
        "A cohort has no more participants than the rulebook's limit. A warning while the limit "
        "is not read in a regulation (the shipped 40 is INF); an error when the limit is REG or "
        "supplied by the organiser (USER, a rulebook variant).",
    )
)

COHORT_EMPTY = _listed(
    Rule(
        "cohort.empty",
        _W,
        "Cohort without participants",
        "Angkatan tanpa peserta",
        "A cohort has at least one participant.",
    )
)

NO_SCHEDULE = _listed(
    Rule(
        "cohort.no-schedule",
        _I,
        "Schedule unknown; not checked",
        "Jadwal tidak diketahui; tidak diperiksa",
        "A cohort has phases, or a first day and method to plan from; without them the schedule "
        "and the probation deadline are not checked.",
    )
)

RULEBOOK_REGIME = _listed(
    Rule(
        "cohort.rulebook-regime",
        _W,
        "The rulebook supplied is of another regime",
        "Buku aturan yang diberikan untuk rezim lain",
        "A rulebook supplied for the check (an organiser's variant) is of the cohort's regime. "
        "A cohort of another regime is checked against the one rulebook supplied, or, when "
        "rulebooks are supplied per regime, against its regime's shipped rulebook; either way "
        "this is reported.",
    )
)

ACCREDITATION = _listed(
    Rule(
        "organizer.accreditation",
        _W,
        "Organiser not known to be accredited",
        "Penyelenggara tidak diketahui terakreditasi",
        "The organiser is a training institution accredited by LAN.",
        Citation("perlan-1-2021"),
    )
)

RESULT_UNKNOWN = _listed(
    Rule(
        "results.unknown-nip",
        _E,
        "Result for someone not in the cohort",
        "Hasil untuk orang yang bukan peserta angkatan",
        "Every result's NIP is the NIP of one of the cohort's participants.",
    )
)

RESULT_DUPLICATE = _listed(
    Rule(
        "results.duplicate",
        _E,
        "Two results for one participant",
        "Dua hasil untuk satu peserta",
        "A participant has at most one result.",
    )
)

RESULT_COMPONENT = _listed(
    Rule(
        "results.component",
        _E,
        "Score of a component the method does not have",
        "Nilai komponen yang tidak ada dalam metode",
        "Scores are given for the components of the cohort's method in its regime's evaluation "
        "(type_a and type_b in classroom delivery, mooc_test and elearning_test in blended and "
        "distance delivery; attitude and actualisation, or for 2025 cohorts actualisation_plan, "
        "actualisation_results, attitude and technical_competence).",
    )
)

RESULT_MISSING = _listed(
    Rule(
        "results.missing",
        _I,
        "Participant without a result",
        "Peserta tanpa hasil",
        "When a cohort has results, every participant has one.",
    )
)

RESULT_INCOMPLETE = _listed(
    Rule(
        "results.incomplete",
        _I,
        "Final score not computed",
        "Nilai akhir tidak dihitung",
        "A result has a score for every component of the method's evaluation, and the "
        "rulebook establishes every weight; otherwise the final score is reported as not "
        "computed, naming the missing scores and the weights to supply in a rulebook variant.",
    )
)

FAILED = _listed(
    Rule(
        "evaluation.failed",
        _W,
        "Participant did not pass",
        "Peserta tidak lulus",
        "A participant's recorded final score reaches the pass mark (70.01); one who does not "
        "is dismissed as CPNS.",
        Citation("uu-5-2014", "Pasal 65"),
    )
)

PASSED = _listed(
    Rule(
        "evaluation.passed",
        _I,
        "Participant passed",
        "Peserta lulus",
        "Reports a participant's final score and qualification when the recorded final score "
        "reaches the pass mark, and the earliest day of appointment as PNS when the TMT CPNS and "
        "the day of passing are known: the later of the day after the probation year ends and "
        "the day of passing.",
        Citation("uu-5-2014", "Pasal 64"),
    )
)

DEFERRED = _listed(
    Rule(
        "evaluation.deferred",
        _W,
        "Participant's graduation deferred",
        "Kelulusan peserta ditunda",
        "A participant whose recorded final score is below the pass mark but above 60 (the band "
        "Ditunda Kelulusannya) has not failed: graduation is deferred until remediation, after "
        "which reaching the pass mark passes with 70.01. The finding says what remains and by "
        "when (by default the end of the probation year; the deadline is not established).",
    )
)

ABSENCE = _listed(
    Rule(
        "evaluation.absence",
        _W,
        "Absences beyond the limit",
        "Ketidakhadiran melebihi batas",
        "A participant's cumulative absences stay within the limits in sessions, JP and days; "
        "beyond them the participant can fail.",
    )
)


RULES: tuple[Rule, ...] = tuple(_TABLE)
"""Every rule of the library, in the order of this module."""

_BY_CODE = {rule.code: rule for rule in RULES}
if len(_BY_CODE) != len(RULES):  # pragma: no cover - a mistake in the table above
    raise RuntimeError("a rule code is listed twice in pelatihan.catalogue")


_REGISTERED: dict[str, Rule] = {}


def register(rule: Rule) -> Rule:
    """Add an application's own rule to the catalogue; a code can be registered once only.

    Registering a rule of the table again, or the same rule twice, changes nothing.

    Raises:
        ValueError: If the code is already the code of a different rule.
    """
    existing = _BY_CODE.get(rule.code) or _REGISTERED.get(rule.code)
    if existing is not None and existing != rule:
        raise ValueError(f"rule code {rule.code!r} is already registered")
    if existing is None:
        _REGISTERED[rule.code] = rule
    return existing or rule


def registered() -> dict[str, Rule]:
    """The rules applications registered, by code (:data:`RULES` holds the library's own)."""
    return dict(_REGISTERED)


def get(code: str) -> Rule:
    """Return the rule with this code.

    Raises:
        UnknownRuleError: If no rule has this code.

    Example:
        >>> get("nip.pppk").title_en
        'Looks like a PPPK number, not a NIP'
    """
    rule = _BY_CODE.get(code) or _REGISTERED.get(code)
    if rule is None:
        raise UnknownRuleError(
            f"no rule has the code {code!r}",
            f"tidak ada aturan dengan kode {code!r}",
            value=code,
        )
    return rule


def rules() -> tuple[Rule, ...]:
    """Every rule, the library's and any an application registered, sorted by code.

    Example:
        >>> codes = [rule.code for rule in rules()]
        >>> codes == sorted(codes) and "schedule.overlap" in codes
        True
    """
    found = {**_REGISTERED, **_BY_CODE}
    return tuple(found[code] for code in sorted(found))
