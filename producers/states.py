"""The statuses of the catalogue, as state machines (see marketplace.common.states).

Producer: a sign-up waits for review (pending); the CCI approves it (public) or rejects it with a
reason; an approved producer can be suspended with a reason, and reinstated; a rejected one can
ask for a new review once its listing is fixed, or be reinstated by the CCI.
Product: a draft is published or stays private; a published product can go back to draft;
either can be archived (kept for the orders that name it), and an archived product comes back
as a draft, to be checked before it is published again.
"""

from django.utils.translation import gettext_lazy as _

from marketplace.common.states import StateMachine, Transition
from producers.models import ProducerStatus, ProductStatus

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
], subject=_("ce produit"))
