from django.core.management.base import BaseCommand, CommandError

from portal.backup import BackupError, create_backup


class Command(BaseCommand):
    help = "Back up the database, MEDIA_ROOT and PRIVATE_MEDIA_ROOT into a new dated folder under the given one."

    def add_arguments(self, parser):
        parser.add_argument("destination", help="folder in which the dated backup folder is made")
        parser.add_argument("--database", default="default", help="database alias (default: default)")

    def handle(self, *args, **options):
        try:
            folder = create_backup(destination=options["destination"], database=options["database"])
        except BackupError as error:
            raise CommandError(error) from error
        self.stdout.write(self.style.SUCCESS(f"Backup written to {folder}"))
