// Test helper: writes a zip archive (an .xlsx is one) from named parts with
// minizip's zip.h, so tests can build workbooks part by part.
#pragma once

#include <minizip/zip.h>

#include <string>
#include <utility>
#include <vector>

namespace edu::ingest::testing {

using Parts = std::vector<std::pair<std::string, std::string>>;

// Writes `parts` to `path`; then, if zero_bytes > 0, one more entry
// `zero_name` of that many zero bytes (streamed, for zip-bomb tests).
inline bool write_zip(const std::string& path, const Parts& parts, const std::string& zero_name = "",
                      size_t zero_bytes = 0) {
  zipFile zip = zipOpen64(path.c_str(), APPEND_STATUS_CREATE);
  if (!zip) return false;
  bool ok = true;
  for (const auto& [name, content] : parts) {
    ok = ok && zipOpenNewFileInZip64(zip, name.c_str(), nullptr, nullptr, 0, nullptr, 0, nullptr,
                                     Z_DEFLATED, Z_DEFAULT_COMPRESSION, 0) == ZIP_OK;
    ok = ok && zipWriteInFileInZip(zip, content.data(), unsigned(content.size())) == ZIP_OK;
    ok = ok && zipCloseFileInZip(zip) == ZIP_OK;
  }
  if (zero_bytes > 0) {
    std::string chunk(1 << 20, '\0');
    ok = ok && zipOpenNewFileInZip64(zip, zero_name.c_str(), nullptr, nullptr, 0, nullptr, 0, nullptr,
                                     Z_DEFLATED, 1, 1) == ZIP_OK;
    for (size_t left = zero_bytes; ok && left > 0;) {
      size_t n = left < chunk.size() ? left : chunk.size();
      ok = zipWriteInFileInZip(zip, chunk.data(), unsigned(n)) == ZIP_OK;
      left -= n;
    }
    ok = ok && zipCloseFileInZip(zip) == ZIP_OK;
  }
  return zipClose(zip, nullptr) == ZIP_OK && ok;
}

inline const char* kRootRels =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
</Relationships>)";

inline const char* kContentTypes =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
</Types>)";

// A one-sheet workbook ("Sheet1") whose <sheetData> (and anything after it)
// is `sheet_body`, with optional shared strings and styles.
inline Parts one_sheet_workbook(const std::string& sheet_body, const std::string& shared_strings = "",
                                const std::string& styles = "", const std::string& workbook_pr = "") {
  Parts parts = {
      {"[Content_Types].xml", kContentTypes},
      {"_rels/.rels", kRootRels},
      {"xl/workbook.xml",
       R"(<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" )"
       R"(xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">)" +
           workbook_pr + R"(<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>)"},
      {"xl/_rels/workbook.xml.rels",
       R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
       R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>)"
       R"(<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>)"
       R"(<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>)"
       R"(</Relationships>)"},
      {"xl/worksheets/sheet1.xml",
       R"(<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)" + sheet_body +
           "</worksheet>"},
  };
  if (!shared_strings.empty()) {
    parts.push_back({"xl/sharedStrings.xml",
                     R"(<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)" +
                         shared_strings + "</sst>"});
  }
  if (!styles.empty()) {
    parts.push_back({"xl/styles.xml",
                     R"(<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)" +
                         styles + "</styleSheet>"});
  }
  return parts;
}

}  // namespace edu::ingest::testing
