"""Draw the Teams app icons (``manifest/color.png``, ``manifest/outline.png``) with Pillow.

Usage: ``python tools/make_icons.py [--out DIR]`` (default: the repository's ``manifest/`` folder).

The glyph is a minutes document with a folded corner and text lines; the colour icon adds a
green "decided" tick. The background colour is the manifest template's ``accentColor``, so the
icon and the tile Teams draws around it always agree. Drawing is deterministic: the same Pillow
version gives the same pixels, and ``tests/test_package.py`` checks the committed PNGs against it.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from PIL import Image, ImageDraw

REPO_ROOT = Path(__file__).resolve().parent.parent
MANIFEST_DIR = REPO_ROOT / "manifest"

COLOR_SIZE = 192
OUTLINE_SIZE = 32
# Draw at this multiple of the final size and downsample: Pillow's primitives are not anti-aliased.
SUPERSAMPLE = 8

PAPER = (255, 255, 255)
FOLD = (205, 222, 238)
TEXT_LINE = (120, 150, 180)
TICK_BADGE = (46, 158, 91)


def accent_color(manifest_dir: Path = MANIFEST_DIR) -> tuple[int, int, int]:
    """The ``accentColor`` of ``manifest_dir/manifest.json`` as an RGB triple."""
    value = json.loads((manifest_dir / "manifest.json").read_text(encoding="utf-8"))["accentColor"]
    hex_digits = value.lstrip("#")
    return (int(hex_digits[0:2], 16), int(hex_digits[2:4], 16), int(hex_digits[4:6], 16))


def _scaled(points: list[tuple[float, float]], unit: float) -> list[tuple[float, float]]:
    return [(x * unit, y * unit) for x, y in points]


def render_color(background: tuple[int, int, int]) -> Image.Image:
    """The 192x192 full-colour icon (RGB, opaque) on ``background``.

    Coordinates are on a 192-unit grid; the glyph stays inside Teams' central safe area.
    """
    unit = SUPERSAMPLE
    size = COLOR_SIZE * unit
    image = Image.new("RGB", (size, size), background)
    draw = ImageDraw.Draw(image)

    # Sheet of paper with the top-right corner folded over.
    left, top, right, bottom, fold = 50.0, 34.0, 134.0, 150.0, 26.0
    sheet = [(left, top), (right - fold, top), (right, top + fold), (right, bottom), (left, bottom)]
    draw.polygon(_scaled(sheet, unit), fill=PAPER)
    flap = [(right - fold, top), (right - fold, top + fold), (right, top + fold)]
    draw.polygon(_scaled(flap, unit), fill=FOLD)

    # Heading and text lines of the minutes.
    line_height = 7.0
    rows = [(62.0, 48.0, 96.0), (62.0, 72.0, 122.0), (62.0, 90.0, 122.0), (62.0, 108.0, 104.0)]
    for x0, y0, x1 in rows:
        draw.rounded_rectangle(
            [x0 * unit, y0 * unit, x1 * unit, (y0 + line_height) * unit],
            radius=line_height * unit / 2,
            fill=TEXT_LINE,
        )

    # The decision tick: a green badge overlapping the sheet's lower-right corner.
    cx, cy, radius, ring = 134.0, 146.0, 28.0, 5.0
    draw.ellipse(
        [(cx - radius - ring) * unit, (cy - radius - ring) * unit,
         (cx + radius + ring) * unit, (cy + radius + ring) * unit],
        fill=background,
    )
    draw.ellipse(
        [(cx - radius) * unit, (cy - radius) * unit, (cx + radius) * unit, (cy + radius) * unit],
        fill=TICK_BADGE,
    )
    tick = [(cx - 13.0, cy + 1.0), (cx - 4.0, cy + 10.0), (cx + 14.0, cy - 10.0)]
    draw.line(_scaled(tick, unit), fill=PAPER, width=int(7 * unit), joint="curve")
    for x, y in (tick[0], tick[-1]):  # round the stroke ends
        r = 3.5 * unit
        draw.ellipse([x * unit - r, y * unit - r, x * unit + r, y * unit + r], fill=PAPER)

    return image.resize((COLOR_SIZE, COLOR_SIZE), Image.Resampling.LANCZOS)


def render_outline() -> Image.Image:
    """The 32x32 outline icon: white strokes on a fully transparent background (RGBA).

    Only the alpha channel varies: every pixel is white, so anti-aliased edges never turn grey.
    """
    size = OUTLINE_SIZE * SUPERSAMPLE
    scale = size / 128  # drawn on a 128-unit grid (4 units = 1 final pixel)
    mask = Image.new("L", (size, size), 0)
    draw = ImageDraw.Draw(mask)
    stroke = round(8 * scale)  # 2 final pixels

    left, top, right, bottom, fold = 24.0, 8.0, 104.0, 120.0, 28.0
    sheet = [(left, top), (right - fold, top), (right, top + fold), (right, bottom), (left, bottom)]
    draw.polygon(_scaled(sheet, scale), outline=255, width=stroke)
    flap = [(right - fold, top), (right - fold, top + fold), (right, top + fold)]
    draw.line(_scaled(flap, scale), fill=255, width=stroke, joint="curve")
    for y, x1 in ((52.0, 88.0), (72.0, 88.0), (92.0, 72.0)):
        draw.rounded_rectangle(
            [40.0 * scale, (y - 4.0) * scale, x1 * scale, (y + 4.0) * scale], radius=4.0 * scale, fill=255
        )

    alpha = mask.resize((OUTLINE_SIZE, OUTLINE_SIZE), Image.Resampling.LANCZOS)
    image = Image.new("RGBA", (OUTLINE_SIZE, OUTLINE_SIZE), (255, 255, 255, 0))
    image.putalpha(alpha)
    return image


def write_icons(out_dir: Path, manifest_dir: Path = MANIFEST_DIR) -> tuple[Path, Path]:
    """Render both icons into ``out_dir`` as ``color.png`` and ``outline.png``; return their paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    color_path = out_dir / "color.png"
    outline_path = out_dir / "outline.png"
    render_color(accent_color(manifest_dir)).save(color_path, optimize=True)
    render_outline().save(outline_path, optimize=True)
    return color_path, outline_path


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point; returns the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=MANIFEST_DIR, help="folder for the PNGs")
    args = parser.parse_args(argv)
    for path in write_icons(args.out):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
