"""Worker processes that run the writer's CPU-bound work, each item within a time budget.

Why the writer watches the clock and kills, rather than the worker interrupting itself
(measured on CPython 3.11, see the report of issue 21):

- The regex engine does check for signals: a SIGALRM from `signal.setitimer` stopped a
  backtracking match after 0.30 s. But C code such as lxml's parser (trafilatura)
  does not, and a worker stuck in C can hold the GIL for as long as it runs: while the
  regex engine ran for 1 s, a thread of the same process that ticks every 50 ms ran
  once. So neither an alarm in the worker nor a watchdog thread in it can be relied
  upon to stop it.
- So a worker tells the writer (through its pipe, with a CLOCK_MONOTONIC timestamp,
  the same clock in every process, and its own CPU time) when it starts each item of a
  task; the writer, whenever it waits for results, kills (SIGKILL) a worker that has
  spent longer than the budget on one item, starts another, and reports which item
  overran; the caller decides what that item becomes and what is redone (see
  ingest.prepare). A worker that dies of anything else (the OOM killer) is reported the
  same way.
- The budget is CPU time, not time on the clock: on a loaded machine (a nightly run
  beside other jobs) a normal article can wait seconds for a core, and must not be
  rejected for that. When an item's wall time passes the budget, the writer reads the
  worker's CPU time (Linux: /proc/PID/stat) and lets it go on while it has used less
  than the budget, up to WALL_FACTOR times the budget on the clock (a worker stuck
  waiting uses no CPU and must still be stopped). Where the CPU time cannot be read,
  the budget is wall time.

Workers die with the writer, whatever kills it: on Linux each worker asks the kernel
for SIGKILL when its parent dies (prctl PR_SET_PDEATHSIG), which works even while
it is stuck in C; it checks right after that the writer is still its parent (it may
have died before). Elsewhere a thread polls getppid (reliable only while the worker
runs Python). PR_SET_PDEATHSIG fires when the *thread* that forked the worker ends, so
workers are started only by the thread that owns the pool, normally the main thread,
which also avoids forking while another thread holds a lock (SQLite's, say) that the
child would inherit held. Workers ignore SIGINT (Ctrl-C reaches the whole process
group; the writer stops them) and die on SIGTERM.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from multiprocessing import connection
from typing import Any, Callable

from .signals import raise_if_terminated, sigterm_deferred

WHOLE = -1  # the item index a task marks for work on all its items at once (budgeted)
UNTIMED = None  # marked for work that is no item's (not budgeted)
# The longest the writer sleeps in one wait. The kernel may hand a signal meant for the
# writer (SIGTERM) to another of its threads, such as one of OpenBLAS's (numpy starts
# them): that does not interrupt the main thread's select(), and Python runs the handler
# only when the main thread runs again. Measured: without this, SIGTERM waited for the
# next deadline, up to the whole budget.
WAKE_SECONDS = 0.2
WALL_FACTOR = 4.0  # an item is stopped after this many budgets on the clock, whatever its CPU time
CPU_POLL_SECONDS = 0.05  # how often the CPU time of an item past the budget on the clock is read
_PR_SET_PDEATHSIG = 1
_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") and "SC_CLK_TCK" in os.sysconf_names else 100


def cpu_seconds(pid: int) -> float | None:
    """The CPU time (user + system) a process has used, from /proc; None where there is none."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as stat:
            fields = stat.read().rsplit(b")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / _TICKS  # utime, stime (fields 14 and 15)
    except (OSError, IndexError, ValueError):
        return None


class WorkerDied(RuntimeError):
    """A worker process died outside any budgeted item (nothing to blame it on)."""


@dataclass
class Outcome:
    """How a task ended: its value, or the item (index, or WHOLE) it was on when its
    worker overran the budget (`overran`) or died (`died`: how)."""

    value: Any = None
    item: int | None = None
    overran: bool = False
    died: str | None = None

    @property
    def ok(self) -> bool:
        """Whether the task ran to its end."""
        return not self.overran and self.died is None


@dataclass
class Ticket:
    """A task queued or running in the pool; `outcome` is set when it ends."""

    fn: Callable[..., Any]
    args: tuple
    timed: bool
    outcome: Outcome | None = None
    error: BaseException | None = None


@dataclass
class _Worker:
    process: Any
    conn: Any  # the writer's end of its pipe
    ticket: Ticket | None = None
    item: int | None = UNTIMED
    since: float = field(default_factory=time.monotonic)
    cpu_since: float | None = None  # the worker's CPU time when it started the item, if known


def _die_with_parent(parent: int) -> None:
    """Make this worker die when `parent` does (see the module docstring)."""
    armed = False
    if sys.platform.startswith("linux"):
        try:
            armed = ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
        except (OSError, AttributeError):
            armed = False
    if os.getppid() != parent:  # the writer died before the request took effect
        os._exit(1)
    if not armed:
        def watch() -> None:
            while os.getppid() == parent:
                time.sleep(0.5)
            os._exit(1)
        threading.Thread(target=watch, name="watch-parent", daemon=True).start()


def _worker_main(conn: Any, parent: int, inherited: list[Any]) -> None:
    """A worker's life: run the tasks the writer sends until its pipe closes."""
    _die_with_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    for other in inherited:  # other workers' pipe ends: held here, they would never see EOF
        other.close()

    def mark(item: int | None) -> None:
        conn.send(("at", item, time.monotonic(), cpu_seconds(os.getpid())))

    while True:
        try:
            fn, args, timed = conn.recv()
        except (EOFError, OSError):
            os._exit(0)
        try:
            reply = ("done", fn(*args, mark=mark) if timed else fn(*args))
        except Exception as exc:  # noqa: BLE001 - the writer re-raises it
            reply = ("error", exc)
        try:
            conn.send(reply)
        except OSError:  # the writer is gone (a broken pipe): nobody to answer
            os._exit(0)
        except Exception as exc:  # noqa: BLE001 - an exception or value that does not pickle
            try:
                conn.send(("error", RuntimeError(f"worker could not send its result: {type(exc).__name__}: {exc}")))
            except OSError:
                os._exit(0)


class WorkerPool:
    """Up to `size` worker processes (forked), each task's items bounded by `budget` seconds.

    Tasks run in the order submitted. A task submitted with `timed=True` is called as
    fn(*args, mark=mark) and calls mark(i) when it starts item i (mark(WHOLE) for work
    on all of them, mark(UNTIMED) for work that is no item's); its worker is killed once
    it has been on one item (or WHOLE) for longer than the budget. Work goes on in the
    background only while the writer waits in `wait` (or `submit`): the clock is checked
    then, so an item that overran while the writer was busy is stopped when it next waits.
    """

    def __init__(self, size: int, budget: float) -> None:
        self.size = max(1, size)
        self.budget = budget
        self._workers: list[_Worker] = []
        self._queue: deque[Ticket] = deque()
        self._context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods()
                                                    else "spawn")

    def submit(self, fn: Callable[..., Any], *args: Any, timed: bool = False) -> Ticket:
        """Queue a task (fn and args must pickle for a spawned worker); starts it if a worker is free."""
        ticket = Ticket(fn, args, timed)
        self._queue.append(ticket)
        self._dispatch()
        return ticket

    def wait(self, ticket: Ticket) -> Outcome:
        """Run the pool until the task has ended; its Outcome (an exception it raised is raised here)."""
        while ticket.outcome is None and ticket.error is None:
            raise_if_terminated()
            self._pump()
        if ticket.error is not None:
            raise ticket.error
        return ticket.outcome

    def call(self, fn: Callable[..., Any], *args: Any) -> Any:
        """fn(*args) in a worker (no budget), its value."""
        outcome = self.wait(self.submit(fn, *args))
        if not outcome.ok:
            raise WorkerDied(f"a worker process died ({outcome.died})")
        return outcome.value

    def close(self) -> None:
        """Stop every worker: idle ones are told to exit, busy ones are killed; all are reaped."""
        workers, self._workers = self._workers, []
        self._queue.clear()
        for worker in workers:
            if worker.ticket is not None:
                _kill(worker)
            worker.conn.close()
        for worker in workers:
            worker.process.join(2)
            if worker.process.exitcode is None:
                _kill(worker)
                worker.process.join()

    # ------------------------------------------------------------------------------
    def _spawn(self) -> _Worker:
        ours, theirs = self._context.Pipe(duplex=True)
        inherited = [w.conn for w in self._workers] + [ours]
        process = self._context.Process(target=_worker_main, args=(theirs, os.getpid(), inherited),
                                        name="newsarchive-worker", daemon=True)
        worker = _Worker(process, ours)
        with sigterm_deferred():  # forking runs at-fork hooks, where an exception would be dropped
            process.start()
            theirs.close()
            self._workers.append(worker)  # before a deferred SIGTERM is raised: close() stops it
        return worker

    def _dispatch(self) -> None:
        while self._queue:
            idle = next((w for w in self._workers if w.ticket is None), None)
            if idle is None:
                if len(self._workers) >= self.size:
                    return
                idle = self._spawn()
            ticket = self._queue[0]
            try:
                idle.conn.send((ticket.fn, ticket.args, ticket.timed))
            except OSError:  # it died while idle: replace it, try again
                self._drop(idle)
                if idle.process.exitcode not in (None, 0, -signal.SIGKILL):
                    raise WorkerDied(f"a worker process died ({_how(idle.process.exitcode)}) while idle") from None
                continue
            self._queue.popleft()
            idle.ticket, idle.item, idle.since = ticket, UNTIMED, time.monotonic()

    def _pump(self) -> None:
        """Wait for a message, a death or a deadline; handle what happened; hand out queued tasks."""
        busy = [w for w in self._workers if w.ticket is not None]
        if not busy:
            self._dispatch()
            return
        now = time.monotonic()
        # past the budget on the clock (but not in CPU time): looked at again every CPU_POLL_SECONDS
        deadlines = [max(w.since + self.budget, now + CPU_POLL_SECONDS) if now - w.since > self.budget
                     else w.since + self.budget for w in busy if w.ticket.timed and w.item is not UNTIMED]
        timeout = min(WAKE_SECONDS, max(0.0, min(deadlines) - now) if deadlines else WAKE_SECONDS)
        connection.wait([w.conn for w in busy] + [w.process.sentinel for w in busy], timeout)
        for worker in busy:
            self._read(worker)
        now = time.monotonic()
        for worker in busy:
            if (worker.ticket is not None and worker.ticket.timed and worker.item is not UNTIMED
                    and now - worker.since > self.budget and self._overran(worker, now)):
                ticket, item, worker.ticket = worker.ticket, worker.item, None
                _kill(worker)
                self._drop(worker)
                ticket.outcome = Outcome(item=item, overran=True)
        self._dispatch()

    def _overran(self, worker: _Worker, now: float) -> bool:
        """Whether a worker past the budget on the clock has used it up in CPU time (or has
        been on the item for WALL_FACTOR budgets); if not, it is looked at again later."""
        if now - worker.since > self.budget * WALL_FACTOR or worker.cpu_since is None:
            return True
        used = cpu_seconds(worker.process.pid)
        return used is None or used - worker.cpu_since > self.budget

    def _read(self, worker: _Worker) -> None:
        """Take in what a worker has sent; notice its death."""
        try:
            while worker.ticket is not None and worker.conn.poll():
                kind, *rest = worker.conn.recv()
                if kind == "at":
                    worker.item, worker.since, worker.cpu_since = rest
                    continue
                ticket, worker.ticket = worker.ticket, None
                if kind == "done":
                    ticket.outcome = Outcome(value=rest[0])
                else:
                    ticket.error = rest[0]
            if worker.ticket is None or worker.process.exitcode is None:
                return
        except (EOFError, OSError):
            worker.process.join()
        ticket, item, worker.ticket = worker.ticket, worker.item, None
        self._drop(worker)
        how = _how(worker.process.exitcode)
        if ticket is not None and (not ticket.timed or item is UNTIMED):
            ticket.error = WorkerDied(f"a worker process died ({how})")
        elif ticket is not None:
            ticket.outcome = Outcome(item=item, died=how)

    def _drop(self, worker: _Worker) -> None:
        worker.conn.close()
        worker.process.join()
        self._workers.remove(worker)


def _kill(worker: _Worker) -> None:
    try:
        os.kill(worker.process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def _how(exitcode: int | None) -> str:
    if exitcode is not None and exitcode < 0:
        try:
            return f"killed by {signal.Signals(-exitcode).name}"
        except ValueError:
            return f"killed by signal {-exitcode}"
    return f"exit status {exitcode}"
