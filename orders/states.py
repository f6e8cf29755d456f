"""The order's status and its payment's, as state machines (see marketplace.common.states).

Order: paid on pickup, it is confirmed when placed; paid online, it waits for the payment
(stock and slot held) and is confirmed only by the verified payment event. The producer prepares
it, marks it ready, then collected. The buyer cancels until the producer starts preparing; the
producer cancels with a reason, or marks it not collected; an unpaid order expires.
Payment: separate, so that preparing an order never makes it look paid and a payment event never
moves the order past confirmed.
"""

from django.utils.translation import gettext_lazy as _

from marketplace.common.states import StateMachine, Transition
from orders.models import OrderStatus, PaymentStatus

S = OrderStatus
ORDER = StateMachine(OrderStatus, [
    Transition("pay", frozenset({S.AWAITING_PAYMENT}), S.CONFIRMED, _("confirmer (payée)")),
    Transition("prepare", frozenset({S.CONFIRMED}), S.PREPARING, _("commencer la préparation")),
    Transition("ready", frozenset({S.CONFIRMED, S.PREPARING}), S.READY,
               _("marquer prête")),
    Transition("collect", frozenset({S.READY}), S.COLLECTED, _("marquer retirée")),
    Transition("producer_cancel", frozenset({S.CONFIRMED, S.PREPARING, S.READY}), S.CANCELLED,
               _("annuler"), reason_required=True),
    Transition("not_collected", frozenset({S.CONFIRMED, S.PREPARING, S.READY}), S.CANCELLED,
               _("marquer non retirée")),
    Transition("buyer_cancel", frozenset({S.AWAITING_PAYMENT, S.CONFIRMED}), S.CANCELLED,
               _("annuler")),
    Transition("expire", frozenset({S.AWAITING_PAYMENT}), S.CANCELLED,
               _("annuler (paiement non abouti)")),
], subject=_("cette commande"))

# What a producer may do from its dashboard or the API, in the order buttons are shown.
PRODUCER_TRANSITIONS = ("prepare", "ready", "collect", "not_collected", "producer_cancel")
# Until then the buyer may still change quantities or cancel.
BUYER_CHANGEABLE = frozenset({S.AWAITING_PAYMENT, S.CONFIRMED})

P = PaymentStatus
PAYMENT = StateMachine(PaymentStatus, [
    Transition("settle_on_pickup", frozenset({P.ON_PICKUP}), P.PAID_ON_PICKUP,
               _("réglée au retrait")),
    Transition("start", frozenset({P.PENDING, P.FAILED}), P.PENDING, _("payer en ligne")),
    Transition("succeed", frozenset({P.PENDING, P.FAILED}), P.PAID, _("payée")),
    Transition("fail", frozenset({P.PENDING}), P.FAILED, _("paiement échoué")),
    Transition("void", frozenset({P.ON_PICKUP, P.PENDING, P.FAILED}), P.NOT_DUE,
               _("rien à régler")),
    Transition("refund", frozenset({P.PAID}), P.REFUND_PENDING, _("rembourser")),
    # Paid after the order was released (its session's expiry reached us first).
    Transition("refund_late", frozenset({P.NOT_DUE, P.PENDING, P.FAILED}), P.REFUND_PENDING,
               _("rembourser (paiement arrivé trop tard)")),
    Transition("refunded", frozenset({P.PAID, P.REFUND_PENDING}), P.REFUNDED,
               _("remboursée")),
], subject=_("ce paiement"))
