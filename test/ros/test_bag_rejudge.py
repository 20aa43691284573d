"""``replay --rejudge``: a recorded run re-run with the current code, and every difference reported.

The bags here are written message by message with the payloads the nodes publish (built by
the same core calls the nodes make), so each test can say exactly what was "recorded"; the
full stack recording its own run and re-judging it is ``test_bag_fullstack.py``. A changed
allocator policy, a stricter validator, a different recorded plan or outcome must each come
out as a difference (exit code 8); the unchanged code must find none (exit code 0); broken
bags must fail fast with a bag error (exit code 1).
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("rclpy")  # with the ROS tests (rejudge itself is ROS-free: test_rejudge_imports_ros_free.py)
from typer.testing import CliRunner  # noqa: E402

from dart_planner.bag import BagError, BagFormat, BagFormatError, BagWriter, EmptyBagError  # noqa: E402
from dart_planner.bag.rejudge import RejudgeOptions, format_rejudge, read_recorded_run, rejudge  # noqa: E402
from dart_planner.bag.typestore import TypeRegistry  # noqa: E402
from dart_planner.cli import app  # noqa: E402
from dart_planner.cli.exit_codes import ExitCode  # noqa: E402
from dart_planner.core.allocate import allocate  # noqa: E402
from dart_planner.core.envelope import encode  # noqa: E402
from dart_planner.core.execute import schedule_to_dict  # noqa: E402
from dart_planner.core.fleet import load_fleet  # noqa: E402
from dart_planner.core.plan import TaskGraph  # noqa: E402
from dart_planner.core.validate import IssueCode, ValidationIssue, ValidationReport  # noqa: E402
from dart_planner.core.world import World, WorldObject, load_world, object_to_dict  # noqa: E402
from dart_planner.llm.config import load_llm_config  # noqa: E402
from dart_planner.llm.pipeline import LLMPlanner, make_planner  # noqa: E402
from dart_planner.llm.replay_backend import ScriptedBackend  # noqa: E402
from dart_planner.runner import RunOptions, run_in_sim  # noqa: E402

pytestmark = [pytest.mark.ros, pytest.mark.timeout(60)]

FLEET = load_fleet(Path(__file__).resolve().parents[2] / "config" / "fleet.yaml")
WORLD = load_world(Path(__file__).resolve().parents[2] / "config" / "world.yaml")
S = 1_000_000_000
NS = "/dart"
L2 = "First, all robots must avoid puddle 1. After that, send truck 1 to rock 1 and truck 2 to rock 2."
TWO_EXCAVATORS = "Have two excavators dig at soil 1 while a dump truck inspects puddle 2."
PILE = WorldObject(name="pile7", kind="soil", x=12.0, y=-8.0, radius=2.0, source="detector", confidence=0.9,
                   volume=4.0)
"""A perception-only object: it changes the prompt, so the cassette answers only in the perceived world."""


def _perceived(world: World, objects: Sequence[WorldObject]) -> World:
    for o in objects:
        world = world.with_object(o)
    return world


def _instruction_messages(instruction: str, iid: str, t_instr: int, world: World, *, llm: bool,
                          edit_graph: Any, outcome: str | None, plain_text: bool) -> tuple[TaskGraph, list[Any]]:
    """What language_node and allocator_node publish for one instruction (planned, run in the sim)."""
    exchanges: list[dict[str, Any]] = []
    if llm:  # the rules planner's plan as the model's reply, recorded as language_node publishes it
        reply = json.dumps(make_planner("rules").plan(instruction, FLEET, world).graph.to_dart())
        cfg = load_llm_config().with_overrides(memory_path="")
        result = LLMPlanner(ScriptedBackend([reply], name="openai"), cfg).plan(instruction, FLEET, world)
        exchanges = [{"instruction_id": iid, "plan_id": result.graph.plan_id, "attempt": k, "errors": [], **e}
                     for k, e in enumerate(result.cassette_entries())]
        planner = "llm:openai"
    else:
        result = make_planner("rules").plan(instruction, FLEET, world)
        planner = "rules"
    graph = result.graph
    if edit_graph is not None:
        graph = edit_graph(graph)
    run = run_in_sim(graph, FLEET, world, RunOptions())
    status = {**run.status.to_dict(), "instruction_id": iid}
    if outcome is not None:
        status["state"] = outcome
    return graph, [
        (f"{NS}/instruction", t_instr, instruction if plain_text else
         encode("instruction", {"id": iid, "text": instruction})),
        *[(f"{NS}/llm_exchange", t_instr + (k + 1) * S // 100, encode("llm_exchange", e))
          for k, e in enumerate(exchanges)],
        (f"{NS}/task_graph", t_instr + S // 10, encode("task_graph", {
            "plan_id": graph.plan_id, "instruction_id": iid, "instruction": instruction, "planner": planner,
            "plan": graph.to_dart(), "native": graph.to_native(), "report": {"ok": True, "issues": []}})),
        (f"{NS}/assignments", t_instr + 2 * S // 10, encode("assignments", {
            "plan_id": graph.plan_id, "approved": True, "schedule": schedule_to_dict(run.schedule)})),
        (f"{NS}/plan_status", t_instr + 3 * S // 10, encode("plan_status", {
            "plan_id": graph.plan_id, "instruction_id": iid, "state": "active", "subtasks": []})),
        (f"{NS}/plan_status", t_instr + 5 * S, encode("plan_status", status)),
    ]


def write_recording(path: Path, instruction: str, *, fmt: BagFormat = BagFormat.MCAP, llm: bool = True,
                    objects: Sequence[WorldObject] = (PILE,), objects_age_s: float = 1.0,
                    edit_graph: Any = None, outcome: str | None = None, plain_text: bool = False,
                    then: str | None = None) -> TaskGraph:
    """A bag of what the stack publishes for one instruction (module docstring); returns the plan.
    ``then``: a second instruction 10 s later, planned the other way (rules if the first was a model's)."""
    world = _perceived(WORLD, objects)
    t_instr = int((2.0 + objects_age_s) * S)
    graph, messages = _instruction_messages(instruction, "ins-1", t_instr, world, llm=llm, edit_graph=edit_graph,
                                            outcome=outcome, plain_text=plain_text)
    if then is not None:
        messages += _instruction_messages(then, "ins-2", t_instr + 10 * S, world, llm=not llm, edit_graph=None,
                                          outcome=None, plain_text=plain_text)[1]
    if objects:
        messages.append((f"{NS}/objects", 2 * S, encode("objects", {"objects": [object_to_dict(o) for o in objects]})))
    reg = TypeRegistry()
    msg = reg.store.types["std_msgs/msg/String"]
    with BagWriter(path, fmt, registry=reg) as bag:
        for topic in sorted({m[0] for m in messages}):
            bag.add_topic(topic, "std_msgs/msg/String")
        for topic, stamp, text in sorted(messages, key=lambda m: m[1]):
            bag.write(topic, stamp, reg.serialize(msg(data=text), "std_msgs/msg/String"))
    return graph


def options(**kw: Any) -> RejudgeOptions:
    return RejudgeOptions(FLEET, WORLD, **kw)


def cli(*args: str) -> Any:
    return CliRunner().invoke(app, ["replay", *args])


# ------------------------------------------------------------------------------------------ identical
@pytest.mark.parametrize("fmt", [BagFormat.MCAP, BagFormat.SQLITE3])
def test_the_unchanged_code_finds_no_difference(tmp_path: Path, fmt: BagFormat) -> None:
    graph = write_recording(tmp_path / "run", L2, fmt=fmt)
    report = rejudge(tmp_path / "run", options(save_cassette=tmp_path / "bag.jsonl"))
    assert report.identical, format_rejudge(report)
    v = report.verdicts[0]
    assert report.planner == "llm:replay" and report.exchanges == 1
    assert v.comparison is not None and v.comparison.exact and v.new.outcome == "succeeded"
    assert v.new.graph is not None and v.new.graph.plan_id != graph.plan_id  # a new plan, the same up to names
    assert len((tmp_path / "bag.jsonl").read_text().splitlines()) == 1
    assert "identical" in format_rejudge(report)

    result = cli(str(tmp_path / "run"), "--rejudge", "--json")
    assert result.exit_code == ExitCode.OK, result.output
    data = json.loads(result.output)
    assert data["identical"] is True and data["verdicts"][0]["recorded"]["outcome"] == "succeeded"


def test_the_recorded_objects_make_the_prompt_the_recorded_answer_belongs_to(tmp_path: Path) -> None:
    write_recording(tmp_path / "run", L2)
    run = read_recorded_run(tmp_path / "run")
    assert run.instructions[0].objects is not None and run.instructions[0].objects_age_s == pytest.approx(1.0)
    # Without the perceived pile the prompt differs: the cassette has no answer and planning fails.
    blind = replace(run, instructions=tuple(replace(i, objects=None) for i in run.instructions))
    report = rejudge(blind, options())
    assert not report.identical
    assert report.verdicts[0].new.outcome == "rejected" and "cassette" in report.verdicts[0].new.error
    assert report.verdicts[0].differences[0].startswith("planning: recorded plan of 3 subtasks")


def test_a_rules_planned_run_without_exchanges_is_rejudged_with_the_rules_planner(tmp_path: Path) -> None:
    write_recording(tmp_path / "run", L2, fmt=BagFormat.SQLITE3, llm=False, objects=(), plain_text=True)
    report = rejudge(tmp_path / "run", options())
    assert report.planner == "rules" and report.exchanges == 0
    assert report.identical, format_rejudge(report)
    assert report.verdicts[0].instruction_id is None  # plain text: matched to its plan by text and time


def test_instructions_are_matched_to_their_plans_and_rejections_in_recorded_order(tmp_path: Path) -> None:
    """Two instructions (one plain text rejected by language_node, one planned), a plan whose
    instruction message was not recorded (recording started late), and an unparsable status."""
    reg = TypeRegistry()
    string = reg.store.types["std_msgs/msg/String"]
    graph = make_planner("rules").plan(L2, FLEET, WORLD).graph
    late = make_planner("rules").plan("Dump truck 1 goes to puddle 1.", FLEET, WORLD).graph

    def say(bag: BagWriter, topic: str, t: float, text: str) -> None:
        bag.write(f"{NS}/{topic}", int(t * S), reg.serialize(string(data=text), "std_msgs/msg/String"))

    def tg(g: TaskGraph, iid: str, text: str) -> str:
        return encode("task_graph", {"plan_id": g.plan_id, "instruction_id": iid, "instruction": text,
                                     "planner": "rules", "plan": g.to_dart(), "native": g.to_native()})

    with BagWriter(tmp_path / "run", registry=reg) as bag:
        for t in ("instruction", "task_graph", "plan_status"):
            bag.add_topic(f"{NS}/{t}", "std_msgs/msg/String")
        say(bag, "task_graph", 0.5, tg(late, "early", "Dump truck 1 goes to puddle 1."))
        say(bag, "instruction", 1.0, "Sing a song.")
        # an id language_node refuses (malformed instruction message): never planned, not an instruction
        say(bag, "instruction", 1.5, encode("instruction", {"id": True, "text": "Dump truck 1 goes to puddle 1."}))
        say(bag, "plan_status", 1.1, encode("plan_status", {"plan_id": None, "instruction_id": "instr-abc",
                                                            "state": "rejected", "error": "nothing to plan"}))
        say(bag, "instruction", 2.0, encode("instruction", {"id": "b", "text": L2}))
        say(bag, "task_graph", 2.1, tg(graph, "b", L2))
        say(bag, "plan_status", 3.0, encode("plan_status", {"plan_id": graph.plan_id, "instruction_id": "b",
                                                            "state": "succeeded", "subtasks": []}))
        say(bag, "plan_status", 3.1, "not json")  # counted, not fatal
    run = read_recorded_run(tmp_path / "run")
    assert [(i.text, i.instruction_id) for i in run.instructions] == [
        ("Dump truck 1 goes to puddle 1.", "early"), ("Sing a song.", None), (L2, "b")]
    first, sung, planned = run.instructions
    assert first.from_task_graph and first.plan is not None and first.plan.plan_id == late.plan_id
    assert sung.plan is None and sung.rejected == "nothing to plan"
    assert planned.plan is not None and planned.plan.plan_id == graph.plan_id and planned.plan.outcome == "succeeded"
    assert run.unparsed == 2 and not run.exchanges


def test_each_instruction_is_replanned_by_the_planner_that_made_it(tmp_path: Path) -> None:
    # a model's plan, then a rules planner's (robots the first plan did not move, so positions carry over)
    write_recording(tmp_path / "run", L2, then="Dump truck 3 goes to soil 2.")
    report = rejudge(tmp_path / "run", options())
    assert [v.new.planner for v in report.verdicts] == ["llm:replay", "rules"]
    assert report.planner == "llm:replay, rules"
    assert report.identical, format_rejudge(report)


# ------------------------------------------------------------------------------------------ differences
def test_a_changed_allocation_policy_shows_as_an_assignment_difference(tmp_path: Path) -> None:
    write_recording(tmp_path / "run", TWO_EXCAVATORS)
    assert rejudge(tmp_path / "run", options()).identical
    report = rejudge(tmp_path / "run", options(policy="dart_baseline"))
    assert not report.identical
    v = report.verdicts[0]
    assert v.comparison is not None and v.comparison.exact and v.new.graph is not None  # the same plan ...
    baseline = allocate(v.new.graph, FLEET, _perceived(WORLD, (PILE,)), "dart_baseline")
    assert v.new.robots == {t: tuple(sorted(a.robot_ids)) for t, a in baseline.assignments.items()}
    moved = [t for t, r in v.new.robots.items() if r != v.recorded.plan.robots[v.comparison.matching[t]]]
    assert moved  # ... staffed differently, and the report names the subtask and both robot sets
    assert any(d.startswith("assignments: ") and " -> " in d for d in v.differences), v.differences

    result = cli(str(tmp_path / "run"), "--rejudge", "--policy", "dart_baseline")
    assert result.exit_code == ExitCode.REJUDGE_DIFFERS == 8, result.output
    assert "DIFFERS" in result.output and "assignments:" in result.output


def _stricter(original: Any) -> Any:
    """A validator that now also refuses fleet-wide keep-out subtasks."""
    def validate(graph: TaskGraph, fleet: Any, world: Any) -> ValidationReport:
        report = original(graph, fleet, world)
        extra = tuple(ValidationIssue(IssueCode.NO_ROBOTS, s.id, "fleet-wide keep-out is no longer allowed")
                      for s in graph.subtasks if s.skill == "avoid_areas_for_all_robots")
        return ValidationReport(report.issues + extra)
    return validate


@pytest.mark.parametrize("where", ["language", "allocator"])
def test_a_changed_validator_shows_as_a_difference(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                   where: str) -> None:
    import dart_planner.core.execution.engine as engine
    import dart_planner.core.validate as validate
    import dart_planner.llm.pipeline as pipeline

    write_recording(tmp_path / "run", L2)
    write_recording(tmp_path / "refused", L2, outcome="rejected")  # the allocator refused it then too
    strict = _stricter(validate.validate_plan)
    if where == "language":  # the validator everything calls: the planner's, the node's second look, the engine's
        for module in (validate, pipeline, engine):
            monkeypatch.setattr(module, "validate_plan", strict)
    else:  # only the execution engine's check before it allocates
        monkeypatch.setattr(engine, "validate_plan", strict)
    report = rejudge(tmp_path / "run", options())
    assert not report.identical
    v = report.verdicts[0]
    assert v.new.outcome == "rejected"
    if where == "language":
        assert v.differences[0].startswith("planning: recorded plan of 3 subtasks (succeeded), now rejected")
    else:
        assert v.comparison is not None and v.comparison.exact
        assert any(d.startswith("allocation: recorded succeeded, now rejected: PlanValidationError")
                   for d in v.differences), v.differences
        # a recording in which the allocator refused the plan too is identical
        assert rejudge(tmp_path / "refused", options()).identical


def test_a_lower_speed_limit_in_the_safety_policy_shows_as_a_makespan_difference(tmp_path: Path) -> None:
    from dart_planner.core.safety import safety_policy_from_dict

    write_recording(tmp_path / "run", L2)
    slow = safety_policy_from_dict({"approval": "none", "speed_limits": {"dump_truck": 0.5}})
    report = rejudge(tmp_path / "run", options(safety=slow))
    v = report.verdicts[0]
    assert v.new.outcome == "succeeded" and v.new.makespan is not None and v.recorded.plan is not None
    assert v.recorded.plan.makespan is not None and v.new.makespan > v.recorded.plan.makespan + 1.0
    assert [d.split(":", 1)[0] for d in v.differences] == ["makespan"], v.differences


def _drop_dependencies(graph: TaskGraph) -> TaskGraph:
    return graph.replace_subtasks(replace(s, dependencies=()) for s in graph.subtasks)


def test_a_different_recorded_plan_and_outcome_are_reported(tmp_path: Path) -> None:
    write_recording(tmp_path / "run", L2, edit_graph=_drop_dependencies, outcome="failed")
    report = rejudge(tmp_path / "run", options())
    v = report.verdicts[0]
    kinds = {d.split(":", 1)[0] for d in v.differences}
    assert {"task graph", "outcome"} <= kinds, v.differences
    # relative to the recording, the new plan adds the dependencies the recorded one lacked
    assert "extra dependency" in next(d for d in v.differences if d.startswith("task graph"))
    assert "outcome: failed -> succeeded" in v.differences
    text = format_rejudge(report)
    assert "DIFFERS: 1 of 1" in text and "failed" in text


def test_a_recorded_rejection_that_is_still_rejected_is_identical(tmp_path: Path) -> None:
    reg = TypeRegistry()
    string = reg.store.types["std_msgs/msg/String"]
    with BagWriter(tmp_path / "run", registry=reg) as bag:
        for t in ("instruction", "plan_status"):
            bag.add_topic(f"{NS}/{t}", "std_msgs/msg/String")
        bag.write(f"{NS}/instruction", S, reg.serialize(string(data=encode("instruction", {
            "id": "x", "text": "Sing a song about the weather."})), "std_msgs/msg/String"))
        bag.write(f"{NS}/plan_status", 2 * S, reg.serialize(string(data=encode("plan_status", {
            "plan_id": None, "instruction_id": "x", "state": "rejected", "error": "nothing to do"})),
            "std_msgs/msg/String"))
    report = rejudge(tmp_path / "run", options(planner="rules"))
    assert report.verdicts[0].recorded_outcome == "rejected" and report.verdicts[0].new.outcome == "rejected"
    assert report.identical, format_rejudge(report)


def test_stale_recorded_objects_are_treated_as_language_node_treats_them(tmp_path: Path) -> None:
    # The detector last reported puddle1 (moved) 30 s before the instruction: stale for language_node's
    # default object_ttl_s (20 s), so the current node plans with the configured puddle1: another prompt
    # than the one the recorded answer belongs to (recorded by a node without the TTL).
    moved = replace(WORLD.object("puddle1"), x=WORLD.object("puddle1").x + 3.0, source="detector", confidence=0.8)
    write_recording(tmp_path / "run", L2, objects=(moved,), objects_age_s=30.0)
    stale = rejudge(tmp_path / "run", options())
    assert not stale.identical and stale.verdicts[0].new.outcome == "rejected"
    assert rejudge(tmp_path / "run", options(object_ttl_s=0.0)).identical


def test_a_plan_naming_a_stale_perception_only_object_is_rejected_as_the_nodes_reject_it(tmp_path: Path) -> None:
    # pile7 is known only from perception, last reported 30 s before the instruction: the nodes
    # (object_ttl_s 20 s) refuse a plan that names it; the recording was made without the TTL.
    write_recording(tmp_path / "run", "Dump truck 1 goes to pile 7.", llm=False, objects_age_s=30.0)
    report = rejudge(tmp_path / "run", options())
    v = report.verdicts[0]
    assert v.new.outcome == "rejected" and v.new.graph is None
    assert v.new.error.startswith("stale perceived object(s): pile7 (last reported 30.0 s ago)"), v.new.error
    assert v.differences[0].startswith("planning: recorded plan of 1 subtasks (succeeded), now rejected: stale")
    fresh = rejudge(tmp_path / "run", options(object_ttl_s=60.0))
    assert fresh.identical, format_rejudge(fresh)


# ------------------------------------------------------------------------------------------ broken bags
def _bags(tmp: Path) -> dict[str, tuple[Path, type[BagError]]]:
    write_recording(tmp / "good", L2)
    mcap = next((tmp / "good").glob("*.mcap"))
    out: dict[str, tuple[Path, type[BagError]]] = {}
    (tmp / "empty_dir").mkdir()
    out["empty folder"] = (tmp / "empty_dir", EmptyBagError)
    (tmp / "zero.mcap").write_bytes(b"")
    out["zero-byte mcap"] = (tmp / "zero.mcap", EmptyBagError)
    data = mcap.read_bytes()
    (tmp / "truncated").mkdir()
    (tmp / "truncated" / mcap.name).write_bytes(data[: len(data) * 2 // 3])
    (tmp / "truncated" / "metadata.yaml").write_bytes((tmp / "good" / "metadata.yaml").read_bytes())
    out["truncated mcap"] = (tmp / "truncated", BagFormatError)
    (tmp / "garbage.db3").write_bytes(os.urandom(4096))
    out["garbage db3"] = (tmp / "garbage.db3", BagFormatError)
    with BagWriter(tmp / "no_plans") as bag:  # a valid bag without any instruction or plan
        bag.add_topic("/robot_a/dart/result", "std_msgs/msg/String")
        bag.write_object("/robot_a/dart/result", S, bag.registry.store.types["std_msgs/msg/String"](data="{}"))
    out["no instruction"] = (tmp / "no_plans", EmptyBagError)
    return out


BROKEN = ["empty folder", "zero-byte mcap", "truncated mcap", "garbage db3", "no instruction"]


@pytest.mark.timeout(30)
@pytest.mark.parametrize("kind", BROKEN)
def test_a_broken_bag_is_a_clear_bag_error_never_a_hang(tmp_path: Path, kind: str) -> None:
    path, error = _bags(tmp_path)[kind]
    with pytest.raises(error) as caught:
        rejudge(path, options())
    assert str(path) in str(caught.value) or path.name in str(caught.value)
    result = cli(str(path), "--rejudge")
    assert result.exit_code == ExitCode.FAILURE, result.output
    assert "Traceback" not in result.output


def test_the_cli_help_documents_rejudge_and_its_exit_codes() -> None:
    result = CliRunner().invoke(app, ["replay", "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    text = " ".join(result.output.split())
    assert "--rejudge" in text and "ROS-free" in text and "8: something differs" in text
