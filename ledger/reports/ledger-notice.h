/* ledger-notice.h — the notice for the board (公示): what it shows, the
 * record that it was published, and the settings it prints
 *
 * A notice covers a period. Its data is gathered in one read of the book
 * and made safe for the public on the way: no phone numbers, and owners'
 * names masked wherever they turn up in free text (docs/architecture.md §9).
 *
 * The fingerprint a notice prints is the head of the book just BEFORE the
 * notice's own journal entry: the record of a publication cannot contain
 * the hash of the files that print it, so the files show the book as it
 * stood when they were made, and the record that follows names their
 * SHA-256. `verify --head` on the printed fingerprint then proves that the
 * book went on from exactly what the notice showed.
 */
#pragma once

#include "ledger-book.h"
#include "ledger-fund.h"
#include "ledger-merkle.h"
#include "ledger-period.h"
#include "ledger-report.h"

G_BEGIN_DECLS

/* An entry a notice lists on its own: one recorded after the last
 * published notice but dated inside its period (a late entry), or one that
 * corrects a closed period (docs/money.md, "Closed periods"). */
typedef struct
{
  gint64 txn_id;      /* its journal entry */
  char   date[11];
  char  *kind;        /* the entry's kind: "payment", "expenditure", "income" … */
  char  *ref;         /* its receipt or voucher number, or what its writer put there (scrubbed) */
  char   period[16];  /* late: the published period it is dated in; correction: the closed one */
  gint64 amount;      /* what it moved the committee's money by: in +, out − */
} LedgerNoticeEntry;

void ledger_notice_entry_free (LedgerNoticeEntry *entry);

/* Income other than fees (interest, rent …) received in the period, one
 * line each; payer and memo scrubbed like every other name. */
typedef struct
{
  gint64 txn_id;
  char   date[11];
  char  *voucher;   /* "S2026-0003" */
  char  *category;  /* its code: "interest", "rent", "advertising", "donation", "other" */
  char  *account;   /* the money account it came into: "bank", "bank:工商银行" */
  char  *fund;      /* "operating", "maintenance", "public" */
  char  *payer;     /* "" when none */
  char  *memo;
  gint64 amount;
} LedgerNoticeIncome;

void ledger_notice_income_free (LedgerNoticeIncome *income);

/* An owner's credit paid back in the period. The household is not named:
 * a public notice lists money, not who was owed it. */
typedef struct
{
  gint64 txn_id;
  char   date[11];
  char  *voucher;   /* "F2026-0002" */
  char  *account;   /* the money account it was paid from */
  char  *reason;
  gint64 amount;
} LedgerNoticeRefund;

void ledger_notice_refund_free (LedgerNoticeRefund *refund);

/* Money moved between the committee's own accounts in the period: never
 * income or expense (a bank's charge on it is an expense, and counted
 * among the expenses). Listed for information (资金划转). */
typedef struct
{
  gint64 txn_id;
  char   date[11];
  char  *voucher;   /* "Z2026-0001" */
  char  *from;      /* money account codes */
  char  *to;
  char  *memo;
  gint64 amount;
  gint64 fee;       /* the bank's charge, 0 when none */
} LedgerNoticeTransfer;

void ledger_notice_transfer_free (LedgerNoticeTransfer *transfer);

typedef struct
{
  LedgerPeriod        period;
  char               *community;       /* the community's name */
  char               *address;         /* its address setting, "" when none */
  char               *committee;       /* who signs: the setting, or "{community}业主委员会" */
  char               *publication_url; /* "" when none is configured */
  char                date[11];        /* the day of the notice (today by the book's clock) */
  LedgerIncomeReport *report;          /* opening, income by item, expenditures, closing */
  GPtrArray          *expenditures;    /* LedgerExpenditure dated in the period, by date */
  GPtrArray          *late_expenditures; /* dated in an earlier period whose notice was
                                          * already published, but not on it: recorded
                                          * afterwards. Shown and announced now. */
  char                carried_from[16]; /* the period of the last published notice, which
                                          * ended the day before this one starts and whose
                                          * closing this notice opens with; "" when none */
  gint64              carried;         /* that notice's closing, as it was published */
  GPtrArray          *late_entries;    /* LedgerNoticeEntry recorded after that notice but
                                          * dated in its period (or before), by entry */
  gint64              late_total;      /* their sum: carried + late_total = report->opening */
  GPtrArray          *corrections;     /* LedgerNoticeEntry dated in the period that correct
                                          * a closed period (对已公示期间的更正), by entry */
  /* When a notice of exactly this period was published before, this one
   * replaces it and says so, with what changed since (docs/money.md, "The
   * notice"): a published figure never changes without a word. */
  char                replaces_at[11];  /* the day the notice replaced was published; "" when none */
  char               *replaces_fingerprint; /* the fingerprint it printed; NULL when none */
  gint64              replaced_closing; /* the closing it printed */
  GPtrArray          *revisions;       /* LedgerNoticeEntry recorded after it, dated up to the
                                          * period's end, by entry */
  gint64              revision_total;  /* their sum: replaced_closing + revision_total =
                                          * report->closing */
  /* The committee's money at the period's end (docs/money.md, "The
   * notice"): by account, then by fund, and what ties the two. */
  GPtrArray          *accounts;        /* LedgerReportLine: every money account, then each
                                          * member's open advance; name in Chinese (scrubbed) */
  gint64              accounts_total;  /* = report->closing */
  gint64              funds[LEDGER_FUND_COUNT]; /* by LedgerFund: operating, maintenance, public */
  gint64              funds_total;     /* = accounts_total + arrears − owners_credit */
  gint64              arrears;         /* owners' unpaid charges at the end (receivable) */
  gint64              owners_credit;   /* owners' prepaid credit and deposits at the end */
  GPtrArray          *incomes;         /* LedgerNoticeIncome dated in the period, by date */
  GPtrArray          *refunds;         /* LedgerNoticeRefund dated in the period, by date */
  gint64              refund_total;    /* their sum; report's "prepaid" line and income_total
                                          * are gross of it: opening + income − refunds −
                                          * expenses = closing */
  GPtrArray          *transfers;       /* LedgerNoticeTransfer dated in the period, by date */
  LedgerCollection    collection;      /* for the period's year */
  GPtrArray          *votes;           /* LedgerVote closed in the period, oldest first */
  LedgerTreeHead      head;            /* the fingerprint printed: the book before publishing */
} LedgerNoticeData;

/**
 * ledger_notice_data_free:
 * @data: (nullable) (transfer full): a notice's data
 *
 * Frees @data with everything in it.
 */
void ledger_notice_data_free (LedgerNoticeData *data);

/**
 * ledger_notice_gather:
 * @book: an open book
 * @period: the period the notice covers
 * @error: return location for an error
 *
 * Reads everything the notice for @period shows, in one read transaction.
 * Every piece of free text (payees, memos, fee names, vote titles, the
 * names of the community and committee) has passed through
 * ledger_notice_scrub(): phone numbers are removed and the full names of
 * the book's owners are masked.
 *
 * Returns: (transfer full): the data, or NULL with @error set:
 *   LEDGER_ERROR_VERIFY for a gap in the fingerprint's cached tree, or a
 *   storage error
 */
LedgerNoticeData *ledger_notice_gather (LedgerBook          *book,
                                        const LedgerPeriod  *period,
                                        GError             **error);

/**
 * ledger_notice_scrub:
 * @text: (nullable): free text from the book
 * @owners: (element-type utf8): full names to mask (张三 -> 张*); names of
 *   one character are left alone, since a surname alone names nobody
 * @phones: (element-type utf8): phone numbers of the register, any format
 *
 * Makes @text fit for a public output: every run of digits (of any
 * width or script, possibly split by spaces, dashes, dots, slashes,
 * brackets or invisible characters, after +86 or 0086) that holds a mobile
 * number (1[3-9] and nine more digits) or a registered phone becomes
 * "***", and every owner's full name is masked, in any spacing, width or
 * case; invisible characters are dropped. See ledger_privacy_scrub(), which
 * compares on normalised text.
 *
 * Returns: (transfer full): the scrubbed text
 */
char *ledger_notice_scrub (const char       *text,
                           const GPtrArray  *owners,
                           const GPtrArray  *phones);

/* A file of a publication: its role ("pdf", "png", "html"), its name
 * (without the folder) and the SHA-256 of its bytes as 64 hex digits. */
typedef struct
{
  const char *kind;
  const char *name;
  const char *sha256;
} LedgerNoticeFile;

/**
 * ledger_notice_record:
 * @book: an open book
 * @data: what ledger_notice_gather() read, and the files show
 * @files: (array length=n_files): the files that were made
 * @n_files: how many
 * @out_notice_id: (out) (optional): the notice's number
 * @error: return location for an error
 *
 * Records the publication of @data in one transaction: a journal entry
 * (kind "notice", ref the period's name, a memo naming the fingerprint
 * printed and the files' SHA-256), the notice, its files, and every
 * expenditure it lists (late ones included) as announced.
 *
 * Returns: TRUE when recorded; FALSE with @error set:
 *   LEDGER_ERROR_CONFLICT when the book has changed since @data was
 *   gathered, because the fingerprint printed would no longer be the head
 *   before the record; or a storage or journal error
 */
gboolean ledger_notice_record (LedgerBook              *book,
                               const LedgerNoticeData  *data,
                               const LedgerNoticeFile  *files,
                               guint                    n_files,
                               gint64                  *out_notice_id,
                               GError                 **error);

/**
 * ledger_expenditure_is_announced:
 * @book: an open book
 * @expenditure_id: an expenditure
 *
 * Returns: whether the expenditure has appeared on a published notice
 *   (its status: recorded → announced); FALSE when that cannot be read
 */
gboolean ledger_expenditure_is_announced (LedgerBook *book,
                                          gint64      expenditure_id);

typedef struct
{
  gint64 id;
  char   period[16];
  char   first[11];
  char   last[11];
  char  *fingerprint;  /* SIZE:ROOT printed on it */
  char  *published_at;
  gint64 txn_id;
} LedgerNotice;

/**
 * ledger_notice_free:
 * @notice: (nullable) (transfer full): a notice record
 *
 * Frees @notice and its strings.
 */
void ledger_notice_free (LedgerNotice *notice);

/**
 * ledger_notice_list:
 * @book: an open book
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type LedgerNotice): every published
 *   notice, oldest first, or NULL with a storage error
 */
GPtrArray *ledger_notice_list (LedgerBook  *book,
                               GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedgerNoticeData, ledger_notice_data_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedgerNotice, ledger_notice_free)

G_END_DECLS
