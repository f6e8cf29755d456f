from django.contrib import admin

from marketplace.reference.models import Category, Commune, Departement, Epci, Label


@admin.register(Departement)
class DepartementAdmin(admin.ModelAdmin):
    list_display = ["code", "nom", "region_nom"]
    search_fields = ["code", "nom"]


@admin.register(Epci)
class EpciAdmin(admin.ModelAdmin):
    list_display = ["siren", "nom"]
    search_fields = ["siren", "nom"]


@admin.register(Commune)
class CommuneAdmin(admin.ModelAdmin):
    list_display = ["code_insee", "nom", "departement", "codes_postaux", "epci", "population"]
    list_filter = ["departement"]
    search_fields = ["code_insee", "nom", "codes_postaux"]
    list_select_related = ["departement", "epci"]
    raw_id_fields = ["epci"]


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["nom", "slug", "parent", "position"]
    list_filter = ["parent"]
    search_fields = ["nom", "slug"]
    prepopulated_fields = {"slug": ["nom"]}
    list_select_related = ["parent"]


@admin.register(Label)
class LabelAdmin(admin.ModelAdmin):
    list_display = ["nom", "slug"]
    search_fields = ["nom", "slug"]
    prepopulated_fields = {"slug": ["nom"]}
