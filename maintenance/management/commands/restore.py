from django.core.management.base import BaseCommand, CommandError

from maintenance.archive import BackupError, read_backup


class Command(BaseCommand):
    help = "Restaure une sauvegarde du portail : remplace toutes les données et y ajoute les fichiers."

    def add_arguments(self, parser):
        parser.add_argument("archive")
        parser.add_argument("--yes", action="store_true", help="Ne pas demander de confirmation.")

    def handle(self, archive, yes, **options):
        if not yes:
            answer = input("Toutes les données actuelles seront remplacées. Continuer ? [oui/non] ")
            if answer.strip().lower() not in {"oui", "o", "yes", "y"}:
                raise CommandError("Restauration annulée.")
        try:
            files = read_backup(archive)
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"Sauvegarde {archive} restaurée ({files} fichiers).")
