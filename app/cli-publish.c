/* cli-publish.c — filled in by the publishing work */
#define G_LOG_DOMAIN "community-ledger"

#include "cli.h"

const CliCommand cli_publish_commands[] = {
  { NULL, NULL, NULL, NULL }
};
