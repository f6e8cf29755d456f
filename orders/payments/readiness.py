"""Whether a producer can be paid online right now: payments configured on this site and the
producer's connected account able to take charges (Stripe says so in `charges_enabled`)."""

from orders.models import StripeAccount
from orders.payments.stripe_client import is_configured
from producers.models import Producer


def online_payment_ready(producer: Producer) -> bool:
    return is_configured() and StripeAccount.objects.filter(
        producer=producer, charges_enabled=True).exists()
