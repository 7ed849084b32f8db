"""Every write to a plan, split by subdomain; import from here (`from duban.plans import services`).

- importing: a parsed document becomes a draft plan; department names are mapped to units.
- editing: titles, texts, deadlines, assignments; split, merge and reorder in a draft.
- publishing: the checks before a plan goes out, and the freeze that follows.
- cities: the cities' instances of tasks that apply to every city.
- carryover: next year's draft plan holding this year's unfinished and multi-year tasks.
- tasktable: export of the task decomposition table and the re-import of an edited copy.
"""

from duban.plans.services.carryover import plan_carry_over
from duban.plans.services.cities import city_instances_sync, task_set_applies_to_cities
from duban.plans.services.editing import (
    assignment_add,
    assignment_remove,
    assignment_set_role,
    task_merge_with_next,
    task_move,
    task_split,
    task_update,
)
from duban.plans.services.importing import (
    YearMissing,
    name_map_to_new_unit,
    name_map_to_set,
    name_map_to_unit,
    plan_import,
    plan_import_file,
)
from duban.plans.services.publishing import PublishRefused, plan_publish, plan_update
from duban.plans.services.tasktable import (
    TableChanges,
    task_table_apply,
    task_table_export,
    task_table_preview,
)

__all__ = [
    "PublishRefused",
    "YearMissing",
    "TableChanges",
    "assignment_add",
    "assignment_remove",
    "assignment_set_role",
    "city_instances_sync",
    "name_map_to_new_unit",
    "name_map_to_set",
    "name_map_to_unit",
    "plan_import",
    "plan_carry_over",
    "plan_import_file",
    "plan_publish",
    "plan_update",
    "task_merge_with_next",
    "task_move",
    "task_set_applies_to_cities",
    "task_split",
    "task_table_apply",
    "task_table_export",
    "task_table_preview",
    "task_update",
]
