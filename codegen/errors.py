"""Errors the generator reports to the person running it.

A `CodegenError` is a problem with the input or the configuration: the command
line prints it and exits with status 2, leaving the output folder untouched.
Anything else that escapes is a bug in the generator and is reported as an
INTERNAL ERROR.
"""

from __future__ import annotations

from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname
from xml.parsers import expat


class CodegenError(Exception):
    """A problem with the schema or the configuration, with where it was found.

    Args:
        message: one sentence saying what is wrong and what to do.
        **context: where it happened, printed as `key: value` lines
            (`schema`, `line`, `component`, ...). None values are left out, and
            a `file://` URL given as `schema` is printed as a path.
    """

    def __init__(self, message: str, **context: object) -> None:
        super().__init__(message)
        self.message = message
        self.context = {
            key: value for key, value in context.items() if value is not None
        }
        if isinstance(self.context.get("schema"), str):
            self.context["schema"] = file_path(self.context["schema"])

    def __str__(self) -> str:
        lines = [self.message]
        lines.extend(f"  {key}: {value}" for key, value in self.context.items())
        return "\n".join(lines)


class UnsupportedConstruct(CodegenError):
    """A valid XSD construct that this generator cannot render yet."""


def file_path(location: str) -> str:
    """Return the local path of a `file://` URL, and any other location unchanged."""
    parts = urlsplit(location)
    if parts.scheme != "file":
        return location
    return url2pathname(unquote(parts.path))


def element_line(location: str | None, root: object, elem: object) -> int | None:
    """Return the line where `elem` starts in the XML file at `location`.

    `root` is the root element of that file as ElementTree parsed it. The
    ElementTree elements carry no line numbers, so the file is read again with
    expat and the element found by its position in document order. Returns None
    for a location that is not a local file, or when the element is not found.
    """
    if location is None or root is None or elem is None:
        return None
    position = _document_position(root, elem)
    if position is None:
        return None
    starts: list[tuple[str, int]] = []
    parser = expat.ParserCreate(namespace_separator="}")

    def record_start(name: str, attributes: object) -> None:
        starts.append((name, parser.CurrentLineNumber))

    parser.StartElementHandler = record_start
    try:
        with open(file_path(location), "rb") as stream:
            parser.ParseFile(stream)
    except (OSError, ValueError, expat.ExpatError):
        pass
    if position >= len(starts):
        return None
    name, line = starts[position]
    # expat writes `{uri}local` as `uri}local`: a different tag means the trees differ.
    expected = getattr(elem, "tag", "")
    if name != expected.removeprefix("{"):
        return None
    return line


def _document_position(root, elem) -> int | None:
    position = 0
    for candidate in root.iter():
        if not isinstance(candidate.tag, str):
            continue  # comments and processing instructions, if the tree kept them
        if candidate is elem:
            return position
        position += 1
    return None
