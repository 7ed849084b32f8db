"""A section shows its first rows and says how many there are in all."""

from duban.directory.models import Unit
from duban.lib.shown import Shown


def test_a_list_is_cut_and_counted():
    shown = Shown.of(range(120), limit=50)
    assert (shown.rows, shown.total, shown.more) == (list(range(50)), 120, 70)
    assert list(shown) == list(range(50))
    assert not Shown.of([]) and Shown.of([1])


def test_a_queryset_is_cut_in_sql_and_counted(demo_accounts, django_assert_num_queries):
    units = Unit.objects.order_by("pk")
    with django_assert_num_queries(2):
        shown = Shown.of(units, limit=5)
    assert [u.pk for u in shown] == list(units.values_list("pk", flat=True)[:5])
    assert shown.total == units.count() > 5
