"""The learned line model: shipped weights, features, probabilities and clean_with_model."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ingest.clean import rules as R
from ingest.clean.lines import stripped_lines
from ingest.clean.pagescan import match_lines
from ingest.clean.features import (FEATURE_NAMES, LOGIT_NAMES, line_features, page_stoplist,
                                   script_words)
from ingest.clean.model import (LineModel, Stage, clean_with_model, default_model, line_log_odds,
                                line_probabilities, viterbi)
from ingest.config import CleanOptions

REPO = Path(__file__).resolve().parents[1]

MENU = ["Home", "News", "World", "Business", "Sport", "Culture", "Opinion", "Sign in",
        "Subscribe", "Search"]
SENTENCES = [
    "The city council voted on Tuesday to rebuild the old bridge over the river, ending a "
    "debate that had lasted for almost ten years.",
    "Engineers said that the work would start in the spring and that the bridge would be "
    "closed to traffic for at least eighteen months.",
    "Residents who live near the river told the council that they were worried about the "
    "noise, but most of them welcomed the decision.",
    "The mayor said the new bridge would carry a cycle lane and wider pavements, and that it "
    "was designed to last for a century.",
    "The cost of the project, which is paid for in part by a regional grant, is expected to "
    "be about forty million euros.",
]
FOOTER = ["About us", "Contact", "Privacy policy", "Terms of use", "© 2024 The Daily Example"]

JA_MENU = ["ホーム", "ニュース", "スポーツ", "エンタメ", "ログイン", "会員登録"]
JA_BODY = [
    "東京都は三日、大きな地震に備えるための新しい防災計画を発表した。都内の全ての区と市が、"
    "避難所の数を増やし、食料や水の備蓄を見直すことになる。",
    "計画では、高齢者や障害のある人が安全に避難できるように、地域ごとに支援する人を決めておく"
    "ことも求めている。",
    "都の担当者は「災害はいつ起きるか分からない。一人一人が日ごろから備えてほしい」と話した。",
    "専門家は、今回の計画について、住民が自分の住む地域の危険を知ることが大切だと指摘している。",
]


def _page(*blocks: list[str]) -> str:
    return "\n\n".join("\n".join(block) for block in blocks) + "\n"


def test_shipped_model_loads_and_fits_the_features():
    model = default_model()
    assert model.feature_names == FEATURE_NAMES
    assert model.first.layers[0][0].shape[0] == len(FEATURE_NAMES)
    assert model.first.layers[-1][0].shape[1] == 1
    assert np.all(model.first.scale > 0)
    if model.second is not None:
        assert model.second.layers[0][0].shape[0] == len(FEATURE_NAMES) + len(LOGIT_NAMES)


def test_weights_for_other_features_are_refused():
    data = default_model().to_json()
    data["feature_names"] = data["feature_names"][:-1]
    with pytest.raises(ValueError, match="retrain"):
        LineModel.from_json(data)


def test_json_round_trip_gives_the_same_probabilities():
    lines = MENU + SENTENCES
    model = default_model()
    again = LineModel.from_json(json.loads(json.dumps(model.to_json())))
    assert np.array_equal(line_probabilities(lines, model=model), line_probabilities(lines, model=again))


def test_output_is_deterministic():
    text = _page(MENU, SENTENCES, FOOTER)
    first = clean_with_model(text, CleanOptions())
    second = clean_with_model(text, CleanOptions())
    assert first == second
    lines = MENU + SENTENCES + FOOTER
    assert np.array_equal(line_probabilities(lines), line_probabilities(lines))


def test_sentences_score_above_menu_lines():
    lines = MENU + SENTENCES + FOOTER
    nos = list(range(len(lines)))
    prob = line_probabilities(lines, nos)
    body = prob[len(MENU):len(MENU) + len(SENTENCES)]
    chrome = np.concatenate([prob[:len(MENU)], prob[len(MENU) + len(SENTENCES):]])
    assert body.min() > chrome.max()
    assert np.median(body) > 0.5 > chrome.max()
    odds = line_log_odds(lines, nos)
    assert np.median(odds[len(MENU):len(MENU) + len(SENTENCES)]) > 0 > odds[:len(MENU)].max()


def test_clean_with_model_keeps_the_sentences_and_labels_every_other_line():
    text = _page(MENU, ["Bridge over the river will be rebuilt, council decides"], SENTENCES, FOOTER)
    cleaned = clean_with_model(text, CleanOptions())
    assert list(cleaned.paragraphs) == SENTENCES
    assert cleaned.title == "Bridge over the river will be rebuilt, council decides"
    input_lines = [line for line in text.splitlines() if line.strip()]
    removed = [r.text for r in cleaned.removed]
    assert sorted(removed + list(cleaned.paragraphs)) == sorted(input_lines)
    for r in cleaned.removed:
        assert r.rule in (R.TITLE, R.PUBLISHED) or r.rule.startswith("model:")
        assert text.splitlines()[r.line_no].strip() == r.text


def test_japanese_body_lines_get_high_probability():
    lines = JA_MENU + ["防災計画を発表　東京都"] + JA_BODY + JA_MENU[:3]
    prob = line_probabilities(lines)
    body = prob[len(JA_MENU) + 1:len(JA_MENU) + 1 + len(JA_BODY)]
    assert body.min() > 0.5
    assert body.min() > prob[:len(JA_MENU)].max()
    cleaned = clean_with_model(_page(JA_MENU, ["防災計画を発表　東京都"], JA_BODY, JA_MENU[:3]))
    assert list(cleaned.paragraphs) == JA_BODY


def test_words_are_counted_by_characters_in_scripts_without_spaces():
    words = script_words(["東京都は三日発表した", "one two three", "ＮＨＫ 東京"])
    assert words[0] == pytest.approx(len("東京都は三日発表した") / 2)
    assert words[1] == 3
    assert words[2] >= 1


def test_stoplist_follows_the_page_language():
    german = "der die und das ist nicht mit den von zu dem sich auf für".split() * 5
    assert {"und", "nicht"} <= page_stoplist(german)
    english = "the of and to in is that it was for on are with".split() * 5
    assert {"the", "and"} <= page_stoplist(english)
    assert page_stoplist([]) == frozenset()


def test_features_have_one_row_a_line_and_no_nan():
    lines = MENU + SENTENCES + JA_BODY + ["", "|", "http://example.com/a"]
    lines = [line for line in lines if line]
    x = line_features(lines)
    assert x.shape == (len(lines), len(FEATURE_NAMES))
    assert np.isfinite(x).all()
    assert line_features([]).shape == (0, len(FEATURE_NAMES))


def test_empty_and_blank_text():
    for text in ("", "\n\n  \n"):
        cleaned = clean_with_model(text)
        assert cleaned.paragraphs == () and cleaned.removed == () and cleaned.title is None


def test_viterbi_bridges_a_weak_line_inside_the_body():
    odds = np.array([-3.0, 4.0, -0.5, 4.0, -3.0])
    assert viterbi(odds, 0.0).tolist() == [False, True, False, True, False]
    assert viterbi(odds, 2.0).tolist() == [False, True, True, True, False]


def _train_module():
    spec = importlib.util.spec_from_file_location("train_line_model",
                                                  REPO / "benchmarks" / "train_line_model.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_training_is_deterministic_and_learns_the_built_page():
    T = _train_module()
    pages = []
    for k in range(4):
        lines = MENU[k:] + SENTENCES[k:] + FOOTER
        labels = np.array([0.0] * len(MENU[k:]) + [1.0] * len(SENTENCES[k:]) + [0.0] * len(FOOTER))
        nos = list(range(len(lines)))
        pages.append(T.Page("built", str(k), "example.org", "\n".join(lines), nos, lines, labels,
                            line_features(lines, nos)))
    a = T.train(pages, epochs=60)
    b = T.train(pages, epochs=60)
    assert a.to_json() == b.to_json()
    prob = 1 / (1 + np.exp(-a.logits(pages[0].features)))
    assert prob[pages[0].labels == 1].min() > prob[pages[0].labels == 0].max()


def test_gold_labels_follow_the_gold_body_and_hard_wraps():
    T = _train_module()
    gold = "The council voted to rebuild the bridge over the river on Tuesday.\nIt will cost a lot."
    lines = ["Home", "The council voted to rebuild the bridge", "over the river on Tuesday.",
             "It will cost a lot.", "Sport"]
    assert T.label_lines(lines, gold).tolist() == [0, 1, 1, 1, 0]


def test_rules_given_or_computed_give_the_same_log_odds():
    lines = MENU + SENTENCES + FOOTER
    rules = match_lines(lines, [len(line.split()) for line in lines])
    assert np.array_equal(line_log_odds(lines, rules=rules), line_log_odds(lines))


def test_letters_that_lengthen_in_lower_case_do_not_shift_line_features():
    url = FEATURE_NAMES.index("url")
    plain = line_features(["Istanbul news today", "see www.example.com", "nothing here"])
    dotted = line_features(["İİİİstanbul news today", "see www.example.com", "nothing here"])
    assert plain[:, url].tolist() == dotted[:, url].tolist() == [0.0, 1.0, 0.0]


# --- the model inside the rule cleaner (clean.line_model) --------------------------------

def _constant_model(log_odds: float) -> LineModel:
    """A model that gives every line the same log-odds: what the rules do with its vote."""
    n = len(FEATURE_NAMES)
    stage = Stage(np.zeros(n), np.ones(n), ((np.zeros((n, 1)), np.array([log_odds])),))
    return LineModel(FEATURE_NAMES, stage, None, 0.5, 0.0)


def _clean_rules(text: str, model: LineModel | None):
    from ingest.clean.text import clean_text

    return clean_text(text, CleanOptions(line_model=model is not None), line_model=model)


def _rule_of(cleaned, line: str) -> str | None:
    return next((r.rule for r in cleaned.removed if r.text == line), None)


SHORT_SENTENCE = "It rained all day."  # a content line by the rules, worth little


def test_a_line_the_model_scores_out_of_the_body_carries_rule_model():
    labels = ["About us", "Contact", "Privacy policy", "Terms of use"]
    text = _page(["Bridge vote ends a long debate"], SENTENCES, labels, [SHORT_SENTENCE])
    alone = _clean_rules(text, None)
    doubted = _clean_rules(text, _constant_model(-10.0))
    assert _rule_of(alone, SHORT_SENTENCE) == R.DENSITY
    assert _rule_of(doubted, SHORT_SENTENCE) == R.MODEL
    assert list(doubted.paragraphs) == list(alone.paragraphs) == SENTENCES
    assert {r.rule for r in doubted.removed} <= set(R.RULES)


def test_the_model_keeps_a_body_line_the_rules_alone_lose():
    last = "The first trucks arrive next week."
    # The menu makes it a whole page: an article alone keeps such a line by the rules (its last).
    text = _page(MENU, ["Bridge vote ends a long debate"], SENTENCES, ["Weather notes"], [last])
    alone = _clean_rules(text, None)
    trusted = _clean_rules(text, _constant_model(10.0))
    assert last not in alone.paragraphs and _rule_of(alone, last) == R.DENSITY
    assert list(trusted.paragraphs)[:len(SENTENCES)] == SENTENCES
    assert trusted.paragraphs[-1] == last


def test_shipped_model_in_the_rule_cleaner_keeps_the_body_and_loses_no_line():
    wrapped = [SENTENCES[0][:60].rstrip(), SENTENCES[0][60:].strip()]  # a hard wrap
    assert wrapped[1][0].islower()
    text = _page(MENU, ["Bridge vote ends a long debate"], wrapped, SENTENCES[1:], FOOTER)
    cleaned = _clean_rules(text, default_model())
    assert list(cleaned.paragraphs) == SENTENCES
    kept = "\n".join(cleaned.paragraphs)
    removed = {r.line_no for r in cleaned.removed}
    for no, line in enumerate(text.splitlines()):
        assert not line.strip() or no in removed or line.strip() in kept
    assert {r.rule for r in cleaned.removed} <= set(R.RULES)


def test_line_model_config_key_is_validated():
    from ingest.config import ConfigError, config_from_dict

    assert config_from_dict({"clean": {"line_model": True}}).clean.line_model is True
    with pytest.raises(ConfigError, match="clean.line_model"):
        config_from_dict({"clean": {"line_model": "yes"}})


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(
    st.text(max_size=80),
    st.sampled_from(["", "Share", "Comments", "Published 3 May 2019", "• twitter", *MENU, *SENTENCES,
                     "a line that ends without a stop and", "continues here in lower case.",
                     *JA_BODY]),
), max_size=40))
def test_rule_cleaner_with_the_model_never_raises_and_loses_nothing(parts):
    text = "\n".join(parts)
    cleaned = _clean_rules(text, default_model())
    kept = "\n".join(cleaned.paragraphs)
    removed = {r.line_no for r in cleaned.removed}
    for no, line in enumerate(stripped_lines(text)):  # (blank as the cleaner sees it: a lone BOM is)
        assert not line or no in removed or line in kept, (no, line)
    assert {r.rule for r in cleaned.removed} <= set(R.RULES)


def test_snippets_label_the_lines_they_cover_and_leave_the_rest_unlabelled():
    T = _train_module()
    lines = ["Home", "The council voted to rebuild the bridge", "over the river on Tuesday.",
             "Share this story", "Related: the old bridge", "Comments"]
    labels, mask = T.label_snippets(lines, ["rebuild the bridge over  the river"],
                                    ["Share this", "Related: the old bridge", "nowhere on the page"])
    assert labels.tolist() == [0, 1, 1, 0, 0, 0]
    assert mask.tolist() == [0, 1, 1, 1, 1, 0]
    # a line both kinds of snippet cover is left unlabelled
    labels, mask = T.label_snippets(lines, ["Share this story"], ["this story"])
    assert mask[3] == 0 and mask.sum() == 0


def _corpus(tmp_path, n: int) -> Path:
    urls = [f"https://site{k}.example/story" for k in range(n)]
    data = {u: {"file": f"{k}.html", "with": [SENTENCES[k % len(SENTENCES)]], "without": ["Subscribe"]}
            for k, u in enumerate(urls)}
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "evaldata.json").write_text(json.dumps(data), encoding="utf-8")
    (tmp_path / "text").mkdir()
    for i, url in enumerate(sorted(urls)):
        page = _page(MENU, [SENTENCES[int(url[12]) % len(SENTENCES)]], FOOTER)
        (tmp_path / "text" / f"{i:04d}.txt").write_text(page, encoding="utf-8")
    return tmp_path


def test_external_pages_are_the_even_ones_only(tmp_path):
    T = _train_module()
    pages = T.load_ext_pages(_corpus(tmp_path, 5), weight=2.0)
    assert [p.id for p in pages] == ["0000", "0002", "0004"]
    for p in pages:
        assert p.set == "ext" and p.weight == 2.0
        assert p.labels[p.lines.index("Subscribe")] == 0 and p.mask[p.lines.index("Subscribe")] == 1
        assert p.labels.sum() == 1 and p.mask.sum() == 2
        assert p.features.shape == (len(p.lines), len(FEATURE_NAMES))
    assert len({T.site_fold(p.site) for p in pages}) <= 2


def test_unlabelled_lines_of_a_partially_labelled_page_weigh_nothing(tmp_path):
    T = _train_module()
    pages = T.load_ext_pages(_corpus(tmp_path, 6))
    w = T._weights(pages)
    mask = np.concatenate([p.mask for p in pages])
    assert np.all(w[mask == 0] == 0) and np.all(w[mask == 1] > 0)
    # flipping the labels of unlabelled lines leaves the trained model unchanged
    flipped = [T.Page(p.set, p.id, p.site, p.text, p.nos, p.lines, np.where(p.mask > 0, p.labels, 1 - p.labels),
                      p.features, p.mask, p.weight) for p in pages]
    assert T.train(pages, epochs=30).to_json() == T.train(flipped, epochs=30).to_json()


def test_snippet_counts_follow_the_external_check():
    T = _train_module()
    item = {"with": ["the old  bridge", "never kept"], "without": ["Subscribe", "Sport"]}
    assert T.snippet_counts("Rebuilding the old\nbridge.\n\nSubscribe", item).tolist() == [1, 1, 1, 1]
