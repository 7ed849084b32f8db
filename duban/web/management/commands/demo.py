from django.core.management.base import BaseCommand

from duban.web.demo import demo_accounts_table, demo_load


class Command(BaseCommand):
    help = "演示数据：duban demo load（甘肃省名录、演示账号；可重复运行）"

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser("load", help="load the demo data (idempotent)")
        sub.add_parser("accounts", help="print the demo accounts")

    def handle(self, *args, action, **options):
        if action == "load":
            for line in demo_load():
                self.stdout.write(line)
        self.stdout.write("Demo accounts:\n" + demo_accounts_table())
