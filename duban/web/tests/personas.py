"""Helpers for the tests that walk every demo account through a page (see the root conftest)."""

# The demo accounts by username; `admin` is the `admin_user` fixture.
PERSONAS = ["coordinator", "leader", "fagai", "caizheng", "lanzhou", "viewer", "admin"]

# How the server refuses an action: 404 when the record is not the user's to know of, else 403.
REFUSED = (403, 404)


def get_as(client, user, url: str) -> tuple[int, str]:
    """The status and HTML of `url` as `user` sees it (the client stays signed in as `user`)."""
    client.force_login(user)
    response = client.get(url)
    return response.status_code, response.content.decode()
