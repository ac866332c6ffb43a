"""Demo data: each app registers what it adds to `manage.py seed_demo`.

The command runs the registered seeders in order inside one transaction. A seeder must be
idempotent: it creates what is missing and leaves what exists as it is. It may return lines
for the command to print (such as a demo secret).
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Seeder:
    order: int
    name: str
    run: Callable[[], None]


_seeders: list[Seeder] = []


def register_seeder(*, order, name):
    def decorator(func):
        _seeders.append(Seeder(order=order, name=name, run=func))
        return func

    return decorator


def registered_seeders():
    return sorted(_seeders, key=lambda seeder: seeder.order)
