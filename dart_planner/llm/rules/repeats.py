"""Repeats and summaries: "the same thing at soil 2", "some trucks need to ferry rock from A to B".

:class:`RepeatReader` gives the interpreter two readings of text that refers to other text:

- a *repeat* ("excavator 2 and truck 2 do the same thing at soil 2", "truck 3 does the same",
  "same deal, but it dumps at obstacle 1"): the robots of the clause redo the steps of the
  robots last at work, with the same waits between them, at the place the clause names; what
  the rest of the sentence states itself is not copied;
- a *summary* ("a truck has to bring a load from soil 2 to obstacle 2", followed by the steps):
  it adds no steps, but its robots and destination are remembered.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .clauses import START, Action, Clause
from .dependencies import MOVES, Draft
from .mentions import Member
from .segment import Item, ItemKind, Segment, SegmentRole
from .verbs import VerbHit

if TYPE_CHECKING:
    from .interpret import Interpreter

__all__ = ["RepeatReader", "fold_same_robot_nouns"]


class RepeatReader:
    """Repeats and summaries, for an :class:`~.interpret.Interpreter` (which holds one as ``repeats``)."""

    def __init__(self, ip: Interpreter):
        self.ip = ip

    def summary(self, seg: Segment, actions: list[Action], subject: tuple[Member, ...] | None) -> bool:
        """"Some trucks need to ferry rock from rock 2 to obstacle 1. <the steps>": a job (said with
        "need to", "has to", ...) from one place to another that later sentences name again sums
        up what they spell out. It
        adds no steps; its robots are remembered ("the truck") and a later "two trucks" of the
        same type and count is the same group."""
        ip = self.ip
        if not subject or not ip.later or len(actions) != 1:
            return False
        a = actions[0]
        if a.verb.target != "navigate":
            return False
        verb_at = next((it.start for it in seg.items if it.kind is ItemKind.VERB), seg.items[-1].end)
        head = ip.words[seg.items[0].start:verb_at]
        if not any(w in ip.lex.goal_words for w in head) and head[-2:] not in (["are", "to"], ["is", "to"]):
            return False  # "truck 1 drives from rock 1 to rock 2" is an order; "... needs to / are to ..." a job
        ends = {ip.word_before(o): o.payload.names for o in a.objects if o.payload.form == "names"}
        if "from" not in ends or not ({"to", "into", "onto"} & set(ends)):
            return False
        wanted = set(ends["from"]) | {n for p in ("to", "into", "onto") for n in ends.get(p, ())}
        named_later = {n for seg in ip.later for it in seg.items if it.kind is ItemKind.OBJECT
                       and it.payload.form == "names" for n in it.payload.names}
        if not wanted <= named_later:
            return False
        for o in a.objects:
            ip.use(o)
        ip.res.announced += [m for m in subject if m.is_group]
        to: tuple[str, ...] = next((ends[p] for p in ("to", "into", "onto") if p in ends), ())
        for m in subject:
            ip.destination[m.key] = to[0]
        return True

    def repeat(self, seg: Segment, pre: set[int] | None, post: Segment | None, pre_par: bool,
               last_in_sentence: bool) -> None:
        """"Excavator 2 and truck 2 do the same thing at soil 2", "truck 3 does the same", "same
        deal, but it dumps at obstacle 1": the robots of this clause (or the ones just addressed)
        redo the steps of the robots last at work; a place named here replaces theirs, and what the
        rest of the sentence says explicitly ("but it dumps at ...") is not repeated."""
        ip = self.ip
        k = next(j for j, it in enumerate(seg.items) if it.kind is ItemKind.MARK and it.payload == "repeat")
        last_clause = seg.items[k].text.lower() in ip.lex.clause_repeat_phrases
        k += 1
        while k < len(seg.items) and seg.items[k].kind in (ItemKind.WORD, ItemKind.OBJECT, ItemKind.ROBOT) \
                and seg.items[k].text not in ("but", "except", "though"):
            k += 1  # "the same thing at soil 2", "same for truck 3": the new place and robots
            if seg.items[k - 1].kind is ItemKind.OBJECT:
                break
        k = self._partner_end(seg, k)
        head, tail = seg.items[:k], seg.items[k:]
        while tail and tail[0].kind is ItemKind.WORD and tail[0].text in ("but", "except", "only", "and", "though"):
            ip.use(tail[0])
            tail = tail[1:]
        for it in head:
            if it.kind in (ItemKind.MARK, ItemKind.PUNCT, ItemKind.CONNECTIVE):
                ip.use(it)
        left_out = self._left_out([*head, *tail[:2]])  # "... do the same except truck 3": after it too
        if left_out:
            # "the other robots, except truck 3, do the same": read as a crew, truck 3 redid the steps too
            ip.errors.append(f"robots left out of a repeat are not read ({left_out!r} in {seg.text!r}): name the "
                             f"robots that redo the steps")
            for it in seg.items:
                ip.use(it)
            return
        crew: list[Member] = []
        partners: list[Member] = []
        for j, it in enumerate(head):
            if it.kind is ItemKind.ROBOT:
                ip.use(it)
                into = partners if j and self._partner_word(head[j - 1]) else crew
                into += [m for m in ip.at_place(it, ip.place_restrict) or ip.resolve_robots(it) or () if m not in into]
        explicit = bool(crew)
        if not crew and ip.vocative is not None and ip.vocative[0]:
            crew = list(ip.vocative[0] or ())
        elif not crew and ip.prev is not None and ip.prev.subject:
            crew = list(ip.prev.subject)
        ip.vocative = None
        # the robots addressed in this sentence work together ("excavator three, ..., truck three's your
        # partner there, same deal")
        for m in ip.sentence_subjects.get(seg.sentence, []):
            if not explicit and m not in crew:
                crew.append(m)
        if not crew:
            ip.errors.append(f"no robot is named to repeat the steps in {seg.text!r}")
            return
        sites = [n for it in head if it.kind is ItemKind.OBJECT for n in ip.resolve_objects(it)]
        for it in head:
            if it.kind is ItemKind.OBJECT:
                ip.use(it)
        overrides = self._overrides(Segment(tail, seg.sentence), crew)
        head_seg = Segment(head, seg.sentence, seg.connective, seg.connective_text, seg.role, seg.after_punct,
                           seg.sentence_start, seg.ended_by, conjunct=seg.conjunct)
        entry = ip.entry(head_seg, tuple(crew), explicit, pre, None if tail else post, pre_par)
        ip.res.remember(crew)
        self.replay(crew, sites[0] if sites else None, overrides, entry, partners, last_clause)
        ip.prev = Clause(tuple(crew), True, [], entry, seg.sentence, False)
        if any(it.kind in (ItemKind.VERB, ItemKind.OBJECT, ItemKind.PLACE) for it in tail):
            rest = Segment(tail, seg.sentence, None, "", SegmentRole.MAIN, False, False, seg.ended_by)
            ip._main(rest, None, post, False, last_in_sentence)

    @staticmethod
    def _left_out(head: Sequence[Item]) -> str:
        """The words of robots an "except" mark leaves out of a repeat's crew said as a group ("everyone *except
        truck 3* does the same"), or "" when there are none ("truck 1 does the same, but not truck 3" names its
        crew)."""
        for j, it in enumerate(head[:-1]):
            if it.kind is ItemKind.MARK and it.payload == "except" and head[j + 1].kind is ItemKind.ROBOT \
                    and any(x.kind is ItemKind.ROBOT and (x.payload.form in ("fleet", "others") or (
                        x.payload.form == "type" and x.payload.plural)) for x in head[:j]):
                return f"{it.text} {head[j + 1].text}".strip()
        return ""

    def _overrides(self, tail: Segment, crew: Sequence[Member]) -> set[str]:
        """The verbs the rest of the sentence states for the crew itself ("same deal, but it dumps at obstacle 1").
        They end at a clause whose subject names other robots: in "truck 2 hauls to puddle 1 and dumps, truck 1 does
        the same at puddle 2, and truck 3 brings its soil home and dumps it", the dump is truck 3's, and read as
        truck 1's own, truck 1's haul and dump were dropped without a word. A "once excavator 2 is done" between
        them only says when: its robot does nothing of the sentence, and stopping there copied the old dump place
        ahead of the one said ("truck 2 does the same at soil 2 once excavator 2 is done, dumping at puddle 2")."""
        ids = {m.robot_id for m in crew}
        verbs: set[str] = set()
        for x in [tail, *self.ip.following]:
            if x.role is SegmentRole.ANCHOR:
                continue
            first_verb = next((j for j, it in enumerate(x.items) if it.kind is ItemKind.VERB), len(x.items))
            if any(it.kind is ItemKind.ROBOT and it.payload.form == "ids" and not set(it.payload.ids) <= ids
                   for it in x.items[:first_verb]):
                break
            verbs |= {it.payload.target for it in x.items if it.kind is ItemKind.VERB}
        return verbs

    def _clause_just_said(self, old: list[Draft], crew: Sequence[Member]) -> list[Draft]:
        """"When both trucks are done, they go home, *and so does excavator 3*": "so does" repeats the clause just
        said. When no robot of it is of a type of the crew, the latest block of work (grown through the trucks to
        the excavator that checked soil 2 with one of them) gave the crew that excavator's part, a move to soil 2,
        and nothing of the clause it follows; then the clause itself is what the crew does. Empty otherwise."""
        said = [d for d in old if d.idx in self.ip.last_made]
        types = {m.rtype for m in crew}
        if said and not any(x.rtype in types for d in said for x in (*d.members, *d.partners)):
            return said
        return []

    def _partner_word(self, it: Item) -> bool:
        return it.kind is ItemKind.WORD and it.text in self.ip.lex.repeat_partner_words

    def _partner_end(self, seg: Segment, k: int) -> int:
        """Past "(,) with truck 2" after the place of a repeat: the partner swapped in belongs to the repeat,
        else the robot was left over and the loading it stands for was dropped."""
        items = seg.items
        j = k + 1 if k < len(items) and items[k].kind is ItemKind.PUNCT and items[k].text == "," else k
        if j + 1 < len(items) and self._partner_word(items[j]) and items[j + 1].kind is ItemKind.ROBOT:
            return j + 2
        return k

    def replay(self, crew: list[Member], site: str | None, overrides: set[str], entry: set[int],
               partners: Sequence[Member] = (), last_clause: bool = False) -> list[Draft]:
        ip = self.ip
        keys = {m.key for m in (*crew, *partners)}

        def involves(d: Draft, ks: set[str] | dict[str, Member]) -> bool:
            return any(x.key in ks for x in (*d.members, *d.partners))

        old = [d for d in ip.b.drafts if d.alive and not d.fleet and not involves(d, keys)]
        if last_clause:
            old = self._clause_just_said(old, crew) or old
        if not old:
            ip.errors.append("there are no earlier steps to repeat")
            return []
        robots: dict[str, Member] = {x.key: x for x in (*old[-1].members, *old[-1].partners)}
        grew = True
        while grew:  # the robots that worked together in the latest block of work
            grew = False
            for d in old:
                if involves(d, robots):
                    for x in (*d.members, *d.partners):
                        if x.key not in robots:
                            robots[x.key] = x
                            grew = True
        block = [d for d in old if involves(d, robots)]
        mapping: dict[str, list[Member]] = {}
        by_type: dict[str, list[Member]] = {}
        for m in robots.values():
            by_type.setdefault(m.rtype, []).append(m)
        for rtype, olds in by_type.items():
            news = [m for m in crew if m.rtype == rtype] or [m for m in partners if m.rtype == rtype]
            if not news:
                continue
            for j, o in enumerate(olds):
                mapping[o.key] = [news[j]] if len(news) == len(olds) else news
        cross = not mapping
        if cross:
            # "excavator 1 goes to soil 2, as does truck 3": another type does what they did (what it can)
            for o in robots.values():
                mapping[o.key] = list(crew)
        # "truck 3 drives to rock 2. Excavator 1 and truck 2 too.": a robot of a type the old crew lacks does what
        # they did (what it can), beside the ones that match by type (it was dropped)
        extras = [m for m in crew if m.rtype not in by_type]
        if not cross and extras:
            for key in list(mapping):
                mapping[key] = list(mapping[key]) + [m for m in extras if m not in mapping[key]]
            cross = True
        # the place the crew works at replaces the old crew's (the same kind of place, else their first)
        places = [d.objects[0] for d in block if d.action == "navigate" and d.objects]
        target = site
        if target is None:
            here = {ip.loc(m) for m in crew}
            if len(here) == 1 and None not in here and not here & self._stood_at(robots, block):
                target = next(iter(here))
        place_map: dict[str, str] = {}
        if target is not None and places and target not in places:
            kind = ip.site.object_kind.get(target)
            same = [p for p in places if ip.site.object_kind.get(p) == kind]
            place_map[(same or places)[0]] = target
        # what the rest of the sentence says itself is not repeated: the haul before a stated dump
        skip: set[int] = set()
        for rtype_action in ("dump", "dig"):
            if rtype_action not in overrides:
                continue
            for o in robots.values():
                chain = [d for d in block if involves(d, {o.key: o})]
                for j, d in enumerate(chain):
                    if d.action == rtype_action and o in d.members:
                        skip.add(d.idx)
                        if j and chain[j - 1].action == "navigate" and o in chain[j - 1].members:
                            skip.add(chain[j - 1].idx)
        # a robot already at a later stop of its counterpart's route skips the stops before it
        reached: dict[str, int] = {}
        for m in crew:
            stops = [place_map.get(d.objects[0], d.objects[0]) for d in block
                     if d.action == "navigate" and d.objects and any(m in mapping.get(x.key, ()) for x in d.members)]
            stands = ip.loc(m)
            reached[m.key] = max((j for j, p in enumerate(stops) if p == stands), default=-1)
        seen_moves: dict[str, int] = {}
        first_idx = block[0].idx

        def already(ms: Sequence[Member], action: str) -> bool:
            ks = {m.key for m in ms}
            return any(d.alive and d.idx > first_idx and d not in block and d.action == action and involves(d, ks)
                       for d in ip.b.drafts)

        made: list[Draft] = []
        copied: dict[int, int] = {}
        for d in block:
            if d.idx in skip:
                continue
            # the copy waits for the copies of what the original waited for ("once it has dug, ...")
            carried = {copied[p] for p in d.deps if p in copied}
            new_m = [n for x in d.members for n in mapping.get(x.key, ()) if n]
            new_p = [n for x in d.partners for n in mapping.get(x.key, ()) if n]
            new_m = list(dict.fromkeys(new_m))
            new_p = list(dict.fromkeys(new_p))
            if extras and d.action not in MOVES:  # a mixed crew: each robot does what its type can
                new_m = ip.capable(new_m, d.action, quiet=True)
            extra = (entry if not made else set()) | carried
            got: list[Draft] = []
            if d.action in MOVES:
                movers = []
                for m in new_m:
                    j = seen_moves.get(m.key, 0)
                    if d.action == "navigate":
                        seen_moves[m.key] = j + 1
                    if d.action == "return_to_start" or j >= reached.get(m.key, -1):
                        movers.append(m)
                if not movers:
                    continue
                place = START if d.action == "return_to_start" else place_map.get(d.objects[0], d.objects[0])
                got = ip.move(movers, place, extra, VerbHit("navigate", "verb", "repeat"))
            elif d.action == "unload_bucket":
                if not new_m and not new_p or (cross and not ip.capable(new_m, "unload_bucket", quiet=True)):
                    continue
                trucks = new_p or self._swapped(d.partners, partners)
                if already(trucks, "unload_bucket"):
                    continue
                loaders = new_m or (self._working_at(target, d.members) if place_map and target else [])
                got = ip.load(loaders or list(d.members), trucks, extra, "repeat")
            elif d.action in ("dig", "load", "dump"):
                ms = [m for m in new_m if not already([m], d.action)]
                if cross:
                    ms = ip.capable(ms, d.action, quiet=True)
                got = ip.add_skill(d.action, ms, (), extra, "repeat") if ms else []
                if d.action == "dump":
                    for m in ms:
                        ip.loaded[m.key] = False
            elif new_m:
                got = ip.add_skill(d.action, new_m, d.objects, extra, "repeat", skill_name=d.skill)
            if got:
                copied[d.idx] = got[-1].idx
            made += got
        swap_in = [*partners, *(m for m in extras if m not in partners)]
        made += self._replay_waiting(robots, mapping, swap_in, copied, entry if not made else set())
        return made

    def _working_at(self, place: str, loaders: Sequence[Member]) -> list[Member]:
        """The one robot (or group) of the loaders' type that stands at ``place``, the new site of a repeat whose
        crew names only the truck ("truck 1 is loaded at soil 1; truck 2 does the same at soil 2"): the excavator
        there loads it. Read with the old loader, excavator 1 drove to nobody and truck 2 waited for the wrong
        digging. Empty when none or several stand there."""
        ip = self.ip
        types = {m.rtype for m in loaders}
        there = list(dict.fromkeys(m for d in ip.b.drafts if d.alive for m in d.members
                                   if m.rtype in types and m not in loaders and ip.loc(m) == place))
        return there if len(there) == 1 else []

    def _stood_at(self, robots: dict[str, Member], block: Sequence[Draft]) -> set[str]:
        """Where the old crew stood when its block of work began. A crew that stands there too is where they were
        ("three robots go to rock 2 ... truck 3 goes to puddle 1 and dumps there, and truck 1 does the same"): its
        place is no new site for their work, and taken for one, truck 1 "went" to rock 2 and dumped there."""
        first = block[0].idx if block else len(self.ip.b.drafts)
        places: set[str] = set()
        for key in robots:
            moves = [d for d in self.ip.b.drafts[:first] if d.alive and d.action == "navigate" and d.objects
                     and any(x.key == key for x in (*d.members, *d.partners))]
            if moves:
                places.add(moves[-1].objects[0])
        return places

    @staticmethod
    def _swapped(trucks: Sequence[Member], partners: Sequence[Member]) -> list[Member]:
        """The trucks a copied loading fills: the partners swapped in for them, else the same ones."""
        types = {t.rtype for t in trucks}
        return [m for m in partners if m.rtype in types] or list(trucks)

    def _replay_waiting(self, robots: dict[str, Member], mapping: dict[str, list[Member]],
                        swap_in: Sequence[Member], copied: dict[int, int], entry: set[int]) -> list[Draft]:
        """The loadings of the old crew that still wait for their truck (``Interpreter.deferred``: no task has
        brought it yet) are part of what they did: "excavator 1 digs at soil 1 and loads truck 1. Excavator 2 does
        the same at soil 2 with truck 2" loads truck 2 too; left out, the loading was dropped without a word."""
        ip = self.ip
        made: list[Draft] = []
        for excs, trucks, extra, _lemma, _split in list(ip.deferred):
            if not excs or any(e.key not in robots for e in excs):
                continue
            new_e = ip.capable(list(dict.fromkeys(n for e in excs for n in mapping.get(e.key, ()))), "unload_bucket",
                               quiet=True)
            if not new_e:
                continue
            new_t = list(dict.fromkeys(n for t in trucks for n in mapping.get(t.key, ())))
            waits = {copied[p] for p in extra if p in copied} | (entry if not made else set())
            made += ip.load(new_e, new_t or self._swapped(trucks, swap_in), waits, "repeat")
        return made


def fold_same_robot_nouns(items: Sequence[Item]) -> list[Item]:
    """"Truck 2 drives to rock 1. *The same truck* then returns to base.": a repeat phrase ("the same") right before a
    robot noun of a type names that robot, as "the truck" does (rule 4) and "that same truck" did; read as "do the
    same", the clause looked for steps to repeat and was refused. The phrase becomes its plain words."""
    out: list[Item] = []
    for k, it in enumerate(items):
        nxt = items[k + 1] if k + 1 < len(items) else None
        words = it.text.split()
        if it.kind is ItemKind.MARK and it.payload == "repeat" and nxt is not None and nxt.kind is ItemKind.ROBOT \
                and nxt.payload.form == "type" and nxt.start == it.end and len(words) == it.end - it.start:
            out += [Item(ItemKind.WORD, it.start + j, it.start + j + 1, None, w) for j, w in enumerate(words)]
        else:
            out.append(it)
    return out
