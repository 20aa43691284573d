"""Places said in a movement clause that are no destination of their own, and keep-outs said of a move.

"Dump truck 3 goes to obstacle 1, staying away from soil 1 and soil 2", "... avoiding soil 1", "... without going
near soil 1", "... and avoids soil 1 on the way": the keep-out holds for the drive, so it is put up first and the
move waits for it, as when it is said first ("truck 3 avoids soil 1 and goes to obstacle 1"). Said after the move,
"staying away from" was no verb and its places became more moves; "avoiding" was a keep-out made after the
move had ended; "without going near" was refused.
"""

from __future__ import annotations

from collections.abc import Sequence

from .lexicon import Lexicon
from .segment import Item, ItemKind

__all__ = ["fold_keepouts_on_the_way", "fold_landmarks", "fold_passing_places"]

_MOVING = frozenset({"navigate", "return_to_start", "dig", "dump"})
_LIST_WORDS = frozenset({"and", "or", "both", "either", "nor", "the", "of"})


def _moving(it: Item) -> bool:
    return it.kind is ItemKind.VERB and (it.payload.target in _MOVING or it.payload.role == "carry")


def _keepout(it: Item) -> bool:
    return it.kind is ItemKind.VERB and it.payload.target == "add_keepout"


def _manner(it: Item, lex: Lexicon) -> bool:
    """A keep-out verb said as a participle or with "without" ("staying away from", "without going near")."""
    words = it.text.split()
    return bool(words) and (words[0] in lex.manner_keepout_leads or any(  # "never *going* near"
        w.endswith(tuple(lex.manner_keepout_endings)) for w in words))


def _en_route(items: Sequence[Item], k: int, lex: Lexicon) -> int:
    """How many items from ``k`` spell one of the lexicon's ``en_route_words`` ("on the way"); 0 if none."""
    for n in range(min(4, len(items) - k), 0, -1):
        run = items[k:k + n]
        if all(x.kind in (ItemKind.WORD, ItemKind.MARK) for x in run) \
                and " ".join(x.text for x in run) in lex.en_route_words:
            return n
    return 0


def _places_after(items: Sequence[Item], k: int, lex: Lexicon) -> tuple[int, bool] | None:
    """End of the places a keep-out verb at ``k`` names (its objects and the little words of their list, up to the
    end of its clause) and whether an en-route phrase closed them; None when it names none or more follows."""
    j, en_route = k + 1, False
    while j < len(items):
        it = items[j]
        n = _en_route(items, j, lex)
        if n:
            j, en_route = j + n, True
            continue
        if it.kind is ItemKind.OBJECT or (it.kind is ItemKind.WORD and it.text in _LIST_WORDS):
            j += 1
            continue
        break
    while j > k + 1 and items[j - 1].kind is ItemKind.WORD and items[j - 1].text in ("and", "or"):
        j -= 1  # "... avoiding rock 1 *and* dumps there": the "and" joins the next verb
    if not any(x.kind is ItemKind.OBJECT for x in items[k + 1:j]):
        return None
    if j < len(items) and not (items[j].kind is ItemKind.PUNCT or items[j].kind is ItemKind.CONNECTIVE or (
            items[j].kind is ItemKind.WORD and items[j].text in ("and", "then") and j + 1 < len(items)
            and items[j + 1].kind is ItemKind.VERB)):
        return None  # "..., avoiding soil 1 excavator 2 digs": not a closed list of places
    return j, en_route


def _move_before(items: Sequence[Item], k: int) -> int | None:
    """The first move verb of the clause the item at ``k`` closes ("goes to soil 2 and digs, ..."): back over
    moves, their places and little words only."""
    j, first = k - 1, None
    while j >= 0:
        it = items[j]
        if _moving(it):
            first = j
        elif it.kind is ItemKind.ROBOT and first is None and j > 0 and _moving(items[j - 1]):
            pass  # "send truck 2 to rock 1, ...": the robot the verb sends
        elif not (it.kind in (ItemKind.OBJECT, ItemKind.PLACE, ItemKind.WORD, ItemKind.EVENT) or (
                it.kind is ItemKind.MARK and it.payload not in ("neg", "permit"))):
            break
        j -= 1
    return first


def _coordinated_moves(items: Sequence[Item], j: int) -> list[int]:
    """The first move verbs of the clauses of other robots joined by "and" or a comma before the move clause at
    ``j`` ("truck 1 goes to rock 1 and truck 2 goes to rock 2, avoiding puddle 1"), nearest first: the keep-out
    after the comma is said of all of them; it was truck 2's only."""
    found: list[int] = []
    said: list[object] = []
    while j >= 3 and items[j - 1].kind is ItemKind.ROBOT and items[j - 1].payload.form != "pronoun" and (
            items[j - 2].kind is ItemKind.WORD and items[j - 2].text == "and"
            or items[j - 2].kind is ItemKind.PUNCT and items[j - 2].payload == ","):
        said.append(items[j - 1].payload)
        p = _move_before(items, j - 2)
        if p is None or p < 1 or items[p - 1].kind is not ItemKind.ROBOT or _keepout(items[p]) \
                or items[p - 1].payload in said:
            break  # "truck 1 goes to rock 1 and truck 1 goes to rock 2, ...": one robot's chain, read as before
        found.append(p)
        j = p
    return found


def _opens_next(items: Sequence[Item], e: int) -> bool:
    """The keep-out ending at ``e`` is followed by ", <robot>": it opens that robot's clause ("once excavator 1 has
    dug, staying clear of rock 2, truck 3 drives to soil 1"), it is no part of the clause before."""
    return e + 1 < len(items) and items[e].kind is ItemKind.PUNCT and items[e].payload == "," \
        and items[e + 1].kind is ItemKind.ROBOT


def _filler(items: Sequence[Item]) -> list[Item]:
    """The words between the move and its keep-out (", while", "and"), kept as read."""
    return [Item(ItemKind.MARK, x.start, x.end, "filler", x.text) for x in items
            if not (x.kind is ItemKind.PUNCT and x.payload == ",")]


def fold_keepouts_on_the_way(items: Sequence[Item], lex: Lexicon) -> list[Item]:
    """Each keep-out said after a move's places as a participle ("..., staying away from soil 1"; "while" may open
    it), or as a verb of its own with an en-route phrase ("... and avoids soil 1 on the way"), is said before the
    move verb instead: "<robot> staying away from soil 1 goes to obstacle 1". Only at the end of the move's
    clause, with no robot of its own."""
    out = list(items)
    k = 0
    while k < len(out):
        it = out[k]
        if not _keepout(it):
            k += 1
            continue
        span = _places_after(out, k, lex)
        g = k - 1  # the words between the move's places and the keep-out verb
        while g >= 0 and (out[g].kind is ItemKind.PUNCT and out[g].payload == ","
                          or out[g].kind is ItemKind.CONNECTIVE and out[g].text in lex.while_connectives
                          or out[g].kind is ItemKind.WORD and out[g].text in ("and", "but")):
            g -= 1
        gap = out[g + 1:k]
        joined_by_and = any(x.kind is ItemKind.WORD for x in gap)
        ok = span is not None and g >= 0 and (out[g].kind in (ItemKind.OBJECT, ItemKind.PLACE, ItemKind.WORD)
                                              or _moving(out[g]) or (
            out[g].kind is ItemKind.MARK and out[g].payload not in ("neg", "permit"))) and (
            (_manner(it, lex) and not joined_by_and) or (joined_by_and and span[1])) and not _opens_next(out, span[0])
        j = _move_before(out, g + 1) if ok else None
        if span is None or j is None or (out[j].kind is ItemKind.VERB and out[j].payload.target == "add_keepout"):
            k += 1
            continue
        end = span[0]
        chunk = [x if _keepout(x) or x.kind is ItemKind.OBJECT or x.text in _LIST_WORDS
                 else Item(ItemKind.MARK, x.start, x.end, "filler", x.text) for x in out[k:end]]  # "on the way"
        joiner = Item(ItemKind.WORD, out[j].start, out[j].start, None, "and")  # "avoids soil 1 and soil 2 *and* goes"
        earlier = _coordinated_moves(out, j) if any(x.kind is ItemKind.PUNCT for x in gap) else []
        if j + 1 <= g and out[j + 1].kind is ItemKind.ROBOT:
            # "send truck 2 to rock 1, avoiding puddle 1": "truck 2 avoiding puddle 1 and send(s) to rock 1"
            out[j:end] = [out[j + 1], *chunk, *_filler(gap), joiner, out[j], *out[j + 2:g + 1]]
        else:
            out[j:end] = [*chunk, *_filler(gap), joiner, *out[j:g + 1]]
        for p in earlier:  # each clause before, nearest first: inserting there leaves the ones before in place
            out[p:p] = [*chunk, Item(ItemKind.WORD, out[p].start, out[p].start, None, "and")]
            end += len(chunk) + 1
        k = end
    return _fronted(out, lex)


def _fronted(items: Sequence[Item], lex: Lexicon) -> list[Item]:
    """"Avoiding rock 1, truck 1 goes to puddle 1": a keep-out participle that opens a clause is its subject's, said
    as "truck 1 avoiding rock 1 and goes ..."; read as a clause of its own, it kept every robot out."""
    out = list(items)
    k = 0
    while k < len(out):
        it = out[k]
        opens = k == 0 or out[k - 1].kind in (ItemKind.PUNCT, ItemKind.CONNECTIVE)
        span = _places_after(out, k, lex) if opens and _keepout(it) and _manner(it, lex) else None
        c = span[0] if span else -1
        if span is None or not (c + 2 < len(out) and out[c].kind is ItemKind.PUNCT and out[c].payload == ","
                                and out[c + 1].kind is ItemKind.ROBOT and out[c + 1].payload.form != "pronoun"):
            k += 1
            continue
        v = next((j for j in range(c + 2, min(c + 5, len(out))) if out[j].kind is not ItemKind.WORD), None)
        if v is None or not _moving(out[v]):
            k += 1
            continue
        joiner = Item(ItemKind.WORD, out[c].start, out[c].end, None, "and")
        out[k:c + 2] = [out[c + 1], *out[k:c], joiner]
        k = c + 2
    return out


def _landmark_words(texts: Sequence[str], lex: Lexicon) -> bool:
    """Whether the words between two places say where the first is: "near", "next to" or, after a relative,
    "which is next to", ", that lies near"."""
    words = [t for t in texts if t != ","]
    if texts and texts[0] == "," and "," in texts[1:]:
        return False
    said = " ".join(words)
    if said in lex.landmark_prepositions:
        return not (texts and texts[0] == ",")  # "to rock 1, next to rock 2": then to rock 2
    if not words or words[0] not in lex.landmark_relatives:
        return False
    rest = " ".join(words[1:])
    return any(rest == f"{c} {p}" for c in lex.landmark_copulas for p in lex.landmark_prepositions)


def fold_landmarks(items: Sequence[Item], lex: Lexicon) -> list[Item]:
    """"Two trucks go to rock 1 near rock 2", "... to rock 1, which is next to rock 2": the second place only says
    where the first is; it was a second move. Its words are kept as read, with no place in them. Only between two
    places named by name, the landmark last in its list."""
    out = list(items)
    for d in range(len(out)):
        if not (out[d].kind is ItemKind.OBJECT and out[d].payload.form in ("names", "kind")):
            continue  # "the puddle next to rock 1": which puddle stays asked (it was a move to rock 1)
        m = next((j for j in range(d + 1, min(d + 8, len(out))) if out[j].kind in (ItemKind.OBJECT, ItemKind.PLACE)),
                 None)  # the words between may be read as a verb ("which lies *close* to"): the words decide
        if m is None or out[m].kind is not ItemKind.OBJECT or out[m].payload.form != "names" or m == d + 1:
            continue
        if not _landmark_words([x.text for x in out[d + 1:m]], lex):
            continue
        if m + 2 < len(out) and out[m + 1].kind is ItemKind.WORD and out[m + 1].text in ("and", "or") \
                and out[m + 2].kind is ItemKind.OBJECT:
            continue  # "near rock 2 and puddle 1": which of them the list holds is unclear; read as before
        out[d + 1:m + 1] = [Item(ItemKind.MARK, x.start, x.end, "filler", x.text) for x in out[d + 1:m + 1]]
    return out


def fold_passing_places(items: Sequence[Item], lex: Lexicon) -> list[Item]:
    """"Two trucks go to rock 1, passing rock 2", "... rock 1 via rock 2": a place passed, said after the move's
    destination, is one more place of that move, passed on the way (lexicon ``waypoint_leads``: visited first, as
    "goes to rock 1 via rock 2" is). Read as a verb of its own ("passing") or a clause of its own (after the comma),
    it was a move there after the destination."""
    out = list(items)
    k = 1
    while k < len(out):
        c = k + 1 if out[k].kind is ItemKind.PUNCT and out[k].payload == "," else k
        lead = next((n for n in range(3, 0, -1) if c + n < len(out)
                     and all(x.kind in (ItemKind.WORD, ItemKind.VERB) for x in out[c:c + n])
                     and " ".join(x.text for x in out[c:c + n]) in lex.waypoint_leads), 0)
        j = _move_before(out, k) if lead else None
        said_after = k > 0 and out[k - 1].kind is ItemKind.OBJECT and out[k - 1].payload.form == "names"
        if not lead or not (said_after or j is not None and any(
                x.kind is ItemKind.PLACE or x.kind is ItemKind.OBJECT and x.payload.form == "names" for x in out[j:k])):
            k += 1  # "goes to puddle 1 (for inspection), passing ...", "(and then) on to rock 2, passing ...": after
            continue  # the destination of a move
        e, route = c + lead, 0
        while e < len(out) and (out[e].kind is ItemKind.OBJECT or out[e].kind is ItemKind.WORD and out[e].text in
                                ("and", "then")):
            e += 1
        if any(x.kind is ItemKind.OBJECT for x in out[c + lead:e]):
            route = _en_route(out, e, lex)  # "..., passing obstacle 1 on the way"
        if not any(x.kind is ItemKind.OBJECT for x in out[c + lead:e]) or (
                e + route < len(out) and out[e + route].kind not in (ItemKind.PUNCT, ItemKind.CONNECTIVE)):
            k += 1
            continue
        words = [Item(ItemKind.WORD, x.start, x.end, None, x.text) if x.kind is ItemKind.VERB else x
                 for x in out[c:c + lead]]
        comma = [Item(ItemKind.MARK, x.start, x.end, "filler", x.text) for x in out[k:c]]
        out[e:e + route] = [Item(ItemKind.MARK, x.start, x.end, "filler", x.text) for x in out[e:e + route]]
        out[k:c + lead] = [*comma, *words]
        k = e
    return out
