"""Every node a launch file starts exists as an entry point and accepts what the launch passes.

A launch file names executables and parameters as strings; a typo in either is silent until
``ros2 launch`` runs on a robot. These tests evaluate each launch file (every optional node
switched on), then check the executable against ``setup.py``'s console_scripts and build the
node with exactly the resolved parameters: each one must be a declared parameter of the node
(rclpy silently drops undeclared overrides), with a type the node accepts.
"""

from __future__ import annotations

import ast
import importlib
import importlib.util
import os
import random
from collections.abc import Iterator
from typing import Any

import pytest
from launch_harness import ROOT, NodeSpec, evaluate

LAUNCH = ROOT / "launch"
# Each launch file with the arguments that switch every optional node of ours on.
CASES = {
    "dart.launch.py": {},
    "gazebo.launch.py": {},
    "replay.launch.py": {"with_detector": "true", "with_actuation": "true"},
}
AUTOMATIC = {"use_sim_time"}  # declared by rclpy.node.Node itself


def console_scripts() -> dict[str, str]:
    """``name -> module:function`` from setup.py, read without running it."""
    tree = ast.parse((ROOT / "setup.py").read_text())
    for node in ast.walk(tree):
        if isinstance(node, ast.Dict):
            for k, v in zip(node.keys, node.values):
                if isinstance(k, ast.Constant) and k.value == "console_scripts":
                    entries = ast.literal_eval(v)
                    return {e.split("=")[0].strip(): e.split("=")[1].strip() for e in entries}
    raise AssertionError("setup.py declares no console_scripts")


def our_nodes() -> list[tuple[str, NodeSpec]]:
    out = []
    for name, overrides in CASES.items():
        for spec in evaluate(LAUNCH / name, overrides).nodes:
            if spec.package == "dart_planner":
                out.append((name, spec))
    return out


NODES = our_nodes()


def test_every_launch_file_is_covered() -> None:
    assert sorted(p.name for p in LAUNCH.glob("*.launch.py")) == sorted(CASES)


def test_every_executable_is_a_console_script_of_a_module_with_main() -> None:
    scripts = console_scripts()
    executables = {spec.executable for _, spec in NODES}
    assert executables == {"language_node", "allocator_node", "actuation_node", "sim_node", "detector_node"}
    for exe in executables:
        assert exe in scripts, f"{exe} is started by a launch file but is no console_script in setup.py"
        module, _, func = scripts[exe].partition(":")
        assert module == f"dart_planner.nodes.{exe}" and func == "main", scripts[exe]


@pytest.fixture(scope="module")
def context() -> Iterator[Any]:
    rclpy = pytest.importorskip("rclpy", reason="building nodes needs rclpy (the ros extra)")
    os.environ.setdefault("ROS_AUTOMATIC_DISCOVERY_RANGE", "LOCALHOST")
    ctx = rclpy.Context()
    rclpy.init(context=ctx, domain_id=200 + random.Random(os.getpid()).randrange(0, 30))
    try:
        yield ctx
    finally:
        rclpy.try_shutdown(context=ctx)


def _node_class(executable: str) -> type:
    module_name = f"dart_planner.nodes.{executable}"
    if importlib.util.find_spec(module_name) is None:
        pytest.skip(f"{module_name} is not written yet")
    from dart_planner.nodes.runner import node_class

    return node_class(executable)


@pytest.mark.parametrize("where,spec", NODES, ids=[f"{w}:{s.namespace}/{s.executable}" for w, s in NODES])
def test_each_node_declares_every_parameter_its_launch_file_passes(where: str, spec: NodeSpec, context: Any) -> None:
    from rclpy.parameter import Parameter

    cls = _node_class(spec.executable)
    params = {k: v for k, v in spec.parameters.items() if k != "__files__"}
    node = cls(context=context, namespace=spec.namespace.strip("/"),
               parameter_overrides=[Parameter(k, value=v) for k, v in params.items()])
    try:
        undeclared = sorted(k for k in params if k not in AUTOMATIC and not node.has_parameter(k))
        assert not undeclared, f"{where} passes {undeclared} to {spec.executable}, which does not declare them"
        for k, v in params.items():
            assert node.get_parameter(k).value == v, k
    finally:
        node.destroy_node()


def test_planner_node_parameters_are_documented() -> None:
    pytest.importorskip("rclpy")
    for exe in ("language_node", "allocator_node"):
        module = importlib.import_module(f"dart_planner.nodes.{exe}")
        names = [p.name for p in module.PARAMS]
        assert len(names) == len(set(names)), exe
        assert all(p.description.strip() for p in module.PARAMS), exe
