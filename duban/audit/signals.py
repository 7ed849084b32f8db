from django.dispatch import receiver
from simple_history.signals import post_create_historical_record, pre_create_historical_record

from duban.audit import chain
from duban.audit.context import current
from duban.lib import clock


@receiver(pre_create_historical_record)
def fill_cause_and_address(sender, history_instance, **kwargs):
    context = current()
    history_instance.history_cause = context.cause
    history_instance.history_cause_detail = context.detail
    history_instance.history_ip = context.ip
    # A history dated by its context (the demo writing its past), else the record's own clock:
    # in a deployment run as of a fixed day, its history is of that day.
    if context.at is not None:
        history_instance.history_date = context.at
    elif not getattr(kwargs.get("instance"), "_history_date", None):
        history_instance.history_date = clock.now()


@receiver(post_create_historical_record)
def seal_history_row(sender, history_instance, **kwargs):
    """Chain the row just written, in its transaction: no history row without its entry."""
    chain.append(**chain.history_fields(history_instance))
