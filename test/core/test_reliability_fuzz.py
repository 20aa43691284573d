"""Fuzzing the plan path with >= 1,000 hostile replies: no crash, nothing unsafe, a plan or a clear error.

The corpus (dart_planner.reliability.corpus) goes through parse -> validate, the LLM pipeline
(the case again, or a valid plan, in the repair round), the streaming parser and cassette
replay. The fast tests run every path on a stratified share of the corpus (the whole corpus
for parse); the slow test runs every case through every path.
"""

from __future__ import annotations

import json
import time
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dart_planner.core.errors import DartPlannerError, PlanFormatError
from dart_planner.core.plan import TaskGraph
from dart_planner.core.strict_json import strict_loads
from dart_planner.core.validate import IssueCode, validate_plan
from dart_planner.llm.errors import PlanningError
from dart_planner.llm.local_server import LocalLLMServer, ScriptedReply
from dart_planner.llm.memory import PlanMemory
from dart_planner.llm.openai_backend import OpenAIBackend
from dart_planner.llm.parse import parse_plan_reply
from dart_planner.llm.pipeline import plan_instruction
from dart_planner.llm.replay_backend import RecordingBackend, ReplayBackend, ScriptedBackend, read_cassette
from dart_planner.reliability.corpus import (
    CATEGORIES,
    CONFUSABLES,
    Expect,
    generate_corpus,
    hostile_nesting,
    look_alike,
)
from dart_planner.reliability.fuzz import PATHS, AllowList, FuzzHarness, Outcome

CASES = 1200


@pytest.fixture(scope="module")
def harness(fleet, world) -> FuzzHarness:
    return FuzzHarness(fleet, world)


@pytest.fixture(scope="module")
def corpus(harness, fleet, world):
    return generate_corpus(fleet, world, n=CASES, seed=0, echo_text=harness.system_prompt())


def _assert_clean(report) -> None:
    assert report.crashes == (), [(r.case_id, r.path, r.detail) for r in report.crashes[:5]]
    assert report.unsafe == (), [(r.case_id, r.path, r.unsafe) for r in report.unsafe[:5]]
    assert report.mismatches == (), [(r.case_id, r.path, r.outcome, r.detail) for r in report.mismatches[:5]]


# ---------------------------------------------------------------------------- the corpus itself
def test_corpus_is_large_seeded_and_covers_every_attack(corpus, fleet, world, harness):
    assert len(corpus) >= 1000 and len({c.id for c in corpus}) == len(corpus)
    assert set(Counter(c.category for c in corpus)) == set(CATEGORIES)
    again = generate_corpus(fleet, world, n=CASES, seed=0, echo_text=harness.system_prompt())
    assert [c.text for c in again] == [c.text for c in corpus]
    other = generate_corpus(fleet, world, n=60, seed=1)
    assert [c.text for c in other] != [c.text for c in corpus[:60]]
    texts = [c.text for c in corpus]
    assert "{" * 100_000 in texts, "100 KB of '{'"
    assert any(t.startswith('{"tasks":' + "[" * 5000) for t in texts), "nesting thousands deep"
    notes = " | ".join(c.note for c in corpus)
    for needle in ("NaN", "Infinity", "tasks twice", "skill name twice", "look-alike", "lone surrogate",
                   "raw '\\x00' inside a string", "the system prompt echoed", "code fence", "trailing commas",
                   "prose", "cut at", "cycle of", "forward dependency", "over the reply size limit", "tasks"):
        assert needle in notes, needle
    assert Counter(c.expect for c in corpus)[Expect.VALID] >= 100  # valid replies must still get through


def test_look_alike_always_changes_the_name():
    import random

    rng = random.Random(0)
    for name in ("robot_excavator_01", "soil1", "Excavation", "a", "_", "0"):
        for _ in range(200):
            assert look_alike(name, rng) != name


# ---------------------------------------------------------------------------- the paths
def test_parse_path_on_the_whole_corpus(harness, corpus):
    report = harness.run(corpus, ["parse"])
    _assert_clean(report)
    assert report.runs == len(corpus)


def test_pipeline_path_on_a_stratified_share(harness, corpus):
    report = harness.run(corpus[::5], ["pipeline"])
    _assert_clean(report)
    assert Counter(r.outcome for r in report.results)[Outcome.VALID] >= 30


def test_repaired_pipeline_recovers_or_fails_clearly(harness, corpus):
    report = harness.run(corpus[1::5], ["pipeline_repaired"])
    _assert_clean(report)
    outcomes = Counter(r.outcome for r in report.results)
    assert outcomes[Outcome.VALID] >= 100
    for r in report.results:
        # A repair is refused only when the hostile reply had already dispatched subtasks that
        # the (unrelated) valid plan drops: failing closed is right, dropping them silently is not.
        if r.outcome is Outcome.ERROR:
            assert r.streamed > 0 and "dispatched" in r.detail, (r.case_id, r.detail)


def test_replay_path_on_a_stratified_share(harness, corpus):
    _assert_clean(harness.run(corpus[2::10], ["replay"]))


def test_streaming_parser_emits_exactly_the_valid_plans(harness, corpus):
    """Never anything unsafe; and for a valid reply, every subtask, in order, before the end."""
    sample = corpus[3::4]
    report = harness.run(sample, ["stream"])
    assert report.crashes == () and report.unsafe == ()
    by_id = {r.case_id: r for r in report.results}
    checked = 0
    for case in sample:
        if case.expect is not Expect.VALID or case.category in ("repeated_plan", "prompt_echo"):
            continue
        graph = parse_plan_reply(case.text).graph
        assert by_id[case.id].streamed == len(graph), case.id
        checked += 1
    assert checked >= 30


@pytest.mark.slow
def test_every_case_through_every_path(harness, corpus):
    report = harness.run(corpus, PATHS)
    _assert_clean(report)
    assert report.runs == len(corpus) * len(PATHS)


# ---------------------------------------------------------------------------- hostile input cost
@pytest.mark.parametrize("kind", ["brace", "array", "object", "mixed"])
def test_hostile_nesting_is_rejected_quickly_at_any_size(kind):
    """Generous bound (the benchmark has the figures): 1 MB of nesting in well under a second."""
    for size in (10_000, 1_000_000):
        text = hostile_nesting(kind, size)
        t0 = time.perf_counter()
        with pytest.raises(PlanFormatError):
            parse_plan_reply(text, max_chars=2_000_000)
        assert time.perf_counter() - t0 < 1.0


def test_strict_json_turns_recursion_and_huge_integers_into_format_errors():
    for text in ("[" * 50_000 + "]" * 50_000, '{"a": ' + "9" * 20_000 + "}", "[NaN]", '{"a": 1, "a": 2}'):
        with pytest.raises(PlanFormatError):
            strict_loads(text)


def test_the_reply_size_limit_holds(harness, fleet, world):
    text = json.dumps({"tasks": []}) + " " * 200_001
    with pytest.raises(PlanFormatError, match="limit"):
        parse_plan_reply(text)


# ---------------------------------------------------------------------------- look-alikes
_REAL_NAMES = st.sampled_from(["robot_excavator_01", "robot_dump_truck_02", "soil1", "puddle2", "Excavation",
                               "target_area_for_specific_robots", "excavator"])
_INVISIBLE = st.sampled_from([c for group in CONFUSABLES.values() for c in group]
                             + ["\uff11", "\u0430", "\u043e", "\u0455", "\u212a", "\U0001d7cf", "\u0661"])


@settings(max_examples=300, deadline=None)
@given(name=_REAL_NAMES, ch=_INVISIBLE, where=st.floats(0, 1), replace=st.booleans())
def test_look_alikes_are_never_folded_into_a_valid_name(fleet, world, name, ch, where, replace):
    i = int(where * len(name))
    bad = name[:i] + ch + name[i + 1:] if replace else name[:i] + ch + name[i:]
    if bad == name:
        return
    func = {"name": "target_area_for_specific_robots", "robot_ids": ["robot_excavator_01"], "robot_type": [],
            "robot_count": [], "dependencies": [], "object_keywords": ["soil1"]}
    if name.startswith("robot_"):
        func["robot_ids"] = [bad]
    elif name in ("soil1", "puddle2"):
        func["object_keywords"] = [bad]
    elif name == "excavator":
        func.update(robot_ids=[], robot_type=[bad], robot_count=[1])
    else:
        func["name"] = bad
    text = json.dumps({"tasks": [{"task": "t1", "instruction_function": func}]}, ensure_ascii=bool(i % 2))
    try:
        graph = parse_plan_reply(text).graph
    except PlanFormatError:
        return  # (a raw control character is not even JSON)
    report = validate_plan(graph, fleet, world)
    assert not report.ok
    assert report.codes() & {IssueCode.UNKNOWN_ROBOT, IssueCode.UNKNOWN_OBJECT, IssueCode.UNKNOWN_SKILL,
                             IssueCode.UNKNOWN_ROBOT_TYPE}
    assert AllowList.of(fleet, world).violations(graph.subtasks)


def test_plan_memory_does_not_fold_a_look_alike_instruction_into_a_remembered_plan(fleet, world):
    good = json.dumps({"tasks": [{"task": "go_1", "instruction_function": {
        "name": "target_area_for_specific_robots", "robot_ids": ["robot_excavator_01"], "robot_type": [],
        "robot_count": [], "dependencies": [], "object_keywords": ["soil1"]}}]})
    memory = PlanMemory()
    plan_instruction("Robot_Excavator_01  goes to soil1.", fleet, world, ScriptedBackend([good]), memory=memory)
    again = plan_instruction("robot_excavator_01 goes to soil1", fleet, world, ScriptedBackend([]), memory=memory)
    assert again.from_memory  # ASCII case and spacing still hit
    for look in ("robot_excavator_0\uff11 goes to soil1", "robot_excavator_01 goes to soil\uff11",
                 "robot_excavator_01 goes to soi\u217c1", "robot_excavator_01 goes to s\u043eil1"):
        with pytest.raises(PlanningError):  # a miss: the (empty) backend is asked, and fails
            plan_instruction(look, fleet, world, ScriptedBackend([]), memory=memory)


# ---------------------------------------------------------------------------- lone surrogates
BAD_SKILL = {"tasks": [{"task": "t1", "instruction_function": {
    "name": "Excavation\ud800", "robot_ids": ["robot_excavator_01"], "dependencies": [], "object_keywords": []}}]}


def test_a_lone_surrogate_from_a_real_server_fails_the_plan_not_the_process(fleet, world):
    """The server escapes the surrogate in JSON; echoed back in the repair round it used to
    raise UnicodeEncodeError in the HTTP backend."""
    with LocalLLMServer([ScriptedReply(json.dumps(BAD_SKILL))], repeat_last=True) as srv:
        backend = OpenAIBackend(base_url=srv.base_url, model="m", max_retries=0)
        with pytest.raises(PlanningError) as ei:
            plan_instruction("Excavator 1 digs", fleet, world, backend, max_repair_rounds=1)
        assert len(srv.requests) == 2  # the repair round was sent
    assert "unknown skill" in ei.value.errors[0]


def test_a_lone_surrogate_is_recorded_and_replayed(tmp_path, fleet, world):
    cassette = tmp_path / "c.jsonl"
    good = json.dumps({"tasks": [{"task": "t1", "instruction_function": {
        "name": "Excavation", "robot_ids": ["robot_excavator_01"], "dependencies": [], "object_keywords": []}}]})
    rec = RecordingBackend(ScriptedBackend([json.dumps(BAD_SKILL, ensure_ascii=False), good]), cassette)
    first = plan_instruction("Excavator 1 digs", fleet, world, rec, max_repair_rounds=1)
    again = plan_instruction("Excavator 1 digs", fleet, world, ReplayBackend(read_cassette(cassette)),
                             max_repair_rounds=1, plan_id=first.graph.plan_id)
    assert again.graph == first.graph and again.repairs == 1


def test_an_instruction_with_a_lone_surrogate_is_refused_with_a_reason(fleet, world):
    with pytest.raises(PlanningError, match="refused") as ei:
        plan_instruction("Excavator 1 digs \udcff", fleet, world, ScriptedBackend([]), memory=PlanMemory())
    assert "surrogate" in ei.value.errors[0]


def test_only_package_errors_escape(harness, corpus):
    """The harness would report anything else as a crash; check it does."""
    class Boom(ScriptedBackend):
        def complete(self, *a, **k):
            raise KeyError("not a package error")

    case = corpus[0]
    backend = Boom([case.text])
    result, _ = harness._run_pipeline(case, "pipeline", backend, record=False)
    assert result.outcome is Outcome.CRASH and "KeyError" in result.detail
    assert issubclass(PlanningError, DartPlannerError)


def test_allow_list_judges_from_configuration(fleet, world):
    allow = AllowList.of(fleet, world)
    ok = TaskGraph.from_dart({"tasks": [{"task": "a", "instruction_function": {
        "name": "Excavation", "robot_ids": ["robot_excavator_01"], "dependencies": [], "object_keywords": []}}]})
    assert allow.violations(ok.subtasks) == []
    bad = TaskGraph.from_dart({"tasks": [{"task": "a b", "instruction_function": {
        "name": "exec", "robot_ids": ["robot_x"], "robot_type": ["tank"], "robot_count": [1],
        "dependencies": [], "object_keywords": ["lava"], "params": {"x": 1}}}]})
    assert len(allow.violations(bad.subtasks)) == 6
