"""The coordination pages in English: the page's own words (headings, navigation, table headers)."""

from django.urls import reverse

from duban.web.tests.english import CJK, read_in_english, texts


def test_the_coordination_pages_read_in_english(client, coordinator, decided, issue):
    read_in_english(client, coordinator)
    pages = {
        "coordination:index": [],
        "coordination:collaboration": [],
        "coordination:meeting-detail": [decided.meeting.pk],
        "coordination:decision-detail": [decided.pk],
        "coordination:issue-detail": [issue.pk],
    }
    for name, args in pages.items():
        html = client.get(reverse(name, args=args)).content.decode()
        # The matrix's headers are unit names: data, not the page's own words.
        headers = [] if name == "coordination:collaboration" else texts(html, "th")
        own = " ".join(texts(html, "nav") + headers + texts(html, "h2"))
        assert not CJK.search(own), f"{name}: {CJK.findall(own)[:10]}"
