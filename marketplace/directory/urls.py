from django.contrib.sitemaps import views as sitemap_views
from django.urls import path

from marketplace.common.ratelimit import Limit, rate_limited
from marketplace.common.responses import too_many_requests
from marketplace.directory import limits
from marketplace.directory.page_cache import anonymous_page_cache
from marketplace.directory.sitemaps import SITEMAPS
from marketplace.directory.views import (
    autocomplete,
    contact,
    home,
    info,
    lists,
    markets,
    opendata,
    pages,
)

app_name = "marketplace"


def limited(rules: tuple[Limit, ...]):  # type: ignore[no-untyped-def]
    return rate_limited(*rules, on_limit=too_many_requests)


urlpatterns = [
    path("", home.home, name="home"),
    path("producteurs/", lists.producer_list, name="producer_list"),
    path("producteurs/<slug:slug>/", pages.producer_detail, name="producer"),
    path("producteurs/<slug:slug>/contact/",
         limited(limits.PRODUCER_CONTACT)(contact.producer_contact), name="producer_contact"),
    path("produits/", lists.product_list, name="product_list"),
    path("produits/<slug:producer_slug>/<slug:slug>/", pages.product_detail, name="product"),
    path("communes/<str:code_insee>/", pages.commune_detail, name="commune"),
    path("categories/<slug:slug>/", pages.category_detail, name="category"),
    path("marches/", markets.market_list, name="market_list"),
    path("contact/", limited(limits.TEAM_CONTACT)(contact.team_contact), name="contact"),
    path("mentions-legales/", info.legal_notices, name="legal_notices"),
    path("confidentialite/", info.privacy, name="privacy"),
    path("a-propos/", info.about, name="about"),
    path("donnees-ouvertes/", info.open_data, name="open_data"),
    path("autocompletion/communes/", autocomplete.communes, name="autocomplete_communes"),
    path("autocompletion/produits/", autocomplete.products, name="autocomplete_products"),
    path("robots.txt", opendata.robots_txt, name="robots"),
    path("sitemap.xml", anonymous_page_cache()(sitemap_views.index),
         {"sitemaps": SITEMAPS, "sitemap_url_name": "marketplace:sitemap_section"},
         name="sitemap"),
    path("sitemap-<section>.xml", anonymous_page_cache()(sitemap_views.sitemap),
         {"sitemaps": SITEMAPS}, name="sitemap_section"),
    path("opendata/producteurs.csv", opendata.producers_csv, name="opendata_csv"),
    path("opendata/producteurs.geojson", opendata.producers_geojson, name="opendata_geojson"),
    path("opendata/produits.csv", opendata.products_csv, name="opendata_products_csv"),
]
