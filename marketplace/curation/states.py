"""The web import's statuses: checked first (a dry run), imported only once confirmed."""

from django.utils.translation import gettext_lazy as _

from marketplace.common.states import StateMachine, Transition
from marketplace.curation.models import ImportStatus

I = ImportStatus
IMPORT = StateMachine(ImportStatus, [
    Transition("check_passed", frozenset({I.CHECKING}), I.CHECKED, _("vérifier")),
    Transition("check_refused", frozenset({I.CHECKING}), I.INVALID, _("refuser")),
    Transition("start", frozenset({I.CHECKED}), I.IMPORTING, _("importer")),
    Transition("finish", frozenset({I.IMPORTING}), I.DONE, _("terminer")),
    Transition("fail", frozenset({I.CHECKING, I.IMPORTING}), I.FAILED, _("échouer")),
], subject=_("cet import"))
