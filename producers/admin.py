from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from producers import services
from producers.models import (
    PointOfSale,
    Producer,
    ProducerInvitation,
    ProducerMembership,
    ProducerPhoto,
    ProducerStatus,
    Product,
    ProductPhoto,
    VerifiedEmail,
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
    actions = ["approve", "suspend"]

    def _set_status(self, request: HttpRequest, queryset: QuerySet[Producer], status: str) -> int:
        for producer in queryset:
            services.producer_status_change(producer=producer, status=status)
        return queryset.count()

    @admin.action(description=_("Valider les producteurs sélectionnés (publication)"))
    def approve(self, request: HttpRequest, queryset: QuerySet[Producer]) -> None:
        count = self._set_status(request, queryset, ProducerStatus.APPROVED)
        self.message_user(request, ngettext("%(n)d producteur validé.",
                                            "%(n)d producteurs validés.", count) % {"n": count},
                          messages.SUCCESS)

    @admin.action(description=_("Suspendre les producteurs sélectionnés"))
    def suspend(self, request: HttpRequest, queryset: QuerySet[Producer]) -> None:
        count = self._set_status(request, queryset, ProducerStatus.SUSPENDED)
        self.message_user(request, ngettext("%(n)d producteur suspendu.",
                                            "%(n)d producteurs suspendus.", count) % {"n": count},
                          messages.SUCCESS)


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


@admin.register(ProducerInvitation)
class ProducerInvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "producer", "role", "created_at", "accepted_at"]
    list_filter = ["role"]
    search_fields = ["email", "producer__nom"]
    raw_id_fields = ["producer", "invited_by", "accepted_by"]


@admin.register(VerifiedEmail)
class VerifiedEmailAdmin(admin.ModelAdmin):
    list_display = ["email", "user", "verified_at"]
    search_fields = ["email"]
    raw_id_fields = ["user"]
