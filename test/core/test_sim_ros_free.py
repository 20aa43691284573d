"""The simulator core imports without ROS or torch, like dart_planner.core."""

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
import dart_planner.sim as sim
for m in pkgutil.walk_packages(sim.__path__, 'dart_planner.sim.'):
    importlib.import_module(m.name)
import dart_planner.bench.sim_speed
print('ok')
"""


def test_sim_imports_with_ros_and_torch_blocked() -> None:
    out = subprocess.run([sys.executable, "-c", BLOCKER], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "ok"


def test_sim_speed_benchmark_reports_a_consistent_run() -> None:
    from dart_planner.bench.sim_speed import measure_sim_speed

    report = measure_sim_speed(sim_seconds=60.0)
    assert report.steps == 600 and report.robots == 6 and report.sim_seconds == 60.0
    assert report.goals >= 6 and report.speedup > 0 and report.idle_speedup > 0
    assert report.collisions == 0 and report.keepout_violations == 0
