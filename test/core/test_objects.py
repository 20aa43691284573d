"""core.objects: perceived objects checked on the way in, merged into the world, and aged (ROS-free)."""

from __future__ import annotations

import math
from dataclasses import replace

import pytest

from dart_planner.core.objects import (
    MAX_OBJECT_RADIUS,
    PerceivedObjects,
    merge_perceived,
    objects_from_payload,
    parse_objects,
    perception_changes,
    plan_objects,
    restore_configured,
    stale_objects,
    stale_perception_only,
    stale_reason,
)
from dart_planner.core.plan import Subtask, TaskGraph
from dart_planner.core.world import World, WorldObject
from dart_planner.perception.groundtruth import objects_from_truth

ENTRIES = [
    {"name": "ok1", "kind": "rock", "x": 1, "y": 2, "radius": 1},
    {"name": "bad name!", "kind": "rock", "x": 1, "y": 2},
    {"name": "sоil1", "kind": "soil", "x": 1, "y": 2},  # a Cyrillic o: a look-alike is refused
    {"name": "nan1", "kind": "rock", "x": float("nan"), "y": 2},
    {"name": "bool1", "kind": "rock", "x": True, "y": 2},
    {"name": "neg1", "kind": "rock", "x": 1, "y": 2, "radius": -1},
    {"name": "conf1", "kind": "rock", "x": 1, "y": 2, "confidence": 1.5},
    "junk",
]


def test_every_bad_entry_is_refused_with_its_reason(world: World) -> None:
    objs, refused = objects_from_payload({"objects": ENTRIES}, world)
    assert [o.name for o in objs] == ["ok1"]
    assert len(refused) == len(ENTRIES) - 1
    assert refused[0].startswith("objects[1]: name and kind must be plain identifiers")
    assert "objects[3] (nan1): x, y, radius, confidence, volume must be finite" in refused[2]
    assert refused[-1] == "objects[7]: not an object"
    assert objects_from_payload({"objects": 3}, world) == ([], ["objects message: 'objects' is not a list"])


def test_a_detector_payload_is_bounded_to_the_site_and_defaulted(world: World) -> None:
    b = world.bounds
    objs, refused = objects_from_payload({"objects": [
        {"name": "pile7", "x": 1.0, "y": 2.0, "source": "somewhere"},           # no kind, odd source
        {"name": "far1", "kind": "rock", "x": b.xmax + 5.0, "y": 0.0},           # off the site
        {"name": "huge1", "kind": "rock", "x": 0.0, "y": 0.0, "radius": MAX_OBJECT_RADIUS + 1},
    ]}, world)
    assert objs == [WorldObject("pile7", "object", 1.0, 2.0, 1.0, "detector", 1.0, 0.0)]
    assert "off the site" in refused[0] and "out of range" in refused[1]


def test_ground_truth_uses_the_same_checks_with_its_own_defaults(world: World) -> None:
    """The simulator's truth: kind required, source ``sim``, neither radius nor position bounded."""
    b = world.bounds
    entries = [
        {"name": "far1", "kind": "rock", "x": b.xmax + 5.0, "y": 0.0, "radius": MAX_OBJECT_RADIUS + 1},
        {"name": "nokind", "x": 0.0, "y": 0.0},
        *ENTRIES,
    ]
    objs, refused = objects_from_truth({"objects": entries})
    assert [(o.name, o.source) for o in objs] == [("far1", "sim"), ("ok1", "sim")]
    assert refused[0] == "objects[1]: name and kind must be plain identifiers"
    assert len(refused) == 1 + len(ENTRIES) - 1
    # the same entries through the detector's checks: only the parameters differ
    assert parse_objects({"objects": entries}, bounds=None, default_kind=None, default_source="sim",
                         what="ground truth") == (objs, refused)
    assert objects_from_truth({"objects": None}) == ([], ["ground truth: 'objects' is not a list"])


def test_merge_replaces_the_perceived_set(world: World) -> None:
    moved = replace(world.object("rock1"), x=world.object("rock1").x + 2.0, source="detector")
    pile = WorldObject("pile7", "soil", 3.0, 3.0, 1.0, "detector", 0.9, 4.0)
    first = merge_perceived(world, world, (), [moved, pile])
    assert first.object("rock1") == moved and first.object("pile7") == pile
    # the next message reports neither: rock1 falls back to its configuration, pile7 leaves the world
    second = merge_perceived(first, world, {"rock1", "pile7"}, [])
    assert second.object("rock1") == world.object("rock1") and not second.has_object("pile7")


def test_ages_make_objects_stale_and_only_perception_only_ones_are_refused(world: World) -> None:
    ages = {"rock1": 30.0, "pile7": 25.0, "pile8": 5.0}
    stale = stale_objects(ages, 20.0)
    assert stale == {"rock1": 30.0, "pile7": 25.0}
    assert stale_objects(ages, 0.0) == {}  # 0: never stale
    only = stale_perception_only(stale, world)
    assert only == {"pile7": 25.0}
    moved = merge_perceived(world, world, (), [replace(world.object("rock1"), x=0.0, source="detector")])
    assert restore_configured(moved, world, stale).object("rock1") == world.object("rock1")
    graph = TaskGraph((Subtask("go", "target_area_for_specific_robots", robot_ids=("robot_dump_truck_01",),
                                object_keywords=("pile7",)),), "p1")
    assert plan_objects(graph) == {"pile7"}
    why = stale_reason(plan_objects(graph), only, 20.0)
    assert why is not None and why.startswith("stale perceived object(s): pile7 (last reported 25.0 s ago)")
    assert "object_ttl_s=20" in why
    assert stale_reason({"rock1", "pile8"}, only, 20.0) is None


@pytest.mark.parametrize("radius", [0.0, -0.0, math.inf])
def test_a_degenerate_radius_is_refused(world: World, radius: float) -> None:
    objs, refused = objects_from_payload({"objects": [{"name": "r9", "kind": "rock", "x": 0, "y": 0,
                                                       "radius": radius}]}, world)
    assert not objs and len(refused) == 1


def test_perception_changes_names_what_a_merge_added_moved_and_took_away_and_ignores_jitter() -> None:
    base = World({"puddle1": WorldObject("puddle1", "puddle", -8.0, 6.0, 2.5),
                  "rock1": WorldObject("rock1", "rock", 1.0, 1.0, 1.0)})
    seen = [WorldObject("puddle1", "puddle", -6.0, -6.0, 2.5, source="detector"),
            WorldObject("rock1", "rock", 1.2, 1.1, 1.0, source="detector"),  # 0.22 m: jitter
            WorldObject("puddle3", "puddle", 10.0, 2.0, 2.0, source="detector")]
    merged = merge_perceived(base, base, set(), seen)
    line = perception_changes(base, merged, {o.name for o in seen})
    assert line == ("objects: puddle1 at (-6.00, -6.00) (moved 12.2 m, detector); "
                    "puddle3 at (10.00, 2.00) (new, detector)")
    # The detector stops reporting both: puddle1 falls back to its configuration, puddle3 leaves.
    after = merge_perceived(merged, base, {o.name for o in seen}, [])
    assert perception_changes(merged, after, {o.name for o in seen}) == (
        "objects: puddle1 at (-8.00, 6.00) (moved 12.2 m, config); puddle3 gone")
    assert perception_changes(after, after, {"puddle1", "rock1"}) is None


def test_perceived_objects_keep_the_books_both_nodes_judge_staleness_by() -> None:
    base = World({"puddle1": WorldObject("puddle1", "puddle", -8.0, 6.0, 2.5)})
    books = PerceivedObjects(base, ttl_s=20.0)
    report = {"objects": [{"name": "puddle1", "kind": "puddle", "x": -6.0, "y": -6.0, "radius": 2.5},
                          {"name": "puddle3", "kind": "puddle", "x": 10.0, "y": 2.0, "radius": 2.0},
                          {"name": "bad name!", "kind": "puddle", "x": 0.0, "y": 0.0}]}
    taken = books.take(report, base, now=100.0)
    assert taken.world.object("puddle1").y == -6.0 and taken.world.has_object("puddle3")
    assert taken.changes is not None and "puddle3 at (10.00, 2.00) (new" in taken.changes
    assert len(taken.refused) == 1 and "bad name!" not in taken.world.object_names
    assert books.stale(now=119.0) == {}
    assert books.stale(now=121.0) == {"puddle1": 21.0, "puddle3": 21.0}
    assert books.stale_only(now=121.0) == {"puddle3": 21.0}  # puddle1 has a configuration to fall back to
    assert books.newly_stale(books.stale(now=121.0)) == ["puddle1", "puddle3"]
    assert books.newly_stale(books.stale(now=122.0)) == []  # each is logged once
    books.forget(["puddle1"])  # fell back to its configuration: no longer perceived
    assert books.stale(now=130.0) == {"puddle3": 30.0}
    # the next report makes everything current again, and what it no longer carries falls back
    again = books.take({"objects": [report["objects"][1]]}, taken.world, now=131.0)
    assert books.stale(now=140.0) == {} and books.newly_stale({"puddle3": 25.0}) == ["puddle3"]
    assert again.world.object("puddle1").y == -6.0  # forgotten, so not merged back here
    never = PerceivedObjects(base, ttl_s=0.0)
    never.take(report, base, now=0.0)
    assert never.stale(now=1e9) == {}  # ttl 0: objects never go stale
