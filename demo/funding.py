"""The demo's funding as the field counts it: each budget line's source (as the State's forms name
them), the notified amount, a Dauphin-like file number for the State's grants, and the Cité
éducative's co-funding rule.

A data file's budget entry may name its ``source``, ``source_detail`` and ``notified`` amount; when it
does not, they follow from the funder's kind and the line's stage. Deterministic, so ``loaddemo`` run
twice writes nothing.
"""

import zlib
from decimal import Decimal

from actors.enums import OrganisationKind
from demo.base import upsert
from strategy.enums import FundingSource, FundingStage
from strategy.models import Strategy

#: The source of a funder's money when the data file does not say it.
SOURCE_OF_KIND = {
    OrganisationKind.STATE: FundingSource.PROGRAMME_147,
    OrganisationKind.NATIONAL_EDUCATION: FundingSource.STATE_COMMON_LAW,
    OrganisationKind.CITY_DEPARTMENT: FundingSource.COMMUNE,
    OrganisationKind.CAF: FundingSource.CAF,
    OrganisationKind.DEPARTEMENT: FundingSource.DEPARTMENT,
}
DETAIL_OF_KIND = {
    OrganisationKind.STATE: "Crédits Cités éducatives",
    OrganisationKind.NATIONAL_EDUCATION: "Éducation nationale",
}
#: Euros of the commune expected for 1 € of the State each year.
COFUNDING_RATIOS = {"cite-educative-exemple": Decimal("0.15")}
NOTIFIED_STAGES = (FundingStage.NOTIFIED, FundingStage.COMMITTED, FundingStage.PAID)


def dauphin_number(strategy_slug, action_code, year, funder_slug):
    """A file number shaped like the State's Dauphin ones (« DA-2023-045123 »), stable from run to run."""
    seed = zlib.crc32(f"{strategy_slug}:{action_code}:{funder_slug}:{year}".encode())
    return f"DA-{year}-{seed % 1_000_000:06d}"


def line_values(strategy_slug, action, funder, line, default_reference):
    """The source, its detail, the notified amount and the file reference of a data file's entry."""
    source = line.get("source") or SOURCE_OF_KIND.get(funder.kind, FundingSource.OTHER)
    detail = line.get("source_detail", DETAIL_OF_KIND.get(funder.kind, "") if "source" not in line else "")
    if "notified" in line:
        notified = Decimal(str(line["notified"]))
    else:
        notified = Decimal(str(line["planned"])) if line["stage"] in NOTIFIED_STAGES else None
    if source in FundingSource.state_sources():
        reference = dauphin_number(strategy_slug, action.code, line["year"], funder.slug)
    else:
        reference = default_reference
    return {
        "source": source,
        "source_detail": detail,
        "notified_amount": None if notified is None else notified.quantize(Decimal("0.01")),
        "file_reference": reference,
    }


def load_cofunding_rules():
    """The co-funding ratio of each demo strategy that has one."""
    for slug, ratio in COFUNDING_RATIOS.items():
        if Strategy.objects.filter(slug=slug).exists():
            upsert(Strategy, {"slug": slug}, cofunding_ratio=ratio)
