"""Writes of the reports app: the reform office's choice of what a plan's public page shows."""

from django.db import transaction
from django.utils.translation import gettext as _

from duban.audit import services as audit
from duban.directory.models import User
from duban.plans.models import Plan
from duban.reports.models import PublicPage


@transaction.atomic
def public_page_update(
    *, plan: Plan, published: bool, fields: list[str], by: User, seen_version: int | None
) -> PublicPage:
    """Turn `plan`'s public page on or off and choose its contents; refused on a stale version.

    The cached page is keyed by the record's version, so the next visitor sees the change.
    """
    unknown = set(fields) - set(PublicPage.Field.values)
    if unknown:
        raise audit.DomainError(_("公开内容（fields）无效：%s") % "、".join(sorted(unknown)))
    if published and plan.status == Plan.Status.DRAFT:
        raise audit.DomainError(_("草稿计划不能对外公开。"))
    page, created = PublicPage.objects.get_or_create(plan=plan)
    page.published = published
    page.fields = [f for f in PublicPage.Field.values if f in fields]  # the page's own order
    return audit.save(page, by=by, seen_version=None if created else seen_version)
