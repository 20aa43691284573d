"""Mends of helper M105: misreadings found with instructions written as a project manager's email or a shift handover
note (future and modal verbs, robots already in place, keep-outs set and lifted, loadings in order or together,
fleet-wide gathering and return).

1. "Truck 3 should go to soil 1 once the digging is done and will be loaded by excavator 2" dropped the loading, with
   no word: "and" + a modal + a verb ends an anchor's clause only for the modals of obligation ("is to", "must"), so
   "and will be loaded by ..." stayed inside "once the digging is done". The future modals ("will", "will then",
   "shall") are in the lexicon's ``anchor_closing_modals`` too.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import D3, DIG, DUMP, E2, LOAD, T, assert_plan, task

# -- finding 1: "... once X is done and will be loaded by ..." keeps the loading --------------------------------------


@pytest.mark.parametrize("anchor", ["once the digging is done", "after the digging", "when excavator 2 has dug"])
@pytest.mark.parametrize("modal", ["will", "will then", "shall"])
def test_a_future_modal_after_an_anchor_ends_it(fleet, world, anchor, modal):
    assert_plan(f"Excavator 2 goes to soil 1 and digs. Truck 3 should go to soil 1 {anchor} and {modal} be loaded by "
                "excavator 2.", fleet, world,
                task("m", T, [E2], ["soil1"]), task("d", DIG, [E2], [], deps=["m"]),
                task("t", T, [D3], ["soil1"], deps=["d"]), task("l", LOAD, [E2], [], deps=["t"]))


def test_a_future_modal_after_an_anchor_ends_it_before_a_dump(fleet, world):
    assert_plan("Excavator 2 goes to soil 1 and digs. Truck 3 will go to soil 1 once the digging is done and will dump "
                "at puddle 1 afterwards.", fleet, world,
                task("m", T, [E2], ["soil1"]), task("d", DIG, [E2], [], deps=["m"]),
                task("t", T, [D3], ["soil1"], deps=["d"]), task("p", T, [D3], ["puddle1"], deps=["t"]),
                task("u", DUMP, [D3], [], deps=["p"]))
