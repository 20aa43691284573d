"""Benchmarks behind `dart-planner bench ...`: numbers plus ratios to a baseline measured in the same run."""
