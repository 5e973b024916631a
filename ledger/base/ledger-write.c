/* ledger-write.c — writing a whole buffer to a file descriptor */
#include <errno.h>
#include <unistd.h>

#include "ledger-write.h"

int
ledger_write_all (int         fd,
                  const void *data,
                  gsize       length)
{
  const char *p = data;

  while (length > 0)
    {
      gssize n = write (fd, p, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return n < 0 ? errno : ENOSPC;
      p += n;
      length -= (gsize) n;
    }
  return 0;
}
