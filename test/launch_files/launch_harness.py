"""Load and evaluate dart_planner launch files without a ROS install.

Uses the real ``launch``/``launch_ros`` when importable (smoke check only), else the
stand-in in ``test/launch_standin`` whose actions record everything, and evaluates a
description: launch arguments (defaults + overrides), OpaqueFunctions, conditions, groups,
namespaces and includes, down to the list of nodes with resolved parameters.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
STANDIN = ROOT / "test" / "launch_standin"


def real_launch_available() -> bool:
    try:
        import launch  # noqa: F401
        import launch_ros  # noqa: F401
    except ImportError:
        return False
    return "launch_standin" not in str(getattr(sys.modules.get("launch"), "__file__", ""))


def use_standin() -> None:
    if str(STANDIN) not in sys.path:
        sys.path.insert(0, str(STANDIN))
    for name in [m for m in sys.modules if m == "launch" or m.startswith(("launch.", "launch_ros"))]:
        del sys.modules[name]


def load_launch_file(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"launchfile_{path.stem.replace('.', '_')}", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@dataclass
class NodeSpec:
    package: str
    executable: str
    name: str | None
    namespace: str
    parameters: dict[str, Any]
    remappings: list[tuple[str, str]]
    arguments: list[str]


@dataclass
class Evaluated:
    arguments: dict[str, Any] = field(default_factory=dict)
    nodes: list[NodeSpec] = field(default_factory=list)
    processes: list[list[str]] = field(default_factory=list)
    includes: list[str] = field(default_factory=list)

    def node(self, executable: str, namespace: str | None = None) -> NodeSpec:
        hits = [n for n in self.nodes if n.executable == executable and (namespace is None or n.namespace == namespace)]
        assert len(hits) == 1, f"{len(hits)} nodes {executable!r} in {namespace!r}: {[n.namespace for n in self.nodes]}"
        return hits[0]


def evaluate(path: Path, overrides: dict[str, str] | None = None) -> Evaluated:
    """Evaluate a launch file with the stand-in API."""
    use_standin()
    import launch
    from launch.actions import (
        DeclareLaunchArgument,
        ExecuteProcess,
        GroupAction,
        IncludeLaunchDescription,
        OpaqueFunction,
        SetEnvironmentVariable,
    )
    from launch_ros.actions import Node, PushRosNamespace

    out = Evaluated()
    module = load_launch_file(path)
    ld = module.generate_launch_description()
    ctx = launch.LaunchContext(overrides)

    def resolve(value: Any) -> Any:
        from launch.substitutions import LaunchConfiguration, PathJoinSubstitution, TextSubstitution
        from launch_ros.substitutions import FindPackageShare

        if isinstance(value, str):
            return value
        if isinstance(value, (int, float, bool)) or value is None:
            return value
        if isinstance(value, LaunchConfiguration):
            return value.perform(ctx)
        if isinstance(value, TextSubstitution):
            return value.text
        if isinstance(value, FindPackageShare):
            assert value.package == "dart_planner", value.package
            return str(ROOT)
        if isinstance(value, PathJoinSubstitution):
            return os.path.join(*[str(resolve(p)) for p in value.parts])
        if isinstance(value, (list, tuple)):
            parts = [resolve(v) for v in value]
            return "".join(str(p) for p in parts) if all(isinstance(p, str) for p in parts) else parts
        if isinstance(value, dict):
            return {k: resolve(v) for k, v in value.items()}
        raise TypeError(f"cannot resolve {value!r}")

    def active(action: Any) -> bool:
        cond = getattr(action, "condition", None)
        if cond is None:
            return True
        truth = str(resolve(cond.predicate)).lower() in ("true", "1", "yes")
        return truth != cond.negate

    def visit(entities: list[Any], namespace: str) -> None:
        for e in entities:
            if not active(e):
                continue
            if isinstance(e, DeclareLaunchArgument):
                out.arguments[e.name] = e
                if e.name not in ctx.launch_configurations and e.default_value is not None:
                    ctx.launch_configurations[e.name] = str(resolve(e.default_value))
            elif isinstance(e, OpaqueFunction):
                visit(list(e.function(ctx, *e.args, **e.kwargs) or []), namespace)
            elif isinstance(e, GroupAction):
                saved = dict(ctx.launch_configurations)
                visit(e.actions, namespace)
                ctx.launch_configurations = saved
            elif isinstance(e, PushRosNamespace):
                namespace = "/".join(p for p in (namespace, str(resolve(e.namespace)).strip("/")) if p)
            elif isinstance(e, Node):
                params: dict[str, Any] = {}
                for p in e.parameters:
                    p = resolve(p)
                    if isinstance(p, dict):
                        params.update(p)
                    else:
                        params.setdefault("__files__", []).append(p)
                ns = "/".join(x for x in (namespace, str(resolve(e.namespace) or "").strip("/")) if x)
                out.nodes.append(NodeSpec(
                    e.package, e.executable, e.name, "/" + ns, params,
                    [(str(resolve(a)), str(resolve(b))) for a, b in e.remappings],
                    [str(resolve(a)) for a in e.arguments]))
            elif isinstance(e, IncludeLaunchDescription):
                inc_path = Path(str(resolve(e.source.launch_file_path)))
                out.includes.append(str(inc_path))
                sub = evaluate(inc_path, {**ctx.launch_configurations,
                                          **{str(resolve(k)): str(resolve(v)) for k, v in e.launch_arguments}})
                out.nodes.extend(sub.nodes)
                out.processes.extend(sub.processes)
            elif isinstance(e, ExecuteProcess):
                out.processes.append([str(resolve(c)) for c in e.cmd])
            elif isinstance(e, SetEnvironmentVariable):
                pass
            else:
                raise TypeError(f"launch harness does not know {type(e).__name__}")

    visit(ld.entities, "")
    return out
