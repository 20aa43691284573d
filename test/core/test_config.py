"""Fleet and world configuration: the shipped defaults and located error messages."""

from __future__ import annotations

import textwrap

import pytest

from dart_planner.core.errors import ConfigError
from dart_planner.core.fleet import SkillAction, load_fleet
from dart_planner.core.world import load_world

DART_SKILLS = {
    "target_area_for_specific_robots", "target_area_for_all_robots", "avoid_areas_for_specific_robots",
    "avoid_areas_for_all_robots", "allow_areas_for_specific_robots", "allow_areas_for_all_robots",
    "return_to_start_for_specific_robots", "return_to_start_for_all_robots", "Excavation",
    "ExcavatorUnloading", "DumpLoading", "DumpUnloading",
}


def test_default_fleet_is_the_dart_site(fleet) -> None:
    assert set(fleet.robot_ids) == {f"robot_excavator_0{i}" for i in (1, 2, 3)} | {
        f"robot_dump_truck_0{i}" for i in (1, 2, 3)}
    assert set(fleet.skills) == DART_SKILLS
    assert "Excavation" in fleet.robot("robot_excavator_01").skills
    assert "Excavation" not in fleet.robot("robot_dump_truck_01").skills
    assert fleet.skills["ExcavatorUnloading"].partner_type == "dump_truck"
    assert fleet.robot("robot_dump_truck_01").max_speed > fleet.robot("robot_excavator_01").max_speed
    assert {s.action for s in fleet.skills.values()} == set(SkillAction)


def test_default_world(world) -> None:
    assert set(world.object_names) == {
        "puddle1", "puddle2", "obstacle1", "obstacle2", "soil1", "soil2", "rock1", "rock2"}
    assert world.object("soil1").volume > 0
    assert world.fingerprint() == world.with_object(world.object("soil1")).fingerprint()
    moved = world.with_object(world.object("rock1").__class__(**{**world.object("rock1").__dict__, "x": 5.0}))
    assert moved.fingerprint() != world.fingerprint()


def write(tmp_path, name: str, text: str):
    p = tmp_path / name
    p.write_text(textwrap.dedent(text))
    return p


def test_fleet_errors_name_file_key_and_reason(tmp_path) -> None:
    p = write(tmp_path, "fleet.yaml", """
        skills:
          dig: {description: Dig., action: teleport, robot_types: [excavator]}
          go: {description: Go., action: navigate, robot_types: [crane], duration_s: 9, timeout_s: 3}
        robots:
          - {id: r1, type: excavator, max_speed: -1}
          - {id: r1, type: excavator, skills: [fly], colour: red}
          - {type: excavator}
    """)
    with pytest.raises(ConfigError) as info:
        load_fleet(p)
    text = str(info.value)
    for fragment in [
        "skills.dig.action: expected one of",
        "skills.go.timeout_s: timeout 3.0 s is shorter",
        "robots[0].max_speed: must be > 0",
        "robots[1].id: duplicate robot id 'r1'",
        "robots[1].skills: unknown skill 'fly'",
        "robots[1].colour: unknown key",
        "robots[2].id: required key is missing",
        "skills.go.robot_types: no robot has type 'crane'",
    ]:
        assert fragment in text, text
    assert all(str(p) == i.file for i in info.value.issues)


def test_yaml_syntax_and_missing_file(tmp_path) -> None:
    with pytest.raises(ConfigError, match="line 3, column 1: YAML syntax error"):
        load_fleet(write(tmp_path, "bad.yaml", "skills:\n  - [unclosed\n"))
    with pytest.raises(ConfigError, match="cannot read"):
        load_world(tmp_path / "absent.yaml")


def test_world_errors(tmp_path) -> None:
    p = write(tmp_path, "world.yaml", """
        bounds: {xmin: 0, ymin: 0, xmax: 10, ymax: 10}
        objects:
          a: {kind: rock, x: 50, y: 1}
          b: {kind: soil, x: 1, y: 1, radius: 0, confidence: 2}
        keep_out:
          - {object: ghost}
    """)
    with pytest.raises(ConfigError) as info:
        load_world(p)
    text = str(info.value)
    assert "objects.a: position (50.0, 1.0) lies outside the site bounds" in text
    assert "objects.b.radius: must be > 0" in text
    assert "objects.b.confidence: must be within [0, 1]" in text
    assert "keep_out[0].object: unknown object 'ghost'" in text


def test_ros_parameter_file_form_is_accepted(tmp_path) -> None:
    p = write(tmp_path, "world.yaml", """
        /**:
          ros__parameters:
            objects:
              a: {kind: rock, x: 1, y: 1}
    """)
    assert load_world(p).object_names == ("a",)
