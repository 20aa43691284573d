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
# the statement readers' and argument readers' lists of rules.interpret
_INTERPRET_KEYS = ("title_skip_words", "title_verbs", "title_copulas", "casting_need_words", "role_statement_leads",
                   "place_need_leads", "place_need_words", "expletive_copulas", "goal_people", "goal_need_words",
                   "cargo_goal_determiners", "passive_load_heads", "before_any_quantifiers", "before_any_connectives",
                   "before_that_openers", "place_prepositions", "toward_words", "load_into_words",
                   "passive_agent_words", "distinct_place_words", "until_words", "after_which_connectives",
                   "lifting_negations", "while_connectives", "anchor_possessives")


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
    for key in (*_KEYS, *_INTERPRET_KEYS):
        assert getattr(lex, key), key
    assert "prior to" in lex.before_any_connectives and "no longer" in lex.lifting_negations  # whole phrases
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


def _steps(text: str, fleet, world, lex) -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:  # type: ignore[no-untyped-def]
    rp = rules_plan(text, fleet, world, lex)
    assert not rp.errors
    return [(s.skill, s.robot_ids, s.object_keywords) for s in rp.graph]


def test_place_need_word_in_the_lexicon_makes_a_statement_not_a_move(fleet, world) -> None:
    needs = "Dump truck 3 will need puddle 2. Excavator 1 goes to soil 1."
    uses = "Dump truck 3 will use puddle 2. Excavator 1 goes to soil 1."
    dig = ("target_area_for_specific_robots", ("robot_excavator_01",), ("soil1",))
    move = ("target_area_for_specific_robots", ("robot_dump_truck_03",), ("puddle2",))
    shipped = load_lexicon()
    # a robot that needs a place says why a keep-out spares it: only the excavator moves
    assert _steps(needs, fleet, world, shipped) == [dig]
    assert _steps(needs, fleet, world, _lexicon(place_need_words=[])) == [move, dig]
    # "use" is no need word as shipped (the truck drives there); added in the lexicon, it is one
    assert _steps(uses, fleet, world, shipped) == [move, dig]
    assert _steps(uses, fleet, world, _lexicon(place_need_words=["need", "needs", "use"])) == [dig]
    # the words between the robot and its need come from the lexicon too
    assert _steps(needs, fleet, world, _lexicon(place_need_leads=[])) == [move, dig]


def test_lifting_negation_removed_from_the_lexicon_adds_the_keep_out_again(fleet, world) -> None:
    text = "Keep all robots out of puddle 1. Later puddle 1 is no longer off limits."
    shipped = [s for s, _, _ in _steps(text, fleet, world, load_lexicon())]
    assert shipped == ["avoid_areas_for_all_robots", "allow_areas_for_all_robots"]
    edited = [s for s, _, _ in _steps(text, fleet, world, _lexicon(lifting_negations=["not", "no more"]))]
    assert edited == ["avoid_areas_for_all_robots", "avoid_areas_for_all_robots"]


def test_expletive_copula_removed_from_the_lexicon_leaves_it_without_a_robot(fleet, world) -> None:
    text = "It's a hauling day. Truck 1 goes to rock 1."
    assert not rules_plan(text, fleet, world, load_lexicon()).errors
    errors = rules_plan(text, fleet, world, _lexicon(expletive_copulas=["is", "was"])).errors
    assert any("'it' does not refer to any robot" in e for e in errors)


def test_interpret_lists_stay_out_of_the_vocabulary() -> None:
    lex = _lexicon(**{key: ["zzw" + key] for key in _INTERPRET_KEYS})
    for key in _INTERPRET_KEYS:
        assert getattr(lex, key) == frozenset({"zzw" + key}), key
        assert "zzw" + key not in lex.vocabulary, key
    # the shipped lists add no word to the vocabulary: emptying them all leaves it as it is
    assert _lexicon(**{key: [] for key in _INTERPRET_KEYS}).vocabulary == load_lexicon().vocabulary
