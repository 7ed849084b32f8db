"""`duban token create USER --scope read|write [--name TEXT]`, `duban token revoke ID`,
`duban token list [USER]`: personal API tokens, for operators setting up a script."""

from django.core.management.base import BaseCommand, CommandError

from duban.api.models import ApiToken
from duban.api.services import api_token_create, api_token_revoke
from duban.audit import services as audit
from duban.directory.models import User


def _user(username: str) -> User:
    user = User.objects.filter(username=username).first()
    if user is None:
        raise CommandError(f"没有用户 {username!r}", returncode=2)
    return user


class Command(BaseCommand):
    help = "接口令牌：duban token create USER --scope read|write；duban token revoke ID；duban token list"

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        create = sub.add_parser("create", help="make a token for USER; its secret is shown once")
        create.add_argument("user", help="the username the token acts as")
        create.add_argument("--scope", choices=ApiToken.Scope.values, required=True)
        create.add_argument("--name", default="命令行创建", help="what the token is for")
        revoke = sub.add_parser("revoke", help="revoke a token by its id (see `list`)")
        revoke.add_argument("token_id", type=int)
        listing = sub.add_parser("list", help="list tokens (of USER, or everyone's)")
        listing.add_argument("user", nargs="?")

    def handle(self, *args, action, **options):
        {"create": self.create, "revoke": self.revoke, "list": self.list}[action](**options)

    def create(self, *, user, scope, name, **_):
        try:
            token, secret = api_token_create(user=_user(user), name=name, scope=scope, by=None)
        except audit.DomainError as error:
            raise CommandError(str(error), returncode=2) from None
        self.stdout.write(f"token {token.pk} for {user} ({scope}): {secret}")
        self.stderr.write("the secret is shown once; only its digest is kept")

    def revoke(self, *, token_id, **_):
        token = ApiToken.objects.filter(pk=token_id).first()
        if token is None:
            raise CommandError(f"没有编号为 {token_id} 的令牌", returncode=2)
        api_token_revoke(token=token, by=None)
        self.stdout.write(f"token {token.pk} ({token.prefix}…) revoked")

    def list(self, *, user=None, **_):
        tokens = ApiToken.objects.select_related("user").order_by("pk")
        if user:
            tokens = tokens.filter(user=_user(user))
        for token in tokens:
            state = f"revoked {token.revoked_at:%Y-%m-%d}" if token.revoked_at else "live"
            used = f"{token.last_used_at:%Y-%m-%d %H:%M}" if token.last_used_at else "never"
            self.stdout.write(
                f"{token.pk} {token.prefix}… {token.user.username} {token.scope} {state} "
                f"last used {used}: {token.name}"
            )
