"""Abstract models shared by several apps (no table of their own)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class StatusChange(models.Model):
    """One move of a state machine: when, from what, to what, by whom, and why."""

    source = models.CharField(_("de"), max_length=20)
    target = models.CharField(_("vers"), max_length=20)
    reason = models.TextField(_("motif"), blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+", verbose_name=_("par"),
    )
    at = models.DateTimeField(_("le"), db_index=True)

    class Meta:
        abstract = True
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.source} → {self.target} ({self.at:%Y-%m-%d %H:%M})"
