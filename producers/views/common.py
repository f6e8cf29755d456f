"""Helpers shared by the producer area's views."""

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from producers.accounts import email_is_verified
from producers.models import Producer
from producers.selectors import can_manage_team, producer_for_user


def current_producer(request: HttpRequest, slug: str) -> Producer:
    """The producer of this URL, if the user may manage it (else 404)."""
    return producer_for_user(user=request.user, slug=slug)


def render_dashboard(
    request: HttpRequest, template: str, producer: Producer, context: dict[str, Any] | None = None,
    *, status: int = 200, section: str = "",
) -> HttpResponse:
    base = {
        "producer": producer,
        "section": section,
        "can_manage_team": can_manage_team(user=request.user, producer=producer),
        "email_verified": email_is_verified(user=request.user),
    }
    return render(request, template, {**base, **(context or {})}, status=status)
