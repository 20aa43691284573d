"""Round 16 of the rules planner's generalisation. Wordings written for these tests only (none is
from the benchmark, the paraphrase set or the examples), each with the plan the benchmark
conventions prescribe."""

from __future__ import annotations

from rules_helpers import (
    D1,
    D3,
    DIG,
    E1,
    TA,
    R,
    T,
    assert_plan,
    task,
)

# -- "after the talk": a talk or huddle is a fleet get-together like a briefing ----------------------------------


def test_after_the_huddle_waits_for_the_gathering_not_the_latest_move(fleet, world):
    assert_plan("Everyone meets at soil 2 for a huddle. After that, excavator 1 digs at rock 1 and truck 3 returns "
                "to base. Right after the huddle, truck 1 checks puddle 1.", fleet, world,
                task("a", TA, [], ["soil2"]), task("b", T, [E1], ["rock1"], deps=["a"]),
                task("c", DIG, [E1], deps=["b"]), task("d", R, [D3], deps=["a"]),
                task("e", T, [D1], ["puddle1"], deps=["a"]))
