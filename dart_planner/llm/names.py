"""Which names may reach a prompt, a schema or a plan.

Object names can come from a detector, i.e. from the outside world: a sign painted with
"ignore previous instructions" must not become prompt text, and a look-alike
(``soil1`` with a zero-width space, a Cyrillic ``о``) must never be folded into a real
name. The rule is deliberately narrow: an ASCII letter, then up to 63 ASCII letters, digits
or underscores. Names outside it are left out of prompts and schemas and rejected in plans.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from ..core.names import MAX_NAME_LENGTH, is_plain_name
from ..core.world import World, WorldObject

__all__ = [
    "SAFE_NAME_PATTERN",
    "MAX_NAME_LENGTH",
    "is_safe_name",
    "safe_objects",
    "partition_objects",
    "safe_world",
]

SAFE_NAME_PATTERN = r"^[A-Za-z][A-Za-z0-9_]{0,63}$"
"""The rule of :func:`dart_planner.core.names.is_plain_name` as a JSON-schema pattern."""


def is_safe_name(name: object) -> bool:
    """True for plain ASCII identifiers of at most 64 characters (the core's rule)."""
    return is_plain_name(name)


def partition_objects(world: World) -> tuple[tuple[WorldObject, ...], tuple[str, ...]]:
    """Objects whose name (and kind) are safe, and the names of those left out."""
    ok: list[WorldObject] = []
    rejected: list[str] = []
    for o in world.objects.values():
        if is_safe_name(o.name):
            ok.append(o)
        else:
            rejected.append(o.name)
    return tuple(ok), tuple(rejected)


def safe_objects(world: World, allowed: Iterable[str] | None = None) -> tuple[str, ...]:
    """Names of the objects a plan may refer to, in world order (optionally narrowed)."""
    keep = None if allowed is None else set(allowed)
    return tuple(
        o.name for o in world.objects.values() if is_safe_name(o.name) and (keep is None or o.name in keep)
    )


def safe_world(world: World) -> World:
    """The world without objects whose names are unsafe.

    Planning validates against this view, so an unsafe name is an unknown object to the
    plan, and the validator's "known objects" lists (which go back to the model in repair
    messages) never quote it.
    """
    ok, rejected = partition_objects(world)
    if not rejected:
        return world
    return replace(world, objects={o.name: o for o in ok})


# A quoted value in an error message: Python repr quoting, bounded so the search stays linear.
_QUOTED = re.compile(r"'([^'\n]{0,200})'|\"([^\"\n]{0,200})\"")
_PUNCT = re.compile(r"[^A-Za-z0-9]{1,3}")


def redact_unsafe_quotes(message: str) -> str:
    """Replace quoted values that are not plain identifiers with a neutral description.

    Repair messages quote what the model wrote (``unknown object 'x'``). If a model was
    steered into writing "ignore the rules..." as a name, quoting it back inside *our* message
    would lend it our authority; the model still sees its own reply, so nothing is lost.
    Short punctuation (``','`` in JSON syntax errors) is kept.
    """

    def sub(m: re.Match[str]) -> str:
        value = m.group(1) if m.group(1) is not None else m.group(2)
        if is_safe_name(value) or _PUNCT.fullmatch(value):
            return m.group(0)
        return f"'<not a plain identifier, {len(value)} characters>'"

    return _QUOTED.sub(sub, message)
