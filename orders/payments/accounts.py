"""A producer connects its Stripe account (Connect, Express): the account is created once, the
producer fills in Stripe's onboarding pages, and its state comes back from Stripe (on return and
by `account.updated` events). The directory's « Paiement en ligne » follows it."""

from django.db import transaction

from orders.models import StripeAccount
from orders.payments import stripe_client
from orders.payments.services import account_store
from producers.models import Producer


def connection_state(producer: Producer) -> str:
    """'unavailable' (no payments on this site), 'none', 'pending' or 'active'."""
    if not stripe_client.is_configured():
        return "unavailable"
    account = StripeAccount.objects.filter(producer=producer).first()
    return account.state if account is not None else "none"


def onboarding_link(*, producer: Producer, refresh_url: str, return_url: str) -> str:
    """Stripe's onboarding address for the producer, creating its account the first time."""
    account = StripeAccount.objects.filter(producer=producer).first()
    if account is None:
        state = stripe_client.account_create(email=producer.email, name=producer.nom,
                                             reference=f"producer-{producer.pk}")
        with transaction.atomic():
            account, _created = StripeAccount.objects.get_or_create(
                producer=producer, defaults={"account_id": state.account_id})
            account_store(account, state)
    return stripe_client.account_link(account_id=account.account_id, refresh_url=refresh_url,
                                      return_url=return_url)


@transaction.atomic
def account_refresh(*, producer: Producer) -> str:
    """Ask Stripe for the account's state now (the producer is back from onboarding)."""
    account = StripeAccount.objects.select_for_update().filter(producer=producer).first()
    if account is None:
        return "none"
    return account_store(account, stripe_client.account_retrieve(account.account_id))
