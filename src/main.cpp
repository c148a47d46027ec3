#include "cli/cli.h"

int main(int argc, char** argv) { return edu::run_cli(argc, argv); }
