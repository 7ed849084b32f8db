from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from duban.audit import chain
from duban.audit.models import AuditEntry, ChainHead


class Command(BaseCommand):
    help = "审计链：duban audit verify | prune | adopt"

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser("verify", help="check every audit entry and history row against the chain")
        prune = sub.add_parser("prune", help="remove entries older than the retention period")
        prune.add_argument("--days", type=int, default=None)
        sub.add_parser("adopt", help="chain history rows that have no entry (after an upgrade)")

    def handle(self, *args, action, **options):
        getattr(self, f"_{action}")(**options)

    def _verify(self, **options):
        checked, broken = chain.verify()
        if broken:
            where = f"entry #{broken.entry_id}" if broken.entry_id else "outside the chain"
            raise CommandError(f"audit chain broken at {where}: {broken.reason} ({checked} ok)")
        head = ChainHead.objects.filter(pk=chain.HEAD_ID).first()
        self.stdout.write(f"audit chain ok: {checked} entries, head {head.hash if head else '-'}")

    def _prune(self, days=None, **options):
        keep = days if days is not None else settings.DUBAN_AUDIT_RETENTION_DAYS
        if keep < 180:
            raise CommandError("the audit trail is kept at least 180 days")
        removed = chain.prune(keep_days=keep)
        self.stdout.write(f"{removed} entries older than {keep} days removed")

    def _adopt(self, **options):
        total = sum(chain.adopt(model) for model in chain.historical_models())
        self.stdout.write(f"{total} history rows chained; {AuditEntry.objects.count()} entries")
