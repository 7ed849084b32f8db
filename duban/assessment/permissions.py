"""Who may see and do what in the assessment: every rule written once, here.

- the reform office (coordinator) sets the scheme, rates breakthroughs, computes, locks and
  publishes, answers objections, and reads everything;
- leaders read every version and every breakdown; they change nothing;
- a unit's editors and viewers read their own unit's breakdown in every version (before
  publication too), and the ranking once it is published; the editors file objections on
  their own breakdown until publication; another unit's breakdown is a 404;
- IT staff (admin) have no business here.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from duban.assessment.models import Assessment, Objection, Score
from duban.directory.models import User
from duban.directory.roles import is_coordinator, is_editor, is_viewer, reads_everything
from duban.plans.models import Plan


def _unit_member(user: User) -> bool:
    return bool(user.unit_id) and (is_editor(user) or is_viewer(user))


def can_manage(user: User) -> bool:
    """Scheme, ratings, computing, locking, publishing and answers are the reform office's."""
    return is_coordinator(user)


def can_read_ranking(user: User, assessment: Assessment) -> bool:
    """Leaders and the office read every version; units read the published one."""
    published = assessment.status == Assessment.Status.PUBLISHED
    return reads_everything(user) or (published and _unit_member(user))


def can_read_score(user: User, score: Score) -> bool:
    return reads_everything(user) or (_unit_member(user) and user.unit_id == score.unit_id)


def readable_assessments(user: User, assessments: QuerySet[Assessment]) -> QuerySet[Assessment]:
    """Of `assessments`, the versions whose ranking `user` reads (as `can_read_ranking`)."""
    if reads_everything(user):
        return assessments
    if _unit_member(user):
        return assessments.filter(status=Assessment.Status.PUBLISHED)
    return assessments.none()


def readable_scores(user: User, scores: QuerySet) -> QuerySet:
    """Of `scores`, those `user` reads (as `can_read_score`): every unit's for the office and
    leaders, their own unit's for its staff."""
    return _own_unit_only(user, scores, "unit_id")


def readable_objections(user: User, objections: QuerySet[Objection]) -> QuerySet[Objection]:
    """Of `objections`, those on a breakdown `user` reads."""
    return _own_unit_only(user, objections, "score__unit_id")


def _own_unit_only(user: User, records: QuerySet, unit_field: str) -> QuerySet:
    if reads_everything(user):
        return records
    if _unit_member(user):
        return records.filter(**{unit_field: user.unit_id})
    return records.none()


def can_object(user: User, score: Score) -> bool:
    """The unit's editors object to their own breakdown until the result is published."""
    own = is_editor(user) and user.unit_id == score.unit_id
    return own and score.assessment.status != Assessment.Status.PUBLISHED


def can_answer(user: User, objection: Objection) -> bool:
    return can_manage(user) and objection.status == Objection.Status.OPEN


def access_plan(user: User, plan_id: int, *, manage: bool = False) -> Plan:
    """A published plan's assessment hub (every signed-in business user reads it); with
    `manage`, only the reform office. Admin accounts have no business here (403)."""
    plan = get_object_or_404(Plan.objects.exclude(status=Plan.Status.DRAFT), pk=plan_id)
    # IT staff run accounts, not the assessment.
    if not (reads_everything(user) or _unit_member(user)):
        raise PermissionDenied
    # Only the reform office changes the scheme, ratings or versions.
    if manage and not can_manage(user):
        raise PermissionDenied
    return plan


def access_assessment(user: User, assessment_id: int, *, manage: bool = False) -> Assessment:
    """A version's ranking, if `user` may read it (lock, publish with `manage`); else 403."""
    assessment = get_object_or_404(Assessment.objects.select_related("plan"), pk=assessment_id)
    # Units read the ranking only once it is published; the office and leaders always.
    if not can_read_ranking(user, assessment):
        raise PermissionDenied
    # Locking and publishing are the office's.
    if manage and not can_manage(user):
        raise PermissionDenied
    return assessment


def access_score(user: User, score_id: int, *, object: bool = False) -> Score:
    """One unit's breakdown: its own unit, the office and leaders read it; another unit's is a
    404. With `object`, only the unit's editors before publication (else 403)."""
    score = get_object_or_404(Score.objects.select_related("assessment__plan", "unit"), pk=score_id)
    # Another unit's breakdown does not exist for a unit's staff.
    if not can_read_score(user, score):
        raise Http404
    # Only the unit's editors object, and only until publication.
    if object and not can_object(user, score):
        raise PermissionDenied
    return score


def access_objection(user: User, objection_id: int, *, answer: bool = False) -> Objection:
    """An objection: the filing unit, the office and leaders read it; the office answers."""
    objection = get_object_or_404(
        Objection.objects.select_related("score__assessment__plan", "score__unit"),
        pk=objection_id,
    )
    # It follows its breakdown: another unit's is a 404.
    if not can_read_score(user, objection.score):
        raise Http404
    # Answering is the office's.
    if answer and not can_manage(user):
        raise PermissionDenied
    return objection
