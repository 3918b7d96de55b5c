// Byte scans that look at sixteen bytes at a time (SSE2 where the machine has it, a plain loop
// elsewhere), for the passes of replylint that read every byte of a text or a report and almost
// never find what they look for. Swift's SIMD types compile to one byte at a time in this
// toolchain; these functions are `static inline`, so the Swift code that calls them inlines them.
#ifndef REPLYLINT_BYTESCAN_H
#define REPLYLINT_BYTESCAN_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

enum { RL_SCAN_JSON = 0, RL_SCAN_BREAK = 1, RL_SCAN_SPECIAL = 2, RL_SCAN_LETTERS = 3 };

/// Whether byte `b` stops a scan of `kind`.
static inline int rl__stops(int kind, uint8_t b) {
    if (kind == RL_SCAN_JSON) return b < 0x20 || b == '"' || b == '\\' || b == 0xE2;
    if (kind == RL_SCAN_LETTERS) return !((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') || b == ' ');
    if (kind == RL_SCAN_SPECIAL) return b == '.' || b == ':' || b == '@' || b == '#' || b == '{' || b == '$' || b == '%' || b == '[';
    return b < 0x0E || b == 0x85 || b == 0xA8 || b == 0xA9;
}

#if defined(__SSE2__)
/// Bit k set when lane k of `v` stops a scan of `kind`.
static inline unsigned rl__hits(int kind, __m128i v) {
    // Unsigned "below" as a signed comparison of both sides with their top bit flipped.
    const __m128i flip = _mm_set1_epi8((char)0x80);
    __m128i below, a, b, c;
    if (kind == RL_SCAN_LETTERS) {
        // A letter in either case is one range once bit 0x20 is set (which maps no other byte into a-z);
        // digits are another range, the space one byte. Signed compares: bytes from 0x80 up are negative
        // and fall outside every range.
        __m128i lower = _mm_or_si128(v, _mm_set1_epi8(0x20));
        __m128i letter = _mm_and_si128(_mm_cmpgt_epi8(lower, _mm_set1_epi8('a' - 1)), _mm_cmplt_epi8(lower, _mm_set1_epi8('z' + 1)));
        __m128i digit = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('0' - 1)), _mm_cmplt_epi8(v, _mm_set1_epi8('9' + 1)));
        __m128i space = _mm_cmpeq_epi8(v, _mm_set1_epi8(' '));
        return (unsigned)~_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(letter, digit), space)) & 0xFFFF;
    }
    if (kind == RL_SCAN_SPECIAL) {
        // Eight bytes, compared one by one (they share no pattern of bits a mask could test at once).
        __m128i d = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('.')), _mm_cmpeq_epi8(v, _mm_set1_epi8(':')));
        __m128i e = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('@')), _mm_cmpeq_epi8(v, _mm_set1_epi8('#')));
        __m128i f = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('{')), _mm_cmpeq_epi8(v, _mm_set1_epi8('$')));
        __m128i g = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('%')), _mm_cmpeq_epi8(v, _mm_set1_epi8('[')));
        return (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(d, e), _mm_or_si128(f, g)));
    }
    if (kind == RL_SCAN_JSON) {
        below = _mm_cmplt_epi8(_mm_xor_si128(v, flip), _mm_set1_epi8((char)(0x20 ^ 0x80)));
        a = _mm_cmpeq_epi8(v, _mm_set1_epi8('"'));
        b = _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'));
        c = _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xE2));
    } else {
        below = _mm_cmplt_epi8(_mm_xor_si128(v, flip), _mm_set1_epi8((char)(0x0E ^ 0x80)));
        a = _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0x85));
        b = _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xA8));
        c = _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xA9));
    }
    return (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(below, a), _mm_or_si128(b, c)));
}
#endif

/// The length of the longest prefix of `p[0..<n]` with no byte that stops a scan of `kind`. Every
/// load stays inside `p[0..<n]`: the last bytes are read by a load that overlaps the one before.
static inline size_t rl__prefix(int kind, const uint8_t *p, size_t n) {
    size_t i = 0;
#if defined(__SSE2__)
    while (i + 16 <= n) {
        unsigned mask = rl__hits(kind, _mm_loadu_si128((const __m128i *)(p + i)));
        if (mask) return i + (size_t)__builtin_ctz(mask);
        i += 16;
    }
    if (i == n) return n;
    if (n >= 16) {
        // The last sixteen bytes; the lanes before `i` were read clean already.
        unsigned mask = rl__hits(kind, _mm_loadu_si128((const __m128i *)(p + n - 16)));
        mask &= ~((1u << (16 - (n - i))) - 1);
        return mask ? n - 16 + (size_t)__builtin_ctz(mask) : n;
    }
    if (n >= 8) {
        // Eight to fifteen bytes: the first eight and the last eight (they overlap).
        uint64_t first, last;
        memcpy(&first, p, 8);
        memcpy(&last, p + n - 8, 8);
        unsigned mask = rl__hits(kind, _mm_set_epi64x((long long)last, (long long)first));
        if (mask & 0xFF) return (size_t)__builtin_ctz(mask);
        // A stop in the last eight lies past the first eight (the bytes they share were clean).
        return mask ? n - 16 + (size_t)__builtin_ctz(mask) : n;
    }
#endif
    for (; i < n; i++) {
        if (rl__stops(kind, p[i])) return i;
    }
    return n;
}

/// The length of the longest prefix of `p[0..<n]` with no byte a JSON string escapes (below 0x20,
/// a quote, a backslash) and no 0xE2 (the lead byte of U+2028 and U+2029, which are escaped too).
static inline size_t rl_json_plain_prefix(const uint8_t *p, size_t n) { return rl__prefix(RL_SCAN_JSON, p, n); }

/// The length of the longest prefix of `p[0..<n]` with no byte that may be part of a line break:
/// none below 0x0E (LF, VT, FF, CR and the other controls) and none of 0x85, 0xA8, 0xA9 (the last
/// bytes of U+0085, U+2028 and U+2029).
static inline size_t rl_no_break_prefix(const uint8_t *p, size_t n) { return rl__prefix(RL_SCAN_BREAK, p, n); }

/// The length of the longest prefix of `p[0..<n]` with none of the bytes every span of the special
/// scanner holds: `.`, `:` or `@` (a link or an address), `@` or `#` (a handle), `{`, `$`, `%` or
/// `[` (a template slot).
static inline size_t rl_special_free_prefix(const uint8_t *p, size_t n) { return rl__prefix(RL_SCAN_SPECIAL, p, n); }

/// The length of the longest prefix of `p[0..<n]` of ASCII letters, digits and spaces only.
static inline size_t rl_letters_prefix(const uint8_t *p, size_t n) { return rl__prefix(RL_SCAN_LETTERS, p, n); }

/// The length of the longest prefix of `p[0..<n]` with no line end (LF, CR) and no two spaces in a
/// row (a space at `i` with another at `i + 1`: the scan stops at the first of the two).
static inline size_t rl_spacing_prefix(const uint8_t *p, size_t n) {
    size_t i = 0;
#if defined(__SSE2__)
    // Each step also reads the byte after its sixteen (the second space of a pair in the last lane).
    while (i + 17 <= n) {
        __m128i v = _mm_loadu_si128((const __m128i *)(p + i));
        __m128i next = _mm_loadu_si128((const __m128i *)(p + i + 1));
        const __m128i space = _mm_set1_epi8(' ');
        __m128i pair = _mm_and_si128(_mm_cmpeq_epi8(v, space), _mm_cmpeq_epi8(next, space));
        __m128i end = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\n')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\r')));
        unsigned mask = (unsigned)_mm_movemask_epi8(_mm_or_si128(pair, end));
        if (mask) return i + (size_t)__builtin_ctz(mask);
        i += 16;
    }
#endif
    for (; i < n; i++) {
        if (p[i] == '\n' || p[i] == '\r' || (p[i] == ' ' && i + 1 < n && p[i + 1] == ' ')) return i;
    }
    return n;
}

#endif
