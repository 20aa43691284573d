"""Plan execution: subtask state machine, engine, journal, events and status snapshots.

See :mod:`.engine` for the decisions (locks, retries, reassignment, e-stop, crash recovery).
"""

from .allocators import EngineAllocator, ModuleAllocator
from .clock import ManualClock
from .codec import schedule_from_dict, schedule_to_dict
from .driver import run_until_done
from .engine import ESTOP_MODES, ExecutionEngine
from .events import (
    EmergencyStop,
    EngineEvent,
    Observer,
    PlanAccepted,
    PlanFinished,
    PlanPaused,
    ReplanRequested,
    RobotAvailabilityChanged,
    SubtaskProgress,
    SubtaskReassigned,
    SubtaskStateChanged,
    event_to_dict,
)
from .faults import ROBOT_FAULT_MARKERS, is_robot_fault
from .journal import JOURNAL_SCHEMA, ExecutionJournal, JournalContents, JournalCorruptError
from .states import TRANSITIONS, StateChange, SubtaskState, allowed_from, check_transition
from .status import PlanState, PlanStatus, SubtaskStatus

__all__ = [
    "ESTOP_MODES",
    "EmergencyStop",
    "EngineAllocator",
    "EngineEvent",
    "ExecutionEngine",
    "ExecutionJournal",
    "JOURNAL_SCHEMA",
    "JournalContents",
    "JournalCorruptError",
    "ManualClock",
    "ModuleAllocator",
    "Observer",
    "PlanAccepted",
    "PlanFinished",
    "PlanPaused",
    "PlanState",
    "PlanStatus",
    "ROBOT_FAULT_MARKERS",
    "ReplanRequested",
    "RobotAvailabilityChanged",
    "StateChange",
    "SubtaskProgress",
    "SubtaskReassigned",
    "SubtaskState",
    "SubtaskStateChanged",
    "SubtaskStatus",
    "TRANSITIONS",
    "allowed_from",
    "check_transition",
    "event_to_dict",
    "is_robot_fault",
    "run_until_done",
    "schedule_from_dict",
    "schedule_to_dict",
]
