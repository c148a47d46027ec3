// libFuzzer entry point for the xlsx reader: any bytes must give tables or a
// Status, never a crash, a hang or a leak.
//
// Two modes, so that mutations reach both layers:
//  - raw: the bytes are the file (exercises the zip layer);
//  - parts: input starting with "PARTS\n" is split on "\n@@\n" into the
//    workbook, its relationships, sheet 1, shared strings and styles, which
//    are packed into a valid stored zip (right CRCs) — mutations of the XML
//    then reach the XML and cell code instead of failing the CRC check.
// Limits are lowered from the defaults so that a bomb the fuzzer builds fails
// fast; the code paths are the same, only the numbers differ.
#include <zlib.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/xlsx_reader.h"

namespace {

void put16(std::string& s, unsigned v) {
  s += char(v & 0xFF);
  s += char((v >> 8) & 0xFF);
}
void put32(std::string& s, unsigned long v) {
  put16(s, unsigned(v & 0xFFFF));
  put16(s, unsigned((v >> 16) & 0xFFFF));
}

// A zip of uncompressed entries.
std::string stored_zip(const std::vector<std::pair<std::string, std::string_view>>& entries) {
  std::string out, central;
  for (const auto& [name, data] : entries) {
    unsigned long crc = crc32(0, reinterpret_cast<const Bytef*>(data.data()), uInt(data.size()));
    unsigned long offset = out.size();
    put32(out, 0x04034b50);
    put16(out, 20), put16(out, 0), put16(out, 0), put16(out, 0), put16(out, 0);
    put32(out, crc), put32(out, data.size()), put32(out, data.size());
    put16(out, unsigned(name.size())), put16(out, 0);
    out += name;
    out += data;
    put32(central, 0x02014b50);
    put16(central, 20), put16(central, 20), put16(central, 0), put16(central, 0);
    put16(central, 0), put16(central, 0);
    put32(central, crc), put32(central, data.size()), put32(central, data.size());
    put16(central, unsigned(name.size())), put16(central, 0), put16(central, 0);
    put16(central, 0), put16(central, 0), put32(central, 0), put32(central, offset);
    central += name;
  }
  unsigned long cd_offset = out.size();
  out += central;
  put32(out, 0x06054b50);
  put16(out, 0), put16(out, 0);
  put16(out, unsigned(entries.size())), put16(out, unsigned(entries.size()));
  put32(out, central.size()), put32(out, cd_offset);
  put16(out, 0);
  return out;
}

std::string parts_to_xlsx(std::string_view input) {
  static const char* kNames[] = {"xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/worksheets/sheet1.xml",
                                 "xl/sharedStrings.xml", "xl/styles.xml"};
  std::vector<std::pair<std::string, std::string_view>> entries;
  for (const char* name : kNames) {
    size_t sep = input.find("\n@@\n");
    entries.push_back({name, input.substr(0, sep)});
    if (sep == std::string_view::npos) break;
    input.remove_prefix(sep + 4);
  }
  return stored_zip(entries);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  std::string packed;
  if (input.substr(0, 6) == "PARTS\n") {
    packed = parts_to_xlsx(input.substr(6));
    input = packed;
  }
  edu::ingest::XlsxLimits limits;
  limits.max_entry_bytes = size_t(16) << 20;
  limits.max_total_bytes = size_t(64) << 20;
  limits.max_cells = 1'000'000;
  auto result = edu::ingest::read_xlsx_bytes(input, "fuzz.xlsx", limits);
  if (result.ok()) {
    for (const auto& sheet : *result)
      for (const auto& row : sheet.rows)
        if (row.cells.empty() || row.cells.back().empty() || row.number < 1) __builtin_trap();
  } else if (result.status().message().empty()) {
    __builtin_trap();  // every error must explain itself
  }
  return 0;
}
