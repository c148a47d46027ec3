#include "workflow/title_rounds.h"

#include "workflow/change_log.h"
#include "workflow/title_appointment.h"

namespace edu {
namespace {

Status may_read(const Actor& actor) {
  if (allowed(actor.user, Action::kRead, Entity::kTitle)) return Status::Ok();
  return Status::Error("forbidden", "职称评聘仅供教育局、乡镇(学区)和学校管理员查看");
}

Status bureau_only(const Actor& actor) {
  if (actor.user.active && actor.user.role == role::kBureauAdmin) return Status::Ok();
  return Status::Error("forbidden", "职称申报批次由教育局开放和关闭");
}

}  // namespace

Result<std::vector<TitleRound>> title_rounds(Database& db, const Actor& actor) {
  if (Status s = may_read(actor); !s.ok()) return s;
  return list_rounds(db);
}

Result<int64_t> open_title_round(Database& db, const Actor& actor, const TitleRound& r) {
  if (Status s = bureau_only(actor); !s.ok()) return s;
  if (r.name.empty()) return Status::Error("validation", "请填写“批次名称”", "name");
  if (r.name.size() > 200) return Status::Error("validation", "“批次名称”不能超过200字节", "name");
  if (r.year < 2000 || r.year > 2100) return Status::Error("validation", "“年度”应为2000–2100之间的年份", "year");
  const auto from = parse_iso_date(r.opens_on), to = parse_iso_date(r.closes_on);
  if (!from) return Status::Error("validation", "“申报开始日期”应为有效日期(YYYY-MM-DD)", "opens_on");
  if (!to) return Status::Error("validation", "“申报截止日期”应为有效日期(YYYY-MM-DD)", "closes_on");
  if (*to < *from) return Status::Error("validation", "“申报截止日期”不能早于“申报开始日期”", "closes_on");
  Transaction tx(db);
  if (!tx.begun().ok()) return tx.begun();
  auto open = open_round(db);
  if (!open.ok()) return open.status();
  if (*open)
    return Status::Error("conflict", "已有开放的申报批次“" + (*open)->name + "”,请先关闭它再开放新批次");
  TitleRound round = r;
  round.open = true;
  auto id = insert_round(db, round);
  if (!id.ok()) return id.status();
  Status s = audit(db, &actor, "create", Entity::kTitle, *id,
                   {{"round", "", r.name}, {"year", "", std::to_string(r.year)}, {"opens_on", "", r.opens_on},
                    {"closes_on", "", r.closes_on}});
  if (!s.ok()) return s;
  s = tx.commit();
  if (!s.ok()) return s;
  return *id;
}

Status close_title_round(Database& db, const Actor& actor, int64_t round_id) {
  if (Status s = bureau_only(actor); !s.ok()) return s;
  Transaction tx(db);
  if (!tx.begun().ok()) return tx.begun();
  auto round = get_round(db, round_id);
  if (!round.ok()) return round.status();
  if (!*round) return Status::Error("not_found", "申报批次不存在");
  if (!(*round)->open) return Status::Error("conflict", "申报批次“" + (*round)->name + "”已关闭");
  Status s = close_round(db, round_id);
  if (!s.ok()) return s;
  s = audit(db, &actor, "update", Entity::kTitle, round_id, {{"round", "", (*round)->name}, {"is_open", "开放", "关闭"}});
  if (!s.ok()) return s;
  return tx.commit();
}

Result<TitleRoundReport> title_round_report(Database& db, const Actor& actor, int64_t round_id) {
  if (Status s = may_read(actor); !s.ok()) return s;
  TitleRoundReport out;
  if (round_id == 0) {
    auto all = list_rounds(db);
    if (!all.ok()) return all.status();
    if (all->empty()) return Status::Error("not_found", "还没有职称申报批次");
    out.round = all->front();
  } else {
    auto round = get_round(db, round_id);
    if (!round.ok()) return round.status();
    if (!*round) return Status::Error("not_found", "申报批次不存在");
    out.round = **round;
  }
  ApplicationFilter f;
  f.round_id = out.round.id;
  auto rows = list_applications(db, actor.scope, f);
  if (!rows.ok()) return rows.status();
  out.applications = std::move(*rows);
  std::vector<analytics::titles::Application> apps;
  for (const TitleApplicationRow& r : out.applications)
    apps.push_back({r.application.case_id, r.school_id, r.application.level, title_state::passed(r.state),
                    r.state == title_state::kAppointed});
  out.report = analytics::titles::round_report(apps);
  return out;
}

}  // namespace edu
