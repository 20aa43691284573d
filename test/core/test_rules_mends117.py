"""Mends of helper M117: misreadings of instructions typed by a site supervisor on a phone (short sentences,
colon-addressed orders, subjects dropped in follow-up sentences).

1. "Truck 3: head there once it's done digging. Then fill it up." was truck 3 tipping at the dig site: the
   dropped subject is the truck named last, and "fill it" said of a truck is its tipping ("truck 2 goes to puddle 1
   and fills it"). An empty truck told to "fill it (up)", with no place named in the clause, standing beside an
   excavator that can load it, is the one filled: the excavator's loading (lexicon ``truck_fill_it_phrases``).
   "Truck 3: go to puddle 1 and fill it up" stays a tipping.
2. "After that lot, everyone parks back at base." was refused ("'lot' is not a skill of everyone"; without the
   comma it happened to read right): "after that lot" / "after this lot" is "after all that", a "finally" (lexicon
   connectives ``final``), also said after its step ("... parks back at base after that lot").
3. "Trucks 1 and 3: head to rock 2. Exc 2: meet them there and break it up." was refused ("no robot among
   robot_dump_truck_01, robot_dump_truck_03 can dig"), and "Exc 2: meet them." dropped excavator 2: "them" after a
   join verb (lexicon ``join_verbs``) was read as the clause's robots, over the robot spoken to. A plural pronoun
   there is the robots met, a place as "joins excavator 2" is ("meet it there" is left as it was: "it" may be the
   mover itself, "have excavator 3 meet it there").
4. "Exc 2: dig at soil 1. Truck 3: go there when it's done." sent truck 3 at once: "it" in an anchor of completion
   after a clause whose robot has no step yet is the robot before it (mends 74), looked for since the previous
   sentence; the heading "Truck 3:" counts as a sentence, so only truck 3 was found. With nothing found, the search
   now goes further back rather than settle on the idle robot. Also for two idle trucks ("Trucks 1 and 3 go there
   when it's done") and with "has"/"all" in the anchor ("once it has finished", "when it's all done": lexicon
   ``its_done_fillers``).
5. "Truck 1: hang back till it's done, then go over." dropped truck 1's move (and everything after "hang back" in
   its sentence): "hang back" was no verb, "back" a mark. "hang back (at)", "hold back", "stay back", "sit tight (at)"
   are now words of staying put (lexicon navigate verbs and ``stationary``), as "wait" is: no step where the robot
   already is, and the steps after them wait for the "till" ("hang back at base till both are done" also made a
   return to base, where the truck already was).
6. "A couple of trucks: go there once they're done." sent the trucks at once: "they" in an anchor of completion after
   a clause whose robots have no step yet was those idle robots (finding 4 was for "it"); it is now the latest
   several robots that are not idle.
7. "Fill them up, truck 2 first." loaded both trucks once and made truck 2 tip right there (the verbless "truck 2
   first" repeated "fill" for truck 2); "Load them up, truck 2 first." dropped the order; "Fill up both trucks, truck
   2 first." too (an order with no robot before "fill up" read it as the trucks' own filling); "Top them up, truck 2
   first." dropped the loading without a word ("top" alone is no verb). A particle (lexicon ``loading_particles``:
   "up", "off") between the loaded trucks and the order aside no longer hides the aside (rule 24: one loading per
   truck, in that order); "fill up <truck>" with no robot before it in its sentence is the excavator's loading; and
   "top <trucks> up" is "top up <trucks>".
8. "Exc 3: same at soil 2." sent excavator 3 to soil 2 and dropped its digging: "same at" was no repeat phrase
   ("the same", "same again", "do the same" were); it is now (lexicon ``repeat_phrases``; a bare "same" is not:
   "..., same time." is no repeat).

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import D1, D2, D3, DIG, DUMP, E1, E2, E3, LOAD, RA, R, T, assert_plan, task
from test_rules_mends13 import _lexicon  # an edited lexicon

from dart_planner.llm.rules import rules_plan

# -- finding 1: "fill it up" of an empty truck beside an excavator is its loading ---------------------------------


@pytest.mark.parametrize("text", [
    "Exc 2: dig at soil 1. Truck 3: head there once it's done digging. Then fill it up. Then tip it at puddle 2.",
    "Exc 2: dig at soil 1. Truck 3: head there once it's done digging. Fill it up, then tip at puddle 2.",
    "Exc 2: dig at soil 1. Truck 3: head over once it's done digging. Fill it up. Truck 3 tips it at puddle 2.",
])
def test_filling_up_an_empty_truck_beside_an_excavator_is_its_loading(fleet, world, text):
    assert_plan(text, fleet, world,
                task("m", T, [E2], ["soil1"]), task("g", DIG, [E2], [], deps=["m"]),
                task("t", T, [D3], ["soil1"], deps=["g"]), task("l", LOAD, [E2], [], deps=["t"]),
                task("p", T, [D3], ["puddle2"], deps=["l"]), task("d", DUMP, [D3], [], deps=["p"]))


def test_filling_up_a_truck_sent_alongside_the_digger_is_its_loading(fleet, world):
    assert_plan("Exc 3: go to soil 2 and dig. Truck 2: head there now. Fill it up once the digging's done. "
                "Then tip at obstacle 1.", fleet, world,
                task("m", T, [E3, D2], ["soil2"]), task("g", DIG, [E3], [], deps=["m"]),
                task("l", LOAD, [E3], [], deps=["g"]),
                task("p", T, [D2], ["obstacle1"], deps=["l"]), task("d", DUMP, [D2], [], deps=["p"]))


@pytest.mark.parametrize("text", [
    "Truck 3: go to puddle 1 and fill it up.",
    "Truck 3: head to puddle 1. Fill it up.",
])
def test_a_truck_filling_a_puddle_still_tips(fleet, world, text):
    assert_plan(text, fleet, world, task("m", T, [D3], ["puddle1"]), task("d", DUMP, [D3], [], deps=["m"]))



def test_filling_it_after_a_move_to_a_named_place_in_the_clause_still_tips(fleet, world):
    assert_plan("Exc 2: dig at puddle 1. Truck 3 goes to puddle 1 and fills it.", fleet, world,
                task("m", T, [E2, D3], ["puddle1"]), task("g", DIG, [E2], [], deps=["m"]),
                task("d", DUMP, [D3], [], deps=["m"]))


def test_the_filled_truck_words_come_from_the_lexicon(fleet, world):
    text = "Exc 2: dig at soil 1. Truck 3: head there once it's done digging. Then fill it up."
    assert any(s.skill == LOAD for s in rules_plan(text, fleet, world).graph.subtasks)
    got = rules_plan(text, fleet, world, _lexicon(truck_fill_it_phrases=[]))
    assert not any(s.skill == LOAD for s in got.graph.subtasks)


# -- finding 2: "after that lot," is "after all that" --------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Exc 1: dig at soil 1. Truck 2: check rock 1. After that lot, everyone parks back at base.",
    "Exc 1: dig at soil 1. Truck 2: check rock 1. After that lot everyone parks back at base.",
    "Exc 1: dig at soil 1. Truck 2: check rock 1. After all that lot, everyone parks back at base.",
    "Exc 1: dig at soil 1. Truck 2: check rock 1. After this lot, everyone parks back at base.",
    "Exc 1: dig at soil 1. Truck 2: check rock 1. Everyone parks back at base after that lot.",
])
def test_after_that_lot_waits_for_all_of_it(fleet, world, text):
    assert_plan(text, fleet, world,
                task("m", T, [E1], ["soil1"]), task("g", DIG, [E1], [], deps=["m"]),
                task("c", T, [D2], ["rock1"]), task("r", RA, [], [], deps=["g", "c"]))


def test_after_that_lot_waits_for_both_robots_of_one_step(fleet, world):
    assert_plan("Exc 1: dig at soil 1. Truck 2: check rock 1. After that lot, truck 2 goes home.", fleet, world,
                task("m", T, [E1], ["soil1"]), task("g", DIG, [E1], [], deps=["m"]),
                task("c", T, [D2], ["rock1"]), task("r", R, [D2], [], deps=["g", "c"]))


# -- finding 3: "<robot>: meet them there" goes where they are; "them" is not the mover ----------------------------


@pytest.mark.parametrize("text", [
    "Trucks 1 and 3: head to rock 2. Exc 2: meet them there and break it up.",
    "Trucks 1 and 3: head to rock 2. Exc 2: meet them there and dig.",
    "Trucks 1 and 3: head to rock 2. Exc 2: meet them both there and dig.",
    "Trucks 1 and 3: head to rock 2. Exc 2: meet them and dig.",
])
def test_meeting_them_there_sends_the_robot_spoken_to(fleet, world, text):
    assert_plan(text, fleet, world,
                task("m", T, [D1, D3, E2], ["rock2"]), task("g", DIG, [E2], [], deps=["m"]))


def test_meeting_them_alone_is_still_a_move(fleet, world):
    assert_plan("Trucks 1 and 3: head to rock 2. Exc 2: meet them.", fleet, world,
                task("m", T, [D1, D3, E2], ["rock2"]))


# -- finding 4: "<truck>: go there once it's done" waits for the robot of the order before ------------------------


@pytest.mark.parametrize("text", [
    "Exc 2: dig at soil 1. Truck 3: go there once it's done.",
    "Exc 2: dig at soil 1. Truck 3: go there when it's done.",
    "Exc 2: dig at soil 1. Truck 3: head to soil 1 when it is finished.",
    "Exc 2: dig at soil 1. Truck 3: go there once it has finished.",
    "Exc 2: dig at soil 1. Truck 3: go there once it's all done.",
    "Excavator 2 digs at soil 1. Truck 3 goes there once it has finished.",
])
def test_once_its_done_after_a_heading_waits_for_the_robot_before_it(fleet, world, text):
    assert_plan(text, fleet, world,
                task("m", T, [E2], ["soil1"]), task("g", DIG, [E2], [], deps=["m"]),
                task("t", T, [D3], ["soil1"], deps=["g"]))


@pytest.mark.parametrize("text", [
    "Exc 2: dig at soil 1. Trucks 1 and 3: go there when it's done.",
    "Excavator 2 digs at soil 1. Trucks 1 and 3 go there when it's done.",
])
def test_once_its_done_after_two_idle_trucks_waits_for_the_excavator(fleet, world, text):
    assert_plan(text, fleet, world,
                task("m", T, [E2], ["soil1"]), task("g", DIG, [E2], [], deps=["m"]),
                task("t", T, [D1, D3], ["soil1"], deps=["g"]))


def test_once_its_done_after_a_robot_with_steps_is_still_that_robot(fleet, world):
    assert_plan("Exc 2: dig at soil 1. Truck 3: check rock 1. Then go home once it's done.", fleet, world,
                task("m", T, [E2], ["soil1"]), task("g", DIG, [E2], [], deps=["m"]),
                task("c", T, [D3], ["rock1"]), task("r", R, [D3], [], deps=["c"]))


# -- finding 5: "hang back (at base) till ..., then go over" is a wait, not the end of the order ------------------


@pytest.mark.parametrize("text", [
    "Exc 3: head to rock 1 and break it up. Truck 1: hang back till it's done, then go over.",
    "Exc 3: head to rock 1 and break it up. Truck 1: hang back till it's done, then go to rock 1.",
    "Exc 3: head to rock 1 and break it up. Truck 1: hang back at base till it's done, then go to rock 1.",
    "Exc 3: head to rock 1 and break it up. Truck 1: sit tight till it's done, then go over.",
    "Exc 3 heads to rock 1 and breaks it up. Truck 1 holds back until it is done and then goes to rock 1.",
])
def test_hanging_back_until_the_digging_is_done_then_going_over(fleet, world, text):
    assert_plan(text, fleet, world,
                task("m", T, [E3], ["rock1"]), task("g", DIG, [E3], [], deps=["m"]),
                task("t", T, [D1], ["rock1"], deps=["g"]))


def test_hanging_back_alone_is_no_step(fleet, world):
    assert_plan("Exc 3: head to rock 1 and break it up. Truck 1: hang back at base.", fleet, world,
                task("m", T, [E3], ["rock1"]), task("g", DIG, [E3], [], deps=["m"]))


def test_hanging_back_at_base_after_a_move_is_a_return(fleet, world):
    assert_plan("Truck 1 goes to soil 1. Then it hangs back at base.", fleet, world,
                task("m", T, [D1], ["soil1"]), task("r", R, [D1], [], deps=["m"]))


# -- finding 6: "<trucks>: go there once they're done" waits for the robots before them ---------------------------


@pytest.mark.parametrize("text, trucks", [
    ("Exc 2 and exc 3: head to soil 1 and dig. A couple of trucks: go there once they're done.", None),
    ("Exc 2 and exc 3: head to soil 1 and dig. Trucks 1 and 2: go there once they're done.", [D1, D2]),
    ("Excavators 2 and 3 head to soil 1 and dig. Two trucks go there once they are finished.", None),
])
def test_once_theyre_done_after_idle_trucks_waits_for_the_diggers(fleet, world, text, trucks):
    move = task("t", T, trucks, ["soil1"], deps=["g"]) if trucks else \
        task("t", T, [], ["soil1"], deps=["g"], types=[("dump_truck", 2)])
    assert_plan(text, fleet, world,
                task("m", T, [E2, E3], ["soil1"]), task("g", DIG, [E2, E3], [], deps=["m"]), move)


def test_once_theyre_done_after_robots_with_steps_is_still_them(fleet, world):
    assert_plan("Trucks 1 and 2 go to rock 1. Then they go home once they're done.", fleet, world,
                task("m", T, [D1, D2], ["rock1"]), task("r", R, [D1, D2], [], deps=["m"]))


# -- finding 7: "fill them up, truck 2 first" orders the loadings; "top them up" is a loading --------------------

_AT_SOIL2 = "Exc 3: dig at soil 2. Trucks 1 and 2: go there. "


def _two_loads_truck_2_first(text, fleet, world):
    assert_plan(_AT_SOIL2 + text + " Each then tips at puddle 1.", fleet, world,
                task("m", T, [E3, D1, D2], ["soil2"]), task("g", DIG, [E3], [], deps=["m"]),
                task("l2", LOAD, [E3], [], deps=["g"]), task("l1", LOAD, [E3], [], deps=["l2"]),
                task("p2", T, [D2], ["puddle1"], deps=["l2"]), task("d2", DUMP, [D2], [], deps=["p2"]),
                task("p1", T, [D1], ["puddle1"], deps=["l1"]), task("d1", DUMP, [D1], [], deps=["p1"]))


@pytest.mark.parametrize("text", [
    "Fill them up, truck 2 first.",
    "Load them up, truck 2 first.",
    "Exc 3 fills them up, truck 2 first.",
    "Fill them up one after the other, truck 2 first.",
    "Fill them up, truck 2 first, then truck 1.",
    "Fill up both trucks, truck 2 first.",
    "Top them up, truck 2 first.",
    "Top them off, truck 2 first.",
])
def test_an_order_after_a_loading_with_its_particle_orders_the_loadings(fleet, world, text):
    _two_loads_truck_2_first(text, fleet, world)


def test_topping_them_up_is_one_loading_of_both(fleet, world):
    assert_plan(_AT_SOIL2 + "Top them up. Then they tip at puddle 1.", fleet, world,
                task("m", T, [E3, D1, D2], ["soil2"]), task("g", DIG, [E3], [], deps=["m"]),
                task("l", LOAD, [E3], [], deps=["g"]),
                task("p", T, [D1, D2], ["puddle1"], deps=["l"]), task("d", DUMP, [D1, D2], [], deps=["p"]))


def test_the_loading_particles_come_from_the_lexicon(fleet, world):
    text = _AT_SOIL2 + "Top them up, truck 2 first."
    assert sum(s.skill == LOAD for s in rules_plan(text, fleet, world).graph.subtasks) == 2
    got = rules_plan(text, fleet, world, _lexicon(loading_particles=[]))
    assert not any(s.skill == LOAD for s in got.graph.subtasks)


# -- finding 8: a bare "same at <place>" repeats the steps there ---------------------------------------------------


@pytest.mark.parametrize("text", [
    "Exc 2: head to soil 1 and dig. Exc 3: same at soil 2.",
    "Excavator 2 heads to soil 1 and digs. Excavator 3: same at soil 2.",
])
def test_same_at_a_place_repeats_the_digging_there(fleet, world, text):
    assert_plan(text, fleet, world,
                task("m", T, [E2], ["soil1"]), task("g", DIG, [E2], [], deps=["m"]),
                task("n", T, [E3], ["soil2"]), task("h", DIG, [E3], [], deps=["n"]))


def test_same_at_a_place_then_home(fleet, world):
    assert_plan("Exc 2: head to soil 1 and dig. Exc 3: same at soil 2, then go home.", fleet, world,
                task("m", T, [E2], ["soil1"]), task("g", DIG, [E2], [], deps=["m"]),
                task("n", T, [E3], ["soil2"]), task("h", DIG, [E3], [], deps=["n"]),
                task("r", R, [E3], [], deps=["h"]))


def test_the_same_place_is_still_a_place(fleet, world):
    assert_plan("Truck 1 goes to soil 1. Truck 2 goes to same place.", fleet, world,
                task("m", T, [D1, D2], ["soil1"]))
