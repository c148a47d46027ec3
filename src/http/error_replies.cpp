#include "http/error_replies.h"

#include <cstdio>

#include "http/router.h"

namespace edu {

namespace {

constexpr char kFallback[] = R"({"code":"internal","message":"服务器内部错误,请稍后重试"})";

// Runs `reply`; should even that fail, answers the fixed fallback.
template <typename F>
void guarded(httplib::Response& res, F reply) noexcept {
  try {
    reply();
  } catch (...) {
    res.status = 500;
    res.set_content(kFallback, "application/json; charset=utf-8");
  }
}

// The request line for the log, quoted and escaped (it may hold any bytes).
std::string loggable(const httplib::Request& req) {
  return Json(req.method + " " + req.path).dump(-1, ' ', true, Json::error_handler_t::replace);
}

}  // namespace

void install_error_replies(httplib::Server& server) {
  server.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return;
    guarded(res, [&] {
      Status s = res.status == 413   ? Status::Error("too_large", "请求内容过大")
                 : res.status == 404 ? Status::Error("not_found", "接口不存在:" + req.path)
                 : res.status >= 500 ? Status::Error("internal", "服务器内部错误,请稍后重试")
                                     : Status::Error("bad_request", "请求无效");
      send_json(res, res.status, error_json(s));
    });
  });
  server.set_exception_handler(
      [](const httplib::Request& req, httplib::Response& res, std::exception_ptr error) {
        guarded(res, [&] {
          std::string what = "unknown exception";
          try {
            std::rethrow_exception(error);
          } catch (const std::exception& e) {
            what = e.what();
          } catch (...) {
          }
          std::fprintf(stderr, "edubureau: 500 %s: %s\n", loggable(req).c_str(), what.c_str());
          send_json(res, 500, error_json(Status::Error("internal", "服务器内部错误,请稍后重试")));
        });
      });
}

}  // namespace edu
