"""Mends of helper M89: misreadings found with instructions written as a site engineer's message (goal first, reasons
given, varied time connectives, a closing fleet-wide step).

1. "Only after that may the fleet use rock 2 again" and "only once it has dug may the fleet use rock 2 again" were
   refused (every robot sent into rock 2 while it was closed): the inverted permission word was left in the anchor
   (or swallowed by the connective "only after that can"), so the lifting was read as a move. The permission word is
   the main clause's now, and "only after that can truck 3 go to puddle 1" stays a move that waits.
2. "To finish, all robots return to start" waited only for the step said last, not for every open end (a lifting or
   another crew's step said before): "To finish," opening a sentence before a comma is "finally" (lexicon
   ``sentence_closers``, as ``sentence_openers`` are "first"); "goes to soil 1 to finish the job" stays a purpose.
3. "So that the surveyors can measure it, everybody keeps away from rock 2 throughout" silently dropped the keep-out:
   with no verb known in the purpose, "it, everybody" was read as one list of robots, so the skipped purpose ran on
   past its comma. A clause opened by a skipped purpose (lexicon ``purpose_skip``) ends at its comma.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import AL, ALA, AV, AVA, D1, D2, D3, DIG, E1, E2, E3, LOAD, RA, T, assert_plan, task

_KEPT = "Everybody keeps away from rock 2 for now. Excavator 3 heads to soil 1 and digs. "


# -- finding 1: an inverted permission after an anchor lifts the keep-out ------------------------------------------

@pytest.mark.parametrize("tail", [
    "Only after that may the fleet use rock 2 again.",
    "Only after that can the fleet use rock 2 again.",
    "Only once it has dug may the fleet use rock 2 again.",
    "Only when it has finished may the robots enter rock 2 again.",
    "Only after that may the fleet use rock 2.",
])
def test_an_inverted_permission_after_an_anchor_lifts_the_keep_out(fleet, world, tail):
    assert_plan(_KEPT + tail, fleet, world,
                task("k", AVA, [], ["rock2"]), task("m", T, [E3], ["soil1"], deps=["k"]),
                task("d", DIG, [E3], [], deps=["m"]), task("a", ALA, [], ["rock2"], deps=["d"]))


def test_an_inverted_modal_before_a_move_stays_a_move_that_waits(fleet, world):
    assert_plan("Excavator 3 heads to soil 1 and digs. Only after that can truck 3 go to puddle 1.", fleet, world,
                task("m", T, [E3], ["soil1"]), task("d", DIG, [E3], [], deps=["m"]),
                task("t", T, [D3], ["puddle1"], deps=["d"]))


# -- finding 2: "To finish," opening a sentence is "finally" -------------------------------------------------------

@pytest.mark.parametrize("closer", ["To finish", "To end the day", "To close", "To wrap things up"])
def test_to_finish_before_a_comma_waits_for_every_open_end(fleet, world, closer):
    assert_plan(f"Truck 1 goes to soil 1. Truck 2 goes to soil 2. {closer}, everyone returns to start.", fleet, world,
                task("a", T, [D1], ["soil1"]), task("b", T, [D2], ["soil2"]), task("r", RA, [], [], deps=["a", "b"]))


def test_to_finish_waits_for_a_lifting_said_before(fleet, world):
    assert_plan("To clear the way for the crane, excavator 2 and dump truck 2 keep away from soil 2 from the start. "
                "Excavator 1 goes to soil 2 and digs there. Once the digging is done, excavator 1 loads dump truck 1, "
                "which has driven there in the meantime. By then, excavator 2 and dump truck 2 may enter soil 2 "
                "again. To finish, all robots return to start.", fleet, world,
                task("k", AV, [E2, D2], ["soil2"]), task("m", T, [E1, D1], ["soil2"]),
                task("d", DIG, [E1], [], deps=["m"]), task("l", LOAD, [E1], [], deps=["d"]),
                task("a", AL, [E2, D2], ["soil2"], deps=["l"]), task("r", RA, [], [], deps=["k", "a"]))


def test_to_finish_inside_a_sentence_stays_a_purpose(fleet, world):
    assert_plan("Truck 1 goes to soil 1 to finish the job. Truck 2 goes to soil 2.", fleet, world,
                task("a", T, [D1], ["soil1"]), task("b", T, [D2], ["soil2"]))


# -- finding 3: a skipped purpose ends at its comma, even between two robot words ----------------------------------

@pytest.mark.parametrize("text, keep_out, gated", [
    ("So that the surveyors can measure it, everybody keeps away from rock 2 throughout.",
     task("k", AVA, [], ["rock2"]), True),
    ("So that the surveyors can measure it, the trucks keep away from rock 2 throughout.",
     task("k", AV, (), ["rock2"], types=[("dump_truck", 3)]), False),
    ("In order that the surveyors can measure them, dump truck 1 keeps away from rock 2.",
     task("k", AV, [D1], ["rock2"]), False),
])
def test_a_skipped_purpose_ends_at_its_comma(fleet, world, text, keep_out, gated):
    assert_plan(text + " Excavator 3 goes to soil 1.", fleet, world, keep_out,
                task("m", T, [E3], ["soil1"], deps=["k"] if gated else []))
