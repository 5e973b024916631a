/* ledger-sha256.c — SHA-256 (FIPS 180-4), portable and with x86 SHA-NI
 *
 * The compression function comes in two versions: the portable one
 * follows FIPS 180-4 §6.2.2 step by step; the SHA-NI one does four rounds
 * per pair of _mm_sha256rnds2_epu32() and schedules the message with
 * _mm_sha256msg1/2_epu32(). The state is kept in FIPS order (a … h) between
 * calls; the SHA-NI version rearranges it into the ABEF/CDGH halves the
 * instructions work on and back.
 */
#define G_LOG_DOMAIN "ledger"

#include <string.h>

#include "ledger-sha256-private.h"

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define HAVE_SHA_NI 1
#include <immintrin.h>
#endif

typedef void (*BlocksFunc) (guint32 state[8], const guint8 *data, gsize blocks);

static const guint32 K[64] = {
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

/* ------------------------------------------------------------------ */
/* Portable */

#define ROTR(x, n) (((x) >> (n)) | ((x) << (32 - (n))))

static void
blocks_portable (guint32       state[8],
                 const guint8 *data,
                 gsize         blocks)
{
  for (; blocks > 0; blocks--, data += 64)
    {
      guint32 w[64], a, b, c, d, e, f, g, h;

      for (int t = 0; t < 16; t++)
        w[t] = (guint32) data[4 * t] << 24 | (guint32) data[4 * t + 1] << 16 |
               (guint32) data[4 * t + 2] << 8 | (guint32) data[4 * t + 3];
      for (int t = 16; t < 64; t++)
        {
          guint32 s0 = ROTR (w[t - 15], 7) ^ ROTR (w[t - 15], 18) ^ (w[t - 15] >> 3);
          guint32 s1 = ROTR (w[t - 2], 17) ^ ROTR (w[t - 2], 19) ^ (w[t - 2] >> 10);

          w[t] = w[t - 16] + s0 + w[t - 7] + s1;
        }
      a = state[0]; b = state[1]; c = state[2]; d = state[3];
      e = state[4]; f = state[5]; g = state[6]; h = state[7];
      for (int t = 0; t < 64; t++)
        {
          guint32 t1 = h + (ROTR (e, 6) ^ ROTR (e, 11) ^ ROTR (e, 25)) + ((e & f) ^ (~e & g)) + K[t] + w[t];
          guint32 t2 = (ROTR (a, 2) ^ ROTR (a, 13) ^ ROTR (a, 22)) + ((a & b) ^ (a & c) ^ (b & c));

          h = g; g = f; f = e; e = d + t1;
          d = c; c = b; b = a; a = t1 + t2;
        }
      state[0] += a; state[1] += b; state[2] += c; state[3] += d;
      state[4] += e; state[5] += f; state[6] += g; state[7] += h;
    }
}

/* ------------------------------------------------------------------ */
/* x86 SHA extensions */

#ifdef HAVE_SHA_NI
__attribute__ ((target ("sha,sse4.1,ssse3")))
static void
blocks_sha_ni (guint32       state[8],
               const guint8 *data,
               gsize         blocks)
{
  /* Big-endian words from the message bytes. */
  const __m128i byte_swap = _mm_set_epi64x (0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);
  __m128i abef, cdgh, tmp;

  /* FIPS order (a b c d | e f g h) to the instructions' halves. */
  tmp = _mm_shuffle_epi32 (_mm_loadu_si128 ((const __m128i *) &state[0]), 0xB1);  /* c d a b */
  cdgh = _mm_shuffle_epi32 (_mm_loadu_si128 ((const __m128i *) &state[4]), 0x1B); /* e f g h */
  abef = _mm_alignr_epi8 (tmp, cdgh, 8);
  cdgh = _mm_blend_epi16 (cdgh, tmp, 0xF0);

  for (; blocks > 0; blocks--, data += 64)
    {
      const __m128i abef_before = abef, cdgh_before = cdgh;
      __m128i w0, w1, w2, w3, msg;

      w0 = _mm_shuffle_epi8 (_mm_loadu_si128 ((const __m128i *) (data + 0)), byte_swap);
      w1 = _mm_shuffle_epi8 (_mm_loadu_si128 ((const __m128i *) (data + 16)), byte_swap);
      w2 = _mm_shuffle_epi8 (_mm_loadu_si128 ((const __m128i *) (data + 32)), byte_swap);
      w3 = _mm_shuffle_epi8 (_mm_loadu_si128 ((const __m128i *) (data + 48)), byte_swap);

      /* Sixteen groups of four rounds. Group i uses words 4i … 4i + 3 (in
       * A of the four registers A B C D holding groups i … i + 3) and then
       * schedules words 4i + 16 … 4i + 19 into A:
       * W[t] = σ1(W[t−2]) + W[t−7] + σ0(W[t−15]) + W[t−16]. The registers
       * are named, not indexed, so that they stay registers. */
#define GROUP(i, A, B, C, D)                                                       \
      msg = _mm_add_epi32 (A, _mm_loadu_si128 ((const __m128i *) &K[4 * (i)]));    \
      cdgh = _mm_sha256rnds2_epu32 (cdgh, abef, msg);                              \
      abef = _mm_sha256rnds2_epu32 (abef, cdgh, _mm_shuffle_epi32 (msg, 0x0E));    \
      if ((i) < 12)                                                                \
        A = _mm_sha256msg2_epu32 (_mm_add_epi32 (_mm_sha256msg1_epu32 (A, B),      \
                                                 _mm_alignr_epi8 (D, C, 4)), D)
      for (int i = 0; i < 16; i += 4)
        {
          GROUP (i, w0, w1, w2, w3);
          GROUP (i + 1, w1, w2, w3, w0);
          GROUP (i + 2, w2, w3, w0, w1);
          GROUP (i + 3, w3, w0, w1, w2);
        }
#undef GROUP
      abef = _mm_add_epi32 (abef, abef_before);
      cdgh = _mm_add_epi32 (cdgh, cdgh_before);
    }

  /* And back to FIPS order. */
  tmp = _mm_shuffle_epi32 (abef, 0x1B);   /* f e b a */
  cdgh = _mm_shuffle_epi32 (cdgh, 0xB1);  /* d c h g */
  _mm_storeu_si128 ((__m128i *) &state[0], _mm_blend_epi16 (tmp, cdgh, 0xF0));
  _mm_storeu_si128 ((__m128i *) &state[4], _mm_alignr_epi8 (cdgh, tmp, 8));
}
#endif

/* ------------------------------------------------------------------ */
/* Dispatch */

static gboolean force_portable;

static BlocksFunc
blocks_func (void)
{
#ifdef HAVE_SHA_NI
  static gsize chosen = 0;

  if (g_once_init_enter (&chosen))
    {
      __builtin_cpu_init ();
      g_once_init_leave (&chosen, __builtin_cpu_supports ("sha") &&
                                  __builtin_cpu_supports ("sse4.1") ? 2 : 1);
    }
  if (chosen == 2 && !force_portable)
    return blocks_sha_ni;
#endif
  return blocks_portable;
}

gboolean
ledger_sha256_is_accelerated (void)
{
  return blocks_func () != blocks_portable;
}

void
ledger_sha256_force_portable (gboolean portable)
{
  force_portable = portable;
}

/* ------------------------------------------------------------------ */
/* The streaming interface */

void
ledger_sha256_init (LedgerSha256 *ctx)
{
  static const guint32 initial[8] = {
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
  };

  memcpy (ctx->state, initial, sizeof initial);
  ctx->buffered = 0;
  ctx->length = 0;
}

void
ledger_sha256_update (LedgerSha256 *ctx,
                      const void   *data,
                      gsize         length)
{
  const guint8 *p = data;
  BlocksFunc blocks = blocks_func ();

  ctx->length += length;
  if (ctx->buffered > 0)
    {
      gsize take = MIN (length, 64 - ctx->buffered);

      memcpy (ctx->buffer + ctx->buffered, p, take);
      ctx->buffered += take;
      p += take;
      length -= take;
      if (ctx->buffered < 64)
        return;
      blocks (ctx->state, ctx->buffer, 1);
      ctx->buffered = 0;
    }
  if (length >= 64)
    {
      blocks (ctx->state, p, length / 64);
      p += length / 64 * 64;
      length %= 64;
    }
  memcpy (ctx->buffer, p, length);
  ctx->buffered = length;
}

void
ledger_sha256_finish (LedgerSha256 *ctx,
                      guint8        out[LEDGER_SHA256_SIZE])
{
  guint64 bits = ctx->length * 8;
  guint8 tail[72] = { 0x80 };
  /* Pad with 0x80, zeros, and the length in bits, to a whole block. */
  gsize pad = (ctx->buffered < 56 ? 56 : 120) - ctx->buffered;

  for (int i = 0; i < 8; i++)
    tail[pad + i] = (guint8) (bits >> (56 - 8 * i));
  ledger_sha256_update (ctx, tail, pad + 8);
  for (int i = 0; i < 8; i++)
    {
      out[4 * i] = (guint8) (ctx->state[i] >> 24);
      out[4 * i + 1] = (guint8) (ctx->state[i] >> 16);
      out[4 * i + 2] = (guint8) (ctx->state[i] >> 8);
      out[4 * i + 3] = (guint8) ctx->state[i];
    }
}
