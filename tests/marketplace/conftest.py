"""A small catalogue over real communes, indexed by the ORM signals as any write is."""

from dataclasses import dataclass
from decimal import Decimal

import pytest
from django.core.cache import cache

from producers.models import PointOfSaleKind, ProductStatus
from tests.factories import PointOfSaleFactory, ProducerFactory, ProductFactory, category, commune


@pytest.fixture(autouse=True)
def _fresh_caches():
    """The filter choices, the index's words and the named categories are cached per process."""
    from marketplace.directory.intent import forget_categories
    from marketplace.search.backends.postgresql import forget_terms
    from marketplace.search.backends.sqlite import forget_vocabulary

    def forget() -> None:
        cache.clear()
        forget_vocabulary()
        forget_terms()
        forget_categories()

    forget()
    yield
    forget()


@dataclass
class Catalogue:
    producers: dict
    products: dict


@pytest.fixture
def catalogue(lot_communes):
    """Producers around Figeac (46102), Cahors (46042), Rocamadour (46240) and Lalbenque."""
    p = {
        "figeac": ProducerFactory(nom="La Chèvrerie de Figeac", slug="chevrerie-figeac",
                                  commune=commune("46102"), latitude=44.6100, longitude=2.0350,
                                  offers_pickup=True, accepts_online_payment=True),
        "capdenac": ProducerFactory(nom="Ferme du Célé", slug="ferme-du-cele",
                                    commune=commune("46055"), latitude=None, longitude=None,
                                    offers_pickup=False),
        "cahors": ProducerFactory(nom="Domaine du Causse", slug="domaine-du-causse",
                                  commune=commune("46042"), offers_pickup=False),
        "rocamadour": ProducerFactory(nom="Les Bergers du Causse", slug="bergers-du-causse",
                                      commune=commune("46240")),
        "lalbenque": ProducerFactory(nom="Truffière de Lalbenque", slug="truffiere-lalbenque",
                                     commune=commune("46148"), description="Trufficulteurs."),
        "pending": ProducerFactory(nom="Chèvres en attente", slug="chevres-en-attente",
                                   commune=commune("46102"), status="pending"),
    }
    f = {
        "chevre_figeac": ProductFactory(producer=p["figeac"], nom="Fromage de chèvre frais",
                                        slug="fromage-de-chevre-frais",
                                        category=category("fromages-de-chevre"),
                                        price=Decimal("3.50")),
        "buche_capdenac": ProductFactory(producer=p["capdenac"], nom="Bûche cendrée",
                                         slug="buche-cendree",
                                         category=category("fromages-de-chevre"),
                                         description="Un chèvre affiné.", price=Decimal("6.00")),
        "rocamadour": ProductFactory(producer=p["rocamadour"], nom="Rocamadour AOP",
                                     slug="rocamadour-aop", category=category("fromages-de-chevre"),
                                     price=Decimal("1.20")),
        "vin": ProductFactory(producer=p["cahors"], nom="Vin de Cahors AOC 2022",
                              slug="vin-de-cahors", category=category("vins-rouges"),
                              price=Decimal("12.00")),
        "safran": ProductFactory(producer=p["lalbenque"], nom="Safran du Quercy",
                                 slug="safran-du-quercy", category=category("safran"),
                                 price=Decimal("15.00")),
        "truffes": ProductFactory(producer=p["lalbenque"], nom="Truffes noires",
                                  slug="truffes-noires", category=category("truffes"),
                                  price=Decimal("90.00")),
        "noix": ProductFactory(producer=p["cahors"], nom="Noix fraîches", slug="noix-fraiches",
                               category=category("noix"), price=Decimal("5.00")),
        "pintade": ProductFactory(producer=p["figeac"], nom="Pintade fermière",
                                  slug="pintade-fermiere", category=category("volailles"),
                                  price=Decimal("18.00")),
        "draft": ProductFactory(producer=p["figeac"], nom="Chèvre brouillon", slug="brouillon",
                                status=ProductStatus.DRAFT),
        "pending": ProductFactory(producer=p["pending"], nom="Chèvre caché", slug="cache"),
    }
    PointOfSaleFactory(producer=p["figeac"], kind=PointOfSaleKind.FARM, nom="À la ferme")
    # The Cahors winemaker sells at Figeac's Saturday market: "at a market in Figeac".
    PointOfSaleFactory(producer=p["cahors"], kind=PointOfSaleKind.MARKET,
                       nom="Marché de Figeac", commune=commune("46102"), hours=[6])
    PointOfSaleFactory(producer=p["lalbenque"], kind=PointOfSaleKind.MARKET,
                       nom="Marché aux truffes", commune=commune("46148"), hours=[2])
    return Catalogue(producers=p, products=f)
