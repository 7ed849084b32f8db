from django.dispatch import receiver
from simple_history.signals import pre_create_historical_record

from duban.audit.context import current


@receiver(pre_create_historical_record)
def fill_cause_and_address(sender, history_instance, **kwargs):
    context = current()
    history_instance.history_cause = context.cause
    history_instance.history_cause_detail = context.detail
    history_instance.history_ip = context.ip
