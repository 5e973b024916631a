#define G_LOG_DOMAIN "ledger"

#include <glib/gi18n-lib.h>

#include "ledger-error-private.h"

/* What a LEDGER_ERROR carries besides its code and message, so that a
 * form marks the field it names without reading the (translated)
 * message: the field, as the command line names it, and the money
 * account an entry would take below zero. */
typedef struct
{
  char *field;
  char *account;
} LedgerErrorPrivate;

static void
ledger_error_private_init (LedgerErrorPrivate *priv)
{
  priv->field = NULL;
  priv->account = NULL;
}

static void
ledger_error_private_copy (const LedgerErrorPrivate *src,
                           LedgerErrorPrivate       *dest)
{
  dest->field = g_strdup (src->field);
  dest->account = g_strdup (src->account);
}

static void
ledger_error_private_clear (LedgerErrorPrivate *priv)
{
  g_clear_pointer (&priv->field, g_free);
  g_clear_pointer (&priv->account, g_free);
}

G_DEFINE_EXTENDED_ERROR (LedgerError, ledger_error)

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

/* The private part of @error, when it is a LEDGER_ERROR. */
static LedgerErrorPrivate *
private_of (const GError *error)
{
  return error != NULL && error->domain == LEDGER_ERROR ? ledger_error_get_private (error) : NULL;
}

const char *
ledger_error_get_field (const GError *error)
{
  LedgerErrorPrivate *priv = private_of (error);

  return priv != NULL ? priv->field : NULL;
}

const char *
ledger_error_get_account (const GError *error)
{
  LedgerErrorPrivate *priv = private_of (error);

  return priv != NULL ? priv->account : NULL;
}

void
ledger_error_set_field (GError     **error,
                        const char  *field)
{
  LedgerErrorPrivate *priv = error != NULL ? private_of (*error) : NULL;

  if (priv == NULL || field == NULL)
    return;
  /* The amount is the one field the messages name in the user's
   * language (“金额 …”); it is carried as "amount" in every language. */
  if (g_str_equal (field, _("amount")))
    field = LEDGER_FIELD_AMOUNT;
  g_free (priv->field);
  priv->field = g_strdup (field);
}

void
ledger_error_set_account (GError     **error,
                          const char  *account)
{
  LedgerErrorPrivate *priv = error != NULL ? private_of (*error) : NULL;

  if (priv == NULL)
    return;
  g_free (priv->account);
  priv->account = g_strdup (account);
}
