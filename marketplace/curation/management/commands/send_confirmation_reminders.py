from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from marketplace.curation.freshness import confirmation_reminders_send


class Command(BaseCommand):
    help = _("Envoie l'e-mail annuel qui demande aux producteurs de confirmer leur fiche (à "
             "lancer chaque jour, par exemple avec cron).")

    def handle(self, *args, **options):  # type: ignore[no-untyped-def]
        sent = confirmation_reminders_send()
        self.stdout.write(_("%(n)s e-mail(s) de confirmation envoyé(s).") % {"n": sent})
