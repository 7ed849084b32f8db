"""Every environment variable the settings read is in the README's configuration table."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
READ_PATTERN = re.compile(r"""(?:env_\w+|os\.environ\.get)\(\s*["']([A-Z][A-Z0-9_]+)["']""")


def variables_read() -> set[str]:
    return set(READ_PATTERN.findall((ROOT / "duban" / "settings.py").read_text(encoding="utf-8")))


def variables_documented() -> set[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme.split("## Configuration", 1)[1].split("\n## ", 1)[0]
    first_cells = [line.split("|")[1] for line in table.splitlines() if line.startswith("| `")]
    return {name for cell in first_cells for name in re.findall(r"`([A-Z][A-Z0-9_]+)`", cell)}


def test_every_setting_is_documented():
    missing = variables_read() - variables_documented()
    assert not missing, f"add to the README's configuration table: {sorted(missing)}"


def test_the_table_lists_no_setting_that_is_not_read():
    assert variables_read()  # the pattern still finds the settings
    assert not variables_documented() - variables_read()
