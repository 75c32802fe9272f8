"""Every variable the settings read is documented in the README's settings table."""

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
READERS = {
    "env_str",
    "env_bool",
    "env_list",
    "env_int",
    "env_database_url",
    "env_cache_url",
    "env_email_url",
    "env_site_url",
}


def _is_os_environ(node):
    return (
        isinstance(node, ast.Attribute) and node.attr == "environ" and getattr(node.value, "id", "") == "os"
    )


def _name_read_by(node):
    """The first argument of an environment read, or None if the node reads no variable."""
    if isinstance(node, ast.Call):
        func = node.func
        reads = (
            (isinstance(func, ast.Name) and func.id in READERS)
            or (isinstance(func, ast.Attribute) and func.attr == "get" and _is_os_environ(func.value))
            or (
                isinstance(func, ast.Attribute)
                and func.attr == "getenv"
                and getattr(func.value, "id", "") == "os"
            )
        )
        return node.args[0] if reads and node.args else None
    if isinstance(node, ast.Subscript) and _is_os_environ(node.value):
        return node.slice
    return None


def variables_read(path):
    """The names of the environment variables a module reads, each written as a literal."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text())):
        argument = _name_read_by(node)
        if isinstance(argument, ast.Constant):
            names.add(argument.value)
        elif argument is not None:
            # The readers themselves take the name as a parameter; the settings must spell it out.
            assert path.name == "environment.py", (
                f"{path.name}:{node.lineno} reads a variable by a computed name"
            )
    return names


def variables_documented():
    readme = (ROOT / "README.md").read_text()
    section = readme.split("## Réglages (variables d'environnement)", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| `")]
    return {name for row in rows for name in re.findall(r"`([A-Z][A-Z0-9_]*)`", row.split("|")[1])}


def settings_variables():
    return variables_read(ROOT / "citedu" / "settings.py") | variables_read(
        ROOT / "citedu" / "environment.py"
    )


def test_the_settings_read_at_least_the_variables_of_the_contract():
    contract = {"DATABASE_URL", "SECRET_KEY", "DEBUG", "ALLOWED_HOSTS", "CSRF_TRUSTED_ORIGINS"}
    assert settings_variables() >= contract | {"MEDIA_ROOT", "EMAIL_URL", "CACHE_URL"}


def test_every_variable_the_settings_read_is_in_the_readme_table():
    assert settings_variables() - variables_documented() == set()


def test_the_readme_table_documents_no_variable_the_settings_do_not_read():
    assert variables_documented() - settings_variables() == set()
