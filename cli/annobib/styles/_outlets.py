"""What kind of news outlet a ``journaltitle`` names: a newspaper, a news agency or a news website.

The data marks every news article ``entrysubtype = {newspaper}``; the styles need more:
GB/T 7714 gives newspapers ``[N]``/``[N/OL]`` but news-agency and other web pages ``[EB/OL]``, and
APA 7 italicizes a newspaper's name but, for a news website, the article's title instead.
An entry can say it itself: ``entrysubtype = {newsagency}`` or ``{newswebsite}`` (``{newspaper}``
for print newspapers and their sites). Unknown outlets count as newspapers.
"""

from __future__ import annotations

import re

AGENCIES = {
    "reuters",
    "associated press",
    "ap",
    "ap news",
    "agence france-presse",
    "afp",
    "kyodo news",
    "kyodo",
    "jiji press",
    "xinhua",
    "xinhua news agency",
    "新华社",
    "新华网",
    "中国新闻网",
    "中新网",
    "中新社",
    "yonhap",
    "yonhap news agency",
    "韩联社",
    "联合通讯社",
    "共同社",
    "時事通信",
    "共同通信",
    "tass",
    "ria novosti",
    "philippines news agency",
    "pna",
    "bernama",
    "antara",
    "anadolu agency",
    "bloomberg",
    "bloomberg news",
    "路透社",
    "美联社",
    "法新社",
    "塔斯社",
    "彭博社",
    "vietnam news agency",
    "central news agency",
    "中央社",
}
WEBSITES = {
    "bbc",
    "bbc news",
    "cnn",
    "cbs news",
    "nbc news",
    "abc news",
    "fox news",
    "npr",
    "politico",
    "axios",
    "nippon",
    "nippon.com",
    "asia times",
    "naval news",
    "usni news",
    "defense news",
    "breaking defense",
    "the diplomat",
    "east asia forum",
    "war on the rocks",
    "the conversation",
    "vox",
    "huffpost",
    "环球网",
    "观察者网",
    "澎湃新闻",
    "凤凰网",
    "新浪网",
    "搜狐网",
    "网易",
    "腾讯网",
    "央视网",
    "人民网",
    "中国网",
    "rappler",
    "inquirer.net",
    "nikkei asia",
    "rfa",
    "radio free asia",
    "voa",
    "voice of america",
    "dw",
    "al jazeera",
    "the hill",
    "the wire",
    "scmp",
    "brisbane times",
}
SUBTYPES = {
    "newsagency": "agency",
    "news agency": "agency",
    "agency": "agency",
    "newswebsite": "website",
    "news website": "website",
    "website": "website",
    "newspaper": "newspaper",
}


def _norm(name: str) -> str:
    return re.sub(r"\s+", " ", name.strip().lower().removeprefix("the ").strip())


def outlet_kind(subtype: str, outlet: str) -> str:
    """``newspaper``, ``agency`` or ``website`` for a news article."""
    sub = (subtype or "").strip().lower()
    if sub in SUBTYPES and SUBTYPES[sub] != "newspaper":
        return SUBTYPES[sub]
    name = _norm(outlet or "")
    if name in AGENCIES or ("news agency" in name):
        return "agency"
    if name in WEBSITES:
        return "website"
    return "newspaper"


def is_news(subtype: str) -> bool:
    return (subtype or "").strip().lower() in SUBTYPES
