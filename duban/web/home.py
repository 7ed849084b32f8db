"""What each role's home page shows; other apps add their panels here as they are built."""

from duban.directory.models import Unit, User
from duban.directory.selectors import unit_counts_by_kind
from duban.plans.selectors import home_panels


def home_context(user: User) -> dict:
    context = {"role": user.role}
    if user.role in (User.Role.ADMIN, User.Role.COORDINATOR, User.Role.LEADER):
        counts = {row["kind"]: row["n"] for row in unit_counts_by_kind()}
        context["unit_counts"] = [
            {"label": label, "n": counts[kind]}
            for kind, label in Unit.Kind.choices
            if kind in counts
        ]
        context["unit_total"] = sum(row["n"] for row in context["unit_counts"])
    if user.role == User.Role.ADMIN:
        context["user_counts"] = _user_counts()
    context.update(home_panels(user))
    if user.unit_id:
        context["colleagues"] = user.unit.users.filter(is_active=True).order_by("username")
    return context


def _user_counts() -> list[dict]:
    roles = dict(User.Role.choices)
    counts = {}
    for role in User.objects.filter(is_active=True).values_list("role", flat=True):
        counts[role] = counts.get(role, 0) + 1
    return [{"label": roles[r], "n": counts.get(r, 0)} for r in roles]
