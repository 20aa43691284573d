"""An arrow after a finished deed is a condition: "Both loaded -> trk 1 + trk 2 to obstacle 1, dump".

Terse orders use "->" for "goes to" ("Exc 1 -> soil 1"), and the tokenizer reads it as "to". After
a robot and a past participle ("both loaded", "exc 2 dug", "trucks have dumped") the arrow rather
says "then": what is on its left has happened, what is on its right follows. Read as "to", the
sentence was one clause ("both loaded to trk 1 ...": a loading of the trucks again, their haul lost).
The sentence is folded into "once both loaded, <the rest>".
"""

from __future__ import annotations

from collections.abc import Sequence

from .lexicon import Lexicon
from .segment import SENTENCE_END, Item, ItemKind, Token

__all__ = ["fold_arrow_anchors"]

_PARTICIPLE_ENDS = ("ed", "en", "dug", "done", "finished", "through", "complete", "over")


def _is_arrow(it: Item, tokens: Sequence[Token], text: str) -> bool:
    if it.kind is not ItemKind.WORD or it.text != "to" or it.end - it.start != 1 or it.start >= len(tokens):
        return False
    t = tokens[it.start]
    return text[t.start:t.end] == "->"


def fold_arrow_anchors(items: Sequence[Item], tokens: Sequence[Token], text: str, lex: Lexicon) -> list[Item]:
    """Each sentence "<robot> [aux] <past participle> -> <rest>" as "once <robot> <participle>, <rest>", when
    the rest opens with a robot or a verb (its own clause); "trk 1 loaded -> soil 1" keeps the move."""
    if "->" not in text:
        return list(items)
    out = list(items)
    s = 0
    while s < len(out):
        if s == 0 or (out[s - 1].kind is ItemKind.PUNCT and out[s - 1].payload in SENTENCE_END):
            v = s + 1
            while v < len(out) and out[v].kind is ItemKind.WORD and out[v].text in lex.arrow_auxiliaries:
                v += 1
            if out[s].kind is ItemKind.ROBOT and v + 2 < len(out) and out[v].kind is ItemKind.VERB \
                    and out[v].text.split()[-1].endswith(_PARTICIPLE_ENDS) and _is_arrow(out[v + 1], tokens, text) \
                    and out[v + 2].kind in (ItemKind.ROBOT, ItemKind.VERB):
                arrow = out[v + 1]
                head = Item(ItemKind.CONNECTIVE, out[s].start, out[s].start, "anchor", "once")
                comma = Item(ItemKind.PUNCT, arrow.start, arrow.end, ",", ",")
                out[s:v + 2] = [head, *out[s:v + 1], comma]
                s = v + 3
                continue
        s += 1
    return out
