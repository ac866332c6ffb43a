from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from portal.accounts import DEMO_ACCOUNTS, DEMO_PASSWORD
from portal.demo import registered_seeders
from portal.search import indexing


class Command(BaseCommand):
    help = "Create the demo site tree, content and accounts in six languages. Running it again changes nothing."

    def handle(self, *args, **options):
        if settings.PORTAL_ENVIRONMENT == "production":
            raise CommandError("seed_demo refuses to run under production settings: it creates demo accounts.")
        # Each object created is indexed for search once, at the end, rather than by a task per change.
        with transaction.atomic(), indexing.collected():
            notes = []
            for seeder in registered_seeders():
                self.stdout.write(f"Seeding {seeder.name}…")
                notes.extend(seeder.run() or [])
        self.stdout.write(self.style.SUCCESS("Demo data is in place. Demo accounts:"))
        for username, _groups, _superuser, purpose in DEMO_ACCOUNTS:
            self.stdout.write(f"  {username:<13} {purpose}")
        self.stdout.write(f"Password of every demo account: {DEMO_PASSWORD}")
        for note in notes:
            self.stdout.write(note)
