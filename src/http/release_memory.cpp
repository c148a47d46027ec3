#include "http/release_memory.h"

#include <malloc.h>

namespace edu {

ApiHandler releasing_memory(ApiHandler handler) {
  return [handler = std::move(handler)](ApiCall& call) {
    Result<Reply> reply = handler(call);
    malloc_trim(0);
    return reply;
  };
}

}  // namespace edu
