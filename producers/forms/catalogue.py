"""Product forms: the full form and the inline edit of the catalogue list."""

from collections.abc import Iterator
from typing import Any

from django import forms
from django.utils.choices import BaseChoiceIterator
from django.utils.dates import MONTHS
from django.utils.translation import gettext_lazy as _

from marketplace.reference.models import Category, Label
from producers.forms.fields import PhotosField, price_field, stock_field
from producers.models import (
    MAX_PRODUCT_PHOTOS,
    Product,
    ProductStatus,
)


class GroupedCategories(BaseChoiceIterator):
    """The choices, computed when the widget renders (never when the module is imported: the
    database may not exist yet, e.g. during `migrate`)."""

    def __init__(self, field: "CategoryChoiceField") -> None:
        self.field = field

    def __iter__(self) -> Iterator[Any]:
        categories = list(self.field.queryset.order_by("position", "nom"))  # type: ignore[union-attr]
        children: dict[int, list[Category]] = {}
        for category in categories:
            if category.parent_id:
                children.setdefault(category.parent_id, []).append(category)
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for root in (c for c in categories if not c.parent_id):
            options = [(str(c.pk), c.nom) for c in children.get(root.pk, [])]
            options.append((str(root.pk), _("%(famille)s : autre") % {"famille": root.nom}))
            yield (root.nom, options)


class CategoryChoiceField(forms.ModelChoiceField):
    """Categories grouped by family (<optgroup>), families in their curated order."""

    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.parent.nom} › {obj.nom}" if obj.parent_id else str(obj.nom)

    def _get_choices(self) -> Any:
        return GroupedCategories(self)

    choices = property(_get_choices, forms.ChoiceField.choices.fset)  # type: ignore[assignment,attr-defined,union-attr]


def _category_queryset() -> Any:
    return Category.objects.select_related("parent").order_by(
        "parent__position", "parent__nom", "position", "nom")


class ProductForm(forms.ModelForm):
    category = CategoryChoiceField(label=_("Catégorie"), queryset=_category_queryset(),
                                   empty_label=_("— Choisissez —"))
    price = price_field()
    stock = stock_field()
    season_months = forms.TypedMultipleChoiceField(
        label=_("Saison"), coerce=int, required=False, choices=list(MONTHS.items()),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Les mois où le produit est disponible. Aucun coché : toute l'année."),
    )
    labels = forms.ModelMultipleChoiceField(
        label=_("Labels"), queryset=Label.objects.order_by("nom"), required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    status = forms.ChoiceField(
        label=_("Visibilité"), widget=forms.RadioSelect,
        choices=[(ProductStatus.PUBLISHED, _("Publié (visible dès que votre fiche est "
                                             "validée)")),
                 (ProductStatus.DRAFT, _("Brouillon (visible par vous seul)"))],
        initial=ProductStatus.PUBLISHED,
    )
    photos = PhotosField(label=_("Photos"), max_count=MAX_PRODUCT_PHOTOS,
                         help_text=_("Jusqu'à 5 photos : JPEG, PNG ou WebP, 10 Mo au plus "
                                     "chacune."))

    class Meta:
        model = Product
        fields = ["nom", "category", "description", "price", "unit", "unit_size", "stock",
                  "is_available", "season_months", "labels", "status"]
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}
        labels = {"is_available": _("Disponible à la vente"), "unit": _("Prix pour")}

    def __init__(self, *args: Any, photo_room: int = MAX_PRODUCT_PHOTOS, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        photos = self.fields["photos"]
        assert isinstance(photos, PhotosField)
        photos.max_count = photo_room
        if photo_room == 0:
            del self.fields["photos"]
        if self.instance.pk and self.instance.status == ProductStatus.ARCHIVED:
            status = self.fields["status"]
            assert isinstance(status, forms.ChoiceField)
            status.choices = [*list(status.choices),  # type: ignore[arg-type]
                              (ProductStatus.ARCHIVED, _("Archivé"))]
        if self.instance.pk and self.instance.status == ProductStatus.HIDDEN:
            # Only the CCI shows it again: the producer still edits the rest of the product.
            status = self.fields["status"]
            assert isinstance(status, forms.ChoiceField)
            status.choices = [(ProductStatus.HIDDEN, _("Masqué par l'équipe de la CCI"))]
            status.disabled = True

    def product_data(self) -> dict[str, Any]:
        skip = {"labels", "photos"}
        return {k: v for k, v in self.cleaned_data.items() if k not in skip}

    def _post_clean(self) -> None:
        pass  # the service validates the model


class QuickEditForm(forms.Form):
    """The inline edit of a product line in the catalogue list."""

    price = price_field()
    stock = stock_field(help_text=_("Vide : à la demande."))
    is_available = forms.BooleanField(label=_("Disponible"), required=False)
    # The stock shown when the row was drawn: orders taken meanwhile are not overwritten.
    stock_seen = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args: Any, product: Product, **kwargs: Any) -> None:
        kwargs.setdefault("prefix", f"p{product.pk}")
        kwargs.setdefault("initial", {"price": product.price, "stock": product.stock,
                                      "stock_seen": product.stock,
                                      "is_available": product.is_available})
        super().__init__(*args, **kwargs)
        self.product = product
