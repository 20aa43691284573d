"""The language layer: instruction -> valid task graph, with any model or none.

ROS-free. The pieces, each in its own module:

- :mod:`.config`: ``config/llm.yaml`` as :class:`LLMConfig`;
- :mod:`.backend`: the :class:`LLMBackend` interface, registry and :func:`make_backend`
  (``openai``, ``replay``, ``transformers``, ``llamacpp``; heavy ones import lazily);
- :mod:`.prompt` and :mod:`.examples`: prompts from template files, the live fleet and world,
  and few-shot examples chosen by similarity;
- :mod:`.schema`: the output JSON schema from the live fleet and world (optionally narrowed);
- :mod:`.parse` and :mod:`.contract`: tolerant extraction, strict parsing, contract checks;
- :mod:`.pipeline`: :func:`plan_instruction` (prompt -> call -> parse -> validate -> repair ->
  fail closed), the :class:`Planner` protocol and :func:`make_planner`;
- :mod:`.streaming`: subtasks dispatched while the model is still writing;
- :mod:`.memory`: reuse of accepted plans for the same instruction in the same world.
"""

from .backend import LLMBackend, LLMReply, backend_names, make_backend, register_backend
from .config import LLMConfig, llm_config_from_dict, load_llm_config
from .errors import BackendError, BackendUnavailableError, PlanningError
from .memory import PlanMemory
from .parse import ParsedReply, parse_plan_reply
from .pipeline import Attempt, LLMPlanner, Planner, PlanningResult, make_planner, plan_instruction
from .prompt import PromptBuilder
from .schema import Narrowing, plan_schema
from .streaming import StreamingPlanParser

__all__ = [
    "Attempt",
    "BackendError",
    "BackendUnavailableError",
    "LLMBackend",
    "LLMConfig",
    "LLMPlanner",
    "LLMReply",
    "Narrowing",
    "ParsedReply",
    "PlanMemory",
    "Planner",
    "PlanningError",
    "PlanningResult",
    "PromptBuilder",
    "StreamingPlanParser",
    "backend_names",
    "llm_config_from_dict",
    "load_llm_config",
    "make_backend",
    "make_planner",
    "parse_plan_reply",
    "plan_instruction",
    "plan_schema",
    "register_backend",
]
