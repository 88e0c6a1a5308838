"""The per-cohort map of a large validation, on the machine's other cores.

Checking a cohort and its participants needs nothing of any other cohort, so a
large input's cohorts can be checked in worker processes, a run of cohorts
each, while what looks across cohorts (NIPs given twice, within the file and
across files, the folding of a code's findings beyond the cap, the report's
order) stays in the calling process, done once, by the same code as when one
process does it all (:func:`pelatihan.validation.fold.check`). Checking
cohorts already loaded is done in workers only when asked for (``jobs`` other
than 1): on the two-core machine ``docs/performance.md`` measures, it saved no
time. A JSON file is better served by :func:`share`, which shares out the
loading too (:mod:`pelatihan.validation.shares`).

The workers are started with :mod:`multiprocessing`'s ``fork``: each one
begins as a copy of the caller, so the cohorts already in memory are shared
with it, not copied out to it; only the runs of cohorts to check go to a worker
(two numbers each), and only its findings and its participants' NIPs come
back. Where the platform cannot fork, where one CPU is usable or other
programs keep all but one busy (the system's load), and for an
input too small to pay for starting the workers (:data:`MIN_PARTICIPANTS`),
the cohorts are checked in the calling process, as they always were; so too,
unless workers are asked for, in a program running other threads (a server),
whose locks a forked copy could inherit held.

A worker that fails (an exception, or a process that dies) never loses a
finding or hangs the caller: the runs that were not merged are checked in the
calling process instead, which gives the report, or raises the error, that a
sequential run would.

    >>> workers(None, 250_000, 6_250, cpus=2, load=1.0)
    2
    >>> workers(None, 250_000, 6_250, cpus=2, load=3.0)  # the other programs' work fills the CPUs
    1
    >>> workers(None, 1_000, 25, cpus=2)  # too small: workers would cost more than they save
    1
    >>> workers(1, 250_000, 6_250, cpus=2)  # asked to run sequentially
    1
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, Generic, TypeVar

from pelatihan.calendar._holidays import load_library
from pelatihan.findings import max_per_code, per_code_cap

__all__ = [
    "MIN_PARTICIPANTS",
    "RUNS_PER_WORKER",
    "Runs",
    "idle_cpus",
    "onward",
    "share",
    "usable_cpus",
    "workers",
]

R = TypeVar("R")

MIN_PARTICIPANTS = 20_000
"""The fewest participants checked in worker processes; fewer are checked in the caller.

Starting two workers costs about 50 ms; taking their runs back, about 2 µs per
participant in the caller; a worker's first pass over objects it shares with the caller,
a few µs per participant more than the caller's (their pages are copied as their
reference counts are written). Against about 11 µs per participant of checking, half of
it saved by a second worker, that model has the workers pay for themselves above about
20,000 participants. Measured on a two-core machine, workers that only check did not, even
at 250,000, which is why loaded cohorts are checked in one process unless asked; a JSON
file loaded and checked in runs shared out (:func:`share`) saved about 30% there
(``docs/performance.md``)."""

RUNS_PER_WORKER = 8
"""Into how many runs of cohorts each worker's share is cut: the runs of the cohorts
finished first are merged while the others are being checked, and a worker that is given
slow cohorts does not hold up the others for long."""


def usable_cpus() -> int:
    """The number of CPUs this process may run on (its affinity where the platform says).

    Example:
        >>> usable_cpus() >= 1
        True
    """
    affinity = getattr(os, "sched_getaffinity", None)
    if affinity is not None:
        return max(1, len(affinity(0)))
    return max(1, os.cpu_count() or 1)


def can_fork() -> bool:
    """Whether worker processes can be started as copies of this one (``fork``)."""
    return "fork" in multiprocessing.get_all_start_methods()


def workers(
    jobs: int | None,
    participants: int,
    cohorts: int,
    *,
    cpus: int | None = None,
    least: int | None = None,
    load: float | None = None,
) -> int:
    """How many worker processes to check ``cohorts`` cohorts of ``participants`` people; 1: none.

    Args:
        jobs: The number asked for: ``None`` for as many as there are usable CPUs
            that other programs leave idle (:func:`idle_cpus`), none in a program
            running other threads or on macOS; ``1`` for none (everything in the
            calling process).
        participants: The number of participants to check.
        cohorts: The number of cohorts they are in (a cohort is never split).
        cpus: The usable CPUs; by default :func:`usable_cpus`.
        least: The fewest participants worth the workers; by default :data:`MIN_PARTICIPANTS`.
        load: The system's load (:func:`idle_cpus`); by default :func:`os.getloadavg`'s.

    Raises:
        ValueError: If ``jobs`` is less than 1.
    """
    if jobs is not None and jobs < 1:
        raise ValueError(f"jobs must be 1 or more (None: as many as the CPUs), not {jobs}")
    least = MIN_PARTICIPANTS if least is None else least
    if jobs == 1 or participants < max(least, 1) or cohorts < 2 or not can_fork():
        return 1
    if jobs is None and (threading.active_count() > 1 or sys.platform == "darwin"):
        # a lock another thread holds would stay held in a forked copy; on macOS, system
        # libraries may have started threads unseen (Python's documentation of "fork")
        return 1
    if jobs is None:
        jobs = idle_cpus(usable_cpus() if cpus is None else cpus, load)
        if jobs < 2:  # a worker would wait for a CPU, and cost more than it saves
            return 1
    return max(1, min(jobs, cohorts))


def idle_cpus(cpus: int, load: float | None = None) -> int:
    """How many of ``cpus`` CPUs other programs leave to this one: the workers worth starting.

    ``load`` is the system's load over the last minute (:func:`os.getloadavg`, where
    the platform has it; else every CPU is taken to be free), this program counted in it
    as one. Workers that must share their CPUs with other programs' work cost more than
    they save.

    Example:
        >>> idle_cpus(2, 0.9), idle_cpus(2, 1.4), idle_cpus(2, 2.6), idle_cpus(8, 3.0)
        (2, 2, 0, 6)
    """
    if load is None:
        try:
            load = os.getloadavg()[0]
        except (AttributeError, OSError):  # no load average on this platform
            return cpus
    others = max(0.0, load - 1.0)
    return max(0, min(cpus, round(cpus - others)))


def cut(sizes: Sequence[int], runs: int) -> list[tuple[int, int]]:
    """Consecutive runs of items (``start``, ``stop``), about ``runs`` of them, of even total size.

    Example:
        >>> cut([40] * 10, 3)
        [(0, 4), (4, 7), (7, 10)]
        >>> cut([], 3), cut([5, 0, 0], 8)
        ([], [(0, 1), (1, 2), (2, 3)])
    """
    total = sum(sizes)
    count = len(sizes)
    runs = max(1, min(runs, count))
    spans: list[tuple[int, int]] = []
    start, done = 0, 0
    for index, size in enumerate(sizes):
        done += size
        # close the run once its share of the total is reached (equal shares when all are empty)
        share = total * (len(spans) + 1) if total else count * (len(spans) + 1)
        reached = done * runs if total else (index + 1) * runs
        if reached >= share and len(spans) < runs - 1:
            spans.append((start, index + 1))
            start = index + 1
    if start < count:
        spans.append((start, count))
    return spans


_task: Callable[[int, int], object] | None = None
"""In a worker process: what it does with a run of items (set as the worker starts)."""


def onward(progress: Callable[[int, int], None] | None) -> Callable[[int, int], None] | None:
    """``progress``, never shown going back: for work shared out and then done again in one process.

    What the shares did is counted again from nothing when the input is done
    again in one process; the count shown stays where it was until that passes it.

    Example:
        >>> seen = []
        >>> show = onward(lambda done, total: seen.append((done, total)))
        >>> for done in (10, 30, 5, 40):
        ...     show(done, 40)
        >>> seen
        [(10, 40), (30, 40), (30, 40), (40, 40)]
    """
    if progress is None:
        return None
    shown = 0

    def show(done: int, total: int) -> None:
        nonlocal shown
        shown = max(shown, done)
        progress(shown, max(total, shown))

    return show


def _adopt(task: Callable[[int, int], object]) -> None:
    """A worker starts: it keeps the caller's task (given by fork, never pickled)."""
    global _task  # noqa: PLW0603 - one task per worker process, for the worker's life
    _task = task


def _run(start: int, stop: int, cap: int) -> object:
    """In a worker: the task over the items ``start`` to ``stop``, under the caller's cap."""
    if _task is None:  # pragma: no cover - a worker is always given its task
        raise RuntimeError("a worker process was started without its task")
    with max_per_code(cap):
        return _task(start, stop)


class Runs(Generic[R]):
    """A task run over runs of items in forked worker processes, merged in order.

    Args:
        task: What a worker does with the items ``start`` to ``stop``: its result is
            pickled back to the caller, so it holds only what the caller needs.
        spans: The runs of items, in order (:func:`cut`).
        count: The number of worker processes.
    """

    def __init__(
        self, task: Callable[[int, int], R], spans: Sequence[tuple[int, int]], count: int
    ) -> None:
        self.task = task
        self.spans = list(spans)
        self.count = count

    def merge(self, merge: Callable[[R], None]) -> int:
        """Give each run's result to ``merge``, in order; the number of runs merged.

        Fewer than all when a worker failed (its error is not raised here): the
        caller does the runs from there on itself.
        """
        context = _forking()
        cap = per_code_cap()
        merged = 0
        pool = ProcessPoolExecutor(
            max_workers=self.count,
            mp_context=context,
            initializer=_adopt,
            initargs=(self.task,),
        )
        try:
            futures: list[Future[object]] = [
                pool.submit(_run, start, stop, cap) for start, stop in self.spans
            ]
            for future in futures:
                try:
                    result = future.result()
                except Exception:  # the caller redoes the runs left: no finding is lost
                    break
                merge(result)  # type: ignore[arg-type]  # what self.task returned
                merged += 1
        finally:
            # runs still queued are cancelled; one being checked is waited for (a fraction of a
            # worker's share), so no process outlives the call
            pool.shutdown(wait=True, cancel_futures=True)
        return merged


def _forking() -> Any:
    """The context that forks workers, what each of them will need loaded first.

    The holidays package, which each worker would otherwise import again when it
    reads its first year (:func:`~pelatihan.calendar._holidays.load_library`).
    """
    load_library()
    return multiprocessing.get_context("fork")


def share(
    task: Callable[[int, int], R],
    spans: Sequence[tuple[int, int]],
    count: int,
    own: Callable[[int], None],
    results: dict[int, R] | None = None,
) -> tuple[int, dict[int, R]]:
    """Runs of items shared out as they go: the caller's from the first, the workers' from the last.

    ``count`` worker processes, forked now, each take the last run no one has
    taken yet, do ``task`` over its items and send the result back, while the
    caller takes the first such run and does ``own`` (given the run's index)
    with it, until none is left: however fast each process turns out to be,
    they finish at about the same time. Results come back as they are made (a
    thread of the caller's receives them), so the workers never wait for the
    caller.

    ``results``, when given, is the mapping the results are put in as they
    come: ``own`` may look at it (a copy of its values, say, to show progress).

    Returns:
        The index of the first run the caller did not do (it did all those
        before), and the workers' results by the runs' indexes. A run a worker
        took and did not give back (its task raised, or the process died) is
        missing: the caller does it itself.
    """
    context = _forking()
    claims = context.RawArray("l", [0, len(spans)])  # the next run from the first; the last taken
    lock = context.Lock()
    reader, writer = context.Pipe(duplex=False)
    _widen(writer.fileno())
    cap = per_code_cap()
    processes = [
        context.Process(
            target=_share_worker, args=(task, spans, claims, lock, writer, cap), daemon=True
        )
        for _ in range(count)
    ]
    for process in processes:
        process.start()
    writer.close()  # the workers hold it: the reader sees the end once they all have ended
    if results is None:
        results = {}
    received = results

    def receive() -> None:
        while True:  # until every worker is done: a worker never waits on a pipe no one reads
            try:
                index, result = reader.recv()
            except (EOFError, OSError):
                return
            except Exception:  # a result that cannot be read: the caller does its run
                continue
            received[index] = result

    receiver = threading.Thread(target=receive, name="pelatihan-share-results", daemon=True)
    receiver.start()
    try:
        while True:
            with lock:
                index = claims[0]
                if index >= claims[1]:
                    break
                claims[0] = index + 1
            own(index)
    finally:
        with lock:  # no worker takes a run from now on, if the caller stopped short
            claims[1] = claims[0]
        for process in processes:
            process.join()
        receiver.join()
        reader.close()
    return index, received


def _share_worker(  # noqa: PLR0917 - what share() hands a forked worker
    task: Callable[[int, int], object],
    spans: Sequence[tuple[int, int]],
    claims: Any,
    lock: Any,
    writer: Any,
    cap: int,
) -> None:
    """In a worker process: take the last run left, do it, send it back; until none is left."""
    with max_per_code(cap):
        while True:
            with lock:
                index = claims[1] - 1
                if index < claims[0]:
                    break
                claims[1] = index
            try:
                result = task(*spans[index])
            except Exception:
                break
            writer.send((index, result))
    writer.close()


_PIPE_SIZE = 1 << 20
"""The buffer :func:`share` asks of its pipe: a run's result fits in it, so a worker goes on
to its next run while the caller's thread, which takes its turns with the caller's own
work, reads it."""


def _widen(descriptor: int) -> None:
    """Give a pipe a buffer of :data:`_PIPE_SIZE`, where the platform allows (Linux)."""
    try:
        import fcntl  # noqa: PLC0415 - not on Windows

        fcntl.fcntl(descriptor, getattr(fcntl, "F_SETPIPE_SZ", 1031), _PIPE_SIZE)
    except (ImportError, OSError):  # another platform, or a lower limit: the default buffer
        return
