"""Untrusted input: DTD attacks, limits, and malformed documents.

Every test feeds the generated readers something a hostile or broken peer
could send. It expects the package's own error with a message that names the
fault, and nothing read, fetched or expanded on the way.
"""

from __future__ import annotations

import http.server
import io
import threading

import pytest

import is24_common
from is24_common import Limits, ParseError, ValidationError

NAMESPACE = "http://rest.immobilienscout24.de/schema/common/1.0"
ROOT_START = f'<common:realtorContactDetail xmlns:common="{NAMESPACE}">'
ROOT_END = "</common:realtorContactDetail>"


def contact(body: str = "<lastname>Muster</lastname>") -> str:
    return ROOT_START + body + ROOT_END


def parse_problem(reader, data, **options) -> str:
    with pytest.raises(ParseError) as caught:
        reader(data, rules=False, **options)
    [problem] = caught.value.problems
    return problem.message


class RequestCounter(http.server.BaseHTTPRequestHandler):
    """Counts every request; a DTD served from here must never be asked for."""

    requests: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        RequestCounter.requests.append(self.path)
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b'<!ENTITY fetched "FETCHED">')

    def log_message(self, *arguments: object) -> None:
        pass


@pytest.fixture
def loopback_server():
    """An HTTP server on 127.0.0.1 that records what is asked of it."""
    RequestCounter.requests = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), RequestCounter)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


# DTD attacks ---------------------------------------------------------------


def test_external_entity_does_not_read_a_local_file(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-MARKER")
    document = f'<!DOCTYPE r [<!ENTITY leak SYSTEM "{secret.as_uri()}">]>' + contact(
        "<lastname>&leak;</lastname>"
    )

    with pytest.raises(ParseError) as caught:
        is24_common.read_xml(document, rules=False)

    assert "DTD" in str(caught.value)
    assert "TOP-SECRET-MARKER" not in str(caught.value)


def test_billion_laughs_is_refused_before_expansion():
    entities = '<!ENTITY a0 "ha">' + "".join(
        f'<!ENTITY a{level} "{("&a" + str(level - 1) + ";") * 10}">'
        for level in range(1, 10)
    )
    document = f"<!DOCTYPE r [{entities}]>" + contact("<lastname>&a9;</lastname>")

    message = parse_problem(is24_common.read_xml, document)

    assert message.startswith("documents with a DTD (<!DOCTYPE ...>) are not accepted")


def test_quadratic_blowup_is_refused_before_expansion():
    document = f'<!DOCTYPE r [<!ENTITY big "{"x" * 50_000}">]>' + contact(
        "<lastname>" + "&big;" * 10_000 + "</lastname>"
    )

    message = parse_problem(is24_common.read_xml, document)

    assert "DTD" in message


def test_external_dtd_is_not_fetched(loopback_server):
    document = f'<!DOCTYPE r SYSTEM "{loopback_server}/external.dtd">' + contact()

    message = parse_problem(is24_common.read_xml, document.encode())

    assert "DTD" in message
    assert RequestCounter.requests == []


def test_parameter_entity_is_not_fetched(loopback_server):
    document = (
        f'<!DOCTYPE r [<!ENTITY % remote SYSTEM "{loopback_server}/p.dtd"> %remote;]>'
        + contact("<lastname>&fetched;</lastname>")
    )

    message = parse_problem(is24_common.read_xml, document.encode())

    assert "DTD" in message
    assert RequestCounter.requests == []


def test_doctype_in_comment_accepted():
    document = "<!-- <!DOCTYPE r> is only text here -->" + contact()

    obj = is24_common.read_xml(document, rules=False)

    assert obj.lastname == "Muster"


def test_undeclared_entity_is_a_parse_error():
    message = parse_problem(is24_common.read_xml, contact("<lastname>&x;</lastname>"))

    assert message.startswith("not well-formed XML at line 1")
    assert "undefined entity" in message


# Limits --------------------------------------------------------------------


class EndlessStream(io.RawIOBase):
    """A binary stream that never ends, counting what the reader took from it."""

    def __init__(self, start: bytes, filler: bytes) -> None:
        self.start = start
        self.filler = filler
        self.taken = 0

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        if size < 0:
            raise AssertionError("the reader asked for the whole endless stream")
        chunk = self.start[:size] if self.taken < len(self.start) else b""
        chunk += self.filler * max(1, (size - len(chunk)) // len(self.filler))
        chunk = chunk[:size]
        self.taken += len(chunk)
        return chunk


def test_oversized_xml_stream_refused_early():
    stream = EndlessStream(ROOT_START.encode(), b"<x/>")
    limits = Limits(max_bytes=1_000_000)

    message = parse_problem(is24_common.read_xml, stream, limits=limits)

    assert message.startswith("the document is larger than 1000000 bytes")
    assert stream.taken <= 1_000_000 + 64 * 1024


def test_oversized_json_stream_refused_early():
    stream = EndlessStream(b'{"common.realtorContactDetail": {"lastname": "', b"x")

    message = parse_problem(
        is24_common.read_json, stream, limits=Limits(max_bytes=200_000)
    )

    assert message.startswith("the document is larger than 200000 bytes")
    assert stream.taken <= 200_000 + 64 * 1024


def test_overlong_text_is_refused_early():
    stream = EndlessStream(ROOT_START.encode() + b"<lastname>", b"x")

    message = parse_problem(is24_common.read_xml, stream)

    assert "longer than" in message
    assert stream.taken < Limits().max_bytes // 10


def test_overlong_text_limit_follows_the_schema():
    longest = is24_common.limits.LONGEST_FACET

    assert Limits().max_text == max(64 * 1024, 100 * longest)
    assert longest >= 1000


def test_deep_nesting_is_refused():
    document = contact("<a>" * 500 + "</a>" * 500)

    message = parse_problem(is24_common.read_xml, document)

    assert message == (
        "elements are nested deeper than 100 levels: IS24 documents are far shallower"
    )


def test_smaller_depth_limit_still_reads_a_contact():
    obj = is24_common.read_xml(
        contact("<address><city>Berlin</city></address>"),
        rules=False,
        limits=Limits(max_depth=3),
    )

    assert obj.address.city == "Berlin"


def test_deep_json_is_a_parse_error():
    document = '{"common.realtorContactDetail": ' + "[" * 100_000 + "]" * 100_000 + "}"

    message = parse_problem(is24_common.read_json, document)

    assert message == "arrays or objects are nested too deeply to read"


# Malformed input -----------------------------------------------------------

MALFORMED_XML = [
    ("truncated", contact()[:-10], "not well-formed XML"),
    (
        "invalid UTF-8",
        contact().encode().replace(b"Muster", b"M\xffster"),
        "not well-formed",
    ),
    ("empty", b"", "not well-formed XML"),
    ("text only", b"just text", "not well-formed XML"),
    (
        "wrong root",
        f'<common:somethingElse xmlns:common="{NAMESPACE}"/>',
        "unexpected root element 'somethingElse'",
    ),
    (
        "wrong namespace",
        '<common:realtorContactDetail xmlns:common="urn:other"/>',
        "in namespace 'urn:other'",
    ),
    (
        "unknown encoding",
        b'<?xml version="1.0" encoding="no-such"?>' + contact().encode(),
        "cannot decode the document",
    ),
]


@pytest.mark.parametrize(
    "data, expected",
    [pytest.param(data, expected, id=name) for name, data, expected in MALFORMED_XML],
)
def test_malformed_xml_is_a_parse_error(data, expected):
    assert expected in parse_problem(is24_common.read_xml, data)


KEY = '"common.realtorContactDetail"'
MALFORMED_JSON = [
    ("truncated", "{" + KEY + ': {"lastname": "Mus', "not valid JSON"),
    (
        "invalid UTF-8",
        b"{" + KEY.encode() + b': {"lastname": "M\xffster"}}',
        "not valid JSON",
    ),
    ("array", "[1, 2]", "expected an object with exactly one member"),
    (
        "two roots",
        "{" + KEY + ": {}, " + KEY.replace("Detail", "Details") + ": {}}",
        "exactly one member",
    ),
    (
        "NaN",
        "{" + KEY + ': {"realEstateReferenceCount": NaN}}',
        "NaN is not a JSON number",
    ),
    (
        "Infinity",
        "{" + KEY + ': {"realEstateReferenceCount": -Infinity}}',
        "-Infinity is not a JSON number",
    ),
    (
        "duplicate member",
        "{" + KEY + ': {"lastname": "a", "lastname": "b"}}',
        "'lastname' appears twice",
    ),
    ("unknown root", '{"common.other": {}}', "unexpected root member 'common.other'"),
]


@pytest.mark.parametrize(
    "data, expected",
    [pytest.param(data, expected, id=name) for name, data, expected in MALFORMED_JSON],
)
def test_malformed_json_is_a_parse_error(data, expected):
    assert expected in parse_problem(is24_common.read_json, data)


WRONG_VALUES_JSON = [
    (
        "null value",
        '{"lastname": null}',
        "realtorContactDetail/lastname",
        "null is not allowed",
    ),
    (
        "object for text",
        '{"lastname": {"a": 1}}',
        "realtorContactDetail/lastname",
        "expected a string",
    ),
    (
        "number beyond xs:long",
        '{"realEstateReferenceCount": 9223372036854775808}',
        "realtorContactDetail/realEstateReferenceCount",
        "9223372036854775807",
    ),
    ("root is a string", '"text"', "realtorContactDetail", "expected an object"),
    (
        "array of one for a single value",
        '{"lastname": ["a", "b"]}',
        "realtorContactDetail/lastname",
        "expected one value",
    ),
]


@pytest.mark.parametrize(
    "body, path, expected",
    [pytest.param(*case[1:], id=case[0]) for case in WRONG_VALUES_JSON],
)
def test_wrong_json_shape_names_path(body, path, expected):
    with pytest.raises(ValidationError) as caught:
        is24_common.read_json("{" + KEY + ": " + body + "}", rules=False)

    assert any(
        problem.path == path and expected in problem.message
        for problem in caught.value.problems
    ), caught.value.problems


def test_xml_long_overflow_names_path():
    document = contact(
        "<lastname>M</lastname>"
        "<realEstateReferenceCount>9223372036854775808</realEstateReferenceCount>"
    )

    with pytest.raises(ValidationError) as caught:
        is24_common.read_xml(document, rules=False)

    [problem] = caught.value.problems
    assert problem.path == "realtorContactDetail/realEstateReferenceCount"


def test_missing_file_is_a_parse_error_naming_it(tmp_path):
    missing = tmp_path / "missing.xml"

    with pytest.raises(ParseError) as caught:
        is24_common.read_xml(missing)

    assert caught.value.source == str(missing)
    assert "cannot read the file" in str(caught.value)


# Floods of bad or unknown elements ----------------------------------------

FLOODS = [
    ("unknown elements", "<u/>" * 20_000),
    ("wrong namespace", '<o:message xmlns:o="urn:o"/>' * 20_000),
]


@pytest.mark.parametrize("lenient", [False, True], ids=["strict", "lenient"])
@pytest.mark.parametrize(
    "flood", [pytest.param(flood, id=name) for name, flood in FLOODS]
)
def test_element_flood_stops_at_limit(flood, lenient):
    document = f'<common:messages xmlns:common="{NAMESPACE}">{flood}</common:messages>'

    with pytest.raises(ValidationError) as caught:
        is24_common.read_xml(document, lenient=lenient)

    problems = caught.value.problems
    assert len(problems) <= is24_common.errors.MAX_PROBLEMS + 1
    assert problems[-1].message.startswith("more than 1000 problems")


def test_json_member_flood_stops_at_limit():
    members = ", ".join(f'"u{index}": 1' for index in range(5_000))
    document = "{" + KEY + ": {" + members + "}}"

    with pytest.raises(ValidationError) as caught:
        is24_common.read_json(document, lenient=True)

    problems = caught.value.problems
    assert len(problems) <= is24_common.errors.MAX_PROBLEMS + 1
    assert problems[-1].message.startswith("more than 1000 problems")


# Sources of every kind -----------------------------------------------------


@pytest.mark.parametrize(
    "wrap", [bytearray, memoryview], ids=["bytearray", "memoryview"]
)
def test_byte_buffers_are_read_like_bytes(wrap):
    assert (
        is24_common.read_xml(wrap(contact().encode()), rules=False).lastname == "Muster"
    )


def test_unreadable_source_type_is_a_type_error():
    with pytest.raises(TypeError, match="pass bytes, str, a path or a binary file"):
        is24_common.read_xml(None)


def test_text_stream_ignores_declared_encoding(tmp_path):
    path = tmp_path / "latin1.xml"
    path.write_bytes(
        b'<?xml version="1.0" encoding="ISO-8859-1"?>'
        + contact("<lastname>\xc4rger</lastname>").encode("latin-1")
    )

    with path.open(encoding="latin-1") as text_stream:
        obj = is24_common.read_xml(text_stream, rules=False)

    assert obj.lastname == "Ärger"


def test_closed_file_is_a_read_error(tmp_path):
    stream = io.BytesIO(contact().encode())
    stream.close()

    assert "cannot read the input" in parse_problem(is24_common.read_xml, stream)


def test_json_array_for_a_single_root_is_refused():
    document = "{" + KEY + ': [{"email": "a@example.com"}, {"lastname": "M"}]}'

    with pytest.raises(ValidationError) as caught:
        is24_common.read_json(document, rules=False)

    assert "expected an object, got an array" in str(caught.value)


def test_json_root_with_another_prefix_is_refused():
    message = parse_problem(is24_common.read_json, '{"xyz.realtorContactDetail": {}}')

    assert "unexpected root member 'xyz.realtorContactDetail'" in message


@pytest.mark.parametrize(
    "key",
    [
        "common.realtorContactDetail",
        "common:realtorContactDetail",
        "realtorContactDetail",
    ],
)
def test_json_root_key_forms_are_read(key):
    obj = is24_common.read_json('{"' + key + '": {"lastname": "M"}}', rules=False)

    assert obj.lastname == "M"


def test_json_text_with_bom_read():
    obj = is24_common.read_json("\ufeff{" + KEY + ': {"lastname": "M"}}', rules=False)

    assert obj.lastname == "M"


def test_command_line_validate_streams_the_file(capsys):
    from is24_common.__main__ import main

    status = main(["validate", "/dev/zero"])

    assert status == 1
    assert "/dev/zero: the document is larger than" in capsys.readouterr().out
