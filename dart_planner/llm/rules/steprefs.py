"""References to the numbered steps of a list: "after step 4", "as soon as all of step 1 is complete",
"starting together with step 4", "in parallel with steps 2-6".

Work orders and job sheets number their items ("Step 2: ...", "6) ...") and then time one item by
another item's number instead of naming its robots or its work. Inside a list item such a
reference is folded into one mark, ``("step_ref", numbers)``; the interpreter keeps which tasks
each numbered item made, and reads the mark as an anchor on those tasks: "after / once step N"
waits for everything step N made, "together with / in parallel with step N" starts when step N
starts (it waits for what step N's first tasks waited for). Without this the numbers were left
unread and the item simply followed the one before it.
"""

from __future__ import annotations

from collections.abc import Sequence

from .lexicon import Lexicon
from .segment import SENTENCE_END, Item, ItemKind, sentence_start

__all__ = ["fold_after_both", "fold_absolute_joins", "fold_step_refs", "step_numbers"]

_JOINERS = frozenset({"and", ",", "&", "through", "to", "or"})


def _is_list_word(word: str, lex: Lexicon) -> bool:
    return word in lex.list_words or (word.endswith("s") and word[:-1] in lex.list_words)


def fold_step_refs(items: Sequence[Item], lex: Lexicon) -> list[Item]:
    """Items with each "step N" / "steps N-M" / "all of step N" that is no list marker folded
    into a ``("step_ref", numbers)`` mark; anything else unchanged."""
    if not any(it.kind is ItemKind.MARK and it.payload in ("list_first", "list_next") for it in items):
        return list(items)  # no numbered list: nothing for a number to refer to
    out: list[Item] = []
    n = len(items)
    k = 0
    while k < n:
        it = items[k]
        if it.kind is ItemKind.WORD and _is_list_word(it.text, lex) and k + 1 < n \
                and items[k + 1].kind is ItemKind.WORD and lex.number(items[k + 1].text) is not None:
            nums: list[int] = []
            j = k + 1
            rng = False
            while j < n and items[j].kind is ItemKind.WORD:
                num = lex.number(items[j].text)
                if num is not None:
                    if rng and nums:
                        nums += list(range(nums[-1] + 1, num + 1))
                    else:
                        nums.append(num)
                    rng = False
                    j += 1
                    continue
                if items[j].text in _JOINERS and j + 1 < n and items[j + 1].kind is ItemKind.WORD \
                        and lex.number(items[j + 1].text) is not None:
                    rng = items[j].text in ("through", "to")
                    j += 1
                    continue
                break
            start = k
            # "all of step 1": the whole step, the same as "step 1"
            while out and out[-1].kind is ItemKind.WORD and out[-1].text in ("all", "of", "the", "whole", "entire"):
                out.pop()
                start -= 1
            first = items[start]
            text = " ".join(x.text for x in items[start:j])
            out.append(Item(ItemKind.MARK, first.start, items[j - 1].end, ("step_ref", tuple(nums)), text))
            k = j
            continue
        out.append(it)
        k += 1
    return out


def step_numbers(item: Item) -> tuple[int, ...]:
    """The step numbers a folded reference names (empty for any other item)."""
    p = item.payload
    if item.kind is ItemKind.MARK and isinstance(p, tuple) and len(p) == 2 and p[0] == "step_ref":
        return tuple(p[1])
    return ()


def fold_after_both(items: Sequence[Item], lex: Lexicon) -> list[Item]:
    """"At puddle 1, truck 3 does a check. After both, truck 3 comes to soil 1": a sentence opened by
    "after both" and a comma (no noun after "both") waits for the work said before it, every branch,
    as "after all that" does. Read as a robot pronoun, "both" was two robots to wait for and the
    step waited for the subject's own chain only (the other robot's digging was lost). The formal anchors
    (lexicon ``after_both_anchors``: "Upon completion of both, ...") read the same."""
    out = list(items)
    k = 0
    while k + 2 < len(out):
        con, both, comma = out[k:k + 3]
        k += 1
        if con.kind is ItemKind.CONNECTIVE and con.payload == "anchor" and con.text.lower() in lex.after_both_anchors \
                and both.kind is ItemKind.ROBOT and both.text == "both" and comma.kind is ItemKind.PUNCT \
                and comma.payload == "," and (k == 1 or out[k - 2].kind is ItemKind.PUNCT
                                              and out[k - 2].payload in SENTENCE_END):
            out[k - 1:k + 1] = [Item(ItemKind.CONNECTIVE, con.start, both.end, "final", f"{con.text} {both.text}")]
    return out


def fold_absolute_joins(items: Sequence[Item], lex: Lexicon) -> list[Item]:
    """"Excavator 1 to soil 1, excavator 3 to soil 2. Both there, truck 2 goes to rock 1.": robots that open a
    sentence with their state (lexicon ``absolute_join_states``) and no verb before a comma and a clause of their
    own are what the clause waits for, as after "When both are there,". Read without the "when", truck 2 left at
    once (and "Both arrived," sent a robot on to the next place said)."""
    out: list[Item] = []
    for k, it in enumerate(items):
        if it.kind is ItemKind.ROBOT and sentence_start(items, k) == k \
                and k + 3 < len(items) and items[k + 1].text.lower() in lex.absolute_join_states \
                and items[k + 2].kind is ItemKind.PUNCT and items[k + 2].payload == "," \
                and items[k + 3].kind is ItemKind.ROBOT:
            out.append(Item(ItemKind.CONNECTIVE, it.start, it.start, "anchor", "when"))
        out.append(it)
    return out
