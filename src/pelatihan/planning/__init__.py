"""Planning an intake: the year's CPNS split into cohorts and waves that finish within probation.

:func:`allocate` takes the participants of an intake, the classrooms there
are, a window of dates and the delivery method, and returns an
:class:`Allocation`: cohorts of one track each, no larger than the cohort-size
limit, whose start dates are chosen on the training calendar so that their
in-class phases never need more rooms than exist on any day, and so that every
placed participant's cohort ends within their probation year. A participant
who cannot be placed is never dropped: the allocation lists them with the
reason and what would fix it (more rooms, or an earlier start).

    >>> import datetime
    >>> from pelatihan import Participant, allocate
    >>> intake = [
    ...     Participant("19950417 202506 2 004", "Dewi Lestari", "III/a", "Dinas Kesehatan"),
    ...     Participant("19980102 202506 1 001", "Budi Santoso", "III/a", "Dinas Pendidikan"),
    ...     Participant("20010305 202506 2 002", "Sri Wahyuni", "II/a", "Dinas Pendidikan"),
    ... ]
    >>> plan = allocate(intake, rooms=1, window=(datetime.date(2025, 7, 1),
    ...                 datetime.date(2025, 12, 31)), method="blended")
    >>> [(c.name, c.track.value, c.start.isoformat(), c.end.isoformat(), len(c.participants))
    ...  for c in plan.cohorts]  # doctest: +NORMALIZE_WHITESPACE
    [('Latsar Golongan II Angkatan I', 'II', '2025-07-01', '2025-09-26', 1),
     ('Latsar Golongan III Angkatan I', 'III', '2025-07-04', '2025-10-01', 2)]
    >>> plan.all_placed, plan.peak_rooms
    (True, 1)

The two cohorts share one classroom: the second starts three training days
after the first, so that its three classroom days follow the first's.

**The algorithm.** Participants are grouped by track (and, when asked, by
agency), ordered by the end of their probation year (their *deadline*), and cut
into cohorts of consecutive deadlines, as equal in size as the limit allows.
Cohorts are then placed in order of deadline (*earliest deadline first*), each
on the earliest start in the window whose in-class days all have a room free,
that is on or after its participants' TMT, and whose schedule ends within the
window. A cohort whose earliest such start ends after its deadline cannot be
placed: its participants are reported with the rooms that would have let it
start in time, or the latest start that would have worked. The schedule of a
start is the one :func:`~pelatihan.plan_schedule` lays out on the calendar,
under the regime in force on that start (:func:`~pelatihan.regimes.resolve`,
with the caller's ``in_force_from``) and with the caller's rulebook of that
regime where there is one: the same rule that ``pelatihan plan`` and
``pelatihan validate`` use, so a window across a regime boundary plans each
cohort under its own regime.

Why earliest deadline first: when every cohort's schedule has the same
length, a plan that places every cohort can always be rearranged so that
cohorts start in order of deadline (swapping the starts of two cohorts placed
out of order keeps both within their deadlines, as the later start goes to the
later deadline), and then the greedy choice, the earliest free start for the
most urgent cohort, never does worse than that plan. Where it is not optimal:
the schedule changes with the start (a regime boundary in the window, or
holidays that stretch one start more than another), in-class phases split in
two (classroom delivery under PerLAN 12/2018) can interleave in ways a greedy
choice does not foresee, and keeping agencies together gives cohorts whose
first TMT and last TMT differ. The plan then is a good one, not necessarily the
best one; :func:`least_rooms` searches the room count with the same planner.

**Speed.** Each participant's NIP is read with the memoised checks
:func:`pelatihan.validate` uses (birth dates and TMT months already seen are
not parsed again), the TMT and probation end once per TMT month, the track once
per grade text. Each start's schedule is planned once; the room use of each day is
an array, and the starts a cohort can no longer use (their in-class days full)
are skipped for good with a disjoint-set "next free start" pointer, so placing
all cohorts costs about the number of cohorts times their in-class days.
"""

from __future__ import annotations

# the names the parts' annotations and doctests use resolve here too (see adopt)
import datetime  # noqa: F401
from collections.abc import Iterable, Mapping  # noqa: F401

from pelatihan._reexport import adopt
from pelatihan.calendar import Calendar  # noqa: F401
from pelatihan.cohort import Cohort, Organizer, Participant  # noqa: F401
from pelatihan.grades import Track  # noqa: F401
from pelatihan.planning._allocate import allocate
from pelatihan.planning._models import (
    Allocation,
    PlannedCohort,
    Reason,
    Unplaced,
    room_use,
)
from pelatihan.planning._models import (
    Rooms as Rooms,  # the type of rooms (as before: a name of the module, not in __all__)
)
from pelatihan.provenance import Figure  # noqa: F401
from pelatihan.rulebooks import Rulebook  # noqa: F401
from pelatihan.schedule import Schedule  # noqa: F401
from pelatihan.training import Method  # noqa: F401

__all__ = [
    "Allocation",
    "PlannedCohort",
    "Reason",
    "Unplaced",
    "allocate",
    "room_use",
]

adopt(__name__, *(globals()[name] for name in __all__))
