"""ingest.signals: SIGTERM and Ctrl-C as interrupts, including one that lands in a finalizer."""

import os
import signal
import sys

import pytest

from ingest.signals import Terminated, raise_if_terminated, sigterm_interrupts

pytestmark = pytest.mark.skipif(not hasattr(os, "kill") or sys.platform == "win32",
                                reason="needs POSIX signals")


class _SignalsItselfWhenFinalized:
    def __init__(self, signum: int):
        self.signum = signum

    def __del__(self):
        os.kill(os.getpid(), self.signum)  # the handler runs at the next bytecode, inside __del__
        sum(range(1000))


@pytest.mark.parametrize("signum, raised", [(signal.SIGINT, KeyboardInterrupt), (signal.SIGTERM, Terminated)],
                         ids=["Ctrl-C", "SIGTERM"])
def test_an_interrupt_dropped_in_a_finalizer_is_raised_again_without_a_traceback(monkeypatch, signum, raised):
    reported = []  # what would be printed as "Exception ignored in ...", with its traceback
    monkeypatch.setattr(sys, "unraisablehook", lambda unraisable: reported.append(unraisable.exc_type))
    with sigterm_interrupts():
        _SignalsItselfWhenFinalized(signum)  # finalized at once: the interrupt is dropped there
        with pytest.raises(raised):
            raise_if_terminated()
    assert reported == []


def test_other_errors_in_finalizers_still_reach_the_hook_that_was_there(monkeypatch):
    reported = []
    monkeypatch.setattr(sys, "unraisablehook", lambda unraisable: reported.append(unraisable.exc_type))

    class Broken:
        def __del__(self):
            raise ValueError("a real bug")

    with sigterm_interrupts():
        Broken()
    assert reported == [ValueError]


def test_the_hook_is_put_back_when_the_block_ends(monkeypatch):
    def mine(unraisable):
        pass

    monkeypatch.setattr(sys, "unraisablehook", mine)
    with sigterm_interrupts():
        assert sys.unraisablehook is not mine
    assert sys.unraisablehook is mine
