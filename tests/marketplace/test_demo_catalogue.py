"""The demo catalogue's content is believable: each farm its own story and products, labels
only where the appellation applies, craftspeople selling their own craft, real places."""

import csv
from pathlib import Path

from marketplace.common.text import fold
from marketplace.demo.data.catalogue import FARMS
from marketplace.demo.data.images import KINDS
from marketplace.demo.data.seed import MARKETS, SHOPS
from marketplace.reference.taxonomy import CATEGORIES, LABELS

COMMUNES = Path(__file__).resolve().parents[2] / "data" / "communes-lot-46.csv"
CRAFTS = {"poterie", "bois", "textile", "cosmetiques"}


def test_every_farm_has_its_own_name_story_and_products():
    assert 40 <= len(FARMS) <= 60
    assert len({fold(f.name) for f in FARMS}) == len(FARMS)
    assert len({f.story for f in FARMS}) == len(FARMS)
    product_lists = [tuple(sorted(fold(i.name) for i in f.products)) for f in FARMS]
    assert len(set(product_lists)) == len(FARMS)
    descriptions = [i.description for f in FARMS for i in f.products]
    assert len(set(descriptions)) == len(descriptions)
    for farm in FARMS:
        names = [fold(i.name) for i in farm.products]
        assert len(set(names)) == len(names), farm.name


def test_farms_are_spread_over_real_communes_and_sell_at_listed_markets():
    with COMMUNES.open(encoding="utf-8") as handle:
        codes = {row["code_insee"] for row in csv.DictReader(handle)}
    assert {f.commune for f in FARMS} <= codes
    assert len({f.commune for f in FARMS}) >= 45
    markets, shops = {m[-1] for m in MARKETS}, {s[-1] for s in SHOPS}
    for farm in FARMS:
        assert set(farm.markets) <= markets, farm.name
        assert not farm.shop or farm.shop in shops, farm.name
    assert {m for f in FARMS for m in f.markets} == markets  # every market has its stalls


def test_labels_and_categories_exist_and_appellations_fit_the_product():
    categories = {slug for parent, *_, children in CATEGORIES
                  for slug in [parent, *(c[0] for c in children)]}
    labels = {label["slug"] for label in LABELS}
    for farm in FARMS:
        assert set(farm.labels) <= labels, farm.name
        for item in farm.products:
            assert item.category in categories and set(item.labels) <= labels, item.name
            name = fold(item.name)
            if "aop" in item.labels:
                assert "rocamadour" in name or "noix du perigord" in name, item.name
            if "aoc" in item.labels:
                assert item.category.startswith("vins-"), item.name
                assert "cahors" in name or "coteaux du quercy" in name, item.name
            if "rocamadour" in name:
                assert "aop" in item.labels and item.category == "fromages-de-chevre"
            if "igp" in item.labels:
                assert item.category in {"agneau", "boeuf-et-veau", "melons",
                                         "canard-et-foie-gras"}, item.name


def test_craftspeople_sell_their_own_craft_and_every_product_has_a_fitting_picture():
    for farm in FARMS:
        crafts = {i.category for i in farm.products} & CRAFTS
        if {i.category for i in farm.products} <= CRAFTS:
            assert len(crafts) == 1, farm.name  # a potter sells pots, not soap or scarves
        for item in farm.products:
            assert (item.picture or item.category) in KINDS, item.name
