"""Output and input shapes of the producer's orders API (me/orders/…)."""

from rest_framework import serializers

from orders.models import OrderStatus


class OrderLineOutputSerializer(serializers.Serializer):
    product_id = serializers.IntegerField()
    product_name = serializers.CharField()
    unit = serializers.CharField()
    unit_size = serializers.CharField()
    unit_price = serializers.DecimalField(max_digits=8, decimal_places=2)
    quantity = serializers.IntegerField()


class BuyerOutputSerializer(serializers.Serializer):
    name = serializers.CharField()
    email = serializers.EmailField()
    phone = serializers.CharField()


class PickupOutputSerializer(serializers.Serializer):
    starts_at = serializers.DateTimeField(source="pickup_starts_at")
    ends_at = serializers.DateTimeField(source="pickup_ends_at")
    place = serializers.CharField(source="pickup_place")
    kind = serializers.CharField(source="pickup_kind")
    address = serializers.CharField(source="pickup_address")
    commune = serializers.CharField(source="pickup_commune")


class OrderOutputSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    number = serializers.CharField()
    reference = serializers.CharField(source="checkout.reference")
    status = serializers.ChoiceField(choices=OrderStatus.choices)
    status_changed_at = serializers.DateTimeField()
    placed_at = serializers.DateTimeField()
    payment_method = serializers.CharField()
    payment_status = serializers.CharField()
    total = serializers.DecimalField(max_digits=9, decimal_places=2)
    note = serializers.CharField()
    cancel_reason = serializers.CharField()
    buyer = BuyerOutputSerializer(source="checkout")
    pickup = PickupOutputSerializer(source="*")
    lines = OrderLineOutputSerializer(many=True, source="lines.all")
    allowed = serializers.SerializerMethodField(
        help_text="Les statuts vers lesquels le producteur peut faire passer la commande.")

    def get_allowed(self, order: object) -> list[str]:
        return list(self.context.get("allowed", {}).get(getattr(order, "pk", None), []))


class TransitionInputSerializer(serializers.Serializer):
    to = serializers.ChoiceField(
        choices=[OrderStatus.PREPARING, OrderStatus.READY, OrderStatus.COLLECTED,
                 OrderStatus.CANCELLED],
        help_text="preparing, ready, collected ou cancelled (avec `reason`).")
    reason = serializers.CharField(required=False, allow_blank=True, max_length=500,
                                   help_text="Motif, obligatoire pour annuler (envoyé au client).")
