"""Residents' accounts: optional, to find one's orders again without keeping the e-mails."""

from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import IntegrityError, transaction
from django.urls import reverse

from producers.accounts import account_exists_notify, email_is_taken, email_verification_send


@transaction.atomic
def resident_sign_up(*, email: str, password: str, first_name: str, last_name: str,
                     then: str = "") -> Any:
    """A resident's account, opened by the link e-mailed to the address (so typing someone's
    address gives nothing). For an address that already has an account nothing is created and
    None is returned: the address is told by e-mail, and the caller answers the same way, so
    the form cannot be used to learn who has an account."""
    email = email.strip().lower()
    if email_is_taken(email):
        make_password(password)  # the same work as a real sign-up: no timing difference
        account_exists_notify(email=email)
        return None
    user = get_user_model()(username=email, email=email, first_name=first_name.strip(),
                            last_name=last_name.strip())
    user.set_password(password)
    user.full_clean(exclude=["username"])
    try:
        with transaction.atomic():  # two sign-ups with one address at once: the index decides
            user.save()
    except IntegrityError:
        account_exists_notify(email=email)
        return None
    email_verification_send(user=user, then=then or reverse("orders:my_orders"))
    return user
