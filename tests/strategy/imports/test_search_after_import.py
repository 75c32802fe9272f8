"""An imported action is found by the full-text search: the import fills its search document."""

from strategy.models import Action
from strategy.search import filter_by_text
from tests.strategy.imports.files import BUILDERS
from tests.strategy.imports.test_good_files import ACTIONS, as_text


def test_imported_and_updated_actions_are_found_by_their_words(world, tmp_path, importtable):
    path = tmp_path / "actions.csv"
    path.write_bytes(BUILDERS["csv"](as_text(ACTIONS)))
    assert importtable("pedt-ivry", "actions", path).code == 0
    imported = Action.objects.get(strategy=world.strategy, code="3.1")
    assert imported.search_document == imported.build_search_document()
    assert list(filter_by_text(Action.objects.all(), "clubs lecture").values_list("code", flat=True)) == [
        "3.1"
    ]

    rows = [ACTIONS[0], [*ACTIONS[1][:4], "Des ateliers de théâtre.", *ACTIONS[1][5:]]]
    path.write_bytes(BUILDERS["csv"](as_text(rows)))
    assert importtable("pedt-ivry", "actions", path).code == 0
    assert list(filter_by_text(Action.objects.all(), "theatre").values_list("code", flat=True)) == ["3.1"]
    assert not filter_by_text(Action.objects.all(), "clubs lecture").exists()
