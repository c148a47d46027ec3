#include "workflow/exchange_proposals.h"

#include <charconv>

#include "store/teacher_store.h"

namespace edu {
namespace {

// "第2条(张三)": the proposal's position and its teacher as the actor sees them.
std::string named(Database& db, const Actor& actor, size_t index, const ActionInput& move) {
  std::string who;
  auto id = move.fields.find("teacher_id");
  if (id != move.fields.end()) {
    who = "教师编号" + id->second;
    int64_t n = 0;
    std::from_chars(id->second.data(), id->second.data() + id->second.size(), n);
    auto t = get_teacher(db, actor.scope, n);
    if (t.ok() && *t) who = (*t)->teacher.name;
  }
  return "第" + std::to_string(index + 1) + "条" + (who.empty() ? "" : "(" + who + ")") + ":";
}

}  // namespace

Status check_proposals(const Actor& actor, size_t count) {
  if (Status s = may_open(actor, "exchange", "propose"); !s.ok()) return s;
  if (count == 0) return Status::Error("validation", "请至少选择一条交流调整", "proposals");
  if (count > kMaxProposals)
    return Status::Error("validation",
                         "一次最多拟定" + std::to_string(kMaxProposals) + "条交流调整,本次" + std::to_string(count) +
                             "条,请分批提交",
                         "proposals");
  return Status::Ok();
}

Result<std::vector<int64_t>> propose_exchanges(Database& db, const Actor& actor, const std::vector<ActionInput>& moves,
                                               const Date& today) {
  if (Status s = check_proposals(actor, moves.size()); !s.ok()) return s;
  size_t failed = moves.size();  // stays so when the actor may not propose at all
  auto ids = open_cases(db, actor, "exchange", "propose", moves, today, &failed);
  if (ids.ok() || failed == moves.size()) return ids;
  return Status::Error(ids.status().code(), named(db, actor, failed, moves[failed]) + ids.status().message(),
                       ids.status().field());
}

}  // namespace edu
