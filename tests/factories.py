"""factory_boy factories shared by the test tree (communes come from the real data)."""

from decimal import Decimal
from typing import Any

import factory
from django.contrib.auth import get_user_model
from django.utils import timezone
from stdnum import luhn

from marketplace.reference.models import Category, Commune, Label
from producers.indexing import index_producers, index_products
from producers.models import (
    MemberRole,
    OpeningHours,
    PointOfSale,
    PointOfSaleKind,
    Producer,
    ProducerMembership,
    ProducerStatus,
    Product,
)


def valid_siret(n: int) -> str:
    """The n-th SIRET that passes both keys (the SIREN's and the whole number's)."""
    siren = f"{n % 10**8:08d}"
    siren += luhn.calc_check_digit(siren)
    establishment = siren + f"{n // 10**8 % 10**4:04d}"
    return establishment + luhn.calc_check_digit(establishment)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]

    username = factory.Sequence(lambda n: f"user{n}@example.test")
    email = factory.SelfAttribute("username")
    password = factory.django.Password("motdepasse-solide-46")


def commune(code_insee: str = "46042") -> Commune:
    """A real commune; needs the `lot_communes` fixture."""
    return Commune.objects.get(code_insee=code_insee)


class ProducerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Producer
        skip_postgeneration_save = True

    nom = factory.Sequence(lambda n: f"Ferme numéro {n}")
    slug = factory.Sequence(lambda n: f"ferme-numero-{n}")
    siret = factory.Sequence(lambda n: valid_siret(73282932000000 // 10 + n))
    description = "Une ferme du Lot."
    status = ProducerStatus.APPROVED
    commune = factory.LazyFunction(lambda: commune("46042"))
    offers_pickup = True

    @factory.post_generation
    def index(self, create: bool, extracted: object, **kwargs: object) -> None:
        # Like every writer of the catalogue, the factory keeps the search index in step.
        if create:
            index_producers([self.pk])  # type: ignore[attr-defined]


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProducerMembership

    producer = factory.SubFactory(ProducerFactory)
    user = factory.SubFactory(UserFactory)
    role = MemberRole.OWNER


class PointOfSaleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PointOfSale
        skip_postgeneration_save = True

    producer = factory.SubFactory(ProducerFactory)
    kind = PointOfSaleKind.FARM
    nom = "À la ferme"
    commune = factory.SelfAttribute("producer.commune")

    @factory.post_generation
    def hours(self, create: bool, extracted: Any, **kwargs: object) -> None:
        """`hours=[6, (3, time(8), time(12))]`: a day alone, or a day with its times."""
        for item in extracted or ():
            day, opens, closes = (item, None, None) if isinstance(item, int) else item
            OpeningHours.objects.create(point_of_sale_id=self.pk, weekday=day, opens=opens,  # type: ignore[attr-defined]
                                        closes=closes)


def category(slug: str = "fromages-de-chevre") -> Category:
    """A category of the shipped taxonomy (loaded by a migration)."""
    return Category.objects.get(slug=slug)


def label(slug: str = "aop") -> Label:
    return Label.objects.get(slug=slug)


class ProductFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Product
        skip_postgeneration_save = True

    producer = factory.SubFactory(ProducerFactory)
    nom = factory.Sequence(lambda n: f"Produit {n}")
    slug = factory.Sequence(lambda n: f"produit-{n}")
    category = factory.LazyFunction(category)
    description = "Un produit de la ferme."
    price = Decimal("4.50")
    unit = "piece"

    @factory.post_generation
    def index(self, create: bool, extracted: object, **kwargs: object) -> None:
        if create:
            index_products([self.pk], producer_ids=[self.producer_id])  # type: ignore[attr-defined]


def verified(user: Any) -> Any:
    """The user's address confirmed by its e-mailed link, as any producer's that used the site."""
    from producers.models import VerifiedEmail

    VerifiedEmail.objects.get_or_create(user=user, email=user.email.lower(),
                                        defaults={"verified_at": timezone.now()})
    return user
