"""Server-rendered SVG bar charts for the ``/provinsi`` pages: no script, no third-party file,
readable on a phone (the SVG scales to the width of the page)."""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup, escape

from p4_desk.domain.wording import format_number

ROW = 26
LABEL_W = 150
BAR_W = 230
VALUE_W = 70
WIDTH = LABEL_W + BAR_W + VALUE_W


def bar_chart(
    title: str,
    bars: Sequence[tuple[str, float | None]],
    *,
    top: float | None = None,
    unit: str = "",
    places: int = 1,
) -> Markup:
    """Horizontal bars ``(label, value)``; a missing value is drawn as "–". ``top`` is the full
    width (default: the largest value)."""
    values = [v for _, v in bars if v is not None]
    full = top if top is not None else max(values, default=0) or 1
    height = ROW * len(bars) + 8
    parts = [
        f'<svg class="chart" role="img" viewBox="0 0 {WIDTH} {height}" width="100%" '
        f'preserveAspectRatio="xMinYMin meet" aria-label="{escape(title)}">',
        f"<title>{escape(title)}</title>",
    ]
    for index, (label, value) in enumerate(bars):
        y = 4 + index * ROW
        parts.append(
            f'<text x="{LABEL_W - 6}" y="{y + 17}" text-anchor="end" font-size="13" fill="#1f2933">'
            f"{escape(_short(label))}</text>"
        )
        if value is None:
            shown = "–"
        else:
            width = max(1.0, BAR_W * min(value, full) / full)
            parts.append(
                f'<rect x="{LABEL_W}" y="{y + 4}" width="{width:.1f}" height="{ROW - 8}" fill="#2f6fb0"/>'
            )
            shown = format_number(value, places) + unit
        parts.append(
            f'<text x="{LABEL_W + BAR_W + 6}" y="{y + 17}" font-size="13" fill="#1f2933">'
            f"{escape(shown)}</text>"
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def _short(label: str, limit: int = 22) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"
