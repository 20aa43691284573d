"""Travel around keep-out discs: never through a zone, never shorter than the straight line."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dart_planner.core.allocation.travel import TravelPlanner, segments_hit_discs
from dart_planner.core.errors import AllocationError
from dart_planner.core.geometry import segment_circle_intersects
from dart_planner.core.world import KeepOutZone


def _enters(points, zones) -> bool:
    return any(
        segment_circle_intersects(a[0], a[1], b[0], b[1], z.x, z.y, z.radius)
        for a, b in zip(points, points[1:])
        for z in zones
    )


def _length(points) -> float:
    return sum(math.dist(a, b) for a, b in zip(points, points[1:]))


def test_detour_around_a_disc_is_longer_and_stays_outside():
    zone = KeepOutZone("pond", 0.0, 0.0, 3.0)
    p = TravelPlanner().path((-10.0, 0.0), (10.0, 0.0), (zone,))
    assert p.length > 20.0
    # the true shortest path (two tangents and an arc) is the floor; the polygon estimate is close
    tangent = math.sqrt(10.0**2 - 3.0**2)
    exact = 2 * tangent + 3.0 * (math.pi - 2 * math.acos(3.0 / 10.0))
    assert exact - 1e-9 <= p.length <= exact * 1.02
    assert not _enters(p.points, [zone])
    assert p.points[0] == (-10.0, 0.0) and p.points[-1] == (10.0, 0.0)
    assert p.length == pytest.approx(_length(p.points))


def test_straight_line_when_nothing_is_in_the_way():
    zone = KeepOutZone("pond", 0.0, 10.0, 3.0)
    p = TravelPlanner().path((-10.0, 0.0), (10.0, 0.0), (zone,))
    assert p.length == pytest.approx(20.0)
    assert len(p.points) == 2


def test_a_robot_inside_or_on_the_edge_of_a_zone_may_leave_it():
    zone = KeepOutZone("pond", 0.0, 0.0, 3.0)
    tp = TravelPlanner()
    assert tp.path((0.0, 0.0), (10.0, 0.0), (zone,)).length == pytest.approx(10.0)
    # exactly on the boundary: a robot parked at the stop distance of a fenced object
    assert tp.path((-3.0, 0.0), (10.0, 0.0), (zone,)).length == pytest.approx(13.0)


def test_a_goal_walled_off_by_zones_raises_a_clear_error():
    ring = tuple(
        KeepOutZone(f"z{k}", 6.0 * math.cos(a), 6.0 * math.sin(a), 2.5)
        for k, a in enumerate(np.linspace(0, 2 * math.pi, 12, endpoint=False))
    )
    with pytest.raises(AllocationError, match="wall it off"):
        TravelPlanner().path((20.0, 0.0), (0.0, 0.0), ring)


def test_vectorised_approach_matches_single_paths_and_stops_short():
    zones = (KeepOutZone("a", 0.0, 0.0, 3.0), KeepOutZone("b", 6.0, 4.0, 2.0))
    tp = TravelPlanner()
    starts = np.array([[-10.0, 0.0], [0.0, -10.0], [11.0, 1.0], [-9.5, 0.2]])
    goal, stop = (10.0, 0.0), 2.0
    lengths, ends = tp.approach(starts, goal, stop, zones)
    for i, s in enumerate(starts):
        p = TravelPlanner().path((float(s[0]), float(s[1])), goal, zones)
        assert lengths[i] == pytest.approx(max(p.length - stop, 0.0))
        assert math.dist(ends[i], goal) == pytest.approx(stop, abs=1e-6) or lengths[i] == 0.0
    # a robot already within the stop distance stays where it is
    assert lengths[2] == 0.0 and tuple(ends[2]) == (11.0, 1.0)


def test_segments_hit_discs_agrees_with_the_scalar_check():
    rng = np.random.default_rng(3)
    a = rng.uniform(-10, 10, (200, 2))
    b = rng.uniform(-10, 10, (200, 2))
    discs = np.column_stack([rng.uniform(-8, 8, (5, 2)), rng.uniform(0.5, 3, 5)])
    got = segments_hit_discs(a, b, discs)
    for i in range(len(a)):
        for j in range(len(discs)):
            want = segment_circle_intersects(a[i, 0], a[i, 1], b[i, 0], b[i, 1], *discs[j])
            assert got[i, j] == want


coords = st.floats(-20.0, 20.0, allow_nan=False)


@settings(max_examples=60, deadline=None)
@given(
    ax=coords,
    ay=coords,
    bx=coords,
    by=coords,
    zones=st.lists(st.tuples(st.floats(-15, 15), st.floats(-15, 15), st.floats(0.5, 4.0)), max_size=4),
)
def test_paths_never_enter_a_zone_and_never_beat_the_straight_line(ax, ay, bx, by, zones):
    ks = tuple(KeepOutZone(f"z{i}", x, y, r) for i, (x, y, r) in enumerate(zones))
    tp = TravelPlanner()
    # zones holding an end are waived by design; keep the ones that constrain this leg
    active = [
        z
        for z in ks
        if math.dist((ax, ay), (z.x, z.y)) >= z.radius + tp.clearance
        and math.dist((bx, by), (z.x, z.y)) >= z.radius + tp.clearance
    ]
    try:
        p = tp.path((ax, ay), (bx, by), ks)
    except AllocationError:
        return  # overlapping discs can wall a point in; the error is the correct answer then
    assert p.length >= math.dist((ax, ay), (bx, by)) - 1e-9
    assert p.length == pytest.approx(_length(p.points))
    assert not _enters(p.points, active)
