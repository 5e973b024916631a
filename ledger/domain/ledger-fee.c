/* ledger-fee.c — fee items and their versions */
#define G_LOG_DOMAIN "ledger"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ledger-billing.h"
#include "ledger-book-private.h"
#include "ledger-dates-private.h"
#include "ledger-draft-private.h"
#include "ledger-fee-private.h"
#include "ledger-fee.h"
#include "ledger-journal-private.h"
#include "ledger-money.h"
#include "ledger-period.h"
#include "ledger-text.h"

void
ledger_fee_free (LedgerFee *fee)
{
  if (fee == NULL)
    return;
  g_free (fee->code);
  g_free (fee->name);
  g_free (fee);
}

const char *
ledger_fee_basis_to_string (LedgerFeeBasis basis)
{
  return basis == LEDGER_BASIS_SPACE ? "space" : "household";
}

gboolean
ledger_fee_basis_parse (const char      *text,
                        const char      *field,
                        LedgerFeeBasis  *out_basis,
                        GError         **error)
{
  if (g_strcmp0 (text, "household") == 0 || g_strcmp0 (text, "户") == 0)
    *out_basis = LEDGER_BASIS_HOUSEHOLD;
  else if (g_strcmp0 (text, "space") == 0 || g_strcmp0 (text, "车位") == 0)
    *out_basis = LEDGER_BASIS_SPACE;
  else
    {
      return ledger_text_set_invalid_input (error, field, text,
                                            _("expected household or space"));
    }
  return TRUE;
}

gboolean
ledger_fee_code_check (const char  *code,
                       GError     **error)
{
  gsize len = code != NULL ? strlen (code) : 0;
  gboolean ok = len >= 1 && len <= 32 && g_ascii_islower (code[0]);

  for (gsize i = 1; ok && i < len; i++)
    ok = g_ascii_islower (code[i]) || g_ascii_isdigit (code[i]) || code[i] == '_' || code[i] == '-';
  if (!ok)
    return ledger_text_set_invalid_input (error, _("fee code"), code,
                                          _("expected a short lowercase word such as property or parking"));
  return TRUE;
}

#define FEE_COLUMNS "id, code, name, amount, basis, effective_from"

static LedgerFee *
fee_from_row (sqlite3_stmt *stmt)
{
  LedgerFee *fee = g_new0 (LedgerFee, 1);

  fee->id = sqlite3_column_int64 (stmt, 0);
  fee->code = ledger_column_dup (stmt, 1);
  fee->name = ledger_column_dup (stmt, 2);
  fee->amount = sqlite3_column_int64 (stmt, 3);
  ledger_fee_basis_parse ((const char *) sqlite3_column_text (stmt, 4), "basis", &fee->basis, NULL);
  g_strlcpy (fee->effective_from, (const char *) sqlite3_column_text (stmt, 5),
             sizeof fee->effective_from);
  return fee;
}

/* Runs a fee query with its parameters already bound into a list. */
static GPtrArray *
collect_fees (LedgerBook    *book,
              sqlite3_stmt  *stmt,
              GError       **error)
{
  g_autoptr(GPtrArray) fees = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_fee_free);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (fees, fee_from_row (stmt));
  if (!ledger_book_finish_rows (book, stmt, rc, N_("reading fees"), error))
    return NULL;
  return g_steal_pointer (&fees);
}

/* The newest version of @code, or NULL if the book has none. */
static gboolean
latest_version (LedgerBook  *book,
                const char  *code,
                LedgerFee  **out_fee,
                GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  *out_fee = NULL;
  stmt = ledger_book_prepare (book,
                              "SELECT " FEE_COLUMNS " FROM fees WHERE code = ?1"
                              " ORDER BY effective_from DESC, id DESC LIMIT 1",
                              error);
  if (stmt == NULL)
    return FALSE;
  ledger_bind_text (stmt, 1, code);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      /* A new fee item. */
      sqlite3_reset (stmt);
      return TRUE;
    }
  if (rc == SQLITE_ROW)
    *out_fee = fee_from_row (stmt);
  return ledger_book_finish_row (book, stmt, rc, N_("reading fees"), error);
}

/* Each fee item's income goes to its own account, "income:CODE", named
 * as the item's newest version names it. */
static gboolean
ensure_income_account (LedgerBook  *book,
                       const char  *code,
                       const char  *name,
                       GError     **error)
{
  g_autofree char *account = g_strconcat ("income:", code, NULL);
  sqlite3_stmt *stmt;

  stmt = ledger_book_prepare (book,
                              "INSERT INTO accounts (code, name, kind) VALUES (?1, ?2, 'income')"
                              " ON CONFLICT (code) DO UPDATE SET name = excluded.name",
                              error);
  if (stmt == NULL)
    return FALSE;
  ledger_bind_text (stmt, 1, account);
  ledger_bind_text (stmt, 2, name);
  return ledger_book_step_done (book, stmt, error);
}

/* "fee|CODE|NAME|AMOUNT|BASIS|EFFECTIVE_FROM": a version of a fee item
 * and its income account. */
static gboolean
apply_fee (LedgerBook         *book,
           gint64              txn_id,
           const char         *date G_GNUC_UNUSED,
           const char *const  *fields,
           GError            **error)
{
  sqlite3_stmt *stmt;
  gint64 amount;

  if (!ledger_draft_require_kind (book, txn_id, "fee", (const char *const[]) { "fee", NULL }, error) ||
      !ledger_fact_int64 ("fee", fields, 2, &amount, error) ||
      !ensure_income_account (book, fields[0], fields[1], error))
    return FALSE;
  stmt = ledger_book_prepare (book,
                              "INSERT INTO fees (code, name, amount, basis, effective_from, txn_id)"
                              " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                              error);
  if (stmt == NULL)
    return FALSE;
  ledger_bind_text (stmt, 1, fields[0]);
  ledger_bind_text (stmt, 2, fields[1]);
  sqlite3_bind_int64 (stmt, 3, amount);
  ledger_bind_text (stmt, 4, fields[3]);
  ledger_bind_text (stmt, 5, fields[4]);
  sqlite3_bind_int64 (stmt, 6, txn_id);
  return ledger_book_step_done (book, stmt, error);
}

const LedgerFactKind ledger_fact_fee = { "fee", 5, apply_fee };

/* What a version must be on any day: a fee code, a short name (NULL:
 * the current one), an amount within the ceiling. The writer and the
 * fee rule of verify's replay check it alike. */
static gboolean
check_version (const char  *code,
               const char  *name,
               gint64       amount,
               GError     **error)
{
  if (!ledger_fee_code_check (code, error))
    return FALSE;
  if (name != NULL && !ledger_text_check (name, _("fee name"), 40, TRUE, error))
    return FALSE;
  if (amount < 0 || amount > LEDGER_AMOUNT_MAX)
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_INVALID_INPUT,
                   _("amount: a fee must be between zero and %s"), "1,000,000.00");
      return FALSE;
    }
  return TRUE;
}

/* Validates the request and fills @fee with the version to store. */
static gboolean
prepare_version (LedgerBook            *book,
                 const char            *code,
                 const char            *name,
                 gint64                 amount,
                 const LedgerFeeBasis  *basis,
                 const char            *from,
                 LedgerFee             *fee,
                 GError               **error)
{
  g_autoptr(LedgerFee) current = NULL;
  char today[11];

  if (!check_version (code, name, amount, error))
    return FALSE;
  /* The years a version may start in count from the book's clock: a
   * check of the request, not of the version (the replay's clock is
   * another). */
  if (from != NULL)
    {
      if (!ledger_date_parse (from, "--from", fee->effective_from, error) ||
          !ledger_check_bill_year (book, ledger_date_year (fee->effective_from), "--from", error))
        return FALSE;
    }
  else
    {
      ledger_book_today (book, today);
      g_snprintf (fee->effective_from, sizeof fee->effective_from, "%.4s-01-01", today);
    }

  if (!latest_version (book, code, &current, error))
    return FALSE;
  fee->code = g_strdup (code);
  fee->name = g_strdup (name != NULL ? name : current != NULL ? current->name : code);
  fee->amount = amount;
  fee->basis = basis != NULL ? *basis : current != NULL ? current->basis : LEDGER_BASIS_HOUSEHOLD;
  return TRUE;
}

/* The "fee" entry of @fee, a version prepare_version() made: its fact,
 * no split, the code as ref and the version in words as memo. */
static void
fee_draft (const LedgerFee *fee,
           LedgerDraft     *draft)
{
  char amount_text[24];
  const char *fields[] = { fee->code, fee->name, ledger_fact_int_text (amount_text, fee->amount),
                           ledger_fee_basis_to_string (fee->basis), fee->effective_from };
  g_autofree char *plain = ledger_money_format_plain (fee->amount);
  g_autofree char *memo = g_strdup_printf ("%s per %s per year from %s: %s", plain,
                                           ledger_fee_basis_to_string (fee->basis),
                                           fee->effective_from, fee->name);

  ledger_draft_set_ref_memo (draft, fee->code, memo);
  ledger_draft_add_factv (draft, &ledger_fact_fee, fields);
}

gboolean
ledger_fee_rule (LedgerBook          *book G_GNUC_UNUSED,
                 const LedgerLeaf    *leaf,
                 char *const *const  *facts,
                 GError             **error)
{
  const char *const *fields = ledger_draft_find_fact (facts, "fee", leaf, error);
  g_autoptr(LedgerDraft) draft = ledger_draft_new ();
  g_autoptr(LedgerFee) fee = g_new0 (LedgerFee, 1);
  g_autoptr(GError) refused = NULL;
  LedgerFeeBasis basis;
  gint64 amount;

  if (fields == NULL || !ledger_fact_int64 ("fee", fields, 2, &amount, error))
    return FALSE;
  if (!check_version (fields[0], fields[1], amount, &refused) ||
      !ledger_fee_basis_parse (fields[3], "basis", &basis, &refused) ||
      !ledger_date_parse (fields[4], "effective_from", fee->effective_from, &refused))
    {
      /* What the command would have refused is a difference here. */
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY,
                   _("the fee rule refuses the entry: %s"), refused->message);
      return FALSE;
    }
  fee->code = g_strdup (fields[0]);
  fee->name = g_strdup (fields[1]);
  fee->amount = amount;
  fee->basis = basis;
  fee_draft (fee, draft);
  return ledger_draft_check (draft, leaf, _("the fee rule"), error);
}

gboolean
ledger_fee_set_in_write (LedgerBook            *book,
                         const char            *code,
                         const char            *name,
                         gint64                 amount,
                         const LedgerFeeBasis  *basis,
                         const char            *from,
                         GError               **error)
{
  g_autoptr(LedgerFee) fee = g_new0 (LedgerFee, 1);
  g_autoptr(LedgerPosting) posting = NULL;
  g_autoptr(LedgerDraft) draft = ledger_draft_new ();
  char today[11];

  if (!prepare_version (book, code, name, amount, basis, from, fee, error))
    return FALSE;

  ledger_book_today (book, today);
  posting = ledger_posting_new ("fee", today);
  fee_draft (fee, draft);
  ledger_draft_post (draft, posting);
  return ledger_posting_commit (posting, book, NULL, error);
}

typedef struct
{
  const char           *code;
  const char           *name;
  gint64                amount;
  const LedgerFeeBasis *basis;
  const char           *from;
} FeeRequest;

static gboolean
fee_set_cb (LedgerBook *book,
            gpointer    user_data,
            GError    **error)
{
  FeeRequest *r = user_data;

  return ledger_fee_set_in_write (book, r->code, r->name, r->amount, r->basis, r->from, error);
}

gboolean
ledger_fee_set (LedgerBook            *book,
                const char            *code,
                const char            *name,
                gint64                 amount,
                const LedgerFeeBasis  *basis,
                const char            *from,
                GError               **error)
{
  FeeRequest request = { code, name, amount, basis, from };

  g_return_val_if_fail (LEDGER_IS_BOOK (book), FALSE);

  return ledger_book_write (book, fee_set_cb, &request, error);
}

GPtrArray *
ledger_fee_list_for_year (LedgerBook  *book,
                          int          year,
                          GError     **error)
{
  char jan1[11], dec31[11];
  sqlite3_stmt *stmt;

  g_snprintf (jan1, sizeof jan1, "%04d-01-01", year);
  g_snprintf (dec31, sizeof dec31, "%04d-12-31", year);

  /* For each code: the newest version in force on 1 January; failing that
   * (an item introduced during the year), the first version of the year. */
  stmt = ledger_book_prepare (book,
    "SELECT " FEE_COLUMNS " FROM fees f WHERE f.id = coalesce ("
    "  (SELECT g.id FROM fees g WHERE g.code = f.code AND g.effective_from <= ?1"
    "   ORDER BY g.effective_from DESC, g.id DESC LIMIT 1),"
    "  (SELECT g.id FROM fees g WHERE g.code = f.code AND g.effective_from <= ?2"
    "   ORDER BY g.effective_from ASC, g.id DESC LIMIT 1))"
    /* Items in the order they were first created: property, parking, … */
    " ORDER BY (SELECT min (h.id) FROM fees h WHERE h.code = f.code)",
    error);
  if (stmt == NULL)
    return NULL;
  ledger_bind_text (stmt, 1, jan1);
  ledger_bind_text (stmt, 2, dec31);
  return collect_fees (book, stmt, error);
}

GPtrArray *
ledger_fee_list_versions (LedgerBook  *book,
                          GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = ledger_book_prepare (book,
                              "SELECT " FEE_COLUMNS " FROM fees ORDER BY code, effective_from, id",
                              error);
  if (stmt == NULL)
    return NULL;
  return collect_fees (book, stmt, error);
}
