"""Pasted layouts rewritten into the plain sentences the rules planner reads.

People paste instructions from work tickets, spreadsheets, schedules and speech-to-text. Those
layouts carry their meaning in the lay-out itself (a field name, a column, a clock time), which the
sentence reader cannot see. :func:`read_layout` runs before the reader and rewrites four of them:

- work tickets: blocks of ``WHO: ... / WHAT: ... / WHEN: ...`` fields, separated by a line of dashes
  or a blank line (or by a field that repeats), become ``"<who>: <when>, <what>."``; a field with
  no known name ("Note: ...") becomes a sentence of its own after it, so nothing written is lost;
- text tables: a header row of column names and rows with ``|`` between cells, read the same way
  with the header's meaning for each cell (a cell of no known column, or past the last one, becomes
  a sentence of its own after its row);
- timelines: lines or sentences that open with a clock time ("08:30 the truck ..."); a later time
  joins like "finally" (convention 25), the same time again runs alongside, the first is dropped;
- speech transcripts: hesitation fillers ("um", "uh", "you know") are dropped, and in a transcript
  with no sentence marks "and" before a clause opener ("and whichever truck ...", "and while ...")
  ends the sentence.

Field names, column names, "no condition" words, fillers and the time words are lexicon keys
(``layout_*`` and ``speech_fillers`` in ``config/lexicon.yaml``). Text that is none of these layouts
comes back byte for byte as it was, and a layout that cannot be taken apart (a table without a
header) is left as written: the reader then fails or succeeds on it exactly as before.

The ``"<who>: <condition>, <what>"`` form is the radio-call form the reader already knows: the
condition binds to that robot's clause, and a "you" / "your" in the job still means the ticket's
robot ("WHO: truck 2 / WHAT: run your own loading routine").

Example
-------
>>> lex = load_lexicon()                                                          # doctest: +SKIP
>>> read_layout("robot | job\\ntruck 1 | go to soil 1", lex).text                  # doctest: +SKIP
'truck 1: go to soil 1.'
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from .lexicon import Lexicon, tokenize_phrase

__all__ = ["LayoutReading", "read_layout", "normalise_layout"]


@dataclass(frozen=True)
class LayoutReading:
    """An instruction after the layout pass: the text to read, which layouts were rewritten and
    notes on what the pass did that the reader cannot see (an unknown ticket field or a cell of no
    known column kept as a sentence of its own, a ticket without a job left out, a layout left as
    written). :func:`~dart_planner.llm.rules.planner.rules_plan` hands the notes on."""

    text: str
    layouts: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()


# "WHO: ...", "Starts after = ..."; the name is short words only, so "Excavator 2: dig" (a radio
# call, digits) and sentences with a colon late in them are no fields
_FIELD = re.compile(r"^[ \t]*[-*\u2022]?[ \t]*([A-Za-z][A-Za-z /_-]{0,30}?)[ \t]*[:=][ \t]*(.*)$")
_SEPARATOR = re.compile(r"^[ \t]*([-=_*~\u2014\u2013][ \t]*){2,}$")
_TABLE_RULE = re.compile(r"^[\s|:+-]*$")
# a clock time: "08:30", "8.30", "14h30", "8am", "8:30 pm"; a bare number is no time ("1. truck 1")
_CLOCK = r"(?:\d{1,2}[:.h]\d{2}(?:[ \t]*(?:am|pm|a\.m\.|p\.m\.))?|\d{1,2}[ \t]*(?:am|pm|a\.m\.|p\.m\.))"
_TIMED = re.compile(
    r"(?:^|(?<=\n)|(?<=[.!?;] )|(?<=[.!?;]  )|(?<=[.!?;]\t))"  # at a line or sentence start
    r"(?P<lead>[ \t]*(?:(?:also|and|then)[ \t]+)?(?:(?:at|by|from|around)[ \t]+)?)"
    r"(?P<time>" + _CLOCK + r")"
    r"(?P<sep>[ \t]*(?:[-,:\u2013\u2014][ \t]*)?)(?=\S)",
    re.IGNORECASE)
_END_PUNCT = ".;,:!? \t"  # what may close a field or cell ("go to soil 1.")


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def _strip_end(text: str) -> str:
    return text.strip().rstrip(_END_PUNCT).strip()


def _as_sentence(text: str) -> str:
    """``text`` as a sentence of its own ("" when nothing is left of it)."""
    body = _strip_end(text)
    return f"{body[:1].upper()}{body[1:]}." if body else ""


def _role_of(name: str, fields: Mapping[str, tuple[str, ...]]) -> str | None:
    key = _norm(name.replace("_", " "))
    for role, names in fields.items():
        if key in names:
            return role
    return None


class _Rows:
    """Cells of one ticket block or table row, by role, and how to say them as a sentence."""

    def __init__(self, lex: Lexicon):
        self.lex = lex

    def opens_with_connective(self, text: str) -> bool:
        words = list(tokenize_phrase(text))
        if not words:
            return False
        lex = self.lex
        return any(index.match(words, 0) is not None
                   for index in (lex.connective_index, lex.immediate_index, lex.opener_index))

    def sentence(self, cells: Mapping[str, list[str]]) -> str | None:
        """``"<who>: <conditions>, <what>."``; None when there is no job to say."""
        what = "; ".join(v for v in (_strip_end(x) for x in cells.get("what", [])) if v)
        if not what:
            return None
        conditions: list[str] = []
        for role, values in cells.items():
            if role in ("who", "what"):
                continue
            for raw in values:
                value = _strip_end(raw)
                if not value or _norm(value) in self.lex.layout_no_condition:
                    continue
                conditions.append(value if self.opens_with_connective(value) else f"{role} {value}")
        who = ", ".join(v for v in (_strip_end(x) for x in cells.get("who", [])) if v)
        cond = " and ".join(conditions)
        body = f"{cond}, {what}" if cond else what
        return f"{who}: {body}." if who else f"{body[:1].upper()}{body[1:]}."


def _read_tickets(text: str, lex: Lexicon, notes: list[str]) -> str | None:
    """Ticket blocks rewritten as sentences, or None when the text holds no ticket."""
    fields = lex.layout_fields
    if not fields or ":" not in text and "=" not in text:
        return None
    lines = text.split("\n")
    parsed: list[tuple[str, str | None, str]] = []  # (kind, role, value): field / extra / sep / text
    roles_seen: set[str] = set()
    for ln in lines:
        if not ln.strip() or _SEPARATOR.match(ln):
            parsed.append(("sep", None, ln))
            continue
        m = _FIELD.match(ln)
        role = _role_of(m.group(1), fields) if m else None
        if m and role is not None:
            parsed.append(("field", role, m.group(2)))
            roles_seen.add(role)
        elif m and len(m.group(1).split()) <= 3 and parsed and any(k == "field" for k, _, _ in parsed):
            parsed.append(("extra", m.group(1).strip(), m.group(2)))
        else:
            parsed.append(("text", None, ln))
    # a ticket names its robot and its job; one field alone ("Order: ...") is a heading of prose
    if not {"who", "what"} <= roles_seen:
        return None
    out: list[str] = []
    block: dict[str, list[str]] = {}
    extras: list[str] = []  # values of fields with no known name, said as sentences after the ticket's
    last: list[str] | None = None  # the values the next indented line goes on with
    rows = _Rows(lex)

    def flush() -> None:
        nonlocal block, extras, last
        if block:
            said = rows.sentence(block)
            if said is None:
                notes.append(f"ticket without a job left out: {dict(block)}")
            else:
                out.append(said)
        out.extend(s for s in (_as_sentence(x) for x in extras) if s)
        block, extras, last = {}, [], None

    for kind, role, value in parsed:
        if kind == "sep":
            flush()
        elif kind == "field" and role is not None:
            if role in block:
                flush()
            last = block.setdefault(role, [])
            last.append(value)
        elif kind == "extra":
            # an unknown field is no condition and no job, but what it says may be an instruction
            # ("Note: truck 2 must avoid puddle 1"): it stays as a sentence of its own, which the
            # reader plans or reports as not understood
            notes.append(f"ticket field {role!r} kept as a sentence of its own: {value.strip()!r}")
            extras.append(value)
            last = extras
        elif last is not None and value[:1] in (" ", "\t"):
            # an indented line with no field name inside a block goes on with the field above it
            last[-1] += " " + value.strip()
        else:
            # a title or a line of prose between tickets stays as written
            flush()
            out.append(value)
    flush()
    return "\n".join(out)


def _cells(line: str) -> list[str]:
    cells = [c.strip() for c in line.split("|")]
    if cells and not cells[0]:
        cells = cells[1:]
    if cells and not cells[-1]:
        cells = cells[:-1]
    return cells


def _read_tables(text: str, lex: Lexicon, notes: list[str]) -> str | None:
    """Text tables rewritten as sentences, or None when the text holds no readable table."""
    fields = lex.layout_fields
    if not fields or "|" not in text:
        return None
    lines = text.split("\n")
    out: list[str] = []
    rows = _Rows(lex)
    changed = False
    k = 0
    while k < len(lines):
        if "|" not in lines[k]:
            out.append(lines[k])
            k += 1
            continue
        end = k
        while end < len(lines) and "|" in lines[end]:
            end += 1
        header = [_role_of(c, fields) for c in _cells(lines[k])]
        body = [ln for ln in lines[k + 1:end] if not _TABLE_RULE.match(ln)]
        if not body or "who" not in header or "what" not in header:
            if body:
                notes.append("text rows without a header naming the robot and the job left as written")
            out.extend(lines[k:end])
            k = end
            continue
        for name, role in zip(_cells(lines[k]), header):
            if role is None:
                notes.append(f"table column {name!r} kept as sentences of their own")
        for ln in body:
            cells = _cells(ln)
            if len(cells) > len(header):
                notes.append(f"cells past the last column kept as sentences of their own: {cells[len(header):]}")
            by_role: dict[str, list[str]] = {}
            extras: list[str] = []  # a cell of no known column: said after the row, as an unknown ticket field
            for n, cell in enumerate(cells):
                role = header[n] if n < len(header) else None
                if role is not None:
                    by_role.setdefault(role, []).append(cell)
                else:
                    extras.append(cell)
            said = rows.sentence(by_role)
            if said is None:
                notes.append(f"table row without a job left out: {ln.strip()!r}")
            else:
                out.append(said)
            out.extend(s for s in (_as_sentence(x) for x in extras) if s)
        changed = True
        k = end
    return "\n".join(out) if changed else None


def _minutes(clock: str) -> int:
    c = clock.lower().replace(" ", "").replace("\t", "").replace(".m.", "m")
    pm = c.endswith("pm")
    am = c.endswith("am")
    c = c[:-2] if pm or am else c
    hh, _, mm = re.split(r"([:.h])", c, maxsplit=1) if re.search(r"[:.h]", c) else (c, "", "0")
    h = int(hh) % 12 + (12 if pm else 0) if (pm or am) else int(hh)
    return h * 60 + int(mm or 0)


def _read_timeline(text: str, lex: Lexicon, notes: list[str]) -> str | None:
    """Clock times that open lines or sentences rewritten as time words, or None when there is no
    timeline (fewer than two such times, or times that run backwards)."""
    hits = list(_TIMED.finditer(text))
    if len(hits) < 2:
        return None
    times = [_minutes(m.group("time")) for m in hits]
    if any(b < a for a, b in zip(times, times[1:])):
        notes.append("clock times that run backwards left as written")
        return None
    later = lex.layout_time_words.get("later", "")
    same = lex.layout_time_words.get("same", "")
    out: list[str] = []
    pos = 0
    for n, m in enumerate(hits):
        out.append(text[pos:m.start()])
        word = "" if n == 0 else (same if times[n] == times[n - 1] else later)
        out.append(f"{word[:1].upper()}{word[1:]}, " if word else "")
        pos = m.end()
    out.append(text[pos:])
    return "".join(out)


def _alternation(phrases: Iterable[str]) -> str:
    """A regex alternation of ``phrases``, longest first (so "you know" wins over "you"), their words
    apart by any run of spaces or tabs."""
    return "|".join(r"[ \t]+".join(re.escape(w) for w in p.split()) for p in sorted(phrases, key=len)[::-1])


def _read_speech(text: str, lex: Lexicon, notes: list[str]) -> str | None:
    """A transcript with its hesitation fillers dropped, or None when none stands in the text."""
    if not lex.speech_fillers:
        return None
    def pattern(fillers: Sequence[str]) -> re.Pattern[str]:
        return re.compile(r"(?<![\w'-])(?:" + _alternation(fillers) + r")(?![\w'-])[ \t]*,?", re.IGNORECASE)

    # only a hesitation sound ("um") marks a transcript; a phrase ("you know") may mean what it says
    sounds = [f for f in lex.speech_fillers if " " not in f]
    if not sounds or not pattern(sounds).search(text):
        return None
    filler = pattern(lex.speech_fillers)
    cleaned = filler.sub("", text)
    if lex.speech_breaks and not re.search(r"[.!?;]", cleaned):
        # no sentence marks at all: "and" before a clause opener ("and whichever truck ...") ends one
        opener = _alternation(lex.speech_breaks)
        cleaned = re.sub(r"(?:[ \t]*,)?[ \t]*\band[ \t]+(?=(?:" + opener + r")(?![\w'-]))", ". ", cleaned,
                         flags=re.IGNORECASE)
    cleaned = re.sub(r"[ \t]{2,}", " ", cleaned)
    cleaned = re.sub(r"[ \t]+([.,;:!?])", r"\1", cleaned)
    cleaned = re.sub(r"(^|\n)[ \t]+", r"\1", cleaned)
    notes.append("speech fillers dropped")
    return cleaned.strip() if cleaned.strip() else None


_PASSES = (("ticket", _read_tickets), ("table", _read_tables), ("timeline", _read_timeline),
           ("speech", _read_speech))


def read_layout(text: str, lex: Lexicon, passes: Sequence[str] | None = None) -> LayoutReading:
    """Rewrite the layouts found in ``text`` (all of them, or the ``passes`` named) into plain
    sentences; a text with none comes back unchanged (the same string).

    A failure inside a pass gives back the text as it was with a note naming the exception: the
    layout pass must never be the reason an instruction cannot be read, and its failure must not
    pass unseen either.
    """
    original = text
    notes: list[str] = []
    found: list[str] = []
    try:
        for name, fn in _PASSES:
            if passes is not None and name not in passes:
                continue
            rewritten = fn(text, lex, notes)
            if rewritten is not None and rewritten != text:
                text = rewritten
                found.append(name)
    except Exception as exc:  # noqa: BLE001 - a bug here must cost the layout, not the whole reading
        return LayoutReading(original, (), (f"the layout pass failed ({type(exc).__name__}: {exc}); "
                                            f"the instruction is read as written",))
    return LayoutReading(text, tuple(found), tuple(notes))


def normalise_layout(text: str, lex: Lexicon) -> str:
    """:func:`read_layout`'s text (the instruction as it was when the pass fails)."""
    return read_layout(text, lex).text
