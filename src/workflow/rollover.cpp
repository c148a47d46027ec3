#include "workflow/rollover.h"

#include <optional>

#include "store/rollover_store.h"
#include "store/school_year_store.h"
#include "workflow/change_log.h"

namespace edu {
namespace {

Status audit_rollover(Database& db, const Actor* actor, const rollover::Plan& plan) {
  const rollover::SchoolSummary& t = plan.total;
  return audit(db, actor, "rollover", Entity::kSchoolYear, plan.to_year,
               {{"school_year", std::to_string(plan.from_year), std::to_string(plan.to_year)},
                {"classes_opened", "", std::to_string(t.classes_opened)},
                {"students_moved", "", std::to_string(t.students_moved)},
                {"graduates", "", std::to_string(t.graduates)},
                {"kept", "", std::to_string(t.kept)},
                {"problems", "", std::to_string(t.problems)}});
}

std::string summary_text(const rollover::Plan& plan, bool committed) {
  const rollover::SchoolSummary& t = plan.total;
  return std::string(committed ? "已完成:" : "预览:") + std::to_string(plan.from_year) + " 学年升级到 " +
         std::to_string(plan.to_year) + " 学年,开设班级 " + std::to_string(t.classes_opened) +
         " 个,升级学生 " + std::to_string(t.students_moved) + " 人,毕业 " +
         std::to_string(t.graduates) + " 人,休学留原年级 " + std::to_string(t.kept) + " 人,问题 " +
         std::to_string(t.problems) + " 个";
}

}  // namespace

Result<RolloverOutcome> rollover_year(Database& db, const Actor* actor, int to_year, bool commit) {
  if (actor && !allowed(actor->user, Action::kUpdate, Entity::kSchoolYear))
    return Status::Error("forbidden", "只有教育局管理员可以进行学年升级");
  // A commit holds the write lock from its first read (BEGIN IMMEDIATE), so a
  // second commit waits and then finds the year opened; a preview takes no lock.
  std::optional<Transaction> tx;
  if (commit && !tx.emplace(db).begun().ok()) return tx->begun();
  RolloverOutcome out;
  auto current = current_school_year(db);
  if (!current.ok()) return current.status();
  out.current_year = *current;
  if (to_year <= *current) {
    out.already_opened = true;
    out.message = std::to_string(to_year) + " 学年已经开设(当前学年 " + std::to_string(*current) +
                  "),无需升级,未改动任何数据";
    return out;
  }
  if (to_year != *current + 1)
    return Status::Error("validation",
                         "只能升级到下一学年 " + std::to_string(*current + 1) + "(当前学年 " +
                             std::to_string(*current) + "),不能跳到 " + std::to_string(to_year),
                         "to_year");
  auto input = load_rollover_input(db, *current);
  if (!input.ok()) return input.status();
  out.plan = rollover::plan_rollover(*input);
  if (commit) {
    Status s = apply_rollover(db, out.plan);
    if (s.ok()) s = audit_rollover(db, actor, out.plan);
    if (s.ok()) s = tx->commit();
    if (!s.ok()) return s;
    out.committed = true;
  }
  out.message = summary_text(out.plan, out.committed);
  return out;
}

}  // namespace edu
