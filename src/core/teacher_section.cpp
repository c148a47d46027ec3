#include "core/teacher_section.h"

#include <algorithm>

#include "core/enums.h"

namespace edu {

std::string default_teacher_section(std::string_view school_kind, std::string_view subject) {
  auto sections = sections_of_kind(school_kind);
  if (sections.empty()) return "";
  static const std::string_view kJuniorSubjects[] = {"物理", "化学", "生物", "历史", "地理"};
  bool junior_subject = std::find(std::begin(kJuniorSubjects), std::end(kJuniorSubjects),
                                  subject) != std::end(kJuniorSubjects);
  bool has_junior = std::find(sections.begin(), sections.end(), "初中") != sections.end();
  if (sections.size() > 1 && junior_subject && has_junior) return "初中";
  return sections.front();
}

std::string teacher_section(std::string_view recorded, std::string_view school_kind,
                            std::string_view subject) {
  auto sections = sections_of_kind(school_kind);
  if (std::find(sections.begin(), sections.end(), recorded) != sections.end())
    return std::string(recorded);
  return default_teacher_section(school_kind, subject);
}

}  // namespace edu
