/* exports.h — the one header of exports/ that app/ and ui/ include: the
 * auditor's workbook (export-xlsx.h), the notice, its phone page and the
 * receipts (export-notice.h).
 *
 * The other headers of exports/ are its own: export-notice-private.h
 * (wording, text layout, staged files, the drawing routine, test hooks),
 * export-xlsx-private.h (one export's state, the cell and sheet writers,
 * the tie-out checks), export-xlsx-read-private.h (the workbook reader
 * verify uses) and export-qr-private.h (QR codes). Tests may include them.
 */
#pragma once

#include "export-notice.h"
#include "export-xlsx.h"
