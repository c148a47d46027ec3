#include "store/area_store.h"

#include <charconv>

namespace edu {
namespace {

const char* kColumns = "a.id, a.parent_id, a.code, a.name, a.level";

Area area_from(const Row& r) {
  Area a;
  a.id = r.integer(0);
  if (!r.is_null(1)) a.parent_id = r.integer(1);
  a.code = r.text(2);
  a.name = r.text(3);
  a.level = r.text(4);
  return a;
}

}  // namespace

Result<std::vector<Area>> list_areas(Database& db, const Scope& scope) {
  std::string sql = std::string("SELECT ") + kColumns + " FROM areas a";
  std::vector<Value> params;
  if (scope.kind == Scope::Kind::kArea) {
    sql += std::string(" WHERE a.id IN (") + kAreaSubtreeSql + ")";
    params.push_back(scope.area_id);
  } else if (scope.kind != Scope::Kind::kAll) {
    sql += " WHERE a.id = (SELECT area_id FROM schools WHERE id = ?)";
    params.push_back(scope.school_id);
  }
  auto rows = db.query(sql + " ORDER BY a.id", params);
  if (!rows.ok()) return rows.status();
  std::vector<Area> areas;
  for (const Row& r : *rows) areas.push_back(area_from(r));
  return areas;
}

Result<std::optional<Area>> get_area(Database& db, int64_t id) {
  auto rows = db.query(std::string("SELECT ") + kColumns + " FROM areas a WHERE a.id = ?", {id});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return std::optional<Area>();
  return std::optional<Area>(area_from(rows->front()));
}

Result<bool> area_within(Database& db, int64_t area_id, int64_t root_id) {
  auto rows = db.query(std::string("SELECT COUNT(*) FROM (") + kAreaSubtreeSql + ") t WHERE t.id = ?",
                       {root_id, area_id});
  if (!rows.ok()) return rows.status();
  return rows->front().integer(0) > 0;
}

Result<std::vector<int64_t>> schools_within(Database& db, int64_t area_id) {
  auto rows = db.query(std::string("SELECT id FROM schools WHERE area_id IN (") + kAreaSubtreeSql + ") ORDER BY id",
                       {area_id});
  if (!rows.ok()) return rows.status();
  std::vector<int64_t> ids;
  for (const Row& r : *rows) ids.push_back(r.integer(0));
  return ids;
}

Result<std::optional<Area>> get_county(Database& db) {
  auto rows = db.query(std::string("SELECT ") + kColumns +
                       " FROM areas a WHERE a.parent_id IS NULL ORDER BY a.id LIMIT 1");
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return std::optional<Area>();
  return std::optional<Area>(area_from(rows->front()));
}

Result<int64_t> insert_area(Database& db, const Area& a) {
  auto rows = db.query("INSERT INTO areas (parent_id, code, name, level) VALUES (?,?,?,?) RETURNING id",
                       {a.parent_id ? Value(*a.parent_id) : Value(nullptr), a.code, a.name, a.level});
  if (!rows.ok()) return rows.status();
  return rows->front().integer(0);
}

Status insert_areas(Database& db, const std::vector<Area>& areas) {
  return insert_all(db, "areas", {"id", "parent_id", "code", "name", "level"}, areas,
                    [](const Area& a) -> std::vector<Value> {
                      return {a.id, a.parent_id ? Value(*a.parent_id) : Value(nullptr), a.code, a.name, a.level};
                    });
}

Status update_area(Database& db, const Area& a) {
  return db.exec("UPDATE areas SET parent_id = ?, code = ?, name = ?, level = ? WHERE id = ?",
                 {a.parent_id ? Value(*a.parent_id) : Value(nullptr), a.code, a.name, a.level, a.id});
}

Result<std::string> get_setting(Database& db, const std::string& key, const std::string& fallback) {
  auto rows = db.query("SELECT value FROM settings WHERE key = ?", {key});
  if (!rows.ok()) return rows.status();
  return rows->empty() ? fallback : rows->front().text(0);
}

Result<int> int_setting(Database& db, const std::string& key, int fallback, int min, int max) {
  auto v = get_setting(db, key, std::to_string(fallback));
  if (!v.ok()) return v.status();
  int n = 0;
  auto [end, error] = std::from_chars(v->data(), v->data() + v->size(), n);
  if (error != std::errc() || end != v->data() + v->size() || n < min || n > max) return fallback;
  return n;
}

Status set_setting(Database& db, const std::string& key, const std::string& value) {
  return db.exec(
      "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = "
      "excluded.value",
      {key, value});
}

}  // namespace edu
