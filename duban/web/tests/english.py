"""Helpers for the tests that read a page in English: only the page's own words are checked.

Unit names and task titles are data and stay as written; dates are the page's language's
(`May 20, 2012` in English), while documents and exports keep 2012年5月20日.
"""

import re

# Chinese characters and full-width punctuation.
CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


def read_in_english(client, user) -> None:
    client.force_login(user)
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})


def texts(html: str, tag: str) -> list[str]:
    found = re.findall(rf"<{tag}\b[^>]*>(.*?)</{tag}>", html, re.S)
    return [re.sub(r"<[^>]+>", " ", inner).strip() for inner in found]


def own_words(html: str, *, data: str = "") -> str:
    """Headings, navigation and table headers, with the one piece of data they name removed."""
    words = " ".join(texts(html, "h1") + texts(html, "nav") + texts(html, "th"))
    return words.replace(data, "") if data else words
