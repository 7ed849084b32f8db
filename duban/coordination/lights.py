"""A decision's light (红黄绿灯), judged like a milestone under the supervision rule set in force.

A meeting decision is a dated promise, so only the rule set's milestone rules apply (the same
thresholds: yellow once passed unmet, red after 15 days by default); reports and task deadlines
are the task's business, not the decision's. Pure: facts and a date in, a `Light` out.
"""

from datetime import date

from duban.supervision.lights import Light, MilestoneFact, RuleSet, TaskFacts, compute_light

MILESTONE_RULES = ("milestone_overdue",)


def decision_rules(rules: RuleSet) -> RuleSet:
    """`rules` with only the kinds that judge a dated promise."""
    for kind in {rule["rule"] for rule in rules.rules} - set(MILESTONE_RULES):
        rules = rules.without(kind)
    return rules


def decision_light(
    *,
    title: str,
    decided_on: date,
    due: date | None,
    met_on: date | None,
    accepted_on: date | None,
    as_of: date,
    rules: RuleSet,
) -> Light:
    """The light of a decision taken on `decided_on`, owed by `due`, met and accepted or not."""
    milestones = (MilestoneFact(title=title, due=due, met_on=met_on),) if due else ()
    facts = TaskFacts(start=decided_on, milestones=milestones, accepted_done=accepted_on)
    light = compute_light(facts, as_of, decision_rules(rules))
    # The rules speak of milestones; a decision is what the meeting agreed (议定事项).
    reasons = tuple(reason.replace("里程碑", "议定事项") for reason in light.reasons)
    return Light(light.colour, reasons)
