"""The package is a real ament_python package: manifest, setup.cfg, colcon build, install layout."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def test_package_xml_format3_with_runtime_deps() -> None:
    text = (ROOT / "package.xml").read_text()
    assert 'schematypens="http://www.w3.org/2001/XMLSchema"' in text
    root = ET.fromstring(text)
    assert root.attrib["format"] == "3"
    assert root.findtext("name") == "dart_planner"
    assert root.findtext("license")
    assert root.find("export/build_type").text == "ament_python"
    deps = {e.text for e in root.findall("exec_depend")}
    assert {"rclpy", "std_msgs", "geometry_msgs", "nav_msgs", "sensor_msgs", "std_srvs", "visualization_msgs",
            "diagnostic_msgs"} <= deps


def test_setup_cfg_is_what_ament_python_expects() -> None:
    assert (ROOT / "setup.cfg").read_text().split() == [
        "[develop]", "script_dir=$base/lib/dart_planner", "[install]", "install_scripts=$base/lib/dart_planner"]
    assert (ROOT / "resource" / "dart_planner").is_file()
    assert (ROOT / "dart_planner" / "py.typed").is_file()


def _tracked_files() -> list[str]:
    out = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                         capture_output=True, text=True, check=True)
    return [line for line in out.stdout.splitlines() if line and (ROOT / line).is_file()]


@pytest.mark.slow
def test_colcon_build_installs_a_working_package(tmp_path) -> None:
    colcon = shutil.which("colcon") or str(Path(sys.executable).parent / "colcon")
    if not Path(colcon).exists():
        pytest.fail("colcon is not installed (it is part of the test extra)")
    src = tmp_path / "src" / "dart_planner"
    for rel in _tracked_files():
        dst = src / rel
        dst.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / rel, dst)
    res = subprocess.run([colcon, "build", "--base-paths", "src"], cwd=tmp_path, capture_output=True, text=True,
                         timeout=300)
    assert res.returncode == 0, res.stdout[-3000:] + res.stderr[-3000:]
    install = tmp_path / "install" / "dart_planner"
    share = install / "share" / "dart_planner"
    assert (install / "share" / "ament_index" / "resource_index" / "packages" / "dart_planner").is_file()
    assert (share / "package.xml").is_file()
    assert (share / "config" / "fleet.yaml").is_file()
    assert len(list((share / "config" / "examples").glob("*.json"))) >= 15
    assert (install / "lib" / "dart_planner" / "dart-planner").is_file()
    # The installed copy (not the source tree) must import and find its config in the share directory.
    site = next(install.glob("lib/python*/site-packages"))
    env = {**os.environ, "PYTHONPATH": str(site), "AMENT_PREFIX_PATH": str(install)}
    probe = ("import dart_planner, dart_planner.resources as r; "
             "print(dart_planner.__file__); print(r.default_fleet_path())")
    out = subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, env=env, capture_output=True, text=True,
                         timeout=60)
    assert out.returncode == 0, out.stderr
    module_file, fleet_path = out.stdout.split()
    assert module_file.startswith(str(install)), module_file
    assert Path(fleet_path).is_file()
