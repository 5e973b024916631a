/* cl-payments-page.h — taking payments at the table, and the year's receipts
 *
 * Keyboard first, for the collection weeks: type a unit (or the start of
 * the owner's name), Enter; the amount owed is filled in, Enter again; the
 * receipt number shows and the unit entry is empty for the next household.
 */
#pragma once

#include "cl-page.h"
#include "cl-print-preview.h"

G_BEGIN_DECLS

#define CL_TYPE_PAYMENTS_PAGE (cl_payments_page_get_type ())
G_DECLARE_FINAL_TYPE (ClPaymentsPage, cl_payments_page, CL, PAYMENTS_PAGE, ClPage)

G_END_DECLS
