"""The synthetic corpus the benchmarks measure: its passages come and go with a span."""

from __future__ import annotations

from synthetic import make_docs


def _uses(docs) -> list[tuple[int, int]]:
    """(story number, passage) for every passage an original story carries."""
    return [(int(d.story[1:]), k) for d in docs if not d.name.endswith("-syn") for k in d.passages]


def _repeats(uses: list[tuple[int, int]], stories: range) -> int:
    """Uses in these stories of a passage some earlier story used already."""
    seen: set[int] = set()
    count = 0
    for story, k in uses:
        count += story in stories and k in seen
        seen.add(k)
    return count


def test_with_a_span_a_story_reuses_only_passages_that_came_up_in_the_span():
    rate, span = 0.1, 100
    uses = _uses(make_docs(1500, seed=3, passage_rate=rate, passage_span=span))
    assert len(uses) > 300
    for story, k in uses:
        assert story - span - 1 / rate < k / rate <= story


def test_with_a_span_the_first_and_last_thirds_repeat_as_many_passages():
    n, rate = 3000, 0.05
    thirds = (range(0, n // 3), range(2 * n // 3, n))
    spanned = _uses(make_docs(n, seed=4, passage_rate=rate, passage_span=300))
    first, last = (_repeats(spanned, third) for third in thirds)
    assert 0.75 < first / last < 1.33
    # drawn from the whole corpus, the first third has fewer passages to repeat yet
    pooled = _uses(make_docs(n, seed=4, passage_rate=rate))
    first, last = (_repeats(pooled, third) for third in thirds)
    assert first / last < 0.75
