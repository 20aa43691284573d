"""Mends of helper R (session 28): instructions whose meaning is clear that the planner refused (or, for the same
words, dropped a step silently).

1. "Puddle 1 is dangerous. Keep everyone away." was refused ("no object named to avoid in 'keep'"), and so were
   "..., then everyone keeps out", "Rock 2 is unstable. Keep trucks 1 and 2 away." and "Then close the zone for all
   robots."; "Truck 1 visits puddle 2, then everyone stays out." dropped the keep-out with no word ("stays" read as
   staying put). A keep-out verb with no place after it ("keep away", "stay out", "closed", "no entry"; the new
   ``add_keepout`` verbs "stay out", "stay away", "stay clear") is about the one place its sentence named before it,
   or else the sentence before. When that sentence named several places, which one is meant is not said: refused,
   naming the verb and the places. A negated move with no place ("nobody follows it") and a relative clause
   ("Puddle 1, which we close off now, is wet") stay refused.
2. "Truck 1 goes to puddle 1 and puddle 2. Then all robots avoid both of those." was refused (also "avoid both",
   "avoid those", "avoid both places", "keep away from those two places"), and "everybody avoids the same place"
   was refused as a repeat with nothing to repeat ("the same"): these words (lexicon ``place_list_pronouns``, and
   new ``object_pronouns``) point back at the places of the last list, like "them" (refused, naming the words,
   when no list was said); "the same place / area / location" is the place just named. "Then keep them away from
   puddle 1" was refused too ("them" read as the places): after a keep-out verb that holds its robots inside it
   ("keep ... away"), the pronoun is the robots.
3. Subjects for the fleet or part of it. "The machines go to soil 1." / "The vehicles return to base." / "The whole
   crew returns to base." were refused ("no robot is named"): these nouns (lexicon ``fleet_default_pronouns``, read
   as "they") are the robots named before, and with none named the whole fleet (convention 5); "each machine / each
   vehicle" join ``fleet_words`` like "each robot". "Excavator 1 and truck 1 go to soil 1. Everyone at soil 1 then
   returns." (also "the robots there", "the robots at soil 1") sent the whole fleet to soil 1 and then home, adding
   work: a place after a fleet subject picks the robots known to stand there, as after a type ("the trucks at soil
   1"); with none known there it is refused, naming the words. "One of the robots checks puddle 1." (also "two of /
   some of / a couple of the robots") sent the whole fleet: a part of the fleet of no type cannot be planned
   (convention 3 needs a type), so it is refused, naming the words.
4. Verbs. "Excavator 2 digs at soil 2 and drops the soil into truck 3." (also "deposits the soil into") planned a
   tipping by truck 3 and no loading (the truck after "into" read as the one dropping): "drop / deposit / release
   the * into" join the loading verbs (rule 12), like "dump the * into". Said of a truck ("truck 1 drops the soil
   into puddle 1", also "pours") it is the truck's tipping (rule 14), as "dumps the soil into" was, not a loading it
   waits for (refused before, "no excavator to load the truck"); the verb starts that say so moved from code to the
   lexicon (``truck_dump_heads``). "Excavator 3 smashes / crushes rock 1" (= breaks it up, rule 11) and "assesses /
   monitors / observes puddle 1" (= checks it) were refused as skills the excavator lacks.
5. A truck's loading and its moves (silent misreadings found with the sentences above). "Excavator 3 heads to rock 2
   and breaks it up. Dump truck 2 follows and gets loaded." (also "comes and gets loaded") dropped the truck's move:
   the bare motion verb before the passive loading was dropped as adding nothing, and a passive loading does not
   move its truck; now the loading said right after it takes the truck to its loader, as an active verb of the
   truck ("picks up a load") does. "Truck 2 goes to rock 1. Excavator 1 digs at soil 1 and loads truck 2. Truck 2
   then dumps at puddle 1." made the loading after the truck's drive to puddle 1 (the loading, waiting for its truck
   to arrive, was made on its arrival there): a truck that tips at a place tips what it was loaded with, so a
   loading still waiting for it is made before the drive, as before a haul (rule 12).
6. Keep-outs turned into moves or given to the wrong robots (silent misreadings found with keep-out sentences):
   - "Truck 1 checks puddle 2; nobody else goes there afterwards." sent the five other robots TO puddle 2, and "No
     other robots may go there." sent them all there too ("No other truck may go there" sent a truck): "nobody else",
     "no one else", "no other robot(s)" (new ``other_robots_words``) and "no other <type>" are negated like
     "nobody", so the move becomes a keep-out for those robots;
   - "Truck 2 goes to soil 1 while staying clear of puddle 1." sent truck 2 to puddle 1 ("staying" read as a stay and
     the place as its goal): the gerunds ("staying clear of", "keeping away from", ...) join the keep-out verbs; and
     "Truck 2 avoids puddle 1 while driving." sent it to puddle 1 (a bare move with no place went to the place just
     named): a "while" clause with only a bare motion verb says when, no step;
   - "Truck 1 visits puddle 2. After that the zone is closed." kept truck 1 alone out ("after that the zone" was split
     into "after" + "that the zone", a demonstrative that cannot stand before an article); "Once it is done, the
     area is off-limits" (also "once truck 1 is done, puddle 2 is off-limits") kept out the anchor's robot only: a
     keep-out said of its place with "is" and no robot is for the whole fleet ("zone" joins ``scene_nouns``);
   - "Excavator 2 inspects obstacle 1 and obstacle 2. After that, both are off-limits for everybody." (also "they are
     closed") was refused: "both" / "they" before "is" and a keep-out verb with no place is the last list of places,
     as "it" there is the place just named.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import AV, AVA, D1, D2, D3, DIG, DUMP, E1, E2, E3, LOAD, RA, TA, R, T, assert_plan, task
from test_rules_mends13 import _problems

OTHERS_THAN_D1 = [E1, E2, E3, D2, D3]
OTHERS_THAN_D2 = [E1, E2, E3, D1, D3]

# -- finding 1: a keep-out with no place is about the place just named ------------------------------------------------


@pytest.mark.parametrize("text", [
    "Puddle 1 is dangerous. Keep everyone away.",
    "Puddle 1 is dangerous. Everyone stays away.",
    "Puddle 1 is dangerous, so all robots keep out.",
    "Puddle 1 is dangerous. All robots must stay clear.",
])
def test_a_keep_out_after_a_remark_is_about_its_place(fleet, world, text):
    assert_plan(text, fleet, world, task("k", AVA, [], ["puddle1"]))


@pytest.mark.parametrize("text", [
    "Truck 1 visits puddle 2, then everyone keeps out.",
    "Truck 1 visits puddle 2, then everyone stays out.",
    "Truck 1 visits puddle 2, then everyone stays away.",
    "Truck 1 visits puddle 2. After that, no entry for anyone.",
    "Truck 1 visits puddle 2, after which all robots keep clear.",
    "Truck 1 visits puddle 2. Then close the zone for all robots.",
    "Truck 1 visits puddle 2. Then the zone is closed to all robots.",
])
def test_a_keep_out_after_a_step_is_about_its_place(fleet, world, text):
    assert_plan(text, fleet, world, task("m", T, [D1], ["puddle2"]), task("k", AVA, [], ["puddle2"], deps=["m"]))


def test_a_keep_out_for_some_robots_is_about_the_place_just_named(fleet, world):
    assert_plan("Rock 2 is unstable. Keep trucks 1 and 2 away.", fleet, world, task("k", AV, [D1, D2], ["rock2"]))
    assert_plan("Rock 2 is unstable. Truck 1 stays away.", fleet, world, task("k", AV, [D1], ["rock2"]))
    assert_plan("Excavator 1 inspects obstacle 2, then truck 1 stays out.", fleet, world,
                task("m", T, [E1], ["obstacle2"]), task("k", AV, [D1], ["obstacle2"], deps=["m"]))


@pytest.mark.parametrize("text, words", [
    ("Truck 1 goes to puddle 1 and puddle 2. Then everyone keeps away.", "keeps"),
    ("Truck 1 goes to puddle 1, then to rock 2, then everyone stays out.", "stays out"),
])
def test_a_keep_out_after_several_places_is_refused_naming_them(fleet, world, text, words):
    problems = _problems(text, fleet, world)
    assert any(repr(words) in p and "which place" in p for p in problems), problems


@pytest.mark.parametrize("text", [
    "Keep everyone away.",
    "Everyone stays out.",
    "Truck 1 goes to soil 1. Nobody follows.",
    "Truck 1 goes to soil 1. Nobody follows it.",
])
def test_a_keep_out_with_no_place_before_it_stays_refused(fleet, world, text):
    assert _problems(text, fleet, world)


# -- finding 2: "both of those", "those places", "the same place" in a keep-out --------------------------------------

@pytest.mark.parametrize("words", ["both of those", "both of them", "both", "those", "these", "both places",
                                   "those places", "those two places", "the two spots"])
def test_words_for_the_last_list_of_places_keep_robots_out_of_all_of_them(fleet, world, words):
    assert_plan(f"Truck 1 checks puddle 1 and puddle 2. Then all robots avoid {words}.", fleet, world,
                task("m", T, [D1], ["puddle1"]), task("n", T, [D1], ["puddle2"], deps=["m"]),
                task("k", AVA, [], ["puddle1", "puddle2"], deps=["n"]))


def test_the_last_list_of_places_after_a_keep_out_preposition(fleet, world):
    assert_plan("Excavator 1 checks obstacle 1 and obstacle 2. Afterwards trucks 1 and 2 keep away from both of those.",
                fleet, world, task("m", T, [E1], ["obstacle1"]), task("n", T, [E1], ["obstacle2"], deps=["m"]),
                task("k", AV, [D1, D2], ["obstacle1", "obstacle2"], deps=["n"]))


@pytest.mark.parametrize("words", ["both of those", "those", "both places"])
def test_words_for_a_list_with_no_list_before_are_refused_naming_them(fleet, world, words):
    problems = _problems(f"Truck 1 checks puddle 1. Then all robots avoid {words}.", fleet, world)
    assert any(repr(words) in p for p in problems), problems


@pytest.mark.parametrize("words", ["the same place", "the same spot", "the same area", "the same location"])
def test_the_same_place_in_a_keep_out_is_the_place_just_named(fleet, world, words):
    assert_plan(f"Truck 3 inspects soil 2. Afterwards everybody avoids {words}.", fleet, world,
                task("m", T, [D3], ["soil2"]), task("k", AVA, [], ["soil2"], deps=["m"]))


def test_doing_the_same_is_still_a_repeat(fleet, world):
    assert_plan("Truck 1 goes to rock 1. Then truck 2 does the same.", fleet, world,
                task("m", T, [D1], ["rock1"]), task("n", T, [D2], ["rock1"], deps=["m"]))


def test_both_of_those_robots_are_still_robots(fleet, world):
    assert_plan("Trucks 1 and 2 go to soil 1. Then both of those trucks return.", fleet, world,
                task("m", T, [D1, D2], ["soil1"]), task("r", R, [D1, D2], [], deps=["m"]))


@pytest.mark.parametrize("text", [
    "Trucks 1 and 2 go to soil 1. Then keep them away from puddle 1.",
    "Trucks 1 and 2 go to soil 1. Then keep both away from puddle 1.",
])
def test_a_pronoun_inside_keep_away_is_the_robots(fleet, world, text):
    assert_plan(text, fleet, world, task("m", T, [D1, D2], ["soil1"]),
                task("k", AV, [D1, D2], ["puddle1"], deps=["m"]))


# -- finding 3: subjects for the fleet or part of it ------------------------------------------------------------------

@pytest.mark.parametrize("text", ["The machines return to base.", "The vehicles return to base.",
                                  "The whole crew returns to base.", "Each vehicle returns to base."])
def test_machines_with_no_robot_named_before_are_the_fleet(fleet, world, text):
    assert_plan(text, fleet, world, task("r", RA))


def test_the_machines_go_somewhere_as_the_fleet(fleet, world):
    assert_plan("The machines go to soil 1.", fleet, world, task("m", TA, [], ["soil1"]))


def test_the_machines_after_robots_were_named_are_those_robots(fleet, world):
    assert_plan("Excavator 1 and truck 1 go to soil 1. The machines then return.", fleet, world,
                task("m", T, [E1, D1], ["soil1"]), task("r", R, [E1, D1], [], deps=["m"]))


@pytest.mark.parametrize("subject", ["Everyone at soil 1", "The robots at soil 1", "The crew at soil 1",
                                     "Everybody at soil 1"])
def test_the_fleet_at_a_place_is_the_robots_known_to_be_there(fleet, world, subject):
    assert_plan(f"Excavator 1 and truck 1 go to soil 1. Excavator 2 goes to soil 2. {subject} then return.",
                fleet, world, task("m", T, [E1, D1], ["soil1"]), task("n", T, [E2], ["soil2"]),
                task("r", R, [E1, D1], [], deps=["m"]))


def test_the_robots_there_are_those_at_the_place_just_named(fleet, world):
    assert_plan("Excavator 1 and truck 1 go to soil 1. The robots there then return.", fleet, world,
                task("m", T, [E1, D1], ["soil1"]), task("r", R, [E1, D1], [], deps=["m"]))


def test_the_fleet_at_a_place_where_the_whole_fleet_went_is_the_fleet(fleet, world):
    assert_plan("Everyone goes to soil 1. Everyone at soil 1 then returns.", fleet, world,
                task("m", TA, [], ["soil1"]), task("r", RA, [], [], deps=["m"]))


@pytest.mark.parametrize("text", ["Everyone at soil 1 returns.",
                                  "Excavator 1 and truck 1 go to soil 1. Everyone at rock 1 then returns."])
def test_the_fleet_at_a_place_nobody_was_sent_to_is_refused(fleet, world, text):
    problems = _problems(text, fleet, world)
    assert any("no robot is known to be at" in p for p in problems), problems


@pytest.mark.parametrize("words", ["one of the robots", "two of the robots", "some of the robots",
                                   "a couple of the robots"])
def test_part_of_the_fleet_of_no_type_is_refused_naming_it(fleet, world, words):
    problems = _problems(f"{words.capitalize()} go to puddle 1.", fleet, world)
    assert any(repr(words) in p.lower() for p in problems), problems


def test_the_fleet_after_each_of_or_all_of_stays_the_fleet(fleet, world):
    assert_plan("All of the robots go to puddle 1.", fleet, world, task("m", TA, [], ["puddle1"]))
    assert_plan("Two of the trucks go to puddle 1.", fleet, world,
                task("m", T, [], ["puddle1"], types=[("dump_truck", 2)]))


# -- finding 4: verbs ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("verb", ["drops the soil into", "deposits the soil into", "drops the dirt in",
                                  "releases the soil into"])
def test_an_excavator_dropping_soil_into_a_truck_loads_it(fleet, world, verb):
    assert_plan(f"Excavator 2 digs at soil 2 and {verb} truck 3.", fleet, world,
                task("m", T, [E2], ["soil2"]), task("d", DIG, [E2], deps=["m"]), task("l", LOAD, [E2], deps=["d"]))


@pytest.mark.parametrize("verb", ["drops the soil into", "deposits the soil into", "pours the soil into",
                                  "dumps the soil into"])
def test_a_truck_dropping_soil_into_a_place_tips_there(fleet, world, verb):
    assert_plan(f"Truck 1 {verb} puddle 1.", fleet, world,
                task("m", T, [D1], ["puddle1"]), task("d", DUMP, [D1], deps=["m"]))


def test_a_loaded_truck_dropping_its_soil_tips_after_its_loading(fleet, world):
    assert_plan("Excavator 1 loads truck 1 at soil 1. Truck 1 then drops the soil into puddle 2.", fleet, world,
                task("m", T, [E1, D1], ["soil1"]), task("l", LOAD, [E1], deps=["m"]),
                task("n", T, [D1], ["puddle2"], deps=["l"]), task("d", DUMP, [D1], deps=["n"]))


@pytest.mark.parametrize("verb", ["smashes", "crushes"])
def test_smashing_a_rock_is_breaking_it_up(fleet, world, verb):
    assert_plan(f"Excavator 3 {verb} rock 1.", fleet, world,
                task("m", T, [E3], ["rock1"]), task("d", DIG, [E3], deps=["m"]))


@pytest.mark.parametrize("verb", ["assesses", "monitors", "observes"])
def test_assessing_a_place_is_checking_it(fleet, world, verb):
    assert_plan(f"Excavator 3 {verb} puddle 1.", fleet, world, task("m", T, [E3], ["puddle1"]))


# -- finding 5: a truck's loading and its moves ----------------------------------------------------------------------

@pytest.mark.parametrize("verb", ["follows", "comes", "comes over"])
def test_a_bare_move_before_a_passive_loading_takes_the_truck_to_its_loader(fleet, world, verb):
    assert_plan(f"Excavator 3 heads to rock 2 and breaks it up. Dump truck 2 {verb} and gets loaded.", fleet, world,
                task("m", T, [E3, D2], ["rock2"]), task("d", DIG, [E3], deps=["m"]), task("l", LOAD, [E3], deps=["d"]))


def test_a_bare_move_before_a_passive_loading_by_a_named_loader(fleet, world):
    assert_plan("Excavator 3 is at rock 2. Dump truck 2 comes and gets loaded by excavator 3.", fleet, world,
                task("m", T, [D2], ["rock2"]), task("l", LOAD, [E3], deps=["m"]))


@pytest.mark.parametrize("text", [
    "Truck 2 goes to rock 1. Excavator 1 digs at soil 1 and loads truck 2. Truck 2 then dumps at puddle 1.",
    "Truck 2 goes to rock 1. Excavator 1 goes to soil 1, digs, and loads truck 2. Then truck 2 dumps at puddle 1.",
])
def test_a_truck_tipping_elsewhere_is_loaded_before_it_drives_there(fleet, world, text):
    assert_plan(text, fleet, world, task("a", T, [D2], ["rock1"]), task("m", T, [E1], ["soil1"]),
                task("d", DIG, [E1], deps=["m"]), task("l", LOAD, [E1], deps=["a", "d"]),
                task("n", T, [D2], ["puddle1"], deps=["l"]), task("u", DUMP, [D2], deps=["n"]))


def test_a_truck_arriving_at_its_loader_is_still_loaded_on_arrival(fleet, world):
    assert_plan("Excavator 1 digs at soil 1 and loads truck 2. Truck 2 goes to soil 1 and then dumps at puddle 1.",
                fleet, world, task("m", T, [E1, D2], ["soil1"]), task("d", DIG, [E1], deps=["m"]),
                task("l", LOAD, [E1], deps=["d"]),
                task("n", T, [D2], ["puddle1"], deps=["l"]), task("u", DUMP, [D2], deps=["n"]))


# -- finding 6: keep-outs turned into moves or given to the wrong robots ---------------------------------------------

def test_nobody_else_going_there_keeps_the_others_out(fleet, world):
    assert_plan("Truck 1 checks puddle 2; nobody else goes there afterwards.", fleet, world,
                task("m", T, [D1], ["puddle2"]), task("k", AV, OTHERS_THAN_D1, ["puddle2"], deps=["m"]))


@pytest.mark.parametrize("subject", ["No other robots", "No other robot", "No one else", "Nobody else"])
def test_no_other_robot_going_there_keeps_the_others_out(fleet, world, subject):
    assert_plan(f"Truck 2 goes to puddle 1. {subject} may go there.", fleet, world,
                task("m", T, [D2], ["puddle1"]), task("k", AV, OTHERS_THAN_D2, ["puddle1"]))


@pytest.mark.parametrize("subject", ["No other truck may go", "No other trucks go"])
def test_no_other_truck_going_there_keeps_the_other_trucks_out(fleet, world, subject):
    assert_plan(f"Truck 2 goes to puddle 1. {subject} there.", fleet, world,
                task("m", T, [D2], ["puddle1"]), task("k", AV, [D1, D3], ["puddle1"]))


@pytest.mark.parametrize("text", ["Truck 2 goes to soil 1 while staying clear of puddle 1.",
                                  "Truck 2 goes to soil 1, keeping away from puddle 1."])
def test_staying_clear_while_moving_is_a_keep_out(fleet, world, text):
    # the keep-out said with the move holds while the robot drives: it comes first (mends 26)
    assert_plan(text, fleet, world, task("k", AV, [D2], ["puddle1"]), task("m", T, [D2], ["soil1"], deps=["k"]))


@pytest.mark.parametrize("text", ["Truck 2 goes to soil 1. Truck 2 avoids puddle 1 while moving.",
                                  "Truck 2 goes to soil 1. Truck 2 must stay out of puddle 1 while driving."])
def test_while_driving_is_no_move(fleet, world, text):
    assert_plan(text, fleet, world, task("m", T, [D2], ["soil1"]), task("k", AV, [D2], ["puddle1"], deps=["m"]))


def test_while_driving_somewhere_is_still_a_move(fleet, world):
    assert_plan("Excavator 1 digs at soil 1 while truck 2 drives to rock 1.", fleet, world,
                task("m", T, [E1], ["soil1"]), task("d", DIG, [E1], deps=["m"]), task("n", T, [D2], ["rock1"]))


@pytest.mark.parametrize("text", [
    "Truck 1 visits puddle 2. After that the zone is closed.",
    "Truck 1 visits puddle 2. After that the area is off-limits.",
    "Truck 1 visits puddle 2. Once it is done, the area is off-limits.",
    "Truck 1 visits puddle 2. Once truck 1 is done, puddle 2 is off-limits.",
    "Truck 1 visits puddle 2. When it is done, the zone is closed.",
])
def test_a_place_said_to_be_closed_is_closed_for_the_fleet(fleet, world, text):
    assert_plan(text, fleet, world, task("m", T, [D1], ["puddle2"]), task("k", AVA, [], ["puddle2"], deps=["m"]))


def test_a_place_closed_for_a_named_robot_stays_for_it(fleet, world):
    assert_plan("Truck 1 visits puddle 2. Once it is done, puddle 2 is off-limits for truck 3.", fleet, world,
                task("m", T, [D1], ["puddle2"]), task("k", AV, [D3], ["puddle2"], deps=["m"]))


def test_after_that_before_a_deed_is_still_an_anchor_on_it(fleet, world):
    assert_plan("Excavator 1 digs at soil 1. After that digging is done, truck 1 goes to soil 1.", fleet, world,
                task("m", T, [E1], ["soil1"]), task("d", DIG, [E1], deps=["m"]),
                task("n", T, [D1], ["soil1"], deps=["d"]))


@pytest.mark.parametrize("clause", ["After that, both are off-limits for everybody.",
                                    "After that, they are off-limits for everybody.", "After that they are closed."])
def test_both_said_to_be_closed_after_a_list_are_the_places(fleet, world, clause):
    assert_plan(f"Excavator 2 inspects obstacle 1 and obstacle 2. {clause}", fleet, world,
                task("m", T, [E2], ["obstacle1"]), task("n", T, [E2], ["obstacle2"], deps=["m"]),
                task("k", AVA, [], ["obstacle1", "obstacle2"], deps=["n"]))


def test_robots_said_to_be_kept_away_are_still_robots(fleet, world):
    assert_plan("Trucks 1 and 2 go to soil 1. Then they are kept away from puddle 1.", fleet, world,
                task("m", T, [D1, D2], ["soil1"]), task("k", AV, [D1, D2], ["puddle1"], deps=["m"]))
