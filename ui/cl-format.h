/* cl-format.h — dates as people read them, in the window's language
 *
 * The book stores dates as ISO 8601 ("2026-03-01"); the window shows them
 * the way its language writes them: 2026年3月1日 in Chinese, 2026-03-01 in
 * English (unambiguous for an auditor anywhere). Money is always
 * ledger_money_format()'s ¥1,234.56, which is how both write it. The
 * payment methods are named by ledger_method_label().
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* "2026年3月1日" / "2026-03-01" for "2026-03-01"; anything that is not a
 * date is returned unchanged, and NULL or "" gives "". */
char *cl_format_date (const char *iso_date);

/* "2026年6月30日 10:00" / "2026-06-30 10:00" for an ISO 8601 date and
 * time with an offset, in the local time zone; unchanged if unreadable. */
char *cl_format_date_time (const char *iso_date_time);

/* "2026年1月1日至2026年3月31日" / "2026-01-01 – 2026-03-31" */
char *cl_format_date_range (const char *first,
                            const char *last);

/* A list of the payment methods' labels in LedgerMethod order, for a
 * GtkDropDown whose selected position is the LedgerMethod. */
GListModel *cl_format_method_list (void);

G_END_DECLS
