/* export-xlsx-read.c — a minimal XLSX reader
 *
 * A workbook is a ZIP archive of XML parts. This reads the central
 * directory, inflates one entry at a time as a stream, and feeds the XML
 * to GMarkupParser in chunks, so that the verifier (export-xlsx-verify.c)
 * recomputes the fingerprint from the Journal sheets without ever holding
 * a whole sheet.
 */
#define G_LOG_DOMAIN "exports"

#include <glib/gi18n-lib.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <unistd.h>
#include <sys/stat.h>
#include <stdio.h>
#include <string.h>
#include <zlib.h>

#include "export-xlsx-read-private.h"
#include "ledger.h"

#define CHUNK_SIZE (64 * 1024)

typedef struct
{
  char   *name;
  guint16 method;     /* 0 stored, 8 deflated */
  guint32 crc;
  guint32 compressed;
  guint32 size;
  guint32 offset;     /* of the local header */
} ZipEntry;

struct _ExportXlsxReader
{
  char       *path;
  FILE       *file;
  GPtrArray  *entries;       /* of ZipEntry, in directory order */
  GHashTable *by_name;       /* entry name → ZipEntry */
  GPtrArray  *entry_names;   /* NULL-terminated */
  GPtrArray  *sheet_names;   /* NULL-terminated */
  GHashTable *sheet_entries; /* sheet name → entry name */
  GPtrArray  *shared;        /* shared strings; NULL until first needed */
  gsize       shared_bytes;  /* their text, against EXPORT_XLSX_MAX_SHARED_BYTES */
  guint64     inflated;      /* bytes of every part read so far, against EXPORT_XLSX_MAX_TOTAL_BYTES */
};

#define MB(bytes) ((int) ((bytes) / (1024 * 1024)))

/* Reading raw bytes */

/* ZIP numbers are little-endian. */
static guint32
get16 (const guint8 *p)
{
  return (guint32) p[0] | (guint32) p[1] << 8;
}

/* A little-endian 32-bit number. */
static guint32
get32 (const guint8 *p)
{
  return get16 (p) | get16 (p + 2) << 16;
}

/* The error for a file that is not (or no longer) a valid workbook. */
static gboolean
not_a_workbook (ExportXlsxReader  *reader,
                const char        *why,
                GError           **error)
{
  g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY,
               _("%s is not a readable workbook: %s"), reader->path, why);
  return FALSE;
}

/* Reads @length bytes at @offset; a short read means a damaged file. */
static gboolean
read_at (ExportXlsxReader  *reader,
         gint64             offset,
         void              *buffer,
         gsize              length,
         GError           **error)
{
  if (fseeko (reader->file, (off_t) offset, SEEK_SET) != 0 ||
      fread (buffer, 1, length, reader->file) != length)
    return not_a_workbook (reader, _("the file is cut short"), error);
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* The ZIP directory */

/* Frees a ZipEntry (the GDestroyNotify of reader->entries). */
static void
zip_entry_free (ZipEntry *entry)
{
  g_free (entry->name);
  g_free (entry);
}

/* Finds the End Of Central Directory record in the file's last 64 KiB and
 * returns the directory's offset, size and number of entries. */
static gboolean
find_directory (ExportXlsxReader  *reader,
                guint32           *out_offset,
                guint32           *out_size,
                guint32           *out_count,
                GError           **error)
{
  g_autofree guint8 *tail = NULL;
  gint64 file_size, tail_size;

  if (fseeko (reader->file, 0, SEEK_END) != 0 || (file_size = ftello (reader->file)) < 22)
    return not_a_workbook (reader, _("the file is too small"), error);
  tail_size = MIN (file_size, 22 + 65535);
  tail = g_malloc (tail_size);
  if (!read_at (reader, file_size - tail_size, tail, tail_size, error))
    return FALSE;
  for (gint64 i = tail_size - 22; i >= 0; i--)
    if (memcmp (tail + i, "PK\5\6", 4) == 0)
      {
        *out_count = get16 (tail + i + 10);
        *out_size = get32 (tail + i + 12);
        *out_offset = get32 (tail + i + 16);
        if (*out_offset == 0xFFFFFFFF || *out_count == 0xFFFF)
          return not_a_workbook (reader, _("ZIP64 archives are not supported"), error);
        return TRUE;
      }
  return not_a_workbook (reader, _("it is not a ZIP archive"), error);
}

/* Reads every central directory record into reader->entries. */
static gboolean
read_directory (ExportXlsxReader  *reader,
                GError           **error)
{
  g_autofree guint8 *dir = NULL;
  guint32 offset, size, count, pos = 0;

  if (!find_directory (reader, &offset, &size, &count, error))
    return FALSE;
  /* The directory is read whole: bound it and what it lists before
   * allocating what its (crafted) header claims. */
  if (count > EXPORT_XLSX_MAX_ENTRIES)
    {
      g_autofree char *why = g_strdup_printf (_("it has more than %d parts"), EXPORT_XLSX_MAX_ENTRIES);

      return not_a_workbook (reader, why, error);
    }
  if (size > EXPORT_XLSX_MAX_DIRECTORY_BYTES)
    {
      g_autofree char *why = g_strdup_printf (_("its ZIP directory is larger than %d MB"),
                                              MB (EXPORT_XLSX_MAX_DIRECTORY_BYTES));

      return not_a_workbook (reader, why, error);
    }
  dir = g_malloc (MAX (size, 1));
  if (!read_at (reader, offset, dir, size, error))
    return FALSE;
  for (guint32 i = 0; i < count; i++)
    {
      ZipEntry *entry;
      guint32 name_len;

      if (pos + 46 > size || memcmp (dir + pos, "PK\1\2", 4) != 0 ||
          pos + 46 + (name_len = get16 (dir + pos + 28)) > size)
        return not_a_workbook (reader, _("its ZIP directory is damaged"), error);
      entry = g_new0 (ZipEntry, 1);
      entry->method = (guint16) get16 (dir + pos + 10);
      entry->crc = get32 (dir + pos + 16);
      entry->compressed = get32 (dir + pos + 20);
      entry->size = get32 (dir + pos + 24);
      entry->offset = get32 (dir + pos + 42);
      entry->name = g_strndup ((const char *) dir + pos + 46, name_len);
      g_ptr_array_add (reader->entries, entry);
      g_hash_table_replace (reader->by_name, entry->name, entry);
      g_ptr_array_add (reader->entry_names, entry->name);
      pos += 46 + name_len + get16 (dir + pos + 30) + get16 (dir + pos + 32);
    }
  g_ptr_array_add (reader->entry_names, NULL);
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Inflating an entry */

typedef gboolean (*ChunkFunc) (const char  *data,
                               gsize        length,
                               gpointer     user_data,
                               GError     **error);

typedef struct
{
  ExportXlsxReader *reader;
  z_stream          zs;
  guint8           *in, *out;
  guint32           crc;
  guint32           produced;
  guint32           size;     /* what the directory says the part inflates to */
} Inflater;

/* Passes @length bytes to @func, keeping the CRC and the count. */
static gboolean
emit (Inflater      *inf,
      const guint8  *data,
      gsize          length,
      ChunkFunc      func,
      gpointer       user_data,
      GError       **error)
{
  /* A deflate stream can inflate a thousandfold: stop at the size the
   * directory announced (itself bounded) rather than believe the stream. */
  if (length > inf->size - inf->produced)
    return not_a_workbook (inf->reader, _("a part inflates to more than its directory says"), error);
  inf->crc = crc32 (inf->crc, data, (uInt) length);
  inf->produced += (guint32) length;
  return length == 0 || func ((const char *) data, length, user_data, error);
}

/* Reads the compressed bytes of @entry chunk by chunk and emits them,
 * inflated when the entry is deflated. */
static gboolean
pump (ExportXlsxReader  *reader,
      const ZipEntry    *entry,
      Inflater          *inf,
      ChunkFunc          func,
      gpointer           user_data,
      GError           **error)
{
  guint32 left = entry->compressed;
  int rc = Z_OK;

  while (left > 0 && rc != Z_STREAM_END)
    {
      gsize n = MIN (left, CHUNK_SIZE);

      if (fread (inf->in, 1, n, reader->file) != n)
        return not_a_workbook (reader, _("the file is cut short"), error);
      left -= (guint32) n;
      if (entry->method == 0)
        {
          if (!emit (inf, inf->in, n, func, user_data, error))
            return FALSE;
          continue;
        }
      inf->zs.next_in = inf->in;
      inf->zs.avail_in = (uInt) n;
      do
        {
          inf->zs.next_out = inf->out;
          inf->zs.avail_out = CHUNK_SIZE;
          rc = inflate (&inf->zs, Z_NO_FLUSH);
          if (rc != Z_OK && rc != Z_STREAM_END && rc != Z_BUF_ERROR)
            return not_a_workbook (reader, _("a part does not inflate"), error);
          if (!emit (inf, inf->out, CHUNK_SIZE - inf->zs.avail_out, func, user_data, error))
            return FALSE;
        }
      while (inf->zs.avail_out == 0 && rc != Z_STREAM_END);
    }
  return TRUE;
}

/* Streams the inflated content of entry @name to @func, then checks its
 * size and CRC-32 against the directory. */
static gboolean
stream_entry (ExportXlsxReader  *reader,
              const char        *name,
              ChunkFunc          func,
              gpointer           user_data,
              GError           **error)
{
  const ZipEntry *entry = g_hash_table_lookup (reader->by_name, name);
  Inflater inf = { 0 };
  guint8 local[30];
  gboolean ok;

  if (entry == NULL)
    return not_a_workbook (reader, name, error);
  if (entry->method != 0 && entry->method != 8)
    return not_a_workbook (reader, _("a part uses an unknown compression"), error);
  if (entry->size > EXPORT_XLSX_MAX_PART_BYTES)
    {
      g_autofree char *why = g_strdup_printf (_("a part is larger than %d MB when inflated"),
                                              MB (EXPORT_XLSX_MAX_PART_BYTES));

      return not_a_workbook (reader, why, error);
    }
  reader->inflated += entry->size;
  if (reader->inflated > EXPORT_XLSX_MAX_TOTAL_BYTES)
    {
      g_autofree char *why = g_strdup_printf (_("its parts inflate to more than %d MB in all"),
                                              MB (EXPORT_XLSX_MAX_TOTAL_BYTES));

      return not_a_workbook (reader, why, error);
    }
  if (!read_at (reader, entry->offset, local, sizeof local, error))
    return FALSE;
  if (memcmp (local, "PK\3\4", 4) != 0 ||
      fseeko (reader->file, (off_t) entry->offset + 30 + get16 (local + 26) + get16 (local + 28),
              SEEK_SET) != 0)
    return not_a_workbook (reader, _("its ZIP directory is damaged"), error);
  if (entry->method == 8 && inflateInit2 (&inf.zs, -MAX_WBITS) != Z_OK)
    return not_a_workbook (reader, _("a part does not inflate"), error);
  inf.reader = reader;
  inf.size = entry->size;
  inf.in = g_malloc (CHUNK_SIZE);
  inf.out = g_malloc (CHUNK_SIZE);
  inf.crc = crc32 (0, Z_NULL, 0);
  ok = pump (reader, entry, &inf, func, user_data, error);
  if (entry->method == 8)
    inflateEnd (&inf.zs);
  g_free (inf.in);
  g_free (inf.out);
  if (ok && (inf.produced != entry->size || inf.crc != entry->crc))
    return not_a_workbook (reader, _("a part fails its CRC check"), error);
  return ok;
}

/* Collects inflated bytes into a GByteArray (a ChunkFunc). */
static gboolean
append_chunk (const char  *data,
              gsize        length,
              gpointer     user_data,
              GError     **error)
{
  g_byte_array_append (user_data, (const guint8 *) data, (guint) length);
  return TRUE;
}

GBytes *
export_xlsx_reader_read_entry (ExportXlsxReader  *reader,
                               const char        *name,
                               GError           **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  const ZipEntry *entry = g_hash_table_lookup (reader->by_name, name);

  if (entry != NULL && entry->size > EXPORT_XLSX_MAX_READ_BYTES)
    {
      g_autofree char *why = g_strdup_printf (_("a part is larger than %d MB when inflated"),
                                              MB (EXPORT_XLSX_MAX_READ_BYTES));

      not_a_workbook (reader, why, error);
      return NULL;
    }
  if (!stream_entry (reader, name, append_chunk, bytes, error))
    return NULL;
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

/* The last bytes of a part seen so far (a ChunkFunc). */
typedef struct
{
  char  tail[EXPORT_XLSX_TAIL_BYTES];
  gsize length;
} Tail;

static gboolean
keep_tail (const char  *data,
           gsize        length,
           gpointer     user_data,
           GError     **error)
{
  Tail *t = user_data;

  if (length >= sizeof t->tail)
    {
      memcpy (t->tail, data + length - sizeof t->tail, sizeof t->tail);
      t->length = sizeof t->tail;
      return TRUE;
    }
  if (t->length + length > sizeof t->tail)
    {
      gsize drop = t->length + length - sizeof t->tail;

      memmove (t->tail, t->tail + drop, t->length - drop);
      t->length -= drop;
    }
  memcpy (t->tail + t->length, data, length);
  t->length += length;
  return TRUE;
}

gboolean
export_xlsx_reader_check_entry (ExportXlsxReader  *reader,
                                const char        *name,
                                char              *out_tail,
                                gsize             *out_length,
                                GError           **error)
{
  Tail t = { { 0 }, 0 };

  if (!stream_entry (reader, name, keep_tail, &t, error))
    return FALSE;
  memcpy (out_tail, t.tail, t.length);
  *out_length = t.length;
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* XML helpers */

/* "x:row" → "row": producers may or may not use a namespace prefix. */
static const char *
local_name (const char *name)
{
  const char *colon = strrchr (name, ':');

  return colon != NULL ? colon + 1 : name;
}

/* The value of the attribute whose local name is @name, or NULL. */
static const char *
attribute (const char **names,
           const char **values,
           const char  *name)
{
  for (int i = 0; names[i] != NULL; i++)
    if (strcmp (local_name (names[i]), name) == 0)
      return values[i];
  return NULL;
}

/* GMarkupParseContext holds the stack of open elements and the whole of
 * a token (a tag with its attributes, a run of text) until it ends: a
 * guard between the inflater and the parser bounds both. */
typedef struct
{
  const GMarkupParser *inner;
  gpointer             inner_data;
  GMarkupParseContext *context;
  guint                depth;
  gsize                token;   /* bytes since the last '<' or '>' */
} Guard;

static void
guard_start (GMarkupParseContext  *context,
             const char           *element,
             const char          **names,
             const char          **values,
             gpointer              user_data,
             GError              **error)
{
  Guard *g = user_data;

  if (++g->depth > EXPORT_XLSX_MAX_XML_DEPTH)
    {
      g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                   _("elements are nested more than %d deep"), EXPORT_XLSX_MAX_XML_DEPTH);
      return;
    }
  if (g->inner->start_element != NULL)
    g->inner->start_element (context, element, names, values, g->inner_data, error);
}

static void
guard_end (GMarkupParseContext  *context,
           const char           *element,
           gpointer              user_data,
           GError              **error)
{
  Guard *g = user_data;

  g->depth--;
  if (g->inner->end_element != NULL)
    g->inner->end_element (context, element, g->inner_data, error);
}

static void
guard_text (GMarkupParseContext  *context,
            const char           *text,
            gsize                 length,
            gpointer              user_data,
            GError              **error)
{
  Guard *g = user_data;

  if (g->inner->text != NULL)
    g->inner->text (context, text, length, g->inner_data, error);
}

static const GMarkupParser guard_parser = { guard_start, guard_end, guard_text, NULL, NULL };

/* Feeds @data to the guarded markup context (the ChunkFunc of
 * parse_entry), refusing a token longer than the bound. */
static gboolean
feed_markup (const char  *data,
             gsize        length,
             gpointer     user_data,
             GError     **error)
{
  Guard *g = user_data;

  for (gsize i = 0; i < length; i++)
    {
      if (data[i] == '<' || data[i] == '>')
        g->token = 0;
      else if (++g->token > EXPORT_XLSX_MAX_XML_TOKEN_BYTES)
        {
          g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                       _("an element or a text is longer than %d MB"),
                       MB (EXPORT_XLSX_MAX_XML_TOKEN_BYTES));
          return FALSE;
        }
    }
  return g_markup_parse_context_parse (g->context, data, (gssize) length, error);
}

/* Parses entry @name with @parser as it inflates. */
static gboolean
parse_entry (ExportXlsxReader     *reader,
             const char           *name,
             const GMarkupParser  *parser,
             gpointer              user_data,
             GError              **error)
{
  Guard guard = { parser, user_data, NULL, 0, 0 };
  g_autoptr(GMarkupParseContext) context = g_markup_parse_context_new (&guard_parser, 0, &guard, NULL);
  g_autoptr(GError) local = NULL;

  guard.context = context;
  if (stream_entry (reader, name, feed_markup, &guard, &local) &&
      g_markup_parse_context_end_parse (context, &local))
    return TRUE;
  /* Errors of the row callbacks pass through; XML errors name the part. */
  if (local->domain == LEDGER_ERROR)
    g_propagate_error (error, g_steal_pointer (&local));
  else
    g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY,
                 _("%s is not a readable workbook: %s: %s"), reader->path, name, local->message);
  return FALSE;
}

/* ------------------------------------------------------------------ */
/* The sheet list: xl/workbook.xml and its relationships */

typedef struct
{
  GPtrArray  *names;   /* sheet names, or relationship ids */
  GPtrArray  *values;  /* relationship ids, or targets */
  const char *element; /* "sheet" or "Relationship" */
  const char *key;
  const char *value;
} PairParse;

/* Keeps the two attributes of each element PairParse looks for. */
static void
pair_start (GMarkupParseContext  *context,
            const char           *element,
            const char          **names,
            const char          **values,
            gpointer              user_data,
            GError              **error)
{
  PairParse *p = user_data;
  const char *key, *value;

  if (strcmp (local_name (element), p->element) != 0)
    return;
  /* The program writes every sheet visible: one hidden after the export
   * (the Summary, say) would show the auditor less than was checked. */
  if (strcmp (p->element, "sheet") == 0 && attribute (names, values, "state") != NULL &&
      strcmp (attribute (names, values, "state"), "visible") != 0)
    {
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY,
                   _("sheet %s is hidden, which the program never writes"),
                   attribute (names, values, "name") != NULL ? attribute (names, values, "name") : "?");
      return;
    }
  key = attribute (names, values, p->key);
  value = attribute (names, values, p->value);
  if (key != NULL && value != NULL)
    {
      g_ptr_array_add (p->names, g_strdup (key));
      g_ptr_array_add (p->values, g_strdup (value));
    }
}

/* Reads (key, value) attribute pairs of every @element in entry @name. */
static gboolean
read_pairs (ExportXlsxReader  *reader,
            const char        *name,
            PairParse         *p,
            GError           **error)
{
  static const GMarkupParser parser = { pair_start, NULL, NULL, NULL, NULL };

  p->names = g_ptr_array_new_with_free_func (g_free);
  p->values = g_ptr_array_new_with_free_func (g_free);
  return parse_entry (reader, name, &parser, p, error);
}

/* The number formats the exporter writes (export-xlsx.c). A cell shows
 * its value through its format: one rewritten to a literal ("¥0.00")
 * would show every amount as nothing while the values still check. */
static const char *const written_formats[] = {
  "\"¥\"#,##0.00", "yyyy-mm-dd", "0.00%", "#,##0.00", NULL,
};

static gboolean
check_number_formats (ExportXlsxReader  *reader,
                      GError           **error)
{
  PairParse formats = { NULL, NULL, "numFmt", "numFmtId", "formatCode" };
  gboolean ok = read_pairs (reader, "xl/styles.xml", &formats, error);

  for (guint i = 0; ok && i < formats.values->len; i++)
    if (!g_strv_contains (written_formats, g_ptr_array_index (formats.values, i)))
      {
        g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY,
                     _("the workbook's number format “%s” is not one the program writes"),
                     (const char *) g_ptr_array_index (formats.values, i));
        ok = FALSE;
      }
  g_clear_pointer (&formats.names, g_ptr_array_unref);
  g_clear_pointer (&formats.values, g_ptr_array_unref);
  return ok;
}

/* Fills the sheet list and maps each sheet to its ZIP entry. */
static gboolean
read_sheets (ExportXlsxReader  *reader,
             GError           **error)
{
  PairParse sheets = { NULL, NULL, "sheet", "name", "id" };
  PairParse rels = { NULL, NULL, "Relationship", "Id", "Target" };
  gboolean ok;

  ok = read_pairs (reader, "xl/workbook.xml", &sheets, error) &&
       read_pairs (reader, "xl/_rels/workbook.xml.rels", &rels, error);
  for (guint i = 0; ok && i < sheets.names->len; i++)
    for (guint j = 0; j < rels.names->len; j++)
      if (strcmp (g_ptr_array_index (sheets.values, i), g_ptr_array_index (rels.names, j)) == 0)
        {
          const char *target = g_ptr_array_index (rels.values, j);
          char *entry = target[0] == '/' ? g_strdup (target + 1) : g_strconcat ("xl/", target, NULL);

          g_ptr_array_add (reader->sheet_names, g_strdup (g_ptr_array_index (sheets.names, i)));
          g_hash_table_replace (reader->sheet_entries, g_strdup (g_ptr_array_index (sheets.names, i)), entry);
        }
  g_ptr_array_add (reader->sheet_names, NULL);
  g_clear_pointer (&sheets.names, g_ptr_array_unref);
  g_clear_pointer (&sheets.values, g_ptr_array_unref);
  g_clear_pointer (&rels.names, g_ptr_array_unref);
  g_clear_pointer (&rels.values, g_ptr_array_unref);
  return ok;
}

ExportXlsxReader *
export_xlsx_reader_open (const char  *path,
                         GError     **error)
{
  g_autoptr(ExportXlsxReader) reader = g_new0 (ExportXlsxReader, 1);
  struct stat info;
  int saved_errno, fd;

  reader->path = ledger_quote_path (path);   /* for messages only */
  reader->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) zip_entry_free);
  reader->by_name = g_hash_table_new (g_str_hash, g_str_equal);
  reader->entry_names = g_ptr_array_new ();
  reader->sheet_names = g_ptr_array_new_with_free_func (g_free);
  reader->sheet_entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  /* Opened without blocking (a FIFO without a writer would wait forever
   * in open()), and then only a regular file is read. */
  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY, 0);
  if (fd >= 0 && fstat (fd, &info) == 0 && S_ISREG (info.st_mode))
    {
      fcntl (fd, F_SETFL, fcntl (fd, F_GETFL) & ~O_NONBLOCK);
      reader->file = fdopen (fd, "rb");
    }
  else if (fd >= 0)
    {
      g_autofree char *display = ledger_quote_path (path);

      close (fd);
      /* A folder or a device read as a workbook would fail as if the
       * workbook were damaged: the wrong diagnosis (and exit 3). */
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_IO, _("cannot read %s: %s"),
                   display, _("not a file"));
      return NULL;
    }
  if (reader->file == NULL)
    {
      g_autofree char *display = ledger_quote_path (path);

      saved_errno = errno;
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_IO, _("cannot read %s: %s"),
                   display, g_strerror (saved_errno));
      return NULL;
    }
  if (!read_directory (reader, error) || !read_sheets (reader, error) ||
      !check_number_formats (reader, error))
    return NULL;
  return g_steal_pointer (&reader);
}

void
export_xlsx_reader_free (ExportXlsxReader *reader)
{
  if (reader == NULL)
    return;
  if (reader->file != NULL)
    fclose (reader->file);
  g_clear_pointer (&reader->shared, g_ptr_array_unref);
  g_hash_table_unref (reader->sheet_entries);
  g_ptr_array_unref (reader->sheet_names);
  g_ptr_array_unref (reader->entry_names);
  g_hash_table_unref (reader->by_name);
  g_ptr_array_unref (reader->entries);
  g_free (reader->path);
  g_free (reader);
}

const char * const *
export_xlsx_reader_sheet_names (ExportXlsxReader *reader)
{
  return (const char * const *) reader->sheet_names->pdata;
}

const char *
export_xlsx_reader_sheet_entry (ExportXlsxReader *reader,
                                const char       *name)
{
  return g_hash_table_lookup (reader->sheet_entries, name);
}

const char * const *
export_xlsx_reader_entries (ExportXlsxReader *reader)
{
  return (const char * const *) reader->entry_names->pdata;
}

/* ------------------------------------------------------------------ */
/* Cells: shared strings and worksheets */

enum { CAPTURE_NONE, CAPTURE_VALUE, CAPTURE_FORMULA };

/* The state of parsing one worksheet (or the shared strings). */
typedef struct
{
  ExportXlsxReader  *reader;
  ExportXlsxRowFunc  func;
  gpointer           user_data;
  guint32            row;
  guint              col;
  GPtrArray         *values;    /* this row's cell values by column */
  GPtrArray         *formulas;
  char              *type;      /* the current cell's t attribute */
  GString           *value;
  GString           *formula;
  gboolean           has_value, has_formula;
  int                capture;
  int                phonetic;  /* depth inside <rPh>, whose text is not the cell's */
  gsize              row_bytes; /* this row's text so far, against EXPORT_XLSX_MAX_ROW_BYTES */
} SheetParse;

/* "AB12" → 27 (0-based column of a cell reference). */
static guint
column_of (const char *ref)
{
  guint col = 0;

  for (; g_ascii_isalpha (*ref); ref++)
    col = col * 26 + (guint) (g_ascii_toupper (*ref) - 'A' + 1);
  return col > 0 ? col - 1 : 0;
}

/* Opens a row, a cell, or the text of a value, formula or inline string. */
static void
sheet_start (GMarkupParseContext  *context,
             const char           *element,
             const char          **names,
             const char          **values,
             gpointer              user_data,
             GError              **error)
{
  SheetParse *p = user_data;
  const char *name = local_name (element), *ref;

  if (strcmp (name, "row") == 0)
    {
      ref = attribute (names, values, "r");
      p->row = ref != NULL ? (guint32) g_ascii_strtoull (ref, NULL, 10) : p->row + 1;
      p->col = G_MAXUINT;
      g_ptr_array_set_size (p->values, 0);
      g_ptr_array_set_size (p->formulas, 0);
      p->row_bytes = 0;
    }
  else if (strcmp (name, "c") == 0)
    {
      ref = attribute (names, values, "r");
      p->col = ref != NULL ? column_of (ref) : p->col + 1;
      g_free (p->type);
      p->type = g_strdup (attribute (names, values, "t"));
      g_string_truncate (p->value, 0);
      g_string_truncate (p->formula, 0);
      p->has_value = p->has_formula = FALSE;
    }
  else if (strcmp (name, "rPh") == 0)
    p->phonetic++;
  else if ((strcmp (name, "v") == 0 || strcmp (name, "t") == 0) && p->phonetic == 0)
    {
      p->capture = CAPTURE_VALUE;
      p->has_value = TRUE;
    }
  else if (strcmp (name, "f") == 0)
    {
      p->capture = CAPTURE_FORMULA;
      p->has_formula = TRUE;
    }
}

/* Collects the text of the value or formula being read. */
static void
sheet_text (GMarkupParseContext  *context,
            const char           *text,
            gsize                 length,
            gpointer              user_data,
            GError              **error)
{
  SheetParse *p = user_data;
  GString *into = p->capture == CAPTURE_VALUE ? p->value : p->formula;

  if (p->capture == CAPTURE_NONE)
    return;
  /* A row's text is held until the row ends (a leaf spans columns), the
   * shared strings until the workbook is closed: bound both here. */
  p->row_bytes += length;
  if (into->len + length > EXPORT_XLSX_MAX_CELL_BYTES)
    g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                 _("a cell holds more than %d KB of text"), EXPORT_XLSX_MAX_CELL_BYTES / 1024);
  else if (p->func != NULL && p->row_bytes > EXPORT_XLSX_MAX_ROW_BYTES)
    g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                 _("a row holds more than %d MB of text"), MB (EXPORT_XLSX_MAX_ROW_BYTES));
  else if (p->capture == CAPTURE_VALUE)
    g_string_append_len (p->value, text, (gssize) length);
  else if (p->capture == CAPTURE_FORMULA)
    g_string_append_len (p->formula, text, (gssize) length);
}

/* Stores the finished cell in this row's arrays. */
static void
end_cell (SheetParse  *p,
          GError     **error)
{
  char *value = NULL;

  if (p->col >= 16384)
    return;
  if (g_strcmp0 (p->type, "s") == 0 && p->has_value)
    {
      guint64 i = g_ascii_strtoull (p->value->str, NULL, 10);

      if (p->reader->shared != NULL && i < p->reader->shared->len)
        {
          const char *shared = g_ptr_array_index (p->reader->shared, i);

          /* A few bytes of XML copy a whole shared string: a row of
           * references to a long one is held as that much text, so it
           * counts against the row's bound like text written out. */
          p->row_bytes += strlen (shared);
          if (p->func != NULL && p->row_bytes > EXPORT_XLSX_MAX_ROW_BYTES)
            {
              g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                           _("a row holds more than %d MB of text"), MB (EXPORT_XLSX_MAX_ROW_BYTES));
              return;
            }
          value = g_strdup (shared);
        }
    }
  else if (p->has_value)
    value = g_strdup (p->value->str);
  if (p->values->len <= p->col)
    {
      g_ptr_array_set_size (p->values, p->col + 1);
      g_ptr_array_set_size (p->formulas, p->col + 1);
    }
  g_free (g_ptr_array_index (p->values, p->col));
  g_ptr_array_index (p->values, p->col) = value;
  g_free (g_ptr_array_index (p->formulas, p->col));
  g_ptr_array_index (p->formulas, p->col) = p->has_formula ? g_strdup (p->formula->str) : NULL;
}

/* Hands a finished row to the caller. */
static gboolean
end_row (SheetParse  *p,
         GError     **error)
{
  g_autofree ExportXlsxCell *cells = NULL;

  if (p->values->len == 0)
    return TRUE;
  cells = g_new0 (ExportXlsxCell, p->values->len);
  for (guint i = 0; i < p->values->len; i++)
    {
      cells[i].value = g_ptr_array_index (p->values, i);
      cells[i].formula = g_ptr_array_index (p->formulas, i);
    }
  return p->func (p->row, cells, p->values->len, p->user_data, error);
}

/* Finishes a cell, a row (handed to the caller) or a shared string. */
static void
sheet_end (GMarkupParseContext  *context,
           const char           *element,
           gpointer              user_data,
           GError              **error)
{
  SheetParse *p = user_data;
  const char *name = local_name (element);

  if (strcmp (name, "v") == 0 || strcmp (name, "t") == 0 || strcmp (name, "f") == 0)
    p->capture = CAPTURE_NONE;
  else if (strcmp (name, "rPh") == 0)
    p->phonetic--;
  else if (strcmp (name, "c") == 0)
    end_cell (p, error);
  else if (strcmp (name, "row") == 0)
    end_row (p, error);
  else if (strcmp (name, "si") == 0 && p->func == NULL)
    {
      p->reader->shared_bytes += p->value->len;
      if (p->reader->shared->len >= EXPORT_XLSX_MAX_SHARED_STRINGS)
        {
          g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                       _("it has more than %d shared strings"), EXPORT_XLSX_MAX_SHARED_STRINGS);
          return;
        }
      if (p->reader->shared_bytes > EXPORT_XLSX_MAX_SHARED_BYTES)
        {
          g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                       _("its shared strings hold more than %d MB of text"),
                       MB (EXPORT_XLSX_MAX_SHARED_BYTES));
          return;
        }
      g_ptr_array_add (p->reader->shared, g_strdup (p->value->str));
      g_string_truncate (p->value, 0);
    }
}

/* Frees what a SheetParse holds. */
static void
sheet_parse_clear (SheetParse *p)
{
  g_ptr_array_unref (p->values);
  g_ptr_array_unref (p->formulas);
  g_free (p->type);
  g_string_free (p->value, TRUE);
  g_string_free (p->formula, TRUE);
}

static const GMarkupParser sheet_parser = { sheet_start, sheet_end, sheet_text, NULL, NULL };

/* Reads xl/sharedStrings.xml (if there is one) on first use: a workbook
 * saved again by a spreadsheet program keeps its text there. */
static gboolean
ensure_shared_strings (ExportXlsxReader  *reader,
                       GError           **error)
{
  SheetParse p = { reader, NULL, NULL, 0, 0, NULL, NULL, NULL, NULL, NULL, FALSE, FALSE, CAPTURE_NONE, 0, 0 };
  gboolean ok;

  if (reader->shared != NULL)
    return TRUE;
  reader->shared = g_ptr_array_new_with_free_func (g_free);
  if (!g_hash_table_contains (reader->by_name, "xl/sharedStrings.xml"))
    return TRUE;
  p.values = g_ptr_array_new ();
  p.formulas = g_ptr_array_new ();
  p.value = g_string_new (NULL);
  p.formula = g_string_new (NULL);
  ok = parse_entry (reader, "xl/sharedStrings.xml", &sheet_parser, &p, error);
  sheet_parse_clear (&p);
  return ok;
}

gboolean
export_xlsx_reader_foreach_row (ExportXlsxReader   *reader,
                                const char         *name,
                                ExportXlsxRowFunc   func,
                                gpointer            user_data,
                                GError            **error)
{
  const char *entry = export_xlsx_reader_sheet_entry (reader, name);
  SheetParse p = { reader, func, user_data, 0, 0,
                   g_ptr_array_new_with_free_func (g_free), g_ptr_array_new_with_free_func (g_free),
                   NULL, g_string_new (NULL), g_string_new (NULL), FALSE, FALSE, CAPTURE_NONE, 0, 0 };
  gboolean ok;

  if (entry == NULL)
    {
      sheet_parse_clear (&p);
      g_set_error (error, LEDGER_ERROR, LEDGER_ERROR_VERIFY,
                   _("the workbook has no sheet named “%s”"), name);
      return FALSE;
    }
  ok = ensure_shared_strings (reader, error) && parse_entry (reader, entry, &sheet_parser, &p, error);
  sheet_parse_clear (&p);
  return ok;
}
