"""The review queue, a listing as the CCI sees it, its public page before approval, and the
decisions on it."""


from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from marketplace.curation import selectors, services
from marketplace.curation.forms import DecisionForm
from marketplace.curation.permissions import (
    CHANGE_PRODUCERS,
    VIEW_PRODUCERS,
    staff_view,
)
from marketplace.curation.views.common import render_staff
from marketplace.directory import detail
from producers import accounts, states
from producers.models import PointOfSale, Producer, ProducerStatus

SUCCESS = {
    "approve": _("« %(nom)s » est validé : sa fiche est publique, le producteur est prévenu."),
    "reject": _("« %(nom)s » est refusé : le producteur est prévenu, avec le motif."),
    "suspend": _("« %(nom)s » est suspendu : sa fiche et ses produits sont masqués partout."),
    "reinstate": _("« %(nom)s » est rétabli : sa fiche est à nouveau publique."),
}


def _moves(producer: Producer) -> list[tuple[str, str]]:
    return [(t.name, str(t.verb).capitalize() + (" " + _("(motif obligatoire)")
                                                  if t.reason_required else ""))
            for t in states.PRODUCER.allowed(producer.status) if t.name in SUCCESS]


@staff_view(VIEW_PRODUCERS)
def queue(request: HttpRequest) -> HttpResponse:
    return render_staff(request, "curation/queue.html", {
        "producers": selectors.review_queue(),
        "claims": selectors.pending_claims(),
    }, section="queue")


@staff_view(VIEW_PRODUCERS)
def producers(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status", "")
    if status not in ProducerStatus.values:
        status = ""
    q = request.GET.get("q", "").strip()[:100]
    counts = selectors.status_counts()
    return render_staff(request, "curation/producers.html", {
        "producers": selectors.all_producers(status=status, q=q)[:300],
        "statuses": [(v, label, counts.get(v, 0)) for v, label in ProducerStatus.choices],
        "status": status, "q": q,
    }, section="producers")


def _producer(slug: str) -> Producer:
    return get_object_or_404(Producer.objects.select_related("commune__epci"), slug=slug)


def producer_page(request: HttpRequest, producer: Producer, form: DecisionForm | None = None,
                  *, status: int = 200) -> HttpResponse:
    products = (producer.products.select_related("category").prefetch_related("photos")
                .order_by("status", "nom"))
    return render_staff(request, "curation/producer.html", {
        "producer": producer,
        "form": form or DecisionForm(moves=_moves(producer)),
        "products": products,
        "photos": producer.photos.all(),
        "siret": selectors.siret_check(producer),
        "team": producer.memberships.select_related("user"),
        "decisions": producer.status_changes.select_related("actor").order_by("-at")[:20],
        "claims": producer.claims.select_related("user").order_by("-created_at"),
        "can_invite": bool(producer.email) and not producer.memberships.exists(),
        "pending_invitation": producer.invitations.filter(accepted_at__isnull=True,
                                                          role="owner").first(),
    }, section="queue" if producer.status == ProducerStatus.PENDING else "producers",
        status=status)


@staff_view(VIEW_PRODUCERS)
def producer(request: HttpRequest, slug: str) -> HttpResponse:
    return producer_page(request, _producer(slug))


@staff_view(CHANGE_PRODUCERS)
@require_POST
def producer_decide(request: HttpRequest, slug: str) -> HttpResponse:
    producer = _producer(slug)
    form = DecisionForm(request.POST, moves=_moves(producer))
    if form.is_valid():
        move = form.cleaned_data["move"]
        try:
            services.producer_decide(producer=producer, move=move, actor=request.user,
                                     reason=form.cleaned_data["reason"])
        except ValidationError as error:
            for messages_ in error.message_dict.values():
                form.add_error("reason" if "motif" in " ".join(messages_) else None, messages_)
        else:
            messages.success(request, SUCCESS[move] % {"nom": producer.nom})
            if move in ("approve", "reject"):
                return redirect("curation:queue")
            return redirect("curation:producer", slug=producer.slug)
    return producer_page(request, producer, form, status=400)


@staff_view(CHANGE_PRODUCERS)
@require_POST
def producer_invite(request: HttpRequest, slug: str) -> HttpResponse:
    producer = _producer(slug)
    try:
        accounts.claim_invitation_send(producer=producer, invited_by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Invitation à reprendre la fiche envoyée à %(email)s.")
                         % {"email": producer.email})
    return redirect("curation:producer", slug=producer.slug)


@staff_view(VIEW_PRODUCERS)
def producer_preview(request: HttpRequest, slug: str) -> HttpResponse:
    """The public page as it will look once approved (whatever the status is now)."""
    producer = get_object_or_404(
        Producer.objects.select_related("commune__epci").prefetch_related(
            "labels", "photos",
            Prefetch("points_of_sale", PointOfSale.objects.select_related("commune")
                     .prefetch_related("hours"))),
        slug=slug)
    return render(request, "curation/preview.html", {
        "producer": producer, "page": detail.producer_page_uncached(request, producer),
    })
