"""The dashboard, listing freshness, reference data and exports."""

import csv
import io
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from marketplace.common import task_results
from marketplace.common.spreadsheet import escape_formula
from marketplace.curation import charts, selectors, services
from marketplace.curation.permissions import (
    ACCESS,
    CHANGE_PRODUCERS,
    EXPORT,
    VIEW_PRODUCERS,
    VIEW_REFERENCE,
    staff_view,
)
from marketplace.curation.views.common import render_staff
from producers.catalogue_io import catalogue_export
from producers.models import Producer


@staff_view(VIEW_PRODUCERS)
def dashboard(request: HttpRequest) -> HttpResponse:
    weeks = selectors.searches_per_week()
    orders = selectors.orders_per_week()
    waiting = selectors.waiting_producers()
    by_epci = selectors.producers_by_epci()
    by_category = selectors.producers_by_category()
    return render_staff(request, "curation/dashboard.html", {
        "by_epci": charts.horizontal(by_epci),
        "by_category": charts.horizontal(by_category),
        "searches": charts.columns([(f"{d:%d/%m}", n) for d, n in weeks]),
        "search_total": sum(n for _, n in weeks),
        "orders": charts.columns([(f"{d:%d/%m}", n) for d, n in orders]),
        "order_total": sum(n for _, n in orders),
        "no_result": selectors.searches_without_result(),
        "without_photo": selectors.products_without_photo(),
        "waiting": waiting,
        "waiting_chart": charts.horizontal([(p.nom, days) for p, days in waiting]),
        "stale_count": services.stale_producers().count(),
        "counts": selectors.status_counts(),
    }, section="dashboard")


@staff_view(ACCESS)
def failed_tasks(request: HttpRequest) -> HttpResponse:
    """Background work given up after its attempts (e-mails, imports, releases), with the
    error, for staff to act on (a wrong address, a file to import again)."""
    kept = task_results.kept_by_database()
    return render_staff(request, "curation/failed_tasks.html", {
        "kept": kept, "tasks": task_results.failed_tasks() if kept else [],
        "window_days": task_results.WINDOW.days}, section="tasks")


@staff_view(VIEW_PRODUCERS)
def stale(request: HttpRequest) -> HttpResponse:
    return render_staff(request, "curation/stale.html", {
        "producers": services.stale_producers()[:300]}, section="stale")


@staff_view(CHANGE_PRODUCERS)
@require_POST
def stale_hide(request: HttpRequest, slug: str) -> HttpResponse:
    producer = get_object_or_404(Producer, slug=slug)
    if services.stale_producers().filter(pk=producer.pk).exists():
        services.stale_hide(producer=producer, actor=request.user)
        messages.success(request, _("« %(nom)s » est masqué (suspendu) ; le producteur est "
                                    "prévenu.") % {"nom": producer.nom})
    else:
        messages.info(request, _("« %(nom)s » n'est plus à confirmer.") % {"nom": producer.nom})
    return redirect("curation:stale")


@staff_view(VIEW_REFERENCE)
def reference(request: HttpRequest) -> HttpResponse:
    return render_staff(request, "curation/reference.html", selectors.reference_data(),
                        section="reference")


@staff_view(EXPORT)
def exports(request: HttpRequest) -> HttpResponse:
    return render_staff(request, "curation/exports.html", {}, section="exports")


class _SafeWriter:
    def __init__(self, writer: Any) -> None:
        self.writer = writer

    def writerow(self, row: list[Any]) -> None:
        self.writer.writerow([escape_formula(v) if isinstance(v, str) else v for v in row])


def _download(content: bytes, name: str, content_type: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@staff_view(EXPORT)
def export_directory(request: HttpRequest) -> HttpResponse:
    """The directory in the import's columns (re-importable as it is)."""
    out = io.BytesIO()
    catalogue_export(out=out, file_format="csv")
    return _download(out.getvalue(), f"annuaire-{timezone.localdate():%Y-%m-%d}.csv",
                     "text/csv; charset=utf-8")


@staff_view(EXPORT)
def export_statistics(request: HttpRequest) -> HttpResponse:
    text = io.StringIO()
    # Search words come from the public: no cell may run as a formula in a spreadsheet.
    writer = _SafeWriter(csv.writer(text, delimiter=";"))
    writer.writerow([_("indicateur"), _("valeur"), _("nombre")])
    for status, n in sorted(selectors.status_counts().items()):
        writer.writerow([_("producteurs par statut"), status, n])
    for name, n in selectors.producers_by_epci():
        writer.writerow([_("producteurs publics par intercommunalité"), name, n])
    for name, n in selectors.producers_by_category():
        writer.writerow([_("producteurs publics par catégorie"), name, n])
    writer.writerow([_("produits publiés sans photo"), "", selectors.products_without_photo()])
    writer.writerow([_("fiches non confirmées depuis plus d'un an"), "",
                     services.stale_producers().count()])
    for day, n in selectors.searches_per_week():
        writer.writerow([_("recherches par semaine"), f"{day:%Y-%m-%d}", n])
    for day, n in selectors.orders_per_week():
        writer.writerow([_("commandes par semaine"), f"{day:%Y-%m-%d}", n])
    for query, n in selectors.searches_without_result():
        writer.writerow([_("recherches sans résultat (90 jours)"), query, n])
    return _download(("\ufeff" + text.getvalue()).encode(),
                     f"statistiques-{timezone.localdate():%Y-%m-%d}.csv",
                     "text/csv; charset=utf-8")
