from django.dispatch import receiver
from simple_history.signals import pre_create_historical_record

from duban.audit.context import current
from duban.lib import clock


@receiver(pre_create_historical_record)
def fill_cause_and_address(sender, history_instance, **kwargs):
    context = current()
    history_instance.history_cause = context.cause
    history_instance.history_cause_detail = context.detail
    history_instance.history_ip = context.ip
    # The record's own clock: in a deployment run as of a fixed day, its history is of that day.
    if not getattr(kwargs.get("instance"), "_history_date", None):
        history_instance.history_date = clock.now()
