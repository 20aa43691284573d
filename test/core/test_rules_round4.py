"""Round 4 of the rules planner's generalisation: wordings written for these tests only (none is
in the benchmark, the paraphrase set or the examples), each class of wording with the plan the
benchmark conventions (bench/data/README.md) prescribe."""

from __future__ import annotations

from rules_helpers import (
    AVA,
    D1,
    D2,
    D3,
    DIG,
    DUMP,
    E1,
    E2,
    E3,
    LOAD,
    R,
    T,
    assert_plan,
    task,
)

# -- chat shorthand: "n" = and, "u" = you, "pls", "r"; a dash between numbers is a range -----------


def test_chat_n_joins_two_robots_with_their_own_places(fleet, world):
    assert_plan("can u send trk 3 to rock 2 n exc 2 to soil 1 pls", fleet, world,
                task("a", T, [D3], ["rock2"]), task("b", T, [E2], ["soil1"]))


def test_chat_n_between_named_trucks_makes_one_step(fleet, world):
    assert_plan("trk 1 n trk 3 r going to puddle 1, then they tip there", fleet, world,
                task("a", T, [D1, D3], ["puddle1"]), task("b", DUMP, [D1, D3], deps=["a"]))


def test_dash_between_numbers_is_a_range(fleet, world):
    assert_plan("Trucks 1-3 head to obstacle 2.", fleet, world,
                task("a", T, [D1, D2, D3], ["obstacle2"]))


def test_requirement_label_r1_is_no_are(fleet, world):
    assert_plan("R1. Excavator 1 drives to soil 2 and digs there.", fleet, world,
                task("a", T, [E1], ["soil2"]), task("b", DIG, [E1], deps=["a"]))


# -- "no sooner than / no earlier than / not before / upon completion of X": the step waits for X -----


def test_no_earlier_than_waits_for_the_digging(fleet, world):
    assert_plan("Excavator 2 moves to rock 1 and digs. Truck 2 may drive to rock 1 no earlier than excavator 2 "
                "has finished digging; then excavator 2 fills it.", fleet, world,
                task("a", T, [E2], ["rock1"]), task("b", DIG, [E2], deps=["a"]),
                task("c", T, [D2], ["rock1"], deps=["b"]), task("d", LOAD, [E2], deps=["c"]))


def test_but_not_before_waits_for_the_named_robot(fleet, world):
    assert_plan("Truck 1 inspects puddle 2. Truck 3 heads to obstacle 1, but not before truck 1 has "
                "inspected puddle 2.", fleet, world,
                task("a", T, [D1], ["puddle2"]), task("b", T, [D3], ["obstacle1"], deps=["a"]))


def test_upon_completion_of_the_excavation(fleet, world):
    assert_plan("Excavator 1 goes to soil 2 and excavates. Upon completion of the excavation, dump truck 2 "
                "goes to soil 2.", fleet, world,
                task("a", T, [E1], ["soil2"]), task("b", DIG, [E1], deps=["a"]),
                task("c", T, [D2], ["soil2"], deps=["b"]))


# -- "once puddle 1 has been filled / both puddles are full": the tipping there, not a loading --------


def test_place_filled_waits_for_the_tipping_there(fleet, world):
    assert_plan("Excavator 3 loads truck 1 at soil 2. Then truck 1 tips its load at puddle 2. Once puddle 2 "
                "has been filled, all robots keep away from puddle 2.", fleet, world,
                # the loading at soil 2 brings both robots there first (M24 #2; the place was dropped before)
                task("m", T, [E3, D1], ["soil2"]), task("a", LOAD, [E3], deps=["m"]),
                task("b", T, [D1], ["puddle2"], deps=["a"]),
                task("c", DUMP, [D1], deps=["b"]), task("d", AVA, [], ["puddle2"], deps=["c"]))


def test_both_places_full_waits_for_both_tippings(fleet, world):
    assert_plan("Truck 2 dumps at puddle 1 while truck 3 dumps at puddle 2. When both puddles are full, "
                "truck 3 heads back to base.", fleet, world,
                task("a", T, [D2], ["puddle1"]), task("b", DUMP, [D2], deps=["a"]),
                task("c", T, [D3], ["puddle2"]), task("d", DUMP, [D3], deps=["c"]),
                task("e", R, [D3], deps=["b", "d"]))


def test_the_two_before_an_object_kind_is_no_robot_pronoun(fleet, world):
    assert_plan("We want the two rocks broken up. Excavator 1 digs at rock 1 and excavator 2 digs at rock 2.",
                fleet, world,
                task("a", T, [E1], ["rock1"]), task("b", DIG, [E1], deps=["a"]),
                task("c", T, [E2], ["rock2"]), task("d", DIG, [E2], deps=["c"]))


# -- "To <do X> we need <robots>.": a purpose that casts robots, no step of its own ------------------


def test_purpose_sentence_casting_robots_adds_no_step(fleet, world):
    assert_plan("To clear rock 2 we need one excavator and one truck. The excavator drives to rock 2 and digs; "
                "once the digging is done, the truck goes to rock 2 and is loaded there.", fleet, world,
                task("a", T, types=[("excavator", 1)], objs=["rock2"]),
                task("b", DIG, types=[("excavator", 1)], deps=["a"]),
                task("c", T, types=[("dump_truck", 1)], objs=["rock2"], deps=["b"]),
                task("d", LOAD, types=[("excavator", 1)], deps=["c"]))


def test_purpose_with_fill_verb_is_no_loading(fleet, world):
    assert_plan("To fill puddle 2 with soil we need two trucks. The two trucks tip their loads at puddle 2.",
                fleet, world,
                task("a", T, types=[("dump_truck", 2)], objs=["puddle2"]),
                task("b", DUMP, types=[("dump_truck", 2)], deps=["a"]))


# -- "<excavator> loads you / truck 3, then you / truck 3 ...": the loaded robot goes on from its loading --


def test_radio_order_then_you_continues_after_your_loading(fleet, world):
    assert_plan("Excavator 1 goes to soil 2 and digs; excavator 3 goes to rock 1 and digs. Truck 2: go to soil 2 "
                "once excavator 1 has dug; excavator 1 loads you, then you dump at puddle 1.", fleet, world,
                task("a", T, [E1], ["soil2"]), task("b", DIG, [E1], deps=["a"]),
                task("c", T, [E3], ["rock1"]), task("d", DIG, [E3], deps=["c"]),
                task("e", T, [D2], ["soil2"], deps=["b"]), task("f", LOAD, [E1], deps=["e"]),
                task("g", T, [D2], ["puddle1"], deps=["f"]), task("h", DUMP, [D2], deps=["g"]))


def test_then_the_loaded_truck_waits_only_for_its_loading(fleet, world):
    assert_plan("Excavator 2 digs at soil 1 while truck 1 inspects rock 2. Truck 3 drives to soil 1. Excavator 2 "
                "loads truck 3, then truck 3 hauls the load to puddle 2.", fleet, world,
                # the two moves to soil 1 start at once: one task (convention 17)
                task("a", T, [E2, D3], ["soil1"]), task("b", DIG, [E2], deps=["a"]),
                task("c", T, [D1], ["rock2"]), task("d", LOAD, [E2], deps=["b"]),
                task("f", T, [D3], ["puddle2"], deps=["d"]), task("g", DUMP, [D3], deps=["f"]))


# -- radio procedure words ("radio check", "copy that", "over and out") carry no order ----------------


def test_radio_check_opener_and_over_and_out_closer(fleet, world):
    assert_plan("Radio check, all units. Excavator 3: head to rock 2 and break it up. Over and out.", fleet, world,
                task("a", T, [E3], ["rock2"]), task("b", DIG, [E3], deps=["a"]))


def test_copy_that_acknowledgement_adds_nothing(fleet, world):
    assert_plan("Copy that. Truck 1: look at puddle 1, then go back to base.", fleet, world,
                task("a", T, [D1], ["puddle1"]), task("b", R, [D1], deps=["a"]))
