"""Render a schema comparison as text, Markdown or JSON.

The report leads with a summary line of counts, then the changes, breaking ones
first. Documentation-only changes are counted but listed only when asked for.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from codegen.diff import Change

AUDIENCES = ("sender", "receiver")


@dataclass(frozen=True)
class Report:
    """A comparison ready to print: the two labels, the roots, and the changes."""

    old_label: str
    new_label: str
    roots: Sequence[str]
    changes: Sequence[Change]
    show_docs: bool = False
    approximated: Sequence[str] = ()

    @property
    def listed(self) -> list[Change]:
        if self.show_docs:
            return list(self.changes)
        return [change for change in self.changes if change.severity != "docs"]

    @property
    def hidden_docs(self) -> int:
        return 0 if self.show_docs else len(self.changes) - len(self.listed)

    def count(self, audience: str, severity: str) -> int:
        return sum(
            1
            for change in self.changes
            if getattr(change, audience).severity == severity
        )

    def summary(self) -> str:
        structural = [c for c in self.changes if c.severity != "docs"]
        if not self.changes:
            return "No changes."
        parts = [
            f"{_plural(len(structural), 'change')}",
            f"{self.count('sender', 'breaking')} breaking for senders",
            f"{self.count('receiver', 'breaking')} breaking for receivers",
        ]
        docs = len(self.changes) - len(structural)
        if docs:
            parts.append(
                f"{_plural(docs, 'documentation change')}"
                + (" (shown with --docs)" if self.hidden_docs else "")
            )
        return ", ".join(parts) + "."


def render(report: Report, output_format: str) -> str:
    """Return the report in the named format: text, markdown or json."""
    if output_format == "json":
        return _json(report)
    if output_format == "markdown":
        return _markdown(report)
    return _text(report)


def _text(report: Report) -> str:
    lines = [
        f"Schema changes from {report.old_label} to {report.new_label}",
        f"Roots: {', '.join(report.roots) or 'none'}",
        report.summary(),
    ]
    for heading, changes in _sections(report):
        lines += ["", heading.upper()]
        for change in changes:
            lines.append(f"  {change.path}" + _python_suffix(change))
            lines.append(f"    {change.detail}")
            for audience in AUDIENCES:
                impact = getattr(change, audience)
                lines.append(
                    f"    {audience + ':':<9} {impact.severity:<10} {impact.reason}"
                )
    lines += _approximated_lines(report, "")
    return "\n".join(lines) + "\n"


def _markdown(report: Report) -> str:
    lines = [
        f"### Schema changes: `{report.old_label}` → `{report.new_label}`",
        "",
        f"**{report.summary()}** Roots: "
        + (", ".join(f"`{root}`" for root in report.roots) or "none")
        + ".",
    ]
    for heading, changes in _sections(report):
        lines += [
            "",
            f"#### {heading}",
            "",
            "| Component | Python | Change | Sender | Receiver |",
            "| --- | --- | --- | --- | --- |",
        ]
        for change in changes:
            cells = [
                f"`{change.path}`",
                f"`{change.python_name}`" if change.python_name else "",
                _cell(change.detail),
                _impact_cell(change, "sender"),
                _impact_cell(change, "receiver"),
            ]
            lines.append("| " + " | ".join(cells) + " |")
    lines += _approximated_lines(report, "> ", escape=_cell)
    return "\n".join(lines) + "\n"


def _json(report: Report) -> str:
    data = {
        "old": report.old_label,
        "new": report.new_label,
        "roots": list(report.roots),
        "summary": {
            audience: {
                severity: report.count(audience, severity)
                for severity in ("breaking", "compatible", "docs")
            }
            for audience in AUDIENCES
        },
        "changes": [
            {
                "kind": change.kind,
                "path": change.path,
                "python_name": change.python_name,
                "detail": change.detail,
                "severity": change.severity,
                "sender": vars(change.sender),
                "receiver": vars(change.receiver),
                "affected": list(change.affected),
            }
            for change in report.listed
        ],
        "approximated": list(report.approximated),
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _sections(report: Report) -> list[tuple[str, list[Change]]]:
    sections = []
    for severity, heading in (
        ("breaking", "Breaking changes"),
        ("compatible", "Compatible changes"),
        ("docs", "Documentation changes"),
    ):
        changes = [c for c in report.listed if c.severity == severity]
        if changes:
            sections.append((heading, changes))
    return sections


def _approximated_lines(
    report: Report, prefix: str, escape: Callable[[str], str] = str
) -> list[str]:
    if not report.approximated:
        return []
    lines = [
        "",
        f"{prefix}The generator approximates {_plural(len(report.approximated), 'construct')} "
        "it cannot render yet; changes inside them may be missed:",
    ]
    lines += [f"{prefix}- {escape(item)}" for item in report.approximated]
    return lines


def _python_suffix(change: Change) -> str:
    return f"  ({change.python_name})" if change.python_name else ""


def _impact_cell(change: Change, audience: str) -> str:
    impact = getattr(change, audience)
    label = (
        f"**{impact.severity}**" if impact.severity == "breaking" else impact.severity
    )
    return f"{label}: {_cell(impact.reason)}"


def _cell(text: str) -> str:
    """Escape text for a Markdown table cell, so that values show as written.

    Backslashes, pipes, backticks and the characters of emphasis, links and
    strikethrough (`*`, `_`, `[`, `]`, `~`) are escaped with a backslash, and
    HTML-like text becomes entities so that a value such as `<script>` is
    shown, not dropped.
    """
    for character, escaped in (
        ("&", "&amp;"),
        ("<", "&lt;"),
        (">", "&gt;"),
        ("\\", "\\\\"),
        ("|", "\\|"),
        ("`", "\\`"),
        ("*", "\\*"),
        ("_", "\\_"),
        ("[", "\\["),
        ("]", "\\]"),
        ("~", "\\~"),
        ("\n", " "),
    ):
        text = text.replace(character, escaped)
    return text


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"
