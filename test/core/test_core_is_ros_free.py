"""The ROS-free layers import without ROS or the ML stack (DESIGN: core/ imports neither).

Each package is imported, module by module, in a fresh interpreter where importing rclpy,
any message package, torch, ultralytics or transformers raises.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

BLOCKER = """
import sys, importlib.abc
class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        root = name.split('.')[0]
        if root in {'rclpy', 'std_msgs', 'geometry_msgs', 'nav_msgs', 'sensor_msgs', 'visualization_msgs',
                    'torch', 'torchvision', 'ultralytics', 'transformers'}:
            raise ImportError('blocked: ' + name)
        return None
sys.meta_path.insert(0, Block())
import pkgutil, importlib
pkg = importlib.import_module(sys.argv[1])
for m in pkgutil.walk_packages(getattr(pkg, '__path__', []), sys.argv[1] + '.'):
    importlib.import_module(m.name)
print('ok')
"""

ROS_FREE = ["dart_planner.core", "dart_planner.sim", "dart_planner.llm", "dart_planner.runner",
            "dart_planner.topics", "dart_planner.viz", "dart_planner.reliability", "dart_planner.perception",
            "dart_planner.actuation", "dart_planner.bag.rejudge"]


@pytest.mark.parametrize("package", ROS_FREE)
def test_imports_with_ros_and_ml_blocked(package: str) -> None:
    out = subprocess.run([sys.executable, "-c", BLOCKER, package], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "ok"
