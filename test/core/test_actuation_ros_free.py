"""The actuation layer and the ground-truth detector import without ROS or torch."""

from __future__ import annotations

import subprocess
import sys

BLOCKER = """
import sys, importlib.abc
class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] in {'rclpy', 'std_msgs', 'geometry_msgs', 'nav_msgs', 'sensor_msgs', 'torch'}:
            raise ImportError('blocked: ' + name)
        return None
sys.meta_path.insert(0, Block())
import pkgutil, importlib
import dart_planner.actuation as act
for m in pkgutil.walk_packages(act.__path__, 'dart_planner.actuation.'):
    importlib.import_module(m.name)
import dart_planner.sim.external, dart_planner.sim.tools
import dart_planner.perception.groundtruth
print('ok')
"""


def test_actuation_imports_with_ros_and_torch_blocked() -> None:
    out = subprocess.run([sys.executable, "-c", BLOCKER], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "ok"
