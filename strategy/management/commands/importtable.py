"""importtable: import one of the three tables from .xlsx, .ods or .csv, all or nothing."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from shared.spreadsheets import TableFileError, check_size, read_table, table_format, table_resource_class
from shared.tables import result_messages
from strategy.models import Strategy

PROGRESS_EVERY = 500


class Command(BaseCommand):
    help = _(
        "Importe un tableau (actions, financements, bénéficiaires ou mesures) d'un fichier .xlsx, "
        ".ods ou .csv dans une stratégie : tout ou rien."
    )

    def add_arguments(self, parser):
        parser.add_argument("strategy", help=_("identifiant (slug) de la stratégie"))
        parser.add_argument("table", help=_("actions, financements, beneficiaires ou mesures"))
        parser.add_argument("file", help=_("fichier .xlsx, .ods ou .csv"))
        parser.add_argument("--dry-run", action="store_true", help=_("vérifier sans rien enregistrer"))
        parser.add_argument("--progress", action="store_true", help=_("afficher l'avancement"))

    def handle(self, *args, strategy, table, file, dry_run, progress, **options):
        found = Strategy.objects.filter(slug=strategy).select_related("territory").first()
        if found is None:
            raise CommandError(_("Stratégie inconnue : « %(slug)s ».") % {"slug": strategy})
        path = Path(file)
        try:
            resource_class = table_resource_class(table)
            kind = table_format(path)
            if not path.is_file():
                raise TableFileError(_("Fichier introuvable : « %(path)s ».") % {"path": file})
            check_size(path.stat().st_size)
            dataset = read_table(path.read_bytes(), kind, [resource_class.sheet_title])
        except TableFileError as error:
            raise CommandError(str(error)) from error

        resource = resource_class(strategy=found, user=None, preview=False)
        show_progress = progress or self.stderr.isatty()
        # All or nothing, and nothing on a dry run: the resource's import_data rolls back.
        result = resource.import_data(
            dataset,
            dry_run=dry_run,
            raise_errors=False,
            progress=self.report_progress if show_progress else None,
        )
        messages = result_messages(result)
        if messages:
            for message in messages:
                self.stderr.write(message)
            raise CommandError(
                _("Import refusé : %(count)s erreur(s). Rien n'a été modifié.") % {"count": len(messages)}
            )
        totals = result.totals
        summary = _("%(new)s ligne(s) créée(s), %(update)s mise(s) à jour, %(skip)s inchangée(s).") % {
            "new": totals["new"],
            "update": totals["update"],
            "skip": totals["skip"],
        }
        if dry_run:
            summary += " " + _("Simulation (--dry-run) : rien n'a été enregistré.")
        self.stdout.write(summary)

    def report_progress(self, number, total):
        if number % PROGRESS_EVERY == 0 or number == total:
            self.stderr.write(_("%(number)s / %(total)s lignes…") % {"number": number, "total": total})
