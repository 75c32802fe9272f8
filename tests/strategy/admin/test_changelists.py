"""Coordination opens every page of every model, and no page's queries grow with the rows."""

import pytest

from tests.strategy.admin.conftest import MODELS, admin_url, count_queries, populate

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("model", MODELS, ids=[model._meta.label for model in MODELS])
def test_coordination_opens_every_admin_page_with_queries_not_growing_with_rows(
    client, coordination_user, django_assert_max_num_queries, model
):
    client.force_login(coordination_user)
    populate(0, 1)
    first = model._default_manager.order_by("pk").first()
    changelist, change = admin_url(model, "changelist"), admin_url(model, "change", first.pk)
    count_queries(client, changelist)  # warms the per-process caches (content types, site)
    changelist_with_one_row = count_queries(client, changelist)
    change_with_one_child = count_queries(client, change)

    # Ten rows of everything; the first object now has ten children in each of its inlines.
    populate(1, 9)
    with django_assert_max_num_queries(changelist_with_one_row):
        response = client.get(changelist)
    assert response.status_code == 200
    assert response.context["cl"].result_count == model._default_manager.count()
    with django_assert_max_num_queries(change_with_one_child):
        response = client.get(change)
    assert response.status_code == 200
    assert response.context["has_change_permission"]

    assert client.get(admin_url(model, "add")).status_code == 200
    assert client.get(admin_url(model, "history", first.pk)).status_code == 200
