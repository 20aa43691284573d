"""The core must import without ROS or torch (DESIGN: core/ imports neither)."""

from __future__ import annotations

import subprocess
import sys

BLOCKER = """
import sys, importlib.abc
class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        root = name.split('.')[0]
        if root in {'rclpy', 'std_msgs', 'geometry_msgs', 'nav_msgs', 'sensor_msgs', 'torch', 'ultralytics',
                    'transformers'}:
            raise ImportError('blocked: ' + name)
        return None
sys.meta_path.insert(0, Block())
import pkgutil, importlib
import dart_planner.core as core
for m in pkgutil.walk_packages(core.__path__, 'dart_planner.core.'):
    importlib.import_module(m.name)
print('ok')
"""


def test_core_imports_with_ros_and_torch_blocked() -> None:
    out = subprocess.run([sys.executable, "-c", BLOCKER], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "ok"
