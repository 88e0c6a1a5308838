"""Participant rules: one participant's NIP, grade and track, stated facts and probation deadline.

Pure checks of one record, written once for every path: the pipeline
(:mod:`pelatihan.validation.fold`) calls :meth:`ParticipantRules.own` as soon as
a participant is read and :meth:`ParticipantRules.in_cohort` once its cohort's
track and last day are known. Each appends its findings to a list (the hot
path of a national export: no generators, and a location worked out only when
a finding needs it). Once the cohort is known, :meth:`ParticipantRules.quiet`
first tells the common case at once: a participant they would find nothing in,
by what they have already read without a finding. A rule added to them is
added to it too.

    >>> from pelatihan import Participant
    >>> rules, found = ParticipantRules(margin_days=30), []
    >>> person = Participant("19950417 201903 2 004", "Dewi", "IV/a", "Dinkes", sex="L")
    >>> _ = rules.own(person, Place(lambda key: Location(("p", key)), 0), found)
    >>> [(finding.code, finding.location.path) for finding in found]
    [('participant.sex', '$.p[0].sex'), ('track.none', '$.p[0].grade')]
"""

from __future__ import annotations

import datetime
from collections.abc import Callable

from pelatihan import nip as nip_module
from pelatihan._memo import remember
from pelatihan.catalogue.cohorts import (
    BIRTH_DATE,
    EDUCATION_GRADE,
    EDUCATION_UNKNOWN,
    GRADE_FORMAT,
    GRADE_INCONSISTENT,
    NIP_INVALID,
    NIP_RULES,
    PARTICIPANT_TRACK,
    PROBATION,
    PROBATION_NEAR,
    RANK_GRADE,
    RANK_UNKNOWN,
    SEX,
    TMT,
    TRACK_NONE,
)
from pelatihan.cohort import Participant, tmt_of
from pelatihan.errors import ValidationError, quote
from pelatihan.evaluation import probation_end, probation_months
from pelatihan.findings import Finding, Key, Location, Severity
from pelatihan.grades import (
    ENTRY_GRADES,
    TRACK_RULES,
    Education,
    Grade,
    InconsistentGrade,
    Track,
    UnknownEducation,
)
from pelatihan.nip import Sex, YearMonth
from pelatihan.nip import _parts as nip_parts
from pelatihan.provenance import Figure, Status

__all__ = ["ParticipantRules", "Place", "tmt_of"]

Parsed = tuple[str, datetime.date, YearMonth, Sex]
"""A NIP's digits, birth date, TMT and sex."""


class Place:
    """A participant's location, worked out only when a finding needs it (most records have none).

    Args:
        find: Works the location out from ``key``.
        key: What ``find`` takes: for the pipeline, the participant's cohort,
            position and row packed into one number.
    """

    __slots__ = ("_find", "_location", "key")

    def __init__(self, find: Callable[[int], Location], key: int) -> None:
        self._find = find
        self.key = key
        self._location: Location | None = None

    @property
    def location(self) -> Location:
        """The location, worked out the first time it is asked for."""
        if self._location is None:
            self._location = self._find(self.key)
        return self._location

    def child(self, key: Key) -> Location:
        """The location of a field (or item) of the participant."""
        return self.location.child(key)

    def __str__(self) -> str:
        return str(self.location)


class ParticipantRules:
    """The checks of one participant; remembers only what repeats across an export.

    Args:
        margin_days: Days before the end of the probation year within which a
            Latsar end is a warning.
    """

    def __init__(self, margin_days: int) -> None:
        self.margin_days = margin_days
        self.minimum_age = nip_module.MINIMUM_AGE.value
        # the end of the probation year and the figure it rests on, by TMT: a national export
        # has a few hundred TMTs
        self.deadlines: dict[datetime.date, tuple[datetime.date, Figure[int]]] = {}
        # the grade read from a grade text, rank and education that gave no finding together:
        # an export repeats a few dozen such combinations (see pelatihan._memo)
        self.clean: dict[tuple[str, str | None, str | None], Grade] = {}

    def own(
        self, person: Participant, here: Place, out: list[Finding]
    ) -> tuple[Parsed | None, Grade | None, str]:
        """The checks that need nothing of the cohort.

        Returns:
            The parts of the NIP and the grade, when they can be read (for
            :meth:`in_cohort`), and the NIP's 18 digits (``""`` when it is not valid).
        """
        parsed: Parsed | None = None
        if person.nip:
            try:
                parsed = nip_parts(person.nip, self.minimum_age)
            except nip_module.InvalidNIP as error:
                rule = NIP_RULES.get(error.code, NIP_INVALID)
                figure = nip_module.MINIMUM_AGE if error.code == "nip.age" else None
                out.append(
                    rule.finding(
                        here.child("nip"),
                        error.message_en,
                        error.message_id,
                        value=error.value,
                        figure=figure,
                    )
                )
        if parsed is not None:
            self.against_nip(person, parsed, here, out)
        texts = (person.grade, person.rank, person.education)
        grade = self.clean.get(texts)
        if grade is None:
            before = len(out)
            grade = self.grade_rank_education(person, here, out)
            if grade is not None and len(out) == before:
                remember(self.clean, texts, grade)
        return parsed, grade, parsed[0] if parsed is not None else ""

    def limit(self, last_day: datetime.date) -> datetime.date | None:
        """The earliest end of a probation year that gives no finding, for a cohort's last day.

        The last day and the margin after it (no margin when it is below zero);
        ``None`` when that is beyond the calendar.
        """
        try:
            return last_day + datetime.timedelta(days=max(self.margin_days, 0))
        except OverflowError:
            return None

    def quiet(
        self, person: Participant, track: Track | None, limit: datetime.date | None
    ) -> int | None:
        """The NIP as a number, when the participant gives no finding; else ``None``.

        The common case of an export, told at once: a NIP whose parts are right
        and agree with what the participant states, a grade, rank and education
        already read without a finding, a grade of ``track`` (``None``: not
        compared) and a probation year that ends on or after ``limit`` (see
        :meth:`limit`; ``None``: not compared). ``None`` says only that it may give one:
        :meth:`own` and :meth:`in_cohort` then tell, as for any other. It is never
        a number for a participant they would find something in
        (``tests/test_participant_quiet.py`` holds it to them).
        """
        try:
            digits, birth_date, nip_tmt, sex = nip_parts(person.nip, self.minimum_age)
        except nip_module.InvalidNIP:
            return None
        stated = person.birth_date
        if stated is not None and stated != birth_date:
            return None
        if person.sex is not None and person.sex is not sex:
            return None
        tmt = person.tmt_cpns
        if tmt is not None and (tmt.year != nip_tmt.year or tmt.month != nip_tmt.month):
            return None
        grade = self.clean.get((person.grade, person.rank, person.education))
        if grade is None or (track is not None and TRACK_RULES[grade.golongan].value is not track):
            return None
        if limit is not None:
            known = self.deadlines.get(tmt if tmt is not None else nip_tmt.first_day)
            if known is None or known[0] < limit:
                return None
        return int(digits)

    def grade_rank_education(
        self, person: Participant, here: Place, out: list[Finding]
    ) -> Grade | None:
        """The grade, the rank against it and the education against it (:meth:`own`)."""
        grade = self.grade(person, here, out) if person.grade else None
        if person.rank is not None:
            self.rank(person, person.rank, grade, here, out)
        if person.education is not None and grade is not None:
            self.education(person.education, grade, here, out)
        return grade

    def in_cohort(  # noqa: PLR0917 - an internal hot-path method
        self,
        person: Participant,
        parsed: Parsed | None,
        grade: Grade | None,
        here: Place,
        track: Track | None,
        last_day: datetime.date | None,
        out: list[Finding],
    ) -> None:
        """The checks against the cohort: its track, and its last day against the probation year."""
        if grade is not None and track is not None:
            figure = TRACK_RULES[grade.golongan]
            if figure.value is not track:
                out.append(
                    PARTICIPANT_TRACK.finding(
                        here.child("grade"),
                        f"{grade} ({grade.pangkat}) belongs to Latsar track {figure.value}, but "
                        f"the cohort is track {track}",
                        f"{grade} ({grade.pangkat}) termasuk jalur Latsar golongan "
                        f"{figure.value}, sedangkan angkatan ini jalur golongan {track}",
                        value=str(grade),
                        figure=figure,
                    )
                )
        if last_day is not None:
            self.probation(person, parsed, here, last_day, out)

    def against_nip(
        self, person: Participant, parsed: Parsed, here: Place, out: list[Finding]
    ) -> None:
        """The birth date, sex and TMT a participant states, against those in the NIP."""
        _, birth_date, nip_tmt, sex = parsed
        if person.birth_date is not None and person.birth_date != birth_date:
            out.append(
                BIRTH_DATE.finding(
                    here.child("birth_date"),
                    f"birth date {person.birth_date.isoformat()} differs from the NIP's "
                    f"{birth_date.isoformat()}",
                    f"tanggal lahir {person.birth_date.isoformat()} berbeda dengan NIP "
                    f"({birth_date.isoformat()})",
                    value=person.birth_date,
                )
            )
        if person.sex is not None and person.sex is not sex:
            out.append(
                SEX.finding(
                    here.child("sex"),
                    f"sex {person.sex.code} differs from the NIP's {sex.code} (digit 15)",
                    f"jenis kelamin {person.sex.code} berbeda dengan NIP ({sex.code}, digit 15)",
                    value=person.sex.code,
                )
            )
        tmt = person.tmt_cpns
        if tmt is not None and (tmt.year, tmt.month) != (nip_tmt.year, nip_tmt.month):
            out.append(
                TMT.finding(
                    here.child("tmt_cpns"),
                    f"TMT CPNS {tmt.isoformat()} is not in the NIP's TMT month {nip_tmt}",
                    f"TMT CPNS {tmt.isoformat()} tidak pada bulan TMT NIP ({nip_tmt})",
                    value=tmt,
                )
            )

    def grade(self, person: Participant, here: Place, out: list[Finding]) -> Grade | None:
        """Read the grade; the grade when it has a Latsar track, else ``None`` (reported)."""
        try:
            grade = Grade.parse(person.grade)
        except ValidationError as error:
            rule = GRADE_INCONSISTENT if isinstance(error, InconsistentGrade) else GRADE_FORMAT
            out.append(
                rule.finding(
                    here.child("grade"), error.message_en, error.message_id, value=error.value
                )
            )
            return None
        figure = TRACK_RULES[grade.golongan]
        if figure.value is None:
            out.append(
                TRACK_NONE.finding(
                    here.child("grade"),
                    f"{grade} ({grade.pangkat}) is golongan IV, which has no Latsar track",
                    f"{grade} ({grade.pangkat}) adalah golongan IV, yang tidak memiliki "
                    "jalur Latsar",
                    value=str(grade),
                    figure=figure,
                )
            )
            return None
        return grade

    def rank(
        self, person: Participant, rank: str, grade: Grade | None, here: Place, out: list[Finding]
    ) -> None:
        """The rank (pangkat) a participant states, against the grade (when it can be read)."""
        try:
            by_rank = Grade.parse(rank)
        except InconsistentGrade as error:
            out.append(
                RANK_UNKNOWN.finding(
                    here.child("rank"), error.message_en, error.message_id, value=error.value
                )
            )
            return
        except ValidationError:
            out.append(
                RANK_UNKNOWN.finding(
                    here.child("rank"),
                    f"unknown rank {quote(rank)}: expected a rank name like 'Penata Muda'; it "
                    "is not compared with the grade",
                    f"pangkat {quote(rank)} tidak dikenali: seharusnya nama pangkat seperti "
                    "'Penata Muda'; tidak dibandingkan dengan golongan/ruang",
                    value=rank,
                )
            )
            return
        if grade is None and person.grade:  # golongan IV has no track, but is a grade
            try:
                grade = Grade.parse(person.grade)
            except ValidationError:
                return
        if grade is not None and by_rank != grade:
            out.append(
                RANK_GRADE.finding(
                    here.child("rank"),
                    f"the rank {quote(rank)} is {by_rank} ({by_rank.pangkat}), but the grade "
                    f"given is {grade} ({grade.pangkat})",
                    f"pangkat {quote(rank)} adalah {by_rank} ({by_rank.pangkat}), tetapi "
                    f"golongan/ruang yang tertulis {grade} ({grade.pangkat})",
                    value=rank,
                )
            )

    def education(self, text: str, grade: Grade, here: Place, out: list[Finding]) -> None:
        """The grade against the entry grade of the stated education (a grade above it)."""
        known: tuple[Education, Figure[Grade]] | None
        if text in _EDUCATIONS:
            known = _EDUCATIONS[text]
        else:
            try:
                level = Education.parse(text)
            except UnknownEducation:
                known = remember(_EDUCATIONS, text, None)  # an export repeats those too
            else:
                known = remember(_EDUCATIONS, text, (level, ENTRY_GRADES[level]))
        if known is None:
            out.append(
                EDUCATION_UNKNOWN.finding(
                    here.child("education"),
                    f"education {quote(text)} is not an education level the library reads "
                    "(SD, SMP, SLTA, D-I to D-IV, S-1 to S-3, a professional degree): the "
                    "grade is not checked against it",
                    f"pendidikan {quote(text)} bukan jenjang pendidikan yang dikenali (SD, "
                    "SMP, SLTA, D-I sampai D-IV, S-1 sampai S-3, pendidikan profesi): "
                    "golongan/ruang tidak diperiksa terhadapnya",
                    value=text,
                )
            )
            return
        level, figure = known
        entry = figure.value
        if grade <= entry:
            return  # at the entry grade, or below it: a higher diploma than the post asked for
        if figure.status is Status.OPEN:
            out.append(
                EDUCATION_GRADE.finding(
                    here.child("education"),
                    f"grade {grade} cannot be checked against education {quote(text)}: the "
                    f"entry grade for {level} is not established ({figure.value} is a default "
                    "that sources contradict, status OPEN)",
                    f"golongan/ruang {grade} tidak dapat diperiksa terhadap pendidikan "
                    f"{quote(text)}: golongan awal untuk {level} belum pasti ({figure.value} "
                    "hanya nilai bawaan yang dibantah sumber lain, status OPEN)",
                    value=text,
                    figure=figure,
                    severity=Severity.INFO,
                )
            )
            return
        out.append(
            EDUCATION_GRADE.finding(
                here.child("education"),
                f"grade {grade} ({grade.pangkat}) is above {entry} ({entry.pangkat}), the entry "
                f"grade for education {level} ({quote(text)}; {figure.status.value}, "
                f"{figure.basis}): a CPNS is appointed in the entry grade of the education used "
                "to apply",
                f"golongan/ruang {grade} ({grade.pangkat}) di atas {entry} ({entry.pangkat}), "
                f"golongan awal untuk pendidikan {level} ({quote(text)}; {figure.status.value}, "
                f"{figure.basis}): CPNS diangkat pada golongan awal sesuai pendidikan yang "
                "dipakai untuk melamar",
                value=text,
                figure=figure,
            )
        )

    def probation(
        self,
        person: Participant,
        parsed: Parsed | None,
        here: Place,
        last_day: datetime.date,
        out: list[Finding],
    ) -> None:
        """The cohort's last day against the end of the participant's probation year."""
        if person.tmt_cpns is not None:
            tmt = person.tmt_cpns
        elif parsed is not None:
            tmt = parsed[2].first_day
        else:
            return
        known = self.deadlines.get(tmt)
        if known is None:
            known = self.deadlines[tmt] = (probation_end(tmt), probation_months(tmt))
        deadline, figure = known
        if last_day > deadline:
            late = (last_day - deadline).days
            out.append(
                PROBATION.finding(
                    here.location,
                    f"Latsar ends on {last_day.isoformat()}, {late} days after the probation year "
                    f"that began with TMT {tmt.isoformat()} ends ({deadline.isoformat()}); the "
                    "agency must justify a Latsar after the probation year (budget, facilities, "
                    "staff or national policy: SE Kepala BKN 10/2022)",
                    f"Latsar berakhir {last_day.isoformat()}, {late} hari setelah masa percobaan "
                    f"sejak TMT {tmt.isoformat()} berakhir ({deadline.isoformat()}); instansi "
                    "harus dapat menjelaskan alasan Latsar setelah masa percobaan (anggaran, "
                    "sarana prasarana, SDM, atau kebijakan nasional: SE Kepala BKN 10/2022)",
                    value=last_day,
                    figure=figure,
                )
            )
        elif (deadline - last_day).days < self.margin_days:
            left = (deadline - last_day).days
            out.append(
                PROBATION_NEAR.finding(
                    here.location,
                    f"Latsar ends on {last_day.isoformat()}, only {left} days before the probation "
                    f"year ends ({deadline.isoformat()})",
                    f"Latsar berakhir {last_day.isoformat()}, hanya {left} hari sebelum masa "
                    f"percobaan berakhir ({deadline.isoformat()})",
                    value=last_day,
                    figure=figure,
                )
            )


_EDUCATIONS: dict[str, tuple[Education, Figure[Grade]] | None] = {}
"""Education texts already read, ``None`` for one that names no level: an export repeats a
few (see :mod:`pelatihan._memo`)."""
