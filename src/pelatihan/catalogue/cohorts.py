"""Rules of participants, cohorts and results.

The codes ``nip.*``, ``grade.*``, ``track.*``, ``participant.*``, ``cohort.*``,
``organizer.*``, ``results.*`` of results and ``evaluation.*``.
"""

from __future__ import annotations

from pelatihan import nip as nip_module
from pelatihan.catalogue._table import Table
from pelatihan.errors import ValidationError
from pelatihan.findings import Rule, Severity
from pelatihan.grades import InconsistentGrade, InvalidGrade
from pelatihan.provenance import Citation

__all__ = [
    "ABSENCE",
    "ACCREDITATION",
    "BIRTH_DATE",
    "COHORTS_ROOMS",
    "COHORT_EMPTY",
    "COHORT_SIZE",
    "DEFERRED",
    "DUPLICATE",
    "DUPLICATE_ACROSS_FILES",
    "EDUCATION_GRADE",
    "EDUCATION_UNKNOWN",
    "FAILED",
    "GRADE_FORMAT",
    "GRADE_INCONSISTENT",
    "NIP_INVALID",
    "NIP_RULES",
    "NO_SCHEDULE",
    "PARTICIPANT_TRACK",
    "PASSED",
    "PROBATION",
    "PROBATION_NEAR",
    "RANK_GRADE",
    "RANK_UNKNOWN",
    "RESULT_BEFORE_START",
    "RESULT_COMPONENT",
    "RESULT_DUPLICATE",
    "RESULT_INCOMPLETE",
    "RESULT_LATE",
    "RESULT_MISSING",
    "RESULT_UNKNOWN",
    "RULEBOOK_REGIME",
    "RULES",
    "SEX",
    "TMT",
    "TRACK_NONE",
]

_E, _W, _I = Severity.ERROR, Severity.WARNING, Severity.INFO
_listed = Table()

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

RANK_GRADE = _listed(
    Rule(
        "participant.rank-grade",
        _E,
        "Rank names another grade than the grade column",
        "Pangkat menunjukkan golongan/ruang lain",
        "A participant's rank (pangkat), when given in a column of its own, names the grade the "
        "grade column gives: Penata Muda is III/a, Pengatur Muda II/a, and so on through the 17 "
        "grades (the table of ranks is reported by secondary sources, SEC). The grade column is "
        "the one the other rules read; the finding is at the rank.",
    )
)

RANK_UNKNOWN = _listed(
    Rule(
        "participant.rank-unknown",
        _W,
        "Rank not recognised",
        "Pangkat tidak dikenali",
        "A participant's rank (pangkat), when given, is one of the 17 rank names (Penata Muda, "
        "Penata Muda Tingkat I, ...), written as the grade field may write them (a golongan/ruang "
        "with it, or alone, is read too). A warning, not an error: the grade column, not the "
        "rank, is what the other rules read, and a rank that cannot be read is only not compared "
        "with it.",
    )
)

_ENTRY_BASIS = Citation("pp-98-2000", "Pasal 11 ayat (4)")

EDUCATION_GRADE = _listed(
    Rule(
        "participant.education-grade",
        _W,
        "Grade above the entry grade of the education",
        "Golongan/ruang di atas golongan awal pendidikan",
        "A CPNS is appointed in the entry grade of the education used to apply (PP 98/2000 "
        "Pasal 11 ayat (4) as amended by PP 11/2002; the table of entry grades is reported by "
        "secondary sources, SEC: SD I/a, SLTA and D-I II/a, D-II II/b, D-III II/c, S-1 and D-IV "
        "III/a, S-2 and professional degrees III/b, S-3 III/c). A grade above the entry grade of "
        "the participant's stated education (an SLTA leaver in III/a) is not explained by it, "
        "and is reported as a warning, as the figure it rests on is not read in the regulation. "
        "A grade below it (a graduate in II/a) is not reported: a CPNS may hold a higher "
        "diploma than the post asked for, and exports often give the latest education "
        "(pendidikan terakhir) rather than the one used to apply. Where the entry grade is "
        "OPEN (SMP: sources give I/b or I/c) nothing is claimed: an info finding says the "
        "grade cannot be checked. The finding carries the entry grade's status and basis.",
        _ENTRY_BASIS,
    )
)

EDUCATION_UNKNOWN = _listed(
    Rule(
        "participant.education-unknown",
        _I,
        "Education level not recognised; grade not checked against it",
        "Jenjang pendidikan tidak dikenali; golongan tidak diperiksa terhadapnya",
        "A participant's education, when given, is an education level the library reads (SD, "
        "SMP/SLTP, SLTA/SMA/SMK, D-I to D-IV, S-1 to S-3, Sarjana, Magister, Doktor, Dokter, "
        "Apoteker; a trailing sederajat allowed). Other text (a field of study after the level, "
        "say) is reported as info: the grade is then not checked against the education.",
    )
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

DUPLICATE_ACROSS_FILES = _listed(
    Rule(
        "participant.duplicate-nip-across-files",
        _E,
        "Same NIP in two files",
        "NIP yang sama ada di dua berkas",
        "A NIP appears in only one of the files validated together (several files given to "
        "pelatihan validate at once, or to pelatihan.validate_files): Latsar is taken once. In "
        "each file after the first that has the NIP, its first appearance is reported, naming "
        "where it first appeared (file, row and path); its later appearances in that file are "
        "participant.duplicate-nip. NIPs are compared as results are matched to participants: "
        "by their digits, without spaces, dots and dashes.",
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

COHORTS_ROOMS = _listed(
    Rule(
        "cohorts.rooms",
        _E,
        "More cohorts in class than rooms",
        "Angkatan dalam kelas melebihi ruang kelas",
        "On no day do the in-class phases of the cohorts checked together need more rooms "
        "than the user says exist (pelatihan validate --rooms N): one room per cohort on each "
        "training day of its in-class phases. Checked only when the number of rooms is given; "
        "the finding rests on that figure (USER).",
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

RESULT_BEFORE_START = _listed(
    Rule(
        "results.passed-on-before-start",
        _E,
        "Result decided before the cohort began",
        "Hasil ditetapkan sebelum angkatan dimulai",
        "A result's passed_on is not before the cohort's first day: results are decided at the "
        "end of the training, so an earlier day (0001-01-01) is a mistake in the data.",
    )
)

RESULT_LATE = _listed(
    Rule(
        "results.passed-on-late",
        _W,
        "Result decided long after the cohort ended",
        "Hasil ditetapkan lama setelah angkatan selesai",
        "A result's passed_on is at most evaluation.results_within_days (365 by default, a "
        "sanity bound no regulation sets: OPEN, overridable in a variant) after the cohort's "
        "last day; a later day (9999-12-31) is most likely a mistake in the year.",
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

RULES: tuple[Rule, ...] = _listed.rules
"""The rules of this module, in its order."""
