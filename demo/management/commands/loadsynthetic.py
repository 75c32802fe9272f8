import time

from django.core.management.base import BaseCommand, CommandError
from django.utils.text import slugify
from django.utils.translation import gettext as _

from demo.synthetic import load_synthetic


class Command(BaseCommand):
    help = _(
        "Crée ou remplace une stratégie publiée de la taille demandée, pour les tests et les mesures de "
        "performance. Le résultat ne dépend que de la graine."
    )

    def add_arguments(self, parser):
        parser.add_argument("slug", help=_("Identifiant de la stratégie à créer ou remplacer."))
        parser.add_argument("--actions", type=int, required=True, help=_("Nombre d'actions."))
        parser.add_argument("--seed", type=int, default=0, help=_("Graine du générateur (0 par défaut)."))

    def handle(self, *args, slug, actions, seed, **options):
        if slugify(slug) != slug:
            raise CommandError(
                _("« %(slug)s » n'est pas un identifiant valide (minuscules, chiffres, tirets).")
                % {"slug": slug}
            )
        if actions < 1:
            raise CommandError(_("Le nombre d'actions doit être au moins 1."))
        started = time.perf_counter()
        counts = load_synthetic(slug, actions, seed=seed)
        elapsed = time.perf_counter() - started
        self.stdout.write(
            self.style.SUCCESS(
                _(
                    "Stratégie « %(slug)s » créée en %(elapsed).2f s : %(actions)d actions, "
                    "%(organisations)d organisations, %(indicators)d indicateurs, %(measurements)d mesures, "
                    "%(budget_lines)d lignes de financement."
                )
                % {"slug": slug, "elapsed": elapsed, **counts}
            )
        )
