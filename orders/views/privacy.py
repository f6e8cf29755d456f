"""A person's data (RGPD): download it, erase it — from one's account (/compte/donnees/) or, for
a guest, from the order's secret page."""

import json
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from orders.selectors import checkout_for_token
from orders.services import privacy


def _json(data: dict[str, Any], filename: str) -> HttpResponse:
    response = HttpResponse(json.dumps(data, ensure_ascii=False, indent=2),
                            content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


class EraseAccountForm(forms.Form):
    password = forms.CharField(
        label=gettext_lazy("Votre mot de passe, pour confirmer"), strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}))

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self) -> str:
        password = str(self.cleaned_data["password"])
        if not self.user.check_password(password):
            raise ValidationError(_("Ce n'est pas votre mot de passe."))
        return password


@never_cache
@login_required(login_url=reverse_lazy("orders:login"))
def my_data(request: HttpRequest) -> HttpResponse:
    form = EraseAccountForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            privacy.account_erase(user=request.user)
        except ValidationError as error:
            form.add_error(None, error.messages)
        else:
            logout(request)
            messages.success(request, _("Votre compte et vos données personnelles sont "
                                        "effacés."))
            return redirect("marketplace:home")
    return render(request, "orders/my_data.html", {"form": form},
                  status=400 if form.errors else 200)


@never_cache
@require_GET
@login_required(login_url=reverse_lazy("orders:login"))
def my_data_export(request: HttpRequest) -> HttpResponse:
    return _json(privacy.account_personal_data(request.user), "mes-donnees-ohmylot.json")


@never_cache
@require_GET
def checkout_data_export(request: HttpRequest, token: str) -> HttpResponse:
    checkout = checkout_for_token(token)
    return _json(privacy.checkout_personal_data(checkout), f"commande-{checkout.reference}.json")


@never_cache
def checkout_forget(request: HttpRequest, token: str) -> HttpResponse:
    checkout = checkout_for_token(token)
    error = ""
    if request.method == "POST":
        try:
            privacy.checkout_forget(checkout=checkout)
        except ValidationError as refusal:
            error = " ".join(refusal.messages)
        else:
            messages.success(request, _("Vos coordonnées sont effacées de la commande %(ref)s : "
                                        "ce lien ne l'affiche plus.")
                             % {"ref": checkout.reference})
            return redirect("marketplace:home")
    return render(request, "orders/checkout_forget.html", {"checkout": checkout, "error": error},
                  status=400 if error else 200)
