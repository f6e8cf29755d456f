from django.contrib import admin

from producers.models import (
    PointOfSale,
    Producer,
    ProducerMembership,
    ProducerPhoto,
    Product,
    ProductPhoto,
)


class MembershipInline(admin.TabularInline):
    model = ProducerMembership
    extra = 0
    raw_id_fields = ["user"]


class PointOfSaleInline(admin.TabularInline):
    model = PointOfSale
    extra = 0
    autocomplete_fields = ["commune"]


class ProducerPhotoInline(admin.TabularInline):
    model = ProducerPhoto
    extra = 0


@admin.register(Producer)
class ProducerAdmin(admin.ModelAdmin):
    list_display = ["nom", "commune", "status", "is_active", "is_featured", "created_at"]
    list_filter = ["status", "is_active", "is_featured", "commune__epci"]
    search_fields = ["nom", "legal_name", "siret", "commune__nom"]
    autocomplete_fields = ["commune"]
    filter_horizontal = ["labels"]
    list_select_related = ["commune"]
    inlines = [MembershipInline, PointOfSaleInline, ProducerPhotoInline]


class ProductPhotoInline(admin.TabularInline):
    model = ProductPhoto
    extra = 0


@admin.register(Product)
class ProductAdmin(admin.ModelAdmin):
    list_display = ["nom", "producer", "category", "price", "unit", "stock", "is_available",
                    "status"]
    list_filter = ["status", "is_available", "category"]
    search_fields = ["nom", "producer__nom"]
    autocomplete_fields = ["producer"]
    filter_horizontal = ["labels"]
    list_select_related = ["producer", "category"]
    inlines = [ProductPhotoInline]
