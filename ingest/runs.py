"""What an ingest run reports: its summary and how it can end early.

Kept apart from the pipeline so that the command line can report runs without
importing the cleaning and MinHash machinery.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field


@dataclass
class RunSummary:
    """What one ingest run did."""

    run_id: int = 0
    read: int = 0
    new: int = 0
    exact_duplicates: int = 0
    near_duplicates: int = 0
    repeated_passages: int = 0
    unchanged: int = 0
    templates_learned: int = 0  # template lines learned: they clean only later articles (README)
    rejected: list[tuple[str, str]] = field(default_factory=list)
    rejected_again: int = 0  # of `rejected`, inputs rejected before (read once more: a new reader, --retry-rejects)
    skipped: dict[str, int] = field(default_factory=dict)  # records that are no article, by kind (WARC request, ...)

    def counts(self) -> dict[str, int]:
        """The numbers, for the ingest_runs row."""
        return {"read": self.read, "new": self.new, "exact_duplicates": self.exact_duplicates,
                "near_duplicates": self.near_duplicates, "repeated_passages": self.repeated_passages,
                "unchanged": self.unchanged, "templates_learned": self.templates_learned,
                "rejected": len(self.rejected), "rejected_again": self.rejected_again,
                "skipped_records": sum(self.skipped.values())}

    def add(self, other: "RunSummary") -> None:
        """Add another (batch) summary's numbers to this one."""
        for name in ("read", "new", "exact_duplicates", "near_duplicates", "repeated_passages", "unchanged",
                     "templates_learned", "rejected_again"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.rejected.extend(other.rejected)
        for kind, count in other.skipped.items():
            self.skipped[kind] = self.skipped.get(kind, 0) + count


class RunFailed(Exception):
    """An ingest run stopped on an unexpected error; it is recorded as failed."""

    def __init__(self, summary: RunSummary, error: str) -> None:
        super().__init__(f"run {summary.run_id} failed: {error}")
        self.summary = summary
        self.error = error


class RunInterrupted(KeyboardInterrupt):
    """An ingest run was interrupted (Ctrl-C, SIGTERM); it is recorded as interrupted."""

    def __init__(self, summary: RunSummary) -> None:
        super().__init__(f"run {summary.run_id} interrupted")
        self.summary = summary


def reason_counts(summary: RunSummary) -> Counter:
    """How many inputs were rejected for each reason."""
    return Counter(reason for _, reason in summary.rejected)
