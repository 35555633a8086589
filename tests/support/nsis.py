"""Read what an NSIS 3 (Unicode, solid LZMA) installer will do: its instructions and strings.

7-Zip lists and extracts the files of an NSIS installer but, as Debian builds it, does not show
the script. This reads the compiled header instead (NSIS ``Source/exehead/fileform.h``):
``firstheader`` after the stub, then one raw LZMA stream whose first item is the header; the
header's block table points at the instructions ("entries": an opcode and six parameters) and
the UTF-16 string table. Opcodes are not numbered here (their numbers depend on how NSIS was
configured): tests look for instructions by their string parameters, e.g. a ``.lnk`` path with
its target and arguments is a CreateShortCut.
"""

from __future__ import annotations

import lzma
import struct
from dataclasses import dataclass
from pathlib import Path

SIGNATURE = b"\xef\xbe\xad\xdeNullsoftInst"
BLOCKS = ("pages", "sections", "entries", "strings", "langtables", "ctlcolors", "bgfont", "data")
# special characters in Unicode string tables (NSIS 3): language string, shell folder, variable, skip
_LANG, _SHELL, _VAR, _SKIP = 1, 2, 3, 4
# shell-folder codes as NSIS writes them (CSIDL values) for the ones these tests read
_CSIDL = {
    0x02: "$SMPROGRAMS",
    0x10: "$DESKTOP",
    0x1C: "$LOCALAPPDATA",
    0x25: "$SYSDIR",
    0x26: "$PROGRAMFILES",
}
# variables: $0-$9, $R0-$R9, then the predefined ones in this order
_PREDEFINED = ("$CMDLINE", "$INSTDIR", "$OUTDIR", "$EXEDIR", "$LANGUAGE", "$TEMP", "$PLUGINSDIR",
               "$EXEPATH", "$EXEFILE", "$HWNDPARENT", "$_CLICK", "$_OUTDIR")  # fmt: skip


@dataclass(frozen=True)
class Entry:
    opcode: int
    params: tuple[int, ...]


@dataclass(frozen=True)
class Header:
    entries: tuple[Entry, ...]
    strings: bytes  # the UTF-16LE string table
    langtable: bytes
    language_ids: tuple[int, ...]

    def string(self, offset: int) -> str:
        """The string at ``offset`` (in characters), with variables and folders written out."""
        if offset < 0 or offset * 2 >= len(self.strings):
            return ""
        out: list[str] = []
        i = offset * 2
        while i + 1 < len(self.strings):
            (ch,) = struct.unpack_from("<H", self.strings, i)
            i += 2
            if ch == 0:
                break
            if ch in (_SKIP, _VAR, _SHELL, _LANG):
                (arg,) = struct.unpack_from("<H", self.strings, i)
                i += 2
                if ch == _SKIP:
                    out.append(chr(arg))
                elif ch == _VAR:
                    index = (arg & 0x7F) | ((arg & 0x7F00) >> 1)
                    out.append(_variable(index))
                elif ch == _SHELL:
                    # low byte: the per-user folder, high byte: the all-users one
                    out.append(_CSIDL.get(arg & 0xFF, "$SHELL"))
                else:
                    out.append("$(LANG)")
            else:
                out.append(chr(ch))
        return "".join(out)

    def text(self, param: int) -> str:
        """A string parameter: an offset into the string table, or (negative) a language string."""
        if param >= 0:
            return self.string(param)
        index = -(param + 1)  # language tables: LANGID, dialog offset, RTL flag, string offsets
        if 10 + 4 * index + 4 > len(self.langtable):
            return ""
        (offset,) = struct.unpack_from("<i", self.langtable, 10 + 4 * index)
        return self.string(offset)

    def all_strings(self) -> list[str]:
        text = self.strings.decode("utf-16-le", errors="replace")
        return [part for part in text.split("\x00") if part]

    def calls_with(self, *fragments: str) -> list[tuple[str, ...]]:
        """The string parameters of every instruction one of whose parameters has all ``fragments``."""
        found = []
        for entry in self.entries:
            texts = tuple(self.string(p) if p > 0 else "" for p in entry.params)
            if any(all(f in t for f in fragments) for t in texts):
                found.append(texts)
        return found


def _variable(index: int) -> str:
    if index < 10:
        return f"${index}"
    if index < 20:
        return f"$R{index - 10}"
    rest = index - 20
    return _PREDEFINED[rest] if rest < len(_PREDEFINED) else f"$VAR{index}"


def read_header(installer: Path) -> Header:
    data = installer.read_bytes()
    at = data.find(SIGNATURE)
    if at < 4:
        raise ValueError(f"{installer}: not an NSIS installer")
    start = at - 4 + 28  # firstheader: flags, siginfo, "NullsoftInst", header length, data length
    props = data[start : start + 5]
    lc, rest = props[0] % 9, props[0] // 9
    lp, pb = rest % 5, rest // 5
    (dict_size,) = struct.unpack_from("<I", props, 1)
    decompressor = lzma.LZMADecompressor(
        format=lzma.FORMAT_RAW,
        filters=[{"id": lzma.FILTER_LZMA1, "dict_size": dict_size, "lc": lc, "lp": lp, "pb": pb}],
    )
    (header_size,) = struct.unpack_from("<I", data, at - 4 + 20)
    stream = decompressor.decompress(data[start + 5 :], max_length=header_size + 4)
    header = stream[4 : 4 + header_size]
    blocks = {}
    for i, name in enumerate(BLOCKS):
        offset, count = struct.unpack_from("<II", header, 4 + 8 * i)
        blocks[name] = (offset, count)
    e_off, e_num = blocks["entries"]
    entries = tuple(
        Entry(values[0], tuple(values[1:]))
        for values in (struct.unpack_from("<7i", header, e_off + 28 * n) for n in range(e_num))
    )
    s_off, l_off = blocks["strings"][0], blocks["langtables"][0]
    end = blocks["ctlcolors"][0] or len(header)
    langtable = header[l_off:end]
    count = blocks["langtables"][1]
    size = (end - l_off) // count if count else 0
    ids = tuple(struct.unpack_from("<H", langtable, n * size)[0] for n in range(count))
    return Header(entries, header[s_off:l_off], langtable, ids)
