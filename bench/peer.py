#!/usr/bin/python3
"""The Python export peers: replay cells.bin (see peer-libxlsxwriter.c) with

  xlsxwriter  Debian's python3-xlsxwriter, constant_memory mode
  openpyxl    python3-openpyxl, write-only mode
  read        only read and decode cells.bin (the replay's own cost)

then fsync the file, as the app does.  Usage: peer.py MODE CELLS.bin OUT.xlsx
"""
import datetime
import os
import struct
import sys

U8, U16, U32 = struct.Struct("<B"), struct.Struct("<H"), struct.Struct("<I")
CELL = struct.Struct("<IHB")
F64 = struct.Struct("<d")
DATE = struct.Struct("<HBBBBB")


def records(path):
    """Yields ('S', sheet) and (kind, row, col, fmt, value[, cached])."""
    with open(path, "rb", buffering=1 << 20) as f:
        read = f.read
        if read(8) != b"CLCELLS1":
            raise SystemExit("peer.py: not a cells file")
        names = [read(U16.unpack(read(2))[0]).decode("utf-8") for _ in range(U16.unpack(read(2))[0])]
        formats = [read(U32.unpack(read(4))[0]).decode("utf-8") for _ in range(U16.unpack(read(2))[0])]
        yield "header", names, formats
        while True:
            kind = read(1)
            if kind == b"E":
                return
            if kind == b"S":
                yield "S", U16.unpack(read(2))[0]
                continue
            r, c, fmt = CELL.unpack(read(7))
            if kind == b"N":
                yield "N", r, c, fmt, F64.unpack(read(8))[0]
            elif kind == b"T":
                yield "T", r, c, fmt, read(U32.unpack(read(4))[0]).decode("utf-8")
            elif kind == b"D":
                y, mo, d, h, mi, s = DATE.unpack(read(7))
                yield "D", r, c, fmt, datetime.datetime(y, mo, d, h, mi, s)
            elif kind == b"F":
                formula = read(U32.unpack(read(4))[0]).decode("utf-8")
                yield "F", r, c, fmt, formula, F64.unpack(read(8))[0]
            else:
                raise SystemExit("peer.py: bad record")


def with_xlsxwriter(cells, out):
    import xlsxwriter
    it = records(cells)
    _, names, formats = next(it)
    wb = xlsxwriter.Workbook(out, {"constant_memory": True, "strings_to_numbers": False,
                                   "strings_to_formulas": False, "strings_to_urls": False})
    sheets = [wb.add_worksheet(n) for n in names]
    fmts = [None] + [wb.add_format({"num_format": nf}) for nf in formats[1:]]
    ws = None
    for rec in it:
        kind = rec[0]
        if kind == "S":
            ws = sheets[rec[1]]
        elif kind == "T":
            ws.write_string(rec[1], rec[2], rec[4], fmts[rec[3]])
        elif kind == "N":
            ws.write_number(rec[1], rec[2], rec[4], fmts[rec[3]])
        elif kind == "D":
            ws.write_datetime(rec[1], rec[2], rec[4], fmts[rec[3]])
        else:
            ws.write_formula(rec[1], rec[2], rec[4], fmts[rec[3]], rec[5])
    wb.close()


def with_openpyxl(cells, out):
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    it = records(cells)
    _, names, formats = next(it)
    wb = Workbook(write_only=True)
    sheets = [wb.create_sheet(n) for n in names]
    ws, row, current = None, [], -1

    def flush():
        if current >= 0:
            ws.append(row)

    for rec in it:
        if rec[0] == "S":
            flush()
            ws, row, current = sheets[rec[1]], [], -1
            continue
        kind, r, c, fmt, value = rec[:5]
        if r != current:
            flush()
            for _ in range(current + 1, r):   # rows the app left empty
                ws.append([])
            row, current = [], r
        while len(row) < c:
            row.append(None)
        if kind == "F":
            value = value if value.startswith("=") else "=" + value
        if fmt or (kind == "T" and value.startswith("=")):
            cell = WriteOnlyCell(ws, value=value)
            if fmt:
                cell.number_format = formats[fmt]
            if kind == "T":
                cell.data_type = "s"                # user text stays a string
            value = cell
        row.append(value)
    flush()
    wb.save(out)


def read_only(cells, out):
    n = sum(1 for _ in records(cells))
    with open(out, "w") as f:
        f.write(f"{n}\n")


def main(mode, cells, out):
    {"xlsxwriter": with_xlsxwriter, "openpyxl": with_openpyxl, "read": read_only}[mode](cells, out)
    fd = os.open(out, os.O_RDONLY)
    os.fsync(fd)
    os.close(fd)


if __name__ == "__main__":
    main(*sys.argv[1:4])
