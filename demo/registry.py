"""The rows several demo data files share: territories, organisations, contacts and neighbourhoods."""

from actors.models import Contact, Neighbourhood, Organisation, Territory
from demo.base import Reference, upsert
from demo.datafile import DemoDataError


class Registry:
    """What the files loaded so far in this run describe, by the names the files give them.

    A file may use the territory, organisations, contacts and neighbourhoods of a file loaded before it.
    """

    def __init__(self):
        self.ref = Reference()
        self.territories = {}
        self.organisations = {}
        self.contacts = {}
        #: By territory slug, then neighbourhood slug.
        self.neighbourhoods = {}

    def load_territory(self, spec):
        spec = dict(spec)
        slug = spec.pop("slug")
        self.territories[slug] = upsert(Territory, {"slug": slug}, **spec)

    def load_organisations(self, specs, source):
        for spec in specs:
            spec = dict(spec)
            slug = spec.pop("slug")
            sectors = spec.pop("sectors", [])
            parent = spec.pop("parent", None)
            spec.setdefault("short_name", "")
            spec.setdefault("description", "")
            for key in ("website", "address", "public_email", "public_phone"):
                spec.setdefault(key, "")
            organisation = upsert(
                Organisation,
                {"slug": slug},
                parent=lookup(self.organisations, parent, "organisation", source) if parent else None,
                **spec,
            )
            organisation.sectors.set([lookup(self.ref.sectors, code, "secteur", source) for code in sectors])
            self.organisations[slug] = organisation

    def load_contacts(self, specs, source):
        for spec in specs:
            spec = dict(spec)
            key = spec.pop("key")
            if key in self.contacts:
                raise DemoDataError(f"{source} : le contact « {key} » est décrit deux fois.")
            organisation = lookup(self.organisations, spec.pop("organisation"), "organisation", source)
            self.contacts[key] = upsert(
                Contact,
                {
                    "organisation": organisation,
                    "first_name": spec.pop("first_name"),
                    "last_name": spec.pop("last_name"),
                },
                **{"job_title": "", "email": "", "phone": "", "public_consent": False, **spec},
            )

    def load_neighbourhoods(self, territory, specs):
        found = self.neighbourhoods.setdefault(territory.slug, {})
        for spec in specs:
            found[spec["slug"]] = upsert(
                Neighbourhood,
                {"territory": territory, "slug": spec["slug"]},
                name=spec["name"],
                qpv_code=spec.get("qpv_code", ""),
                is_priority=spec.get("is_priority", False),
            )


def lookup(found, key, what, source):
    """``found[key]``, or an error naming the file and the unknown ``what`` (an organisation…)."""
    try:
        return found[key]
    except KeyError:
        raise DemoDataError(f"{source} : {what} inconnu·e « {key} ».") from None
