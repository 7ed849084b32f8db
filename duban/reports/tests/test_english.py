"""The glance and the tasks page read in English: headings and table headers carry no Chinese."""

from django.urls import reverse

from duban.web.tests.english import CJK, own_words, read_in_english, texts


def test_the_leaders_glance_reads_in_english(client, leader, small_plan):
    read_in_english(client, leader)
    html = client.get(reverse("web:home") + "?as_of=2012-09-20").content.decode()
    words = " ".join(texts(html, "h2")[1:] + texts(html, "th") + texts(html, "label"))
    assert not CJK.search(words), words
    assert "Lights at each month's end" in html and "View as of" in html


def test_the_tasks_page_reads_in_english(client, coordinator, small_plan):
    read_in_english(client, coordinator)
    url = reverse("reports:tasks", args=[small_plan.pk]) + "?light=red"
    html = client.get(url).content.decode()
    assert not CJK.search(own_words(html)), own_words(html)
    assert "Light: Red" in html
