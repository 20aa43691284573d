"""A clause of time said between a robot and its verb with no commas: "Truck 1 *after its check* drives to soil 2".

Set off by commas ("Truck 1, after its check, drives to soil 2") the clause of time is read as interrupting the subject
(segment.py: ``_interrupting_anchors``). Without them, the anchor took the rest of the sentence: the verb became the
anchor's, its robot a pronoun for the robot named last ("its" = truck 3, who then drove to soil 2), or the move was
dropped altogether ("Truck 1 after the digging drives to soil 1" planned nothing for truck 1). Non-native and terse
writers leave the commas out; here they are put back, so both spellings read alike.

Only an anchor right after a robot that opens its clause, with no verb of ours before the robot's own verb, is set
off: "truck 1 once it is done drives ..." ("it is done" is an event, no verb). An anchor that is the robot's own wait
("truck 2 *waits for* excavator 1 and goes to rock 1", the lexicon's ``wait_for_connectives``) is its predicate, not
an interruption.
"""

from __future__ import annotations

from collections.abc import Container, Sequence

from .segment import Item, ItemKind

__all__ = ["fold_anchored_subjects"]


def _opens_clause(items: Sequence[Item], k: int, joins: Container[str]) -> bool:
    """The robot at ``k`` starts the text, or follows punctuation, a connective or a word joining clauses
    (``joins``: "excavator 1 digs *and* truck 1 after the digging drives to soil 1")."""
    if k == 0 or items[k - 1].kind in (ItemKind.PUNCT, ItemKind.CONNECTIVE):
        return True
    return items[k - 1].kind is ItemKind.WORD and items[k - 1].text in joins


def _verb_after_anchor(items: Sequence[Item], k: int) -> int | None:
    """Where the robot's verb is, when the anchor at ``k`` runs up to it with no verb, mark of punctuation or other
    connective of its own and says something (at least one item); None otherwise."""
    for j in range(k + 1, len(items)):
        kind = items[j].kind
        if kind is ItemKind.VERB:
            return j if j > k + 1 else None
        if kind in (ItemKind.PUNCT, ItemKind.CONNECTIVE, ItemKind.UNKNOWN):
            return None
    return None


def _comma(at: int) -> Item:
    return Item(ItemKind.PUNCT, at, at, ",", ",")


def fold_anchored_subjects(items: Sequence[Item], waits: Container[str], joins: Container[str]) -> list[Item]:
    """Commas around each anchor said between a robot opening its clause (``joins``: words that may open one) and
    that robot's verb (module doc); not around the robot's own wait (``waits``: "waits for")."""
    out = list(items)
    k = 0
    while k + 1 < len(out):
        it, nxt = out[k], out[k + 1]
        if it.kind is ItemKind.ROBOT and it.payload.form != "pronoun" and _opens_clause(out, k, joins) \
                and nxt.kind is ItemKind.CONNECTIVE and nxt.payload == "anchor" and nxt.text not in waits:
            v = _verb_after_anchor(out, k + 1)
            if v is not None:
                out[k + 1:v] = [_comma(it.end), *out[k + 1:v], _comma(out[v].start)]
                k = v + 2
                continue
        k += 1
    return out
