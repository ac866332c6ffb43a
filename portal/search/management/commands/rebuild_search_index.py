from django.core.management.base import BaseCommand

from tqdm import tqdm

from portal.search.backends import BACKENDS, active_backend_names
from portal.search.rebuild import rebuild


class Command(BaseCommand):
    help = "Rebuild the search index: the database's, then Elasticsearch's when it is the configured backend."

    def add_arguments(self, parser):
        parser.add_argument("--backend", choices=sorted(BACKENDS), help="Rebuild only this backend's index.")
        parser.add_argument("--resume", action="store_true", help="Continue the last rebuild that did not finish.")

    def handle(self, *args, backend=None, resume=False, **options):
        names = [backend] if backend else active_backend_names()
        self.stderr.ending = ""  # tqdm redraws its bar with carriage returns, not new lines
        for name in names:
            with tqdm(desc=name, unit="obj", disable=options["verbosity"] == 0, file=self.stderr) as bar:

                def progress(done, total):
                    bar.total = total
                    bar.update(done - bar.n)

                record = rebuild(name, resume=resume, progress=progress)
            self.stdout.write(f"{name}: index rebuilt ({record.index_name or 'in place'}).")
