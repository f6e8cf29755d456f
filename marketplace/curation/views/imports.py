"""The web import: upload, the check's report, confirmation, progress."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from marketplace.curation import imports
from marketplace.curation.forms import ImportForm
from marketplace.curation.models import ImportRun
from marketplace.curation.permissions import IMPORT, staff_view
from marketplace.curation.views.common import add_service_error, render_staff


@staff_view(IMPORT)
def import_list(request: HttpRequest) -> HttpResponse:
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            run = imports.import_upload(upload=upload, name=upload.name, actor=request.user)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            return redirect("curation:import_detail", pk=run.pk)
    return render_staff(request, "curation/imports.html", {
        "form": form,
        "runs": ImportRun.objects.select_related("created_by")[:30],
    }, section="import", status=400 if form.errors else 200)


@staff_view(IMPORT)
def import_detail(request: HttpRequest, pk: int) -> HttpResponse:
    run = get_object_or_404(ImportRun.objects.select_related("created_by", "confirmed_by"),
                            pk=pk)
    context = {"run": run, "progress": imports.progress(run), "report": run.report}
    htmx = getattr(request, "htmx", None)
    template = "curation/_import_status.html" if htmx else "curation/import_detail.html"
    return render_staff(request, template, context, section="import")


@staff_view(IMPORT)
@require_POST
def import_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    run = get_object_or_404(ImportRun, pk=pk)
    try:
        imports.import_confirm(run=run, actor=request.user)
    except ValidationError:
        messages.error(request, _("Cet import ne peut plus être confirmé (déjà lancé, ou "
                                  "refusé à la vérification)."))
    return redirect("curation:import_detail", pk=run.pk)
