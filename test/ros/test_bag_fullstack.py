"""A full simulated run of the stack, recorded to mcap and sqlite3, read back, replayed and re-judged.

One process runs the node set of ``dart.launch.py`` (:func:`dart_planner.nodes.runner.build_stack`:
language_node on the replay backend, allocator_node, one actuation_node per robot, sim_node,
detector_node on ground truth) and two :class:`~dart_planner.bag.recorder.BagRecorder` nodes, one
per storage format, record the same run. Then:

1. both bags are read with rosbags' own reader (not ours): topics, types and counts match what
   the recorders wrote, and the two bags hold the same plan payloads;
2. each bag is replayed into a fresh ROS graph (another domain, no stack node alive; a
   ``bag_recorder`` process records what arrives): the replayed task graph and each plan's
   final state are the recorded ones; the replay's timing error (p50/p95/max) is printed;
3. ``--rejudge`` on each bag (API and CLI) finds no difference with the code that made it.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Any

import pytest

rclpy = pytest.importorskip("rclpy")
from conftest import NodeProcess, claim_domain, record_destruction, spinning  # noqa: E402
from conftest import wait_for as conftest_wait_for  # noqa: E402
from rosbags.rosbag2 import Reader  # noqa: E402
from rosbags.typesys import Stores, get_typestore  # noqa: E402
from std_msgs.msg import String  # noqa: E402
from typer.testing import CliRunner  # noqa: E402

from dart_planner.bag import BagFormat, BagWriter, bag_info, open_bag  # noqa: E402
from dart_planner.bag.recorder import BagRecorder  # noqa: E402
from dart_planner.bag.rejudge import RejudgeOptions, read_recorded_run, rejudge  # noqa: E402
from dart_planner.bag.replayer import BagReplayer  # noqa: E402
from dart_planner.bag.selection import stack_topics  # noqa: E402
from dart_planner.cli import app  # noqa: E402
from dart_planner.core.envelope import decode, encode  # noqa: E402
from dart_planner.core.fleet import load_fleet  # noqa: E402
from dart_planner.core.objects import merge_perceived, objects_from_payload  # noqa: E402
from dart_planner.core.world import load_world, object_to_dict  # noqa: E402
from dart_planner.llm.config import load_llm_config  # noqa: E402
from dart_planner.llm.pipeline import LLMPlanner, make_planner  # noqa: E402
from dart_planner.llm.replay_backend import ScriptedBackend  # noqa: E402
from dart_planner.nodes.qos import EVENTS, STATUS  # noqa: E402
from dart_planner.nodes.runner import FINISHED_STATES, StackOptions, build_stack  # noqa: E402
from dart_planner.perception.groundtruth import GroundTruthDetector  # noqa: E402
from dart_planner.resources import default_fleet_path, default_world_path  # noqa: E402
from dart_planner.sim import Simulation  # noqa: E402
from dart_planner.sim.external import ground_truth_payload  # noqa: E402

pytestmark = [pytest.mark.ros, pytest.mark.slow, pytest.mark.timeout(150)]

FLEET = load_fleet(default_fleet_path())
WORLD = load_world(default_world_path())
NS = f"dartfs{os.getpid()}"
L2 = "First, all robots must avoid puddle 1. After that, send truck 1 to rock 1 and truck 2 to rock 2."
PLANNER_TOPICS = ("instruction", "task_graph", "assignments", "plan_status", "llm_exchange", "objects")


def perceived_world() -> Any:
    """The world language_node holds once detector_node reported the simulator's ground truth."""
    sim = Simulation(FLEET, WORLD)
    truth = GroundTruthDetector()
    truth.update(ground_truth_payload(sim, sim.snapshot()))
    objects, refused = objects_from_payload({"objects": [object_to_dict(o) for o in truth.objects()]}, WORLD)
    assert not refused and objects
    return merge_perceived(WORLD, WORLD, (), objects)


def write_cassette(path: Path) -> None:
    """The rules planner's plan as the model's recorded reply, for the prompt of the perceived world
    (and of the configured one, should the instruction overtake the first objects message)."""
    cfg = load_llm_config().with_overrides(backend="replay", cassette=str(path), memory_path="")
    reply = json.dumps(make_planner("rules").plan(L2, FLEET, WORLD).graph.to_dart())
    lines = []
    for world in (perceived_world(), WORLD):
        result = LLMPlanner(ScriptedBackend([reply]), cfg).plan(L2, FLEET, world)
        lines += [json.dumps(e) + "\n" for e in result.cassette_entries()]
    path.write_text("".join(lines))


def wait_for(condition: Any, timeout: float, what: str) -> None:
    """Poll ``condition``; a dead spin thread (or node process) fails at once with its exception
    (conftest.wait_for), not after ``timeout``."""
    assert conftest_wait_for(condition, timeout), f"timed out after {timeout} s waiting for {what}"


def record_full_run(context: Any, tmp: Path) -> dict[str, Any]:
    """Run L2 through the whole stack, recorded to tmp/mcap and tmp/sqlite; returns what the test saw."""
    cassette = tmp / "l2.jsonl"
    write_cassette(cassette)
    options = StackOptions(namespace=NS, backend="replay", cassette=str(cassette), sim_time_scale=2.0)
    topics = stack_topics(NS, FLEET, camera=True)
    seen: dict[str, Any] = {"statuses": []}
    driver = rclpy.create_node("fullstack_driver", context=context)
    pub = driver.create_publisher(String, f"/{NS}/instruction", EVENTS)
    driver.create_subscription(String, f"/{NS}/plan_status",
                               lambda m: seen["statuses"].append(json.loads(m.data)), STATUS)
    done = lambda: any(s.get("instruction_id") == "fs-1" and s.get("state") in FINISHED_STATES  # noqa: E731
                       for s in seen["statuses"])
    with BagWriter(tmp / "mcap", BagFormat.MCAP) as w_mcap, BagWriter(tmp / "sqlite", BagFormat.SQLITE3) as w_sql:
        stack = build_stack(options, context)
        recorders = [BagRecorder(w_mcap, topics, node_name="rec_mcap", context=context),
                     BagRecorder(w_sql, topics, node_name="rec_sqlite", context=context)]
        language = stack[0]
        destroyed = record_destruction([*stack, *recorders, driver])
        try:
            with spinning(context, *stack, *recorders, driver):
                must = [f"/{NS}/{t}" for t in PLANNER_TOPICS] + [f"/{NS}/camera/image"]
                wait_for(lambda: all(t in r.subscribed for r in recorders for t in must), 30,
                         f"recorders subscribed to {must}")
                # plan in the world the detector reported, as a user would after start-up
                wait_for(lambda: language.world.objects != WORLD.objects, 30, "perceived objects")
                wait_for(lambda: pub.get_subscription_count() >= 3, 10, "instruction subscribers")
                pub.publish(String(data=encode("instruction", {"id": "fs-1", "text": L2})))
                wait_for(done, 90, "the plan's final state")
                time.sleep(1.0)  # the final status and odometry reach both recorders
            seen["destroyed_while_spinning"] = list(destroyed)
            # counted once nothing spins any more: what each recorder handed to its bag
            seen["counts"] = [dict(r.counts) for r in recorders]
            seen["skipped"] = [dict(r.skipped) for r in recorders]
        finally:
            for n in [*recorders, *reversed(stack)]:
                n.destroy_node()
    driver.destroy_node()
    return seen


def independent_read(path: Path) -> tuple[dict[str, str], dict[str, int], dict[str, list[str]]]:
    """Topic types, counts and the planner topics' JSON text, read with rosbags alone."""
    store = get_typestore(Stores.ROS2_JAZZY)
    types: dict[str, str] = {}
    counts: dict[str, int] = {}
    texts: dict[str, list[str]] = {}
    with Reader(path) as reader:
        for conn in reader.connections:
            types[conn.topic] = conn.msgtype
            counts[conn.topic] = counts.get(conn.topic, 0) + conn.msgcount
        wanted = [c for c in reader.connections if c.topic.rsplit("/", 1)[-1] in PLANNER_TOPICS]
        for conn, _t, raw in reader.messages(connections=wanted):
            texts.setdefault(conn.topic, []).append(store.deserialize_cdr(raw, conn.msgtype).data)
        read = {c.topic: 0 for c in reader.connections}
        for conn, _t, _raw in reader.messages():
            read[conn.topic] += 1
    assert read == counts, "rosbags read a different number of messages than the bag's index states"
    return types, counts, texts


def final_states(texts: list[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for t in texts:
        p = decode("plan_status", t)
        if isinstance(p.get("plan_id"), str):
            out[p["plan_id"]] = p["state"]
    return out


def replay_into_fresh_graph(bag: Path, tmp: Path, domain: int, rate: float) -> tuple[Any, Path]:
    """Replay ``bag`` on another domain, where only a ``bag_recorder`` process listens (as
    ``dart-planner replay`` feeds other processes); returns the replay report and the new bag."""
    out = tmp / f"again_{bag.name}"
    env = {**os.environ, "ROS_DOMAIN_ID": str(domain), "ROS_AUTOMATIC_DISCOVERY_RANGE": "LOCALHOST",
           "PYTHONUNBUFFERED": "1"}
    recorder = NodeProcess("dart_planner.bag.recorder", [
        "--ros-args", "-p", f"output:={out}", "-p", f"namespace:={NS}", "-p", "camera:=true"],
        tmp / f"recorder_{bag.name}.log", env)
    context = rclpy.Context()
    rclpy.init(context=context, domain_id=domain)
    try:
        replayer = BagReplayer(bag, rate=rate, context=context)
        try:
            assert replayer.wait_for_subscribers(1, 30.0), recorder.output()[-2000:]
            report = replayer.play()
            time.sleep(1.0)  # the last messages reach the recorder
        finally:
            replayer.destroy_node()
    finally:
        rclpy.try_shutdown(context=context)
        assert recorder.stop() == 0, recorder.output()[-2000:]
    return report, out


def test_a_full_run_recorded_to_mcap_and_sqlite_reads_back_replays_and_rejudges_identically(
        ros_context: Any, ros_domain: int, tmp_path: Path) -> None:
    seen = record_full_run(ros_context, tmp_path)
    outcome = [s for s in seen["statuses"] if s.get("instruction_id") == "fs-1"][-1]
    assert outcome["state"] == "succeeded", outcome
    assert seen["destroyed_while_spinning"] == []  # it can end the spin thread (see ros_actuator)
    plan_id = outcome["plan_id"]
    assert seen["skipped"] == [{}, {}]

    # 1. rosbags reads both bags; types are the stack's; counts are what each recorder wrote.
    expected_types = {t: ty for t, ty in stack_topics(NS, FLEET, camera=True).items() if ty}
    read: dict[str, Any] = {}
    for name, counts in zip(("mcap", "sqlite"), seen["counts"]):
        types, bag_counts, texts = independent_read(tmp_path / name)
        assert {t: types[t] for t in types} == {t: expected_types[t] for t in types}
        assert bag_counts == counts, name
        for topic in ("task_graph", "llm_exchange", "instruction", "objects", "camera/image", "assignments"):
            assert bag_counts.get(f"/{NS}/{topic}", 0) >= 1, (name, topic)
        assert all(bag_counts.get(f"/{r.namespace.strip('/')}/odom", 0) > 10 for r in FLEET.robots), name
        assert final_states(texts[f"/{NS}/plan_status"]) == {plan_id: "succeeded"}, name
        read[name] = texts
        print(f"\n[{name}] {sum(bag_counts.values())} messages on {len(bag_counts)} topics")
    # the same run in both: the same plan, the same model exchange, the same allocation
    for topic in ("task_graph", "llm_exchange", "instruction", "assignments"):
        assert read["mcap"][f"/{NS}/{topic}"] == read["sqlite"][f"/{NS}/{topic}"], topic
    graph_payload = decode("task_graph", read["mcap"][f"/{NS}/task_graph"][0])
    assert graph_payload["plan_id"] == plan_id and graph_payload["planner"] == "llm:replay"

    # 2. Replayed into a fresh graph: the same task graph and the same final plan states arrive.
    fresh_domain = claim_domain()  # held by this process: no other test's graph is on it
    assert fresh_domain != ros_domain
    for name in ("mcap", "sqlite"):
        report, again = replay_into_fresh_graph(tmp_path / name, tmp_path, fresh_domain, rate=4.0)
        print(f"[{name}] replay x4 of {report.messages} messages over {report.bag_span_s:.1f} s: timing error "
              f"p50 {report.error_p50_ms:.3f} ms, p95 {report.error_p95_ms:.3f} ms, max {report.error_max_ms:.3f} ms")
        assert report.messages == sum(seen["counts"][0 if name == "mcap" else 1].values())
        assert bag_info(again).outcomes() == bag_info(tmp_path / name).outcomes() == {plan_id: "succeeded"}
        with open_bag(again) as b:
            replayed = [b.decode(m).data for m in b.messages([f"/{NS}/task_graph"])]
        assert replayed == read[name][f"/{NS}/task_graph"]

    # 3. Re-judged with the code that made it: no difference, in either format, API and CLI.
    options = RejudgeOptions(FLEET, WORLD)
    for name in ("mcap", "sqlite"):
        run = read_recorded_run(tmp_path / name)
        assert run.exchanges and run.camera_frames > 0 and run.instructions[0].objects is not None
        result = rejudge(run, options)
        assert result.planner == "llm:replay"
        assert result.identical, [v.differences for v in result.verdicts]
        v = result.verdicts[0]
        assert v.comparison is not None and v.comparison.exact and v.new.outcome == "succeeded"
    cli = CliRunner().invoke(app, ["replay", str(tmp_path / "mcap"), "--rejudge", "--json"])
    assert cli.exit_code == 0, cli.output
    assert json.loads(cli.output)["identical"] is True
