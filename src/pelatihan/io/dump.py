"""Writing cohorts in the JSON interchange format (``pelatihan/cohorts@1``).

What :func:`cohorts_to_data` writes, :func:`pelatihan.io.structure.structure`
reads back to equal cohorts: the round trip is lossless (scores are written as
text, so a :class:`~decimal.Decimal` keeps every digit).

    >>> import datetime
    >>> from pelatihan import Cohort, Participant, plan_schedule
    >>> from pelatihan.io.document import RawDocument
    >>> from pelatihan.io.structure import structure
    >>> plan = plan_schedule(datetime.date(2024, 4, 22), "III", "blended")
    >>> cohort = Cohort("c1", "Angkatan I", "III", "blended", phases=plan.phases,
    ...                 participants=[Participant("19950417 202403 2 004", "Dewi", "III/a", "X")])
    >>> data = cohorts_to_data([cohort])
    >>> structure(RawDocument(data)).cohorts == (cohort,)
    True
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from pelatihan.calendar import WORKWEEK
from pelatihan.cohort import Cohort, Participant
from pelatihan.evaluation import Result
from pelatihan.io.document import FORMAT
from pelatihan.schedule import Phase

__all__ = ["cohort_to_data", "cohorts_to_data", "cohorts_to_json"]


def _participant(person: Participant) -> dict[str, object]:
    data: dict[str, object] = {
        "nip": person.nip,
        "name": person.name,
        "grade": person.grade,
        "agency": person.agency,
    }
    if person.birth_date is not None:
        data["birth_date"] = person.birth_date.isoformat()
    if person.sex is not None:
        data["sex"] = person.sex.code
    if person.tmt_cpns is not None:
        data["tmt_cpns"] = person.tmt_cpns.isoformat()
    if person.education is not None:
        data["education"] = person.education
    if person.position is not None:
        data["position"] = person.position
    return data


def _phase(phase: Phase) -> dict[str, object]:
    data: dict[str, object] = {
        "kind": phase.kind.value,
        "start": phase.start.isoformat(),
        "end": phase.end.isoformat(),
    }
    if phase.weekdays != WORKWEEK:
        data["weekdays"] = sorted(phase.weekdays)
    if phase.label:
        data["label"] = phase.label
    return data


def _result(result: Result) -> dict[str, object]:
    data: dict[str, object] = {
        "nip": result.nip,
        "scores": {key: str(score) for key, score in result.scores.items()},
    }
    absences = result.absences
    if absences.sessions or absences.jp or absences.days:
        data["absences"] = {
            "sessions": absences.sessions,
            "jp": str(absences.jp),
            "days": absences.days,
        }
    if result.remediated:
        data["remediated"] = True
    if result.passed_on is not None:
        data["passed_on"] = result.passed_on.isoformat()
    return data


def cohort_to_data(cohort: Cohort) -> dict[str, object]:
    """One cohort as plain JSON data (absent facts are left out)."""
    data: dict[str, object] = {"id": cohort.id, "name": cohort.name}
    if cohort.track is not None:
        data["track"] = cohort.track.value
    if cohort.method is not None:
        data["method"] = cohort.method.value
    if cohort.regime is not None:
        data["regime"] = cohort.regime
    if cohort.start is not None:
        data["start"] = cohort.start.isoformat()
    if cohort.organizer is not None:
        organizer: dict[str, object] = {"name": cohort.organizer.name}
        if cohort.organizer.accredited is not None:
            organizer["accredited"] = cohort.organizer.accredited
        data["organizer"] = organizer
    if cohort.klasikal_approved:
        data["klasikal_approved"] = True
    if cohort.phases:
        data["phases"] = [_phase(phase) for phase in cohort.phases]
    data["participants"] = [_participant(person) for person in cohort.participants]
    if cohort.results:
        data["results"] = [_result(result) for result in cohort.results]
    return data


def cohorts_to_data(cohorts: Iterable[Cohort]) -> dict[str, object]:
    """A document of the interchange format holding ``cohorts``."""
    return {"format": FORMAT, "cohorts": [cohort_to_data(cohort) for cohort in cohorts]}


def cohorts_to_json(cohorts: Iterable[Cohort], *, indent: int | None = 2) -> str:
    """The interchange format as JSON text (UTF-8 characters kept)."""
    return json.dumps(cohorts_to_data(cohorts), indent=indent, ensure_ascii=False)
