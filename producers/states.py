"""The statuses of the catalogue, as state machines (see marketplace.common.states).

Producer: a sign-up waits for review (pending); the CCI approves it (public) or rejects it with a
reason; an approved producer can be suspended with a reason, and reinstated; a rejected one can
ask for a new review once its listing is fixed, or be reinstated by the CCI.
Product: a draft is published or stays private; a published product can go back to draft;
either can be archived (kept for the orders that name it), and an archived product comes back
as a draft, to be checked before it is published again. The CCI can hide a draft or published
product with a reason the producer reads; only the CCI shows it again (as a draft).
Claim on a listing: waits for the CCI, which accepts it (the listing moves to the claimant's
account) or refuses it with a reason.
"""

from django.utils.translation import gettext_lazy as _

from marketplace.common.states import StateMachine, Transition
from producers.models import ClaimStatus, ProducerStatus, ProductStatus

P = ProducerStatus
PRODUCER = StateMachine(ProducerStatus, [
    Transition("approve", frozenset({P.PENDING}), P.APPROVED, _("valider")),
    Transition("reject", frozenset({P.PENDING}), P.REJECTED, _("refuser"), reason_required=True),
    Transition("suspend", frozenset({P.APPROVED}), P.SUSPENDED, _("suspendre"),
               reason_required=True),
    Transition("reinstate", frozenset({P.SUSPENDED, P.REJECTED}), P.APPROVED, _("rétablir")),
    Transition("resubmit", frozenset({P.REJECTED}), P.PENDING,
               _("demander un nouvel examen")),
], subject=_("ce producteur"))

S = ProductStatus
PRODUCT = StateMachine(ProductStatus, [
    Transition("publish", frozenset({S.DRAFT}), S.PUBLISHED, _("publier")),
    Transition("unpublish", frozenset({S.PUBLISHED}), S.DRAFT, _("repasser en brouillon")),
    Transition("archive", frozenset({S.DRAFT, S.PUBLISHED}), S.ARCHIVED, _("archiver")),
    Transition("restore", frozenset({S.ARCHIVED}), S.DRAFT, _("ressortir des archives")),
    Transition("hide", frozenset({S.DRAFT, S.PUBLISHED}), S.HIDDEN, _("masquer"),
               reason_required=True),
    Transition("unhide", frozenset({S.HIDDEN}), S.DRAFT, _("ne plus masquer")),
], subject=_("ce produit"))
# Moves only the CCI makes: the producer's dashboard and API never reach them.
STAFF_ONLY_PRODUCT_MOVES = frozenset({"hide", "unhide"})

C = ClaimStatus
CLAIM = StateMachine(ClaimStatus, [
    Transition("accept", frozenset({C.PENDING}), C.ACCEPTED, _("accepter")),
    Transition("refuse", frozenset({C.PENDING}), C.REFUSED, _("refuser"), reason_required=True),
], subject=_("cette demande"))
