"""Thin rclpy nodes: topics, services, parameters and QoS around the ROS-free core.

ROS <-> core conversion lives in :mod:`dart_planner.nodes.conversions` only.
"""
