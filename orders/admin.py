"""Read-only admin for orders: statuses move through the services, never by editing here;
pickup settings are edited in the producer area (its services keep the directory's flags true)."""

from django.contrib import admin

from orders.models import Checkout, Order, OrderLine


class OrderLineInline(admin.TabularInline):
    model = OrderLine
    extra = 0
    can_delete = False
    readonly_fields = ["product", "product_name", "unit", "unit_size", "unit_price", "quantity"]


@admin.register(Order)
class OrderAdmin(admin.ModelAdmin):
    list_display = ["id", "checkout", "producer", "status", "payment_status", "pickup_starts_at",
                    "total"]
    list_filter = ["status", "payment_status", "payment_method"]
    search_fields = ["checkout__reference", "checkout__email", "producer__nom"]
    inlines = [OrderLineInline]
    readonly_fields = [f.name for f in Order._meta.fields]

    def has_add_permission(self, request, obj=None) -> bool:  # type: ignore[no-untyped-def]
        return False


@admin.register(Checkout)
class CheckoutAdmin(admin.ModelAdmin):
    list_display = ["reference", "name", "email", "created_at"]
    search_fields = ["reference", "email", "name"]
    readonly_fields = ["reference", "user", "name", "email", "phone", "created_at"]
