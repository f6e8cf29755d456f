from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from marketplace.reference.signals import reference_changed


class ProducersConfig(AppConfig):
    name = "producers"
    verbose_name = _("Producteurs")

    def ready(self) -> None:
        # Models are importable only once the registry is ready.
        from producers.reference_changes import reindex_for_reference

        reference_changed.connect(reindex_for_reference,
                                  dispatch_uid="producers.reindex_for_reference")
