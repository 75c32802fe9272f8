"""Frozen versions: rendered once as the public sees the strategy, then never altered nor deleted."""

import hashlib

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from actors import roles
from documents.enums import VersionKind
from documents.models import StrategyVersion
from documents.versions import freeze_strategy
from strategy.enums import StrategyStatus
from tests.documents.builders import DRAFT_TITLE, SECRET_EMAIL, build_strategy
from tests.documents.conftest import client_for, pdf_text
from tests.queue import download, run_worker
from tests.strategy.factories import UserFactory

# Module fixtures hold the data; each test still runs in its own rolled-back transaction.
pytestmark = pytest.mark.django_db

SLUG = "pedt-fige"


@pytest.fixture(scope="module")
def small(module_data):
    return build_strategy(SLUG, actions_per_orientation=1, prefix="Figé ")


@pytest.fixture(scope="module")
def superuser(module_data):
    return UserFactory(username="doc-admin", is_superuser=True, is_staff=True)


@pytest.fixture(scope="module")
def version(small, coordination):
    return freeze_strategy(small.strategy, coordination, signed_at_place="Ivry-sur-Seine")


@pytest.fixture(scope="module")
def frozen_bytes(version):
    with version.pdf.open("rb") as stored:
        return stored.read()


def stored_bytes(version):
    version = StrategyVersion.objects.get(pk=version.pk)
    with version.pdf.open("rb") as stored:
        return stored.read(), version.sha256, version.pdf.name


def test_the_first_version_is_the_initial_one_with_the_sha256_of_its_pdf(version, frozen_bytes):
    assert (version.number, version.kind) == (1, VersionKind.INITIAL)
    assert frozen_bytes.startswith(b"%PDF-")
    assert version.sha256 == hashlib.sha256(frozen_bytes).hexdigest()


def test_the_frozen_document_is_what_an_anonymous_visitor_sees(small, coordination, frozen_bytes):
    text = pdf_text(frozen_bytes)
    assert small.actions[0].title.split(" :")[0] in text
    assert DRAFT_TITLE not in text  # frozen by coordination, yet without drafts
    assert SECRET_EMAIL not in text
    assert "Version 1 — Version initiale" in text
    assert "Fait à Ivry-sur-Seine" in text


def test_the_version_url_serves_exactly_the_stored_bytes(version, frozen_bytes):
    response = client_for().get(f"/strategies/{SLUG}/versions/1.pdf")
    assert response.status_code == 200
    assert response.content == frozen_bytes
    assert response["Content-Disposition"] == f'inline; filename="{SLUG}-version-1.pdf"'
    assert version.get_absolute_url() == f"/strategies/{SLUG}/versions/1.pdf"


def test_an_unknown_version_gives_404(version):
    assert client_for().get(f"/strategies/{SLUG}/versions/9.pdf").status_code == 404
    assert client_for().get("/strategies/inconnue/versions/1.pdf").status_code == 404


def test_the_next_freeze_is_an_amendment_and_leaves_version_one_untouched(
    small, coordination, version, frozen_bytes
):
    small.strategy.title = "Figé PEDT modifié par avenant"
    small.strategy.save()
    amendment = freeze_strategy(small.strategy, coordination, title="Avenant n° 1")
    assert (amendment.number, amendment.kind) == (2, VersionKind.AMENDMENT)
    assert "Figé PEDT modifié par avenant" in pdf_text(stored_bytes(amendment)[0])
    # Re-rendering the live document does not touch version 1 either.
    assert download(client_for(), f"/strategies/{SLUG}/document.pdf").status_code == 200
    assert stored_bytes(version)[:2] == (frozen_bytes, version.sha256)
    assert client_for().get(f"/strategies/{SLUG}/versions/1.pdf").content == frozen_bytes


@pytest.mark.parametrize("role", [roles.PILOTE, roles.PARTENAIRE, roles.COPIL])
def test_only_coordination_and_superusers_may_freeze(small, role):
    with pytest.raises(PermissionDenied):
        freeze_strategy(small.strategy, UserFactory(role=role))
    with pytest.raises(PermissionDenied):
        freeze_strategy(small.strategy, AnonymousUser())


def test_a_strategy_under_consultation_cannot_be_frozen(coordination, module_data):
    draft = build_strategy(
        "pedt-en-concertation", status=StrategyStatus.CONSULTATION, actions_per_orientation=1
    )
    with pytest.raises(ValidationError):
        freeze_strategy(draft.strategy, coordination)


def test_the_model_layer_refuses_to_change_or_delete_a_frozen_version(version, frozen_bytes):
    stored = StrategyVersion.objects.get(pk=version.pk)
    stored.sha256 = "0" * 64
    with pytest.raises(PermissionDenied):
        stored.save()
    stored = StrategyVersion.objects.get(pk=version.pk)
    stored.pdf.save("autre.pdf", ContentFile(b"%PDF-1.7 faux"), save=False)
    with pytest.raises(PermissionDenied):
        stored.save()
    # Deletions run inside an atomic block: the refusal rolls it back.
    with pytest.raises(PermissionDenied), transaction.atomic():
        StrategyVersion.objects.get(pk=version.pk).delete()
    with pytest.raises(PermissionDenied), transaction.atomic():
        StrategyVersion.objects.filter(pk=version.pk).delete()
    assert stored_bytes(version)[:2] == (frozen_bytes, version.sha256)


@pytest.mark.parametrize("who", ["coordination", "superuser"])
def test_no_admin_action_alters_or_deletes_a_frozen_version(
    who, coordination, superuser, version, frozen_bytes
):
    user = {"coordination": coordination, "superuser": superuser}[who]
    client = client_for(user)
    before = stored_bytes(version)
    change_url = f"/admin/documents/strategyversion/{version.pk}/change/"
    assert client.get(change_url).status_code == 200
    client.post(
        change_url,
        {
            "number": "7",
            "sha256": "f" * 64,
            "title": "Titre réécrit",
            "pdf": SimpleUploadedFile("faux.pdf", b"%PDF-1.7 faux", content_type="application/pdf"),
        },
    )
    assert client.get(f"/admin/documents/strategyversion/{version.pk}/delete/").status_code == 403
    assert (
        client.post(f"/admin/documents/strategyversion/{version.pk}/delete/", {"post": "yes"}).status_code
        == 403
    )
    client.post(
        "/admin/documents/strategyversion/",
        {"action": "delete_selected", "_selected_action": [version.pk], "post": "yes"},
    )
    after = stored_bytes(version)
    assert after == before
    assert after[:2] == (frozen_bytes, version.sha256)
    assert StrategyVersion.objects.get(pk=version.pk).title == ""


def test_the_signed_copy_is_attached_once_in_the_admin(coordination, version, frozen_bytes):
    client = client_for(coordination)
    change_url = f"/admin/documents/strategyversion/{version.pk}/change/"
    scan = SimpleUploadedFile("scan.pdf", b"%PDF-1.7 scan", content_type="application/pdf")
    response = client.post(change_url, {"signed_copy": scan, "signed_on": "2024-07-01"})
    assert response.status_code == 302
    signed = StrategyVersion.objects.get(pk=version.pk)
    assert "-signee-scan" in signed.signed_copy.name
    assert str(signed.signed_on) == "2024-07-01"
    # Once attached, they are read-only too.
    other = SimpleUploadedFile("autre.pdf", b"%PDF-1.7 autre", content_type="application/pdf")
    client.post(change_url, {"signed_copy": other, "signed_on": "2025-01-01"})
    again = StrategyVersion.objects.get(pk=version.pk)
    assert (again.signed_copy.name, again.signed_on) == (signed.signed_copy.name, signed.signed_on)
    assert stored_bytes(version)[:2] == (frozen_bytes, version.sha256)


def test_the_admin_list_shows_number_kind_and_short_fingerprint(superuser, version):
    response = client_for(superuser).get("/admin/documents/strategyversion/")
    assert response.status_code == 200
    body = response.content.decode()
    assert version.sha256[:12] in body
    assert "Version initiale" in body
    assert 'value="delete_selected"' not in body


def test_the_admin_add_form_freezes_the_chosen_strategy(superuser, small, version):
    client = client_for(superuser)
    assert client.get("/admin/documents/strategyversion/add/").status_code == 200
    response = client.post(
        "/admin/documents/strategyversion/add/",
        {"strategy": small.strategy.pk, "signed_at_place": "Vitry", "title": "Avenant admin"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    run_worker()
    created = StrategyVersion.objects.filter(strategy=small.strategy).order_by("-number").first()
    assert created.number >= 2 and created.title == "Avenant admin" and created.frozen_by == superuser
    with created.pdf.open("rb") as stored:
        assert hashlib.sha256(stored.read()).hexdigest() == created.sha256


def test_a_pilot_cannot_open_the_admin_add_form(module_data):
    client = client_for(UserFactory(role=roles.PILOTE))
    assert client.get("/admin/documents/strategyversion/add/").status_code == 403


def test_serving_a_version_takes_a_bounded_number_of_queries(version, django_assert_max_num_queries):
    client = client_for()
    # The version with its strategy, through the visibility rule.
    with django_assert_max_num_queries(2):
        assert client.get(f"/strategies/{SLUG}/versions/1.pdf").status_code == 200
