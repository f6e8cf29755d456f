"""The cart (/panier/): add from a product or producer page, change quantities, remove."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from orders.cart import Cart
from orders.forms import AddToCartForm, CartForm
from orders.selectors import ordering_settings
from producers.models import Product


def cart_view(request: HttpRequest) -> HttpResponse:
    cart = Cart(request.session)
    carts = cart.by_producer()
    form = CartForm(request.POST or None, carts=carts)
    if request.method == "POST":
        remove = request.POST.get("remove", "")
        if remove.isdigit():
            cart.remove([int(remove)])
            messages.success(request, _("Le produit est retiré du panier."))
            return redirect("orders:cart")
        if form.is_valid():
            for product_id, quantity in form.quantities().items():
                cart.set(product_id, quantity)
            cart.accept_prices(line.product for c in carts for line in c.lines)
            messages.success(request, _("Le panier est mis à jour."))
            if request.POST.get("checkout"):
                return redirect("orders:checkout")
            return redirect("orders:cart")
    sections = [{"cart": c, "settings": ordering_settings(c.producer),
                 "lines": [(line, form[f"q{line.product.pk}"]) for line in c.lines]}
                for c in carts]
    return render(request, "orders/cart.html", {"sections": sections, "form": form},
                  status=400 if form.errors else 200)


@require_POST
def cart_add(request: HttpRequest) -> HttpResponse:
    form = AddToCartForm(request.POST)
    product = None
    if form.is_valid():
        product = (Product.objects.published().select_related("producer")
                   .filter(pk=form.cleaned_data["product"]).first())
    if product is None or not product.in_stock:
        messages.error(request, _("Ce produit ne peut pas être ajouté au panier : il n'est pas "
                                  "disponible ou la quantité n'est pas valable (1 à 99)."))
        return redirect("orders:cart")
    if not product.producer.offers_pickup:
        messages.error(request, _("%(nom)s ne prend pas de commandes en ligne pour le moment.")
                       % {"nom": product.producer.nom})
        return redirect(product)
    quantity = Cart(request.session).add(product, form.cleaned_data["quantity"])
    messages.success(request, _("« %(nom)s » est dans votre panier (quantité : %(q)d).")
                     % {"nom": product.nom, "q": quantity})
    target = form.cleaned_data.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return redirect(target)
    return redirect("orders:cart")
