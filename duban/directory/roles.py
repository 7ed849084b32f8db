"""Role predicates (django-rules), the vocabulary every `access_*` function is written in."""

import rules

from duban.directory.models import User

Role = User.Role


@rules.predicate
def is_admin(user) -> bool:
    return getattr(user, "role", None) == Role.ADMIN


@rules.predicate
def is_security_admin(user) -> bool:
    return getattr(user, "role", None) == Role.SECURITY


@rules.predicate
def is_auditor(user) -> bool:
    return getattr(user, "role", None) == Role.AUDITOR


@rules.predicate
def is_coordinator(user) -> bool:
    return getattr(user, "role", None) == Role.COORDINATOR


@rules.predicate
def is_leader(user) -> bool:
    return getattr(user, "role", None) == Role.LEADER


@rules.predicate
def is_editor(user) -> bool:
    return getattr(user, "role", None) == Role.EDITOR


@rules.predicate
def is_viewer(user) -> bool:
    return getattr(user, "role", None) == Role.VIEWER


# Reads the whole plan: the reform office and the leadership.
reads_everything = is_coordinator | is_leader

# The three administrators (三员) do no business work.
is_administrator = is_admin | is_security_admin | is_auditor
