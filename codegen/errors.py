"""Errors the generator reports to the person running it.

A `CodegenError` is a problem with the input or the configuration: the command
line prints it and exits with status 2, leaving the output folder untouched.
Anything else that escapes is a bug in the generator and is reported as an
INTERNAL ERROR.
"""

from __future__ import annotations


class CodegenError(Exception):
    """A problem with the schema or the configuration, with where it was found.

    Args:
        message: one sentence saying what is wrong and what to do.
        **context: where it happened, printed as `key: value` lines
            (`schema`, `line`, `component`, ...). None values are left out.
    """

    def __init__(self, message: str, **context: object) -> None:
        super().__init__(message)
        self.message = message
        self.context = {
            key: value for key, value in context.items() if value is not None
        }

    def __str__(self) -> str:
        lines = [self.message]
        lines.extend(f"  {key}: {value}" for key, value in self.context.items())
        return "\n".join(lines)


class UnsupportedConstruct(CodegenError):
    """A valid XSD construct that this generator cannot render yet."""
