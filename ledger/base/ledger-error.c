#define G_LOG_DOMAIN "ledger"

#include "ledger-error.h"

G_DEFINE_QUARK (ledger-error-quark, ledger_error)

gboolean
ledger_error_is_usage (const GError *error)
{
  if (error == NULL || error->domain != LEDGER_ERROR)
    return FALSE;

  switch ((LedgerError) error->code)
    {
    case LEDGER_ERROR_INVALID_INPUT:
    case LEDGER_ERROR_NOT_FOUND:
    case LEDGER_ERROR_CONFLICT:
      return TRUE;
    default:
      return FALSE;
    }
}
