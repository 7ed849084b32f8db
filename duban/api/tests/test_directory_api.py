def test_the_api_needs_a_signed_in_user(client, db):
    assert client.get("/api/v1/units").status_code == 401


def test_units_are_listed_with_their_aliases(client, caizheng):
    client.force_login(caizheng)
    units = client.get("/api/v1/units?kind=government").json()["results"]
    assert len(units) == 15
    finance = client.get("/api/v1/resolve", {"name": "省财政厅"}).json()
    assert finance["unit_id"] is not None and finance["collective"] is False


def test_an_uncertain_name_gets_suggestions_not_a_guess(client, coordinator):
    client.force_login(coordinator)
    found = client.get("/api/v1/resolve", {"name": "省发展委"}).json()
    assert found["unit_id"] is None
    assert found["suggestions"][0]["full_name"] == "甘肃省发展和改革委员会"


def test_the_coordinator_remembers_an_alias_an_editor_cannot(client, coordinator, caizheng):
    client.force_login(caizheng)
    finance = client.get("/api/v1/resolve", {"name": "省财政厅"}).json()["unit_id"]
    url = f"/api/v1/units/{finance}/aliases"
    denied = client.post(url, {"name": "财政厅（省级）"}, content_type="application/json")
    assert denied.status_code == 403 and denied.json()["code"] == "forbidden"
    client.force_login(coordinator)
    added = client.post(url, {"name": "财政厅（省级）"}, content_type="application/json")
    assert added.status_code == 201
    assert "财政厅（省级）" in added.json()["aliases"]


def test_an_alias_of_another_unit_is_refused_with_the_reason(client, coordinator):
    client.force_login(coordinator)
    finance = client.get("/api/v1/resolve", {"name": "省财政厅"}).json()["unit_id"]
    refused = client.post(
        f"/api/v1/units/{finance}/aliases",
        {"name": "省发改委"},
        content_type="application/json",
    )
    assert refused.status_code == 422
    assert "省发改委" in refused.json()["message"]
