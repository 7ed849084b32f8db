"""The directory's words in English: each persona's role in the page header, unit kinds and
region levels. Unit names stay as written: they are data."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from duban.directory.models import Region, Unit
from duban.web.tests.english import CJK


def role_in_header(client, user) -> str:
    client.force_login(user)
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    page = client.get(reverse("notifications:inbox")).content.decode()
    return re.search(r'<span class="user-card__role">(.*?)</span>', page).group(1)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("persona", "role"),
    [
        ("coordinator", "Coordinator"),
        ("leader", "Leader"),
        ("caizheng", "Unit editor"),
        ("viewer", "Unit viewer"),
    ],
)
def test_the_header_names_each_role_in_english(client, request, persona, role):
    user = request.getfixturevalue(persona)

    assert role_in_header(client, user) == role


def test_every_unit_kind_and_region_level_has_an_english_label():
    with translation.override("en"):
        labels = [str(label) for _, label in Unit.Kind.choices + Region.Level.choices]

    assert "People's government" in labels
    assert not [label for label in labels if CJK.search(label)]
