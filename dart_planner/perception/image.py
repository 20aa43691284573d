"""Checking and decoding camera images before a model sees them.

Detectors accept one thing: an ``HxWx3`` ``uint8`` RGB array of a sensible size. Everything
else (an empty frame, a float image, a single channel, a 1-pixel-high strip, a buffer whose
length does not match its declared size) is refused here with a message that says what was
wrong, so a node can log it and carry on instead of crashing inside torch.
"""

from __future__ import annotations

import numpy as np

from .types import DetectorInputError

__all__ = ["MIN_SIDE_PX", "MAX_SIDE_PX", "MAX_ASPECT", "ENCODINGS", "check_image", "image_from_buffer"]

MIN_SIDE_PX = 16
"""Smaller images cannot hold a detectable object at any scale the model was trained on."""
MAX_SIDE_PX = 8192
"""Larger frames would be downscaled so far that objects vanish; also caps memory per frame."""
MAX_ASPECT = 8.0
"""Letterboxing a strip thinner than this leaves almost no pixels for the scene."""

ENCODINGS = ("rgb8", "bgr8", "rgba8", "bgra8", "mono8")
"""sensor_msgs/Image encodings :func:`image_from_buffer` understands."""
_CHANNELS = {"rgb8": 3, "bgr8": 3, "rgba8": 4, "bgra8": 4, "mono8": 1}


def check_image(image: object) -> np.ndarray:
    """Return ``image`` as a C-contiguous ``HxWx3`` uint8 array or raise DetectorInputError.

    Examples
    --------
    >>> check_image(np.zeros((32, 48, 3), np.uint8)).shape
    (32, 48, 3)
    >>> check_image(np.zeros((32, 48), np.uint8))
    Traceback (most recent call last):
    ...
    dart_planner.perception.types.DetectorInputError: image must be HxWx3 (RGB), got shape (32, 48)
    """
    if image is None:
        raise DetectorInputError("no image (got None)")
    if not isinstance(image, np.ndarray):
        raise DetectorInputError(f"image must be a numpy array, got {type(image).__name__}")
    if image.size == 0:
        raise DetectorInputError(f"image is empty (shape {image.shape})")
    if image.ndim != 3 or image.shape[2] != 3:
        raise DetectorInputError(f"image must be HxWx3 (RGB), got shape {tuple(image.shape)}")
    if image.dtype != np.uint8:
        raise DetectorInputError(f"image must be uint8 (0..255), got dtype {image.dtype}")
    h, w = int(image.shape[0]), int(image.shape[1])
    if min(h, w) < MIN_SIDE_PX:
        raise DetectorInputError(f"image is too small: {w}x{h} px (each side must be >= {MIN_SIDE_PX})")
    if max(h, w) > MAX_SIDE_PX:
        raise DetectorInputError(f"image is too large: {w}x{h} px (each side must be <= {MAX_SIDE_PX})")
    if max(h, w) / min(h, w) > MAX_ASPECT:
        raise DetectorInputError(f"image has an odd aspect ratio: {w}x{h} px (more than {MAX_ASPECT:g}:1)")
    return np.ascontiguousarray(image)


def image_from_buffer(data: bytes | bytearray | memoryview, width: int, height: int, encoding: str,
                      step: int | None = None) -> np.ndarray:
    """Decode a raw image buffer (the fields of a sensor_msgs/Image) into an RGB array.

    ``step`` is the row length in bytes (rows may be padded); it defaults to the packed width.
    Raises DetectorInputError for an unknown encoding or a buffer that does not match the
    declared size, then applies :func:`check_image`.
    """
    if encoding not in _CHANNELS:
        supported = ", ".join(ENCODINGS)
        raise DetectorInputError(f"unsupported image encoding {encoding!r} (supported: {supported})")
    if width <= 0 or height <= 0:
        raise DetectorInputError(f"image is empty: {width}x{height} px")
    ch = _CHANNELS[encoding]
    row = width * ch
    step = row if step is None else int(step)
    if step < row:
        raise DetectorInputError(f"row step {step} B is shorter than a {encoding} row of {width} px "
                                 f"({row} B)")
    buf = np.frombuffer(bytes(data), dtype=np.uint8)
    if buf.size < step * (height - 1) + row:
        raise DetectorInputError(
            f"image buffer holds {buf.size} B, a {width}x{height} {encoding} image needs {step * height} B"
        )
    rows = np.lib.stride_tricks.as_strided(buf, shape=(height, row), strides=(step, 1))
    pixels = rows.reshape(height, width, ch)
    if encoding == "mono8":
        rgb = np.repeat(pixels, 3, axis=2)
    elif encoding.startswith("bgr"):
        rgb = pixels[:, :, 2::-1]
    else:
        rgb = pixels[:, :, :3]
    return check_image(np.ascontiguousarray(rgb))
