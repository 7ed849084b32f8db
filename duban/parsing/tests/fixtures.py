"""Load example files: named cases of input text and the expected result, one file per topic.

A file holds cases like this::

    ## parenthesised list with 等负责
    （省工信委、省发展改革委等负责）
    ---
    省工信委/lead 省发展改革委/co

``## `` starts a case and names it (the name becomes the test id), ``---`` separates the input
from the expected lines. Lines before the first case are a description and are ignored.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).parent / "examples"
SEPARATOR = "---"


@dataclass
class Example:
    name: str
    text: str
    expected: list[str]


def load_examples(filename: str) -> list[Example]:
    examples: list[Example] = []
    name, lines = None, []
    for line in [*(EXAMPLES / filename).read_text(encoding="utf-8").splitlines(), "## "]:
        if line.startswith("## "):
            if name is not None:
                examples.append(_example(name, lines))
            name, lines = line[3:].strip(), []
        elif name is not None:
            lines.append(line)
    return examples


def _example(name: str, lines: list[str]) -> Example:
    cut = lines.index(SEPARATOR)
    expected = [line for line in lines[cut + 1 :] if line.strip()]
    return Example(name=name, text="\n".join(lines[:cut]).strip("\n"), expected=expected)


def parametrize_examples(filename: str):
    """``@pytest.mark.parametrize`` over a file's examples, each test named after its case."""
    examples = load_examples(filename)
    return pytest.mark.parametrize("example", examples, ids=[e.name for e in examples])
