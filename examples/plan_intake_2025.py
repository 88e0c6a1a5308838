"""Plan this year's Latsar: 320 CPNS of a province split into cohorts and waves, within probation.

The intake (examples/intake-2025.csv) holds CPNS appointed in March, June and July 2025,
in both tracks. The institution has two classrooms and runs blended Latsar from
September 2025 to June 2026. The plan is read back by validate, which finds no
capacity or probation error in it.
"""

from __future__ import annotations

import datetime
from pathlib import Path

from pelatihan import allocate, load, validate
from pelatihan.io.document import RawDocument
from pelatihan.io.dump import cohorts_to_data
from pelatihan.io.structure import structure

HERE = Path(__file__).resolve().parent

intake = load(HERE / "intake-2025.csv", defaults={"track": "III", "method": "blended"})
people = [person for cohort in intake.cohorts for person in cohort.participants]
window = (datetime.date(2025, 9, 1), datetime.date(2026, 6, 30))

plan = allocate(people, rooms=2, window=window, method="blended")
print(f"{plan.placed} of {len(people)} placed in {len(plan.cohorts)} cohorts, {plan.waves} waves")
for cohort in plan.cohorts:
    margin = min(deadline - cohort.end for deadline in cohort.deadlines).days
    print(
        f"  wave {cohort.wave}  {cohort.name:<32} {cohort.start} to {cohort.end}  "
        f"{len(cohort.participants)} CPNS, {margin} days to spare"
    )
assert plan.all_placed

least = allocate(people, rooms=2, window=window, method="blended", minimise_rooms=True)
print(f"the least rooms that place everyone: {least.rooms}")

back = structure(RawDocument(cohorts_to_data(plan.to_cohorts())))
codes = {finding.code for finding in validate(back)}
assert not codes & {"participant.probation", "cohort.size"}, codes
