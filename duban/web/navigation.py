"""The main navigation as data: one ordered list, filtered by role for each request.

An app that brings a page worth a menu entry adds one `NavItem` to `NAVIGATION` below, at the
position it should appear. The context processor (`duban.web.context_processors.navigation`)
shows each user only the entries of their role and marks the one they are on.
"""

from dataclasses import dataclass

from django.urls import ResolverMatch
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

# The values of `directory.User.Role`, spelled out so this module imports no model.
ADMIN = "admin"
COORDINATOR = "coordinator"
LEADER = "leader"
EDITOR = "editor"
VIEWER = "viewer"
SECURITY = "security"
AUDITOR = "auditor"
# The business roles and the system administrator; the security and audit administrators see
# only their own pages.
ALL_ROLES = frozenset({ADMIN, COORDINATOR, LEADER, EDITOR, VIEWER})


@dataclass(frozen=True)
class NavItem:
    key: str
    label: str | Promise
    url_name: str
    roles: frozenset[str]

    @property
    def namespace(self) -> str:
        return self.url_name.rpartition(":")[0]


NAVIGATION: list[NavItem] = [
    NavItem("home", _("首页"), "web:home", ALL_ROLES),
    # The year's plans: tree, per-unit view, cited documents; drafts for the coordinator only.
    NavItem("plans", _("年度计划"), "plans:plan-list", ALL_ROLES),
    NavItem("plan-import", _("导入文件"), "plans:plan-import", frozenset({COORDINATOR})),
    # What the unit owes and when: plans to file, reports due, milestones coming due.
    NavItem("workspace", _("本单位工作台"), "execution:workspace", frozenset({EDITOR, VIEWER})),
    # Monthly progress reports: what the unit owes, the .xlsx ledger; the plan's progress roll-up.
    NavItem(
        "reports",
        _("进展报告"),
        "execution:report-list",
        frozenset({EDITOR, VIEWER, COORDINATOR, LEADER}),
    ),
    # The reform office's review queue; leaders read it to see what is late.
    NavItem("queue", _("审核督办"), "execution:queue", frozenset({COORDINATOR, LEADER})),
    # Lights by area, unit and city, the overdue queue and 催办 notices; leaders read it.
    NavItem(
        "supervision", _("督查督办"), "supervision:dashboard", frozenset({COORDINATOR, LEADER})
    ),
    # Coordination issues and joint meetings (联席会议); every role with a unit or an overview.
    NavItem("coordination", _("协调会议"), "coordination:index", ALL_ROLES - {ADMIN}),
    # The 催办 notices sent to the unit, to acknowledge.
    NavItem("urges", _("督办通知"), "supervision:inbox", frozenset({EDITOR, VIEWER})),
    # The year's assessment (考核): scheme, versions, each unit's own breakdown and objections.
    NavItem("assessment", _("年度考核"), "assessment:index", ALL_ROLES - {ADMIN}),
    # Django's admin: users, units, settings. IT staff only; business writes go through the app.
    NavItem("admin", _("系统管理"), "admin:index", frozenset({ADMIN})),
    # Roles and sign-in locks: the security administrator's (三员分立).
    NavItem("security", _("账号与权限"), "directory:accounts", frozenset({SECURITY})),
    # The audit trail, to search and export: the audit administrator's alone.
    NavItem("audit", _("审计记录"), "audit:search", frozenset({AUDITOR})),
]


def items_for_role(role: str | None, items: list[NavItem] | None = None) -> list[NavItem]:
    return [item for item in (NAVIGATION if items is None else items) if role in item.roles]


def active_key(items: list[NavItem], match: ResolverMatch | None) -> str | None:
    """The entry the current page belongs to: its own URL name first, else its app's namespace.

    So `plans:task-detail` lights up the entry for `plans:plan-list`, while `web:home` does not
    light up for another page of the `web` app that has an entry of its own.
    """
    if match is None:
        return None
    for item in items:
        if item.url_name == match.view_name:
            return item.key
    for item in items:
        if item.namespace and item.namespace == match.namespace:
            return item.key
    return None
