// The edubureau command line: serve, demo, user add|passwd, migrate, backup.
// Returns the process exit code; errors are printed in Chinese to stderr.
#pragma once

namespace edu {

int run_cli(int argc, char** argv);

}  // namespace edu
