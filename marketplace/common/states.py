"""State machines written down once: a table of allowed moves, each refused move explained.

Each status field of the project (a producer's, a product's, an order's) declares its machine
with `StateMachine`; one service per transition asks it `check()` before writing, so the
dashboard, the API, the admin and the import all refuse the same moves with the same message.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext as _


@dataclass(frozen=True)
class Transition:
    name: str
    sources: frozenset[str]
    target: str
    # What the move is called in the interface (« valider », « suspendre »).
    verb: str | Promise
    reason_required: bool = False


class StateMachine:
    def __init__(self, choices: type[models.TextChoices], transitions: Iterable[Transition],
                 *, subject: str | Promise) -> None:
        self.choices = choices
        self.subject = subject  # « ce producteur », « ce produit »
        self.transitions = {t.name: t for t in transitions}
        for transition in self.transitions.values():
            for status in (*transition.sources, transition.target):
                choices(status)  # an unknown status is a programming error: fail at import

    def label(self, status: str) -> str:
        return str(self.choices(status).label)

    def allowed(self, current: str) -> list[Transition]:
        return [t for t in self.transitions.values() if current in t.sources]

    def transition(self, name: str) -> Transition:
        return self.transitions[name]

    def between(self, current: str, target: str) -> Transition:
        """The transition from `current` to `target`; a French ValidationError if none."""
        for transition in self.allowed(current):
            if transition.target == target:
                return transition
        raise self._refusal(current, target)

    def check(self, name: str, current: str, *, reason: str = "") -> Transition:
        """The named transition, if it may start from `current` (and has its reason)."""
        transition = self.transitions[name]
        if current not in transition.sources:
            raise self._refusal(current, transition.target)
        if transition.reason_required and not reason.strip():
            raise ValidationError({"reason": _("Indiquez le motif : il sera communiqué.")})
        return transition

    def _refusal(self, current: str, target: str) -> ValidationError:
        # Several moves may lead to one status: each is named once.
        possible = list(dict.fromkeys(self.label(t.target) for t in self.allowed(current)))
        message = _("Impossible de passer %(subject)s de « %(source)s » à « %(target)s ».") % {
            "subject": self.subject, "source": self.label(current), "target": self.label(target)}
        if possible:
            message += " " + _("Depuis « %(source)s », possible : %(possible)s.") % {
                "source": self.label(current),
                "possible": ", ".join(f"« {p} »" for p in possible)}
        return ValidationError({"status": message}, code="invalid_transition")

