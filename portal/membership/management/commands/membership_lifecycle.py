from django.core.management.base import BaseCommand

from portal.membership.services import membership_send_reminders, memberships_expire


class Command(BaseCommand):
    help = "Send renewal reminders and expire memberships past their date. Run daily (cron or a systemd timer)."

    def handle(self, *args, **options):
        reminded = membership_send_reminders()
        expired = memberships_expire()
        self.stdout.write(f"Reminders sent: {len(reminded)}; memberships expired: {len(expired)}")
