import codecs

import pytest

from pipeline.text.read import InputError, decode, read_document


def test_utf8_with_and_without_bom():
    t = "भारत और रूस।"
    assert decode(t.encode())[0] == t
    assert decode(codecs.BOM_UTF8 + t.encode())[0] == t


@pytest.mark.parametrize("bom,enc", [(codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")])
def test_utf16_with_bom(bom, enc):
    t = "विदेश सचिव\r\nविनय क्वात्रा"
    text, used = decode(bom + t.encode(enc))
    assert text == t and used == "utf-16"


def test_undecodable_names_file_and_byte_offset():
    data = "भारत ".encode() + "café".encode("latin-1")
    with pytest.raises(InputError) as e:
        decode(data, "corpus/x.txt")
    assert e.value.offset == len("भारत ".encode()) + 3
    assert "corpus/x.txt" in str(e.value) and "byte 16" in str(e.value)


@pytest.mark.parametrize("data,kind", [(b"", "empty"), (b" \n\t ", "empty"), (b"%PDF-1.4 ...", "binary"),
                                       (b"\x89PNG\r\n\x1a\n....", "binary"), (b"abc\x00def", "binary")])
def test_bad_inputs_have_kinds(data, kind):
    with pytest.raises(InputError) as e:
        decode(data, "f.txt")
    assert e.value.kind == kind and e.value.reason


def test_read_document_keeps_original_text(tmp_path):
    p = tmp_path / "a.txt"
    raw = "भारत\u00a0और\u200dरूस।\r\nअगला।"
    p.write_bytes(codecs.BOM_UTF8 + raw.encode())
    doc = read_document(p, tmp_path)
    assert doc.text == raw and doc.doc_id == "a.txt" and doc.metadata["sha256"]
