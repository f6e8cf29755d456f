"""Personal data (RGPD): what the site keeps about a person, given to them on request, erased on
request, and forgotten on its own once its purpose is over.

A buyer's name, e-mail address, phone number and notes serve the pickup. Once every order of a
checkout is over (collected or cancelled), the buyer may have them erased at once from the
order's page; otherwise they are erased ORDER_PERSONAL_DATA_DAYS after the last pickup. The
orders themselves stay, without anyone's name: the producer's accounts need them.
"""

from datetime import timedelta
from typing import Any

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Exists, Max, OuterRef, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from orders.models import Checkout, Order
from orders.models.orders import ACTIVE_STATUSES, new_token
from producers.models import MemberRole, ProducerMembership

ERASED_NAME = "—"
ERASED_EMAIL = "efface@ohmylot.invalid"  # a reserved domain: nothing is ever sent there


def _order_data(order: Order) -> dict[str, Any]:
    return {
        "commande": order.number, "producteur": order.producer.nom,
        "statut": str(order.get_status_display()), "passee_le": order.placed_at.isoformat(),
        "retrait": {"debut": order.pickup_starts_at.isoformat(),
                    "fin": order.pickup_ends_at.isoformat(), "lieu": order.pickup_place,
                    "commune": order.pickup_commune},
        "message_au_producteur": order.note,
        "paiement": str(order.get_payment_method_display()),
        "lignes": [{"produit": line.product_name, "quantite": line.quantity,
                    "prix_unitaire_ttc": str(line.unit_price)} for line in order.lines.all()],
        "total_ttc": str(order.total),
    }


def checkout_personal_data(checkout: Checkout) -> dict[str, Any]:
    """Everything a checkout holds about its buyer, as a person can take it away (JSON)."""
    orders = checkout.orders.select_related("producer").prefetch_related("lines")
    return {"reference": checkout.reference, "nom": checkout.name, "email": checkout.email,
            "telephone": checkout.phone, "passee_le": checkout.created_at.isoformat(),
            "commandes": [_order_data(order) for order in orders]}


def account_personal_data(user: Any) -> dict[str, Any]:
    """Everything the site keeps about an account: its identity, the farms it runs, its
    orders."""
    return {
        "compte": {"identifiant": user.get_username(), "email": user.email,
                   "prenom": user.first_name, "nom": user.last_name,
                   "inscrit_le": user.date_joined.isoformat(),
                   "derniere_connexion": user.last_login.isoformat() if user.last_login else None,
                   "adresses_confirmees": list(user.verified_emails.values_list("email",
                                                                               flat=True))},
        "fermes": [{"nom": m.producer.nom, "role": str(m.get_role_display())}
                   for m in user.producer_memberships.select_related("producer")],
        "passages_en_caisse": [checkout_personal_data(c) for c in user.checkouts.all()],
    }


def _is_over(checkout: Checkout) -> bool:
    return not checkout.orders.filter(status__in=ACTIVE_STATUSES).exists()


@transaction.atomic
def checkout_forget(*, checkout: Checkout) -> Checkout:
    """Erase the buyer from a checkout whose orders are all over; its link stops working."""
    checkout = Checkout.objects.select_for_update().get(pk=checkout.pk)
    if not _is_over(checkout):
        raise ValidationError(_("Une commande est encore en cours : vos coordonnées servent au "
                                "retrait. Vous pourrez les effacer une fois vos commandes "
                                "retirées ou annulées."))
    checkout.name, checkout.email, checkout.phone = ERASED_NAME, ERASED_EMAIL, ""
    checkout.user = None
    checkout.token = new_token()
    checkout.save(update_fields=["name", "email", "phone", "user", "token"])
    checkout.orders.exclude(note="").update(note="")
    return checkout


def checkouts_to_forget(*, now: Any = None) -> QuerySet[Checkout]:
    """Checkouts not yet erased whose orders are all over, the last pickup older than the
    retention period."""
    limit = (now or timezone.now()) - timedelta(days=settings.ORDER_PERSONAL_DATA_DAYS)
    active = Order.objects.filter(checkout=OuterRef("pk"), status__in=ACTIVE_STATUSES)
    return (Checkout.objects.exclude(email=ERASED_EMAIL).filter(~Exists(active))
            .annotate(last_pickup=Max("orders__pickup_ends_at"))
            .filter(last_pickup__lt=limit))


def expired_checkouts_forget(*, now: Any = None) -> int:
    """Forget every checkout past its retention period (safe to run twice: the erased ones are
    no longer found)."""
    count = 0
    for checkout in checkouts_to_forget(now=now).iterator():
        checkout_forget(checkout=checkout)
        count += 1
    return count


@transaction.atomic
def account_erase(*, user: Any) -> None:
    """Delete an account and everything that names its holder; the orders it placed stay for
    the producers' accounts, without a name."""
    owned = [m.producer.nom for m in ProducerMembership.objects.filter(
        user=user, role=MemberRole.OWNER).select_related("producer")
        if not m.producer.memberships.exclude(user=user).filter(role=MemberRole.OWNER).exists()]
    if owned:
        raise ValidationError(_(
            "Vous êtes seul(e) titulaire de « %(farm)s » : transmettez la fiche à une autre "
            "personne de l'équipe, ou écrivez à la CCI pour la fermer, avant d'effacer votre "
            "compte.") % {"farm": owned[0]})
    checkouts = list(user.checkouts.all())
    if any(not _is_over(checkout) for checkout in checkouts):
        raise ValidationError(_("Une commande est encore en cours : vous pourrez effacer votre "
                                "compte une fois vos commandes retirées ou annulées."))
    for checkout in checkouts:
        checkout_forget(checkout=checkout)
    username = user.get_username()
    for model in (AccessAttempt, AccessLog, AccessFailureLog):  # the login records name it
        model.objects.filter(username=username).delete()
    user.delete()
