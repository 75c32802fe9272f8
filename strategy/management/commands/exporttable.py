"""exporttable: write one of the three tables, exactly as the admin's export gives it."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from shared.spreadsheets import TableFileError, table_format, table_resource_class, write_table
from strategy.models import Strategy


class Command(BaseCommand):
    help = _(
        "Exporte un tableau (actions, financements, bénéficiaires ou mesures) d'une stratégie "
        "en .xlsx, .ods ou .csv."
    )

    def add_arguments(self, parser):
        parser.add_argument("strategy", help=_("identifiant (slug) de la stratégie"))
        parser.add_argument("table", help=_("actions, financements, beneficiaires ou mesures"))
        parser.add_argument("file", help=_("fichier .xlsx, .ods ou .csv à écrire"))

    def handle(self, *args, strategy, table, file, **options):
        found = Strategy.objects.filter(slug=strategy).first()
        if found is None:
            raise CommandError(_("Stratégie inconnue : « %(slug)s ».") % {"slug": strategy})
        try:
            resource_class = table_resource_class(table)
            kind = table_format(file)
        except TableFileError as error:
            raise CommandError(str(error)) from error
        dataset = resource_class(strategy=found).export()
        try:
            Path(file).write_bytes(write_table(dataset, kind))
        except OSError as error:
            raise CommandError(
                _("Impossible d'écrire « %(file)s » : %(error)s.") % {"file": file, "error": error.strerror}
            ) from error
        self.stdout.write(
            _("%(count)s ligne(s) exportée(s) dans %(file)s.") % {"count": len(dataset), "file": file}
        )
