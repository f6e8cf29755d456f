"""The site's own pages, linked from every footer: legal notices, privacy, about, open data.
Their facts come from settings (the publisher, the host, how long data is kept), so another
CCI running the site states its own."""

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from marketplace.directory.views.opendata import CSV_COLUMNS, LICENCE, LICENCE_URL, PRODUCT_COLUMNS


def _publisher() -> dict[str, str]:
    return {"name": settings.PUBLISHER_NAME, "address": settings.PUBLISHER_ADDRESS,
            "siret": settings.PUBLISHER_SIRET, "director": settings.PUBLISHER_DIRECTOR,
            "phone": settings.PUBLISHER_PHONE, "host_name": settings.HOST_NAME,
            "host_address": settings.HOST_ADDRESS}


@require_GET
def legal_notices(request: HttpRequest) -> HttpResponse:
    return render(request, "marketplace/info/legal.html", {"publisher": _publisher()})


@require_GET
def privacy(request: HttpRequest) -> HttpResponse:
    return render(request, "marketplace/info/privacy.html", {
        "publisher": _publisher(), "order_days": settings.ORDER_PERSONAL_DATA_DAYS,
        "token_days": settings.API_TOKEN_TTL.days,
    })


@require_GET
def about(request: HttpRequest) -> HttpResponse:
    return render(request, "marketplace/info/about.html", {"publisher": _publisher()})


@require_GET
def open_data(request: HttpRequest) -> HttpResponse:
    return render(request, "marketplace/info/open_data.html", {
        "licence": LICENCE, "licence_url": LICENCE_URL,
        "producer_columns": CSV_COLUMNS, "product_columns": PRODUCT_COLUMNS,
    })
