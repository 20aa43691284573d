"""Robot and object mentions: every form people use, pronouns, counts, unknown names."""

from __future__ import annotations

import pytest
from rules_helpers import D1, D2, D3, DIG, E1, E2, E3, RA, R, T, assert_plan, plan, task

from dart_planner.llm.errors import PlanningError
from dart_planner.llm.rules import RulesPlanner, load_lexicon, rules_plan
from dart_planner.llm.rules.mentions import ObjectDesc, RobotDesc, SiteIndex, scan
from dart_planner.llm.rules.segment import ItemKind, tokenize


def mentions(text, fleet, world):
    site = SiteIndex.build(fleet, world)
    items = scan(tokenize(text, keep_joined=site.object_names | site.robot_ids), load_lexicon(), site,
                 fleet.robot_types, tuple(site.objects_by_kind))
    return [i.payload for i in items if i.kind in (ItemKind.ROBOT, ItemKind.OBJECT)]


@pytest.mark.parametrize(
    ("phrase", "ids"),
    [
        ("robot_dump_truck_01", (D1,)),
        ("dump truck 1", (D1,)),
        ("truck #1", (D1,)),
        ("the first truck", (D1,)),
        ("dump truck two", (D2,)),
        ("excavator one", (E1,)),
        ("exc 3", (E3,)),
        ("the third digger", (E3,)),
        ("trucks 1 and 2", (D1, D2)),
        ("excavators 1, 2 and 3", (E1, E2, E3)),
        ("hauler three", (D3,)),
    ],
)
def test_named_robots(phrase, ids, fleet, world):
    (m,) = mentions(phrase, fleet, world)
    assert isinstance(m, RobotDesc) and m.form == "ids" and m.ids == ids


@pytest.mark.parametrize(
    ("phrase", "det", "count", "rtype"),
    [
        ("two excavators", "count", 2, "excavator"),
        ("a couple of trucks", "count", 2, "dump_truck"),
        ("some trucks", "count", 2, "dump_truck"),
        ("an excavator", "count", 1, "excavator"),
        ("all three excavators", "all", 3, "excavator"),
        ("every truck", "all", 0, "dump_truck"),
        ("both excavators", "both", 2, "excavator"),
        ("another truck", "another", 0, "dump_truck"),
        ("the remaining truck", "remaining", 0, "dump_truck"),
    ],
)
def test_unnamed_robots_by_type_and_quantity(phrase, det, count, rtype, fleet, world):
    (m,) = mentions(phrase, fleet, world)
    assert (m.form, m.det, m.count, m.rtype) == ("type", det, count, rtype)


@pytest.mark.parametrize(
    ("phrase", "names"),
    [
        ("soil1", ("soil1",)),
        ("soil pile 1", ("soil1",)),
        ("rock #2", ("rock2",)),
        ("obstacle two", ("obstacle2",)),
        ("the first puddle", ("puddle1",)),
        ("boulder 1", ("rock1",)),
    ],
)
def test_named_objects(phrase, names, fleet, world):
    (m,) = mentions(phrase, fleet, world)
    assert isinstance(m, ObjectDesc) and m.names == names


def test_fleet_words(fleet, world):
    for phrase in ("everyone", "all robots", "the whole fleet", "every robot", "everybody"):
        (m,) = mentions(phrase, fleet, world)
        assert m.form == "fleet", phrase


def test_counts_become_type_selections(fleet, world):
    assert_plan("Send a couple of excavators to rock 1 and one truck to rock 2.", fleet, world,
                task("a", T, objs=["rock1"], types=[("excavator", 2)]),
                task("b", T, objs=["rock2"], types=[("dump_truck", 1)]))


def test_every_truck_means_the_whole_type(fleet, world):
    assert_plan("Every dump truck should head back to base.", fleet, world,
                task("a", R, types=[("dump_truck", 3)]))


def test_vague_some_is_two(fleet, world):
    assert_plan("Some excavators go dig at soil pile 2.", fleet, world,
                task("a", T, objs=["soil2"], types=[("excavator", 2)]),
                task("b", DIG, types=[("excavator", 2)], deps=["a"]))


def test_another_truck_is_a_separate_group(fleet, world):
    g = plan("A truck goes to puddle 1, and another truck goes to puddle 2.", fleet, world)
    assert [(s.robot_type, s.robot_count) for s in g] == [(("dump_truck",), (1,)), (("dump_truck",), (1,))]
    assert not any(s.dependencies for s in g)


def test_pronoun_it_refers_to_the_last_robot(fleet, world):
    assert_plan("Move hauler 2 to obstacle 1 and then bring it back home.", fleet, world,
                task("a", T, [D2], ["obstacle1"]), task("b", R, [D2], deps=["a"]))


def test_pronoun_they_and_both(fleet, world):
    assert_plan("Excavator 3 goes to rock 1 while truck 1 goes to rock 2; afterwards both of them return to start.",
                fleet, world,
                task("a", T, [E3], ["rock1"]), task("b", T, [D1], ["rock2"]),
                task("c", R, [E3, D1], deps=["a", "b"]))
    assert_plan("Digger 1 and digger 2 go to soil 1. Then they dig.", fleet, world,
                task("a", T, [E1, E2], ["soil1"]), task("b", DIG, [E1, E2], deps=["a"]))


def test_the_excavator_refers_to_the_excavator_just_named(fleet, world):
    g = plan("Excavator 2 and truck 3 head to soil 1. The excavator digs.", fleet, world)
    assert [s.robot_ids for s in g if s.skill == DIG] == [(E2,)]


def test_definite_object_when_only_one_was_mentioned(fleet, world):
    assert_plan("Truck 1 checks puddle 2, then drives away from the puddle to rock 1; then everyone avoids the puddle.",
                fleet, world,
                task("a", T, [D1], ["puddle2"]), task("b", T, [D1], ["rock1"], deps=["a"]),
                task("c", "avoid_areas_for_all_robots", objs=["puddle2"], deps=["b"]))


def test_both_puddles_is_one_keepout_with_both(fleet, world):
    g = plan("Every robot should avoid both puddles.", fleet, world)
    assert [(s.skill, sorted(s.object_keywords)) for s in g] == [("avoid_areas_for_all_robots", ["puddle1", "puddle2"])]


def test_unknown_object_fails_with_its_name(fleet, world):
    rp = rules_plan("Excavator 2 goes to puddle 3.", fleet, world)
    assert any("puddle 3" in e for e in rp.errors)
    with pytest.raises(PlanningError, match="puddle 3"):
        RulesPlanner().plan("Excavator 2 goes to puddle 3.", fleet, world)


def test_unknown_robot_fails_with_its_name(fleet, world):
    with pytest.raises(PlanningError, match="dump truck 7"):
        RulesPlanner().plan("Send truck 7 to rock 1.", fleet, world)
    with pytest.raises(PlanningError, match="robot_crane_01"):
        RulesPlanner().plan("robot_crane_01 goes to rock 1.", fleet, world)


def test_pronoun_with_nothing_before_is_an_error(fleet, world):
    with pytest.raises(PlanningError, match="does not refer"):
        RulesPlanner().plan("They go to rock 1.", fleet, world)


def test_whole_fleet_return(fleet, world):
    assert_plan("Everybody go home.", fleet, world, task("a", RA))


# -- forms added for fresh wording -------------------------------------------------------------------


@pytest.mark.parametrize(("phrase", "ids"), [
    ("truck number 3", (D3,)),
    ("excavator no. 2", (E2,)),
    ("excavator nr 1", (E1,)),
])
def test_number_prefixes(phrase, ids, fleet, world):
    (m,) = mentions(phrase, fleet, world)
    assert m.form == "ids" and m.ids == ids


@pytest.mark.parametrize(("phrase", "det", "count"), [
    ("the other two excavators", "other", 2),
    ("the other truck", "other", 0),
    ("the rest of the trucks", "remaining", 0),
    ("the remaining two trucks", "remaining", 2),
])
def test_other_and_rest(phrase, det, count, fleet, world):
    (m,) = mentions(phrase, fleet, world)
    assert (m.form, m.det, m.count) == ("type", det, count)


def test_a_robots_place_and_partner(fleet, world):
    (place,) = mentions("excavator 2's site", fleet, world)
    assert isinstance(place, ObjectDesc) and place.form == "robot_place" and place.robot.ids == (E2,)
    (partner,) = mentions("its partner", fleet, world)
    assert isinstance(partner, RobotDesc) and partner.form == "partner" and partner.det == "its"
    (counted,) = mentions("all three", fleet, world)
    assert counted.form == "pronoun" and counted.pronoun == "3"


def test_the_other_truck_is_the_rest_of_the_pair(fleet, world):
    assert_plan("Trucks 2 and 3 go to rock 2. Truck 3 then checks puddle 1 and the other truck goes home.",
                fleet, world,
                task("a", T, [D2, D3], ["rock2"]), task("b", T, [D3], ["puddle1"], deps=["a"]),
                task("c", R, [D2], deps=["a"]))


def test_they_and_it_agree_in_number(fleet, world):
    assert_plan("An excavator digs at soil 1 while two trucks wait there. It loads them, and then they drive to "
                "rock 1.", fleet, world,
                task("a", T, objs=["soil1"], types=[("excavator", 1), ("dump_truck", 2)]),
                task("b", DIG, types=[("excavator", 1)], deps=["a"]),
                task("d", "ExcavatorUnloading", types=[("excavator", 1)], deps=["b"]),
                task("e", T, objs=["rock1"], types=[("dump_truck", 2)], deps=["d"]))


def test_lexicon_words_that_yaml_reads_as_booleans_are_kept():
    lex = load_lexicon()
    assert "off" in lex.split_keepout_particles and "no" in lex.number_prefixes


def test_phrases_split_like_the_text():
    from dart_planner.llm.rules.lexicon import PhraseIndex, tokenize_phrase

    assert tokenize_phrase("while that's going on") == ("while", "that", "'s", "going", "on")
    assert tokenize_phrase("let's go") == ("lets_us", "go")
    merged = PhraseIndex.merged(((PhraseIndex([("right away", True)]), "now"),
                                 (PhraseIndex([("right", True), ("right away now", True)]), "other")))
    assert merged.match(["right", "away", "x"], 0) == (2, "now")
    assert merged.match(["right", "away", "now"], 0) == (3, "other")
    assert merged.match(("right", "x"), 0) == (1, "other")
