"""A leading condition whose only robot is "it", said before the robots it is about: "As soon as it has been
loaded, truck 2 takes its soil to puddle 1, and truck 3 brings its soil back to base".

Read in order, "it" was the robot named last before the condition (often the last truck loaded), so every clause
after it waited for that one truck. The condition points forward: each clause that follows in the sentence and
names one robot of its own waits for that robot's own event, as if the condition were said after it ("truck 2
takes ... as soon as it has been loaded, and truck 3 brings ... as soon as it has been loaded"). Only a condition
with a verb (an event) and no other robot or object is moved; clauses without a robot of their own leave it as it
was. The same holds for a condition after a clause that only announces "each truck leaves as soon as it is loaded:"
when the next sentence names the trucks one by one.

"It" may as well point back: "Excavator 1 goes to soil 1. As soon as it arrives, truck 1 goes to soil 1 and truck 2
goes to soil 2" waits for excavator 1. So the condition is moved forward only when no robot was named before it, or
when every robot of the following clauses was named before (and so may have taken part in such an event, as in
"Excavator 1 loads truck 2 and then truck 3. As soon as it is loaded, truck 2 ..., and truck 3 ..."); otherwise
"it" keeps its backward reading. "The <type>" counts as named before when robots of its type were named by type and
the clause tells it by its place ("the truck *from soil 1*") or is one of several ("the truck from soil 1 ..., and the
truck from rock 2 ..."): it picks out one of them (L3_619). The last of several clauses may keep an "as soon as it
..." of its own after it; the leading condition then governs the clauses before it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from .segment import ItemKind, Segment, SegmentRole

__all__ = ["fold_forward_it_anchors"]

_PLACE_TELLERS = ("from", "at")


def _lone_it(seg: Segment) -> bool:
    robots = [it for it in seg.items if it.kind is ItemKind.ROBOT]
    return len(robots) == 1 and robots[0].payload.form == "pronoun" and robots[0].payload.pronoun == "it" \
        and seg.has(ItemKind.VERB) and not seg.has(ItemKind.OBJECT) and not seg.has(ItemKind.PLACE)


def _own_robot(seg: Segment) -> bool:
    """The clause opens (after joining words) with one robot named by number or by a singular description."""
    for it in seg.items:
        if it.kind is ItemKind.WORD:
            continue
        if it.kind is not ItemKind.ROBOT:
            return False
        d = it.payload
        return d.form == "ids" and len(d.ids) == 1 or (d.form == "type" and not d.plural and not d.count)
    return False


def _each_subject(seg: Segment) -> bool:
    """The clause opens (after joining words) with "each <type>"."""
    lead = next((it for it in seg.items if it.kind is not ItemKind.WORD), None)
    return lead is not None and lead.kind is ItemKind.ROBOT and lead.payload.form == "type" \
        and lead.payload.det == "each"


def _named_before(segs: Sequence[Segment]) -> tuple[bool, set[str], set[str]]:
    """Whether any robot was named (not by a pronoun) in ``segs``, the robots named there by number, and the types
    of those named by their type ("a dump truck")."""
    any_robot = False
    ids: set[str] = set()
    types: set[str] = set()
    for seg in segs:
        for it in seg.items:
            if it.kind is ItemKind.ROBOT and it.payload.form != "pronoun":
                any_robot = True
                if it.payload.form == "ids":
                    ids.update(it.payload.ids)
                if it.payload.rtype:
                    types.add(it.payload.rtype)
    return any_robot, ids, types


def _points_forward(before: Sequence[Segment], mains: Sequence[Segment]) -> bool:
    """"It" points at each following clause's robot only when no robot was named before it, or when each of those
    robots was named before too; otherwise it points back at the robot named before (see the module doc). With two
    clauses or more, "the <type>" in each ("the truck from soil 1 ..., and the truck from rock 2 ...") picks out robots
    named by their type before too, and so does "the <type>" told by its place ("the truck *from soil 1*") in a
    clause alone."""
    any_robot, ids, types = _named_before(before)
    if not any_robot:
        return True
    for m in mains:
        robot = next(it.payload for it in m.items if it.kind is ItemKind.ROBOT)
        picked = robot.form == "type" and robot.det == "the" and robot.rtype in types \
            and (len(mains) > 1 or _placed(m))
        if not picked and (robot.form != "ids" or not set(robot.ids) <= ids):
            return False
    return True


def _placed(seg: Segment) -> bool:
    """The clause's robot is told by the place it comes from or stands at ("the truck from soil 1 tips ...")."""
    k = next(n for n, it in enumerate(seg.items) if it.kind is ItemKind.ROBOT)
    rest = seg.items[k + 1:k + 3]
    return len(rest) == 2 and rest[0].kind is ItemKind.WORD and rest[0].text in _PLACE_TELLERS \
        and rest[1].kind is ItemKind.OBJECT


def _own_anchor_last(out: Sequence[Segment], j: int, mains: Sequence[Segment]) -> bool:
    """The last of several clauses has its own "as soon as it ..." after it, closing the sentence ("...; the truck
    from rock 2 tips at puddle 2 as soon as it is loaded"): the leading condition governs the clauses before it."""
    a = out[j]
    return len(mains) > 1 and a.role is SegmentRole.ANCHOR and a.sentence == mains[-1].sentence and _lone_it(a) \
        and (j + 1 == len(out) or out[j + 1].sentence != a.sentence)


def _announces_each(seg: Segment) -> bool:
    """"Each truck leaves": a clause of "each <type>" and no verb, place or object, that only announces what the
    clauses after it spell out."""
    robots = [it for it in seg.items if it.kind is ItemKind.ROBOT]
    return seg.role is SegmentRole.MAIN and len(robots) == 1 and robots[0].payload.form == "type" \
        and robots[0].payload.det == "each" and all(it.kind in (ItemKind.ROBOT, ItemKind.WORD) for it in seg.items)


def _spell_out(out: list[Segment], k: int) -> None:
    """"Each truck leaves as soon as it is loaded: truck 2 goes ..., truck 3 goes ...": the condition after the
    announcing clause at ``k - 1`` goes after each clause of the next sentence that names one robot of its own."""
    a = out[k]
    j = k + 1
    mains: list[Segment] = []
    while j < len(out) and out[j].sentence == a.sentence + 1 and out[j].role is SegmentRole.MAIN \
            and _own_robot(out[j]):
        mains.append(out[j])
        j += 1
    if len(mains) < 2:
        return
    rewritten: list[Segment] = []
    for m in mains:
        rewritten += [m, dataclasses.replace(a, post_anchor=True, sentence=m.sentence, sentence_start=False,
                                             after_punct=False, attached=list(a.attached))]
    if j < len(out) and out[j].sentence == mains[-1].sentence and out[j].connective is None \
            and not out[j].has(ItemKind.ROBOT) \
            and any(it.kind is ItemKind.MARK and it.payload == "each" for it in out[j].items):
        # "..., and each unloads there": each goes on from its own step, not from the last truck's condition
        out[j] = dataclasses.replace(out[j], connective="sequence", connective_text="then")
    out[k:j] = rewritten


def fold_forward_it_anchors(segs: Sequence[Segment]) -> list[Segment]:
    """Move a leading "as soon as it ..." condition after each clause it governs (see the module doc)."""
    out = list(segs)
    k = 0
    while k < len(out):
        a = out[k]
        if k > 0 and a.role is SegmentRole.ANCHOR and _lone_it(a) and out[k - 1].sentence == a.sentence \
                and _announces_each(out[k - 1]):
            _spell_out(out, k)
            k += 1
            continue
        if not (a.role is SegmentRole.ANCHOR and not a.post_anchor and not a.before and a.sentence_start
                and _lone_it(a)):
            k += 1
            continue
        if k + 1 < len(out) and out[k + 1].sentence == a.sentence and out[k + 1].role is SegmentRole.MAIN \
                and _each_subject(out[k + 1]):
            # "As soon as it is loaded, each truck hauls to obstacle 1": "it" is each truck, after its own loading
            # (the clauses after it in the sentence go on with each, as after "each truck ... as soon as it is loaded")
            out[k:k + 2] = [dataclasses.replace(out[k + 1], sentence_start=a.sentence_start),
                            dataclasses.replace(a, post_anchor=True, sentence_start=False, after_punct=False,
                                                attached=list(a.attached))]
            k += 2
            continue
        mains = []
        j = k + 1
        while j < len(out) and out[j].sentence == a.sentence and out[j].role is SegmentRole.MAIN:
            mains.append(out[j])
            j += 1
        own_last = j < len(out) and out[j].sentence == a.sentence and _own_anchor_last(out, j, mains)
        if not mains or (j < len(out) and out[j].sentence == a.sentence and not own_last) \
                or not all(_own_robot(m) for m in mains) or not _points_forward(out[:k], mains):
            k += 1
            continue
        governed = mains[:-1] if own_last else mains
        j = k + 1 + len(governed)
        rewritten: list[Segment] = []
        for n, m in enumerate(governed):
            rewritten.append(dataclasses.replace(m, sentence_start=a.sentence_start) if n == 0 else m)
            rewritten.append(dataclasses.replace(a, post_anchor=True, sentence_start=False, after_punct=False,
                                                 attached=list(a.attached)))
        out[k:j] = rewritten
        k += len(rewritten)
    return out
