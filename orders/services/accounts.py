"""Residents' accounts: optional, to find one's orders again without keeping the e-mails."""

from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction


@transaction.atomic
def resident_sign_up(*, email: str, password: str, first_name: str, last_name: str) -> Any:
    """A resident's account. Orders placed as a guest stay reached by their link only: the
    address is not verified, so typing someone's e-mail must not show their orders."""
    email = email.strip().lower()
    user = get_user_model()(username=email, email=email, first_name=first_name.strip(),
                            last_name=last_name.strip())
    user.set_password(password)
    user.full_clean()
    user.save()
    return user
