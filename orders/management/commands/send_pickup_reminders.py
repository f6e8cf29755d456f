from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from orders.services import pickup_reminders_send


class Command(BaseCommand):
    help = ("Rappelle aux clients leur retrait du lendemain (un e-mail par commande, jamais "
            "deux : la commande se relance sans risque, par exemple chaque heure).")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--jour", help="Jour de retrait (AAAA-MM-JJ), demain par défaut.")

    def handle(self, *args: Any, **options: Any) -> None:
        day = None
        if options["jour"]:
            try:
                day = date.fromisoformat(options["jour"])
            except ValueError:
                raise CommandError("--jour attend une date AAAA-MM-JJ.") from None
        count = pickup_reminders_send(day=day)
        self.stdout.write(f"{count} rappel(s) envoyé(s).")
