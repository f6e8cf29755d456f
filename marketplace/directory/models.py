"""What the public directory records: searches, without personal data, for the CCI's dashboard
(searches per week, the searches that found nothing)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchLog(models.Model):
    """One search typed in a list page. Only the folded words, the kind of list, the number of
    results and the day: no address, no account, no session, no time of day."""

    class Kind(models.TextChoices):
        PRODUCTS = "products", _("Produits")
        PRODUCERS = "producers", _("Producteurs")

    day = models.DateField(_("jour"), db_index=True)
    kind = models.CharField(_("liste"), max_length=10, choices=Kind.choices)
    query = models.CharField(_("recherche"), max_length=100)
    results = models.PositiveIntegerField(_("résultats"))

    class Meta:
        verbose_name = _("recherche")
        indexes = [models.Index(fields=["results", "day"], name="searchlog_results_day")]

    def __str__(self) -> str:
        return f"{self.day} {self.query} ({self.results})"
