/* fault-inject.c — a SQLite VFS and allocator that fail on demand
 *
 * The VFS ("fault") wraps the real "unix" VFS. Every call that can report
 * an error is counted while a fault is armed; the chosen one returns the
 * error SQLite's own unix VFS would return, without doing anything, so the
 * file is left as a crash at that moment would leave it. The allocator
 * wraps SQLite's default malloc the same way. Single-threaded by design:
 * the tests run one connection at a time.
 */
#define G_LOG_DOMAIN "fault-inject"

#include <sqlite3.h>
#include <string.h>

#include "fault-inject.h"

typedef struct
{
  sqlite3_file  base;
  sqlite3_file *real; /* follows this struct in the same allocation */
} FaultFile;

static sqlite3_vfs *real_vfs;
static sqlite3_mem_methods real_mem;

static struct
{
  gboolean    armed;
  FaultIoMode mode;
  guint       target;
  guint       calls;
  guint       hits;
  FaultCall   first_hit;
} io;

static struct
{
  gboolean armed;
  gboolean persist;
  guint    target;
  guint    calls;
  guint    hits;
} mem;

static const struct
{
  const char *name;
  int         code;
} call_info[N_FAULT_CALLS] = {
  [FAULT_CALL_OPEN]       = { "xOpen",               SQLITE_CANTOPEN },
  [FAULT_CALL_DELETE]     = { "xDelete",             SQLITE_IOERR_DELETE },
  [FAULT_CALL_ACCESS]     = { "xAccess",             SQLITE_IOERR_ACCESS },
  [FAULT_CALL_READ]       = { "xRead",               SQLITE_IOERR_READ },
  [FAULT_CALL_WRITE]      = { "xWrite",              SQLITE_IOERR_WRITE },
  [FAULT_CALL_TRUNCATE]   = { "xTruncate",           SQLITE_IOERR_TRUNCATE },
  [FAULT_CALL_SYNC]       = { "xSync",               SQLITE_IOERR_FSYNC },
  [FAULT_CALL_FILE_SIZE]  = { "xFileSize",           SQLITE_IOERR_FSTAT },
  [FAULT_CALL_LOCK]       = { "xLock",               SQLITE_IOERR_LOCK },
  [FAULT_CALL_CHECK_LOCK] = { "xCheckReservedLock",  SQLITE_IOERR_CHECKRESERVEDLOCK },
};

/* The VFS method's name, for messages. */
const char *
fault_call_name (FaultCall call)
{
  g_return_val_if_fail (call < N_FAULT_CALLS, "?");
  return call_info[call].name;
}

/* Counts a call and decides whether it fails: returns the SQLite error
 * code to report, or SQLITE_OK to go ahead with the real call. */
static int
io_fault (FaultCall call)
{
  gboolean counted;
  gboolean fails;

  if (!io.armed)
    return SQLITE_OK;
  /* A full disk only refuses writes; the other calls keep working. */
  counted = io.mode != FAULT_IO_FULL || call == FAULT_CALL_WRITE;
  if (!counted)
    return SQLITE_OK;
  io.calls++;
  fails = io.mode == FAULT_IO_ONCE ? io.calls == io.target : io.calls >= io.target;
  if (!fails)
    return SQLITE_OK;
  if (io.hits++ == 0)
    io.first_hit = call;
  return io.mode == FAULT_IO_FULL ? SQLITE_FULL : call_info[call].code;
}

/* Arms an I/O fault and resets the counters. */
void
fault_io_arm (guint       n,
              FaultIoMode mode)
{
  g_assert (n > 0);
  memset (&io, 0, sizeof io);
  io.armed = TRUE;
  io.mode = mode;
  io.target = n;
}

/* Stops failing and counting I/O calls (the counters stay). */
void
fault_io_disarm (void)
{
  io.armed = FALSE;
}

/* Faultable I/O calls counted since arming. */
guint
fault_io_calls (void)
{
  return io.calls;
}

/* I/O calls failed since arming. */
guint
fault_io_hits (void)
{
  return io.hits;
}

/* The kind of the first I/O call that failed. */
FaultCall
fault_io_first_hit (void)
{
  return io.first_hit;
}

/* ------------------------------------------------------------------ */
/* The file methods: count, maybe fail, else forward to the real file */

/* Closes the real file; closing never fails (SQLite ignores xClose errors). */
static int
fault_close (sqlite3_file *file)
{
  FaultFile *f = (FaultFile *) file;

  return f->real->pMethods->xClose (f->real);
}

/* xRead: may fail with SQLITE_IOERR_READ. */
static int
fault_read (sqlite3_file *file,
            void         *buf,
            int           amount,
            sqlite3_int64 offset)
{
  FaultFile *f = (FaultFile *) file;
  int rc = io_fault (FAULT_CALL_READ);

  return rc != SQLITE_OK ? rc : f->real->pMethods->xRead (f->real, buf, amount, offset);
}

/* xWrite: may fail with SQLITE_IOERR_WRITE or SQLITE_FULL. */
static int
fault_write (sqlite3_file *file,
             const void   *buf,
             int           amount,
             sqlite3_int64 offset)
{
  FaultFile *f = (FaultFile *) file;
  int rc = io_fault (FAULT_CALL_WRITE);

  return rc != SQLITE_OK ? rc : f->real->pMethods->xWrite (f->real, buf, amount, offset);
}

/* xTruncate: may fail with SQLITE_IOERR_TRUNCATE. */
static int
fault_truncate (sqlite3_file *file,
                sqlite3_int64 size)
{
  FaultFile *f = (FaultFile *) file;
  int rc = io_fault (FAULT_CALL_TRUNCATE);

  return rc != SQLITE_OK ? rc : f->real->pMethods->xTruncate (f->real, size);
}

/* xSync: may fail with SQLITE_IOERR_FSYNC. */
static int
fault_sync (sqlite3_file *file,
            int           flags)
{
  FaultFile *f = (FaultFile *) file;
  int rc = io_fault (FAULT_CALL_SYNC);

  return rc != SQLITE_OK ? rc : f->real->pMethods->xSync (f->real, flags);
}

/* xFileSize: may fail with SQLITE_IOERR_FSTAT. */
static int
fault_file_size (sqlite3_file  *file,
                 sqlite3_int64 *out_size)
{
  FaultFile *f = (FaultFile *) file;
  int rc = io_fault (FAULT_CALL_FILE_SIZE);

  return rc != SQLITE_OK ? rc : f->real->pMethods->xFileSize (f->real, out_size);
}

/* xLock: may fail with SQLITE_IOERR_LOCK. */
static int
fault_lock (sqlite3_file *file,
            int           level)
{
  FaultFile *f = (FaultFile *) file;
  int rc = io_fault (FAULT_CALL_LOCK);

  return rc != SQLITE_OK ? rc : f->real->pMethods->xLock (f->real, level);
}

/* Unlocking is not faulted: after a COMMIT has deleted the journal, a
 * failed unlock makes SQLite report an error for a transaction that is
 * already durable, which no application can tell apart from a failure.
 * fcntl() does not fail to release a lock in practice. */
static int
fault_unlock (sqlite3_file *file,
              int           level)
{
  FaultFile *f = (FaultFile *) file;

  return f->real->pMethods->xUnlock (f->real, level);
}

/* xCheckReservedLock: may fail with SQLITE_IOERR_CHECKRESERVEDLOCK. */
static int
fault_check_reserved_lock (sqlite3_file *file,
                           int          *out_reserved)
{
  FaultFile *f = (FaultFile *) file;
  int rc = io_fault (FAULT_CALL_CHECK_LOCK);

  return rc != SQLITE_OK ? rc : f->real->pMethods->xCheckReservedLock (f->real, out_reserved);
}

/* xFileControl: forwarded. */
static int
fault_file_control (sqlite3_file *file,
                    int           op,
                    void         *arg)
{
  FaultFile *f = (FaultFile *) file;

  return f->real->pMethods->xFileControl (f->real, op, arg);
}

/* xSectorSize: forwarded. */
static int
fault_sector_size (sqlite3_file *file)
{
  FaultFile *f = (FaultFile *) file;

  return f->real->pMethods->xSectorSize (f->real);
}

/* xDeviceCharacteristics: forwarded. */
static int
fault_device_characteristics (sqlite3_file *file)
{
  FaultFile *f = (FaultFile *) file;

  return f->real->pMethods->xDeviceCharacteristics (f->real);
}

/* Version 1 methods: no shared memory (books use a rollback journal) and
 * no memory mapping, so every read goes through fault_read(). */
static const sqlite3_io_methods fault_io_methods = {
  .iVersion = 1,
  .xClose = fault_close,
  .xRead = fault_read,
  .xWrite = fault_write,
  .xTruncate = fault_truncate,
  .xSync = fault_sync,
  .xFileSize = fault_file_size,
  .xLock = fault_lock,
  .xUnlock = fault_unlock,
  .xCheckReservedLock = fault_check_reserved_lock,
  .xFileControl = fault_file_control,
  .xSectorSize = fault_sector_size,
  .xDeviceCharacteristics = fault_device_characteristics,
};

/* ------------------------------------------------------------------ */
/* The VFS methods */

/* xOpen: may fail with SQLITE_CANTOPEN; else opens the real file inside
 * ours. pMethods stays NULL when nothing was opened, so SQLite never
 * closes it. */
static int
fault_open (sqlite3_vfs  *vfs,
            const char   *name,
            sqlite3_file *file,
            int           flags,
            int          *out_flags)
{
  FaultFile *f = (FaultFile *) file;
  int rc;

  f->base.pMethods = NULL;
  f->real = (sqlite3_file *) (f + 1);
  rc = io_fault (FAULT_CALL_OPEN);
  if (rc != SQLITE_OK)
    return rc;
  rc = real_vfs->xOpen (real_vfs, name, f->real, flags, out_flags);
  if (f->real->pMethods != NULL)
    f->base.pMethods = &fault_io_methods;
  return rc;
}

/* xDelete: may fail with SQLITE_IOERR_DELETE, leaving the file. */
static int
fault_delete (sqlite3_vfs *vfs,
              const char  *name,
              int          sync_dir)
{
  int rc = io_fault (FAULT_CALL_DELETE);

  return rc != SQLITE_OK ? rc : real_vfs->xDelete (real_vfs, name, sync_dir);
}

/* xAccess: may fail with SQLITE_IOERR_ACCESS. */
static int
fault_access (sqlite3_vfs *vfs,
              const char  *name,
              int          flags,
              int         *out_result)
{
  int rc = io_fault (FAULT_CALL_ACCESS);

  return rc != SQLITE_OK ? rc : real_vfs->xAccess (real_vfs, name, flags, out_result);
}

/* xFullPathname: forwarded. */
static int
fault_full_pathname (sqlite3_vfs *vfs,
                     const char  *name,
                     int          size,
                     char        *out)
{
  return real_vfs->xFullPathname (real_vfs, name, size, out);
}

/* xDlOpen: forwarded. */
static void *
fault_dl_open (sqlite3_vfs *vfs,
               const char  *name)
{
  return real_vfs->xDlOpen (real_vfs, name);
}

/* xDlError: forwarded. */
static void
fault_dl_error (sqlite3_vfs *vfs,
                int          size,
                char        *out)
{
  real_vfs->xDlError (real_vfs, size, out);
}

/* xDlSym: forwarded. */
static void (*fault_dl_sym (sqlite3_vfs *vfs,
                            void        *handle,
                            const char  *symbol)) (void)
{
  return real_vfs->xDlSym (real_vfs, handle, symbol);
}

/* xDlClose: forwarded. */
static void
fault_dl_close (sqlite3_vfs *vfs,
                void        *handle)
{
  real_vfs->xDlClose (real_vfs, handle);
}

/* xRandomness: forwarded. */
static int
fault_randomness (sqlite3_vfs *vfs,
                  int          size,
                  char        *out)
{
  return real_vfs->xRandomness (real_vfs, size, out);
}

/* xSleep: forwarded (the busy handler sleeps through it). */
static int
fault_sleep (sqlite3_vfs *vfs,
             int          microseconds)
{
  return real_vfs->xSleep (real_vfs, microseconds);
}

/* xCurrentTime: forwarded. */
static int
fault_current_time (sqlite3_vfs *vfs,
                    double      *out)
{
  return real_vfs->xCurrentTime (real_vfs, out);
}

/* xGetLastError: forwarded. */
static int
fault_get_last_error (sqlite3_vfs *vfs,
                      int          size,
                      char        *out)
{
  return real_vfs->xGetLastError (real_vfs, size, out);
}

/* xCurrentTimeInt64: forwarded. */
static int
fault_current_time_int64 (sqlite3_vfs   *vfs,
                          sqlite3_int64 *out)
{
  return real_vfs->xCurrentTimeInt64 (real_vfs, out);
}

static sqlite3_vfs fault_vfs = {
  .iVersion = 2,
  .zName = "fault",
  .xOpen = fault_open,
  .xDelete = fault_delete,
  .xAccess = fault_access,
  .xFullPathname = fault_full_pathname,
  .xDlOpen = fault_dl_open,
  .xDlError = fault_dl_error,
  .xDlSym = fault_dl_sym,
  .xDlClose = fault_dl_close,
  .xRandomness = fault_randomness,
  .xSleep = fault_sleep,
  .xCurrentTime = fault_current_time,
  .xGetLastError = fault_get_last_error,
  .xCurrentTimeInt64 = fault_current_time_int64,
};

/* ------------------------------------------------------------------ */
/* The allocator */

/* Counts an allocation and decides whether it fails. */
static gboolean
mem_fault (void)
{
  if (!mem.armed)
    return FALSE;
  mem.calls++;
  if (mem.persist ? mem.calls >= mem.target : mem.calls == mem.target)
    {
      mem.hits++;
      return TRUE;
    }
  return FALSE;
}

/* xMalloc: may return NULL. */
static void *
fault_malloc (int size)
{
  return mem_fault () ? NULL : real_mem.xMalloc (size);
}

/* xRealloc: may return NULL (the old block stays valid). */
static void *
fault_realloc (void *ptr,
               int   size)
{
  return mem_fault () ? NULL : real_mem.xRealloc (ptr, size);
}

/* xFree: forwarded. */
static void
fault_free (void *ptr)
{
  real_mem.xFree (ptr);
}

/* xSize: forwarded. */
static int
fault_size (void *ptr)
{
  return real_mem.xSize (ptr);
}

/* xRoundup: forwarded. */
static int
fault_roundup (int size)
{
  return real_mem.xRoundup (size);
}

/* xInit: initialises the real allocator. */
static int
fault_mem_init (void *data)
{
  return real_mem.xInit (real_mem.pAppData);
}

/* xShutdown: shuts the real allocator down. */
static void
fault_mem_shutdown (void *data)
{
  real_mem.xShutdown (real_mem.pAppData);
}

/* Arms an allocation fault and resets the counters. */
void
fault_malloc_arm (guint    n,
                  gboolean persist)
{
  g_assert (n > 0);
  memset (&mem, 0, sizeof mem);
  mem.armed = TRUE;
  mem.persist = persist;
  mem.target = n;
}

/* Stops failing and counting allocations (the counters stay). */
void
fault_malloc_disarm (void)
{
  mem.armed = FALSE;
}

/* Allocations counted since arming. */
guint
fault_malloc_calls (void)
{
  return mem.calls;
}

/* Allocations failed since arming. */
guint
fault_malloc_hits (void)
{
  return mem.hits;
}

/* ------------------------------------------------------------------ */

/* Puts the faulting allocator and VFS in place (see the header). */
void
fault_inject_install (void)
{
  static const sqlite3_mem_methods methods = {
    .xMalloc = fault_malloc,
    .xFree = fault_free,
    .xRealloc = fault_realloc,
    .xSize = fault_size,
    .xRoundup = fault_roundup,
    .xInit = fault_mem_init,
    .xShutdown = fault_mem_shutdown,
  };

  /* The allocator can only be replaced while SQLite is shut down. */
  g_assert_cmpint (sqlite3_shutdown (), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_config (SQLITE_CONFIG_GETMALLOC, &real_mem), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_config (SQLITE_CONFIG_MALLOC, &methods), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_config (SQLITE_CONFIG_LOOKASIDE, 0, 0), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_initialize (), ==, SQLITE_OK);

  real_vfs = sqlite3_vfs_find ("unix");
  g_assert_nonnull (real_vfs);
  fault_vfs.szOsFile = (int) sizeof (FaultFile) + real_vfs->szOsFile;
  fault_vfs.mxPathname = real_vfs->mxPathname;
  g_assert_cmpint (sqlite3_vfs_register (&fault_vfs, 1), ==, SQLITE_OK);
}
