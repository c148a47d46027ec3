// Rendering store views as the JSON shapes of docs/API.md. ID numbers are
// always masked here; full ones leave only through reveal_id_number().
#pragma once

#include <nlohmann/json.hpp>

#include "store/audit_store.h"
#include "store/class_size_store.h"
#include "store/import_store.h"
#include "store/school_store.h"
#include "store/student_store.h"
#include "store/summary_store.h"
#include "store/teacher_store.h"
#include "store/user_store.h"

namespace edu {

nlohmann::json to_json(const SchoolView& v);
nlohmann::json to_json(const StudentView& v);
nlohmann::json to_json(const TeacherView& v);
nlohmann::json to_json(const ClassView& v);
nlohmann::json to_json(const ClassSizeView& v);
nlohmann::json to_json(const Conditions& c);
nlohmann::json to_json(const AuditEntry& e);
nlohmann::json to_json(const Counts& counts);  // [{name, value}]
nlohmann::json to_json(const ImportRecord& r);  // the counts, problem_count; no problems
nlohmann::json to_json(const ImportProblemRecord& p);  // column as letters (A, B …)
// A user as the client sees it (never the password hash).
nlohmann::json user_json(const User& u, const std::string& scope_name);

template <class T>
nlohmann::json page_json(const Page<T>& page) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& item : page.items) items.push_back(to_json(item));
  return {{"items", items}, {"total", page.total}, {"page", page.page}, {"size", page.size}};
}

}  // namespace edu
