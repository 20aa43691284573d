"""Load with faults: concurrent plans over one fleet in the simulator, an executor restart from
the journal, LLM server faults; and the checkers themselves (they must see what they look for)."""

from __future__ import annotations

import pytest

from dart_planner.core.execution.events import SubtaskStateChanged
from dart_planner.core.execution.states import SubtaskState
from dart_planner.reliability.llm_faults import run_llm_fault_drill
from dart_planner.reliability.load import BookingMonitor, LoadConfig, run_load, spread_fleet

S = SubtaskState
SMALL = LoadConfig(plans=8, robots=12, tasks_per_plan=(3, 6), seed=1, skill_failure_p=0.1, breakdowns=1,
                   breakdown_window_s=(20.0, 90.0), restart_at_s=80.0)


def _assert_invariants(report) -> None:
    assert report.double_bookings == ()
    assert report.lost_plans == ()
    assert report.duplicate_successes == ()
    assert report.journal_mismatches == ()
    assert report.unsafe_goals == ()
    assert (report.collisions, report.keepout_violations, report.geofence_violations) == (0, 0, 0)
    assert report.notes == ()
    assert sum(report.plan_outcomes.values()) == report.plans
    assert set(report.plan_outcomes) <= {"succeeded", "failed", "cancelled"}
    assert sum(report.subtask_states.values()) == report.subtasks
    assert report.ok


def test_small_load_with_faults_and_a_restart(tmp_path):
    report = run_load(SMALL, workdir=tmp_path)
    _assert_invariants(report)
    assert report.faults["restart"] == 1 and report.restored_records > 0
    assert report.faults["skill_failure"] >= 1 and report.faults["breakdown"] == 1
    assert report.faults_survived == report.faults_injected
    assert report.fault_outcomes.get("recovered", 0) >= 1
    assert report.dispatches >= report.subtasks  # retries and the restart re-dispatch
    assert 0.0 <= report.dispatch_p50_s <= report.dispatch_p95_s <= report.dispatch_max_s
    assert report.throughput_per_wall_s > 0 and report.throughput_per_sim_h > 0
    assert (tmp_path / "load-journal.jsonl").stat().st_size > 0


@pytest.mark.slow
def test_twenty_plans_over_twelve_robots():
    report = run_load(LoadConfig())
    _assert_invariants(report)
    assert report.plans == 20 and report.config.robots == 12
    assert report.faults_injected >= 3 and report.faults_survived == report.faults_injected


def test_spread_fleet_starts_every_robot_somewhere_else(fleet):
    big = spread_fleet(fleet, 12)
    assert len(big.robots) == 12 and len(set(big.robot_ids)) == 12
    starts = {(r.start.x, r.start.y) for r in big.robots}
    assert len(starts) == 12
    assert {r.type for r in big.robots} == {r.type for r in fleet.robots}


# ---------------------------------------------------------------------------- the checkers
def _ev(task, old, new, at, robots=("r1",), plan="p"):
    return SubtaskStateChanged(plan, task, old, new, at, "", robots, 1, new is S.SUCCEEDED)


def test_booking_monitor_sees_a_double_booking(fleet):
    m = BookingMonitor(fleet)
    for t in ("a", "b", "fence"):
        m.skills[("p", t)] = "avoid_areas_for_all_robots" if t == "fence" else "Excavation"
    m(_ev("a", S.READY, S.RUNNING, 0.0))
    m(_ev("fence", S.READY, S.RUNNING, 1.0))  # a keep-out change holds no robot: no overlap
    m(_ev("b", S.READY, S.RUNNING, 2.0))
    m(_ev("a", S.RUNNING, S.SUCCEEDED, 5.0))
    m(_ev("b", S.RUNNING, S.SUCCEEDED, 6.0))
    found = m.double_bookings()
    assert len(found) == 2 and all("p/b" in f and "p/a" in f for f in found)
    assert "fence" not in " ".join(found)


def test_booking_monitor_accepts_back_to_back_use(fleet):
    m = BookingMonitor(fleet)
    m.skills.update({("p", "a"): "Excavation", ("q", "a"): "Excavation"})
    m(_ev("a", S.PENDING, S.READY, 0.0))
    m(_ev("a", S.READY, S.RUNNING, 1.0))
    m(_ev("a", S.PENDING, S.READY, 1.5, plan="q"))
    m(_ev("a", S.RUNNING, S.SUCCEEDED, 4.0))
    m(_ev("a", S.READY, S.RUNNING, 4.0, plan="q"))
    m(_ev("a", S.RUNNING, S.SUCCEEDED, 9.0, plan="q"))
    assert m.double_bookings() == []
    assert m.latencies == [1.0, 2.5]
    assert m.successes[("p", "a")] == 1 and m.successes[("q", "a")] == 1


def test_journal_check_notices_a_lost_record(tmp_path, monkeypatch):
    """Cut the journal's last records after the run: the restored states no longer match."""
    import dart_planner.reliability.load as load

    real = load._journal_mismatches

    def truncated(path, fleet, world, statuses):
        lines = path.read_text().splitlines(keepends=True)
        path.write_text("".join(lines[:-3]))
        return real(path, fleet, world, statuses)

    monkeypatch.setattr(load, "_journal_mismatches", truncated)
    report = run_load(LoadConfig(plans=3, tasks_per_plan=(2, 3), breakdowns=0, skill_failure_p=0.0,
                                 restart_at_s=None, seed=3), workdir=tmp_path)
    assert report.journal_mismatches


# ---------------------------------------------------------------------------- LLM server faults
def test_llm_server_faults_have_their_defined_outcomes(fleet, world):
    results = {r.fault: r for r in run_llm_fault_drill(fleet, world)}
    assert all(r.ok for r in results.values()), [r for r in results.values() if not r.ok]
    assert results["http_500_then_ok"].got_plan and results["http_500_then_ok"].requests == 2
    assert results["http_503_twice_then_ok"].requests == 3
    assert not results["timeout_every_try"].got_plan and "did not answer" in results["timeout_every_try"].reason
    assert results["timeout_every_try"].dispatched == ()
    dropped = results["stream_dropped_midway"]
    assert dropped.got_plan and dropped.requests == 2 and dropped.duplicates == ()
    assert "401" in results["http_401"].reason and results["http_401"].requests == 1
    assert not results["hostile_every_time"].got_plan and "shutdown" in results["hostile_every_time"].reason
