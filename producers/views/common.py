"""Helpers shared by the producer area's views."""

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
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


def add_service_error(form: forms.BaseForm, error: ValidationError) -> None:
    """Show a service's ValidationError on the form: next to the field when the form has it,
    at the top otherwise (a model field the form does not show must not crash the page)."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, errors in error.message_dict.items():
        target = field if field in form.fields else None
        form.add_error(target, errors)
