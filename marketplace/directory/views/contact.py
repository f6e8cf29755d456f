"""Writing to a producer, or to the CCI's team: a plain form (POST, then a redirect with a
message), rate-limited in urls.py. The producer's address never reaches the page."""

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from marketplace.directory.contact import contact_send, producer_contactable
from marketplace.directory.forms import ContactForm
from producers.models import Producer


def _send(form: ContactForm, producer: Producer | None) -> None:
    data = form.cleaned_data
    contact_send(producer=producer, name=data["name"], email=data["email"],
                 phone=data["phone"], message=data["message"])


@never_cache
def producer_contact(request: HttpRequest, slug: str) -> HttpResponse:
    producer = get_object_or_404(Producer.objects.public().select_related("commune"), slug=slug)
    contactable = producer_contactable(producer)
    form = ContactForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if not contactable:
            form.add_error(None, _("Ce producteur ne reçoit pas de messages par le site : "
                                   "rien n'a été envoyé."))
        else:
            _send(form, producer)
            messages.success(request, _(
                "Votre message est envoyé à %(nom)s, qui vous répondra à l'adresse "
                "indiquée.") % {"nom": producer.nom})
            return redirect(producer)
    return render(request, "marketplace/producer_contact.html", {
        "producer": producer, "form": form, "contactable": contactable,
    }, status=400 if form.errors else 200)


@never_cache
def team_contact(request: HttpRequest) -> HttpResponse:
    form = ContactForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        _send(form, None)
        messages.success(request, _("Votre message est envoyé à l'équipe de %(site)s : elle "
                                    "vous répondra à l'adresse indiquée.")
                         % {"site": settings.SITE_NAME})
        return redirect("marketplace:contact")
    return render(request, "marketplace/contact.html", {"form": form},
                  status=400 if form.errors else 200)
