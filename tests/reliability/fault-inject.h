/* fault-inject.h — a SQLite VFS and allocator that fail on demand
 *
 * The reliability tests make SQLite's Nth I/O call or Nth allocation fail,
 * the way SQLite's own ioerr and malloc tests do, and check that the book
 * comes out exactly as it was. Only SQLite is faulted: GLib aborts on
 * out-of-memory by design, and files kept beside the book go through GIO.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The VFS calls that can be made to fail, each with its own error code. */
typedef enum
{
  FAULT_CALL_OPEN,       /* SQLITE_CANTOPEN */
  FAULT_CALL_DELETE,     /* SQLITE_IOERR_DELETE */
  FAULT_CALL_ACCESS,     /* SQLITE_IOERR_ACCESS */
  FAULT_CALL_READ,       /* SQLITE_IOERR_READ */
  FAULT_CALL_WRITE,      /* SQLITE_IOERR_WRITE, or SQLITE_FULL for a full disk */
  FAULT_CALL_TRUNCATE,   /* SQLITE_IOERR_TRUNCATE */
  FAULT_CALL_SYNC,       /* SQLITE_IOERR_FSYNC */
  FAULT_CALL_FILE_SIZE,  /* SQLITE_IOERR_FSTAT */
  FAULT_CALL_LOCK,       /* SQLITE_IOERR_LOCK */
  FAULT_CALL_CHECK_LOCK, /* SQLITE_IOERR_CHECKRESERVEDLOCK */
  N_FAULT_CALLS
} FaultCall;

typedef enum
{
  FAULT_IO_ONCE,     /* only the Nth call fails: a transient error */
  FAULT_IO_PERSIST,  /* the Nth call and every one after it fail: a dead disk */
  FAULT_IO_FULL,     /* the Nth write and every write after it: a full disk */
} FaultIoMode;

/* Replaces SQLite's allocator with one that can fail, turns lookaside off
 * (so small allocations reach it too) and registers the fault VFS as the
 * default. Must run before anything opens a database. */
void fault_inject_install (void);

const char *fault_call_name (FaultCall call);

/* Fails the @n-th (1-based) faultable VFS call from now on, as @mode says. */
void  fault_io_arm (guint       n,
                    FaultIoMode mode);
void  fault_io_disarm (void);
/* Calls counted and calls failed since the last fault_io_arm(). */
guint fault_io_calls (void);
guint fault_io_hits (void);
/* The kind of call that failed first (valid when fault_io_hits () > 0). */
FaultCall fault_io_first_hit (void);

/* Fails SQLite's @n-th allocation (1-based) from now on; with @persist,
 * every allocation after it too. */
void  fault_malloc_arm (guint    n,
                        gboolean persist);
void  fault_malloc_disarm (void);
guint fault_malloc_calls (void);
guint fault_malloc_hits (void);

G_END_DECLS
