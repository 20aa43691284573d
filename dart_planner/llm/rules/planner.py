"""The rules planner: instruction -> task graph, deterministically, with no model.

:func:`rules_plan` reads an instruction against the live fleet and world with the lexicon
(``config/lexicon.yaml``) and returns a :class:`RulesPlan`: the graph, the coverage report,
and every problem found. :class:`RulesPlanner` wraps it as a
:class:`~dart_planner.llm.pipeline.Planner`: it validates the graph with the core validator
and raises :class:`~dart_planner.llm.errors.PlanningError` naming what it could not
understand instead of ever returning an invalid plan.

It also serves the LLM path: :func:`extract_entities` narrows the model's output schema to
the skills, robots and objects the instruction mentions, and :func:`cross_check` lists where
a model's plan and the rules plan disagree.

Example
-------
>>> planner = RulesPlanner()
>>> result = planner.plan("Dump truck 1 goes to puddle 1, then returns to start.", fleet, world)  # doctest: +SKIP
>>> [s.skill for s in result.graph]                                                              # doctest: +SKIP
['target_area_for_specific_robots', 'return_to_start_for_specific_robots']
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ...core.fleet import Fleet
from ...core.plan import TaskGraph
from ...core.plan_compare import compare_plans
from ...core.validate import ValidationReport, validate_plan
from ...core.world import World
from ..errors import PlanningError
from .absolutes import fold_with_absolutes
from .anchoredsubjects import fold_anchored_subjects
from .arrows import fold_arrow_anchors
from .asides import (
    fold_addressed_you,
    fold_asides,
    fold_came_with,
    fold_comma_order_pairs,
    fold_excess_infinitives,
    fold_followed_by,
    fold_going_first,
    fold_role_copulas,
    fold_starting_with,
    fold_taking_turns,
    join_companions,
    loading_order,
    place_relatives,
)
from .butexcept import fold_but_except, fold_but_first, fold_except_variations
from .cancelling import fold_cancelling_conditions
from .carryingon import fold_carrying_on
from .cataphora import fold_forward_it_anchors
from .causatives import fold_causative_verbs
from .complements import fold_check_noun_compounds, fold_checked_states
from .compoundtypes import fold_compound_type_nouns
from .conditions import fold_condition_lists
from .coverage import CoverageReport, coverage_report
from .deeds import fold_deed_references, fold_group_deeds, fold_indefinite_loaded
from .eachanchors import fold_each_anchor_pointers
from .elaborations import (
    fold_colon_assignments,
    fold_colon_headers,
    fold_do_that_first,
    fold_each_place_lists,
    fold_group_colon_lists,
    fold_trailing_place_pairs,
)
from .elidedowns import fold_elided_own_deeds, fold_possessed_deeds
from .eventdoers import fold_event_doers, fold_following_events
from .fillups import fold_filled_up_trucks, fold_split_loadings
from .fleetnouns import fold_bare_fleet_nouns, fold_keepout_any, fold_negated_types
from .formats import normalise_layout, read_layout
from .gappedpassives import fold_gapped_passive_loads
from .gappedpurposes import share_gapped_purposes
from .goalcargo import fold_goal_cargo, fold_goal_crews, fold_goal_headings
from .goals import goal_errors
from .greetings import fold_greeted_fleet
from .groups import fold_group_names
from .interpret import Interpreter
from .keepout_nouns import (
    fold_anchor_keepout_subjects,
    fold_colon_named_keepouts,
    fold_counted_liftings,
    fold_keepout_events,
    fold_keepout_nouns,
    fold_keepout_pronouns,
    fold_object_asides,
    fold_place_states,
    fold_removed_places,
    fold_restated_keepouts,
    fold_same_robots,
)
from .keptout import kept_out_errors
from .lexicon import Lexicon, load_lexicon
from .lightverbs import fold_light_verbs, fold_removed_by_digging
from .listanchors import fold_trailing_list_anchors
from .loadroles import fold_described_copulas, fold_loader_roles
from .mentions import ObjectDesc, RobotDesc, SiteIndex, scan
from .negbefore import fold_negated_departure_phrases, fold_negated_move_before
from .ordinals import fold_ordinal_lists
from .peopleasides import fold_people_past_asides
from .placedrobots import fold_place_named_robots, fold_placed_robots, fold_waiting_robots
from .placeorders import fold_place_order_asides
from .placeremarks import fold_place_remarks
from .purposes import fold_bare_purposes, fold_beneficiary_purposes, fold_fronted_purposes, fold_purpose_steps
from .races import fold_race_picks
from .reloads import fold_another_load
from .repeats import fold_same_robot_nouns
from .replaced import fold_replaced_mentions
from .routes import fold_keepouts_on_the_way, fold_landmarks, fold_passing_places
from .samegroups import fold_same_groups
from .segment import ItemKind, Token, fold_trailing_afters, segment_items, tokenize
from .soleleave import fold_sole_permissions
from .soremarks import fold_so_remarks
from .states import (
    fold_already_there_after,
    fold_be_at,
    fold_beside_robot,
    fold_done_states,
    fold_drive_there_first,
    fold_drive_there_first_sentence,
    fold_everything_state,
    fold_people_at,
    fold_relative_already,
    fold_standing_beside,
    fold_trailing_already,
    fold_waiting_at,
    fold_where_standing,
)
from .steprefs import fold_absolute_joins, fold_after_both, fold_step_refs
from .stillthens import fold_still_thens
from .stresspronouns import fold_trailing_stress_pronouns
from .subordinators import (
    fold_before_setting_off,
    fold_parallel_subordinators,
    fold_reason_orders,
    fold_wait_conditions,
)
from .thatanchors import fold_pointing_connectives
from .things import (
    fold_checked_both,
    fold_dug_it,
    fold_thing_adverbs,
    fold_thing_it,
    fold_thing_quantifiers,
    fold_worked_place_lists,
)
from .unknownverbs import unknown_action_errors
from .verbs import KEEPOUT_ACTIONS, choose_skill
from .waitplaces import fold_wait_at_place
from .waitsteps import fold_wait_after_step
from .waivedwaits import fold_waived_waits
from .workspans import work_span_errors

__all__ = ["RulesPlan", "Entities", "RulesPlanner", "rules_plan", "extract_entities", "cross_check",
           "DEFAULT_MIN_COVERAGE"]

DEFAULT_MIN_COVERAGE = 0.8
_MAX_CHARS = 4000


@dataclass(frozen=True)
class RulesPlan:
    """What the rules planner made of an instruction (``graph`` may be invalid or empty
    when ``errors`` is not; :class:`RulesPlanner` never lets such a graph out)."""

    graph: TaskGraph
    coverage: CoverageReport
    errors: tuple[str, ...] = ()
    latency_s: float = 0.0
    #: what the layout pass did to the text before it was read (:attr:`.formats.LayoutReading.notes`)
    notes: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.errors and len(self.graph) > 0


@dataclass(frozen=True)
class Entities:
    """Skills, robots, robot types and objects an instruction mentions (for schema narrowing)."""

    skills: frozenset[str] = frozenset()
    robot_ids: frozenset[str] = frozenset()
    robot_types: frozenset[str] = frozenset()
    objects: frozenset[str] = frozenset()


_SITES: dict[tuple[int, int], tuple[Fleet, World, SiteIndex]] = {}


def _site(fleet: Fleet, world: World) -> SiteIndex:
    """Look-ups for a fleet and world; both are immutable, so identity is a safe key (the
    objects are kept in the cache entry, so an id cannot be reused while it is there)."""
    key = (id(fleet), id(world))
    hit = _SITES.get(key)
    if hit is not None and hit[0] is fleet and hit[1] is world:
        return hit[2]
    if len(_SITES) > 16:
        _SITES.clear()
    site = SiteIndex.build(fleet, world)
    _SITES[key] = (fleet, world, site)
    return site


def _read(instruction: str, fleet: Fleet, world: World, lex: Lexicon):  # type: ignore[no-untyped-def]
    site = _site(fleet, world)
    tokens = tokenize(instruction, keep_joined=site.object_names | site.robot_ids, spellings=lex.spellings)
    items = fold_compound_type_nouns(scan(tokens, lex, site, fleet.robot_types, tuple(site.objects_by_kind)))
    items = fold_people_at(items, lex.thing_articles, lex.thing_copulas, lex.thing_state_verbs)
    items = fold_people_past_asides(items, lex.object_aside_relatives, lex.goal_people, tuple(lex.report_time_words))
    items = fold_race_picks(items, lex.race_leads, lex.race_relatives, lex.race_words, lex.subject_modals)
    items = fold_fronted_purposes(items, lex.goal_purpose_leads)
    items = fold_done_states(fold_colon_headers(items), lex.done_state_words)
    items = fold_with_absolutes(items, lex.absolute_with_words, lex.absolute_with_states)
    items = fold_comma_order_pairs(items, lex.comma_order_words)
    items = fold_event_doers(fold_following_events(items, lex), lex)
    items = fold_trailing_stress_pronouns(items, lex.trailing_stress_pronouns)
    items = fold_elided_own_deeds(items, lex.anchor_possessives, lex.elided_deed_words)
    items = fold_possessed_deeds(items, lex.anchor_possessives, lex.condition_auxiliaries | lex.passive_auxiliaries)
    items = fold_removed_by_digging(fold_beneficiary_purposes(items, lex), lex)
    items = fold_anchored_subjects(items, lex.wait_for_connectives, lex.clause_joining_words)
    items = fold_carrying_on(items, lex.carrying_on_phrases, lex.carrying_on_tails)
    items = fold_place_remarks(items, lex.place_remark_copulas)
    items = fold_group_names(fold_same_robot_nouns(items), lex)
    items = fold_negated_types(fold_bare_fleet_nouns(items, lex.bare_fleet_nouns, lex.clause_joining_words),
                               lex.type_negations, lex.existential_copulas, lex.existential_modals,
                               lex.until_keepout_motion)
    items = fold_goal_cargo(fold_greeted_fleet(items, lex.greeting_words, lex.goal_people), lex.goal_nouns,
                            lex.title_copulas, lex.title_skip_words, lex.goal_cargo_prepositions)
    items = fold_goal_crews(items, lex.goal_nouns, lex.title_copulas, lex.title_skip_words,
                            lex.goal_crew_prepositions)
    items = fold_goal_headings(items, lex.goal_nouns, lex.title_skip_words, lex.goal_heading_prepositions)
    items = fold_keepout_any(items, lex.keepout_any_words)
    items = fold_checked_states(fold_check_noun_compounds(items, lex.check_verbs, lex.check_noun_heads),
                                lex.check_verbs, lex.complement_openers, lex.condition_auxiliaries)
    items = fold_same_groups(items, lex.same_group_leads)
    items = fold_waived_waits(items, lex.waived_wait_marks, lex.wait_for_connectives)
    items = fold_described_copulas(items, lex.described_copulas, lex.subject_modals, lex.deed_auxiliaries,
                                   lex.placed_relatives | lex.described_copulas)
    items = fold_filled_up_trucks(fold_placed_robots(fold_waiting_robots(fold_place_named_robots(items), lex), lex),
                                  lex.filled_up_verbs)
    items = fold_split_loadings(items, lex.verb_index, lex.loading_particles)
    items = fold_gapped_passive_loads(items)
    items = fold_replaced_mentions(items, lex.replaced_mention_leads, lex.thing_list_joins,
                                   lex.place_prepositions)
    items = fold_passing_places(fold_landmarks(fold_keepouts_on_the_way(items, lex), lex), lex)
    robot_types = {r: t for t, ids in site.robots_by_type.items() for r in ids}
    items = fold_but_first(items, lex.except_but_words, lex.thing_list_joins, robot_types)
    items = fold_except_variations(fold_but_except(items, lex.except_but_words, lex.thing_list_joins, robot_types))
    items = fold_before_setting_off(fold_cancelling_conditions(items, lex.cancelling_conditions),
                                    lex.before_setting_off_words)
    items = fold_pointing_connectives(fold_ordinal_lists(items, lex, site.robot_by_type_num), lex)
    items = fold_wait_conditions(items, lex.wait_conditions, lex.wait_verbs, lex.condition_auxiliaries)
    items = fold_parallel_subordinators(items, lex.parallel_subordinators, lex.parallel_subordinate_auxiliaries)
    items = fold_so_remarks(items, lex.so_remark_joins, lex.place_remark_modals, lex.future_remark_auxiliaries,
                            KEEPOUT_ACTIONS)
    items = fold_reason_orders(items, lex.reason_openers,
                               lex.reason_need_words, KEEPOUT_ACTIONS, tuple(lex.condition_participle_endings),
                               lex.parallel_subordinators, lex.report_auxiliaries, lex.thing_articles)
    items = fold_removed_places(items, lex.place_removal_verbs, lex.keepout_noun_index,
                                lex.keepout_pronoun_prepositions | lex.place_prepositions)
    items = fold_causative_verbs(fold_keepout_nouns(items, lex.keepout_noun_index, lex.keepout_persist_words,
                                                    lex.keepout_definite_words), lex)
    items = fold_keepout_events(fold_same_robots(items, lex.lifted_group_words), lex.keepout_noun_index,
                                lex.keepout_definite_words, lex.keepout_event_copulas,
                                lex.keepout_pronoun_prepositions, lex.anchor_pair_words)
    items = fold_counted_liftings(items, lex.keepout_noun_index, lex.keepout_all_words, lex.keepout_definite_words,
                                  lex.keepout_plural_nouns)
    items = fold_place_states(fold_object_asides(items, lex.object_aside_relatives, lex.keepout_state_auxiliaries,
                                                 lex.keepout_state_modals),
                              lex.keepout_state_auxiliaries, lex.keepout_place_copulas, lex.keepout_state_modals,
                              lex.place_list_pronouns, lex.keepout_pronoun_prepositions)
    items = fold_colon_named_keepouts(fold_restated_keepouts(items, lex.keepout_noun_index, lex.keepout_definite_words,
                                                             lex.keepout_passive_verbs))
    items = fold_keepout_pronouns(items, lex.keepout_pronoun_prepositions, lex.follow_verbs | lex.join_verbs,
                                  lex.keepout_noun_index)
    items = fold_anchor_keepout_subjects(items, lex.keepout_noun_index, lex.keepout_definite_words,
                                         lex.condition_auxiliaries, lex.keepout_event_copulas,
                                         lex.keepout_passive_verbs, lex.thing_list_joins)
    items = fold_thing_quantifiers(items, lex.thing_copulas, lex.thing_quantifiers, lex.thing_list_joins)
    items = fold_thing_adverbs(items, lex.thing_adverb_auxiliaries, lex.thing_list_joins)
    items = fold_purpose_steps(fold_bare_purposes(items, lex), lex)
    items = fold_where_standing(fold_waiting_at(items, lex.state_time_asides), lex.where_standing_words)
    items = fold_everything_state(items, lex.fleet_state_nouns, lex.state_copulas)
    items = fold_be_at(items, lex.state_be_forms, lex.state_be_fillers, lex.state_copulas)
    items = fold_relative_already(fold_trailing_already(items))
    items = fold_beside_robot(fold_standing_beside(items), lex.beside_pronouns)
    items = fold_already_there_after(fold_light_verbs(items, lex), lex.reason_openers)
    items = fold_group_colon_lists(fold_colon_assignments(items), lex.subject_modals)
    items = fold_each_place_lists(items, lex.distinct_place_words, lex.distinct_place_leads,
                                  lex.distinct_place_articles)
    items = fold_trailing_place_pairs(items, frozenset({"navigate", "dig", "dump"}), lex.inverted_auxiliaries,
                                      lex.subject_modals, lex.reason_openers)
    items = fold_drive_there_first(items, lex.subject_modals)
    items = fold_do_that_first(fold_drive_there_first_sentence(items, lex.own_site_nouns))
    items = fold_after_both(fold_step_refs(fold_arrow_anchors(items, tokens, instruction, lex), lex), lex)
    items = fold_absolute_joins(items, lex)
    items = fold_came_with(items, lex.object_aside_relatives, lex.came_with_verbs, lex.came_with_prepositions,
                           lex.beside_pronouns)
    items = fold_loader_roles(fold_addressed_you(items, lex.causatives), lex.deed_auxiliaries,
                              lex.loaded_words, lex.loader_role_leads)
    items = fold_thing_it(fold_deed_references(fold_group_deeds(items, lex), lex))
    items = fold_checked_both(fold_dug_it(items), lex.checked_both_verbs)
    items = fold_worked_place_lists(items, lex.checked_both_verbs, lex.place_list_pronouns, lex.place_prepositions,
                                    lex.thing_list_joins)
    items = fold_indefinite_loaded(items, lex.indefinite_articles, lex.loaded_words)
    items = fold_another_load(items, lex.another_load_leads, lex.another_thing_nouns)
    items = fold_excess_infinitives(items, lex.excess_words)
    items = fold_wait_after_step(fold_wait_at_place(items, lex), lex)
    items = fold_starting_with(fold_going_first(items, lex.order_aside_verbs, lex.order_aside_leads),
                               lex.loading_order_openers)
    items = fold_taking_turns(fold_followed_by(items, lex.followed_by_phrases), lex.turn_taking_verbs,
                              lex.turn_taking_nouns)
    items = loading_order(place_relatives(fold_asides(join_companions(fold_role_copulas(items)), lex)),
                          lex.passive_auxiliaries | lex.subject_modals, lex.loading_particles)
    items = fold_place_order_asides(items, site.objects_by_kind)
    items = fold_sole_permissions(items, lex.sole_leads, lex.sole_after_words, lex.sole_copulas, lex.sole_nouns,
                                  lex.thing_list_joins)
    return site, tokens, items


def _wished_nots(tokens: Sequence[Token], phrases: frozenset[str]) -> set[int]:
    """The words before the negation of each "would rather not" (lexicon ``wished_not_phrases``): a wish said in the
    negative, read as "I don't want ..." is, whose negation its clause reads. Left unplaced, "rather" was taken for
    the "rather than" that changes who does what, and the instruction was refused."""
    words = [t.word for t in tokens]
    placed: set[int] = set()
    for phrase in phrases:
        said = phrase.split()
        for i in range(len(words) - len(said) + 1):
            if words[i:i + len(said)] == said:
                placed.update(range(i, i + len(said) - 1))
    return placed


def rules_plan(instruction: str, fleet: Fleet, world: World, lexicon: Lexicon | None = None) -> RulesPlan:
    """Read ``instruction`` into a task graph; never raises on what the text says."""
    t0 = time.perf_counter()
    lex = lexicon or load_lexicon()
    if len(instruction) > _MAX_CHARS:
        empty = CoverageReport((), (), 0)
        return RulesPlan(TaskGraph(()), empty, (f"the instruction is longer than {_MAX_CHARS} characters",))
    said = instruction  # the plan records what the user wrote, not the layout pass's rewrite of it
    layout = read_layout(instruction, lex)  # tickets, tables, timelines, transcripts -> sentences
    instruction, notes = layout.text, layout.notes
    if len(instruction) > _MAX_CHARS:  # again: a rewritten layout can be longer than what was pasted
        empty = CoverageReport((), (), 0)
        return RulesPlan(TaskGraph(()), empty, (f"the instruction is longer than {_MAX_CHARS} characters "
                                                f"once its layout is rewritten",), time.perf_counter() - t0, notes)
    try:
        site, tokens, items = _read(instruction, fleet, world, lex)
        items = fold_trailing_afters(items, lex.trailing_after_words)
        items = fold_negated_departure_phrases(items, lex.departure_verbs)
        segs = fold_trailing_list_anchors(segment_items(items, lex.causatives, lex.join_verbs | lex.follow_verbs,
                                                        lex.clause_joining_words, lex.subject_modals,
                                                        lex.departure_verbs, lex.anchor_closing_modals,
                                                        lex.clause_interjections, lex.ongoing_openers,
                                                        lex.inverted_auxiliaries | lex.passive_auxiliaries,
                                                        lex.meantime_words, lex.finished_deed_words,
                                                        lex.stationary))
        segs = share_gapped_purposes(segs, lex)
        segs = fold_forward_it_anchors(fold_condition_lists(segs, lex.condition_auxiliaries, lex.passive_auxiliaries,
                                                            lex.condition_participle_endings))
        segs = fold_each_anchor_pointers(segs, lex.each_anchor_pointers, lex.pointing_connective_words)
        segs = fold_negated_move_before(segs, lex.negated_move_before_words, min(lex.until_words),
                                        lex.departure_verbs)
        segs = fold_still_thens(segs, lex.stationary)
    except Exception as exc:  # noqa: BLE001 - a reading bug must fail closed, never crash the caller
        empty = CoverageReport((), (), 0)
        return RulesPlan(TaskGraph(()), empty, (f"the rules planner could not read this instruction "
                                                f"({type(exc).__name__}: {exc})",), time.perf_counter() - t0, notes)
    interp = Interpreter(fleet, world, lex, site, [t.word for t in tokens])
    try:
        interp.run(segs)
    except Exception as exc:  # noqa: BLE001 - a reading bug must fail closed, never crash the caller
        interp.errors.append(f"the rules planner could not read this instruction ({type(exc).__name__}: {exc})")
    for it in items:
        if it.kind is ItemKind.UNKNOWN and it.payload not in interp.errors:
            interp.errors.append(it.payload)
        elif it.kind in (ItemKind.CONNECTIVE, ItemKind.PUNCT, ItemKind.MARK):
            interp.used.update(range(it.start, it.end))
    # an action the fleet does not have, said where a robot's verb goes: refused, never read as a move to its object
    try:
        interp.errors += unknown_action_errors(items, interp.used, lex.vocabulary | lex.fillers | lex.causatives,
                                               lex.clause_joining_words, fleet,
                                               lex.idle_verbs, lex.place_removal_verbs, lex.keepout_noun_index,
                                               lex.departure_verbs, lex.vague_action_verbs, lex.rest_prepositions,
                                               lex.condition_participle_endings, lex.robot_object_words,
                                               lex.phrasal_particles, lex.cargo, lex.thing_articles)
        interp.errors += work_span_errors(items, lex.work_span_words, lex.until_words)
    except Exception as exc:  # noqa: BLE001 - a checking bug must fail closed, never crash the caller
        interp.errors.append(f"the rules planner could not check this instruction ({type(exc).__name__}: {exc})")
    try:
        graph = interp.b.finish(said)
    except Exception as exc:  # noqa: BLE001 - a building bug must fail closed, never crash the caller
        graph = TaskGraph(())
        interp.errors.append(f"the rules planner could not build a plan for this instruction "
                             f"({type(exc).__name__}: {exc})")
    interp.used.update(_wished_nots(tokens, lex.wished_not_phrases))
    cov = coverage_report(tokens, interp.used, lex.fillers | lex.causatives)
    errors = list(dict.fromkeys(interp.errors))
    # a goal read as a remark whose places no step serves: that part of the job would vanish unsaid
    goals = [dataclasses.replace(g, text=instruction[tokens[g.span[0]].start:tokens[g.span[1] - 1].end])
             if g.span and 0 <= g.span[0] < g.span[1] <= len(tokens) else g for g in interp.goals]
    try:
        errors += goal_errors(goals, graph, interp.stood,
                              {s.name for s in fleet.skills.values() if s.action.value in KEEPOUT_ACTIONS})
    except Exception as exc:  # noqa: BLE001 - a checking bug must fail closed, never crash the caller
        errors.append(f"the rules planner could not check this instruction's goal ({type(exc).__name__}: {exc})")
    try:  # "must not go near puddle 2 and goes there later": a move into a zone its own keep-out still closes
        errors += kept_out_errors(graph, fleet)
    except Exception as exc:  # noqa: BLE001 - a checking bug must fail closed, never crash the caller
        errors.append(f"the rules planner could not check this instruction's keep-outs ({type(exc).__name__}: {exc})")
    # a word that changes who does what, left unplaced: the plan read around it may send the wrong robots
    errors += [f"{w!r} was not understood here, and it may change the order (say it another way)"
               for w in dict.fromkeys(cov.unplaced) if w in lex.unplaced_order_words]
    if not graph.subtasks and not errors:
        errors.append("no robot action was recognised")
    return RulesPlan(graph, cov, tuple(errors), time.perf_counter() - t0, notes)


def extract_entities(instruction: str, fleet: Fleet, world: World, lexicon: Lexicon | None = None) -> Entities:
    """What the instruction mentions, for narrowing an LLM's output schema.

    Skills are every fleet skill whose action a recognised verb names (both scopes, since the
    model decides the scope); robots and objects are the ones named or implied by kind.
    Pronouns and counts are not resolved here (the model's job), so types are included
    whenever a type word appears.
    """
    lex = lexicon or load_lexicon()
    site, _, items = _read(normalise_layout(instruction, lex), fleet, world, lex)  # the text rules_plan reads
    actions: set[str] = set()
    ids: set[str] = set()
    types: set[str] = set()
    objects: set[str] = set()
    fleet_wide = False
    for it in items:
        if it.kind is ItemKind.VERB:
            v = it.payload
            actions.add("unload_bucket" if v.role == "passive_load" else v.target)
            if v.role == "carry":
                actions.add("dump")
            if v.target in ("dig",):
                actions.add("navigate")
            if v.target in ("dump",):
                actions |= {"navigate", "unload_bucket"}
        elif it.kind is ItemKind.PLACE:
            actions.add("return_to_start")
        elif it.kind is ItemKind.ROBOT:
            d: RobotDesc = it.payload
            if d.form == "ids":
                ids |= set(d.ids)
                types.add(d.rtype)
            elif d.form == "type":
                types.add(d.rtype)
                if d.det in ("the", "bare", "own", "each"):
                    ids |= set(site.robots_by_type.get(d.rtype, ()))
            elif d.form == "fleet":
                fleet_wide = True
        elif it.kind is ItemKind.OBJECT:
            o: ObjectDesc = it.payload
            if o.form == "names":
                objects |= set(o.names)
            elif o.form == "kind":
                objects |= set(site.objects_by_kind.get(o.kind, ()))
    if any(it.kind is ItemKind.MARK and it.payload in ("permit", "neg") for it in items):
        actions |= KEEPOUT_ACTIONS
    if "navigate" in actions or not actions:
        actions.add("navigate")
    skills = {s.name for s in fleet.skills.values() if s.action.value in actions or s.name in actions}
    if not fleet_wide:
        skills = {s for s in skills if fleet.skills[s].scope.value == "specific"} | {
            s for s in skills if fleet.skills[s].action.value in KEEPOUT_ACTIONS}
    return Entities(frozenset(skills), frozenset(ids), frozenset(types), frozenset(objects))


def cross_check(llm_graph: TaskGraph, rules_graph: TaskGraph) -> list[str]:
    """Disagreements between a model's plan and the rules plan, one readable line each
    (empty when the two plans are the same DAG up to renaming)."""
    cmp = compare_plans(llm_graph, rules_graph)
    if cmp.exact:
        return []
    out = []
    for line in cmp.diff().splitlines():
        # the rules plan is the reference: "missing" = the model left it out
        out.append(line.replace("- missing", "model lacks").replace("+ extra", "model adds"))
    return out


@dataclass
class RulesPlanner:
    """The embedded offline planner as a :class:`~dart_planner.llm.pipeline.Planner`.

    ``min_coverage``: below this share of understood words the plan is refused (or handed
    to ``fallback`` by :class:`~.hybrid.HybridPlanner`).
    """

    lexicon_path: str | Path | None = None
    min_coverage: float = DEFAULT_MIN_COVERAGE
    name: str = "rules"
    _lexicon: Lexicon | None = field(default=None, repr=False)

    @property
    def lexicon(self) -> Lexicon:
        if self._lexicon is None:
            self._lexicon = load_lexicon(self.lexicon_path)
        return self._lexicon

    @classmethod
    def from_options(cls, options: Mapping[str, Any]) -> RulesPlanner:
        return cls(lexicon_path=options.get("lexicon") or None,
                   min_coverage=float(options.get("min_coverage", DEFAULT_MIN_COVERAGE)))

    def read(self, instruction: str, fleet: Fleet, world: World) -> tuple[RulesPlan, ValidationReport | None]:
        """The raw reading plus its validation (None when there is no graph to validate)."""
        rp = rules_plan(instruction, fleet, world, self.lexicon)
        report = validate_plan(rp.graph, fleet, world) if rp.graph.subtasks else None
        return rp, report

    def problems(self, rp: RulesPlan, report: ValidationReport | None) -> list[str]:
        errors = list(rp.errors)
        if rp.coverage.ratio < self.min_coverage:
            errors.append(f"understood only {rp.coverage.ratio:.0%} of the words (needs {self.min_coverage:.0%}); "
                          f"not understood: {', '.join(rp.coverage.unplaced) or '-'}")
        if report is not None and not report.ok:
            errors += [str(i) for i in report.errors]
        return errors

    def plan(self, instruction: str, fleet: Fleet, world: World) -> Any:
        from ..pipeline import PlanningResult

        t0 = time.perf_counter()
        if not isinstance(instruction, str) or not instruction.strip():
            raise PlanningError(str(instruction), ["the instruction is empty"], backend="rules",
                                reason="nothing to plan")
        rp, report = self.read(instruction, fleet, world)
        errors = self.problems(rp, report)
        if errors or report is None:
            # the layout notes go with the refusal: a dropped or moved line may be why it failed
            raise PlanningError(instruction, (errors or ["no robot action was recognised"])
                                + [f"layout pass: {n}" for n in rp.notes], backend="rules",
                                reason="the rules planner could not plan this instruction")
        details: dict[str, Any] = {"coverage": rp.coverage.to_dict()}
        if rp.notes:
            details["layout_notes"] = list(rp.notes)
        return PlanningResult(
            graph=rp.graph, report=report, latency_s=time.perf_counter() - t0, planner=self.name,
            backend="rules", model="lexicon", details=details,
        )


def _skill_names(fleet: Fleet, action: str) -> list[str]:
    return [s.name for s in (choose_skill(fleet, action, False, []), choose_skill(fleet, action, True, [])) if s]
