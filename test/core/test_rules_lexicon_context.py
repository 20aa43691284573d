"""The word lists the rules folds read in context come from the lexicon, not from code.

A user adapting the planner to another dialect edits ``config/lexicon.yaml``; these tests prove
an edit there reaches the reading (a word added is understood, a word removed is not), that the
lists are checked like every other key, and that they stay out of the coverage vocabulary (whose
answer a job-statement test depends on).
"""

from __future__ import annotations

import pytest

from dart_planner.core.config_reader import load_yaml
from dart_planner.core.errors import ConfigError
from dart_planner.llm.rules import rules_plan
from dart_planner.llm.rules.lexicon import default_lexicon_path, lexicon_from_dict, load_lexicon

_KEYS = ("loaded_words", "loaded_quantifiers", "deed_auxiliaries", "aside_relatives", "aside_modals",
         "arrow_auxiliaries", "group_link_words", "group_list_joins", "group_alone_words",
         "light_verb_articles", "light_verb_leads")


def _lexicon(**override: list[str]):  # type: ignore[no-untyped-def]
    raw = dict(load_yaml(str(default_lexicon_path())))
    raw.update(override)
    return lexicon_from_dict(raw)


def _movers(text: str, fleet, world, lex) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:  # type: ignore[no-untyped-def]
    rp = rules_plan(text, fleet, world, lex)
    assert not rp.errors
    return [(s.robot_ids, s.object_keywords) for s in rp.graph if s.object_keywords]


def test_shipped_lexicon_fills_every_context_list() -> None:
    lex = load_lexicon()
    for key in _KEYS:
        assert getattr(lex, key), key
    assert {"loaded", "full", "filled"} <= lex.loaded_words
    assert "all three" in lex.loaded_quantifiers  # whole phrases, not split into words
    assert "on" in lex.group_alone_words  # quoted in YAML: a bare `on` is a boolean


def test_loaded_word_added_in_the_lexicon_names_the_loaded_truck(fleet, world) -> None:
    text = "Excavator 1 loads dump truck 1. Dump truck 2 goes to rock 1. Then the laden truck goes to puddle 1."
    # unknown adjective: "the truck" is the truck named last
    assert _movers(text, fleet, world, load_lexicon())[-1] == (("robot_dump_truck_02",), ("puddle1",))
    laden = _lexicon(loaded_words=["laden", "loaded"])
    assert _movers(text, fleet, world, laden)[-1] == (("robot_dump_truck_01",), ("puddle1",))


def test_loaded_word_removed_from_the_lexicon_is_no_longer_read(fleet, world) -> None:
    text = "Excavator 1 loads dump truck 1. Dump truck 2 goes to rock 1. Then the loaded truck goes to puddle 1."
    assert _movers(text, fleet, world, load_lexicon())[-1] == (("robot_dump_truck_01",), ("puddle1",))
    assert _movers(text, fleet, world, _lexicon(loaded_words=[]))[-1] == (("robot_dump_truck_02",), ("puddle1",))


def test_context_lists_are_checked_and_stay_out_of_the_vocabulary() -> None:
    with pytest.raises(ConfigError, match="group_link_words"):
        _lexicon(group_link_words="is are")  # type: ignore[arg-type]
    lex = _lexicon(group_alone_words=["zzsolo"])
    assert "zzsolo" in lex.group_alone_words and "zzsolo" not in lex.vocabulary
