"""The texts the tests of plain-text page shapes share: a news page's menu, footer, and its
article in English and Japanese (hard-wrapped, run together, saved a line at a time)."""

from __future__ import annotations

MENU = ["Home", "World", "Business", "Sport", "Opinion", "Subscribe", "Sign in"]
FOOTER = ["About us", "Contact", "Terms of use", "Privacy policy", "© 2026 The Daily Record"]
ENGLISH = [
    "The regional parliament in Vienna voted on Thursday to extend the night train network to "
    "Warsaw, Zagreb and Rome by 2028, after a debate that lasted more than nine hours and "
    "divided the governing coalition along unusual lines.",
    "Transport Minister Leonore Gewessler said the 420 million euro plan would take about 310,000 "
    "passengers a year off short-haul flights. Critics in the Freedom Party called the figure "
    "optimistic and asked for an independent review before any contract is signed.",
    "Rail operators in Poland and Croatia welcomed the vote. Polish State Railways said new "
    "sleeper carriages ordered last spring would be ready for the Warsaw route, while Croatian "
    "officials warned that track works near Rijeka could delay the Zagreb service until 2029.",
    "Environmental groups, which had campaigned for the extension since 2019, said it was a "
    "first step. Greenpeace Austria urged the government to cut track access charges, which it "
    "says make a night train ticket twice as expensive as a budget flight on the same route.",
    "Tickets for the first new connection, Vienna to Rome via Venice, are expected to go on sale "
    "in October, according to Austrian Federal Railways, which will run the trains with its "
    "partners in Italy.",
]
JAPANESE = [
    "政府は三日、来年度から地方の鉄道路線を維持するための新しい補助金制度を設けると発表した。"
    "利用者の減少が続く路線を対象に、自治体と鉄道会社が共同で作る計画に国が費用の半分を出す。"
    "国土交通省によると、対象となる路線は全国でおよそ七十に上る見通しだという。",
    "制度の対象となるには、駅の周辺で商業施設や病院を集める街づくりの計画を同時に示す必要がある。"
    "専門家からは、路線を残すだけでなく利用者を増やす工夫がなければ効果は限られるとの声も出ている。",
    "一方で、すでに運行を休止している路線の沿線では、バスへの転換を求める意見も根強い。"
    "地元の商工会は、通学や通院に使う住民の意見を丁寧に聞いてほしいと話している。",
    "鉄道会社の多くは、燃料費や人件費の上昇で赤字が膨らんでおり、車両の更新も遅れている。"
    "ある会社の社長は、補助金の使い道を自由に決められるようにしてほしいと注文をつけた。",
    "国は年内に対象路線の募集を始め、来年春には最初の計画を認める予定だ。",
]


def page(body_lines: list[str], title: str) -> str:
    """The page as a browser saves it: the menu, the headline, the body's paragraphs a blank line
    apart, the footer."""
    return "\n".join(MENU) + f"\n\n{title}\n\n" + "\n\n".join(body_lines) + "\n\n" + "\n".join(FOOTER)
