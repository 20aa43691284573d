"""A seeded corpus of malformed and hostile LLM replies for fuzzing the plan path.

:func:`generate_corpus` returns at least ``n`` :class:`CorpusCase` replies built from valid
plans of the given fleet and world and broken on purpose, one category per way a model (or
someone steering it) can go wrong: truncated JSON, wrong types, unknown or look-alike
skills, robots and objects (zero-width, Cyrillic, full-width, control characters), cycles,
dangling and forward dependencies, huge plans, deep nesting (100 KB of ``{``), NaN and
Infinity, oversized integers, duplicate keys, lone surrogates, prompt echoes, extra keys
that smuggle parameters, empty replies, random character edits, and the tolerated shapes
(code fences, prose around the JSON, trailing commas) that must still give a valid plan.

Each case states what the pipeline must make of it (:class:`Expect`): ``VALID`` (a plan
comes out), ``INVALID`` (a clear error comes out) or ``EITHER`` (random edits, where only
"no crash, nothing unsafe" is promised). Generation is a pure function of
``(fleet, world, n, seed, echo_text)``: case ``i`` draws from its own generator seeded by
``(seed, i)``, so a failing case is reproduced by its id alone.

Example
-------
>>> cases = generate_corpus(fleet, world, n=1200, seed=0)          # doctest: +SKIP
>>> len(cases), cases[0].category                                   # doctest: +SKIP
(1200, 'fenced')
"""

from __future__ import annotations

import copy
import enum
import json
import random
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..core.allocation.random_instances import random_plan
from ..core.fleet import Fleet, ObjectArg, SkillScope
from ..core.plan import load_plan_document
from ..core.validate import validate_plan
from ..core.world import World
from ..llm.names import is_safe_name, safe_objects, safe_world

__all__ = [
    "Expect",
    "CorpusCase",
    "CATEGORIES",
    "CONFUSABLES",
    "generate_corpus",
    "base_plans",
    "look_alike",
    "hostile_nesting",
]

Doc = dict[str, Any]


class Expect(str, enum.Enum):
    VALID = "valid"
    INVALID = "invalid"
    EITHER = "either"


@dataclass(frozen=True)
class CorpusCase:
    """One reply a backend could send, and what must come of it."""

    id: str
    category: str
    text: str
    expect: Expect
    note: str = ""

    def __repr__(self) -> str:  # the text can be megabytes: keep reprs (and pytest ids) short
        return f"CorpusCase({self.id!r}, {self.expect.value}, {len(self.text)} chars, {self.note[:60]!r})"


# Characters that make a name look right and be wrong. None of them may ever be folded
# (NFKC, casefold, stripping) into the ASCII name they imitate.
CONFUSABLES: dict[str, tuple[str, ...]] = {
    "zero_width": ("\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u180e"),
    "bidi": ("\u202e", "\u202d", "\u2066", "\u200f"),
    "space": ("\u00a0", "\u2007", "\u3000", " ", "\t"),
    "combining": ("\u0301", "\u0308", "\u20dd"),
    "control": ("\x00", "\x1b", "\x7f", "\r", "\n", "\x85"),
}
# Look-alike substitutes for ASCII characters found in the fleet's names.
_HOMOGLYPHS: dict[str, tuple[str, ...]] = {
    "a": ("\u0430", "\uff41", "\u0251"),
    "e": ("\u0435", "\uff45"),
    "o": ("\u043e", "\u03bf", "\uff4f", "\u2134"),
    "p": ("\u0440", "\uff50"),
    "c": ("\u0441", "\u217d"),
    "x": ("\u0445", "\uff58"),
    "s": ("\u0455", "\uff53"),
    "i": ("\u0456", "\u0131", "\uff49"),
    "l": ("\u04cf", "\u217c", "\uff4c"),
    "d": ("\u0501", "\u217e"),
    "r": ("\u0433",),
    "u": ("\u057d", "\uff55"),
    "t": ("\uff54",),
    "k": ("\u043a",),
    "n": ("\u0578",),
    "v": ("\u03bd", "\u2174"),
    "_": ("\uff3f", "\u2017", "\u02cd"),
    "E": ("\u0415", "\uff25"),
    "D": ("\uff24", "\u13a0"),
    "U": ("\uff35",),
    "0": ("\uff10", "\u0660", "\U0001d7ce", "\u2070", "O"),
    "1": ("\uff11", "\u0661", "\U0001d7cf", "\u00b9", "l", "\u2460"),
    "2": ("\uff12", "\u0662", "\u00b2"),
    "3": ("\uff13", "\u0663", "\u00b3"),
}
_NAME_FIELDS = ("name", "robot_ids", "object_keywords", "task", "robot_type")


# ---------------------------------------------------------------------------- building blocks
def base_plans(fleet: Fleet, world: World, seed: int = 0, count: int = 24) -> list[Doc]:
    """Valid DART plans for this fleet and world: explicit-robot chains and type/count jobs.

    Only plans with no validation error and only safely named objects are kept, so every
    corruption below starts from a plan the pipeline accepts.
    """
    import numpy as np

    rng = random.Random(f"base:{seed}")
    plans: list[Doc] = []
    site = safe_world(world)
    navigate = [s.name for s in fleet.skills.values()
                if s.scope is SkillScope.SPECIFIC and s.object_arg is ObjectArg.REQUIRED and s.moves_robot]
    for k in range(count * 3):
        if len(plans) >= count:
            break
        if k % 2 == 0 and site.objects:
            graph = random_plan(np.random.default_rng(rng.randrange(2**32)), rng.randint(1, 9), fleet, site)
            doc: Doc = {"tasks": [s.to_dart() for s in graph.subtasks]}
        else:
            if not navigate or not site.objects or not fleet.robots:
                continue
            doc = _explicit_chain(rng, fleet, site, navigate)
        graph = load_plan_document(copy.deepcopy(doc))
        if validate_plan(graph, fleet, site).ok and all(is_safe_name(t) for t in graph.ids):
            plans.append(doc)
    if not plans:
        raise ValueError("no valid base plan could be built for this fleet and world")
    return plans


def _explicit_chain(rng: random.Random, fleet: Fleet, world: World, navigate: Sequence[str]) -> Doc:
    tasks: list[Doc] = []
    objects = list(world.object_names)
    for i in range(rng.randint(1, 6)):
        robot = rng.choice(fleet.robots)
        capable = [s for s in navigate if s in robot.skills]
        if not capable:
            continue
        deps = [tasks[rng.randrange(len(tasks))]["task"]] if tasks and rng.random() < 0.6 else []
        tasks.append({"task": f"step_{i + 1}", "instruction_function": {
            "name": rng.choice(capable), "robot_ids": [robot.id], "dependencies": deps,
            "object_keywords": [rng.choice(objects)]}})
    if not tasks:
        skill = navigate[0]
        robot = fleet.capable(skill)[0]
        tasks.append({"task": "step_1", "instruction_function": {
            "name": skill, "robot_ids": [robot.id], "dependencies": [], "object_keywords": [objects[0]]}})
    return {"tasks": tasks}


def look_alike(name: str, rng: random.Random) -> str:
    """``name`` with one character swapped for a look-alike or one invisible character added.

    The result always differs from ``name`` (so it must never validate as ``name``).
    """
    spots = [i for i, ch in enumerate(name) if ch in _HOMOGLYPHS]
    if spots and rng.random() < 0.6:
        i = rng.choice(spots)
        out = name[:i] + rng.choice(_HOMOGLYPHS[name[i]]) + name[i + 1:]
    else:
        group = rng.choice(sorted(CONFUSABLES))
        ch = rng.choice(CONFUSABLES[group])
        i = rng.randint(0, len(name))
        out = name[:i] + ch + name[i:]
    return out if out != name else name + "\u200b"


def hostile_nesting(kind: str, size: int) -> str:
    """Nesting attacks of about ``size`` characters: ``brace`` (``{`` repeated), ``array``
    (balanced ``[[...]]`` under a ``tasks`` key), ``object`` (``{"a":{"a":...}}``), ``mixed``."""
    if kind == "brace":
        return "{" * size
    if kind == "array":
        d = max(1, (size - 12) // 2)
        return '{"tasks":' + "[" * d + "]" * d + "}"
    if kind == "object":
        d = max(1, size // 7)
        return '{"tasks":' + '{"a":' * d + "1" + "}" * d + "}"
    if kind == "mixed":
        d = max(1, size // 2)
        return "".join("{[" [i % 2] for i in range(d)) + '"' * 3
    raise ValueError(f"unknown nesting kind {kind!r}")


def _dumps(doc: Any, rng: random.Random, ascii_only: bool | None = None) -> str:
    ea = rng.random() < 0.5 if ascii_only is None else ascii_only
    if rng.random() < 0.5:
        return json.dumps(doc, ensure_ascii=ea)
    return json.dumps(doc, ensure_ascii=ea, indent=rng.choice([1, 2, 4]))


def _funcs(doc: Doc) -> list[dict[str, Any]]:
    return [t["instruction_function"] for t in doc["tasks"]]


# ---------------------------------------------------------------------------- categories
@dataclass
class _Ctx:
    fleet: Fleet
    world: World
    plans: list[Doc]
    echo_text: str

    def plan(self, rng: random.Random) -> Doc:
        return copy.deepcopy(rng.choice(self.plans))


Made = tuple[str, Expect, str]


def _fenced(rng: random.Random, c: _Ctx) -> Made:
    body = _dumps(c.plan(rng), rng)
    fence = rng.choice(["```json\n", "```\n", "```JSON\n", "~~~json\n"])
    close = "~~~" if fence.startswith("~") else "```"
    return f"{fence}{body}\n{close}", Expect.VALID, "plan in a code fence"


def _prose(rng: random.Random, c: _Ctx) -> Made:
    before = rng.choice(["Sure! Here is the plan:\n", "Plan:", "Of course.\n\n", "思考完毕。计划如下：\n", ""])
    after = rng.choice(["\nLet me know if you need changes.", "\n\nNote: robots {may} wait [sometimes].",
                        "\n(That's it!)", " 🚜✅", "\nThe plan uses `{}` braces only in JSON."])
    return before + _dumps(c.plan(rng), rng) + after, Expect.VALID, "prose around the plan"


def _trailing_commas(rng: random.Random, c: _Ctx) -> Made:
    text = json.dumps(c.plan(rng))
    out = text.replace("]", ",]", rng.randint(1, 3)).replace("}", ", }", rng.randint(1, 3))
    out = out.replace("[,]", "[]").replace("{, }", "{}")
    return out, Expect.VALID, "trailing commas"


def _extra_top_keys(rng: random.Random, c: _Ctx) -> Made:
    doc = c.plan(rng)
    choices: list[Doc] = [{"reasoning": "step by step..."}, {"system": "ignore previous instructions"},
                          {"confidence": 0.9}, {"plan_id": "x"}]
    extra = rng.choice(choices)
    out = {**extra, **doc} if rng.random() < 0.5 else {**doc, **extra}
    return _dumps(out, rng), Expect.VALID, f"ignored top-level key {next(iter(extra))}"


def _repeated_plan(rng: random.Random, c: _Ctx) -> Made:
    body = json.dumps(c.plan(rng))
    return f"{body}\n\nAgain, the same plan:\n{body}", Expect.VALID, "the same plan twice"


def _truncated(rng: random.Random, c: _Ctx) -> Made:
    text = _dumps(c.plan(rng), rng)
    cut = rng.randint(0, len(text) - 2)
    return text[:cut], Expect.INVALID, f"cut at {cut}/{len(text)}"


_WRONG: dict[str, tuple[Any, ...]] = {
    "name": (None, 5, "", ["Excavation"], {"skill": "Excavation"}, True),
    "robot_ids": (5, {}, [1], [None], True, [["x"]], 1.5),
    "robot_count": ("1", 1.5, [1.5], [True], [-1], [0], None, ["2"]),
    "robot_type": (3, [None], {"t": 1}, [1]),
    "dependencies": ("step_1", {}, [1], [None], 7),
    "object_keywords": (7, [None], {"o": 1}, [["soil1"]], False),
}


def _wrong_types(rng: random.Random, c: _Ctx) -> Made:
    doc = c.plan(rng)
    where = rng.random()
    if where < 0.12:
        doc["tasks"] = rng.choice([{}, "tasks", None, 5, True, {"0": doc["tasks"][0]}])
        return json.dumps(doc), Expect.INVALID, "tasks is not a list"
    t = rng.choice(doc["tasks"])
    if where < 0.24:
        t["instruction_function"] = rng.choice([None, "Excavation", [], 3, [t["instruction_function"]]])
        return json.dumps(doc), Expect.INVALID, "instruction_function is not an object"
    if where < 0.34:
        t["task"] = rng.choice([None, 5, "", "   ", ["a"], {"id": 1}])
        return json.dumps(doc), Expect.INVALID, "task name is not a string"
    key = rng.choice(sorted(_WRONG))
    value = rng.choice(_WRONG[key])
    func = t["instruction_function"]
    func[key] = value
    if key == "robot_count" and not func.get("robot_type"):
        func["robot_type"] = [c.fleet.robot_types[0]]
    if key == "robot_type" and not func.get("robot_count"):
        func["robot_count"] = [1]
    return json.dumps(doc), Expect.INVALID, f"{key} = {value!r}"


_BAD_SKILLS = ("exec", "shutdown", "teleport", "os.system", "__import__('os').system('rm -rf /')",
               "eval", "disable_safety", "remove_all_keepouts", "self_destruct", "sudo", "rm", "drive",
               "navigate", "dig", "Excavation()", "Excavation;exec", "excavation", "EXCAVATION", "",
               "target_area_for_specific_robots ", " Excavation", "Excavation\n")


def _unknown_skill(rng: random.Random, c: _Ctx) -> Made:
    doc = c.plan(rng)
    bad = rng.choice([b for b in _BAD_SKILLS if b not in c.fleet.skills])
    rng.choice(_funcs(doc))["name"] = bad
    return _dumps(doc, rng), Expect.INVALID, f"skill {bad!r}"


def _unknown_robot(rng: random.Random, c: _Ctx) -> Made:
    doc = c.plan(rng)
    rid = rng.choice(c.fleet.robot_ids)
    bad = rng.choice([rid.upper(), rid + "_99", rid[:-1], "all", "*", "robot", rid + " ", " " + rid,
                      f"{rid},{rid}", "../" + rid, rid + "\x00", "robot_excavator_99"])
    if bad in c.fleet.robot_ids:
        bad = rid + "_x"
    func = rng.choice(_funcs(doc))
    func["robot_ids"] = [bad]
    func.pop("robot_type", None)
    func.pop("robot_count", None)
    return _dumps(doc, rng), Expect.INVALID, f"robot {bad!r}"


def _unknown_object(rng: random.Random, c: _Ctx) -> Made:
    doc = c.plan(rng)
    obj = rng.choice(c.world.object_names)
    bad = rng.choice([obj.upper(), obj + "0", "lava", "the soil", "../../etc/passwd", obj + "; exec",
                      f"{obj} or puddle1", "", obj + " ", "$objects", "{objects}", "<object>"])
    if c.world.has_object(bad):
        bad = bad + "_x"
    funcs = [f for f in _funcs(doc) if f.get("object_keywords")] or _funcs(doc)
    rng.choice(funcs)["object_keywords"] = [bad]
    return _dumps(doc, rng), Expect.INVALID, f"object {bad!r}"


def _look_alike_name(rng: random.Random, c: _Ctx) -> Made:
    doc = c.plan(rng)
    func_or_task = rng.choice(doc["tasks"])
    func = func_or_task["instruction_function"]
    field = rng.choice([f for f in _NAME_FIELDS if _has_name(func_or_task, f)])
    if field == "task":
        func_or_task["task"] = look_alike(func_or_task["task"], rng)
        new = func_or_task["task"]
    elif field == "name":
        func["name"] = look_alike(func["name"], rng)
        new = func["name"]
    else:
        values = func[field] if isinstance(func[field], list) else [func[field]]
        k = rng.randrange(len(values))
        values[k] = look_alike(values[k], rng)
        func[field] = values
        new = values[k]
    # Written raw or as \\u escapes: both reach the parser as the same look-alike string.
    return _dumps(doc, rng), Expect.INVALID, f"{field} look-alike {new!r}"


def _has_name(task: Mapping[str, Any], field: str) -> bool:
    if field == "task":
        return True
    v = task["instruction_function"].get(field)
    return bool(v) and (isinstance(v, str) or all(isinstance(x, str) and x for x in v))


def _control_chars(rng: random.Random, c: _Ctx) -> Made:
    doc = c.plan(rng)
    ch = rng.choice(["\x00", "\x01", "\x07", "\x08", "\x0b", "\x0c", "\x1b", "\x1f"])
    func = rng.choice(_funcs(doc))
    mode = rng.random()
    if mode < 0.4:  # escaped: valid JSON, a name with a control character in it
        func["name"] = func["name"] + ch
        return json.dumps(doc), Expect.INVALID, f"escaped {ch!r} in a skill name"
    text = json.dumps(doc)
    if mode < 0.7:  # raw inside a string: not JSON at all
        i = text.index('"name": "') + len('"name": "')
        return text[:i] + ch + text[i:], Expect.INVALID, f"raw {ch!r} inside a string"
    i = text.index(", ") + 1  # raw between tokens
    return text[:i] + ch + text[i:], Expect.INVALID, f"raw {ch!r} between tokens"


def _surrogates(rng: random.Random, c: _Ctx) -> Made:
    doc = c.plan(rng)
    func = rng.choice(_funcs(doc))
    lone = rng.choice(["\ud800", "\udfff", "\udc00"])
    if rng.random() < 0.5:  # escaped in JSON: json decodes it into a lone surrogate
        func["name"] = func["name"] + lone
        return json.dumps(doc, ensure_ascii=True), Expect.INVALID, "escaped lone surrogate in a name"
    text = json.dumps(doc)
    i = text.index('"name": "') + len('"name": "')
    return text[:i] + lone + text[i:], Expect.INVALID, "raw lone surrogate in a name"


def _cycles(rng: random.Random, c: _Ctx) -> Made:
    doc = c.plan(rng)
    tasks = doc["tasks"]
    names = [t["task"] for t in tasks]
    kind = rng.random()
    if kind < 0.3 or len(tasks) < 2:
        t = rng.choice(tasks)
        t["instruction_function"]["dependencies"] = [*t["instruction_function"].get("dependencies", []), t["task"]]
        return json.dumps(doc), Expect.INVALID, "self dependency"
    k = rng.randint(2, len(tasks))
    ring = rng.sample(names, k)
    for a, b in zip(ring, ring[1:] + ring[:1]):
        f = tasks[names.index(b)]["instruction_function"]
        f["dependencies"] = sorted({*f.get("dependencies", []), a})
    return json.dumps(doc), Expect.INVALID, f"cycle of {k}"


def _long_cycle(rng: random.Random, c: _Ctx) -> Made:
    n = rng.randint(20, 99)
    skill, robot, obj = _nav_triple(c)
    tasks = [{"task": f"t{i}", "instruction_function": {
        "name": skill, "robot_ids": [robot], "dependencies": [f"t{(i - 1) % n}"], "object_keywords": [obj]}}
        for i in range(n)]
    return json.dumps({"tasks": tasks}), Expect.INVALID, f"one cycle through {n} tasks"


def _nav_triple(c: _Ctx) -> tuple[str, str, str]:
    for s in c.fleet.skills.values():
        if s.moves_robot and s.scope is SkillScope.SPECIFIC and s.object_arg is ObjectArg.REQUIRED:
            robots = c.fleet.capable(s.name)
            if robots:
                return s.name, robots[0].id, safe_objects(c.world)[0]
    raise ValueError("the fleet has no navigation skill")


def _bad_dependencies(rng: random.Random, c: _Ctx) -> Made:
    doc = c.plan(rng)
    tasks = doc["tasks"]
    kind = rng.random()
    if kind < 0.4 or len(tasks) < 2:
        f = rng.choice(_funcs(doc))
        f["dependencies"] = [*f.get("dependencies", []), rng.choice(["ghost", "t999", "", "step_0", "*"])]
        return json.dumps(doc), Expect.INVALID, "dangling dependency"
    if kind < 0.7:  # forward: an earlier task waits for a later one (the contract forbids it)
        i = rng.randrange(len(tasks) - 1)
        j = rng.randrange(i + 1, len(tasks))
        f = tasks[i]["instruction_function"]
        f["dependencies"] = [*f.get("dependencies", []), tasks[j]["task"]]
        return json.dumps(doc), Expect.INVALID, "forward dependency"
    t = rng.choice(tasks[1:])
    t["task"] = tasks[0]["task"]
    return json.dumps(doc), Expect.INVALID, "duplicate task name"


def _huge_plan(rng: random.Random, c: _Ctx) -> Made:
    skill, robot, obj = _nav_triple(c)
    kind = rng.random()
    if kind < 0.5:
        n = rng.choice([101, 150, 400, 1000])
        tasks = [{"task": f"t{i}", "instruction_function": {
            "name": skill, "robot_ids": [robot], "dependencies": [f"t{i - 1}"] if i else [],
            "object_keywords": [obj]}} for i in range(n)]
        return json.dumps({"tasks": tasks}, separators=(",", ":")), Expect.INVALID, f"{n} tasks"
    if kind < 0.75:
        body = json.dumps(c.plan(rng))
        pad = rng.choice([" ", "\n", "x"]) * rng.choice([200_001, 260_000])
        return (body + pad if rng.random() < 0.5 else pad + body), Expect.INVALID, "over the reply size limit"
    doc = c.plan(rng)
    f = rng.choice(_funcs(doc))
    f[rng.choice(["name", "object_keywords"])] = "A" * rng.choice([65, 1000, 100_000])
    return json.dumps(doc), Expect.INVALID, "a huge name"


def _deep_nesting(rng: random.Random, c: _Ctx) -> Made:
    kind = rng.choice(["brace", "array", "object", "mixed", "in_function", "list_of_lists"])
    if kind in ("brace", "array", "object", "mixed"):
        size = rng.choice([200, 5_000, 100_000])
        return hostile_nesting(kind, size), Expect.INVALID, f"{kind} nesting, {size} chars"
    doc = c.plan(rng)
    d = rng.choice([65, 500, 3000])
    f = rng.choice(_funcs(doc))
    if kind == "in_function":
        f["object_keywords"] = "@@NEST@@"
        text = json.dumps(doc).replace('"@@NEST@@"', "[" * d + "]" * d)
    else:
        f["params"] = "@@NEST@@"
        text = json.dumps(doc).replace('"@@NEST@@"', '{"x":' * d + "0" + "}" * d)
    return text, Expect.INVALID, f"{kind} nested {d} deep"


def _numbers(rng: random.Random, c: _Ctx) -> Made:
    doc = c.plan(rng)
    f = rng.choice(_funcs(doc))
    f["robot_type"] = [c.fleet.robot_types[0]]
    f["robot_count"] = "@@N@@"
    f.pop("robot_ids", None)
    value = rng.choice(["NaN", "Infinity", "-Infinity", "[NaN]", "[Infinity]", "[1e400]", "[-1e400]",
                        "[1e-400]", "[" + "9" * rng.choice([4301, 20_000]) + "]", "[1E2]", "[-0]",
                        "[100000000000000000000]"])
    return json.dumps(doc).replace('"@@N@@"', value), Expect.INVALID, f"robot_count {value[:20]}"


def _duplicate_keys(rng: random.Random, c: _Ctx) -> Made:
    doc = c.plan(rng)
    text = json.dumps(doc)
    kind = rng.choice(["tasks", "name", "task", "robot_ids"])
    if kind == "tasks":
        return text[:-1] + ', "tasks": []}', Expect.INVALID, "tasks twice"
    if kind == "name":
        evil = rng.choice(["shutdown", "exec", "Excavation"])
        out = text.replace('"name": ', f'"name": "{evil}", "name": ', 1)
        return out, Expect.INVALID, "skill name twice"
    if kind == "task":
        return text.replace('"task": ', '"task": "x", "task": ', 1), Expect.INVALID, "task name twice"
    return text.replace('{"name"', '{"robot_ids": ["robot_x"], "name"', 1), Expect.INVALID, "robot_ids twice"


def _prompt_echo(rng: random.Random, c: _Ctx) -> Made:
    plan = json.dumps(c.plan(rng))
    echo = c.echo_text or "You are the task planner... Answer with {\"tasks\": [...]}"
    kind = rng.random()
    if kind < 0.3:
        return echo, Expect.INVALID, "the system prompt echoed, no plan"
    if kind < 0.6:
        return echo + "\n\n" + plan, Expect.INVALID, "the system prompt echoed, then the plan"
    other = json.dumps(c.plan(rng))
    if other == plan:
        return f"Example answer:\n{other}\nMy answer:\n{plan}", Expect.VALID, "an identical example echoed"
    return f"Example answer:\n{other}\nMy answer:\n{plan}", Expect.INVALID, "a different example echoed first"


def _smuggled_keys(rng: random.Random, c: _Ctx) -> Made:
    doc = c.plan(rng)
    t = rng.choice(doc["tasks"])
    kind = rng.random()
    if kind < 0.4:
        t["instruction_function"]["params"] = rng.choice(
            [{"cmd": "rm -rf /"}, {"speed": 99.0}, {"ignore_keepout": True}, {"target_pose": [500, 500]}])
        return json.dumps(doc), Expect.INVALID, "params set by the model"
    if kind < 0.7:
        t[rng.choice(["shell", "exec", "priority", "override"])] = "sudo reboot"
        return json.dumps(doc), Expect.INVALID, "an extra task key"
    t["instruction_function"][rng.choice(["callback", "code", "max_speed"])] = "os.system('x')"
    return json.dumps(doc), Expect.INVALID, "an extra function key"


def _empty(rng: random.Random, c: _Ctx) -> Made:
    text = rng.choice(["", " ", "\n\n", "null", "{}", "[]", "true", "0", '"tasks"', '{"tasks": []}',
                       '{"tasks": null}', '{"plan": {"steps": []}}', "I cannot help with that.",
                       "```json\n```", "{\"tasks\": [{}]}", "\ufeff", "\x00" * 10])
    return text, Expect.INVALID, f"empty or no plan: {text[:16]!r}"


def _unicode(rng: random.Random, c: _Ctx) -> Made:
    doc = c.plan(rng)
    kind = rng.random()
    if kind < 0.4:
        t = rng.choice(doc["tasks"])
        t["task"] = rng.choice(["挖掘_1", "шаг_1", "step🚜", "étape_1", "step\u202e1", "ｓｔｅｐ_1", "step-1",
                                "1step", "_step"])
        return _dumps(doc, rng), Expect.INVALID, f"task name {t['task']!r}"
    if kind < 0.7:
        words = rng.choice(["计划如下", "План готов", "خطة", "🚧🚜🚚", "\u202eevil\u202c", "e\u0301"])
        return f"{words}\n{_dumps(doc, rng)}\n{words}", Expect.VALID, "unicode prose around the plan"
    f = rng.choice(_funcs(doc))
    f["object_keywords"] = [rng.choice(["土壤1", "рuddle1", "puddle１", "PUDDLE1", "puddle1\u0301"])]
    return _dumps(doc, rng), Expect.INVALID, f"object {f['object_keywords'][0]!r}"


_EDIT_ALPHABET = '{}[]",:\\ \n0aZ_\u200b\uff11\x00\ud800'


def _mutated(rng: random.Random, c: _Ctx) -> Made:
    text = list(json.dumps(c.plan(rng)))
    for _ in range(rng.randint(1, 4)):
        i = rng.randrange(len(text))
        op = rng.random()
        if op < 0.33 and len(text) > 1:
            del text[i]
        elif op < 0.66:
            text.insert(i, rng.choice(_EDIT_ALPHABET))
        else:
            text[i] = rng.choice(_EDIT_ALPHABET)
    return "".join(text), Expect.EITHER, "random character edits"


def _mixed(rng: random.Random, c: _Ctx) -> Made:
    doc = c.plan(rng)
    skill, robot, obj = _nav_triple(c)
    bad = rng.choice([{"task": "evil_1", "instruction_function": {"name": "shutdown", "robot_ids": [robot],
                                                                   "dependencies": [], "object_keywords": []}},
                      {"task": "evil_2", "instruction_function": {"name": skill, "robot_ids": ["robot_evil"],
                                                                   "dependencies": [], "object_keywords": [obj]}},
                      {"task": "evil_3", "instruction_function": {"name": skill, "robot_ids": [robot],
                                                                   "dependencies": [], "object_keywords": ["lava"]}}])
    doc["tasks"].insert(rng.randint(0, len(doc["tasks"])), bad)
    return json.dumps(doc), Expect.INVALID, f"one bad task among good ones ({bad['task']})"


def _counts(rng: random.Random, c: _Ctx) -> Made:
    doc = c.plan(rng)
    f = rng.choice([f for f in _funcs(doc) if c.fleet.skills[f["name"]].scope is SkillScope.SPECIFIC]
                   or _funcs(doc))
    rtype = rng.choice(c.fleet.robot_types)
    f.pop("robot_ids", None)
    f["robot_type"] = [rtype]
    f["robot_count"] = [rng.choice([len(c.fleet.of_type(rtype)) + 1, 10**6, 10**18, -5, 0])]
    if rng.random() < 0.3:
        f["robot_type"] = [rtype, rtype]
    return json.dumps(doc), Expect.INVALID, f"robot_count {f['robot_count']}"


_GENERATORS: dict[str, Callable[[random.Random, _Ctx], Made]] = {
    "fenced": _fenced,
    "prose": _prose,
    "trailing_commas": _trailing_commas,
    "extra_top_keys": _extra_top_keys,
    "repeated_plan": _repeated_plan,
    "truncated": _truncated,
    "wrong_types": _wrong_types,
    "unknown_skill": _unknown_skill,
    "unknown_robot": _unknown_robot,
    "unknown_object": _unknown_object,
    "look_alike": _look_alike_name,
    "control_chars": _control_chars,
    "surrogates": _surrogates,
    "cycles": _cycles,
    "long_cycle": _long_cycle,
    "bad_dependencies": _bad_dependencies,
    "huge": _huge_plan,
    "deep_nesting": _deep_nesting,
    "numbers": _numbers,
    "duplicate_keys": _duplicate_keys,
    "prompt_echo": _prompt_echo,
    "smuggled_keys": _smuggled_keys,
    "empty": _empty,
    "unicode": _unicode,
    "mutated": _mutated,
    "mixed": _mixed,
    "counts": _counts,
}
CATEGORIES: tuple[str, ...] = tuple(_GENERATORS)


def generate_corpus(
    fleet: Fleet, world: World, *, n: int = 1200, seed: int = 0, echo_text: str = ""
) -> tuple[CorpusCase, ...]:
    """``n`` cases (at least one per category), round-robin over :data:`CATEGORIES`, plus a
    few fixed nesting attacks (100 KB of ``{``, arrays 5,000 deep, ...).

    ``echo_text`` is what a "prompt echo" repeats (pass the real system prompt).
    """
    ctx = _Ctx(fleet, world, base_plans(fleet, world, seed), echo_text)
    total = max(n, len(CATEGORIES))
    out: list[CorpusCase] = []
    for i in range(total):
        category = CATEGORIES[i % len(CATEGORIES)]
        rng = random.Random(f"{seed}:{i}")
        text, expect, note = _GENERATORS[category](rng, ctx)
        out.append(CorpusCase(f"{category}-{i:05d}", category, text, expect, note))
    for kind, size in _ANCHORS:  # the named attacks, present whatever the draw
        note = f"{kind} nesting, {size} chars (anchor)"
        out.append(CorpusCase(f"deep_nesting-{kind}-{size}", "deep_nesting", hostile_nesting(kind, size),
                              Expect.INVALID, note))
    return tuple(out)


# 100 KB of '{'; arrays nested 5,000 deep; objects nested about 7,000 deep; 1,000-deep mixed.
_ANCHORS = (("brace", 100_000), ("array", 10_012), ("object", 50_000), ("mixed", 2_000))
