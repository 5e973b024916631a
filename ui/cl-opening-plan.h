/* cl-opening-plan.h — the lines of the opening-balances form, checked
 * together and then written one by one
 *
 * The form (cl-opening-dialog.c) collects what a paper ledger says: named
 * bank accounts to add, each money account's balance per fund, each
 * household's unpaid charges of earlier years and its credit. Each line is
 * written by its own ledger call (ledger_bank_account_add(),
 * ledger_opening_balance(), ledger_opening_arrears(),
 * ledger_opening_credit()), each its own transaction. So that a bad line
 * is found before anything is written, the whole plan is first rehearsed
 * on a scratch copy of the book by those same calls; only then is it
 * written to the book itself. Should a line still be refused there (the
 * book changed in between), the lines before it stay written — each is a
 * whole, balanced entry — and are marked saved, so that writing again
 * after the line is corrected never enters them twice.
 */
#pragma once

#include "ledger.h"

G_BEGIN_DECLS

typedef enum
{
  CL_OPENING_LINE_BANK,    /* add a named bank account */
  CL_OPENING_LINE_BALANCE, /* a money account's balance for a fund */
  CL_OPENING_LINE_ARREARS, /* a household's unpaid charge of an earlier year */
  CL_OPENING_LINE_CREDIT,  /* a household's credit */
} ClOpeningLineKind;

typedef struct
{
  ClOpeningLineKind kind;
  char             *account;  /* BANK, BALANCE: the money account's code */
  LedgerFund        fund;     /* BALANCE */
  char             *unit;     /* ARREARS, CREDIT: as typed */
  char             *fee_code; /* ARREARS */
  int               year;     /* ARREARS */
  gint64            amount;   /* fen; 0 for BANK */
  gboolean          saved;    /* written to the book */
} ClOpeningLine;

typedef struct _ClOpeningPlan ClOpeningPlan;

/* A plan for balances as at @date ("YYYY-MM-DD" as typed). */
ClOpeningPlan       *cl_opening_plan_new (const char *date);
void                 cl_opening_plan_free (ClOpeningPlan *plan);

const char          *cl_opening_plan_get_date (ClOpeningPlan *plan);
guint                cl_opening_plan_get_n_lines (ClOpeningPlan *plan);
/* Line @index, from 0; owned by the plan. */
ClOpeningLine       *cl_opening_plan_get_line (ClOpeningPlan *plan,
                                               guint          index);

void                 cl_opening_plan_add_bank (ClOpeningPlan *plan,
                                               const char    *account);
void                 cl_opening_plan_add_balance (ClOpeningPlan *plan,
                                                  const char    *account,
                                                  LedgerFund     fund,
                                                  gint64         amount);
void                 cl_opening_plan_add_arrears (ClOpeningPlan *plan,
                                                  const char    *unit,
                                                  const char    *fee_code,
                                                  int            year,
                                                  gint64         amount);
void                 cl_opening_plan_add_credit (ClOpeningPlan *plan,
                                                 const char    *unit,
                                                 gint64         amount);

/* A money account as the screens name it: "Cash", "Bank (ICBC)". */
char                *cl_opening_account_label (const char *code);

/* One line as the summary and a refusal name it: "Cash, operating fund:
 * ¥1,000.00". */
char                *cl_opening_line_describe (const ClOpeningLine *line);

/* The sum of the balance lines on @account (all accounts for NULL) and
 * in @fund (every fund for -1). */
gint64               cl_opening_plan_balance_total (ClOpeningPlan *plan,
                                                    const char    *account,
                                                    int            fund);
/* The sum of the lines of @kind. */
gint64               cl_opening_plan_total (ClOpeningPlan     *plan,
                                            ClOpeningLineKind  kind);

/* Writes every line not yet saved to a scratch copy of @book, in order,
 * with the calls cl_opening_plan_apply() makes. The book is only read.
 * Returns TRUE when every line would be accepted; FALSE with the first
 * refused line's index in @out_failed (G_MAXUINT when the copy itself
 * failed) and its reason. */
gboolean             cl_opening_plan_rehearse (ClOpeningPlan  *plan,
                                               LedgerBook     *book,
                                               guint          *out_failed,
                                               GError        **error);

/* Writes every line not yet saved to @book, in order, each by its own
 * ledger call, marking each saved. Stops at the first refused line:
 * FALSE with its index in @out_failed and the reason; the lines before
 * it are written. */
gboolean             cl_opening_plan_apply (ClOpeningPlan  *plan,
                                            LedgerBook     *book,
                                            guint          *out_failed,
                                            GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClOpeningPlan, cl_opening_plan_free)

G_END_DECLS
