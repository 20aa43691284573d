"""A carrying verb said before the robot it moves: "bring truck 2 over to soil 1" = "send truck 2 ...".

"Bring" and "take" carry a load ("truck 1 brings the rubble to puddle 1"), and the lexicon lists them as
causatives too. Said with no subject and right before a robot ("When the digging is done, bring truck 2
to soil 1", "take the truck back to base"), the robot is what is moved: the clause means "send truck 2
to soil 1". Read as the verb, the robot was its cargo and the clause belonged to the robot of the clause
before (a carrying by the excavator, which became a loading; the clause's timing went to that loading,
not to the truck's move). Folded, the verb is a movement verb, as "send" is: the robot after it is the
one that moves.
"""

from __future__ import annotations

from collections.abc import Sequence

from .lexicon import Lexicon
from .mentions import RobotDesc
from .segment import Item, ItemKind
from .verbs import VerbHit

__all__ = ["fold_causative_verbs"]

# items that may stand between a clause's start and its imperative verb ("please", "then", ",")
_OPENERS = (ItemKind.PUNCT, ItemKind.CONNECTIVE, ItemKind.WORD, ItemKind.MARK)


def fold_causative_verbs(items: Sequence[Item], lex: Lexicon) -> list[Item]:
    """Each carrying verb that is also a causative, with no robot before it in its clause and a named or described robot
    (not a pronoun: "bring it to puddle 1" carries a load) right after it, as a ``navigate`` verb (as "send" reads):
    the robot after it is the one that moves."""
    out: list[Item] = []
    subject = False  # a robot was named since the last clause boundary
    for k, it in enumerate(items):
        if it.kind in (ItemKind.PUNCT, ItemKind.CONNECTIVE):
            subject = False
        elif it.kind is ItemKind.ROBOT:
            subject = True
        nxt = items[k + 1] if k + 1 < len(items) else None
        if (it.kind is ItemKind.VERB and it.payload.role == "carry" and it.text in lex.causatives and not subject
                and (k == 0 or items[k - 1].kind in _OPENERS)
                and nxt is not None and nxt.kind is ItemKind.ROBOT
                and isinstance(nxt.payload, RobotDesc) and not nxt.payload.pronoun):
            out.append(Item(ItemKind.VERB, it.start, it.end, VerbHit("navigate", "verb", it.payload.lemma), it.text))
            continue
        out.append(it)
    return out
