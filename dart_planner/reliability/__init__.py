"""Reliability tooling: hostile inputs and load for the plan, allocation and execution path.

- :mod:`.corpus`: a seeded corpus of malformed and hostile LLM replies;
- :mod:`.fuzz`: runs each reply through parse -> validate -> repair, the streaming parser and
  the replay path, and counts crashes and unsafe dispatches;
- :mod:`.injection`: prompt-injection instructions, hostile perceived object names and an
  adversarial backend;
- :mod:`.load`: many concurrent plans over a fleet in the simulator with random faults,
  checked for double booking, lost or duplicated work and journal consistency.

ROS-free (the nodes' faults are tested with the nodes).
"""
