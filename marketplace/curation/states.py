"""The web import's statuses: checked first (a dry run), imported only once confirmed."""

from django.utils.translation import gettext_lazy as _

from marketplace.common.states import StateMachine, Transition
from marketplace.curation.models import ImportStatus

R = ImportStatus
IMPORT = StateMachine(ImportStatus, [
    Transition("check_passed", frozenset({R.CHECKING}), R.CHECKED, _("vérifier")),
    Transition("check_refused", frozenset({R.CHECKING}), R.INVALID, _("refuser")),
    Transition("start", frozenset({R.CHECKED}), R.IMPORTING, _("importer")),
    Transition("finish", frozenset({R.IMPORTING}), R.DONE, _("terminer")),
    Transition("fail", frozenset({R.CHECKING, R.IMPORTING}), R.FAILED, _("échouer")),
], subject=_("cet import"))
