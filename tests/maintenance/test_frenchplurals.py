"""The French catalogue of plurals: in step with the English one, and what makes « 0 action » singular."""

from django.core.management import call_command
from django.utils import translation
from django.utils.translation import ngettext

from maintenance.management.commands.frenchplurals import french_catalogue, locale_file


def test_the_committed_french_catalogue_holds_every_plural_of_the_english_one():
    expected = french_catalogue(locale_file("en").read_text(encoding="utf-8"))
    # Out of step: run « manage.py frenchplurals » after « makemessages », then « compilemessages ».
    assert locale_file("fr").read_text(encoding="utf-8") == expected


def test_each_french_entry_copies_its_two_forms_from_the_msgids():
    text = french_catalogue(
        '#, fuzzy, python-format\nmsgid "%(n)s financeur"\nmsgid_plural "%(n)s financeurs"\n'
        'msgstr[0] "%(n)s funder"\nmsgstr[1] "%(n)s funders"\n\nmsgid "Seul"\nmsgstr "Alone"\n'
    )
    assert '#, python-format\nmsgid "%(n)s financeur"\nmsgid_plural "%(n)s financeurs"\n' in text
    assert 'msgstr[0] "%(n)s financeur"\nmsgstr[1] "%(n)s financeurs"\n' in text
    assert "Seul" not in text and "funder" not in text
    assert '"Plural-Forms: nplurals=2; plural=(n > 1);\\n"' in text


def test_zero_and_one_are_singular_in_french():
    with translation.override("fr"):
        forms = [ngettext("%(count)s financeur", "%(count)s financeurs", n) % {"count": n} for n in (0, 1, 2)]
    assert forms == ["0 financeur", "1 financeur", "2 financeurs"]


def test_the_command_writes_the_catalogue(tmp_path, settings, capsys):
    (tmp_path / "en" / "LC_MESSAGES").mkdir(parents=True)
    (tmp_path / "en" / "LC_MESSAGES" / "django.po").write_text(
        'msgid "%(n)s axe"\nmsgid_plural "%(n)s axes"\nmsgstr[0] ""\nmsgstr[1] ""\n', encoding="utf-8"
    )
    settings.LOCALE_PATHS = [tmp_path]
    settings.BASE_DIR = tmp_path

    call_command("frenchplurals")

    assert 'msgstr[1] "%(n)s axes"' in (tmp_path / "fr" / "LC_MESSAGES" / "django.po").read_text(
        encoding="utf-8"
    )
    assert "1 pluriel écrit dans" in capsys.readouterr().out
