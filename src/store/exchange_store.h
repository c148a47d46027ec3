// 交流轮岗's records, as stored (migration 17): one row per approved exchange
// (workflow/teacher_exchange.h writes them in the approval's transaction and
// closes them on the return). The year's plan (analytics/exchange_plan.h)
// reads them with the staff (store/registers_loader.h read_staff).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace edu {

struct TeacherExchange {
  int64_t id = 0, case_id = 0, teacher_id = 0, home_school_id = 0, host_school_id = 0;
  std::string start_on, return_on;  // ISO; return_on: the planned return
  std::string returned_on;          // "" while the teacher is away
  std::string teacher_name, home_school_name, host_school_name;
};

Result<int64_t> insert_exchange(Database& db, const TeacherExchange& e);
// Records the return of the exchange approved by case `case_id`.
Status set_exchange_returned(Database& db, int64_t case_id, const std::string& day);

// A teacher's exchanges (teacher_id), or every exchange still away (away_only),
// oldest first.
struct ExchangeFilter {
  std::optional<int64_t> teacher_id;
  bool away_only = false;
};
Result<std::vector<TeacherExchange>> list_exchanges(Database& db, const ExchangeFilter& filter);

}  // namespace edu
