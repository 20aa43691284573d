"""Renderings of plans and schedules for people: text formats (DOT, Mermaid) and PNGs."""
