/* cl-money-page.h — the committee's money: transfers, other income,
 * refunds and advances, the year's vouchers and the accounts' balances */
#pragma once

#include "cl-page.h"

G_BEGIN_DECLS

#define CL_TYPE_MONEY_PAGE (cl_money_page_get_type ())
G_DECLARE_FINAL_TYPE (ClMoneyPage, cl_money_page, CL, MONEY_PAGE, ClPage)

G_END_DECLS
