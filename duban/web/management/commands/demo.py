import json
import time

from django.core.management.base import BaseCommand

from duban.web.demo import demo_accounts_table, demo_load


class Command(BaseCommand):
    help = "演示数据：duban demo load（甘肃省名录、演示账号；可重复运行）；duban demo generate（大规模合成数据）"

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser("load", help="load the demo data (idempotent)")
        sub.add_parser("accounts", help="print the demo accounts")
        generate = sub.add_parser(
            "generate",
            help="synthetic data at scale into an empty database (see duban/web/generate.py)",
        )
        generate.add_argument("--scale", choices=["tiny", "province", "national"], required=True)
        generate.add_argument("--seed", type=int, default=1)
        generate.add_argument(
            "--summary", action="store_true", help="print rows and checksums per table as JSON"
        )

    def handle(self, *args, action, **options):
        if action == "generate":
            from duban.web.generate import generate, summary

            started = time.perf_counter()
            written = generate(scale=options["scale"], seed=options["seed"])
            seconds = time.perf_counter() - started
            for table, rows in written.items():
                self.stdout.write(f"{table}: {rows:,} rows")
            self.stdout.write(f"generated in {seconds:.1f} s")
            if options["summary"]:
                self.stdout.write(json.dumps(summary(), indent=1))
            return
        if action == "load":
            for line in demo_load():
                self.stdout.write(line)
        self.stdout.write("Demo accounts:\n" + demo_accounts_table())
