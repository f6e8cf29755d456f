"""Every route that sends an e-mail or checks a password is rate-limited: this test lists them,
shows each one refusing once over its limit (and sending nothing more), and fails when a route
that looks like one of them (it sends mail or checks a password) is missing from the list."""

import inspect
import re
from collections.abc import Callable
from typing import Any

import pytest
from django.core import mail
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from rest_framework.test import APIClient

from tests.factories import MembershipFactory, ProducerFactory, UserFactory

pytestmark = pytest.mark.django_db
PASSWORD = "motdepasse-solide-46"
CONTACT = {"name": "Lucie Martin", "email": "lucie@exemple.test", "phone": "",
           "message": "Bonjour, gardez-vous des cabécous pour samedi ?", "website": ""}

# Anything a view or its base classes do that sends an e-mail or checks a password.
SENDS_OR_CHECKS = re.compile(
    r"send_mail|EmailMessage|_mail\(|_send\(|email_verification_send|invitation_create|"
    r"account_exists_notify|PasswordResetView|PasswordChangeView|LoginView|authenticate\(|"
    r"check_password|ObtainAuthToken|contact_send|order_place|notify"
)


def _route(request: pytest.FixtureRequest, name: str) -> tuple[Client, str, dict[str, Any]]:
    """A client, the address and a POST that triggers the route's e-mail or password check."""
    user = UserFactory.create(username="jeanne@borie.test")
    farm = ProducerFactory.create(slug="la-borie")
    MembershipFactory.create(producer=farm, user=user)
    from producers.models import VerifiedEmail
    VerifiedEmail.objects.create(user=user, email=user.email, verified_at="2026-12-01T10:00Z")
    client = Client()
    anonymous: dict[str, tuple[str, dict[str, Any]]] = {
        "producers:login": (reverse("producers:login"),
                            {"username": "{n}@borie.test", "password": "x"}),
        "producers:signup": (reverse("producers:signup"), {
            "email": "jeanne@borie.test", "password1": "chèvres-du-causse-46",
            "password2": "chèvres-du-causse-46", "nom": "Ferme", "legal_name": "EARL",
            "siret": "44306184100047", "commune": "46042", "phone": "0565123456"}),
        "producers:password_reset": (reverse("producers:password_reset"),
                                     {"email": "jeanne@borie.test"}),
        "admin-login": ("/admin/login/", {"username": "{n}@cci.test", "password": "x"}),
        "orders:login": (reverse("orders:login"), {"username": "{n}@x.test", "password": "x"}),
        "orders:signup": (reverse("orders:signup"), {
            "email": "jeanne@borie.test", "password1": "chèvres-du-causse-46",
            "password2": "chèvres-du-causse-46", "first_name": "Jeanne",
            "last_name": "Delpech"}),
        "orders:checkout": (reverse("orders:checkout"), {"email": "cible@exemple.test"}),
        "orders:order_change": (reverse("orders:order_change", args=["faux", 1]), {}),
        "orders:order_cancel": (reverse("orders:order_cancel", args=["faux", 1]), {}),
        "orders:pay": (reverse("orders:pay", args=["faux"]), {}),
        # Messages to a farm (its owner receives them) and to the CCI's team.
        "marketplace:producer_contact": (reverse("marketplace:producer_contact",
                                                 args=["la-borie"]), CONTACT),
        "marketplace:contact": (reverse("marketplace:contact"), CONTACT),
    }
    if name in anonymous:
        return client, *anonymous[name]
    if name == "curation:producer_invite":
        from django.contrib.auth.models import Group

        from marketplace.curation.permissions import CCI_GROUP

        staff = UserFactory.create(username="camille@cci.test", is_staff=True)
        staff.groups.add(Group.objects.get(name=CCI_GROUP))
        client.force_login(staff)
        return client, reverse("curation:producer_invite", args=["la-borie"]), {}
    client.force_login(user)
    signed_in: dict[str, tuple[str, dict[str, Any]]] = {
        "producers:resend_verification": (reverse("producers:resend_verification"), {}),
        "producers:password_change": (reverse("producers:password_change"), {
            "old_password": "pas-le-bon", "new_password1": "x", "new_password2": "x"}),
        "producers:team": (reverse("producers:team", args=["la-borie"]),
                           {"email": "ami@exemple.test"}),
    }
    signed_in["orders:my_data"] = (reverse("orders:my_data"), {"password": "pas-le-bon"})
    if name == "producers:resend_verification":
        VerifiedEmail.objects.all().delete()
    return client, *signed_in[name]


# Route name → how many requests pass before the limit (per network, account or address).
LIMITED = {
    "producers:login": 60,
    "producers:signup": 3,
    "producers:password_reset": 3,
    "producers:resend_verification": 3,
    "producers:password_change": 10,
    "producers:team": 3,
    "admin-login": 30,
    "orders:login": 60,
    "orders:signup": 3,
    "orders:checkout": 10,
    "orders:order_change": 30,
    "orders:order_cancel": 30,
    "orders:pay": 30,
    "curation:producer_invite": 30,
    "orders:my_data": 10,
    "marketplace:producer_contact": 5,
    "marketplace:contact": 5,
}
# Routes of DRF: their throttle scope and its rate per hour.
THROTTLED_API = {"api-token": ("token", 20)}
# Limited for another reason (an account is created there), not e-mail or password.
ALSO_LIMITED = {"producers:invitation_accept"}


def _callbacks() -> dict[str, Callable[..., Any]]:
    found: dict[str, Callable[..., Any]] = {}

    def walk(patterns: list[Any], namespaces: tuple[str, ...]) -> None:
        for entry in patterns:
            if isinstance(entry, URLResolver):
                ns = (*namespaces, entry.namespace) if entry.namespace else namespaces
                if entry.namespace != "admin":
                    walk(entry.url_patterns, ns)
            elif isinstance(entry, URLPattern) and entry.name:
                found[":".join((*namespaces, entry.name))] = entry.callback

    walk(get_resolver().url_patterns, ())
    return found


def _class_source(klass: type) -> str:
    """A class's code; for a class built at run time (DRF's @api_view), its methods' code."""
    try:
        return inspect.getsource(klass)
    except OSError:
        return "\n".join(inspect.getsource(inspect.unwrap(member))
                         for member in vars(klass).values() if inspect.isfunction(member))


def _source(callback: Callable[..., Any]) -> str:
    target = getattr(callback, "view_class", None) or getattr(callback, "cls", None)
    parts = [inspect.getsource(inspect.unwrap(callback))] if target is None else [
        _class_source(klass) for klass in inspect.getmro(target)
        if klass.__module__.startswith(("producers", "orders", "marketplace", "config",
                                        "django.contrib.auth", "rest_framework.authtoken"))]
    return "\n".join(parts)


def test_every_route_that_sends_mail_or_checks_a_password_is_listed_and_limited():
    callbacks = _callbacks()
    suspects = {name for name, callback in callbacks.items()
                if SENDS_OR_CHECKS.search(_source(callback))}
    limited = {name for name, callback in callbacks.items()
               if getattr(callback, "rate_limits", None)}
    throttled = {name for name, callback in callbacks.items()
                 if getattr(getattr(callback, "cls", None), "throttle_scope", None)}

    assert suspects - set(LIMITED) - set(THROTTLED_API) - ALSO_LIMITED == set()
    assert limited == set(LIMITED) | ALSO_LIMITED
    assert throttled == set(THROTTLED_API)


@pytest.mark.parametrize("name", sorted(LIMITED))
def test_each_route_refuses_once_over_its_limit_and_sends_nothing_more(
    request, lot_communes, name, django_capture_on_commit_callbacks
):
    client, url, data = _route(request, name)
    allowed = LIMITED[name]

    def post(n: int) -> Any:
        # Logins try a new address each time: the lockout of one address (django-axes) is
        # tested elsewhere, this is the limit per network.
        return client.post(url, {k: v.replace("{n}", str(n)) if isinstance(v, str) else v
                                 for k, v in data.items()})

    with django_capture_on_commit_callbacks(execute=True):
        answers = [post(n) for n in range(allowed)]
    sent = len(mail.outbox)
    with django_capture_on_commit_callbacks(execute=True):
        over = post(allowed)

    assert all(a.status_code != 429 for a in answers), name
    assert over.status_code == 429, name
    assert "Trop de demandes" in over.content.decode()
    assert len(mail.outbox) == sent


def test_the_token_endpoint_is_throttled(lot_communes, settings):
    UserFactory.create(username="jeanne@borie.test")
    api = APIClient()
    scope, rate = THROTTLED_API["api-token"]
    assert settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"][scope] == f"{rate}/hour"

    answers = [api.post("/api/v1/auth/token/", {"username": f"n{i}@x.test", "password": "x"},
                        format="json").status_code for i in range(rate + 1)]

    assert answers[:rate] == [400] * rate
    assert answers[rate] == 429
