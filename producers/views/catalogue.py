"""The catalogue: list with inline edit (htmx-enhanced, plain forms without JS), create, edit,
duplicate, remove, photos."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from producers import services
from producers.forms import ProductForm, QuickEditForm
from producers.models import MAX_PRODUCT_PHOTOS, Product, ProductStatus
from producers.selectors import dashboard_products, product_for_user, product_photo_for_product
from producers.views.common import add_service_error, current_producer, render_dashboard


def _product(request: HttpRequest, slug: str, pk: int) -> tuple:  # type: ignore[type-arg]
    producer = current_producer(request, slug)
    return producer, product_for_user(user=request.user, pk=pk, producer=producer)


@login_required
def product_list(request: HttpRequest, slug: str) -> HttpResponse:
    producer = current_producer(request, slug)
    archived = request.GET.get("archives") == "1"
    products = dashboard_products(producer=producer, archived=archived)
    rows = [(p, QuickEditForm(product=p)) for p in products]
    return render_dashboard(request, "producers/product_list.html", producer,
                            {"rows": rows, "archived": archived}, section="products")


def _row_response(request: HttpRequest, product: Product, form: QuickEditForm,
                  *, saved: bool = False) -> HttpResponse:
    return render(request, "producers/_product_row.html",
                  {"product": product, "qform": form, "producer": product.producer,
                   "saved": saved})


@login_required
@require_POST
def product_quick_update(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    producer, product = _product(request, slug, pk)
    form = QuickEditForm(request.POST, product=product)
    if form.is_valid():
        try:
            services.product_quick_update(
                product=product, price=form.cleaned_data["price"],
                stock=form.cleaned_data["stock"], stock_seen=form.cleaned_data["stock_seen"],
                is_available=form.cleaned_data["is_available"],
            )
        except ValidationError as error:
            add_service_error(form, error)
    if not form.errors:
        if request.htmx:  # type: ignore[attr-defined]
            return _row_response(request, product, QuickEditForm(product=product), saved=True)
        messages.success(request, _("« %(nom)s » est enregistré.") % {"nom": product.nom})
        return redirect("producers:products", slug=producer.slug)
    product.refresh_from_db()
    if request.htmx:  # type: ignore[attr-defined]
        # htmx swaps 2xx answers only; the row comes back with its errors next to the fields.
        return _row_response(request, product, form)
    rows = [(p, form if p.pk == product.pk else QuickEditForm(product=p))
            for p in dashboard_products(producer=producer)]
    return render_dashboard(request, "producers/product_list.html", producer,
                            {"rows": rows, "archived": False}, status=400, section="products")


@login_required
@require_POST
def product_toggle_available(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """One tap: sold out (hidden from sale) or back on sale."""
    producer, product = _product(request, slug, pk)
    services.product_quick_update(product=product, is_available=not product.is_available)
    if request.htmx:  # type: ignore[attr-defined]
        return _row_response(request, product, QuickEditForm(product=product), saved=True)
    if product.is_available:
        messages.success(request, _("« %(nom)s » est de nouveau en vente.") % {"nom": product.nom})
    else:
        messages.success(request, _("« %(nom)s » est marqué épuisé.") % {"nom": product.nom})
    return redirect("producers:products", slug=producer.slug)


def _save_product(request: HttpRequest, form: ProductForm, producer, product):  # type: ignore[no-untyped-def]
    """The fields and the new photos are saved together, or nothing is (one service call)."""
    data = form.product_data()
    photos = form.cleaned_data.get("photos") or []
    if product is None:
        return services.product_create(producer=producer, data=data,
                                       labels=form.cleaned_data["labels"], photos=photos)
    return services.product_update(product=product, data=data,
                                   labels=form.cleaned_data["labels"], photos=photos,
                                   actor=request.user)


@login_required
def product_edit(request: HttpRequest, slug: str, pk: int | None = None) -> HttpResponse:
    producer = current_producer(request, slug)
    product = product_for_user(user=request.user, pk=pk, producer=producer) if pk else None
    photos = list(product.photos.all()) if product else []
    form = ProductForm(request.POST or None, request.FILES or None, instance=product,
                       photo_room=MAX_PRODUCT_PHOTOS - len(photos))
    if request.method == "POST" and form.is_valid():
        try:
            saved = _save_product(request, form, producer, product)
        except ValidationError as error:
            add_service_error(form, error)
            if product is not None:
                product.refresh_from_db()
        else:
            messages.success(request, _("« %(nom)s » est enregistré.") % {"nom": saved.nom})
            if "add_another" in request.POST:
                return redirect("producers:product_create", slug=producer.slug)
            return redirect("producers:products", slug=producer.slug)
    return render_dashboard(request, "producers/product_form.html", producer, {
        "form": form, "product": product, "photos": photos, "max_photos": MAX_PRODUCT_PHOTOS,
    }, status=400 if form.errors else 200, section="products")


@login_required
@require_POST
def product_duplicate(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    producer, product = _product(request, slug, pk)
    copy = services.product_duplicate(product=product)
    messages.success(request, _("Copie créée en brouillon : modifiez-la puis publiez-la."))
    return redirect("producers:product_update", slug=producer.slug, pk=copy.pk)


@login_required
def product_delete(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    producer, product = _product(request, slug, pk)
    if request.method == "POST":
        outcome = services.product_remove(product=product)
        if outcome == services.Removal.ARCHIVED:
            messages.success(request, _("« %(nom)s » figure dans des commandes : il est archivé "
                                        "(retiré de la vente) plutôt que supprimé.")
                             % {"nom": product.nom})
        else:
            messages.success(request, _("« %(nom)s » est supprimé.") % {"nom": product.nom})
        return redirect("producers:products", slug=producer.slug)
    return render_dashboard(request, "producers/confirm_delete.html", producer, {
        "title": _("Supprimer ce produit ?"), "object_name": product.nom,
        "cancel_url": "producers:products",
        "explanation": _("S'il figure déjà dans des commandes, il sera archivé (retiré de la "
                         "vente) pour garder l'historique."),
    }, section="products")


@login_required
@require_POST
def product_restore(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    producer, product = _product(request, slug, pk)
    if product.status == ProductStatus.ARCHIVED:
        services.product_restore(product=product, actor=request.user)
        messages.success(request, _("« %(nom)s » est ressorti des archives, en brouillon.")
                         % {"nom": product.nom})
    return redirect("producers:product_update", slug=producer.slug, pk=product.pk)


@login_required
@require_POST
def product_photo_delete(request: HttpRequest, slug: str, pk: int, photo_pk: int) -> HttpResponse:
    producer, product = _product(request, slug, pk)
    photo = product_photo_for_product(product=product, pk=photo_pk)
    services.photo_delete(photo=photo)
    messages.success(request, _("Photo supprimée."))
    return redirect("producers:product_update", slug=producer.slug, pk=product.pk)


@login_required
@require_POST
def product_photo_move_first(request: HttpRequest, slug: str, pk: int,
                             photo_pk: int) -> HttpResponse:
    producer, product = _product(request, slug, pk)
    services.photo_move_first(photo=product_photo_for_product(product=product, pk=photo_pk))
    messages.success(request, _("Cette photo est maintenant la première."))
    return redirect("producers:product_update", slug=producer.slug, pk=product.pk)
