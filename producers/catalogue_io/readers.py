"""Reading a catalogue file as people really have it, one row at a time.

CSV as French Excel or LibreOffice write it (`;`, `,` or tab; UTF-8 with or without BOM,
UTF-16 "texte Unicode", or Windows-1252), XLSX (openpyxl in read-only mode, which streams the
sheet) and ODS (its content.xml parsed incrementally with the standard library: odfpy builds the
whole document in memory, which a 40,000-row sheet cannot afford). Every reader yields the
spreadsheet's row number (the header is line 1) and the cells as text, and can be opened again
for the second pass of the import.
"""

import codecs
import csv
import datetime
import io
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import IO, Any
from xml.etree import ElementTree

from django.utils.translation import gettext as _

from producers.catalogue_io.columns import COLUMNS, canonical

Row = tuple[int, list[str]]

_SEPARATORS = (";", ",", "\t")
_CHUNK = 1 << 20
_ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"


class FileFormatError(ValueError):
    """The file cannot be read as a catalogue at all."""


@dataclass
class Source:
    """A catalogue file: a path, or an open binary file (an upload) that can be rewound."""

    file: str | Path | IO[bytes]
    name: str = ""

    def __post_init__(self) -> None:
        if not self.name:
            self.name = str(self.file) if isinstance(self.file, str | Path) else str(
                getattr(self.file, "name", "")
            )

    @contextmanager
    def open(self) -> Iterator[IO[bytes]]:
        if isinstance(self.file, str | Path):
            try:
                handle = open(self.file, "rb")  # noqa: SIM115 - closed below
            except OSError as exc:
                raise FileFormatError(
                    _("impossible d'ouvrir %(name)s : %(error)s")
                    % {"name": self.name, "error": exc.strerror}
                ) from exc
            with handle:
                yield handle
        else:
            self.file.seek(0)
            yield self.file


@dataclass
class Table:
    """One pass over a file: its format, its header and an iterator over the rows below it."""

    format: str
    header: list[str]
    rows: Iterator[Row]


def detect_format(source: Source) -> str:
    """By content, not by name: a CSV saved as .xls or an .xlsx renamed still open."""
    with source.open() as handle:
        start = handle.read(4)
        if start != b"PK\x03\x04":
            return "csv"
        handle.seek(0)
        try:
            with zipfile.ZipFile(handle) as archive:
                names = set(archive.namelist())
                if "mimetype" in names and archive.read("mimetype").strip() == _ODS_MIMETYPE:
                    return "ods"
                if "xl/workbook.xml" in names:
                    return "xlsx"
        except zipfile.BadZipFile:
            pass
    raise FileFormatError(_("format de fichier non reconnu : CSV, XLSX ou ODS attendu."))


@contextmanager
def open_table(source: Source, file_format: str | None = None) -> Iterator[Table]:
    file_format = file_format or detect_format(source)
    opener = {"csv": _open_csv, "xlsx": _open_xlsx, "ods": _open_ods}[file_format]
    with source.open() as handle, opener(handle) as rows:
        first = next(rows, None)
        if first is None:
            raise FileFormatError(_("le fichier est vide."))
        yield Table(format=file_format, header=first[1], rows=rows)


# --- CSV ----------------------------------------------------------------------------------

def _detect_encoding(handle: IO[bytes]) -> str:
    start = handle.read(4)
    handle.seek(0)
    if start.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if start.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    # Decode the whole file as UTF-8 chunk by chunk (nothing kept): Windows-1252 accents are
    # almost never valid UTF-8, so one failure means the file came from an older Excel.
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        while chunk := handle.read(_CHUNK):
            decoder.decode(chunk)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return "cp1252"
    finally:
        handle.seek(0)
    return "utf-8"


def _detect_separator(first_line: str) -> str:
    """The separator that splits the header into the most known columns (then the most cells)."""

    def score(separator: str) -> tuple[int, int]:
        cells = next(csv.reader([first_line], delimiter=separator), [])
        return sum(canonical(c) in COLUMNS for c in cells), len(cells)

    return max(_SEPARATORS, key=score)


@contextmanager
def _open_csv(handle: IO[bytes]) -> Iterator[Iterator[Row]]:
    encoding = _detect_encoding(handle)
    text = io.TextIOWrapper(handle, encoding=encoding, newline="")
    try:
        first_line = text.readline()
        text.seek(0)
        reader = csv.reader(text, delimiter=_detect_separator(first_line))
        yield _csv_rows(reader)
    finally:
        text.detach()  # the caller owns the binary file (an upload may be read again)


def _csv_rows(reader: Any) -> Iterator[Row]:
    try:
        yield from enumerate(reader, start=1)
    except UnicodeDecodeError as exc:
        raise FileFormatError(
            _("encodage du fichier non reconnu (UTF-8 ou Windows-1252 attendu).")
        ) from exc
    except csv.Error as exc:
        raise FileFormatError(_("CSV illisible : %(error)s") % {"error": exc}) from exc


# --- XLSX ---------------------------------------------------------------------------------

def cell_text(value: object) -> str:
    """A spreadsheet cell as the text a person would have typed."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float):
        # 73282932000074.0 is a SIRET typed as a number; 12.5 a price.
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    return str(value)


@contextmanager
def _open_xlsx(handle: IO[bytes]) -> Iterator[Iterator[Row]]:
    import openpyxl  # heavy: only when an XLSX file comes

    try:
        workbook = openpyxl.load_workbook(handle, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds on a damaged file
        raise FileFormatError(_("classeur XLSX illisible : %(error)s") % {"error": exc}) from exc
    try:
        sheet = workbook.worksheets[0]
        yield (
            (line, [cell_text(v) for v in values])
            for line, values in enumerate(sheet.iter_rows(values_only=True), start=1)
        )
    finally:
        workbook.close()


# --- ODS ----------------------------------------------------------------------------------

_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_ROW, _CELL, _COVERED = f"{{{_TABLE}}}table-row", f"{{{_TABLE}}}table-cell", \
    f"{{{_TABLE}}}covered-table-cell"
_SHEET = f"{{{_TABLE}}}table"
_NUMERIC = {"float", "percentage", "currency"}


def _ods_paragraph(element: ElementTree.Element) -> str:
    parts = [element.text or ""]
    for child in element:
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "s":
            parts.append(" " * int(child.get(f"{{{_TEXT}}}c", "1")))
        elif tag == "tab":
            parts.append("\t")
        elif tag == "line-break":
            parts.append("\n")
        else:
            parts.append(_ods_paragraph(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _ods_cell(cell: ElementTree.Element) -> str:
    if cell.get(f"{{{_OFFICE}}}value-type") in _NUMERIC:
        return cell_text(Decimal(cell.get(f"{{{_OFFICE}}}value", "0")).normalize())
    return "\n".join(_ods_paragraph(p) for p in cell if p.tag == f"{{{_TEXT}}}p")


# An ODS file can say "this cell, 400 million times" in a few bytes: values are expanded only
# within these bounds (the catalogue has 13 columns; a row repeated with content is a copy).
MAX_ODS_COLUMNS = 100
MAX_ODS_ROW_REPEAT = 1000


def _repeat(element: ElementTree.Element, attribute: str) -> int:
    try:
        return max(1, int(element.get(f"{{{_TABLE}}}{attribute}", "1")))
    except ValueError:
        raise FileFormatError(_("classeur ODS illisible : répétition mal formée.")) from None


def _ods_row(row: ElementTree.Element) -> list[str]:
    cells: list[str] = []
    blanks = 0
    for cell in row:
        if cell.tag not in (_CELL, _COVERED):
            continue
        repeat = _repeat(cell, "number-columns-repeated")
        value = _ods_cell(cell)
        if not value:
            # Only added when a value follows: LibreOffice ends each row with one empty cell
            # repeated to the sheet's full width.
            blanks += repeat
            continue
        if len(cells) + blanks + repeat > MAX_ODS_COLUMNS:
            raise FileFormatError(_("le classeur a plus de %(max)d colonnes remplies : gardez "
                                    "celles du catalogue.") % {"max": MAX_ODS_COLUMNS})
        cells.extend([""] * blanks)
        blanks = 0
        cells.extend([value] * repeat)
    return cells


def _ods_rows(content: IO[bytes]) -> Iterator[Row]:
    line = 0
    sheets = 0
    parents: list[ElementTree.Element] = []
    try:
        # An uploaded file is untrusted: ElementTree never fetches external entities, and the
        # expat bundled with Python >= 3.12 (2.6) caps entity expansion ("billion laughs").
        events = ElementTree.iterparse(content, events=("start", "end"))  # noqa: S314
        for event, element in events:
            if event == "start":
                if element.tag == _SHEET:
                    sheets += 1
                parents.append(element)
                continue
            parents.pop()
            if element.tag == _SHEET:
                return  # the first sheet only
            if element.tag != _ROW or not sheets:
                continue
            cells = _ods_row(element)
            repeat = _repeat(element, "number-rows-repeated")
            parents[-1].remove(element)  # keep memory flat: the row is done with
            if not cells:
                line += repeat  # blank rows (often a million of them at the end)
                continue
            if repeat > MAX_ODS_ROW_REPEAT:
                raise FileFormatError(_(
                    "ligne %(line)d : la même ligne est répétée %(repeat)d fois ; un catalogue "
                    "a une ligne par produit.") % {"line": line + 1, "repeat": repeat})
            for _i in range(repeat):
                line += 1
                yield line, cells
    except ElementTree.ParseError as exc:
        raise FileFormatError(_("classeur ODS illisible : %(error)s") % {"error": exc}) from exc


@contextmanager
def _open_ods(handle: IO[bytes]) -> Iterator[Iterator[Row]]:
    with zipfile.ZipFile(handle) as archive, archive.open("content.xml") as content:
        yield _ods_rows(content)
