"""Corrections: staff fix a listing or a product, hide a product with a reason, read history."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from marketplace.curation import selectors, services
from marketplace.curation.forms import ProducerCorrectionForm, ProductCorrectionForm, ReasonForm
from marketplace.curation.permissions import (
    CHANGE_PRODUCERS,
    CHANGE_PRODUCTS,
    VIEW_PRODUCERS,
    staff_view,
)
from marketplace.curation.views.common import add_service_error, render_staff
from producers import services as catalogue
from producers.models import Producer, Product


@staff_view(CHANGE_PRODUCERS)
def producer_edit(request: HttpRequest, slug: str) -> HttpResponse:
    producer = get_object_or_404(Producer.objects.select_related("commune"), slug=slug)
    form = ProducerCorrectionForm(request.POST or None, instance=producer)
    if request.method == "POST" and form.is_valid():
        try:
            catalogue.producer_update(producer=producer, data=form.data_for_service(),
                                      labels=form.cleaned_data["labels"])
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("La fiche « %(nom)s » est corrigée.")
                             % {"nom": producer.nom})
            return redirect("curation:producer", slug=producer.slug)
    if form.errors:
        producer.refresh_from_db()
    return render_staff(request, "curation/producer_edit.html", {
        "producer": producer, "form": form}, section="producers",
        status=400 if form.errors else 200)


def _product(pk: int) -> Product:
    return get_object_or_404(Product.objects.select_related("producer", "category"), pk=pk)


@staff_view(CHANGE_PRODUCTS)
def product_edit(request: HttpRequest, pk: int) -> HttpResponse:
    product = _product(pk)
    form = ProductCorrectionForm(request.POST or None, instance=product)
    if request.method == "POST" and form.is_valid():
        try:
            catalogue.product_update(product=product, data=form.data_for_service(),
                                     labels=form.cleaned_data["labels"], actor=request.user)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Le produit « %(nom)s » est corrigé.")
                             % {"nom": product.nom})
            return redirect("curation:producer", slug=product.producer.slug)
    if form.errors:
        product.refresh_from_db()
    return render_staff(request, "curation/product_edit.html", {
        "product": product, "form": form}, section="producers",
        status=400 if form.errors else 200)


@staff_view(CHANGE_PRODUCTS)
def product_hide(request: HttpRequest, pk: int) -> HttpResponse:
    product = _product(pk)
    form = ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.product_hide(product=product, reason=form.cleaned_data["reason"],
                                  actor=request.user)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("« %(nom)s » est masqué ; le producteur lit le motif "
                                        "dans son espace.") % {"nom": product.nom})
            return redirect("curation:producer", slug=product.producer.slug)
    return render_staff(request, "curation/product_hide.html", {
        "product": product, "form": form}, section="producers",
        status=400 if form.errors else 200)


@staff_view(CHANGE_PRODUCTS)
@require_POST
def product_unhide(request: HttpRequest, pk: int) -> HttpResponse:
    product = _product(pk)
    try:
        services.product_unhide(product=product, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("« %(nom)s » n'est plus masqué : il revient en brouillon "
                                    "chez le producteur.") % {"nom": product.nom})
    return redirect("curation:producer", slug=product.producer.slug)


@staff_view(VIEW_PRODUCERS)
def producer_history(request: HttpRequest, slug: str) -> HttpResponse:
    producer = get_object_or_404(Producer, slug=slug)
    return render_staff(request, "curation/history.html", {
        "subject": producer, "producer": producer,
        "entries": selectors.history(producer=producer),
    }, section="producers")


@staff_view(VIEW_PRODUCERS)
def product_history(request: HttpRequest, pk: int) -> HttpResponse:
    product = _product(pk)
    return render_staff(request, "curation/history.html", {
        "subject": product, "producer": product.producer,
        "entries": selectors.history(product=product),
    }, section="producers")


@staff_view(VIEW_PRODUCERS)
def journal(request: HttpRequest) -> HttpResponse:
    return render_staff(request, "curation/history.html", {
        "entries": selectors.history(limit=200)}, section="journal")
