from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MarketplaceConfig(AppConfig):
    name = "marketplace"
    verbose_name = _("Place de marché")

    def ready(self) -> None:
        from marketplace.search import signals

        signals.connect()
