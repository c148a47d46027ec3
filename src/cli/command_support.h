// What every edubureau subcommand shares: how a failure is printed, who a
// command acts as, and reading the file a command is given.
#pragma once

#include <string>

#include "access/policy.h"
#include "core/date.h"

namespace edu {

// Prints "错误:<message>" to stderr; returns the exit code 1.
int fail(const Status& s);

// The user `username` acting from the command line, with their role and scope.
Result<Actor> actor_named(Database& db, const std::string& username);

// Today's date on this machine's clock (local time).
Date local_today();

// The bytes of a file given on the command line (at most 512 MB), with a
// Chinese error naming it.
Result<std::string> read_command_file(const std::string& path);

}  // namespace edu
