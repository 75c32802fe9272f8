"""Freezing a signed version is the worker's: the admin answers at once and shows the progress."""

import hashlib
import html
import re
import time

import pytest
from django.test import Client

from documents.enums import FreezeStatus
from documents.models import FreezeJob, StrategyVersion
from strategy.enums import StrategyStatus
from strategy.models import Strategy
from tests.documents.builders import build_strategy
from tests.queue import run_worker
from tests.strategy.admin.html_forms import submitted_data

pytestmark = pytest.mark.django_db

ADD = "/admin/documents/strategyversion/add/"


@pytest.fixture
def small(db):
    return build_strategy("pedt-a-figer", actions_per_orientation=1)


def ask_to_freeze(client, strategy, place="Ivry-sur-Seine"):
    """Fill the add form as it is rendered: pick the strategy, type the place, submit."""
    page = client.get(ADD)
    assert page.status_code == 200
    data = submitted_data(page.content.decode(), "strategyversion_form")
    options = re.findall(r'<option value="(\d+)"[^>]*>([^<]*)</option>', page.content.decode())
    assert (str(strategy.pk), html.escape(str(strategy))) in options
    data.update({"strategy": [str(strategy.pk)], "signed_at_place": [place]})
    started = time.perf_counter()
    response = client.post(ADD, data)
    return response, time.perf_counter() - started


def test_freezing_answers_at_once_then_the_worker_freezes_with_visible_progress(small, coordination_user):
    client = Client()
    client.force_login(coordination_user)
    response, seconds = ask_to_freeze(client, small.strategy)
    assert seconds < 1
    assert response.status_code == 302
    job = FreezeJob.objects.get()
    assert response["Location"] == f"/admin/documents/freezejob/{job.pk}/change/"
    assert not StrategyVersion.objects.exists(), "nothing frozen in the request"

    progress = client.get(response["Location"]).content.decode()
    assert "La version est en préparation : cette page suit son avancement, puis donne le PDF." in progress
    assert "en file d&#x27;attente" in progress or "en file d'attente" in progress
    assert '<meta http-equiv="refresh" content="2">' in progress

    run_worker()
    job.refresh_from_db()
    assert (job.status, job.progress, job.version.number) == (FreezeStatus.DONE, 100, 1)
    done = client.get(response["Location"]).content.decode()
    assert "http-equiv" not in done
    assert "/strategies/pedt-a-figer/versions/1.pdf" in done

    first = Client().get("/strategies/pedt-a-figer/versions/1.pdf")
    second = Client().get("/strategies/pedt-a-figer/versions/1.pdf")
    assert first.status_code == 200 and first.content == second.content
    assert hashlib.sha256(first.content).hexdigest() == job.version.sha256


def test_a_freeze_that_cannot_be_done_is_shown_failed_in_french(small, coordination_user):
    client = Client()
    client.force_login(coordination_user)
    response, _seconds = ask_to_freeze(client, small.strategy)
    # Between the request and the worker, the strategy goes back to draft.
    Strategy.objects.filter(pk=small.strategy.pk).update(status=StrategyStatus.DRAFT)
    run_worker()
    job = FreezeJob.objects.get()
    assert job.status == FreezeStatus.FAILED
    assert job.error == "Seule une stratégie adoptée ou terminée peut être figée."
    assert not StrategyVersion.objects.exists()
    page = client.get(response["Location"]).content.decode()
    assert "Seule une stratégie adoptée ou terminée peut être figée." in page
    assert "Version de « " in client.get("/admin/").content.decode()


def test_only_coordination_may_ask_for_a_freeze(small, copil_user):
    client = Client()
    client.force_login(copil_user)
    assert client.get(ADD).status_code == 403
    assert client.post(ADD, {"strategy": small.strategy.pk}).status_code == 403
    assert not FreezeJob.objects.exists()
