from django.core.management.base import BaseCommand

from forum.models import EmailMode
from forum.tasks import send_pending


class Command(BaseCommand):
    help = "Send the daily digests (--digest) or retry immediate e-mails that failed (default)."

    def add_arguments(self, parser):
        parser.add_argument("--digest", action="store_true", help="send the daily digest e-mails")

    def handle(self, *args, **options):
        mode = EmailMode.DIGEST if options["digest"] else EmailMode.IMMEDIATE
        sent, failed = send_pending(mode=mode)
        self.stdout.write(f"E-mails sent: {sent}; failed and kept for the next run: {failed}")
