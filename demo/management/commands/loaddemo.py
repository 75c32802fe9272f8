from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from demo.datafile import DemoDataError
from demo.load import load_demo, reset_portal
from strategy.models import Strategy


class Command(BaseCommand):
    help = _(
        "Charge les stratégies de démonstration (PEDT d'Ivry-sur-Seine, Cité éducative exemple). "
        "Deux exécutions successives donnent le même résultat."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--users",
            action="store_true",
            help=_("Crée aussi un compte par rôle (mot de passe « demo ») ; seulement avec DEBUG."),
        )
        parser.add_argument("--reset", action="store_true", help=_("Vide d'abord les tables du portail."))
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help=_("Ne touche pas aux données si une stratégie existe déjà (les comptes restent créés)."),
        )

    def handle(self, *args, **options):
        if options["users"] and not settings.DEBUG:
            raise CommandError(
                _(
                    "Les comptes de démonstration (mot de passe « demo ») ne sont créés qu'en mode "
                    "développement : relancez avec DEBUG=1, ou sans --users."
                )
            )
        if options["reset"]:
            reset_portal()
            self.stdout.write(_("Tables du portail vidées."))
        with_data = not (options["if_empty"] and Strategy.objects.exists())
        if not with_data:
            self.stdout.write(_("Des stratégies existent déjà : données de démonstration non modifiées."))
        try:
            counts = load_demo(with_data=with_data, with_users=options["users"])
        except DemoDataError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(
                _(
                    "Démonstration prête : %(strategies)d stratégies, %(actions)d actions, "
                    "%(indicators)d indicateurs, %(measurements)d mesures, %(organisations)d organisations "
                    "engagées."
                )
                % counts
            )
        )
        if options["users"]:
            self.stdout.write(
                _(
                    "Comptes de démonstration (mot de passe « demo ») : admin, coordination, pilote, "
                    "pilote-jeunesse, pilote-culture, partenaire, copil."
                )
            )
