/* ledger-demo-households.c — the demo community's households
 *
 * Draws every household of the demo community from the demo's PRNG, in a
 * fixed order: buildings of 2–3 entrances and 6 floors with two floor
 * plans each, common Chinese names, mobile numbers, parking, owners with
 * two or three units, move-in dates, how each household pays; then
 * registers them in the book. Changing the order of the draws changes
 * the whole book, which tests/test-demo.c would notice.
 */
#define G_LOG_DOMAIN "ledger"

#include <string.h>

#include "ledger-dates-private.h"
#include "ledger-demo-private.h"
#include "ledger-household-private.h"
#include "ledger-household.h"
#include "ledger-owner-record-private.h"

#define FLOORS 6
#define ROOMS_PER_FLOOR 2

static const char *const surnames[] = {
  "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱",
  "高", "林", "何", "郭", "马", "罗", "梁", "宋", "郑", "谢", "韩", "唐", "冯", "于",
  "董", "肖", "程", "曹", "袁", "邓", "许", "傅", "沈", "曾", "彭", "吕",
};

static const char *const given_chars[] = {
  "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟",
  "涛", "明", "超", "秀", "霞", "平", "刚", "桂", "英", "华", "玉", "兰", "萍", "红",
  "建", "国", "志", "文", "辉", "鹏", "丹", "玲", "斌", "宇", "浩", "凯", "婷", "雪",
  "琳", "晨", "欣", "宁", "波", "海", "峰", "淑", "德", "福", "春", "秋", "云", "燕",
};

/* Where the next unit goes: building, entrance, floor and side. */
typedef struct
{
  int    building;
  int    entrances; /* in this building: 2 or 3 */
  int    entrance;
  int    floor;
  int    side;      /* 1 or 2: room x01 or x02 */
  gint64 area[2];   /* the floor plan of the building's two lines */
} UnitCursor;

/* Starts building @building: 2 or 3 entrances, two floor plans of 50–140 m²
 * shared by every floor (flats are stacked, so a line has one plan). */
static void
cursor_new_building (Demo       *demo,
                     UnitCursor *cursor,
                     int         building)
{
  cursor->building = building;
  cursor->entrances = rng_range (&demo->rng, 2, 3);
  cursor->entrance = 1;
  cursor->floor = 1;
  cursor->side = 1;
  cursor->area[0] = rng_range (&demo->rng, 5000, 14000);
  cursor->area[1] = rng_range (&demo->rng, 5000, 14000);
}

/* Gives @h the cursor's unit and area, then moves the cursor on: rooms
 * 101, 102, 201 … 602, then the next entrance, then the next building. */
static void
place_unit (Demo          *demo,
            UnitCursor    *cursor,
            DemoHousehold *h)
{
  /* Entrances mirror each other, so the lines swap sides in even ones. */
  int line = (cursor->side - 1 + (cursor->entrance % 2 == 0)) % 2;

  g_snprintf (h->unit, sizeof h->unit, "%d-%d-%d", cursor->building, cursor->entrance,
              cursor->floor * 100 + cursor->side);
  h->building = cursor->building;
  h->entrance = cursor->entrance;
  h->area = cursor->area[line];

  if (++cursor->side <= ROOMS_PER_FLOOR)
    return;
  cursor->side = 1;
  if (++cursor->floor <= FLOORS)
    return;
  cursor->floor = 1;
  if (++cursor->entrance <= cursor->entrances)
    return;
  cursor_new_building (demo, cursor, cursor->building + 1);
}

/* A common surname and one or two given-name characters. */
static void
random_name (Demo *demo,
             char  out[16])
{
  g_strlcpy (out, surnames[rng_below (&demo->rng, G_N_ELEMENTS (surnames))], 16);
  g_strlcat (out, given_chars[rng_below (&demo->rng, G_N_ELEMENTS (given_chars))], 16);
  if (rng_percent (&demo->rng, 65))
    g_strlcat (out, given_chars[rng_below (&demo->rng, G_N_ELEMENTS (given_chars))], 16);
}

/* A mainland mobile number, 1[3-9] and nine digits; a few are unknown. */
static void
random_phone (Demo *demo,
              char  out[12])
{
  out[0] = '\0';
  if (rng_percent (&demo->rng, 4))
    return;
  out[0] = '1';
  out[1] = (char) ('3' + rng_below (&demo->rng, 7));
  for (int i = 2; i < 11; i++)
    out[i] = (char) ('0' + rng_below (&demo->rng, 10));
  out[11] = '\0';
}

/* Most owners moved in years before the books start; about one in twelve
 * during the demo years, and is billed from that year on. */
static void
choose_move_in (Demo          *demo,
                DemoHousehold *h)
{
  int year;

  if (demo->opt.years > 1 && rng_percent (&demo->rng, 8))
    year = demo->first_year + rng_range (&demo->rng, 1, (int) demo->opt.years - 1);
  else
    year = MAX (1900, demo->first_year - rng_range (&demo->rng, 1, 25));
  random_date (demo, year, 1, 365, h->move_in);
  h->move_in_year = year;
}

/* Tries to give @h the owner of one of the last few units (an owner with
 * two or three flats); FALSE when that owner already has three. */
static gboolean
share_owner (Demo          *demo,
             guint          i,
             DemoHousehold *h)
{
  const DemoHousehold *other;
  guint *units;

  other = &g_array_index (demo->households, DemoHousehold,
                          i - 1 - rng_below (&demo->rng, MIN (i, 40)));
  units = &g_array_index (demo->owner_units, guint, other->owner_no);
  if (*units >= 3)
    return FALSE;
  (*units)++;
  h->owner_no = other->owner_no;
  memcpy (h->owner, other->owner, sizeof h->owner);
  memcpy (h->owner_key, other->owner_key, sizeof h->owner_key);
  memcpy (h->phone, other->phone, sizeof h->phone);
  h->status = rng_percent (&demo->rng, 65) ? LEDGER_STATUS_RENTED : LEDGER_STATUS_VACANT;
  return TRUE;
}

/* Names the owner of unit @i: usually a new one, sometimes the owner of a
 * neighbouring unit; second and third flats are rented out or empty. */
static void
assign_owner (Demo          *demo,
              guint          i,
              DemoHousehold *h)
{
  guint one = 1;
  guint r;

  if (i > 0 && rng_percent (&demo->rng, 4) && share_owner (demo, i, h))
    return;
  h->owner_no = demo->owner_units->len;
  g_array_append_val (demo->owner_units, one);
  g_snprintf (h->owner_key, sizeof h->owner_key, "O-%04u", h->owner_no + 1);
  random_name (demo, h->owner);
  random_phone (demo, h->phone);
  r = rng_below (&demo->rng, 100);
  h->status = r < 88 ? LEDGER_STATUS_OCCUPIED : r < 97 ? LEDGER_STATUS_RENTED : LEDGER_STATUS_VACANT;
}

/* Parking: about a third of households have a space, a few have two. */
static int
random_spaces (Demo *demo)
{
  guint r = rng_below (&demo->rng, 100);

  return r < 4 ? 2 : r < 34 ? 1 : 0;
}

/* Picks one or two occupied, long-settled, single-flat households whose
 * fee the committee reduces every year (低保户, 孤寡老人). */
static void
choose_waived (Demo *demo)
{
  guint n = demo->households->len;
  guint start = rng_below (&demo->rng, n);

  /* A handful of households is too few to have such an owner. */
  for (guint k = 0; n >= 10 && k < n && demo->n_waived < 2; k++)
    {
      guint i = (start + k) % n;
      DemoHousehold *h = &g_array_index (demo->households, DemoHousehold, i);

      if (h->status == LEDGER_STATUS_OCCUPIED && h->move_in_year < demo->first_year &&
          g_array_index (demo->owner_units, guint, h->owner_no) == 1 &&
          h->profile == PROFILE_NORMAL)
        {
          h->profile = PROFILE_WAIVED;
          demo->waived[demo->n_waived++] = i;
        }
    }
}

/* Draws the whole community: units, owners, areas, parking, move-in
 * dates, how each household pays and who is waived. */
void
ledger_demo_generate_households (Demo *demo)
{
  UnitCursor cursor;

  g_return_if_fail (demo != NULL);

  cursor_new_building (demo, &cursor, 1);
  for (guint i = 0; i < demo->opt.households; i++)
    {
      DemoHousehold h = { 0 };

      place_unit (demo, &cursor, &h);
      assign_owner (demo, i, &h);
      h.spaces = random_spaces (demo);
      choose_move_in (demo, &h);
      h.method = random_method (demo);
      h.profile = rng_percent (&demo->rng, h.status == LEDGER_STATUS_VACANT ? 15 : 4)
                    ? PROFILE_CHRONIC : PROFILE_NORMAL;
      g_array_append_val (demo->households, h);
    }
  choose_waived (demo);
}

/* The salt of the demo's unit @unit: the same for the same seed, so that
 * the same options give the same leaves, facts and all; derived from the
 * seed and the unit, not drawn from the PRNG, so that the draws of the
 * rest of the book stay as they were. The owners are made up; a real
 * register's salts come from the OS (ledger_household_add_in_write()). */
static void
demo_salt (const Demo *demo,
           const char *unit,
           char        out_salt[LEDGER_OWNER_SALT_CHARS + 1])
{
  g_autofree char *text = g_strdup_printf ("community-ledger demo salt\n%u\n%s", demo->opt.seed, unit);
  g_autofree char *digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);

  g_strlcpy (out_salt, digest, LEDGER_OWNER_SALT_CHARS + 1);
}

/* Registers the households that move in by next year: all of them in the
 * demo's first year but those that move in later, which are registered a
 * year ahead, as a treasurer would (a move-in date may be planned up to
 * next year, ledger_check_move_in()). Billing skips a household until
 * its move-in. */
gboolean
ledger_demo_register_households (Demo    *demo,
                                 GError **error)
{
  g_return_val_if_fail (demo != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (guint i = 0; i < demo->households->len; i++)
    {
      const DemoHousehold *h = &g_array_index (demo->households, DemoHousehold, i);
      g_autoptr(LedgerHousehold) household = NULL;
      char salt[LEDGER_OWNER_SALT_CHARS + 1];
      gboolean due = demo->year == demo->first_year ? h->move_in_year <= demo->year + 1
                                                    : h->move_in_year == demo->year + 1;

      if (!due)
        continue;
      household = ledger_household_new ();

      household->unit = g_strdup (h->unit);
      household->owner = g_strdup (h->owner);
      household->owner_key = g_strdup (h->owner_key);
      g_free (household->phone);
      household->phone = g_strdup (h->phone);
      household->area = h->area;
      household->spaces = h->spaces;
      household->status = h->status;
      g_free (household->move_in);
      household->move_in = g_strdup (h->move_in);
      demo_salt (demo, h->unit, salt);
      if (!ledger_household_add_salted_in_write (demo->book, household, salt, error))
        return FALSE;
    }
  return TRUE;
}
