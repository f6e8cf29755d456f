"""Explicit input and output serializers of the producer self-service API (me/…).

Outputs describe what is stored; inputs only parse and validate shapes: services write.
"""

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from marketplace.common.urls import absolute_url
from marketplace.reference.api.serializers import CommuneRefSerializer
from marketplace.reference.models import Category, Commune, Label
from producers.forms import clean_phone
from producers.models import MAX_PRICE, Producer, ProducerPhoto, Product, ProductPhoto, Unit

PRICE_ERROR = _("Le prix doit être compris entre 0,01 € et 10 000 €.")


class PhotoSerializer(serializers.Serializer):
    image = serializers.SerializerMethodField()
    thumbnail = serializers.SerializerMethodField()
    alt = serializers.CharField(read_only=True)

    def _url(self, file: Any) -> str | None:
        return _absolute(self.context, file.url) if file else None

    def get_image(self, photo: ProducerPhoto | ProductPhoto) -> str | None:
        return self._url(photo.image)

    def get_thumbnail(self, photo: ProducerPhoto | ProductPhoto) -> str | None:
        return self._url(photo.thumbnail or photo.image)


def _absolute(context: Mapping[str, Any], path: str) -> str:
    return absolute_url(path, context.get("request"))


class LabelSlugsField(serializers.SlugRelatedField):
    default_error_messages = {
        "does_not_exist": _("Label inconnu : « {value} »."),
        "invalid": _("Indiquez le slug du label (texte)."),
    }

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(slug_field="slug", queryset=Label.objects.all(), **kwargs)


class ProducerOutputSerializer(serializers.Serializer):
    slug = serializers.CharField()
    nom = serializers.CharField()
    legal_name = serializers.CharField()
    siret = serializers.CharField(allow_null=True)
    status = serializers.CharField(help_text="pending, approved, rejected ou suspended")
    status_reason = serializers.CharField()
    is_public = serializers.BooleanField()
    description = serializers.CharField()
    commune = CommuneRefSerializer()
    address = serializers.CharField()
    postal_code = serializers.CharField()
    latitude = serializers.FloatField(allow_null=True)
    longitude = serializers.FloatField(allow_null=True)
    phone = serializers.CharField()
    # Empty strings when not filled in: plain strings, not "email"/"uri" formats.
    email = serializers.CharField()
    website = serializers.CharField()
    social_links = serializers.ListField(child=serializers.URLField())
    opening_hours = serializers.CharField()
    labels = LabelSlugsField(many=True)
    pickup = serializers.BooleanField(source="offers_pickup")
    online_payment = serializers.BooleanField(source="accepts_online_payment")
    logo = serializers.SerializerMethodField()
    photos = PhotoSerializer(many=True)
    url = serializers.SerializerMethodField()

    def get_logo(self, producer: Producer) -> str | None:
        return _absolute(self.context, producer.logo.url) if producer.logo else None

    def get_url(self, producer: Producer) -> str:
        return _absolute(self.context, producer.get_absolute_url())


class ProducerPatchSerializer(serializers.Serializer):
    """Every field is optional (PATCH). Status, SIRET and slug are changed by CCI staff only."""

    nom = serializers.CharField(max_length=150, required=False)
    legal_name = serializers.CharField(max_length=200, required=False, allow_blank=True)
    description = serializers.CharField(max_length=5000, required=False, allow_blank=True)
    commune = serializers.CharField(required=False, help_text="Code INSEE, par exemple 46042.")
    address = serializers.CharField(max_length=250, required=False, allow_blank=True)
    postal_code = serializers.RegexField(r"^\d{5}$", required=False, allow_blank=True,
                                         error_messages={"invalid": _(
                                             "Un code postal compte 5 chiffres.")})
    latitude = serializers.FloatField(required=False, allow_null=True, min_value=-90,
                                      max_value=90)
    longitude = serializers.FloatField(required=False, allow_null=True, min_value=-180,
                                       max_value=180)
    phone = serializers.CharField(max_length=20, required=False, allow_blank=True)
    email = serializers.EmailField(required=False, allow_blank=True)
    website = serializers.URLField(max_length=200, required=False, allow_blank=True)
    social_links = serializers.ListField(child=serializers.URLField(max_length=300),
                                         max_length=10, required=False)
    opening_hours = serializers.CharField(max_length=1000, required=False, allow_blank=True)
    labels = LabelSlugsField(many=True, required=False)

    def validate_commune(self, value: str) -> Commune:
        commune = Commune.objects.in_territory().filter(code_insee=value.strip()).first()
        if commune is None:
            raise serializers.ValidationError(
                _("Commune inconnue dans le territoire : indiquez son code INSEE (ex. 46042)."))
        return commune

    def validate_phone(self, value: str) -> str:
        try:
            return clean_phone(value)
        except DjangoValidationError as error:
            raise serializers.ValidationError(error.messages) from None


class CategorySlugField(serializers.SlugRelatedField):
    default_error_messages = {
        "does_not_exist": _("Catégorie inconnue : « {value} ». Les catégories possibles sont "
                            "listées par GET /api/v1/categories/."),
        "invalid": _("Indiquez le slug de la catégorie (texte)."),
    }

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(slug_field="slug", queryset=Category.objects.all(), **kwargs)


class ProductOutputSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    slug = serializers.CharField()
    nom = serializers.CharField()
    description = serializers.CharField()
    category = CategorySlugField()
    price = serializers.DecimalField(max_digits=8, decimal_places=2,
                                     help_text="Euros TTC, en chaîne décimale.")
    unit = serializers.CharField()
    unit_size = serializers.CharField()
    stock = serializers.IntegerField(allow_null=True, help_text="null : à la demande.")
    is_available = serializers.BooleanField()
    available = serializers.BooleanField(source="in_stock",
                                         help_text="En vente et en stock (ou à la demande).")
    status = serializers.CharField(help_text="draft, published ou archived")
    season_months = serializers.ListField(child=serializers.IntegerField())
    labels = LabelSlugsField(many=True)
    photos = PhotoSerializer(many=True)
    url = serializers.SerializerMethodField()
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()

    def get_url(self, product: Product) -> str:
        return _absolute(self.context, product.get_absolute_url())


class ProductInputSerializer(serializers.Serializer):
    nom = serializers.CharField(max_length=150)
    category = CategorySlugField()
    description = serializers.CharField(max_length=5000, required=False, allow_blank=True)
    price = serializers.DecimalField(
        max_digits=8, decimal_places=2, min_value=Decimal("0.01"), max_value=MAX_PRICE,
        error_messages={"min_value": PRICE_ERROR, "max_value": PRICE_ERROR,
                        "invalid": _("Indiquez un prix en euros, par exemple \"4.50\".")},
    )
    unit = serializers.ChoiceField(choices=Unit.choices, required=False)
    unit_size = serializers.CharField(max_length=50, required=False, allow_blank=True)
    stock = serializers.IntegerField(
        min_value=0, max_value=1_000_000, required=False, allow_null=True,
        error_messages={"min_value": _("Le stock ne peut pas être négatif.")},
    )
    is_available = serializers.BooleanField(required=False)
    status = serializers.ChoiceField(choices=["draft", "published", "archived"], required=False)
    season_months = serializers.ListField(
        child=serializers.IntegerField(min_value=1, max_value=12), max_length=12, required=False,
    )
    labels = LabelSlugsField(many=True, required=False)


class ErrorSerializer(serializers.Serializer):
    detail = serializers.CharField()


class RemovalSerializer(serializers.Serializer):
    result = serializers.ChoiceField(choices=["archived"])
    product = ProductOutputSerializer()
