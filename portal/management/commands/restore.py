from django.core.management.base import BaseCommand, CommandError

from portal.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = (
        "Restore a backup folder (made by `backup`) into an empty database and unpack its files into "
        "MEDIA_ROOT and PRIVATE_MEDIA_ROOT. Stop the portal and its task worker first."
    )

    def add_arguments(self, parser):
        parser.add_argument("source", help="the dated backup folder")
        parser.add_argument("--database", default="default", help="database alias (default: default)")
        parser.add_argument(
            "--force", action="store_true", help="restore even into a database that has tables, replacing them"
        )

    def handle(self, *args, **options):
        try:
            restore_backup(source=options["source"], database=options["database"], force=options["force"])
        except BackupError as error:
            raise CommandError(error) from error
        self.stdout.write(self.style.SUCCESS(f"Restored {options['source']}"))
