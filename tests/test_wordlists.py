"""Every word list is declared once: in analysis/data/wordlists.yaml, each word once per list."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
import yaml
from spacy.glossary import GLOSSARY

from analysis import constants, paths, schemas

# modules whose lists are not words the package reads: the content of generated stories, and
# the names of the libraries whose versions the fingerprint holds
NOT_VOCABULARY = {"corpus/generate.py", "corpus/planted.py", "fingerprint.py"}
# names the package gives its own things (tables, columns, entity types) and spaCy's labels
# of entities, parts of speech and dependencies
IDENTIFIERS = (
    set(schemas.TABLE_NAMES)
    | {c for t in schemas.TABLE_NAMES for c in schemas.columns(t)}
    | set(schemas.ENTITY_TYPES)
    | set(GLOSSARY)
)


class _StrictLoader(yaml.SafeLoader):
    """A loader that refuses a key written twice in one mapping (PyYAML keeps the last)."""


def _mapping(loader, node, deep=False):
    keys = [loader.construct_object(k, deep=deep) for k, _ in node.value]
    twice = {k for k in keys if keys.count(k) > 1}
    if twice:
        raise yaml.constructor.ConstructorError(
            None, None, f"declared twice: {twice}", node.start_mark
        )
    return loader.construct_mapping(node, deep=deep)


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)


def _load(path: Path):
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_StrictLoader)


def _twice(values) -> set:
    seen, twice = set(), set()
    for v in values:
        (twice if v in seen else seen).add(v)
    return twice


def test_no_word_is_declared_twice_in_a_list():
    data = _load(constants.WORDLISTS)
    for name, value in data.items():
        if isinstance(value, list):
            assert not _twice(value), f"{name}: {_twice(value)}"
        else:
            for key, inner in value.items():
                if isinstance(inner, list):
                    assert not _twice(inner), f"{name}.{key}: {_twice(inner)}"


def test_the_strict_loader_sees_a_key_written_twice():
    with pytest.raises(yaml.constructor.ConstructorError, match="declared twice"):
        yaml.load("months:\n  May: 5\n  May: 6\n", Loader=_StrictLoader)
    assert _twice(["said", "told", "said"]) == {"said"}


def test_the_gazetteer_holds_names_and_the_word_lists_words():
    names = _load(paths.PACKAGE / "data" / "gazetteer.yaml")
    words = _load(constants.WORDLISTS)
    assert not set(names) & set(words)
    assert {"countries", "agencies"} <= set(names) and {"titles", "speech_verbs"} <= set(words)


def _word_literals(node: ast.AST) -> list[str] | None:
    """The words of a literal collection of single words, or of "a b c".split()."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        target = node.func.value
        if (
            node.func.attr == "split"
            and isinstance(target, ast.Constant)
            and isinstance(target.value, str)
        ):
            return target.value.split()
        return None
    if isinstance(node, ast.Set | ast.List | ast.Tuple):
        items = node.elts
    elif isinstance(node, ast.Dict):
        items = [k for k in node.keys if k is not None]
    else:
        return None
    words = [i.value for i in items if isinstance(i, ast.Constant) and isinstance(i.value, str)]
    if len(words) != len(items) or not all(w.replace("-", "").isalpha() for w in words):
        return None
    return words


def _constants(tree: ast.Module):
    """The values a module binds to names at its top level (its constants)."""
    for node in tree.body:
        if isinstance(node, ast.Assign | ast.AnnAssign) and node.value is not None:
            value = node.value
            while isinstance(value, ast.Call) and value.args and isinstance(value.func, ast.Name):
                value = value.args[0]  # frozenset(...), set(...)
            yield value


def declared_lists(root: Path = paths.PACKAGE) -> list[str]:
    """Where a module of the package spells out, as a constant, a list of six or more words
    (not names of its own: columns, types, options)."""
    found = []
    for path in sorted(root.rglob("*.py")):
        rel = path.relative_to(root).as_posix()
        if rel in NOT_VOCABULARY:
            continue
        for value in _constants(ast.parse(path.read_text(encoding="utf-8"))):
            words = _word_literals(value)
            if words and len(words) >= 6 and not set(words) <= IDENTIFIERS:
                found.append(f"{rel}:{value.lineno}: {' '.join(words[:6])} ...")
    return found


def test_no_module_declares_a_word_list_of_its_own():
    assert declared_lists() == []


def test_the_check_finds_a_list_spelled_out_in_code(tmp_path):
    (tmp_path / "m.py").write_text(
        'VERBS = "say tell note add stress explain".split()\n'
        'HEADS = {"Bank", "Fund", "Court", "Union", "Group", "Office"}\n'
    )
    assert len(declared_lists(tmp_path)) == 2


def test_verb_forms_follow_the_rules_and_the_irregular_list():
    assert constants.verb_forms("say") == {"say", "says", "said", "saying"}
    assert constants.verb_forms("admit") >= {"admitted", "admitting"}
    assert "sayed" not in constants.SPEECH_FORMS and "told" in constants.SPEECH_FORMS
    assert constants.verb_forms("point out") >= {"pointed out", "points out"}
    # the listener of "told reporters" is never a source
    assert "told" not in constants.SOURCE_VERBS and "said" in constants.SOURCE_VERBS
