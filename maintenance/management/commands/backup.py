from django.core.management.base import BaseCommand

from maintenance.archive import write_backup


class Command(BaseCommand):
    help = "Sauvegarde tout le portail (base de données et fichiers) dans une archive .tar.gz."

    def add_arguments(self, parser):
        parser.add_argument("archive", help="Chemin de l'archive à écrire, par exemple var/sauvegarde.tar.gz")

    def handle(self, archive, **options):
        objects, files = write_backup(archive)
        self.stdout.write(f"Sauvegarde écrite dans {archive} : {objects} objets, {files} fichiers.")
