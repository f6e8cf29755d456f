from typing import Any

from django.contrib import admin
from django.db.models import Model, QuerySet
from django.http import HttpRequest

from marketplace.common.cache import CATALOGUE, bump
from marketplace.reference.models import Category, Commune, Departement, Epci, Label
from marketplace.reference.signals import reference_changed


class ShownInCatalogueAdmin(admin.ModelAdmin):
    """Reference data the public pages show (a category's name in the filters, a commune's on
    the cards): an edit here drops the pages and filter lists cached for the catalogue, and the
    search documents that hold its name are rewritten (`reference_changed`)."""

    def _changed(self, ids: list[Any]) -> None:
        # In the admin's transaction, as every catalogue write indexes: a rollback undoes the
        # rename and its documents together.
        reference_changed.send(sender=self.model, ids=ids)
        bump(CATALOGUE)

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        self._changed([obj.pk])

    def delete_model(self, request: HttpRequest, obj: Model) -> None:
        ids = [obj.pk]
        super().delete_model(request, obj)
        self._changed(ids)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> None:
        ids = list(queryset.values_list("pk", flat=True))
        super().delete_queryset(request, queryset)
        self._changed(ids)


@admin.register(Departement)
class DepartementAdmin(admin.ModelAdmin):
    list_display = ["code", "nom", "region_nom"]
    search_fields = ["code", "nom"]


@admin.register(Epci)
class EpciAdmin(ShownInCatalogueAdmin):
    list_display = ["siren", "nom"]
    search_fields = ["siren", "nom"]


@admin.register(Commune)
class CommuneAdmin(ShownInCatalogueAdmin):
    list_display = ["code_insee", "nom", "departement", "codes_postaux", "epci", "population"]
    list_filter = ["departement"]
    search_fields = ["code_insee", "nom", "codes_postaux"]
    list_select_related = ["departement", "epci"]
    raw_id_fields = ["epci"]


@admin.register(Category)
class CategoryAdmin(ShownInCatalogueAdmin):
    list_display = ["nom", "slug", "parent", "position"]
    list_filter = ["parent"]
    search_fields = ["nom", "slug"]
    prepopulated_fields = {"slug": ["nom"]}
    list_select_related = ["parent"]


@admin.register(Label)
class LabelAdmin(ShownInCatalogueAdmin):
    list_display = ["nom", "slug"]
    search_fields = ["nom", "slug"]
    prepopulated_fields = {"slug": ["nom"]}
