/* ledger-schema.c — the book's tables, and how older books are upgraded
 *
 * The journal (txns, splits) and every record that hangs off it are
 * append-only: triggers abort any UPDATE or DELETE, so a correction can
 * only be a new, reversing entry. Households are the one register that is
 * edited in place; each edit is itself recorded as a journal entry.
 */
#define G_LOG_DOMAIN "ledger"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ledger-book.h"
#include "ledger-category-private.h"
#include "ledger-method-private.h"
#include "ledger-schema-private.h"

static const char schema_v1[] =
  "CREATE TABLE settings ("
  "  key   TEXT PRIMARY KEY,"
  "  value TEXT NOT NULL"
  ") WITHOUT ROWID;"

  /* kind decides the sign shown to people: assets and expenditures are
   * debit-normal, the rest credit-normal. */
  "CREATE TABLE accounts ("
  "  id   INTEGER PRIMARY KEY," /* chart-of-accounts order */
  "  code TEXT NOT NULL UNIQUE,"
  "  name TEXT NOT NULL,"
  "  kind TEXT NOT NULL CHECK (kind IN ('asset','liability','equity','income','expense'))"
  ");"

  "CREATE TABLE households ("
  "  id        INTEGER PRIMARY KEY,"
  "  unit      TEXT NOT NULL UNIQUE,"
  "  building  INTEGER NOT NULL,"
  "  entrance  INTEGER NOT NULL,"
  "  room      INTEGER NOT NULL,"
  "  owner     TEXT NOT NULL,"
  "  owner_key TEXT NOT NULL,"
  "  phone     TEXT NOT NULL DEFAULT '',"
  "  area      INTEGER NOT NULL CHECK (area >= 0),"
  "  spaces    INTEGER NOT NULL DEFAULT 0 CHECK (spaces >= 0),"
  "  status    TEXT NOT NULL DEFAULT 'occupied' CHECK (status IN ('occupied','rented','vacant')),"
  "  move_in   TEXT NOT NULL DEFAULT ''"
  ");"
  "CREATE INDEX households_owner_key ON households (owner_key);"
  "CREATE INDEX households_order ON households (building, entrance, room);"

  /* One row per journal transaction; id is the 1-based position in the
   * journal (the Merkle leaf index + 1), so it must never have gaps. */
  "CREATE TABLE txns ("
  "  id          INTEGER PRIMARY KEY,"
  "  kind        TEXT NOT NULL,"
  "  date        TEXT NOT NULL,"
  "  recorded_at TEXT NOT NULL,"
  "  operator    TEXT NOT NULL,"
  "  ref         TEXT NOT NULL DEFAULT '',"
  "  memo        TEXT NOT NULL DEFAULT '',"
  "  reverses    INTEGER REFERENCES txns (id)"
  ");"
  "CREATE INDEX txns_date ON txns (date);"

  /* Debits are positive, credits negative; each txn's splits sum to zero. */
  "CREATE TABLE splits ("
  "  txn_id       INTEGER NOT NULL REFERENCES txns (id),"
  "  seq          INTEGER NOT NULL,"
  "  account      TEXT NOT NULL REFERENCES accounts (code),"
  "  household_id INTEGER REFERENCES households (id),"
  "  amount       INTEGER NOT NULL CHECK (amount <> 0),"
  "  PRIMARY KEY (txn_id, seq)"
  ") WITHOUT ROWID;"
  "CREATE INDEX splits_account ON splits (account, txn_id);"
  "CREATE INDEX splits_household ON splits (household_id, account) WHERE household_id IS NOT NULL;"

  /* Versioned fee items: a change is a new row; the newest row whose
   * effective_from has come is in force. */
  "CREATE TABLE fees ("
  "  id             INTEGER PRIMARY KEY,"
  "  code           TEXT NOT NULL,"
  "  name           TEXT NOT NULL,"
  "  amount         INTEGER NOT NULL CHECK (amount >= 0),"
  "  basis          TEXT NOT NULL CHECK (basis IN ('household','space')),"
  "  effective_from TEXT NOT NULL,"
  "  txn_id         INTEGER NOT NULL REFERENCES txns (id)"
  ");"
  "CREATE INDEX fees_code ON fees (code, effective_from);"

  "CREATE TABLE charges ("
  "  id           INTEGER PRIMARY KEY,"
  "  household_id INTEGER NOT NULL REFERENCES households (id),"
  "  fee_code     TEXT NOT NULL,"
  "  year         INTEGER NOT NULL,"
  "  amount       INTEGER NOT NULL CHECK (amount > 0),"
  "  fee_id       INTEGER NOT NULL REFERENCES fees (id),"
  "  txn_id       INTEGER NOT NULL REFERENCES txns (id),"
  "  UNIQUE (household_id, year, fee_code)"
  ");"
  "CREATE INDEX charges_year ON charges (year);"

  /* How much of a charge a payment, a prepaid credit or a waiver settled;
   * a voided payment adds negative rows. */
  "CREATE TABLE allocations ("
  "  txn_id    INTEGER NOT NULL REFERENCES txns (id),"
  "  charge_id INTEGER NOT NULL REFERENCES charges (id),"
  "  kind      TEXT NOT NULL CHECK (kind IN ('payment','credit','waiver')),"
  "  amount    INTEGER NOT NULL CHECK (amount <> 0),"
  "  PRIMARY KEY (txn_id, charge_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX allocations_charge ON allocations (charge_id);"

  "CREATE TABLE receipts ("
  "  number       TEXT PRIMARY KEY,"
  "  year         INTEGER NOT NULL,"
  "  seq          INTEGER NOT NULL CHECK (seq > 0),"
  "  household_id INTEGER NOT NULL REFERENCES households (id),"
  "  amount       INTEGER NOT NULL CHECK (amount > 0),"
  /* The method codes of ledger-method.c, written out: this text is the
   * stored schema and changes only by a migration (tests/test-method.c
   * checks that it names exactly the method table's codes). */
  "  method       TEXT NOT NULL CHECK (method IN ('cash','wechat','alipay','bank')),"
  "  date         TEXT NOT NULL,"
  "  txn_id       INTEGER NOT NULL UNIQUE REFERENCES txns (id),"
  "  UNIQUE (year, seq)"
  ") WITHOUT ROWID;"
  "CREATE INDEX receipts_household ON receipts (household_id);"

  "CREATE TABLE voids ("
  "  receipt TEXT PRIMARY KEY REFERENCES receipts (number),"
  "  reason  TEXT NOT NULL,"
  "  txn_id  INTEGER NOT NULL UNIQUE REFERENCES txns (id)"
  ") WITHOUT ROWID;"

  "CREATE TABLE waivers ("
  "  id        INTEGER PRIMARY KEY,"
  "  charge_id INTEGER NOT NULL REFERENCES charges (id),"
  "  amount    INTEGER NOT NULL CHECK (amount > 0),"
  "  reason    TEXT NOT NULL,"
  "  txn_id    INTEGER NOT NULL UNIQUE REFERENCES txns (id)"
  ");"

  "CREATE TABLE expenditures ("
  "  id        INTEGER PRIMARY KEY,"
  "  txn_id    INTEGER NOT NULL UNIQUE REFERENCES txns (id),"
  "  date      TEXT NOT NULL,"
  "  amount    INTEGER NOT NULL CHECK (amount > 0),"
  "  payee     TEXT NOT NULL,"
  "  category  TEXT NOT NULL REFERENCES accounts (code),"
  /* as receipts.method above */
  "  method    TEXT NOT NULL CHECK (method IN ('cash','wechat','alipay','bank')),"
  "  memo      TEXT NOT NULL DEFAULT '',"
  "  invoice   TEXT NOT NULL DEFAULT '',"
  "  approvers TEXT NOT NULL DEFAULT '',"
  "  fund      TEXT NOT NULL DEFAULT 'general' CHECK (fund IN ('general','maintenance')),"
  "  vote_id   INTEGER REFERENCES votes (id)"
  ");"
  "CREATE INDEX expenditures_date ON expenditures (date);"

  /* Owners' votes (Civil Code Art. 278). A vote is open until a row in
   * vote_results closes it with the tally frozen at that moment. */
  "CREATE TABLE votes ("
  "  id          INTEGER PRIMARY KEY,"
  "  title       TEXT NOT NULL,"
  "  description TEXT NOT NULL DEFAULT '',"
  "  matter      INTEGER NOT NULL CHECK (matter BETWEEN 1 AND 9),"
  "  opens       TEXT NOT NULL,"
  "  closes      TEXT NOT NULL DEFAULT '',"
  "  txn_id      INTEGER NOT NULL REFERENCES txns (id)"
  ");"

  /* Signed paper ballots as entered; an owner's current ballot is the
   * newest, and a correction names the ballot it replaces. */
  "CREATE TABLE ballots ("
  "  id           INTEGER PRIMARY KEY,"
  "  vote_id      INTEGER NOT NULL REFERENCES votes (id),"
  "  owner_key    TEXT NOT NULL,"
  "  household_id INTEGER NOT NULL REFERENCES households (id),"
  "  choice       TEXT NOT NULL CHECK (choice IN ('yes','no','abstain')),"
  "  date         TEXT NOT NULL,"
  "  replaces     INTEGER REFERENCES ballots (id),"
  "  reason       TEXT NOT NULL DEFAULT '',"
  "  txn_id       INTEGER NOT NULL REFERENCES txns (id)"
  ");"
  "CREATE INDEX ballots_vote ON ballots (vote_id, owner_key);"

  "CREATE TABLE vote_results ("
  "  vote_id           INTEGER PRIMARY KEY REFERENCES votes (id),"
  "  closed_on         TEXT NOT NULL,"
  "  heads_total       INTEGER NOT NULL,"
  "  heads_voted       INTEGER NOT NULL,"
  "  heads_yes         INTEGER NOT NULL,"
  "  heads_no          INTEGER NOT NULL,"
  "  area_total        INTEGER NOT NULL,"
  "  area_voted        INTEGER NOT NULL,"
  "  area_yes          INTEGER NOT NULL,"
  "  area_no           INTEGER NOT NULL,"
  "  participation_met INTEGER NOT NULL,"
  "  passed            INTEGER NOT NULL,"
  "  txn_id            INTEGER NOT NULL REFERENCES txns (id)"
  ");"

  /* The cached Merkle tree (ledger-fingerprint.c): node (level, idx) heads
   * the perfect subtree of leaves [idx << level, (idx + 1) << level). */
  "CREATE TABLE merkle_nodes ("
  "  level INTEGER NOT NULL,"
  "  idx   INTEGER NOT NULL,"
  "  hash  BLOB NOT NULL,"
  "  PRIMARY KEY (level, idx)"
  ") WITHOUT ROWID;"

  /* Files copied beside the book (BOOK.files/SHA256-NAME), with their hash. */
  "CREATE TABLE attachments ("
  "  id             INTEGER PRIMARY KEY,"
  "  owner_kind     TEXT NOT NULL,"
  "  owner_id       INTEGER NOT NULL,"
  "  original_name  TEXT NOT NULL,"
  "  stored_name    TEXT NOT NULL,"
  "  sha256         TEXT NOT NULL,"
  "  size           INTEGER NOT NULL,"
  "  txn_id         INTEGER NOT NULL REFERENCES txns (id)"
  ");"
  "CREATE INDEX attachments_owner ON attachments (owner_kind, owner_id);"

  /* Published notices (ledger-notice.c). The fingerprint printed on a
   * notice is the head of the book just before the notice's own journal
   * entry (txn_id); its files are named with their SHA-256. */
  "CREATE TABLE notices ("
  "  id           INTEGER PRIMARY KEY,"
  "  period       TEXT NOT NULL,"
  "  first        TEXT NOT NULL,"
  "  last         TEXT NOT NULL,"
  "  fingerprint  TEXT NOT NULL,"
  "  published_at TEXT NOT NULL,"
  "  txn_id       INTEGER NOT NULL UNIQUE REFERENCES txns (id)"
  ");"
  "CREATE TABLE notice_files ("
  "  notice_id INTEGER NOT NULL REFERENCES notices (id),"
  "  kind      TEXT NOT NULL CHECK (kind IN ('pdf','png','html')),"
  "  name      TEXT NOT NULL,"
  "  sha256    TEXT NOT NULL,"
  "  PRIMARY KEY (notice_id, kind)"
  ") WITHOUT ROWID;"
  /* An expenditure is announced by the first notice that listed it. */
  "CREATE TABLE announcements ("
  "  expenditure_id INTEGER PRIMARY KEY REFERENCES expenditures (id),"
  "  notice_id      INTEGER NOT NULL REFERENCES notices (id)"
  ");";

/* The tables that only ever grow. */
static const char *const append_only_tables[] = {
  "txns", "splits", "fees", "charges", "allocations", "receipts", "voids",
  "waivers", "expenditures", "attachments", "votes", "ballots", "vote_results",
  "merkle_nodes", "notices", "notice_files", "announcements",
};

/* Version 3's append-only tables (their triggers come with it). */
static const char *const append_only_tables_v3[] = {
  "facts", "household_salts", "owner_records",
};

/* Version 4's. */
static const char *const append_only_tables_v4[] = {
  "openings", "incomes", "transfers", "refunds", "advances", "expenditure_sources",
  "closed_periods", "corrections", "reconciliations",
};

static const struct
{
  const char *code;
  const char *name;
  const char *kind;
} standard_accounts[] = {
  /* first the money accounts, one per payment method (ledger-method.c),
   * inserted by insert_standard_accounts() */
  { "receivable",      N_("Fees receivable"),      "asset" },
  { "prepaid",         N_("Prepaid by owners"),    "liability" },
  { "waivers",         N_("Fee waivers"),          "expense" },
  /* then an expense account per expenditure category (ledger-category.c) */
};

/* Adds BEFORE UPDATE/DELETE triggers that abort on @table. */
static char *
append_only_triggers_sql (const char *const *tables,
                          gsize              n_tables)
{
  GString *sql = g_string_new (NULL);

  for (gsize i = 0; i < n_tables; i++)
    {
      const char *t = tables[i];

      g_string_append_printf (sql,
        "CREATE TRIGGER %s_no_update BEFORE UPDATE ON %s "
        "BEGIN SELECT RAISE (ABORT, '%s is append-only: post a reversing entry instead'); END;"
        "CREATE TRIGGER %s_no_delete BEFORE DELETE ON %s "
        "BEGIN SELECT RAISE (ABORT, '%s is append-only: post a reversing entry instead'); END;",
        t, t, t, t, t, t);
    }
  return g_string_free (sql, FALSE);
}

static gboolean
insert_standard_accounts (LedgerSql   *self,
                          GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = ledger_sql_prepare (self,
                             "INSERT INTO accounts (code, name, kind) VALUES (?1, ?2, ?3)",
                             error);
  if (stmt == NULL)
    return FALSE;

  /* Account names are stored in the source language; screens translate
   * them when they show them. The ids are the chart's order. */
  for (guint i = 0; i < LEDGER_METHOD_COUNT; i++)
    {
      LedgerMethod method = ledger_method_in_chart_order (i);

      ledger_bind_text (stmt, 1, ledger_method_to_string (method));
      ledger_bind_text (stmt, 2, ledger_method_account_name (method));
      ledger_bind_text (stmt, 3, "asset");
      if (!ledger_sql_step_done (self, stmt, error))
        return FALSE;
    }
  for (gsize i = 0; i < G_N_ELEMENTS (standard_accounts); i++)
    {
      ledger_bind_text (stmt, 1, standard_accounts[i].code);
      ledger_bind_text (stmt, 2, standard_accounts[i].name);
      ledger_bind_text (stmt, 3, standard_accounts[i].kind);
      if (!ledger_sql_step_done (self, stmt, error))
        return FALSE;
    }
  for (guint i = 0; i < ledger_category_count (); i++)
    {
      g_autofree char *code = g_strconcat ("expense:", ledger_category_code (i), NULL);

      ledger_bind_text (stmt, 1, code);
      ledger_bind_text (stmt, 2, ledger_category_account_name (i));
      ledger_bind_text (stmt, 3, "expense");
      if (!ledger_sql_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
ledger_schema_create (LedgerSql   *self,
                      GError     **error)
{
  g_autofree char *triggers = append_only_triggers_sql (append_only_tables,
                                                        G_N_ELEMENTS (append_only_tables));
  g_autofree char *pragmas =
    g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = 1;",
                     LEDGER_APPLICATION_ID);

  return ledger_sql_exec (self, schema_v1, error) &&
         ledger_sql_exec (self, triggers, error) &&
         insert_standard_accounts (self, error) &&
         ledger_sql_exec (self, pragmas, error) &&
         ledger_schema_migrate (self, 1, error);
}

/* Version 2: two caches that keep the reports independent of the book's
 * age (BENCHMARKS.md). Both are derived from the journal by triggers in
 * the transaction that writes it, are not part of the fingerprint, and
 * are recomputed and compared by verify (ledger-verify.c):
 *
 * - charge_status: each charge with what payments (net of voids) and
 *   waivers settled of it, so that the open charges are found through a
 *   partial index instead of summing every allocation ever made;
 * - account_days: each account's movement per day, so that a balance at a
 *   date adds one row per day instead of one per split.
 */
static const char schema_v2[] =
  "CREATE TABLE charge_status ("
  "  charge_id    INTEGER PRIMARY KEY REFERENCES charges (id),"
  "  household_id INTEGER NOT NULL,"
  "  year         INTEGER NOT NULL,"
  "  amount       INTEGER NOT NULL,"
  "  paid         INTEGER NOT NULL DEFAULT 0,"
  "  waived       INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE INDEX charge_status_year ON charge_status (year, household_id);"
  "CREATE INDEX charge_status_open ON charge_status (household_id, year)"
  "  WHERE " LEDGER_CHARGE_OPEN ";"
  "CREATE TABLE account_days ("
  "  account TEXT NOT NULL,"
  "  date    TEXT NOT NULL,"
  "  amount  INTEGER NOT NULL,"
  "  PRIMARY KEY (account, date)"
  ") WITHOUT ROWID;"

  "CREATE TRIGGER charges_status AFTER INSERT ON charges BEGIN"
  "  INSERT INTO charge_status (charge_id, household_id, year, amount)"
  "  VALUES (NEW.id, NEW.household_id, NEW.year, NEW.amount);"
  " END;"
  "CREATE TRIGGER allocations_status AFTER INSERT ON allocations BEGIN"
  "  UPDATE charge_status"
  "  SET paid = paid + CASE WHEN NEW.kind = 'waiver' THEN 0 ELSE NEW.amount END,"
  "      waived = waived + CASE WHEN NEW.kind = 'waiver' THEN NEW.amount ELSE 0 END"
  "  WHERE charge_id = NEW.charge_id;"
  " END;"
  "CREATE TRIGGER splits_days AFTER INSERT ON splits BEGIN"
  "  INSERT INTO account_days (account, date, amount)"
  "  VALUES (NEW.account, (SELECT date FROM txns WHERE id = NEW.txn_id), NEW.amount)"
  "  ON CONFLICT (account, date) DO UPDATE SET amount = amount + excluded.amount;"
  " END;"

  /* An existing book's caches, from its journal. */
  "INSERT INTO charge_status (charge_id, household_id, year, amount, paid, waived)"
  " " LEDGER_CHARGE_STATUS_SQL ";"
  "INSERT INTO account_days (account, date, amount)"
  " " LEDGER_ACCOUNT_DAYS_SQL ";";

/* Version 3: every fact in a leaf (docs/leaf-format.md). Entries
 * written from now on are version-2 leaves: their facts (one line each,
 * as hashed) go in `facts`, and every table beside the journal is
 * rebuilt from them by verify. An owner's name and phone enter a leaf
 * only as a salted commitment; what was committed is kept in
 * owner_records (one row per entry and unit), with one salt per unit in
 * household_salts, so that the full book recomputes every leaf. */
static const char schema_v3[] =
  "ALTER TABLE txns ADD COLUMN leaf INTEGER NOT NULL DEFAULT 1 CHECK (leaf IN (1, 2));"
  "CREATE TABLE facts ("
  "  txn_id INTEGER NOT NULL REFERENCES txns (id),"
  "  seq    INTEGER NOT NULL,"
  "  fact   TEXT NOT NULL,"
  "  PRIMARY KEY (txn_id, seq)"
  ") WITHOUT ROWID;"
  "CREATE TABLE household_salts ("
  "  unit TEXT PRIMARY KEY,"
  "  salt TEXT NOT NULL"
  ") WITHOUT ROWID;"
  "CREATE TABLE owner_records ("
  "  txn_id INTEGER NOT NULL REFERENCES txns (id),"
  "  unit   TEXT NOT NULL,"
  "  owner  TEXT NOT NULL,"
  "  phone  TEXT NOT NULL,"
  "  PRIMARY KEY (txn_id, unit)"
  ") WITHOUT ROWID;"
  /* The spend limit in force on a day (ledger-expenditure-approval.c)
   * is read for every expenditure written and again for every one
   * verify replays: without this, a walk back through the journal. */
  "CREATE INDEX txns_settings ON txns (ref, date) WHERE kind = 'setting';";

/* Version 4: the committee's money, all of it (docs/money.md). Each
 * table is a projection of its entries' facts, like every table beside
 * the journal; nothing here changes an existing row or leaf.
 *
 * Funds: every entry that moves income, expense or the opening balances
 * belongs to one fund; entry_funds says which for the entries that say
 * so (an expenditure of the maintenance fund, an income, an opening
 * balance), and every other entry (fees, waivers, bank charges) is the
 * operating fund's. A fund's balance is what its entries put on income,
 * expense and opening accounts, with the sign turned. */
static const char schema_v4[] =
  /* Money a committee had before its first entry: a money account's
   * balance (kind 'balance'), a household's unpaid charge of an earlier
   * year (kind 'arrears', with the charge it became) or its credit
   * (kind 'credit'), as at the entry's date. */
  "CREATE TABLE openings ("
  "  txn_id       INTEGER PRIMARY KEY REFERENCES txns (id),"
  "  kind         TEXT NOT NULL CHECK (kind IN ('balance','arrears','credit')),"
  "  account      TEXT REFERENCES accounts (code),"
  "  household_id INTEGER REFERENCES households (id),"
  "  charge_id    INTEGER REFERENCES charges (id),"
  "  amount       INTEGER NOT NULL CHECK (amount > 0),"
  "  fund         TEXT NOT NULL CHECK (fund IN ('operating','maintenance','public'))"
  ");"
  /* Income other than fees (ledger-income-category.c). */
  "CREATE TABLE incomes ("
  "  txn_id   INTEGER PRIMARY KEY REFERENCES txns (id),"
  "  voucher  TEXT NOT NULL UNIQUE,"
  "  category TEXT NOT NULL CHECK (category IN ('interest','rent','advertising','donation','other')),"
  "  account  TEXT NOT NULL REFERENCES accounts (code),"
  "  fund     TEXT NOT NULL CHECK (fund IN ('operating','maintenance','public')),"
  "  amount   INTEGER NOT NULL CHECK (amount > 0),"
  "  payer    TEXT NOT NULL DEFAULT '',"
  "  memo     TEXT NOT NULL DEFAULT ''"
  ");"
  /* Money moved between two money accounts; a bank's charge on it is
   * an expense of the operating fund in the same entry. */
  "CREATE TABLE transfers ("
  "  txn_id       INTEGER PRIMARY KEY REFERENCES txns (id),"
  "  voucher      TEXT NOT NULL UNIQUE,"
  "  from_account TEXT NOT NULL REFERENCES accounts (code),"
  "  to_account   TEXT NOT NULL REFERENCES accounts (code),"
  "  amount       INTEGER NOT NULL CHECK (amount > 0),"
  "  fee          INTEGER NOT NULL DEFAULT 0 CHECK (fee >= 0),"
  "  memo         TEXT NOT NULL DEFAULT '',"
  "  CHECK (from_account <> to_account)"
  ");"
  /* An owner's credit paid back. */
  "CREATE TABLE refunds ("
  "  txn_id       INTEGER PRIMARY KEY REFERENCES txns (id),"
  "  voucher      TEXT NOT NULL UNIQUE,"
  "  household_id INTEGER NOT NULL REFERENCES households (id),"
  "  account      TEXT NOT NULL REFERENCES accounts (code),"
  "  amount       INTEGER NOT NULL CHECK (amount > 0),"
  "  reason       TEXT NOT NULL"
  ");"
  "CREATE INDEX refunds_household ON refunds (household_id);"
  /* Money advanced to a committee member (备用金) and returned; what
   * the member spent of it are expenditures paid from advance:MEMBER. */
  "CREATE TABLE advances ("
  "  txn_id  INTEGER PRIMARY KEY REFERENCES txns (id),"
  "  voucher TEXT NOT NULL UNIQUE,"
  "  member  TEXT NOT NULL,"
  "  kind    TEXT NOT NULL CHECK (kind IN ('give','return')),"
  "  account TEXT NOT NULL REFERENCES accounts (code),"
  "  amount  INTEGER NOT NULL CHECK (amount > 0),"
  "  memo    TEXT NOT NULL DEFAULT ''"
  ");"
  /* An expenditure paid from an account its method does not name: a
   * named bank account, or a member's advance. */
  "CREATE TABLE expenditure_sources ("
  "  txn_id  INTEGER PRIMARY KEY REFERENCES txns (id),"
  "  account TEXT NOT NULL REFERENCES accounts (code)"
  ");"
  /* Periods closed after their notice was published: no entry may be
   * dated inside one; a correction is entered in an open period and
   * names the closed one it corrects. */
  "CREATE TABLE closed_periods ("
  "  period    TEXT PRIMARY KEY,"
  "  first_day TEXT NOT NULL,"
  "  last_day  TEXT NOT NULL,"
  "  txn_id    INTEGER NOT NULL UNIQUE REFERENCES txns (id)"
  ") WITHOUT ROWID;"
  "CREATE TABLE corrections ("
  "  txn_id INTEGER PRIMARY KEY REFERENCES txns (id),"
  "  period TEXT NOT NULL REFERENCES closed_periods (period)"
  ");"
  /* What a money account's statement (the bank's, the counted cash, a
   * platform's bill) showed at the end of its entry's date: evidence the
   * book is compared with (reports/ledger-reconciliation.c), not money. */
  "CREATE TABLE reconciliations ("
  "  txn_id    INTEGER PRIMARY KEY REFERENCES txns (id),"
  "  account   TEXT NOT NULL REFERENCES accounts (code),"
  "  statement INTEGER NOT NULL CHECK (statement >= 0),"
  "  memo      TEXT NOT NULL"
  ");"
  "CREATE INDEX reconciliations_account ON reconciliations (account);"

  "CREATE VIEW entry_funds (txn_id, fund) AS"
  "  SELECT txn_id, CASE fund WHEN 'maintenance' THEN 'maintenance' ELSE 'operating' END FROM expenditures"
  "  UNION ALL SELECT txn_id, fund FROM incomes"
  "  UNION ALL SELECT txn_id, fund FROM openings;"
  /* Every voucher number given, whatever its entry (ledger_voucher_next()). */
  "CREATE VIEW vouchers (voucher) AS"
  "  SELECT voucher FROM incomes UNION ALL SELECT voucher FROM transfers"
  "  UNION ALL SELECT voucher FROM refunds UNION ALL SELECT voucher FROM advances;";

/* migrations[i] brings a book from version i + 1 to i + 2; a new book is
 * created at version 1 and brought up the same way, so every book has
 * been through the same steps. */
static const char *const migrations[LEDGER_SCHEMA_VERSION - 1] = {
  schema_v2,
  schema_v3,
  schema_v4,
};

gboolean
ledger_schema_migrate (LedgerSql   *self,
                       int          from_version,
                       GError     **error)
{
  g_autofree char *pragma = NULL;

  if (from_version < 1)
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_FOREIGN_FILE,
                   _("%s has no schema version; it is not a Community Ledger book"),
                   ledger_sql_get_path (self));
      return FALSE;
    }

  for (int v = from_version; v < LEDGER_SCHEMA_VERSION; v++)
    {
      if (!ledger_sql_exec (self, migrations[v - 1], error))
        return FALSE;
      if (v + 1 == 3 || v + 1 == 4)
        {
          g_autofree char *triggers =
            v + 1 == 3 ? append_only_triggers_sql (append_only_tables_v3, G_N_ELEMENTS (append_only_tables_v3))
                       : append_only_triggers_sql (append_only_tables_v4, G_N_ELEMENTS (append_only_tables_v4));

          if (!ledger_sql_exec (self, triggers, error))
            return FALSE;
        }
    }

  pragma = g_strdup_printf ("PRAGMA user_version = %d", LEDGER_SCHEMA_VERSION);
  return ledger_sql_exec (self, pragma, error);
}
