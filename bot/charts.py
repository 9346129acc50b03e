"""PNG charts for /chart, drawn with matplotlib's object API (no pyplot state, so safe in a thread). The
labels are in the chat's language: asyncio.to_thread carries the update's language to the thread."""

from __future__ import annotations

from io import BytesIO

from bot.texts import _


def _plain(label: str) -> str:
    """A speaker's name is text, never matplotlib mathtext: "$\\frac{$" would stop the whole chart."""
    return label.replace("$", r"\$")


def render_png(title: str, calibration: list[tuple[float, float, int]],
               speakers: list[tuple[str, float, float, float, int]]) -> bytes:
    """A calibration chart and, when given, an accuracy bar chart with 95% intervals. Sized for a phone."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    panels = 2 if speakers else 1
    height = 5.2 + (0.42 * max(3, len(speakers)) + 1.2 if speakers else 0)
    fig = Figure(figsize=(7.2, height), dpi=120, layout="constrained")
    FigureCanvasAgg(fig)
    grid = fig.add_gridspec(panels, 1, height_ratios=[5.2, height - 5.2] if speakers else [1])
    ax = fig.add_subplot(grid[0])
    ax.plot([0, 1], [0, 1], linestyle="--", color="#999999", linewidth=1, label=_("perfectly calibrated"))
    if calibration:
        xs = [c[0] for c in calibration]
        ys = [c[1] for c in calibration]
        ns = [c[2] for c in calibration]
        biggest = max(ns)
        ax.scatter(xs, ys, s=[60 + 440 * n / biggest for n in ns], color="#1f77b4", alpha=0.8, zorder=3,
                   label=_("what happened"))
        ax.plot(xs, ys, color="#1f77b4", linewidth=1.5, zorder=2)
        for x, y, n in calibration:
            ax.annotate(f"n={n}", (x, y), textcoords="offset points", xytext=(0, 11), ha="center", fontsize=10)
    ax.set_xlim(-0.02, 1.02)
    ax.set_ylim(-0.02, 1.08)
    ax.set_xlabel(_("stated confidence (from the hedge words)"), fontsize=11)
    ax.set_ylabel(_("share that came true"), fontsize=11)
    ax.set_title(_plain(title), fontsize=13, fontweight="bold")
    ax.grid(alpha=0.3)
    ax.legend(loc="upper left", fontsize=9)
    if speakers:
        bx = fig.add_subplot(grid[1])
        names = [_plain(f"{s[0][:24]} (n={s[4]})") for s in speakers][::-1]
        acc = [s[1] for s in speakers][::-1]
        lo = [s[1] - s[2] for s in speakers][::-1]
        hi = [s[3] - s[1] for s in speakers][::-1]
        bx.barh(names, acc, xerr=[lo, hi], color="#2ca02c", alpha=0.8, capsize=4, error_kw={"elinewidth": 1.2})
        bx.set_xlim(0, 1)
        bx.set_xlabel(_("accuracy with 95% interval"), fontsize=11)
        bx.tick_params(axis="y", labelsize=10)
        bx.grid(axis="x", alpha=0.3)
    buf = BytesIO()
    fig.savefig(buf, format="png")
    return buf.getvalue()
