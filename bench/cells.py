#!/usr/bin/python3
"""Reads a workbook the app exported (once, with openpyxl) and writes what the
export peers replay:

  cells.bin   every non-empty cell, sheet by sheet and row by row, with its
              type, number format and value (format: see peer-libxlsxwriter.c)
  cells.json  per sheet: the number of strings, numbers, dates and formulas,
              rows, and bytes of text — the figures printed beside the export

Usage: cells.py WORKBOOK.xlsx OUT-DIR
"""
import json
import os
import struct
import sys

import openpyxl


def main(xlsx, out_dir):
    wb = openpyxl.load_workbook(xlsx, read_only=True, data_only=False)
    cached = None                     # the same workbook with the formulas' cached values
    formats = [""]                    # 0: no number format
    format_index = {"General": 0, "": 0}
    sheets = []
    tmp = os.path.join(out_dir, "cells.bin.partial")
    with open(tmp, "wb") as out:
        out.write(b"CLCELLS1")
        names = [ws.title.encode("utf-8") for ws in wb.worksheets]
        out.write(struct.pack("<H", len(names)))
        for name in names:
            out.write(struct.pack("<H", len(name)) + name)
        body = bytearray()            # formats are only known at the end: buffer per sheet

        def fmt_of(cell):
            nf = cell.number_format or "General"
            if nf not in format_index:
                format_index[nf] = len(formats)
                formats.append(nf)
            return format_index[nf]

        chunks = []
        for index, ws in enumerate(wb.worksheets):
            counts = {"sheet": ws.title, "rows": 0, "strings": 0, "numbers": 0, "dates": 0,
                      "formulas": 0, "text_bytes": 0}
            values = None
            body = bytearray(struct.pack("<BH", ord("S"), index))
            for row in ws.iter_rows():
                seen = False
                for cell in row:
                    v = cell.value
                    if v is None:
                        continue
                    seen = True
                    r, c, f = cell.row - 1, cell.column - 1, fmt_of(cell)
                    t = cell.data_type
                    if t == "f" or (isinstance(v, str) and v.startswith("=") and t != "s"):
                        if values is None:
                            if cached is None:
                                cached = openpyxl.load_workbook(xlsx, read_only=True, data_only=True)
                            values = {}
                            for crow in cached.worksheets[index].iter_rows():
                                for cc in crow:
                                    if getattr(cc, "row", None) is not None:
                                        values[(cc.row, cc.column)] = cc.value
                        cv = values.get((cell.row, cell.column))
                        cv = float(cv) if isinstance(cv, (int, float)) else 0.0
                        b = str(v).encode("utf-8")
                        body += struct.pack("<BIHBI", ord("F"), r, c, f, len(b)) + b + struct.pack("<d", cv)
                        counts["formulas"] += 1
                    elif hasattr(v, "year"):
                        hh = getattr(v, "hour", 0)
                        body += struct.pack("<BIHBHBBBBB", ord("D"), r, c, f, v.year, v.month, v.day,
                                            hh, getattr(v, "minute", 0), getattr(v, "second", 0))
                        counts["dates"] += 1
                    elif isinstance(v, (int, float)):     # booleans count as numbers
                        body += struct.pack("<BIHBd", ord("N"), r, c, f, float(v))
                        counts["numbers"] += 1
                    else:
                        b = str(v).encode("utf-8")
                        body += struct.pack("<BIHBI", ord("T"), r, c, f, len(b)) + b
                        counts["strings"] += 1
                        counts["text_bytes"] += len(b)
                if seen:
                    counts["rows"] += 1
                if len(body) > (8 << 20):
                    chunks.append(bytes(body))
                    body = bytearray()
            chunks.append(bytes(body))
            sheets.append(counts)
        out.write(struct.pack("<H", len(formats)))
        for nf in formats:
            b = nf.encode("utf-8")
            out.write(struct.pack("<I", len(b)) + b)
        for chunk in chunks:
            out.write(chunk)
        out.write(b"E")
    os.replace(tmp, os.path.join(out_dir, "cells.bin"))
    total = {k: sum(s[k] for s in sheets) for k in ("rows", "strings", "numbers", "dates", "formulas", "text_bytes")}
    with open(os.path.join(out_dir, "cells.json"), "w") as f:
        json.dump({"source": os.path.basename(xlsx), "sheets": sheets, "total": total,
                   "formats": formats}, f, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
