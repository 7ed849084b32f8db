"""The caller's own personal API tokens: listed, and revoked (made on the 接口令牌 page)."""

from datetime import datetime

from ninja import Router, Schema

from duban.api.permissions import access_api_token
from duban.api.selectors import tokens_of
from duban.api.services import api_token_revoke
from duban.api.v1.common import Id, answers

router = Router(tags=["tokens"])


class TokenOut(Schema):
    id: int
    name: str
    scope: str
    prefix: str
    created_at: datetime
    last_used_at: datetime | None
    revoked_at: datetime | None


@router.get("/tokens", response=answers(list[TokenOut]), operation_id="token_list")
def token_list(request):
    return tokens_of(request.user)


@router.post("/tokens/{token_id}/revoke", response=answers(TokenOut), operation_id="token_revoke")
def token_revoke(request, token_id: Id):
    return api_token_revoke(token=access_api_token(request.user, token_id), by=request.user)
