"""/sitemap.xml: every public page (producers, products, communes with producers, categories)."""

from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap as BaseSitemap
from django.db.models import Exists, OuterRef
from django.urls import reverse

from marketplace.reference.models import Category, Commune
from producers.models import Producer, Product


class Sitemap(BaseSitemap):
    """Addresses on SITE_URL (the canonical host), whatever host the request came through."""

    def get_protocol(self, protocol: str | None = None) -> str:
        return urlsplit(settings.SITE_URL).scheme or "https"

    def get_domain(self, site: Any = None) -> str:
        return urlsplit(settings.SITE_URL).netloc


class StaticSitemap(Sitemap):
    changefreq = "daily"
    priority = 0.8

    def items(self) -> list[str]:
        return ["marketplace:home", "marketplace:producer_list", "marketplace:product_list"]

    def location(self, item: str) -> str:
        return reverse(item)


class InfoSitemap(Sitemap):
    """The footer's pages: what the site is, who publishes it, its data (the contact forms
    are not pages to find through a search engine)."""
    changefreq = "monthly"
    priority = 0.3

    def items(self) -> list[str]:
        return ["marketplace:about", "marketplace:legal_notices", "marketplace:privacy",
                "marketplace:open_data"]

    def location(self, item: str) -> str:
        return reverse(item)


class ProducerSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.7

    def items(self) -> Any:
        return Producer.objects.public().order_by("pk").only("slug", "updated_at")

    def lastmod(self, item: Producer) -> Any:
        return item.updated_at


class ProductSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.6

    def items(self) -> Any:
        return (Product.objects.published().order_by("pk")
                .select_related("producer").only("slug", "updated_at", "producer__slug"))

    def lastmod(self, item: Product) -> Any:
        return item.updated_at


class CommuneSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.4

    def items(self) -> Any:
        return (Commune.objects.in_territory()
                .filter(Exists(Producer.objects.public().filter(commune=OuterRef("pk"))))
                .order_by("code_insee").only("code_insee"))


class CategorySitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.5

    def items(self) -> Any:
        return Category.objects.order_by("pk").only("slug")


SITEMAPS = {
    "pages": StaticSitemap,
    "informations": InfoSitemap,
    "producteurs": ProducerSitemap,
    "produits": ProductSitemap,
    "communes": CommuneSitemap,
    "categories": CategorySitemap,
}
