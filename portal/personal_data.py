"""What each app holds about a member, for the member's own data download.

Domain apps register an exporter the way they register demo seeders: `portal` imports none of them.
"""

_exporters = {}


def register_exporter(name):
    def decorator(func):
        _exporters[name] = func
        return func

    return decorator


def exported_data(user):
    return {name: export(user) for name, export in sorted(_exporters.items())}
