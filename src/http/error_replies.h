// What a client gets when a request fails outside a handler's Result: an
// unknown path, a malformed request or an oversize body (httplib's error
// handler), and any exception thrown by a handler or by routing (httplib's
// exception handler — the one catch-all every handler runs inside). Each is
// JSON {code, message} in Chinese: request text echoed in it has invalid UTF-8
// replaced; an exception answers 500 {code: "internal"} and its text goes to
// stderr only. Neither handler can throw, so the process keeps serving.
#pragma once

#include <httplib.h>

namespace edu {

void install_error_replies(httplib::Server& server);

}  // namespace edu
