"""The farm's overview, profile, photos, points of sale and team."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from producers import accounts, services
from producers.forms import (
    InvitationForm,
    PhotoAltForm,
    PhotoUploadForm,
    PointOfSaleForm,
    ProfileForm,
)
from producers.models import MAX_PRODUCER_PHOTOS, ProducerStatus, ProductStatus
from producers.selectors import (
    can_manage_team,
    point_of_sale_for_producer,
    producer_photo_for_producer,
    team,
)
from producers.views.common import add_service_error, current_producer, render_dashboard


@login_required
def home(request: HttpRequest, slug: str) -> HttpResponse:
    producer = current_producer(request, slug)
    products = producer.products.exclude(status=ProductStatus.ARCHIVED)
    checklist = [
        (_("Présentation de la ferme"), bool(producer.description)),
        (_("Au moins une photo"), producer.photos.exists()),
        (_("Au moins un point de vente"), producer.points_of_sale.exists()),
        (_("Au moins un produit"), products.exists()),
    ]
    return render_dashboard(request, "producers/home.html", producer, {
        "checklist": checklist,
        "product_count": products.count(),
        "published_count": products.filter(status=ProductStatus.PUBLISHED).count(),
        "is_public": producer.is_public,
        "statuses": ProducerStatus,
        # The CCI's decisions and their reasons, for the producer to read.
        "decisions": [(d.at, ProducerStatus(d.target).label, d.reason)
                      for d in producer.status_changes.order_by("-at", "-pk")[:5]],
        "hidden_products": producer.products.filter(status=ProductStatus.HIDDEN)
        .order_by("nom"),
    }, section="home")


def _can_edit_slug(request: HttpRequest, producer) -> bool:  # type: ignore[no-untyped-def]
    # The public URL is a promise once published: only staff change it after approval.
    return bool(request.user.is_staff) or producer.status != ProducerStatus.APPROVED


@login_required
def profile(request: HttpRequest, slug: str) -> HttpResponse:
    producer = current_producer(request, slug)
    form = ProfileForm(request.POST or None, request.FILES or None, instance=producer,
                       can_edit_slug=_can_edit_slug(request, producer))
    if request.method == "POST" and form.is_valid():
        try:
            services.producer_update(producer=producer, data=form.profile_data(),
                                     labels=form.cleaned_data["labels"])
            if form.cleaned_data.get("logo_upload"):
                services.producer_logo_set(producer=producer,
                                           upload=form.cleaned_data["logo_upload"])
            elif form.cleaned_data.get("logo_clear") and producer.logo:
                services.producer_logo_set(producer=producer, upload=None)
        except ValidationError as error:
            producer.refresh_from_db()
            add_service_error(form, error)
        else:
            messages.success(request, _("Votre fiche est enregistrée."))
            return redirect("producers:profile", slug=producer.slug)
    if form.errors:
        producer.refresh_from_db()
    return render_dashboard(request, "producers/profile.html", producer, {
        "form": form,
        "map_tile_url": settings.MAP_TILE_URL,
        "map_attribution": settings.MAP_ATTRIBUTION,
    }, status=400 if form.errors else 200, section="profile")


@login_required
def photos(request: HttpRequest, slug: str) -> HttpResponse:
    producer = current_producer(request, slug)
    existing = list(producer.photos.all())
    room = MAX_PRODUCER_PHOTOS - len(existing)
    form = PhotoUploadForm(request.POST or None, request.FILES or None)
    form.fields["photos"].max_count = max(room, 0)  # type: ignore[attr-defined]
    if request.method == "POST" and form.is_valid():
        if room <= 0:
            form.add_error("photos", _("Vous avez déjà %(max)d photos : supprimez-en une avant "
                                       "d'en ajouter.") % {"max": MAX_PRODUCER_PHOTOS})
        else:
            try:
                for upload in form.cleaned_data["photos"]:
                    services.producer_photo_add(producer=producer, upload=upload,
                                                alt=form.cleaned_data["alt"])
            except ValidationError as error:
                form.add_error("photos", error)
            else:
                messages.success(request, _("Photos ajoutées."))
                return redirect("producers:photos", slug=producer.slug)
    return render_dashboard(request, "producers/photos.html", producer, {
        "form": form, "photos": existing, "room": room, "max_photos": MAX_PRODUCER_PHOTOS,
        "alt_forms": [(p, PhotoAltForm(initial={"alt": p.alt}, prefix=f"photo{p.pk}"))
                      for p in existing],
    }, status=400 if form.errors else 200, section="photos")


@login_required
@require_POST
def photo_update(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    producer = current_producer(request, slug)
    photo = producer_photo_for_producer(producer=producer, pk=pk)
    form = PhotoAltForm(request.POST, prefix=f"photo{photo.pk}")
    if form.is_valid():
        services.photo_alt_set(photo=photo, alt=form.cleaned_data["alt"])
        messages.success(request, _("Description de la photo enregistrée."))
    else:
        messages.error(request, _("La description fait 200 caractères au plus."))
    return redirect("producers:photos", slug=producer.slug)


@login_required
@require_POST
def photo_move_first(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    producer = current_producer(request, slug)
    services.photo_move_first(photo=producer_photo_for_producer(producer=producer, pk=pk))
    messages.success(request, _("Cette photo est maintenant la première."))
    return redirect("producers:photos", slug=producer.slug)


@login_required
@require_POST
def photo_delete(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    producer = current_producer(request, slug)
    photo = producer_photo_for_producer(producer=producer, pk=pk)
    services.photo_delete(photo=photo)
    messages.success(request, _("Photo supprimée."))
    return redirect("producers:photos", slug=producer.slug)


# --- Points of sale -------------------------------------------------------------------------

@login_required
def points_of_sale(request: HttpRequest, slug: str) -> HttpResponse:
    producer = current_producer(request, slug)
    points = producer.points_of_sale.select_related("commune").prefetch_related("hours")
    return render_dashboard(request, "producers/points_of_sale.html", producer,
                            {"points": points}, section="points")


@login_required
def point_of_sale_edit(request: HttpRequest, slug: str, pk: int | None = None) -> HttpResponse:
    producer = current_producer(request, slug)
    point = point_of_sale_for_producer(producer=producer, pk=pk) if pk else None
    initial = {} if point else {"commune": producer.commune}
    form = PointOfSaleForm(request.POST or None, instance=point, initial=initial)
    if request.method == "POST" and form.is_valid():
        data, hours = dict(form.cleaned_data), form.hours_data()
        try:
            if point is None:
                services.point_of_sale_create(producer=producer, data=data, hours=hours)
            else:
                services.point_of_sale_update(point=point, data=data, hours=hours)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Point de vente enregistré."))
            return redirect("producers:points_of_sale", slug=producer.slug)
    return render_dashboard(request, "producers/point_of_sale_form.html", producer,
                            {"form": form, "point": point},
                            status=400 if form.errors else 200, section="points")


@login_required
def point_of_sale_delete(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    producer = current_producer(request, slug)
    point = point_of_sale_for_producer(producer=producer, pk=pk)
    if request.method == "POST":
        services.point_of_sale_delete(point=point)
        messages.success(request, _("Point de vente supprimé."))
        return redirect("producers:points_of_sale", slug=producer.slug)
    return render_dashboard(request, "producers/confirm_delete.html", producer, {
        "title": _("Supprimer ce point de vente ?"), "object_name": point.nom,
        "cancel_url": "producers:points_of_sale",
    }, section="points")


# --- Team -----------------------------------------------------------------------------------

def _team_producer(request: HttpRequest, slug: str):  # type: ignore[no-untyped-def]
    producer = current_producer(request, slug)
    if not can_manage_team(user=request.user, producer=producer):
        raise Http404("Réservé au ou à la titulaire du compte.")
    return producer


@login_required
def team_view(request: HttpRequest, slug: str) -> HttpResponse:
    producer = current_producer(request, slug)
    manage = can_manage_team(user=request.user, producer=producer)
    form = InvitationForm(request.POST or None)
    if request.method == "POST":
        if not manage:
            raise Http404("Réservé au ou à la titulaire du compte.")
        if form.is_valid():
            try:
                accounts.invitation_create(producer=producer, email=form.cleaned_data["email"],
                                           invited_by=request.user)
            except ValidationError as error:
                add_service_error(form, error)
            else:
                messages.success(request, _("Invitation envoyée à %(email)s.")
                                 % {"email": form.cleaned_data["email"]})
                return redirect("producers:team", slug=producer.slug)
    return render_dashboard(request, "producers/team.html", producer, {
        "form": form, "members": team(producer=producer),
        "invitations": producer.invitations.filter(accepted_at__isnull=True),
    }, status=400 if form.errors else 200, section="team")


@login_required
@require_POST
def member_remove(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    producer = _team_producer(request, slug)
    membership = producer.memberships.filter(pk=pk).first()
    if membership is None:
        raise Http404("Membre introuvable.")
    try:
        accounts.membership_remove(membership=membership)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("La personne a été retirée de l'équipe."))
    return redirect("producers:team", slug=producer.slug)


@login_required
@require_POST
def invitation_cancel(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    producer = _team_producer(request, slug)
    invitation = producer.invitations.filter(pk=pk).first()
    if invitation is None:
        raise Http404("Invitation introuvable.")
    accounts.invitation_cancel(invitation=invitation)
    messages.success(request, _("Invitation annulée."))
    return redirect("producers:team", slug=producer.slug)
