"""The statistics panel at the top of the article notebook: the `stats` table as figures."""

from __future__ import annotations

import pandas as pd

from .. import schemas


def stats_panel_html(stats: pd.DataFrame) -> str:
    """The statistics as a compact panel of figures, for the top of the article notebook."""
    import html

    v = dict(zip(stats["measure"], stats["value"]))
    notes = dict(zip(stats["measure"], stats["note"]))

    def card(label: str, value: str, note: str = "") -> str:
        return (
            f'<div style="padding:.4em .8em;border-left:3px solid #0072B2;background:#f7f9fb" title="{html.escape(note)}">'
            f'<div style="font-size:1.5em;font-weight:bold">{html.escape(value)}</div>'
            f'<div style="font-size:.85em;color:#444">{html.escape(label)}</div></div>'
        )

    status = " · ".join(f"{v[f'events {s}']:.0%} {s}" for s in schemas.STATUSES)
    cards = [
        card("words", f"{v['words']:.0f}", notes["words"]),
        card("sentences", f"{v['sentences']:.0f}", notes["sentences"]),
        card("unique terms", f"{v['unique terms']:.0f}", notes["unique terms"]),
        card("vocabulary density", f"{v['vocabulary density']:.2f}", notes["vocabulary density"]),
        card("lexical diversity (MTLD)", f"{v['lexical diversity (MTLD)']:.0f}", notes["lexical diversity (MTLD)"]),
        card("words per sentence", f"{v['mean sentence length']:.1f}", f"longest: {v['longest sentence']:.0f} {notes['longest sentence']}"),
        card("Flesch reading ease", f"{v['Flesch reading ease']:.0f}", notes["Flesch reading ease"]),
        card("grade (Flesch-Kincaid · Coleman-Liau · fog)",
             f"{v['Flesch-Kincaid grade']:.1f} · {v['Coleman-Liau index']:.1f} · {v['Gunning fog']:.1f}", "US school grade"),
        card("in quotation marks", f"{v['words in quotation marks']:.0%}", notes["words in quotation marks"]),
    ]  # fmt: skip
    grid = "display:grid;grid-template-columns:repeat(auto-fill,minmax(11em,1fr));gap:.5em;font-family:sans-serif"
    return (
        f'<div style="{grid}">{"".join(cards)}</div>'
        f'<p style="font-family:sans-serif;font-size:.9em">Events by status: {html.escape(status)}</p>'
    )


class StatsPanel:
    """The statistics panel, for a notebook cell to display (HTML, or the table as text)."""

    def __init__(self, stats: pd.DataFrame):
        self.stats = stats

    def _repr_html_(self) -> str:
        return stats_panel_html(self.stats)

    def __repr__(self) -> str:
        return self.stats.to_string(index=False)
