"""Which home page each demo account gets, and who sees the province-wide glance."""

import pytest

from duban.directory.roles import reads_everything
from duban.web.home import home_template
from duban.web.tests.personas import PERSONAS

TEMPLATES = {
    "coordinator": "web/home_coordinator.html",
    "leader": "web/home_leader.html",
    "fagai": "web/home_unit.html",
    "caizheng": "web/home_unit.html",
    "lanzhou": "web/home_unit.html",
    "viewer": "web/home_unit.html",
    "admin": "web/home_admin.html",
}


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_home_page_and_its_glance_follow_the_role(client, demo_accounts, persona):
    user = demo_accounts[persona]
    client.force_login(user)

    response = client.get("/")

    assert response.status_code == 200
    assert home_template(user) == TEMPLATES[persona]
    assert response.templates[0].name == TEMPLATES[persona]
    assert ("glance" in response.context) is reads_everything(user)
    assert reads_everything(user) is (persona in ("coordinator", "leader"))
