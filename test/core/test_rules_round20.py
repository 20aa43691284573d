"""Round 20 of the rules planner (lead's own findings, on sentences written for them).

1. "Truck 2 drives over there so the excavator can load it afterwards." sent truck 2 only after the digging: a
   trailing "afterwards" was moved to the front of its clause, and the clause was taken to start at the last comma
   or "and". A purpose "so <robot> can ..." is a clause of its own, and "afterwards" there orders the loading.
2. "Two excavators go: excavator 1 to soil 1, excavator 2 to soil 2." was refused, and "The excavators dig: excavator 1
   at soil 1 and excavator 2 at soil 2." (or with a comma) dug with a group of three first: a group counted by type
   ("two excavators", "both trucks") was not taken to be the robots its colon list names, and a digging was not said
   again per robot of a trailing "<robot> at <place>" list as a move or a dump was.
3. "Before excavator 2 digs at rock 1, truck 2 inspects it." was refused, and "... should inspect the rock" too: the
   clause after a fronted "before" is read first, and "it" / "the rock" had no place said before them. The places of
   the "before" clause are the ones they refer to, as its robots already were for a robot pronoun.
4. "Excavator 2 digs at soil 2 and loads truck 3 as soon as truck 3 arrives." was refused (no place for the
   arrival), and with "arrives at soil 2" the excavator waited for the truck before it drove to the soil: an anchor
   after "... and loads truck 3" governed the whole clause. It is the loading's alone, as after "and then".
5. "Last, the puddle keep-out is lifted." after "all robots keep out of puddle 1 and puddle 2" lifted it for puddle 2
   alone and at once: "Last," was no connective (only "lastly", "last of all"), and "the puddle" was the puddle named
   last. "Last" before a comma or colon opens a sentence as "finally" does (lexicon ``final_markers``), and a kind
   noun before a keep-out noun is every place of that kind the last keep-out closed.
6. "Excavators 2 and 3 dig at soil 2. ... Both load truck 1, excavator 2 first." loaded truck 1 with both excavators
   at once and then "loaded excavator 2" (a second loading after a move of truck 1 to soil 2): the order aside after a
   loading was only read as an order of the trucks loaded. Naming excavators, it orders the loaders: each loads the
   trucks in turn, those the aside leaves out after ("the other excavator" after "both").
7. "... the truck goes to puddle 2, tips its load and comes back to soil 1 for another load." gave the dump and the way
   back to a new unnamed truck: "another load" after "for" was read as one more robot ("another") and its loading
   verb. After a trip, "for / to get another load" (lexicon ``another_load_leads``) is the truck's own reloading, read
   as "to be loaded again".
8. "Each excavator goes to a different soil pile: excavator 1 to soil 1, excavator 2 to soil 2." was refused: "a
   different <kind>" read as one object mention was not taken for the places the list names (only "a different place"
   in plain words was). And "Depending on that, everybody avoids puddle 2." after a check put the keep-out up at once:
   "depending on that" / "based on what it finds" are sequence connectives now (lexicon), as "if so" waits.
9. "Both trucks check the puddles - truck 1 puddle 1, truck 2 puddle 2 - and then return to start." sent a group of two
   trucks to both puddles and each named truck to its own: a list of "<robot> <place>" pairs with the "to" left out
   was not read as the places of the group's move, nor was a list after "the puddles" (the places of a kind it spells
   out).
10. "digger three, break up rock 2 then load em both, truck one first" was refused ("'both' cannot unload bucket"):
    "em" ("them" as it is said) was no pronoun, so "both" became the robots that load. "em" / "'em" are "them" now.
11. "Then trucks 1 and 2 go over to soil 2 for loading - excavator 2 loads truck 1, excavator 3 loads truck 2." loaded
    both trucks with both excavators and then each truck once more: the purpose "for loading" made a loading by the
    excavators there, and the list after it made one per pair. A group loading that only loadings by parts of the group
    wait for, of the same trucks, is that loading said robot by robot (``PlanBuilder._spell_out_group_loadings``).
12. "Trucks 1 and 3 keep away from rock 1 until truck 2 has inspected it. Truck 2 inspects rock 1. Then truck 1 goes to
    rock 1." was refused (truck 1 sent into a place still closed to it): the deed after "until" is made by the later
    sentence that orders it (round 19), and so the keep-out had no end to be lifted at. Its end is now that later step.
13. "Rock 2 is loose. No truck near rock 2." sent a truck to rock 2: a negation before a bare type noun was only joined
    to it when a verb followed. Opening a verbless clause with a word of nearness and a place, it is every robot of
    the type kept out (``fleetnouns.fold_negated_types``).
14. One line of blind batch 23 crashed the planner (KeyError in ``PlanBuilder.finish``): a task still waited on a step
    dropped after it was waited for. Such a wait is now a wait on what the dropped step waited for, and the rules
    planner turns any error while building the graph into a refusal, as it already did while reading.
15. "Trucks 2 and 3 are to remain outside the soil 2 area ..." sent the trucks into soil 2: "stay / remain / keep
    outside (of)" was no keep-out verb, and "outside" was read as a move's place word. They are keep-outs now (lexicon).
16. "Truck 2 goes to rock 1. Excavator 1 should break it up." dug where excavator 1 stood: after a modal the base form
    "break it up" was one lexicon phrase, so its "it" was no place (the "it" of "breaks it up" was already read as
    the place spoken of last). The phrase is gone from the lexicon; "break" + "it" + "up" reads as "breaks it up".
17. "Truck 2 goes to rock 1. Excavator 1 breaks up the rock." dug where excavator 1 stood: "the rock" after a verb of
    digging was read as cargo, as "hauls the soil" is. With no place named in its clause, and the diggers bound to no
    place of that kind, it is the place of that kind spoken of last (rule 11: "break up X" is a move to X and a dig).
18. "Truck 3 is already loaded. It takes the load to puddle 2 and dumps it." was refused ("no excavator to load the
    truck"): a truck said to be loaded already was read as a loading to do. It is a loading done before the job: no
    step, and what it carries is tipped where it goes (rule 23).

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import AL, ALA, AV, AVA, D1, D2, D3, DIG, DUMP, E1, E2, E3, LOAD, RA, R, T, assert_plan, task

# -- 1: "afterwards" at the end of a purpose ------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Excavator 1 digs at soil 2. Truck 2 drives over there so the excavator can load it afterwards. Truck 2 then "
    "dumps at puddle 1.",
    "Excavator 1 digs at soil 2. Truck 2 heads to soil 2 as well so excavator 1 can fill it afterwards, and then truck "
    "2 dumps at puddle 1.",
])
def test_afterwards_in_a_purpose_orders_the_purpose(fleet, world, text):
    assert_plan(text, fleet, world,
                task("m", T, [E1, D2], ["soil2"]), task("d", DIG, [E1], [], deps=["m"]),
                task("l", LOAD, [E1], [], deps=["d"]), task("p", T, [D2], ["puddle1"], deps=["l"]),
                task("u", DUMP, [D2], [], deps=["p"]))


def test_afterwards_in_a_purpose_after_a_comma(fleet, world):
    assert_plan("Excavator 3 digs at rock 1, so truck 1 can come over afterwards and get loaded. Truck 1 then dumps at "
                "puddle 2.", fleet, world,
                task("m", T, [E3], ["rock1"]), task("d", DIG, [E3], [], deps=["m"]),
                task("c", T, [D1], ["rock1"], deps=["d"]), task("l", LOAD, [E3], [], deps=["c"]),
                task("p", T, [D1], ["puddle2"], deps=["l"]), task("u", DUMP, [D1], [], deps=["p"]))


# -- 2: a group counted by type, then where each goes ---------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Two excavators go: excavator 1 to soil 1, excavator 2 to soil 2. Then everyone returns to start.",
    "Both excavators head out: excavator 1 to soil 1 and excavator 2 to soil 2. Then everyone returns to start.",
])
def test_a_counted_group_is_the_robots_its_colon_list_names(fleet, world, text):
    assert_plan(text, fleet, world,
                task("a", T, [E1], ["soil1"]), task("b", T, [E2], ["soil2"]),
                task("r", RA, [], [], deps=["a", "b"]))


@pytest.mark.parametrize("text", [
    "The excavators dig: excavator 1 at soil 1 and excavator 2 at soil 2. Then truck 1 goes to soil 1.",
    "Two excavators dig, excavator 1 at soil 1 and excavator 2 at soil 2. Then truck 1 goes to soil 1.",
])
def test_a_digging_is_said_again_per_robot_of_a_place_list(fleet, world, text):
    assert_plan(text, fleet, world,
                task("a", T, [E1], ["soil1"]), task("x", DIG, [E1], [], deps=["a"]),
                task("b", T, [E2], ["soil2"]), task("y", DIG, [E2], [], deps=["b"]),
                task("t", T, [D1], ["soil1"], deps=["x", "y"]))


# -- 3: "it" after a fronted "before" clause -------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Before excavator 2 digs at rock 1, truck 2 inspects it.",
    "Before excavator 2 starts digging at rock 1, truck 2 should inspect the rock.",
])
def test_a_place_of_a_fronted_before_clause_is_what_it_means(fleet, world, text):
    assert_plan(text, fleet, world,
                task("i", T, [D2], ["rock1"]), task("m", T, [E2], ["rock1"], deps=["i"]),
                task("d", DIG, [E2], [], deps=["m"]))


def test_a_place_of_a_fronted_before_clause_then_the_rest(fleet, world):
    assert_plan("Before truck 1 dumps at puddle 2, excavator 3 checks it. Then excavator 3 digs at soil 1.",
                fleet, world,
                task("c", T, [E3], ["puddle2"]), task("m", T, [D1], ["puddle2"], deps=["c"]),
                task("u", DUMP, [D1], [], deps=["m"]), task("s", T, [E3], ["soil1"], deps=["u"]),
                task("d", DIG, [E3], [], deps=["s"]))


# -- 4: an anchor after "... and loads truck 3" ---------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Excavator 2 digs at soil 2 and loads truck 3 as soon as truck 3 arrives.",
    "Excavator 2 digs at soil 2 and loads truck 3 once truck 3 has arrived at soil 2.",
    "Excavator 2 digs at soil 2 and fills truck 3 when truck 3 gets there.",
])
def test_an_anchor_after_a_loading_conjunct_is_the_loadings(fleet, world, text):
    assert_plan(text, fleet, world,
                task("m", T, [E2, D3], ["soil2"]), task("d", DIG, [E2], [], deps=["m"]),
                task("l", LOAD, [E2], [], deps=["d"]))


def test_an_anchor_after_a_loading_conjunct_waits_for_its_event(fleet, world):
    assert_plan("Truck 1 inspects rock 1. Excavator 3 goes to soil 1 and loads truck 3 once truck 1 has inspected rock "
                "1.", fleet, world,
                task("i", T, [D1], ["rock1"]), task("s", T, [E3], ["soil1"]),
                task("l", LOAD, [E3], [], deps=["s", "i"]))


# -- 5: "Last," and "the puddle keep-out" -----------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "First all robots keep out of puddle 1 and puddle 2. Then excavator 2 goes to soil 1 and digs. Last, the puddle "
    "keep-out is lifted.",
    "First all robots keep out of puddle 1 and puddle 2. Then excavator 2 goes to soil 1 and digs. Finally, the puddle "
    "keep-out is lifted for everyone.",
])
def test_the_kind_keepout_is_every_place_of_that_kind_it_closed(fleet, world, text):
    assert_plan(text, fleet, world,
                task("a", AVA, [], ["puddle1", "puddle2"]), task("m", T, [E2], ["soil1"], deps=["a"]),
                task("d", DIG, [E2], [], deps=["m"]), task("l", ALA, [], ["puddle1", "puddle2"], deps=["d"]))


def test_the_kind_keepout_lifts_only_its_places_of_that_kind(fleet, world):
    assert_plan("All robots keep out of puddle 1 and rock 2. Then excavator 2 goes to soil 1 and digs. Finally the "
                "puddle keep-out is lifted.", fleet, world,
                task("a", AVA, [], ["puddle1", "rock2"]), task("m", T, [E2], ["soil1"], deps=["a"]),
                task("d", DIG, [E2], [], deps=["m"]), task("l", ALA, [], ["puddle1"], deps=["d"]))


@pytest.mark.parametrize("text", [
    "Truck 2 goes to soil 1. Excavator 2 digs at soil 2. Last, truck 1 returns to start.",
    "Truck 2 goes to soil 1. Excavator 2 digs at soil 2. Last: truck 1 returns to start.",
])
def test_last_with_a_comma_opens_a_final_step(fleet, world, text):
    assert_plan(text, fleet, world,
                task("t", T, [D2], ["soil1"]), task("m", T, [E2], ["soil2"]), task("d", DIG, [E2], [], deps=["m"]),
                task("r", R, [D1], [], deps=["t", "d"]))



# -- 6: an order of the loaders ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Excavators 2 and 3 dig at soil 2. Truck 1 comes to soil 2. Both load truck 1, excavator 3 first. Truck 1 dumps at "
    "puddle 2.",
    "Excavators 2 and 3 dig at soil 2. Truck 1 comes to soil 2. Both excavators load truck 1, excavator 3 first and "
    "then excavator 2. Truck 1 dumps at puddle 2.",
    "Excavators 2 and 3 dig at soil 2. Truck 1 comes to soil 2. Excavators 2 and 3 load it, excavator 3 first. Truck 1 "
    "dumps at puddle 2.",
])
def test_an_order_aside_of_excavators_orders_the_loaders(fleet, world, text):
    assert_plan(text, fleet, world,
                task("m", T, [E2, E3, D1], ["soil2"]), task("d", DIG, [E2, E3], [], deps=["m"]),
                task("a", LOAD, [E3], [], deps=["d"]), task("b", LOAD, [E2], [], deps=["a"]),
                task("p", T, [D1], ["puddle2"], deps=["b"]), task("u", DUMP, [D1], [], deps=["p"]))


# -- 7: "comes back for another load" -----------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Dump truck 1 and excavator 2 head to soil 1 together. The excavator digs and loads the truck. Then the truck goes "
    "to puddle 2, tips its load and comes back to soil 1 for another load.",
    "Dump truck 1 and excavator 2 head to soil 1 together. The excavator digs and loads the truck. Then the truck goes "
    "to puddle 2, tips its load and comes back to soil 1 to get a second load.",
])
def test_another_load_after_a_trip_is_a_reloading(fleet, world, text):
    assert_plan(text, fleet, world,
                task("m", T, [D1, E2], ["soil1"]), task("d", DIG, [E2], [], deps=["m"]),
                task("l", LOAD, [E2], [], deps=["d"]), task("p", T, [D1], ["puddle2"], deps=["l"]),
                task("u", DUMP, [D1], [], deps=["p"]), task("b", T, [D1], ["soil1"], deps=["u"]),
                task("r", LOAD, [E2], [], deps=["b"]))


# -- 8: "a different soil pile: ..." and "depending on that" ----------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Each excavator goes to a different soil pile: excavator 1 to soil 1, excavator 2 to soil 2. Then everyone returns "
    "to start.",
    "Each excavator drives to a separate soil pile: excavator 1 to soil 1 and excavator 2 to soil 2. Then everyone "
    "returns to start.",
])
def test_a_different_kind_of_place_is_what_the_list_names(fleet, world, text):
    assert_plan(text, fleet, world,
                task("a", T, [E1], ["soil1"]), task("b", T, [E2], ["soil2"]),
                task("r", RA, [], [], deps=["a", "b"]))


@pytest.mark.parametrize("text", [
    "Truck 3 goes to puddle 2 to check the water level. Depending on that, everybody avoids puddle 2.",
    "Truck 3 goes to puddle 2 to check the water level. Based on what it finds, everybody avoids puddle 2.",
])
def test_a_step_decided_by_a_check_waits_for_it(fleet, world, text):
    assert_plan(text, fleet, world,
                task("c", T, [D3], ["puddle2"]), task("a", AVA, [], ["puddle2"], deps=["c"]))


# -- 9: "check the puddles - truck 1 puddle 1, truck 2 puddle 2" -----------------------------------------------------


@pytest.mark.parametrize("text", [
    "Both trucks check the puddles - truck 1 puddle 1, truck 2 puddle 2 - and then return to start.",
    "Trucks 1 and 2 check both puddles: truck 1 to puddle 1 and truck 2 to puddle 2, and then return to start.",
])
def test_a_pair_list_spells_out_the_places_of_a_kind(fleet, world, text):
    assert_plan(text, fleet, world,
                task("a", T, [D1], ["puddle1"]), task("b", T, [D2], ["puddle2"]),
                task("r", R, [D1, D2], [], deps=["a", "b"]))


def test_a_pair_list_without_to_after_a_colon(fleet, world):
    assert_plan("Excavators 1 and 2 head out: excavator 1 soil 1, excavator 2 soil 2. Then everyone returns to start.",
                fleet, world,
                task("a", T, [E1], ["soil1"]), task("b", T, [E2], ["soil2"]), task("r", RA, [], [], deps=["a", "b"]))


# -- 10: "load em both" ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "trucks 1 and 2 head to rock 2. digger three, break up rock 2 then load em both. then the trucks dump at puddle 1.",
    "Trucks 1 and 2 go to rock 2. Excavator 3 breaks up rock 2 and loads 'em. Then the trucks dump at puddle 1.",
])
def test_em_is_them(fleet, world, text):
    assert_plan(text, fleet, world,
                task("m", T, [D1, D2, E3], ["rock2"]), task("d", DIG, [E3], [], deps=["m"]),
                task("l", LOAD, [E3], [], deps=["d"]), task("p", T, [D1, D2], ["puddle1"], deps=["l"]),
                task("u", DUMP, [D1, D2], [], deps=["p"]))


# -- 11: "for loading - excavator 2 loads truck 1, excavator 3 loads truck 2" ----------------------------------------


@pytest.mark.parametrize("text", [
    "Excavators 2 and 3 dig at soil 2. Then trucks 1 and 2 go over to soil 2 for loading - excavator 2 loads truck "
    "1, excavator 3 loads truck 2.",
    "Excavators 2 and 3 dig at soil 2. Then trucks 1 and 2 go over to soil 2 for loading. Excavator 2 loads truck 1 "
    "and excavator 3 loads truck 2.",
])
def test_a_group_loading_spelled_out_pair_by_pair_is_those_loadings(fleet, world, text):
    assert_plan(text, fleet, world,
                task("m", T, [E2, E3], ["soil2"]), task("d", DIG, [E2, E3], [], deps=["m"]),
                task("t", T, [D1, D2], ["soil2"], deps=["d"]),
                task("a", LOAD, [E2], [], deps=["t"]), task("b", LOAD, [E3], [], deps=["t"]))


def test_a_group_loading_of_another_truck_stays(fleet, world):
    assert_plan("Excavators 2 and 3 dig at soil 2 and load truck 1 together. Then excavator 2 loads truck 2 and "
                "excavator 3 loads truck 3.", fleet, world,
                task("m", T, [E2, E3], ["soil2"]), task("d", DIG, [E2, E3], [], deps=["m"]),
                task("g", LOAD, [E2, E3], [], deps=["d"]),
                task("a", LOAD, [E2], [], deps=["g"]), task("b", LOAD, [E3], [], deps=["g"]))


# -- 12: "until X" with X ordered in a later sentence ---------------------------------------------------------------


def test_an_until_keepout_ends_at_the_step_a_later_sentence_orders(fleet, world):
    assert_plan("Trucks 1 and 3 keep away from rock 1 until truck 2 has inspected it. Truck 2 inspects rock 1. Then "
                "truck 1 goes to rock 1.", fleet, world,
                task("a", AV, [D1, D3], ["rock1"]), task("i", T, [D2], ["rock1"]),
                task("l", AL, [D1, D3], ["rock1"], deps=["i"]), task("m", T, [D1], ["rock1"], deps=["a", "l"]))


def test_an_until_keepout_ends_at_a_digging_a_later_sentence_orders(fleet, world):
    assert_plan("Truck 3 must stay out of soil 1 until excavator 2 has dug there. Excavator 2 goes to soil 1 and digs. "
                "Then truck 3 goes to soil 1.", fleet, world,
                task("a", AV, [D3], ["soil1"]), task("g", T, [E2], ["soil1"]), task("d", DIG, [E2], [], deps=["g"]),
                task("l", AL, [D3], ["soil1"], deps=["d"]), task("m", T, [D3], ["soil1"], deps=["a", "l"]))


# -- 13: "No trucks near rock 2" -----------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Rock 2 is loose. No truck near rock 2. Excavator 1 digs at soil 1.",
    "No trucks near rock 2 today. Excavator 1 digs at soil 1.",
])
def test_no_trucks_near_a_place_is_a_keepout(fleet, world, text):
    assert_plan(text, fleet, world,
                task("a", AV, [], ["rock2"], types=[("dump_truck", 3)]), task("m", T, [E1], ["soil1"]),
                task("d", DIG, [E1], [], deps=["m"]))


# -- 14: a wait on a dropped step -------------------------------------------------------------------------------------


def test_a_wait_on_a_dropped_step_is_a_wait_on_what_it_waited_for():
    """One blind benchmark line made the planner crash (KeyError in PlanBuilder.finish): a task still waited on a step
    dropped after it was waited for. The order that step stood for stays (the task waits on what it waited for), and
    the rules planner turns any building error into a refusal rather than an exception."""
    from dart_planner.llm.rules.dependencies import PlanBuilder
    from dart_planner.llm.rules.mentions import Member

    e1 = Member("robot_excavator_01", "excavator", "robot_excavator_01")
    d1 = Member("robot_dump_truck_01", "dump_truck", "robot_dump_truck_01")
    b = PlanBuilder()
    b.add("target_area_for_specific_robots", "navigate", [e1], ["soil1"])
    dropped = b.add("Excavation", "dig", [e1], [])[0]
    b.add("target_area_for_specific_robots", "navigate", [d1], ["soil1"], extra=[dropped.idx])
    dropped.alive = False
    graph = b.finish()
    by_robot = {s.robot_ids: s for s in graph.subtasks}
    assert len(graph.subtasks) == 2
    assert by_robot[("robot_dump_truck_01",)].dependencies == (by_robot[("robot_excavator_01",)].id,)


# -- 15: "remain outside the soil 2 area" ----------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Trucks 2 and 3 stay outside soil 2. Excavator 3 digs at soil 1.",
    "Trucks 2 and 3 are to remain outside the soil 2 area. Excavator 3 digs at soil 1.",
])
def test_staying_outside_a_place_is_a_keepout(fleet, world, text):
    assert_plan(text, fleet, world,
                task("a", AV, [D2, D3], ["soil2"]), task("m", T, [E3], ["soil1"]), task("d", DIG, [E3], [], deps=["m"]))


def test_remaining_outside_until_a_digging_said_later(fleet, world):
    assert_plan("Trucks 2 and 3 are to remain outside the soil 2 area until excavation there has been completed by "
                "excavator 3. Excavator 3 is to proceed to soil 2 and excavate. Upon completion, both trucks are to "
                "enter soil 2 and be loaded by excavator 3, truck 3 first.", fleet, world,
                task("a", AV, [D2, D3], ["soil2"]), task("m", T, [E3], ["soil2"]), task("d", DIG, [E3], [], deps=["m"]),
                task("l", AL, [D2, D3], ["soil2"], deps=["d"]), task("t", T, [D2, D3], ["soil2"], deps=["a", "l"]),
                task("x", LOAD, [E3], [], deps=["t"]), task("y", LOAD, [E3], [], deps=["x"]))


# -- 16: "should break it up" ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Truck 2 goes to rock 1. Excavator 1 should break it up.",
    "Truck 2 goes to rock 1. Excavator 1 will break it up.",
    "Truck 2 goes to rock 1. Excavator 1 breaks it up.",
])
def test_break_it_up_after_a_modal_is_at_the_place_spoken_of(fleet, world, text):
    assert_plan(text, fleet, world,
                task("m", T, [D2, E1], ["rock1"]), task("d", DIG, [E1], [], deps=["m"]))


# -- 17: "breaks up the rock" ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Truck 2 goes to rock 1. Excavator 1 breaks up the rock.",
    "Truck 2 goes to rock 1. Excavator 1 breaks the rock up.",
])
def test_the_kind_a_digging_acts_on_is_the_place_spoken_of(fleet, world, text):
    assert_plan(text, fleet, world,
                task("m", T, [D2, E1], ["rock1"]), task("d", DIG, [E1], [], deps=["m"]))


def test_the_soil_dug_with_its_place_named_is_cargo(fleet, world):
    assert_plan("Truck 2 goes to soil 1. Excavator 1 digs the soil at soil 2.", fleet, world,
                task("t", T, [D2], ["soil1"]), task("m", T, [E1], ["soil2"]), task("d", DIG, [E1], [], deps=["m"]))


# -- 18: "Truck 3 is already loaded" ---------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Truck 3 is already loaded. It takes the load to puddle 2 and dumps it.",
    "Truck 3 is already loaded, so it drives to puddle 2 and dumps.",
])
def test_a_truck_loaded_already_only_hauls(fleet, world, text):
    assert_plan(text, fleet, world,
                task("p", T, [D3], ["puddle2"]), task("u", DUMP, [D3], [], deps=["p"]))


def test_a_truck_loaded_by_a_named_excavator_is_still_a_loading(fleet, world):
    assert_plan("Truck 3 goes to soil 1 and is loaded by excavator 1. It then dumps at puddle 2.", fleet, world,
                task("m", T, [D3], ["soil1"]), task("l", LOAD, [E1], [], deps=["m"]),
                task("p", T, [D3], ["puddle2"], deps=["l"]), task("u", DUMP, [D3], [], deps=["p"]))
