"""The Django admin (superusers): it validates as the dashboard's forms do (the models' own
checks and constraints), moves statuses through the state machines, changes stock through the
locked stock service and keeps the search index in step, like every other writer."""

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from marketplace.common import cache
from marketplace.common.states import StateMachine
from producers import indexing, services, states
from producers.indexing import CATALOGUE
from producers.models import (
    OpeningHours,
    PointOfSale,
    PointOfSaleKind,
    Producer,
    ProducerInvitation,
    ProducerMembership,
    ProducerPhoto,
    ProducerStatusChange,
    Product,
    ProductPhoto,
    ProductStatusChange,
    VerifiedEmail,
)
from producers.opening_hours import HoursRange, hours_errors


class TransitionForm(forms.ModelForm):
    """The model's fields, plus a status move chosen among those the machine allows."""

    machine: StateMachine
    transition = forms.ChoiceField(label=_("Changer le statut"), required=False)
    reason = forms.CharField(label=_("Motif (communiqué)"), required=False,
                             widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        current = self.instance.status if self.instance.pk else None
        moves = self.machine.allowed(current) if current else []
        field = self.fields["transition"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [("", "—"), *[
            (t.name, f"{t.verb} → {self.machine.label(t.target)}") for t in moves]]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        name = data.get("transition")
        if name and self.instance.pk:
            try:
                self.machine.check(name, self.instance.status, reason=data.get("reason", ""))
            except ValidationError as error:
                raise ValidationError(
                    [m for messages_ in error.message_dict.values() for m in messages_]
                ) from None
        return data


# No Meta: the admin builds each form's Meta from its fields, minus the read-only ones (the
# statuses, which only the transitions below change).
class ProducerAdminForm(TransitionForm):
    machine = states.PRODUCER


class ProductAdminForm(TransitionForm):
    machine = states.PRODUCT


class MembershipInline(admin.TabularInline):
    model = ProducerMembership
    extra = 0
    raw_id_fields = ["user"]


class PointOfSaleInline(admin.TabularInline):
    """Listed with the producer; changed on its own page, where its week is (an inline has no
    inlines of its own, and a market without its days would break the rule)."""

    model = PointOfSale
    extra = 0
    fields = readonly_fields = ("kind", "nom", "commune", "hours_text", "offers_pickup")
    show_change_link = True

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    @admin.display(description=_("jours et horaires"))
    def hours_text(self, point: PointOfSale) -> str:
        return point.hours_text()


class OpeningHoursAdminFormSet(forms.BaseInlineFormSet):
    """The week's rules, checked on the rows as they will be saved."""

    def clean(self) -> None:
        super().clean()
        if any(self.errors):
            return
        kept = [f.cleaned_data for f in self.forms
                if f.cleaned_data and not f.cleaned_data.get("DELETE")]
        ranges = [HoursRange(row["weekday"], row.get("opens"), row.get("closes")) for row in kept]
        errors = hours_errors(is_market=self.instance.kind == PointOfSaleKind.MARKET,
                              ranges=ranges)
        if errors:
            raise ValidationError(errors)


class OpeningHoursInline(admin.TabularInline):
    model = OpeningHours
    formset = OpeningHoursAdminFormSet
    extra = 2


@admin.register(PointOfSale)
class PointOfSaleAdmin(admin.ModelAdmin):
    list_display = ["nom", "kind", "producer", "commune"]
    list_filter = ["kind"]
    search_fields = ["nom", "producer__nom", "commune__nom"]
    autocomplete_fields = ["producer", "commune"]
    list_select_related = ["producer", "commune"]
    readonly_fields = ["offers_pickup"]
    inlines = [OpeningHoursInline]

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        cache.bump(CATALOGUE)  # the producer pages, the markets, the filters


class ProducerPhotoInline(admin.TabularInline):
    model = ProducerPhoto
    extra = 0


class ProducerStatusInline(admin.TabularInline):
    model = ProducerStatusChange
    extra = 0
    can_delete = False
    readonly_fields = ["at", "source", "target", "reason", "actor"]

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Producer)
class ProducerAdmin(admin.ModelAdmin):
    form = ProducerAdminForm
    list_display = ["nom", "commune", "status", "is_featured", "created_at"]
    list_filter = ["status", "is_featured", "commune__epci"]
    search_fields = ["nom", "legal_name", "siret", "commune__nom"]
    autocomplete_fields = ["commune"]
    filter_horizontal = ["labels"]
    list_select_related = ["commune"]
    readonly_fields = ["status", "status_reason", "status_changed_at", "approved_at"]
    inlines = [MembershipInline, PointOfSaleInline, ProducerPhotoInline, ProducerStatusInline]
    actions = ["approve"]

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        producer = form.instance
        name = form.cleaned_data.get("transition")
        if name:
            move: Any = services.PRODUCER_MOVES[name]
            reason = form.cleaned_data.get("reason", "")
            kwargs = {"reason": reason} if states.PRODUCER.transition(name).reason_required else {}
            move(producer=producer, actor=request.user, **kwargs)
        else:
            indexing.index_producers([producer.pk])

    def delete_model(self, request: HttpRequest, obj: Producer) -> None:
        services.producer_delete(producer=obj)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Producer]) -> None:
        for producer in queryset:
            services.producer_delete(producer=producer)

    @admin.action(description=_("Valider les producteurs sélectionnés (en attente)"))
    def approve(self, request: HttpRequest, queryset: QuerySet[Producer]) -> None:
        done = 0
        for producer in queryset:
            try:
                services.producer_approve(producer=producer, actor=request.user)
            except ValidationError as error:
                self.message_user(request, f"{producer.nom} : {' '.join(error.messages)}",
                                  messages.WARNING)
            else:
                done += 1
        self.message_user(request, ngettext("%(n)d producteur validé.",
                                            "%(n)d producteurs validés.", done) % {"n": done},
                          messages.SUCCESS)


class ProductPhotoInline(admin.TabularInline):
    model = ProductPhoto
    extra = 0


class ProductStatusInline(admin.TabularInline):
    model = ProductStatusChange
    extra = 0
    can_delete = False
    readonly_fields = ["at", "source", "target", "reason", "actor"]

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Product)
class ProductAdmin(admin.ModelAdmin):
    form = ProductAdminForm
    list_display = ["nom", "producer", "category", "price", "unit", "stock", "is_available",
                    "status"]
    list_filter = ["status", "is_available", "category"]
    search_fields = ["nom", "producer__nom"]
    autocomplete_fields = ["producer"]
    filter_horizontal = ["labels"]
    list_select_related = ["producer", "category"]
    readonly_fields = ["status", "status_changed_at"]
    inlines = [ProductPhotoInline, ProductStatusInline]

    def save_model(self, request: HttpRequest, obj: Product, form: Any, change: bool) -> None:
        # Stock through the locked service: the count seen in the form is the starting point.
        new_stock, seen = obj.stock, form.initial.get("stock")
        if change and "stock" in form.changed_data:
            obj.stock = seen
        super().save_model(request, obj, form, change)
        if change and "stock" in form.changed_data:
            services.stock_set(product=obj, stock=new_stock, seen=seen)

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        product = form.instance
        name = form.cleaned_data.get("transition")
        if name:
            getattr(services, f"product_{name}")(product=product, actor=request.user)
        else:
            indexing.index_products([product.pk], producer_ids=[product.producer_id])

    def delete_model(self, request: HttpRequest, obj: Product) -> None:
        services.product_remove(product=obj, actor=request.user)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Product]) -> None:
        for product in queryset:
            services.product_remove(product=product, actor=request.user)


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
