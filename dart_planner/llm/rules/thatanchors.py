""""After that keep-out is in place, truck 1 inspects puddle 2": "that" there points at a thing, it is not the "that"
of the connective "after that".

Read as the connective, the clause became "then <keep-out verb>", so truck 1 went on after its own last step and did
not wait for the keep-out. When a connective that ends in a pointing word (the lexicon's
``pointing_connective_words``: "after that", "once this") is followed, before any punctuation, by one or two words of
a thing and a form of "be" / "have" (``condition_auxiliaries``), it is the anchor ("after", "once") with a determiner.
So it is when an event noun alone comes before a comma ("after that check, ...").
"""

from __future__ import annotations

from collections.abc import Sequence

from .lexicon import Lexicon
from .segment import Item, ItemKind

__all__ = ["fold_pointing_connectives"]


def fold_pointing_connectives(items: Sequence[Item], lex: Lexicon) -> list[Item]:
    """Split "after that" + "<thing> is ..." into the anchor "after" and the word "that"."""
    out: list[Item] = []
    nouns: dict[int, Item] = {}
    pointing, auxiliaries = lex.pointing_connective_words, lex.condition_auxiliaries
    for k, it in enumerate(items):
        it = nouns.get(k, it)
        words = it.text.split()
        alone = lex.connective_index.match(words[:1], 0) if words else None
        if it.kind is ItemKind.CONNECTIVE and len(words) == 2 and words[1] in pointing and it.end - it.start == 2 \
                and alone is not None and alone[1] == "anchor":
            nxt = items[k + 1:k + 4]
            noun = None
            aux = next((j for j, x in enumerate(nxt) if x.kind is ItemKind.WORD and x.text in auxiliaries), None)
            thing = nxt[:aux] if aux is not None else []
            # (not "after that puddle 2 is closed": a name takes no "that", the connective stays; nor "after that
            # the zone is closed": an article after "that" makes it the connective's, not a demonstrative)
            if aux is None and _event_before_comma(nxt, lex):
                thing, aux = nxt[:1], 1  # "After that check, rock 1 is a no-go area": "after the check"
                noun = _as_event(nxt[0], lex)
            if aux is not None and 1 <= len(thing) <= 2 and thing[0].text not in lex.thing_articles and all(
                    x.kind in (ItemKind.VERB, ItemKind.EVENT, ItemKind.WORD)
                    or (x.kind is ItemKind.OBJECT and x.payload.form == "kind") for x in thing):
                out.append(Item(ItemKind.CONNECTIVE, it.start, it.start + 1, "anchor", words[0]))
                out.append(Item(ItemKind.WORD, it.start + 1, it.end, None, words[1]))
                if noun is not None:
                    nouns[k + 1] = noun
                continue
        out.append(it)
    return out


def _event_before_comma(nxt: Sequence[Item], lex: Lexicon) -> bool:
    """"after that *check*, ...": an event noun (the lexicon's ``events``) alone between the connective and a comma.
    Read as the connective "after that" and a verb, the check was an order with no robot and the clause after the
    comma waited for nothing."""
    if len(nxt) < 2 or nxt[0].kind not in (ItemKind.VERB, ItemKind.EVENT) or not nxt[0].text \
            or nxt[1].kind is not ItemKind.PUNCT or nxt[1].payload != ",":
        return False
    words = nxt[0].text.lower().split()
    found = lex.event_index.match(words, 0)
    return found is not None and found[0] == len(words)


def _as_event(item: Item, lex: Lexicon) -> Item:
    """The noun of "after that *check*," as the event it names (as in "after the check,"): read as a verb, the anchor
    waited for every move of the robots named after it, not for the check said last."""
    if item.kind is ItemKind.EVENT:
        return item
    found = lex.event_index.match(item.text.lower().split(), 0)
    return item if found is None else Item(ItemKind.EVENT, item.start, item.end, found[1], item.text)
