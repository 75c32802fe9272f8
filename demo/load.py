"""The demo data: two adopted strategies from the seed documents, a renewal under consultation, logins,
the beneficiaries and milestones of demo actions, and the PEDT's reporting rounds (``demo.rounds``).

The strategies are described in the data files of ``demo/data/``. ``load_demo`` is idempotent: it brings
every demo row back to what the files say and writes nothing when the data is already there.
``reset_portal`` empties the portal's tables (reference data excepted).
"""

from django.apps import apps
from django.db import transaction
from django.db.models import Q

from actors.models import Organisation
from demo.annual_reviews import load_reviews, read_reviews
from demo.beneficiaries import load_beneficiaries, read_beneficiaries
from demo.builder import load_file
from demo.contributions import load_contributions
from demo.datafile import DEMO_FILES, read_all
from demo.funding import load_cofunding_rules
from demo.legal import load_legal_pages
from demo.milestones import load_milestones, read_milestones
from demo.registry import Registry
from demo.rounds import load_rounds
from demo.shapes import load_shapes
from demo.users import load_users
from indicators.models import Indicator, Measurement
from strategy import revision
from strategy.models import Action, Strategy

PORTAL_APPS = ("actors", "legal", "strategy", "indicators", "documents", "followup")
#: Reference data created by migrations, kept by a reset.
KEPT_MODELS = ("actors.Sector", "strategy.Audience", "legal.ProcessingRecord")


def load_demo(with_data=True, with_users=False):
    """Loads the demo strategies (unless ``with_data`` is false) and the demo users; returns counts.

    Every data file is read and checked before anything is written: a broken file changes nothing.
    """
    files = list(zip(DEMO_FILES, read_all(), strict=True))
    beneficiaries = read_beneficiaries()
    milestones = read_milestones()
    reviews = read_reviews()
    with transaction.atomic():
        if with_data:
            registry = Registry()
            for name, data in files:
                load_file(registry, data, name)
            load_cofunding_rules()
            load_beneficiaries(beneficiaries)
            load_milestones(milestones)
            load_reviews(reviews)
            load_shapes()
            load_legal_pages()
        users = {}
        if with_users:
            users = load_users()
            for name, data in files:
                load_contributions(data, users, name)
            # The rounds' answers need their authors: loaded with the logins, as the contributions.
            load_rounds(users)
        # Some rows go in with bulk writes or raw deletes, which send no signal.
        revision.bump_all()
    strategies = Strategy.objects.filter(slug__in=[data["strategy"]["slug"] for _name, data in files])
    return {
        "strategies": strategies.count(),
        "actions": Action.objects.filter(strategy__in=strategies).count(),
        "indicators": Indicator.objects.filter(strategy__in=strategies).count(),
        "measurements": Measurement.objects.filter(indicator__strategy__in=strategies).count(),
        "organisations": Organisation.objects.filter(
            Q(piloted_actions__strategy__in=strategies) | Q(partner_actions__strategy__in=strategies)
        )
        .distinct()
        .count(),
        "users": len(users),
    }


def portal_models():
    """Every table of the portal's apps that a reset empties, children before parents.

    Includes the history tables and the many-to-many tables; excludes the reference data.
    """
    kept = {apps.get_model(label) for label in KEPT_MODELS}
    models = []
    for label in PORTAL_APPS:
        for model in apps.get_app_config(label).get_models(include_auto_created=True):
            if model not in kept:
                models.append(model)
    return models


def reset_portal():
    """Deletes every row of the portal's tables, reference data excepted, without history records.

    Raw deletes skip the signals (django-simple-history would record every deleted row) and the
    collector; the foreign keys are deferred until the end of the transaction on both databases.
    """
    models = portal_models()
    counts = {}
    with transaction.atomic():
        for model in _delete_order(models):
            queryset = model._base_manager.all()
            counts[model._meta.label] = queryset._raw_delete(queryset.db)
    return counts


def _delete_order(models):
    """Many-to-many and history tables first, then the models from the most dependent to the least."""
    auto = [model for model in models if model._meta.auto_created]
    history = [model for model in models if model.__name__.startswith("Historical")]
    concrete = [model for model in models if model not in auto and model not in history]
    ordered = []
    remaining = list(concrete)
    while remaining:
        for model in remaining:
            # A model may go once nothing left still points at it (self-references aside).
            if not any(
                field.related_model is model and other is not model
                for other in remaining
                for field in other._meta.get_fields()
                if field.concrete and (field.many_to_one or field.one_to_one)
            ):
                ordered.append(model)
                remaining.remove(model)
                break
        else:  # a cycle: the deferred constraints will cope
            ordered.extend(remaining)
            break
    return [*auto, *history, *ordered]
