"""Reading and writing long contact lists item by item.

`iter_xml` yields the contacts of a `realtorContactDetailsList` as they are
parsed and drops each from the parsed tree. Its memory therefore does not grow
with the list. `write_xml_stream` writes a list from any iterable of contacts.
"""

from __future__ import annotations

import io
import itertools
import tracemalloc

import pytest

import is24_common
from is24_common import ParseError, RealtorContactDetails, ValidationError

NAMESPACE = "http://rest.immobilienscout24.de/schema/common/1.0"


def contacts(count: int) -> list[RealtorContactDetails]:
    return [
        RealtorContactDetails(
            email=f"person{index}@example.com",
            lastname=f"Person {index}",
            external_id=f"crm-{index}",
        )
        for index in range(1, count + 1)
    ]


def list_document(count: int) -> bytes:
    return "".join(is24_common.write_xml_stream(contacts(count))).encode()


def test_streamed_list_reads_like_the_whole_list():
    data = list_document(50)

    streamed = list(is24_common.iter_xml(data))

    assert streamed == is24_common.read_xml(data).realtor_contact_details
    assert streamed == contacts(50)


def test_stream_written_list_equals_write_xml():
    whole = is24_common.write_xml(
        is24_common.RealtorContactDetailsList(realtor_contact_details=contacts(3))
    )

    assert "".join(is24_common.write_xml_stream(contacts(3))) == whole


def test_stream_writer_takes_a_generator_lazily():
    produced = []

    def generate():
        for contact in contacts(5):
            produced.append(contact)
            yield contact

    pieces = is24_common.write_xml_stream(generate())
    next(pieces)

    assert len(produced) == 1


def test_empty_list_needs_the_item_type():
    with pytest.raises(TypeError):
        list(is24_common.write_xml_stream([]))

    text = "".join(is24_common.write_xml_stream([], item_type=RealtorContactDetails))

    assert is24_common.read_xml(text).realtor_contact_details == []


def peak_memory_of_streaming(count: int) -> int:
    data = list_document(count)
    tracemalloc.start()
    try:
        for _ in is24_common.iter_xml(io.BytesIO(data), rules=False):
            pass
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_streaming_memory_does_not_grow_with_the_list():
    # Both lists span many 64 KiB chunks; the peak is one chunk's worth of items.
    small = peak_memory_of_streaming(1_000)
    large = peak_memory_of_streaming(5_000)

    assert large < small * 1.5, (small, large)


def test_invalid_item_raises_with_its_index():
    data = list_document(3).replace(b"person2@example.com", b"not an e-mail")
    stream = is24_common.iter_xml(data, rules=False)

    first = next(stream)
    with pytest.raises(ValidationError) as caught:
        next(stream)

    assert first.lastname == "Person 1"
    assert {problem.path for problem in caught.value.problems} == {
        "realtorContactDetailsList/realtorContactDetails[2]/email"
    }


def test_non_list_document_is_refused_at_its_root():
    data = is24_common.write_xml(contacts(1)[0])

    with pytest.raises(ParseError) as caught:
        next(is24_common.iter_xml(data))

    assert "is not one" in str(caught.value)


def test_truncated_list_yields_items_then_a_parse_error():
    data = list_document(3)[:-60]

    items = []
    with pytest.raises(ParseError):
        for item in is24_common.iter_xml(data):
            items.append(item)

    assert len(items) == 2


def test_stream_reading_refuses_a_dtd():
    data = b"<!DOCTYPE x [<!ENTITY a 'b'>]>" + list_document(1)

    with pytest.raises(ParseError) as caught:
        next(is24_common.iter_xml(data))

    assert "DTD" in str(caught.value)


def test_unknown_item_elements_are_kept_when_lenient():
    data = list_document(2).replace(
        b"<lastname>Person 2</lastname>",
        b"<lastname>Person 2</lastname><futureField>x</futureField>",
    )
    warnings: list = []

    items = list(is24_common.iter_xml(data, lenient=True, warnings=warnings))
    written = "".join(is24_common.write_xml_stream(items, lenient=True))

    assert [w.path for w in warnings] == [
        "realtorContactDetailsList/realtorContactDetails[2]/futureField"
    ]
    assert "<futureField>x</futureField>" in written


def test_messages_document_streams_its_messages():
    data = (
        f'<common:messages xmlns:common="{NAMESPACE}">'
        "<message><messageCode>MESSAGE_RESOURCE_CREATED</messageCode>"
        "<message>created</message></message>"
        "<message><messageCode>MESSAGE_RESOURCE_UPDATED</messageCode>"
        "<message>updated</message></message></common:messages>"
    )

    texts = [item.message for item in itertools.islice(is24_common.iter_xml(data), 5)]

    assert texts == ["created", "updated"]
