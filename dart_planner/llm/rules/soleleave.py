"""A permission said of named robots alone: "*only* excavator 3 may enter rock 1", "excavator 3 is *the only one*
allowed near rock 1", "excavator 3 *alone* may go near rock 1".

With no keep-out said before, nothing holds excavator 3 out of rock 1: read as a lifting for it, the plan had a
lifting of a keep-out nobody put up (and excavator 3's move waited for it), while the others, whom the sentence
keeps out, were free to drive in. It says what "nobody but excavator 3 may enter rock 1" says, and is read so: the
robots are marked as left out of a negated fleet, which the interpreter reads as a keep-out for every other robot.

After a keep-out ("all robots avoid puddle 1 ... only truck 2 may enter puddle 1 again") the same words lift it for
those robots, and are left as they are.
"""

from __future__ import annotations

from collections.abc import Sequence

from .mentions import RobotDesc
from .segment import Item, ItemKind, filler_over

__all__ = ["fold_sole_permissions"]


def _named_run(items: Sequence[Item], k: int, joins: frozenset[str]) -> int | None:
    """The end of a run of robots named by number from ``k`` ("truck 1", "excavator 1 and truck 1")."""
    j = k
    while j < len(items) and items[j].kind is ItemKind.ROBOT and items[j].payload.form == "ids" \
            and not items[j].payload.negated:
        j += 1
        if j + 1 < len(items) and items[j].kind is ItemKind.WORD and items[j].text in joins \
                and items[j + 1].kind is ItemKind.ROBOT:
            j += 1
    return j if j > k and items[j - 1].kind is ItemKind.ROBOT else None


def _permits(items: Sequence[Item], k: int) -> bool:
    """A verb of permission at ``k`` ("may enter", "allowed", "permitted")."""
    return k < len(items) and items[k].kind is ItemKind.VERB and items[k].payload.target == "remove_keepout"


def _first_keepout(items: Sequence[Item]) -> float:
    """Where the first keep-out is said: a permission after it lifts it, for those robots only."""
    return min((it.start for it in items if (it.kind is ItemKind.VERB and it.payload.target == "add_keepout")
                or (it.kind is ItemKind.EVENT and it.payload.action == "add_keepout")
                or (it.kind is ItemKind.ROBOT and it.payload.negated)), default=float("inf"))


def _statement_end(items: Sequence[Item], k: int, copulas: frozenset[str], leads: frozenset[str],
                   nouns: frozenset[str]) -> int | None:
    """The end of "is the only one" / "are the only robots" at ``k``; None if it is not there."""
    words = [it.text.lower() if it.kind is ItemKind.WORD else "" for it in items[k:k + 4]]
    if len(words) == 4 and words[0] in copulas and words[1] == "the" and words[2] in leads and words[3] in nouns:
        return k + 4
    return None


def _opens(items: Sequence[Item], k: int) -> bool:
    """Item ``k`` opens its sentence, or a clause after punctuation or a connective ("then only truck 2 may ...");
    after a robot or "and" it is part of a list, not the permission's subject."""
    return k == 0 or items[k - 1].kind in (ItemKind.PUNCT, ItemKind.CONNECTIVE)


def fold_sole_permissions(items: Sequence[Item], leads: frozenset[str], after_words: frozenset[str],
                          copulas: frozenset[str], nouns: frozenset[str], joins: frozenset[str]) -> list[Item]:
    """Read each permission of named robots alone, with no keep-out before it, as "nobody but <robots> may ..."."""
    out = list(items)
    kept_from = _first_keepout(items)
    k = 0
    while k < len(out):
        it = out[k]
        before: Item | None = None  # "only" before the robots
        start = k
        if it.kind is ItemKind.WORD and it.text.lower() in leads and (_opens(out, k) or (
                out[k - 1].kind is ItemKind.WORD and out[k - 1].text.lower() in joins)):
            # (also after "and": "only excavator 2 may enter rock 2, and *only* truck 3 may enter puddle 1")
            before, start = it, k + 1
        elif it.kind is not ItemKind.ROBOT or not _opens(out, k):
            k += 1
            continue
        end = _named_run(out, start, joins)
        if end is None:
            k += 1
            continue
        verb = end
        if before is None:
            verb = _statement_end(out, end, copulas, leads, nouns) or (
                end + 1 if end < len(out) and out[end].kind is ItemKind.WORD and out[end].text.lower() in after_words
                else end)
            if verb == end:
                k = end
                continue
        if verb < len(out) and out[verb].kind is ItemKind.WORD and out[verb].text.lower() in copulas:
            verb += 1  # "only trucks 1 and 2 *are* permitted near ...", "excavator 2 alone *is* allowed at ..."
        if not _permits(out, verb) or out[k].start > kept_from:
            k = end
            continue
        at = before.start if before else out[start].start
        nobody = Item(ItemKind.ROBOT, at, at, RobotDesc("fleet", negated=True), "nobody")
        but = Item(ItemKind.MARK, at, before.end if before else at, "except", before.text if before else "but")
        said = [filler_over(out[end:verb])] if verb > end else []
        out[k:verb] = [nobody, but, *out[start:end], *said]
        k += 2 + (end - start) + len(said)
    return out
