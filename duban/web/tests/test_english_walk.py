"""Every page each persona reaches, read in English: no Chinese left in the page's own words.

The pages are the permission matrix's: every GET route a persona is declared to reach (200),
walked over the demo with its year of history. What is data — unit and region names, task
titles, document numbers, what units wrote — is taken out first: every text value stored in
Duban's tables is data. What is left in Chinese is the interface's and must be translated.
"""

import json
import re
from datetime import date
from html import unescape

from django.apps import apps
from django.db import models

from duban.web.demo import demo_load
from duban.web.tests import permission_matrix as matrix
from duban.web.tests.english import CJK, read_in_english
from duban.web.tests.test_permission_matrix import PATTERNS, _url
from duban.web.tests.test_permission_matrix import objects as matrix_objects  # noqa: F401 (fixture)

PERSONAS = ["coordinator", "leader", "fagai", "lanzhou", "viewer"]
# Files, feeds and API documents are not pages.
NOT_PAGES = re.compile(
    r"(download|xlsx|pdf|docx|export|feed|ics|openapi|api-v1|minutes|notice|file)"
)


def _data_words() -> list[str]:
    """Every Chinese text stored in Duban's tables (history tables aside), longest first."""
    words: set[str] = set()
    for model in apps.get_models():
        if not model.__module__.startswith("duban.") or model.__name__.startswith("Historical"):
            continue
        fields = [
            f.name
            for f in model._meta.concrete_fields
            if isinstance(f, (models.CharField, models.TextField)) and not f.choices
        ]
        for values in model.objects.values_list(*fields) if fields else []:
            for value in values:
                if value and CJK.search(value):
                    words.add(" ".join(value.split()))
    return sorted(words, key=len, reverse=True)


# The product's name (督办 Duban, its mark 督) and the language switch's 中文 are Chinese in
# every language.
ALWAYS_CHINESE = {"督", "督办", "中文"}
BRAND = "督办 Duban"
# A run of non-ASCII text (Chinese and its punctuation) with the digits and spaces inside it;
# the separators `·`, `→` and `—` end a run.
_X = r"[^\x00-\x7f·→—]"
CHINESE_RUN = re.compile(rf"[0-9]*{_X}(?:(?:{_X}|[0-9 .,:;%/()-])*{_X})?")
QUOTES = "…“”‘’《》（）() "
# A shorter run is data only if it is a whole stored value: a page's own short words
# (全部任务) may well occur inside some stored text.
CUT_SHORT = 8


def _text_nodes(html: str) -> list[str]:
    """The page's text as people see it: text between tags, chart data (JSON) and the
    placeholder, title and aria-label attributes."""
    charts = re.findall(r'<script[^>]*type="application/json"[^>]*>(.*?)</script>', html, re.S)
    html = re.sub(r"<(script|style|template)\b.*?</\1>", " ", html, flags=re.S)
    attributes = re.findall(r'(?:placeholder|title|aria-label)="([^"]*)"', html)
    chart_words = [w for chart in charts for w in re.findall(r'"((?:[^"\\]|\\.)*)"', chart)]
    # Marks inside a word (search's <mark>财政</mark>) do not cut it.
    html = re.sub(r"</?(?:mark|strong|em|b|q)\b[^>]*>", "", html)
    nodes = re.split(r"<[^>]+>", html) + attributes + [_unescape_json(w) for w in chart_words]
    nodes = (" ".join(unescape(node).replace(BRAND, " ").split()) for node in nodes)
    return [node for node in nodes if node]


def _unescape_json(word: str) -> str:
    try:
        return json.loads(f'"{word}"')
    except ValueError:
        return word


class Data:
    """Every Chinese text stored in the database, to take out of a page before checking it."""

    def __init__(self, words: list[str]):
        self.blob = "\n".join(words)
        self.pattern = re.compile("|".join(re.escape(w) for w in words)) if words else None

    def strip(self, node: str) -> str:
        """`node` without its data: each run of Chinese that occurs as a whole in the data (a
        value cut short for the page, `title|truncatechars`, is still data), then every stored
        value inside what is left."""

        def cut_short_value(found: re.Match) -> str:
            run = found.group()
            core = run.strip(QUOTES)
            cut_short = run.endswith("…") or len(core) >= CUT_SHORT
            # An excerpt may run across two fields (a report's 进展 and 问题), joined by a space.
            pieces = [piece.strip(QUOTES) for piece in core.split()]
            stored = all(piece in self.blob for piece in pieces)
            return " " if core and cut_short and stored else run

        node = CHINESE_RUN.sub(cut_short_value, node)
        return self.pattern.sub(" ", node) if self.pattern else node


def leftovers(html: str, data: Data) -> list[str]:
    """The Chinese words left on a page once its data is taken out."""
    found = set()
    for node in _text_nodes(html):
        if not CJK.search(node) or node in ALWAYS_CHINESE:
            continue
        rest = data.strip(node)
        if CJK.search(rest):
            found.add(" ".join(rest.split()))
    return sorted(found)


# Pages the matrix names without the query that fills them.
QUERY = "财政"  # what the user typed is data too
WITH_QUERIES = {"search:results": f"?q={QUERY}"}


def test_every_page_reads_in_english_for_every_persona(
    client,
    demo_accounts,
    settings,
    request,
):
    # The permission matrix's records: one of each kind the URLs name.
    records = request.getfixturevalue("matrix_objects")
    # Then the demo's year of history, as of its today: every panel has something to show.
    settings.DUBAN_TODAY = date(2012, 9, 30)
    demo_load(history=True)
    data = Data([*_data_words(), QUERY])
    left: dict[str, list[str]] = {}
    walked = 0
    for persona in PERSONAS:
        read_in_english(client, demo_accounts[persona])
        column = matrix.PERSONAS.index(persona)
        for name, (get, _post) in matrix.MATRIX.items():
            if get.split()[column] != "200" or NOT_PAGES.search(name):
                continue
            url = _url(name, PATTERNS[name], records) + WITH_QUERIES.get(name, "")
            response = client.get(url)
            if "html" not in response.get("Content-Type", ""):
                continue
            assert response.status_code == 200, (persona, url)
            walked += 1
            if found := leftovers(response.content.decode(), data):
                left[f"{persona} {url}"] = found
    assert walked > 100  # the walk reached the pages, not the sign-in form
    assert left == {}
