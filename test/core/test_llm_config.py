"""config/llm.yaml and LLMConfig (dart_planner.llm.config), backend registry."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
import yaml

from dart_planner.core.errors import ConfigError
from dart_planner.llm.backend import backend_names, make_backend
from dart_planner.llm.config import LLMConfig, llm_config_from_dict, load_llm_config

ROOT = Path(__file__).resolve().parents[2]
YAML = ROOT / "config" / "llm.yaml"


def test_shipped_file_loads_with_the_documented_defaults():
    cfg = load_llm_config(YAML)
    assert cfg == LLMConfig()
    assert cfg.planner == "rules" and cfg.max_repair_rounds == 2 and cfg.use_json_schema


def test_every_setting_is_in_the_file_with_a_comment():
    text = YAML.read_text()
    data = yaml.safe_load(text)
    fields = {f.name for f in dataclasses.fields(LLMConfig)}
    assert set(data) == fields
    lines = text.splitlines()
    for name in fields:
        i = next(k for k, line in enumerate(lines) if re.match(rf"{name}:", line))
        # a comment directly above the key, or within the comment block of its group
        above = [x for x in lines[max(0, i - 12) : i] if x.startswith("#")]
        assert above, f"{name} has no comment"


def test_ros_parameter_file_form_is_accepted():
    cfg = llm_config_from_dict(
        {"language_node": {"ros__parameters": {"backend": "replay", "max_retries": 0}}}
    )
    assert cfg.backend == "replay" and cfg.max_retries == 0


def test_all_problems_are_reported_at_once():
    with pytest.raises(ConfigError) as ei:
        llm_config_from_dict(
            {
                "bakend": "openai",
                "max_retries": -1,
                "temperature": "hot",
                "use_json_schema": "yes",
                "planner": "magic",
                "timeout_s": 0,
                "seed": 1.5,
                "constrained_decoding": "cfg",
            }
        )
    text = str(ei.value)
    for key in (
        "bakend",
        "max_retries",
        "temperature",
        "use_json_schema",
        "planner",
        "timeout_s",
        "seed",
        "constrained_decoding",
    ):
        assert key in text, key


def test_overrides_are_checked_and_none_means_keep():
    cfg = LLMConfig().with_overrides(model="llama3", max_repair_rounds=None)
    assert cfg.model == "llama3" and cfg.max_repair_rounds == 2
    with pytest.raises(ConfigError):
        LLMConfig().with_overrides(max_tokens="many")


def test_backend_registry_knows_the_builtins_and_rejects_unknown_names():
    assert {"openai", "replay", "transformers", "llamacpp"} <= set(backend_names())
    with pytest.raises(ConfigError, match="unknown backend 'gpt5'"):
        make_backend(LLMConfig(backend="gpt5"))
    with pytest.raises(ConfigError, match="cassette"):
        make_backend(LLMConfig(backend="replay"))


def test_config_is_immutable():
    cfg = LLMConfig(extra_headers={"X-A": "1"})
    with pytest.raises(dataclasses.FrozenInstanceError):
        cfg.model = "x"  # type: ignore[misc]
    with pytest.raises(TypeError):
        cfg.extra_headers["X-B"] = "2"  # type: ignore[index]
