"""A small .xlsx that inflates to a huge sheet, as in issue 8.4 (917 KB → 199 MB
of XML, 808,000 bad rows): a student register header, then `rows` rows each with
a wrong 性别 and empty required cells. Written with the standard library only.
   python3 row_bomb.py out.xlsx [rows]"""
import io
import sys
import zipfile

HEADER = ["姓名", "性别", "身份证号", "出生日期", "民族", "学校标识码", "班级", "学籍状态", "入学日期"]


def _cell(text):
    return f'<c t="inlineStr"><is><t>{text}</t></is></c>'


def row_bomb(rows: int) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml",
                   '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                   '<Default Extension="xml" ContentType="application/xml"/></Types>')
        z.writestr("_rels/.rels",
                   '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                   'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        z.writestr("xl/workbook.xml",
                   '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                   'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
                   '<sheets><sheet name="学生" sheetId="1" r:id="rId1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels",
                   '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                   'relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
        with z.open("xl/worksheets/sheet1.xml", "w") as sheet:
            sheet.write(('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                         '<sheetData><row r="1">' + "".join(map(_cell, HEADER)) + "</row>").encode())
            bad = _cell("某某") + _cell("未知") + _cell("不是身份证号") + _cell("不是日期")
            chunk = []
            for r in range(2, rows + 2):
                chunk.append(f'<row r="{r}">{bad}</row>')
                if len(chunk) == 10000:
                    sheet.write("".join(chunk).encode())
                    chunk = []
            sheet.write(("".join(chunk) + "</sheetData></worksheet>").encode())
    return out.getvalue()


if __name__ == "__main__":
    data = row_bomb(int(sys.argv[2]) if len(sys.argv) > 2 else 808_000)
    with open(sys.argv[1], "wb") as f:
        f.write(data)
    print(f"{sys.argv[1]}: {len(data)} bytes")
