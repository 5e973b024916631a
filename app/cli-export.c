/* cli-export.c — filled in by the publishing work */
#define G_LOG_DOMAIN "community-ledger"

#include "cli.h"

const CliCommand cli_export_commands[] = {
  { NULL, NULL, NULL, NULL }
};
