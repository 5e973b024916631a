/* cl-page.c — the base class of the window's pages */
#define G_LOG_DOMAIN "community-ledger"

#include "cl-page.h"

typedef struct
{
  LedgerBook *book;
  gulong      changed_id;
  gboolean    stale;      /* changed while hidden: reload when mapped */
} ClPagePrivate;

G_DEFINE_TYPE_WITH_PRIVATE (ClPage, cl_page, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_BOOK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
reload_now (ClPage *self)
{
  ClPagePrivate *priv = cl_page_get_instance_private (self);

  priv->stale = FALSE;
  if (priv->book != NULL && CL_PAGE_GET_CLASS (self)->reload != NULL)
    CL_PAGE_GET_CLASS (self)->reload (self, priv->book);
}

/* Reloads now if the page is visible, else when it is next shown. */
static void
cl_page_queue_reload (ClPage *self)
{
  ClPagePrivate *priv = cl_page_get_instance_private (self);

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    reload_now (self);
  else
    priv->stale = TRUE;
}

static void
book_changed_cb (LedgerBook *book,
                 ClPage     *self)
{
  cl_page_queue_reload (self);
}

static void
cl_page_map (GtkWidget *widget)
{
  ClPagePrivate *priv = cl_page_get_instance_private (CL_PAGE (widget));

  GTK_WIDGET_CLASS (cl_page_parent_class)->map (widget);
  if (priv->stale)
    reload_now (CL_PAGE (widget));
}

LedgerBook *
cl_page_get_book (ClPage *self)
{
  ClPagePrivate *priv = cl_page_get_instance_private (self);

  g_return_val_if_fail (CL_IS_PAGE (self), NULL);
  return priv->book;
}

/* The "book" property's setter. */
static void
cl_page_set_book (ClPage     *self,
                  LedgerBook *book)
{
  ClPagePrivate *priv = cl_page_get_instance_private (self);

  g_return_if_fail (CL_IS_PAGE (self));

  if (priv->book == book)
    return;
  if (priv->book != NULL)
    g_clear_signal_handler (&priv->changed_id, priv->book);
  g_set_object (&priv->book, book);
  if (book != NULL)
    priv->changed_id = g_signal_connect_object (book, "changed", G_CALLBACK (book_changed_cb),
                                                self, G_CONNECT_DEFAULT);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BOOK]);
  cl_page_queue_reload (self);
}

static void
cl_page_dispose (GObject *object)
{
  ClPagePrivate *priv = cl_page_get_instance_private (CL_PAGE (object));

  if (priv->book != NULL)
    g_clear_signal_handler (&priv->changed_id, priv->book);
  g_clear_object (&priv->book);
  G_OBJECT_CLASS (cl_page_parent_class)->dispose (object);
}

static void
cl_page_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_BOOK:
      g_value_set_object (value, cl_page_get_book (CL_PAGE (object)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_page_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_BOOK:
      cl_page_set_book (CL_PAGE (object), g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_page_class_init (ClPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_page_dispose;
  object_class->get_property = cl_page_get_property;
  object_class->set_property = cl_page_set_property;
  widget_class->map = cl_page_map;

  properties[PROP_BOOK] =
    g_param_spec_object ("book", NULL, NULL, LEDGER_TYPE_BOOK,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cl_page_init (ClPage *self)
{
}
