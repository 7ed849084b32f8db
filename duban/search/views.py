from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from duban.search import words
from duban.search.permissions import access_search
from duban.search.selectors import search


@require_GET
@login_required
def results(request: HttpRequest) -> HttpResponse:
    access_search(request.user)
    query = request.GET.get("q", "").strip()[: words.MAX_TERMS * (words.MAX_TERM_LENGTH + 1)]
    too_short = bool(query) and len("".join(words.terms(query))) < words.MIN_QUERY_LENGTH
    context = {
        "query": query,
        "too_short": too_short,
        "groups": search(request.user, query) if query else [],
    }
    return render(request, "search/results.html", context)
