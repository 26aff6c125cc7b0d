"""MinHash fingerprints: the vectorised sketches equal datasketch's MinHash.bulk."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st
from datasketch import MinHash

from ingest.config import DedupOptions
from ingest.fingerprint import Fingerprinter, jaccard, minhash_permutations, reads_as_prose
from ingest.normalize import shingle_hashes, words


@pytest.mark.parametrize("kept", [False, True])
@pytest.mark.parametrize("scheme", ["affine32", "affine64"])
def test_vectorised_sketches_equal_datasketch_bulk(scheme, kept):
    # kept: with the permutations an archive keeps (drawn by datasketch once), not drawn now
    options = dataclasses.replace(DedupOptions(), scheme=scheme, num_perm=64, seed=7)
    fingerprinter = Fingerprinter(options, permutations=minhash_permutations(options) if kept else None)
    rng = np.random.default_rng(1)
    sets = [np.unique(rng.integers(0, 2**32, size=n, dtype=np.uint64).astype(np.uint32))
            for n in (1, 5, 300, 0, 70_000, 12)]
    ours = fingerprinter.sketch_sets(sets)
    theirs = MinHash.bulk([s.tolist() for s in sets], num_perm=64, seed=7, scheme=scheme,
                          hashfunc=lambda v: v)
    for mine, reference, values in zip(ours, theirs, sets):
        assert np.array_equal(mine.values, reference.hashvalues.astype(mine.values.dtype))
        assert mine.size == len(values)


def test_permutations_for_another_num_perm_are_an_error_that_says_which():
    options = DedupOptions()
    a, b = minhash_permutations(dataclasses.replace(options, num_perm=64))
    with pytest.raises(ValueError, match="64 MinHash permutations given for num_perm = 128"):
        Fingerprinter(options, permutations=(a, b))


def test_sketch_estimates_jaccard():
    fingerprinter = Fingerprinter(DedupOptions())
    a = shingle_hashes(words(" ".join(f"w{i}" for i in range(400))), 3)
    b = shingle_hashes(words(" ".join(f"w{i}" for i in range(200, 600))), 3)
    sa, sb = fingerprinter.sketch_sets([a, b])
    truth = len(np.intersect1d(a, b)) / len(np.union1d(a, b))
    assert abs(jaccard(sa, sb) - truth) < 0.12


@pytest.mark.parametrize("text, prose", [
    ("Zach Parise heating up, scores twice as Wild beat Sabres 4-1", False),
    ("1 scoop, 1 tsp. nut butter and 8 oz. water)", False),
    ("He said so. And then he left", True),
    ("Он сказал это. Потом ушёл", True),
    ("The Netherlands lost 2-1.", True),
    ("Shares were last trading up 0.4%.", True),
    ("Sie nannte es „zu teuer“.", True), ("Sie sagte: „Das ist zu teuer.“", True),
    ("Officials gave the following figures:", True),  # a sentence that leads into a list
    ("The parties are committed to keep the Internet an open platform;", False),  # one item of a list
])
def test_prose_needs_a_complete_sentence(text, prose):
    assert reads_as_prose(text) is prose


def test_signing_agrees_with_whole_text_hashing():
    from ingest.models import Article
    from ingest.normalize import content_hash, shingle_hashes

    article = Article("x", "s", "T", None, ("Juan Guaidó said “no” — twice.", "ÉCOLE  de  Paris!", "Ёлка"))
    fingerprinter = Fingerprinter(DedupOptions())
    signed = fingerprinter.sign(article)
    assert signed.content_hash == content_hash(article.text)
    expected = shingle_hashes(words(article.text), DedupOptions().article_shingle_size)
    assert signed.sketch.size == len(expected)
    assert np.array_equal(signed.sketch.values, fingerprinter.sketch_sets([expected])[0].values)


def test_head_sketch_and_lsh_keys_agree_with_their_definitions():
    from ingest.models import Article
    from ingest.normalize import shingle_sequence
    from store.index import Banding, band_keys

    body = " ".join(f"Word{i % 97} token{i}." for i in range(300))
    article = Article("x", "s", "T", None, (body[:900], body[900:1800], body[1800:]))
    fingerprinter = Fingerprinter(DedupOptions(), Banding(16, 4), Banding(8, 3))
    signed = fingerprinter.sign(article)
    sequence = shingle_sequence(words(article.text), DedupOptions().article_shingle_size)
    head = np.unique(sequence[: (len(sequence) + 1) // 2])
    expected = fingerprinter.sketch_sets([head])[0]
    assert signed.head.size == len(head)
    assert np.array_equal(signed.head.values, expected.values)
    assert np.array_equal(signed.article_keys, band_keys(signed.sketch.values[None, :], 16, 4))
    assert signed.paragraph_keys.shape == (len(signed.paragraphs), 8) and len(signed.paragraphs) == 3
    for paragraph in signed.paragraphs:
        expected_set = shingle_hashes(words(article.paragraphs[paragraph.position]), 3)
        assert np.array_equal(paragraph.shingles, expected_set)
    for paragraph, keys in zip(signed.paragraphs, signed.paragraph_keys):
        sketch = fingerprinter.sketch_sets([paragraph.shingles], 24)[0]
        assert np.array_equal(keys, band_keys(sketch.values[None, :], 8, 3)[0])


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab Z.!?…。:%\"'”“»)] \n\t")), max_size=120))
def test_prose_check_on_the_end_agrees_with_a_scan_of_the_whole_paragraph(text):
    from ingest.fingerprint import _SENTENCE_END

    whole = any(m.group(1) is None or m.group(1).isupper() for m in _SENTENCE_END.finditer(text))
    assert reads_as_prose(text) is whole


def test_signing_a_batch_gives_each_article_what_signing_it_alone_gives():
    from ingest.models import Article
    from synthetic import make_vocabulary, paragraph
    import random

    rng = random.Random(5)
    vocab = make_vocabulary(rng)
    # articles with several passage-length paragraphs, none, or one, among short lines
    articles = [Article(f"a{i}", "s", f"T{i}", None, tuple(
        paragraph(rng, vocab) if rng.random() < 0.6 else f"Short line {j}" for j in range(n)))
        for i, n in enumerate([12, 0, 3, 1, 20, 5])]
    fingerprinter = Fingerprinter(DedupOptions())
    batch = fingerprinter.sign_many(articles)
    assert sum(len(s.paragraphs) for s in batch) > 10
    for together, article in zip(batch, articles):
        alone = fingerprinter.sign(article)
        assert [p.position for p in together.paragraphs] == [p.position for p in alone.paragraphs]
        for a, b in zip(together.paragraphs, alone.paragraphs):
            assert np.array_equal(a.shingles, b.shingles)
            assert np.array_equal(a.shingles, shingle_hashes(words(article.paragraphs[a.position]), 3))
        assert np.array_equal(together.paragraph_keys, alone.paragraph_keys)
        assert np.array_equal(together.article_keys, alone.article_keys)
        assert np.array_equal(together.sketch.values, alone.sketch.values)


def test_the_lsh_bandings_kept_for_the_default_config_are_what_datasketch_picks():
    from store.index import KNOWN_LSH_PARAMS, datasketch_lsh_params, lsh_params

    options = DedupOptions()
    defaults = {(options.article_lsh_threshold, options.num_perm),
                (options.paragraph_lsh_threshold, min(options.paragraph_lsh_perms, options.num_perm))}
    assert defaults <= set(KNOWN_LSH_PARAMS)  # a default config never needs the optimiser
    for (threshold, num_perm), banding in KNOWN_LSH_PARAMS.items():
        assert datasketch_lsh_params(threshold, num_perm) == banding
    assert lsh_params(0.55, 64) == datasketch_lsh_params(0.55, 64)  # others ask datasketch


@pytest.mark.parametrize("chunk", [None, 97])
def test_batch_signing_equals_the_definition_on_datasketch(monkeypatch, chunk):
    # articles of every awkward length, signed together: each gets what its own text
    # defines, with datasketch's MinHash.bulk as the reference; a tiny chunk cuts
    # nearly every set across chunks of the vectorised pass
    from ingest import fingerprint
    from ingest.models import Article
    from ingest.normalize import shingle_sequence
    from store.index import band_keys
    from synthetic import make_vocabulary, paragraph
    import random

    if chunk:
        monkeypatch.setattr(fingerprint, "_CHUNK", chunk)
    rng = random.Random(11)
    vocab = make_vocabulary(rng)
    bodies = [(), ("Two words",), ("Exactly five words here now",), ("Four words only here",),
              tuple(paragraph(rng, vocab) for _ in range(6)), ("Short line", paragraph(rng, vocab)),
              ("Juan Guaidó dijo “no” — dos veces, y luego habló de nuevo con la prensa. " * 3,)]
    articles = [Article(f"a{i}", "s", None, None, body) for i, body in enumerate(bodies)]
    options = DedupOptions()
    signer = Fingerprinter(options, permutations=minhash_permutations(options))
    bulk = lambda sets: MinHash.bulk([s.tolist() for s in sets], num_perm=options.num_perm, seed=options.seed,  # noqa: E731
                                     scheme=options.scheme, hashfunc=lambda v: v)
    for article, signed in zip(articles, signer.sign_many(articles)):
        sequence = shingle_sequence(words(article.text), options.article_shingle_size)
        whole, head = np.unique(sequence), np.unique(sequence[: (len(sequence) + 1) // 2])
        expected_whole, expected_head = bulk([whole, head])
        assert (signed.sketch.size, signed.head.size) == (len(whole), len(head))
        assert np.array_equal(signed.sketch.values, expected_whole.hashvalues.astype(np.uint32))
        assert np.array_equal(signed.head.values, expected_head.hashvalues.astype(np.uint32))
        assert np.array_equal(signed.article_keys, band_keys(signed.sketch.values[None, :], *signer.articles))
        sets = [shingle_hashes(words(text), options.paragraph_shingle_size) for text in article.paragraphs
                if len(words(text)) >= options.paragraph_min_words and reads_as_prose(text)]
        assert [len(p.shingles) for p in signed.paragraphs] == [len(s) for s in sets]
        for printed, expected in zip(signed.paragraphs, sets):
            assert np.array_equal(printed.shingles, expected)
        if sets:
            sketches = np.stack([m.hashvalues[: signer.paragraph_perms] for m in bulk(sets)])
            assert np.array_equal(signed.paragraph_keys, band_keys(sketches, *signer.paragraphs))
    assert sum(len(s.paragraphs) for s in signer.sign_many(articles)) >= 7
