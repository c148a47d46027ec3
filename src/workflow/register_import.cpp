#include "workflow/register_import.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

#include "core/area_code.h"
#include "core/area_tree.h"
#include "core/enums.h"
#include "core/validate.h"
#include "ingest/row_mapping.h"
#include "store/area_store.h"
#include "store/catchment_store.h"
#include "workflow/change_log.h"

namespace edu {
namespace {

// What the rows refer to, loaded once per import.
struct Lookups {
  std::map<std::string, School> schools_by_code;
  std::map<int64_t, std::string> school_names;
  std::set<int64_t> schools_in_scope;
  std::map<std::pair<int64_t, std::string>, SchoolClass> classes;  // (school, name), this year
  std::map<std::string, Area> areas_by_code;
  std::multimap<std::string, Area> areas_by_name;  // names repeat under different parents
  std::map<std::string, std::string> levels_in_file;  // the area import's rows: code -> level
  std::optional<Area> county;  // the root: a 县, or a 市 whose 区/县 are areas
  std::map<std::string, Teacher> teachers_by_id_number;  // for the class register only

  static Result<Lookups> load(Database& db, const Actor& actor, const RegisterSpec& spec,
                              const RegisterContext& ctx) {
    Lookups l;
    const PageRequest everything{1, 1'000'000};
    auto all = list_schools(db, Scope::All(), {}, everything, ctx.school_year);
    if (!all.ok()) return all.status();
    for (const auto& v : all->items) {
      l.schools_by_code[v.school.code] = v.school;
      l.school_names[v.school.id] = v.school.name;
    }
    auto visible = list_schools(db, actor.scope, {}, everything, ctx.school_year);
    if (!visible.ok()) return visible.status();
    for (const auto& v : visible->items) l.schools_in_scope.insert(v.school.id);
    auto classes = list_year_classes(db, ctx.school_year);
    if (!classes.ok()) return classes.status();
    for (const auto& c : *classes) l.classes[{c.school_id, c.name}] = c;
    auto areas = list_areas(db, Scope::All());
    if (!areas.ok()) return areas.status();
    for (const auto& a : *areas) {
      l.areas_by_code[a.code] = a;
      l.areas_by_name.emplace(a.name, a);
    }
    auto county = get_county(db);
    if (!county.ok()) return county.status();
    l.county = *county;
    if (spec.kind == "class") {
      auto teachers = list_teachers(db, Scope::All(), {}, {1, 100'000'000});
      if (!teachers.ok()) return teachers.status();
      for (auto& v : teachers->items) l.teachers_by_id_number[v.teacher.id_number] = v.teacher;
    }
    return l;
  }
  std::string school_name(int64_t id) const {
    auto it = school_names.find(id);
    return it == school_names.end() ? "" : it->second;
  }
  const School* school_with_id(int64_t id) const {
    for (const auto& [code, school] : schools_by_code)
      if (school.id == id) return &school;
    return nullptr;
  }
};

// One row being checked: reads its fields and records problems against the
// column that holds the field.
class RowCheck {
 public:
  RowCheck(const RegisterSpec& spec, const ingest::MappedRow& row, std::vector<ingest::RowProblem>& problems)
      : spec_(spec), row_(row), problems_(problems), had_problems_(false) {}
  const std::string& get(std::string_view key) const { return ingest::field(row_, spec_, key).value; }
  Date date(std::string_view key) const { return parse_iso_date(get(key)).value_or(Date{}); }
  void fail(std::string_view key, const std::string& message) {
    problems_.push_back({row_.number, ingest::field(row_, spec_, key).column, message});
    had_problems_ = true;
  }
  // A field rule's Status, reported against the column of its field.
  void fail(const Status& s, const std::map<std::string, std::string>& field_to_key = {}) {
    auto it = field_to_key.find(s.field());
    fail(it == field_to_key.end() ? s.field() : it->second, s.message());
  }
  bool failed() const { return had_problems_; }
  int number() const { return row_.number; }

 private:
  const RegisterSpec& spec_;
  const ingest::MappedRow& row_;
  std::vector<ingest::RowProblem>& problems_;
  bool had_problems_;
};

// The school a row names by 学校标识码, which must lie in the actor's scope.
std::optional<int64_t> school_of_row(RowCheck& row, const Lookups& l) {
  const std::string& code = row.get("school_code");
  auto it = l.schools_by_code.find(code);
  if (it == l.schools_by_code.end()) {
    row.fail("school_code", "学校标识码“" + code + "”不存在");
    return std::nullopt;
  }
  if (!l.schools_in_scope.count(it->second.id)) {
    row.fail("school_code", "学校“" + it->second.name + "”不在您的管辖范围内");
    return std::nullopt;
  }
  return it->second.id;
}

// The people of a register (students, teachers) among `id_numbers`, by ID
// number: asked for a chunk at a time through the register's list, so one
// file never reads a province's whole register.
template <class Record, class Filter, class List, class PersonOf>
Result<std::map<std::string, Record>> on_register(const std::vector<std::string>& id_numbers, List list,
                                                  PersonOf person_of) {
  constexpr size_t kChunk = 500;
  std::map<std::string, Record> m;
  for (size_t from = 0; from < id_numbers.size(); from += kChunk) {
    Filter f;
    const size_t to = std::min(id_numbers.size(), from + kChunk);
    f.id_numbers.assign(id_numbers.begin() + from, id_numbers.begin() + to);
    auto page = list(f, PageRequest{1, static_cast<int64_t>(f.id_numbers.size())});
    if (!page.ok()) return page.status();
    for (auto& v : page->items) {
      Record& r = person_of(v);
      m[r.id_number] = std::move(r);
    }
  }
  return m;
}

// The records of a list by their import key.
template <class Record, class List>
Result<std::map<std::string, Record>> keyed(Result<List> all, std::string (*key)(const Record&)) {
  if (!all.ok()) return all.status();
  std::map<std::string, Record> m;
  for (auto& r : *all) m[key(r)] = r;
  return m;
}

const std::map<std::string, std::string> kPersonFieldToKey = {{"school_id", "school_code"},
                                                              {"class_id", "class_name"}};

struct StudentImport {
  using Record = Student;
  static constexpr Entity kEntity = Entity::kStudent;
  static std::string key(const Record& s) { return s.id_number; }

  static Result<std::map<std::string, Record>> existing(Database& db, const RegisterContext&,
                                                        const std::vector<std::string>& id_numbers) {
    return on_register<Record, StudentFilter>(id_numbers, [&](const StudentFilter& f, PageRequest page) {
      return list_students(db, Scope::All(), f, page);
    }, [](StudentView& v) -> Student& { return v.student; });
  }

  static std::optional<Record> build(RowCheck& row, const Lookups& l, const RegisterContext& ctx) {
    Student s;
    s.name = row.get("name");
    s.gender = row.get("gender");
    s.id_number = row.get("id_number");
    s.birth_date = row.date("birth_date");
    s.ethnicity = row.get("ethnicity");
    s.status = row.get("status");
    s.enrolled_on = row.date("enrolled_on");
    s.household = row.get("household");
    s.left_behind = row.get("left_behind") == "是";
    s.disabled = row.get("disabled") == "是";
    auto school = school_of_row(row, l);
    if (!school) return std::nullopt;
    s.school_id = *school;
    const std::string& class_name = row.get("class_name");
    if (!class_name.empty()) {
      auto it = l.classes.find({s.school_id, class_name});
      if (it == l.classes.end()) {
        row.fail("class_name", "班级“" + class_name + "”不是“" + l.school_name(s.school_id) +
                                   "”" + std::to_string(ctx.school_year) + "学年的班级");
        return std::nullopt;
      }
      s.class_id = it->second.id;
      Status age = check_age_for_grade(s.birth_date, it->second.grade, it->second.section,
                                       ctx.school_year);
      if (!age.ok()) row.fail(age, kPersonFieldToKey);
    }
    Status v = validate_student(s, ctx.today, ctx.school_year);
    if (!v.ok()) row.fail(v, kPersonFieldToKey);
    return s;
  }

  static void check_existing(RowCheck& row, const Record& s, const Record& old, const Lookups& l) {
    // The school is named only within the uploader's scope: a student elsewhere is nobody's business here.
    const std::string where = l.schools_in_scope.count(old.school_id)
                                  ? "“" + l.school_name(old.school_id) + "”"
                                  : "您管辖范围以外的学校";
    if (old.school_id != s.school_id && old.status == "在读")
      row.fail("id_number", "该生已在" + where + "就读(学籍状态:在读),不能重复注册;如已转学,请先由原校办理转出");
  }
  static constexpr const char* kIdsOf = "students";
  static Status insert_all(Database& db, const std::vector<Record>& records) {
    Status s = insert_students(db, records);
    return s.ok() ? record_enrolments(db, records.front().id, records.back().id) : s;
  }
  static Status update(Database& db, const Record& s) { return update_student(db, s); }
};

struct TeacherImport {
  using Record = Teacher;
  static constexpr Entity kEntity = Entity::kTeacher;
  static std::string key(const Record& t) { return t.id_number; }

  static Result<std::map<std::string, Record>> existing(Database& db, const RegisterContext&,
                                                        const std::vector<std::string>& id_numbers) {
    return on_register<Record, TeacherFilter>(id_numbers, [&](const TeacherFilter& f, PageRequest page) {
      return list_teachers(db, Scope::All(), f, page);
    }, [](TeacherView& v) -> Teacher& { return v.teacher; });
  }

  static std::optional<Record> build(RowCheck& row, const Lookups& l, const RegisterContext& ctx) {
    Teacher t;
    t.name = row.get("name");
    t.gender = row.get("gender");
    t.id_number = row.get("id_number");
    t.birth_date = row.date("birth_date");
    t.post = row.get("post");
    t.education = row.get("education");
    t.title = row.get("title");
    t.subject = row.get("subject");
    t.backbone = row.get("backbone");
    t.section = row.get("section");
    t.on_staff = row.get("on_staff") == "是";
    t.hired_on = row.date("hired_on");
    auto school = school_of_row(row, l);
    if (!school) return std::nullopt;
    t.school_id = *school;
    Status v = validate_teacher(t, ctx.today);
    if (!v.ok()) row.fail(v, kPersonFieldToKey);
    return t;
  }

  static void check_existing(RowCheck& row, Record& t, const Record& old, const Lookups& l) {
    if (t.section.empty()) t.section = old.section;  // a file without 任教学段
    if (old.school_id != t.school_id && !l.schools_in_scope.count(old.school_id))
      row.fail("id_number", "该教职工登记在“" + l.school_name(old.school_id) +
                                "”,不在您的管辖范围内,请由教育局办理调动");
  }
  static constexpr const char* kIdsOf = "teachers";
  static Status insert_all(Database& db, const std::vector<Record>& records) {
    Status s = insert_teachers(db, records);
    return s.ok() ? record_current_years(db, records.front().id, records.back().id) : s;
  }
  static Status update(Database& db, const Record& t) { return update_teacher(db, t); }
};

// The 所属乡镇 of a school row: a 乡镇(街道) or 学区 (or a 区/县, for a school
// under no township) by its name, or by its code when the name repeats.
std::optional<Area> school_area(RowCheck& row, const Lookups& l) {
  const std::string& given = row.get("area");
  auto placeable = [](const Area& a) { return a.parent_id.has_value(); };
  auto by_code = l.areas_by_code.find(given);
  if (by_code != l.areas_by_code.end() && placeable(by_code->second)) return by_code->second;
  std::vector<Area> named;
  for (auto [it, end] = l.areas_by_name.equal_range(given); it != end; ++it)
    if (placeable(it->second)) named.push_back(it->second);
  if (named.size() == 1) return named.front();
  if (named.empty())
    row.fail("area", "乡镇“" + given + "”不是" +
                         (l.county && l.county->level == area_level::kCity ? "本市" : "本县") +
                         "的乡镇(街道)或学区");
  else
    row.fail("area", "有" + std::to_string(named.size()) + "个区划名为“" + given +
                         "”,请改填其行政区划代码(如" + named.front().code + ")");
  return std::nullopt;
}

struct SchoolImport {
  using Record = School;
  static constexpr Entity kEntity = Entity::kSchool;
  static std::string key(const Record& s) { return s.code; }

  static Result<std::map<std::string, Record>> existing(Database& db, const RegisterContext&,
                                                        const std::vector<std::string>&) {
    auto all = list_schools(db, Scope::All(), {}, {1, 1'000'000}, 0);
    if (!all.ok()) return all.status();
    std::map<std::string, Record> m;
    for (auto& v : all->items) m[v.school.code] = v.school;
    return m;
  }

  static std::optional<Record> build(RowCheck& row, const Lookups& l, const RegisterContext&) {
    School s;
    s.code = row.get("code");
    s.name = row.get("name");
    s.kind = row.get("kind");
    s.ownership = row.get("ownership");
    s.location = row.get("location");
    s.address = row.get("address");
    s.principal = row.get("principal");
    s.phone = row.get("phone");
    s.founded_year = std::atoi(row.get("founded_year").c_str());
    s.weak = row.get("weak") == "是";
    auto area = school_area(row, l);
    if (!area) return std::nullopt;
    s.area_id = area->id;
    Status v = validate_school(s);
    if (!v.ok()) row.fail(v, {{"area_id", "area"}});
    return s;
  }

  static void check_existing(RowCheck& row, Record& s, const Record& old, const Lookups& l) {
    s.parent_school_id = old.parent_school_id;  // not a column of the file
    if (!l.schools_in_scope.count(old.id))
      row.fail("code", "学校“" + old.name + "”不在您的管辖范围内");
  }
  static constexpr const char* kIdsOf = "schools";
  static Status insert_all(Database& db, const std::vector<Record>& records) { return insert_schools(db, records); }
  static Status update(Database& db, const Record& s) { return update_school(db, s); }
};

struct ConditionsImport {
  using Record = Conditions;
  static constexpr Entity kEntity = Entity::kConditions;
  static std::string key(const Record& c) {
    return std::to_string(c.school_id) + "/" + std::to_string(c.school_year);
  }

  static Result<std::map<std::string, Record>> existing(Database& db, const RegisterContext&,
                                                        const std::vector<std::string>&) {
    return keyed<Record>(list_all_conditions(db), key);
  }

  static std::optional<Record> build(RowCheck& row, const Lookups& l, const RegisterContext& ctx) {
    auto school = school_of_row(row, l);
    if (!school) return std::nullopt;
    Conditions c;
    c.school_id = *school;
    c.school_year = std::atoi(row.get("school_year").c_str());
    if (c.school_year > ctx.school_year) {
      row.fail("school_year", "学年" + row.get("school_year") + "晚于当前学年");
      return std::nullopt;
    }
    c.building_area = std::atof(row.get("building_area").c_str());
    c.teaching_area = std::atof(row.get("teaching_area").c_str());
    c.sports_area = std::atof(row.get("sports_area").c_str());
    c.equipment_value = std::atof(row.get("equipment_value").c_str());
    c.books = std::atoll(row.get("books").c_str());
    c.computers = std::atoll(row.get("computers").c_str());
    c.multimedia_rooms = std::atoll(row.get("multimedia_rooms").c_str());
    if (c.teaching_area > c.building_area)
      row.fail("teaching_area", "教学及辅助用房面积不能大于校舍建筑面积");
    return c;
  }

  static void check_existing(RowCheck&, const Record&, const Record&, const Lookups&) {}
  static Status insert_all(Database& db, const std::vector<Record>& records) {
    return insert_conditions(db, records);
  }
  static Status update(Database& db, const Record& c) { return upsert_conditions(db, c); }
};

// The area import: 区/县 (a city deployment only), 乡镇(街道) and 学区, each
// under the parent its code names (core/area_code.h) — in the database or in
// the same file (parents are written first).
struct AreaImport {
  using Record = Area;
  static constexpr Entity kEntity = Entity::kArea;
  static std::string key(const Record& a) { return a.code; }
  // Unique under a parent (a 区/县's parent is the root).
  static std::string name_key(const Record& a) { return parent_code(a.code) + "/" + a.name; }

  static Result<std::map<std::string, Record>> existing(Database& db, const RegisterContext&,
                                                        const std::vector<std::string>&) {
    return keyed<Record>(list_areas(db, Scope::All()), key);
  }

  static void prepare(const RegisterSpec& spec, const ingest::MappedSheet& sheet, Lookups& l) {
    for (const ingest::MappedRow& r : sheet.rows) {
      const ingest::FieldCell& code = ingest::field(r, spec, "area_code");
      if (code.column >= 0) l.levels_in_file.emplace(code.value, level_of_code(code.value));
    }
  }

  static std::optional<Record> build(RowCheck& row, const Lookups& l, const RegisterContext&) {
    if (!l.county) {
      row.fail("area_code", "本数据库尚未初始化县(市),请先运行 edubureau init");
      return std::nullopt;
    }
    const Area& root = *l.county;
    const bool city = root.level == area_level::kCity;
    Area a{0, std::nullopt, row.get("area_code"), row.get("name"), level_of_code(row.get("area_code"))};
    if (a.level.empty()) {
      row.fail("area_code", "行政区划代码“" + a.code + "”应为6位(区/县)、9位或12位(乡镇/街道)或11位、14位(学区)数字");
      return std::nullopt;
    }
    if (!level_matches(row, a)) return std::nullopt;
    if (a.level == area_level::kCounty) {
      if (!city) {
        row.fail("area_code", "本库为县级部署(" + root.name + "),不能导入区/县“" + a.code +
                                  "”;乡镇(街道)的代码应为9位或12位,以" + root.code + "开头");
        return std::nullopt;
      }
      if (a.code == root.code || a.code.substr(0, 4) != root.code.substr(0, 4)) {
        row.fail("area_code", "区/县的行政区划代码“" + a.code + "”应以本市代码的前4位" + root.code.substr(0, 4) +
                                  "开头,且不同于本市代码" + root.code);
        return std::nullopt;
      }
      a.parent_id = root.id;
    } else if (!find_parent(row, l, a)) {
      return std::nullopt;
    }
    for (auto [it, end] = l.areas_by_name.equal_range(a.name); it != end; ++it)
      if (it->second.code != a.code && parent_code(it->second.code) == parent_code(a.code))
        row.fail("name", "“" + a.name + "”已是同一上级区划下行政区划代码为" + it->second.code + "的区划的名称");
    return a;
  }

  // The level column, when given, agrees with the code.
  static bool level_matches(RowCheck& row, const Area& a) {
    static const std::map<std::string, std::string> kNames = {
        {"区/县", area_level::kCounty},    {"区县", area_level::kCounty},      {"区", area_level::kCounty},
        {"县", area_level::kCounty},       {"乡镇(街道)", area_level::kTownship},
        {"乡镇", area_level::kTownship},   {"街道", area_level::kTownship},    {"乡镇/街道", area_level::kTownship},
        {"学区", area_level::kDistrict}};
    const std::string& given = row.get("level");
    if (given.empty()) return true;
    auto it = kNames.find(given);
    if (it == kNames.end()) {
      row.fail("level", "级别“" + given + "”应为“区/县”“乡镇(街道)”或“学区”");
      return false;
    }
    if (it->second != a.level) {
      row.fail("level", "级别“" + given + "”与行政区划代码“" + a.code + "”(" + std::to_string(a.code.size()) +
                            "位)不符;代码6位为区/县,9位或12位为乡镇(街道),11位或14位为学区");
      return false;
    }
    return true;
  }

  // A township's parent is the 区/县 of its first 6 digits (the county itself
  // in a county deployment); a 学区's is the township its code extends.
  static bool find_parent(RowCheck& row, const Lookups& l, Area& a) {
    const std::string code = parent_code(a.code);
    const std::string wanted = a.level == area_level::kTownship ? area_level::kCounty : area_level::kTownship;
    const std::string wanted_label = a.level == area_level::kTownship ? "区/县" : "乡镇(街道)";
    auto stored = l.areas_by_code.find(code);
    if (stored != l.areas_by_code.end() && stored->second.level == wanted) {
      a.parent_id = stored->second.id;
      return true;
    }
    auto in_file = l.levels_in_file.find(code);
    if (stored == l.areas_by_code.end() && in_file != l.levels_in_file.end() && in_file->second == wanted)
      return true;  // new, written before this row; insert_all() finds it by its code
    row.fail("area_code", "行政区划代码“" + a.code + "”的上级" + wanted_label + "(代码" + code +
                              ")不存在;请先导入该" + wanted_label + ",或在本文件中一并列出");
    return false;
  }

  static bool write_before(const Record& a, const Record& b) { return a.code.size() < b.code.size(); }
  static void check_existing(RowCheck&, const Record&, const Record&, const Lookups&) {}
  static constexpr const char* kIdsOf = "areas";
  // A new area without a parent_id has its parent among the new ones before it.
  static Status insert_all(Database& db, std::vector<Record>& records) {
    std::map<std::string, int64_t> new_ids;
    for (Area& a : records) {
      if (!a.parent_id) {
        auto parent = new_ids.find(parent_code(a.code));
        if (parent == new_ids.end())
          return Status::Error("internal", "上级区划" + parent_code(a.code) + "未能先于" + a.code + "写入");
        a.parent_id = parent->second;
      }
      new_ids[a.code] = a.id;
    }
    return insert_areas(db, records);
  }
  static Status update(Database& db, const Record& a) { return update_area(db, a); }
};

struct ClassImport {
  using Record = SchoolClass;
  static constexpr Entity kEntity = Entity::kClass;
  static std::string key(const Record& c) {
    return std::to_string(c.school_id) + "/" + std::to_string(c.school_year) + "/" + c.section + "/" +
           std::to_string(c.grade) + "/" + std::to_string(c.class_no);
  }
  // Students name their class by name: unique in a school's year.
  static std::string name_key(const Record& c) { return std::to_string(c.school_id) + "/" + c.name; }

  static Result<std::map<std::string, Record>> existing(Database& db, const RegisterContext& ctx,
                                                        const std::vector<std::string>&) {
    return keyed<Record>(list_year_classes(db, ctx.school_year), key);
  }

  static std::optional<Record> build(RowCheck& row, const Lookups& l, const RegisterContext& ctx) {
    auto school_id = school_of_row(row, l);
    if (!school_id) return std::nullopt;
    const School& school = *l.school_with_id(*school_id);
    SchoolClass c;
    c.school_id = school.id;
    c.school_year = std::atoi(row.get("school_year").c_str());
    if (c.school_year != ctx.school_year) {
      row.fail("school_year", "只能登记当前学年(" + std::to_string(ctx.school_year) + ")的班级");
      return std::nullopt;
    }
    c.section = row.get("section");
    auto taught = sections_of_kind(school.kind);
    if (std::find(taught.begin(), taught.end(), c.section) == taught.end()) {
      row.fail("section", "“" + school.name + "”(" + school.kind + ")没有" + c.section + "学段");
      return std::nullopt;
    }
    auto grade = grade_named(c.section, row.get("grade"));
    if (!grade) {
      row.fail("grade", "“" + row.get("grade") + "”不是" + c.section + "的年级(可填:" +
                            grade_labels(c.section) + ")");
      return std::nullopt;
    }
    c.grade = *grade;
    c.class_no = std::atoi(row.get("class_no").c_str());
    if (c.class_no < 1 || c.class_no > 99) {
      row.fail("class_no", "班号应为1至99");
      return std::nullopt;
    }
    c.name = row.get("name").empty() ? class_label(c.section, c.grade, c.class_no) : row.get("name");
    auto same_name = l.classes.find({c.school_id, c.name});
    if (same_name != l.classes.end() && key(same_name->second) != key(c))
      row.fail("name", "“" + c.name + "”已是本校另一个班级的名称");
    const std::string& head = row.get("head_teacher");
    if (!head.empty()) {
      auto teacher = l.teachers_by_id_number.find(head);
      if (teacher == l.teachers_by_id_number.end() || teacher->second.school_id != c.school_id)
        row.fail("head_teacher", "班主任须是“" + school.name + "”的教职工,未找到该身份证号");
      else
        c.head_teacher_id = teacher->second.id;
    }
    return c;
  }

  static void check_existing(RowCheck&, const Record&, const Record&, const Lookups&) {}
  static constexpr const char* kIdsOf = "classes";
  static Status insert_all(Database& db, const std::vector<Record>& records) { return insert_classes(db, records); }
  static Status update(Database& db, const Record& c) { return update_class(db, c); }
};

struct CatchmentImport {
  using Record = Catchment;
  static constexpr Entity kEntity = Entity::kCatchment;
  static std::string key(const Record& c) { return std::to_string(c.school_id); }

  static Result<std::map<std::string, Record>> existing(Database& db, const RegisterContext&,
                                                        const std::vector<std::string>&) {
    auto all = list_catchments(db, Scope::All());
    if (!all.ok()) return all.status();
    std::map<std::string, Record> m;
    for (auto& v : *all) m[key(v.catchment)] = v.catchment;
    return m;
  }

  // The school a column names by 学校标识码, which must teach `section`.
  static std::optional<int64_t> school_teaching(RowCheck& row, const Lookups& l,
                                                const std::string& key, const std::string& section) {
    const std::string& code = row.get(key);
    auto it = l.schools_by_code.find(code);
    if (it == l.schools_by_code.end()) {
      row.fail(key, "学校标识码“" + code + "”不存在");
      return std::nullopt;
    }
    const School& school = it->second;
    auto taught = sections_of_kind(school.kind);
    if (std::find(taught.begin(), taught.end(), section) == taught.end()) {
      row.fail(key, "“" + school.name + "”(" + school.kind + ")没有" + section + "学段");
      return std::nullopt;
    }
    return school.id;
  }

  static std::optional<Record> build(RowCheck& row, const Lookups& l, const RegisterContext&) {
    auto primary = school_teaching(row, l, "school_code", "小学");
    auto middle = school_teaching(row, l, "middle_school_code", "初中");
    if (!primary || !middle) return std::nullopt;
    return Catchment{*primary, *middle};
  }

  static void check_existing(RowCheck&, const Record&, const Record&, const Lookups&) {}
  static Status insert_all(Database& db, const std::vector<Record>& records) {
    return insert_catchments(db, records);
  }
  static Status update(Database& db, const Record& c) { return upsert_catchment(db, c); }
};

int64_t record_id(const Area& r) { return r.id; }
int64_t record_id(const Catchment& r) { return r.school_id; }
int64_t record_id(const SchoolClass& r) { return r.id; }
int64_t record_id(const School& r) { return r.id; }
int64_t record_id(const Student& r) { return r.id; }
int64_t record_id(const Teacher& r) { return r.id; }
int64_t record_id(const Conditions& r) { return r.school_id; }
void set_id(Area& r, int64_t id) { r.id = id; }
void set_id(SchoolClass& r, int64_t id) { r.id = id; }
void set_id(School& r, int64_t id) { r.id = id; }
void set_id(Student& r, int64_t id) { r.id = id; }
void set_id(Teacher& r, int64_t id) { r.id = id; }
void set_id(Conditions&, int64_t) {}
void set_id(Catchment&, int64_t) {}

// "身份证号", "学校标识码", "学校标识码+学年".
std::string natural_key_label(const RegisterSpec& spec) {
  std::string label;
  for (const auto& key : spec.natural_key)
    for (const auto& column : spec.columns)
      if (column.key == key) label += (label.empty() ? "" : "+") + column.header;
  return label;
}

template <class Record>
struct Write {
  Record record;
  bool update = false;
  FieldValues before;
};

// Checks every row; fills `plan` and, for clean rows, `writes`.
template <class Kind>
Status check_rows(Database& db, const Actor& actor, const RegisterSpec& spec,
                  const ingest::SheetTable& sheet, const RegisterContext& ctx, ImportPlan& plan,
                  std::vector<Write<typename Kind::Record>>& writes) {
  if (!allowed(actor.user, Action::kCreate, Kind::kEntity))
    return Status::Error("forbidden", "您的角色无权导入“" + spec.title + "”");
  auto mapped = ingest::map_rows(spec, sheet);
  if (!mapped.ok()) return mapped.status();
  auto lookups = Lookups::load(db, actor, spec, ctx);
  if (!lookups.ok()) return lookups.status();
  if constexpr (requires { Kind::prepare(spec, *mapped, *lookups); }) Kind::prepare(spec, *mapped, *lookups);
  // The file's keys, as its first key column holds them (an ID number, a code).
  std::vector<std::string> keys_in_file;
  for (const ingest::MappedRow& r : mapped->rows)
    if (const std::string& key = ingest::field(r, spec, spec.natural_key.front()).value; !key.empty())
      keys_in_file.push_back(key);
  auto existing = Kind::existing(db, ctx, keys_in_file);
  if (!existing.ok()) return existing.status();
  plan.unknown_columns = mapped->unknown_columns;
  plan.missing_columns = mapped->missing_columns;
  std::vector<ingest::RowProblem> problems = mapped->problems;
  std::set<int> rows_with_cell_problems;
  for (const auto& p : problems) rows_with_cell_problems.insert(p.row);
  std::unordered_map<std::string, int> first_row_of_key, first_row_of_name;
  first_row_of_key.reserve(mapped->rows.size());
  writes.reserve(mapped->rows.size());
  for (const ingest::MappedRow& mapped_row : mapped->rows) {
    ++plan.rows;
    if (rows_with_cell_problems.count(mapped_row.number)) continue;
    RowCheck row(spec, mapped_row, problems);
    auto record = Kind::build(row, *lookups, ctx);
    if (!record || row.failed()) continue;
    std::string key = Kind::key(*record);
    auto [first, inserted] = first_row_of_key.emplace(key, row.number());
    if (!inserted) {
      row.fail(spec.natural_key.front(), "与第" + std::to_string(first->second) + "行的" +
                                             natural_key_label(spec) + "重复");
      continue;
    }
    if constexpr (requires { Kind::name_key(*record); }) {
      auto [first_named, fresh] = first_row_of_name.emplace(Kind::name_key(*record), row.number());
      if (!fresh) {
        row.fail("name", "与第" + std::to_string(first_named->second) + "行的名称重复");
        continue;
      }
    }
    Write<typename Kind::Record> write{std::move(*record), false, {}};
    auto old = existing->find(key);
    if (old != existing->end()) {
      Kind::check_existing(row, write.record, old->second, *lookups);
      if (row.failed()) continue;
      set_id(write.record, record_id(old->second));
      write.before = fields_of(old->second);
      write.update = true;
      auto changes = diff_fields(write.before, fields_of(write.record));
      if (changes.empty()) {
        ++plan.unchanged;
        ++plan.valid_rows;
        continue;
      }
      // The field rights of an edit (access/policy.h); a change of school is
      // a transfer, which check_existing has decided.
      std::erase_if(changes, [](const FieldChange& c) { return c.key == "school_id"; });
      if (Status rights = check_field_rights(actor.user, Kind::kEntity, changes); !rights.ok()) {
        row.fail(rights);
        continue;
      }
      ++plan.to_update;
    } else {
      if (Status rights = new_records_checked(actor.user, Kind::kEntity)
                              ? check_new_record_rights(actor.user, Kind::kEntity, fields_of(write.record))
                              : Status::Ok();
          !rights.ok()) {
        row.fail(rights);
        continue;
      }
      ++plan.to_create;
    }
    ++plan.valid_rows;
    writes.push_back(std::move(write));
  }
  if constexpr (requires { Kind::write_before(writes[0].record, writes[0].record); })
    std::stable_sort(writes.begin(), writes.end(),
                     [](const auto& a, const auto& b) { return Kind::write_before(a.record, b.record); });
  std::sort(problems.begin(), problems.end(), [](const auto& a, const auto& b) {
    return std::tie(a.row, a.column) < std::tie(b.row, b.column);
  });
  plan.problems = std::move(problems);
  plan.headers = std::move(mapped->headers);
  return Status::Ok();
}

// The new records of one import in one batch: ids (where their table gives
// them) from Database::next_ids, then Kind::insert_all.
template <class Kind>
Status insert_new(Database& db, std::vector<typename Kind::Record>& records) {
  if (records.empty()) return Status::Ok();
  if constexpr (requires { Kind::kIdsOf; }) {
    auto ids = db.next_ids(Kind::kIdsOf, static_cast<int64_t>(records.size()));
    if (!ids.ok()) return ids.status();
    for (size_t i = 0; i < records.size(); ++i) set_id(records[i], (*ids)[i]);
  }
  return Kind::insert_all(db, records);
}

template <class Kind>
Result<ImportOutcome> run(Database& db, const Actor& actor, const RegisterSpec& spec,
                          const ingest::SheetTable& sheet, const RegisterContext& ctx, bool write) {
  ImportOutcome outcome;
  std::vector<Write<typename Kind::Record>> writes;
  Status s = check_rows<Kind>(db, actor, spec, sheet, ctx, outcome.plan, writes);
  if (!s.ok() || !write) return s.ok() ? Result<ImportOutcome>(outcome) : Result<ImportOutcome>(s);
  if (!outcome.plan.ok())
    return Status::Error("has_problems", "文件中还有" + std::to_string(outcome.plan.problems.size()) +
                                             "处问题,请修正后重新上传;未导入任何数据");
  // Updates row by row (they are few), new records in one batch, then one
  // audit entry per row written, in the order of the writes.
  std::vector<AuditEntry> entries;
  std::vector<typename Kind::Record> created;
  std::vector<size_t> entry_of_created;
  entries.reserve(writes.size());
  created.reserve(static_cast<size_t>(outcome.plan.to_create));
  entry_of_created.reserve(created.capacity());
  for (auto& w : writes) {
    if (w.update) {
      s = Kind::update(db, w.record);
      if (!s.ok()) return s;
      auto before = with_names(db, w.before);
      auto after = with_names(db, fields_of(w.record));
      if (!before.ok()) return before.status();
      if (!after.ok()) return after.status();
      entries.push_back(audit_entry(&actor, "import", Kind::kEntity, record_id(w.record),
                                    diff_fields(*before, *after)));
      ++outcome.updated;
    } else {
      // A created row's values are the file's row: the import record keeps the file.
      entries.push_back(audit_entry(&actor, "import", Kind::kEntity, 0, {}));
      entry_of_created.push_back(entries.size() - 1);
      created.push_back(std::move(w.record));
    }
  }
  s = insert_new<Kind>(db, created);
  if (!s.ok()) return s;
  for (size_t i = 0; i < created.size(); ++i) entries[entry_of_created[i]].entity_id = record_id(created[i]);
  outcome.created = static_cast<int64_t>(created.size());
  s = record_audits(db, entries);
  if (!s.ok()) return s;
  return outcome;
}

template <class F>
Result<ImportOutcome> dispatch(const RegisterSpec& spec, F&& f) {
  if (spec.kind == "student") return f(StudentImport{});
  if (spec.kind == "teacher") return f(TeacherImport{});
  if (spec.kind == "school") return f(SchoolImport{});
  if (spec.kind == "area") return f(AreaImport{});
  if (spec.kind == "class") return f(ClassImport{});
  if (spec.kind == "catchment") return f(CatchmentImport{});
  return f(ConditionsImport{});
}

}  // namespace

Result<ImportPlan> plan_import(Database& db, const Actor& actor, const RegisterSpec& spec,
                               const ingest::SheetTable& sheet, const RegisterContext& ctx) {
  auto outcome = dispatch(spec, [&](auto kind) {
    return run<decltype(kind)>(db, actor, spec, sheet, ctx, false);
  });
  if (!outcome.ok()) return outcome.status();
  return outcome->plan;
}

Result<ImportOutcome> apply_import(Database& db, const Actor& actor, const RegisterSpec& spec,
                                   const ingest::SheetTable& sheet, const RegisterContext& ctx) {
  return dispatch(spec, [&](auto kind) {
    return run<decltype(kind)>(db, actor, spec, sheet, ctx, true);
  });
}

std::vector<ImportProblemRecord> listed_problems(const ImportPlan& plan, const ingest::SheetTable& sheet,
                                                 size_t limit) {
  std::vector<ImportProblemRecord> listed;
  for (size_t i = 0; i < plan.problems.size() && i < limit; ++i) {
    const ingest::RowProblem& p = plan.problems[i];
    ImportProblemRecord record{p.row, p.column, "", "", p.message};
    if (p.column >= 0 && p.column < static_cast<int>(plan.headers.size()))
      record.header = plan.headers[p.column];
    auto row = std::lower_bound(sheet.rows.begin(), sheet.rows.end(), p.row,
                                [](const ingest::TableRow& r, int number) { return r.number < number; });
    if (row != sheet.rows.end() && row->number == p.row && p.column >= 0 &&
        p.column < static_cast<int>(row->cells.size()))
      record.value = row->cells[p.column].text;
    listed.push_back(std::move(record));
  }
  return listed;
}

}  // namespace edu
