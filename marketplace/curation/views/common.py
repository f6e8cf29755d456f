"""Helpers of the staff area's views."""

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from marketplace.curation import selectors


def render_staff(request: HttpRequest, template: str, context: dict[str, Any] | None = None,
                 *, section: str = "", status: int = 200) -> HttpResponse:
    base = {"section": section, "queue_count": selectors.review_queue().count(),
            "claim_count": selectors.pending_claims().count()}
    return render(request, template, {**base, **(context or {})}, status=status)


def add_service_error(form: forms.BaseForm, error: ValidationError) -> None:
    """A service's error next to its field when the form has it, at the top otherwise."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, errors in error.message_dict.items():
        form.add_error(field if field in form.fields else None, errors)
