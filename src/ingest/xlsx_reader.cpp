#include "ingest/xlsx_reader.h"

#include <charconv>
#include <cmath>
#include <cstring>
#include <map>
#include <memory>
#include <pugixml.hpp>

#include "ingest/cell_ref.h"
#include "ingest/excel_date.h"
#include "ingest/file_bytes.h"
#include "ingest/zip_archive.h"

namespace edu::ingest {
namespace {

using Node = pugi::xml_node;

// Parts may be written with namespace prefixes (<x:row>); names are matched
// by their local part.
std::string_view local(const char* name) {
  const char* colon = std::strrchr(name, ':');
  return colon ? colon + 1 : name;
}
bool is(Node n, std::string_view name) { return n.type() == pugi::node_element && local(n.name()) == name; }
Node child(Node parent, std::string_view name) {
  for (Node c : parent.children())
    if (is(c, name)) return c;
  return Node();
}
std::string_view attr(Node n, std::string_view name) {
  for (pugi::xml_attribute a : n.attributes())
    if (local(a.name()) == name) return a.value();
  return {};
}

// A cell's attributes r, t and s, read in one pass (the first of each, as attr() gives).
struct CellAttributes {
  std::string_view r, t, s;
};
CellAttributes cell_attributes(Node c) {
  CellAttributes out;
  bool r = false, t = false, s = false;
  for (pugi::xml_attribute a : c.attributes()) {
    std::string_view name = local(a.name());
    if (name == "r" && !r) out.r = a.value(), r = true;
    else if (name == "t" && !t) out.t = a.value(), t = true;
    else if (name == "s" && !s) out.s = a.value(), s = true;
  }
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::optional<long long> parse_int(std::string_view s) {
  s = trim(s);
  long long v = 0;
  auto r = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || r.ec != std::errc() || r.ptr != s.data() + s.size()) return std::nullopt;
  return v;
}

std::optional<double> parse_number(std::string_view s) {
  s = trim(s);
  if (!s.empty() && s[0] == '+') s.remove_prefix(1);
  double v = 0;
  auto r = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || r.ec != std::errc() || r.ptr != s.data() + s.size() || !std::isfinite(v))
    return std::nullopt;
  return v;
}

void append_utf8(std::string& out, unsigned cp) {
  if (cp < 0x80) {
    out += char(cp);
  } else if (cp < 0x800) {
    out += char(0xC0 | (cp >> 6));
    out += char(0x80 | (cp & 0x3F));
  } else {
    if (cp >= 0xD800 && cp <= 0xDFFF) cp = 0xFFFD;
    out += char(0xE0 | (cp >> 12));
    out += char(0x80 | ((cp >> 6) & 0x3F));
    out += char(0x80 | (cp & 0x3F));
  }
}

int hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// OOXML writes characters XML cannot hold as _xHHHH_ (e.g. _x000D_ for CR).
std::string decode_escapes(std::string_view s) {
  if (s.find("_x") == std::string_view::npos) return std::string(s);
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '_' && i + 6 < s.size() && s[i + 1] == 'x' && s[i + 6] == '_') {
      int a = hex(s[i + 2]), b = hex(s[i + 3]), c = hex(s[i + 4]), d = hex(s[i + 5]);
      if (a >= 0 && b >= 0 && c >= 0 && d >= 0) {
        unsigned cp = unsigned(a << 12 | b << 8 | c << 4 | d);
        if (cp != 0) append_utf8(out, cp);
        i += 6;
        continue;
      }
    }
    out += s[i];
  }
  return out;
}

// The text of a <si> or <is>: a plain <t>, or the <t> of each rich-text run <r>.
// Phonetic runs (<rPh>) are not part of the text.
std::string rich_text(Node item) {
  std::string out;
  for (Node c : item.children()) {
    if (is(c, "t")) {
      out += c.child_value();
    } else if (is(c, "r")) {
      Node t = child(c, "t");
      if (t) out += t.child_value();
    }
  }
  return decode_escapes(out);
}

// "xl/workbook.xml" → "xl/"
std::string dir_of(const std::string& path) {
  size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? "" : path.substr(0, slash + 1);
}

// A relationship target relative to `base_dir` (or absolute), with . and .. resolved.
std::string resolve(const std::string& base_dir, std::string_view target) {
  std::string joined = !target.empty() && target[0] == '/' ? std::string(target.substr(1))
                                                            : base_dir + std::string(target);
  std::vector<std::string> parts;
  size_t start = 0;
  while (start <= joined.size()) {
    size_t end = joined.find('/', start);
    if (end == std::string::npos) end = joined.size();
    std::string part = joined.substr(start, end - start);
    if (part == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!part.empty() && part != ".") {
      parts.push_back(part);
    }
    start = end + 1;
  }
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) out += (i ? "/" : "") + parts[i];
  return out;
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

struct Relationship {
  std::string type;
  std::string target;  // resolved part name
};

using Rows = std::map<int, std::vector<Cell>>;

// Where a sheet's rows are, so they can be parsed a slice at a time: the
// content of <sheetData> is [begin, end), cut after a </row> about every
// kSliceBytes. Markup is found by '<', which outside comments, CDATA and
// processing instructions always starts a tag. found is false when there is
// nothing to slice (no <sheetData>, <sheetData/>, or not well formed).
struct SheetDataLayout {
  bool found = false;
  size_t begin = 0, end = 0;
  std::vector<size_t> cuts;  // slice ends; the last is `end`
};

const size_t kSliceBytes = size_t(4) << 20;

SheetDataLayout find_sheet_data(std::string_view x) {
  SheetDataLayout out;
  bool inside = false;
  size_t last_cut = 0;
  size_t pos = 0;
  while ((pos = x.find('<', pos)) != std::string_view::npos) {
    std::string_view rest = x.substr(pos);
    const bool special = rest.size() > 1 && (rest[1] == '!' || rest[1] == '?');  // rare: test only then
    const char* skip_to = !special                        ? nullptr
                          : rest.starts_with("<!--")        ? "-->"
                          : rest.starts_with("<![CDATA[") ? "]]>"
                                                            : ">";
    if (skip_to) {
      size_t e = x.find(skip_to, pos + 2);
      if (e == std::string_view::npos) return {};
      pos = e + std::strlen(skip_to);
      continue;
    }
    bool closing = rest.size() > 1 && rest[1] == '/';
    size_t name_begin = pos + 1 + (closing ? 1 : 0);
    size_t name_end = name_begin;  // a hand loop: find_first_of tests every byte against each of 6
    auto ends_name = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '/' || c == '>'; };
    while (name_end < x.size() && !ends_name(x[name_end])) ++name_end;
    size_t gt = x.find('>', name_end);
    if (name_end == x.size() || gt == std::string_view::npos) return {};
    std::string_view name = x.substr(name_begin, name_end - name_begin);
    if (size_t colon = name.rfind(':'); colon != std::string_view::npos) name.remove_prefix(colon + 1);
    if (!inside) {
      if (!closing && name == "sheetData") {
        if (x[gt - 1] == '/') return {};
        inside = true;
        out.begin = last_cut = gt + 1;
      }
    } else if (closing && name == "row") {
      if (gt + 1 - last_cut >= kSliceBytes) {
        out.cuts.push_back(gt + 1);
        last_cut = gt + 1;
      }
    } else if (closing && name == "sheetData") {
      out.end = pos;
      out.cuts.push_back(pos);
      out.found = true;
      return out;
    }
    pos = gt + 1;
  }
  return {};
}

class XlsxReader {
 public:
  XlsxReader(const ZipArchive& zip, const std::string& file, const XlsxLimits& limits)
      : zip_(zip), file_(file), limits_(limits) {}

  Result<std::vector<SheetTable>> run() {
    std::string workbook = "xl/workbook.xml";
    if (zip_.contains("_rels/.rels")) {
      std::map<std::string, Relationship> rels;
      if (Status s = read_rels("_rels/.rels", "", rels); !s.ok()) return s;
      for (auto& [id, rel] : rels)
        if (ends_with(rel.type, "/officeDocument")) workbook = rel.target;
    }
    if (!zip_.contains(workbook)) {
      return Status::Error("xlsx_invalid", file_ + "：不是有效的xlsx文件（缺少工作簿workbook.xml）");
    }
    std::string workbook_xml;
    pugi::xml_document doc;
    if (Status s = load(workbook, workbook_xml, doc); !s.ok()) return s;
    Node wb = doc.document_element();
    std::string_view d1904 = attr(child(wb, "workbookPr"), "date1904");
    date1904_ = d1904 == "1" || d1904 == "true";

    std::map<std::string, Relationship> rels;
    std::string rels_path = dir_of(workbook) + "_rels/" + workbook.substr(dir_of(workbook).size()) + ".rels";
    if (Status s = read_rels(rels_path, dir_of(workbook), rels); !s.ok()) return s;
    for (auto& [id, rel] : rels) {
      if (ends_with(rel.type, "/sharedStrings") && zip_.contains(rel.target)) {
        if (Status s = read_shared_strings(rel.target); !s.ok()) return s;
      } else if (ends_with(rel.type, "/styles") && zip_.contains(rel.target)) {
        if (Status s = read_styles(rel.target); !s.ok()) return s;
      }
    }

    std::vector<SheetTable> tables;
    int index = 0;
    for (Node sheet : child(wb, "sheets").children()) {
      if (!is(sheet, "sheet")) continue;
      ++index;
      SheetTable table;
      table.name = std::string(attr(sheet, "name"));
      if (table.name.empty()) table.name = "Sheet" + std::to_string(index);
      auto rel = rels.find(std::string(attr(sheet, "id")));
      if (rel == rels.end() || !zip_.contains(rel->second.target)) {
        return Status::Error("xlsx_invalid", describe_location(file_, table.name) +
                                                 "：文件结构损坏，找不到这个工作表的内容");
      }
      if (!ends_with(rel->second.type, "/worksheet")) continue;  // chart or dialog sheet
      if (Status s = read_sheet(rel->second.target, table); !s.ok()) return s;
      tables.push_back(std::move(table));
      if (limits_.stop_after_sheet_with_data && !tables.back().rows.empty()) break;
    }
    if (tables.empty()) return Status::Error("xlsx_invalid", file_ + "：工作簿中没有工作表");
    return tables;
  }

 private:
  // Inflates a part, counting its size against the limits.
  Status inflate(const std::string& part, std::string& buffer) {
    size_t left = limits_.max_total_bytes > total_bytes_ ? limits_.max_total_bytes - total_bytes_ : 0;
    size_t cap = std::min(limits_.max_entry_bytes, left);
    Result<std::string> bytes = zip_.read(part, cap);
    if (!bytes.ok()) {
      if (bytes.status().code() == "xlsx_too_large" && cap < limits_.max_entry_bytes) {
        return Status::Error("xlsx_too_large", file_ + "：解压后的内容合计超过" +
                                                   std::to_string(limits_.max_total_bytes >> 20) +
                                                   "MB，拒绝读取");
      }
      return bytes.status();
    }
    buffer = std::move(*bytes);
    total_bytes_ += buffer.size();
    return Status::Ok();
  }

  // Parses text in place (the document points into it). `offset` places the
  // text within the part, for the message.
  Status parse(const std::string& part, char* text, size_t size, pugi::xml_document& doc,
               unsigned extra_options = 0, size_t offset = 0,
               pugi::xml_encoding encoding = pugi::encoding_auto) {
    // Embedded PCDATA saves a node per value: a DOM is several times its text.
    unsigned options = pugi::parse_default | pugi::parse_ws_pcdata_single | pugi::parse_embed_pcdata;
    pugi::xml_parse_result r = doc.load_buffer_inplace(text, size, options | extra_options, encoding);
    if (!r) {
      return Status::Error("xlsx_corrupt", file_ + "：“" + part + "”不是有效的XML（第" +
                                               std::to_string(offset + size_t(r.offset)) + "字节：" +
                                               r.description() + "），文件可能已损坏");
    }
    parsed_encoding_ = r.encoding;
    return Status::Ok();
  }

  Status load(const std::string& part, std::string& buffer, pugi::xml_document& doc) {
    if (Status s = inflate(part, buffer); !s.ok()) return s;
    return parse(part, buffer.data(), buffer.size(), doc);
  }

  Status read_rels(const std::string& part, const std::string& base_dir,
                   std::map<std::string, Relationship>& out) {
    if (!zip_.contains(part)) return Status::Ok();
    std::string buffer;
    pugi::xml_document doc;
    if (Status s = load(part, buffer, doc); !s.ok()) return s;
    for (Node rel : doc.document_element().children()) {
      if (!is(rel, "Relationship") || attr(rel, "TargetMode") == "External") continue;
      out[std::string(attr(rel, "Id"))] = {std::string(attr(rel, "Type")),
                                           resolve(base_dir, attr(rel, "Target"))};
    }
    return Status::Ok();
  }

  Status read_shared_strings(const std::string& part) {
    std::string buffer;
    pugi::xml_document doc;
    if (Status s = load(part, buffer, doc); !s.ok()) return s;
    for (Node si : doc.document_element().children()) {
      if (!is(si, "si")) continue;
      if (shared_.size() >= limits_.max_cells) {
        return Status::Error("xlsx_too_large", file_ + "：共享字符串超过" + std::to_string(limits_.max_cells) +
                                                   "个，表格过大，请拆分成几个文件再导入");
      }
      shared_.push_back(rich_text(si));
    }
    return Status::Ok();
  }

  Status read_styles(const std::string& part) {
    std::string buffer;
    pugi::xml_document doc;
    if (Status s = load(part, buffer, doc); !s.ok()) return s;
    Node root = doc.document_element();
    std::map<long long, std::string> codes;
    for (Node f : child(root, "numFmts").children()) {
      if (!is(f, "numFmt")) continue;
      if (auto id = parse_int(attr(f, "numFmtId"))) codes[*id] = std::string(attr(f, "formatCode"));
    }
    for (Node xf : child(root, "cellXfs").children()) {
      if (!is(xf, "xf")) continue;
      DateFormatKind kind = DateFormatKind::kNone;
      if (auto id = parse_int(attr(xf, "numFmtId"))) {
        auto code = codes.find(*id);
        if (*id >= 0 && *id < 1000) kind = classify_number_format(int(*id), code == codes.end() ? "" : code->second);
        else if (code != codes.end()) kind = classify_number_format(-1, code->second);
      }
      xf_kinds_.push_back(kind);
    }
    return Status::Ok();
  }

  Status error(const std::string& code, const SheetTable& t, int row, int col, const std::string& why) {
    return Status::Error(code, describe_location(file_, t.name, row, col) + "：" + why);
  }

  // Sets a non-empty cell, counting the cells this materialises against the limit.
  Status put(Rows& rows, int row, int col, Cell cell, const SheetTable& t) {
    // Rows come in order: a cell is mostly of the last row, or starts the next.
    const bool last = !rows.empty() && rows.rbegin()->first == row;
    const size_t before = rows.size();
    auto it = last ? std::prev(rows.end()) : rows.try_emplace(rows.end(), row);
    const bool added = rows.size() > before;
    // A register's width (at most 64 cells, so that a hostile file's wide row
    // lends no uncounted memory to the next).
    if (added && it != rows.begin()) it->second.reserve(std::min<size_t>(std::prev(it)->second.size(), 64));
    if (added && rows.size() > limits_.max_rows + 1) {
      return Status::Error(kTooManyRows, describe_location(file_, t.name, row) + "：" +
                                             too_many_rows_reason(limits_.max_rows));
    }
    std::vector<Cell>& cells = it->second;
    if (size_t(col) >= cells.size()) {
      cells_ += size_t(col) + 1 - cells.size();
      if (cells_ > limits_.max_cells) return too_many_cells(t);
      cells.resize(size_t(col) + 1);
    }
    cells[size_t(col)] = std::move(cell);
    return Status::Ok();
  }

  Status too_many_cells(const SheetTable& t) {
    return Status::Error("xlsx_too_large", describe_location(file_, t.name) + "：表格过大（超过" +
                                               std::to_string(limits_.max_cells) +
                                               "个单元格），请拆分成几个文件再导入");
  }

  // A cell <c> of type `type` (its t attribute) and style `style` (its s).
  Result<Cell> read_cell(Node c, std::string_view type, std::string_view style, const SheetTable& t, int row,
                         int col) {
    Node v = child(c, "v");
    std::string_view value = v ? std::string_view(v.child_value()) : std::string_view();
    auto bad = [&](const std::string& why) { return error("xlsx_corrupt", t, row, col, why); };
    if (type == "s") {
      if (!v) return Cell();
      auto index = parse_int(value);
      if (!index || *index < 0 || size_t(*index) >= shared_.size()) {
        return bad("共享字符串编号“" + std::string(value) + "”不存在，文件可能已损坏");
      }
      return text_cell(shared_[size_t(*index)]);
    }
    if (type == "inlineStr") {
      if (Node inline_string = child(c, "is")) return text_cell(rich_text(inline_string));
      return text_cell(decode_escapes(value));
    }
    if (type == "str") return text_cell(decode_escapes(value));
    if (!v) return Cell();
    if (type == "b") {
      Cell cell;
      cell.kind = Cell::Kind::kBool;
      std::string_view b = trim(value);
      if (b == "1" || b == "true") {
        cell.number = 1, cell.text = "TRUE";
      } else if (b == "0" || b == "false") {
        cell.text = "FALSE";
      } else {
        return bad("逻辑值“" + std::string(value) + "”无法识别");
      }
      return cell;
    }
    if (type == "e") {
      Cell cell;
      cell.kind = Cell::Kind::kError;
      cell.text = std::string(trim(value));
      if (cell.text.empty()) cell.text = "#VALUE!";
      return cell;
    }
    DateFormatKind kind = DateFormatKind::kNone;
    if (auto s = parse_int(style); s && *s >= 0 && size_t(*s) < xf_kinds_.size()) {
      kind = xf_kinds_[size_t(*s)];
    }
    std::optional<double> number;
    if (type == "d") {
      number = iso_to_serial(trim(value), date1904_);
      if (!number) return bad("日期“" + std::string(value) + "”无法识别");
      if (kind == DateFormatKind::kNone) kind = DateFormatKind::kDateTime;
    } else if (type.empty() || type == "n") {
      if (trim(value).empty()) return Cell();
      number = parse_number(value);
      if (!number) return bad("数值“" + std::string(value) + "”无法识别");
    } else {
      return bad("未知的单元格类型“" + std::string(type) + "”");
    }
    Cell cell = number_cell(*number);
    if (auto date = serial_to_text(*number, kind, date1904_)) {
      cell.is_date = true;
      cell.text = *date;
    }
    return cell;
  }

  // A sheet's rows are parsed a slice at a time (see find_sheet_data), so
  // memory stays near the size of the text; its other elements (merges) are
  // parsed as a skeleton without the rows. Text that cannot be sliced is
  // parsed whole.
  Status read_sheet(const std::string& part, SheetTable& table) {
    std::string buffer;
    if (Status s = inflate(part, buffer); !s.ok()) return s;
    SheetDataLayout layout = find_sheet_data(buffer);
    std::string skeleton_text;
    pugi::xml_document skeleton;
    Rows rows;
    int row_number = 0;
    if (layout.found) {
      skeleton_text = buffer.substr(0, layout.begin) + buffer.substr(layout.end);
      if (Status s = parse(part, skeleton_text.data(), skeleton_text.size(), skeleton); !s.ok()) return s;
      if (parsed_encoding_ != pugi::encoding_utf8) layout.found = false;
    }
    if (layout.found) {
      size_t begin = layout.begin;
      for (size_t cut : layout.cuts) {
        pugi::xml_document slice;
        if (Status s = parse(part, buffer.data() + begin, cut - begin, slice, pugi::parse_fragment, begin,
                             pugi::encoding_utf8);
            !s.ok())
          return s;
        if (Status s = read_rows(slice, rows, row_number, table); !s.ok()) return s;
        begin = cut;
      }
    } else {
      skeleton.reset();
      if (Status s = parse(part, buffer.data(), buffer.size(), skeleton); !s.ok()) return s;
      Node sheet_data = child(skeleton.document_element(), "sheetData");
      if (Status s = read_rows(sheet_data, rows, row_number, table); !s.ok()) return s;
    }
    Node merges = child(skeleton.document_element(), "mergeCells");
    if (Status s = fill_merged(merges, rows, table); !s.ok()) return s;
    for (auto& [number, cells] : rows) {
      while (!cells.empty() && cells.back().empty()) cells.pop_back();
      if (!cells.empty()) table.rows.push_back(TableRow{number, std::move(cells)});
    }
    return Status::Ok();
  }

  // Reads the <row> children of `parent` (a <sheetData> or a slice of one).
  Status read_rows(Node parent, Rows& rows, int& row_number, const SheetTable& table) {
    for (Node row : parent.children()) {
      if (!is(row, "row")) continue;
      if (std::string_view r = attr(row, "r"); !r.empty()) {
        auto n = parse_int(r);
        if (!n || *n < 1 || *n > kMaxRows) {
          return error("xlsx_too_large", table, 0, -1,
                       "行号“" + std::string(r) + "”超出Excel的范围（最多" +
                           std::to_string(kMaxRows) + "行）");
        }
        row_number = int(*n);
      } else if (++row_number > kMaxRows) {
        return error("xlsx_too_large", table, 0, -1,
                     "超过" + std::to_string(kMaxRows) + "行，超出Excel的范围");
      }
      int col = -1;
      for (Node c : row.children()) {
        if (!is(c, "c")) continue;
        int cell_row = row_number;
        CellAttributes a = cell_attributes(c);
        if (std::string_view r = a.r; !r.empty()) {
          auto ref = parse_cell_ref(r);
          if (!ref) {
            return error("xlsx_bad_reference", table, row_number, -1,
                         "单元格引用“" + std::string(r) + "”无效或超出Excel的范围（最多" +
                             std::to_string(kMaxColumns) + "列、" + std::to_string(kMaxRows) + "行）");
          }
          cell_row = ref->row;
          col = ref->column;
        } else if (++col >= kMaxColumns) {
          return error("xlsx_too_large", table, row_number, -1,
                       "超过" + std::to_string(kMaxColumns) + "列，超出Excel的范围");
        }
        Result<Cell> cell = read_cell(c, a.t, a.s, table, cell_row, col);
        if (!cell.ok()) return cell.status();
        if (cell->empty()) continue;
        if (Status s = put(rows, cell_row, col, std::move(*cell), table); !s.ok()) return s;
      }
    }
    return Status::Ok();
  }

  // Copies each merged range's top-left value into every cell of the range.
  Status fill_merged(Node merges, Rows& rows, const SheetTable& table) {
    for (Node m : merges.children()) {
      if (!is(m, "mergeCell")) continue;
      std::string_view ref = attr(m, "ref");
      size_t colon = ref.find(':');
      if (colon == std::string_view::npos) continue;
      auto a = parse_cell_ref(ref.substr(0, colon)), b = parse_cell_ref(ref.substr(colon + 1));
      if (!a || !b) continue;  // a broken merge is formatting only: ignore it
      int r1 = std::min(a->row, b->row), r2 = std::max(a->row, b->row);
      int c1 = std::min(a->column, b->column), c2 = std::max(a->column, b->column);
      auto top = rows.find(r1);
      if (top == rows.end() || size_t(c1) >= top->second.size() || top->second[size_t(c1)].empty()) continue;
      const Cell value = top->second[size_t(c1)];
      for (int r = r1; r <= r2; ++r) {
        for (int c = (r == r1 ? c1 + 1 : c1); c <= c2; ++c) {
          if (++fills_ > limits_.max_cells) return too_many_cells(table);
          if (Status s = put(rows, r, c, value, table); !s.ok()) return s;
        }
      }
    }
    return Status::Ok();
  }

  const ZipArchive& zip_;
  const std::string& file_;
  const XlsxLimits& limits_;
  bool date1904_ = false;
  std::vector<std::string> shared_;
  std::vector<DateFormatKind> xf_kinds_;
  size_t total_bytes_ = 0;
  pugi::xml_encoding parsed_encoding_ = pugi::encoding_auto;  // of the last parse
  size_t cells_ = 0;
  size_t fills_ = 0;
};

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

}  // namespace

Result<std::vector<SheetTable>> read_xlsx_bytes(std::string_view data, const std::string& file_name,
                                                const XlsxLimits& limits) {
  if (starts_with(data, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")) {
    return Status::Error("xlsx_old_format",
                         file_name + "：这是Excel 97-2003格式（.xls）或设置了打开密码的文件，"
                                     "请在Excel或WPS中打开，去掉密码并“另存为”Excel工作簿（.xlsx）后再上传");
  }
  std::string_view head = trim(data.substr(0, 512));
  if (starts_with(head, "\xEF\xBB\xBF")) head.remove_prefix(3);
  if (starts_with(head, "<")) {
    return Status::Error("xlsx_not_zip", file_name + "：这是网页（HTML）或XML格式的表格，不是真正的xlsx文件，"
                                                     "请在Excel或WPS中打开并“另存为”Excel工作簿（.xlsx）后再上传");
  }
  auto zip = ZipArchive::open(data, file_name);
  if (!zip.ok()) return zip.status();
  return XlsxReader(**zip, file_name, limits).run();
}

Result<std::vector<SheetTable>> read_xlsx(const std::string& path, const XlsxLimits& limits) {
  auto bytes = read_file_bytes(path, limits.max_entry_bytes);
  if (!bytes.ok()) return bytes.status();
  return read_xlsx_bytes(*bytes, base_name(path), limits);
}

}  // namespace edu::ingest
