// Every ICU call replylint makes. Kept in C so that no Swift module ever includes ICU headers.
#include "icushim.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utext.h>
#include <unicode/uversion.h>

// Word boundaries without ICU's state machine, where they can be had without it.
//
// ICU's word iterator costs about 420 instructions a boundary, most of replylint's tokenizing. Most
// scalars of a Spanish reply are ASCII letters, digits, spaces and marks, and accented Latin letters:
// for scalars below U+0800 whose Word_Break class is a letter, a digit, a space, a line end, a "mid"
// mark (`.` `'` `,` `;`), `_` or none of those, the rules of UAX #29 that apply are few (WB3, WB3a-b,
// WB3d, WB5 to WB13b) and the breaker applies them itself. A segment that holds or touches any other
// scalar (a combining mark, a format or joiner character, an emoji, Hebrew, anything at U+0800 or
// above, a byte that is not well-formed UTF-8) sends the text from there to the next space after an
// ASCII scalar (a boundary whatever comes before or after) to ICU's iterator, as a text of its own.
//
// Each class is first checked against the iterator itself for the breaker's locale: a locale's rules
// may move a scalar out of its Unicode class (ICU keeps `:` out of MidLetter, but for Finnish and
// Swedish; it joins `@` to letters). A scalar the rules do not reproduce there is given to ICU.
// TokenizerTests compares the two on every string of up to three scalars of a mixed alphabet, on
// generated texts and on the bundled examples; the document fuzz target compares every input.

enum {
    RL_WB_OTHER = 0, RL_WB_LETTER, RL_WB_NUMERIC, RL_WB_EXTEND_NUM_LET, RL_WB_MID_LETTER, RL_WB_MID_NUM,
    RL_WB_MID_NUM_LET, RL_WB_SPACE, RL_WB_CR,
    /// Left to ICU.
    RL_WB_ICU
};

struct rl_breaker {
    UBreakIterator *iterator;
    UText *text;
    /// Word breakers applying the rules themselves: the class of each scalar below U+0800 (the table
    /// of the breaker's locale, shared by every breaker of the process, never freed).
    const uint8_t *classes;
    const uint8_t *bytes;
    int32_t length;
    /// The last boundary returned.
    int32_t position;
    /// While ICU's iterator runs over a stretch [icu_start, icu_end), icu_end; 0 otherwise.
    int32_t icu_start, icu_end;
    /// The stretches given to ICU since the text was set.
    int32_t icu_stretches;
};

/// The class of the scalar at `i` (< n) of `bytes`, and its length in bytes.
static inline __attribute__((always_inline)) int rl_wb_at(const uint8_t *bytes, const uint8_t *classes, int32_t n,
                                                          int32_t i, int32_t *length) {
    uint8_t lead = bytes[i];
    if (lead < 0x80) { *length = 1; return classes[lead]; }
    if (lead >= 0xC2 && lead < 0xE0 && i + 1 < n && (bytes[i + 1] & 0xC0) == 0x80) {
        *length = 2;
        return classes[((lead & 0x1F) << 6) | (bytes[i + 1] & 0x3F)];
    }
    *length = 1;
    return RL_WB_ICU;
}

/// The classes that join one another in a word (WB5, WB8 to WB10, WB13a-b), as a bit mask.
#define RL_WB_JOINED ((1u << RL_WB_LETTER) | (1u << RL_WB_NUMERIC) | (1u << RL_WB_EXTEND_NUM_LET))

/// ICU's status for a segment of letters, digits and `_` joined by the rules, from its last two
/// classes (`before` -1 for a segment of one scalar): the status of the last rule that matched.
static inline int32_t rl_wb_status(int last, int before) {
    if (last == RL_WB_LETTER) return UBRK_WORD_LETTER;
    if (last == RL_WB_NUMERIC) return UBRK_WORD_NUMBER;
    if (before == RL_WB_NUMERIC) return UBRK_WORD_NUMBER;
    return before < 0 ? UBRK_WORD_NONE : UBRK_WORD_LETTER;
}

/// The segment that starts at boundary `p` by the rules: 1 with its end and status, or 0 when a scalar
/// in it, or one the rules look at after it, is left to ICU.
/// Inlined where it is called, with the text and the table in registers: a call for each segment cost
/// as much as the segment's rules.
static inline __attribute__((always_inline)) int rl_wb_segment(const rl_breaker *b, int32_t p, int32_t *end,
                                                               int32_t *status) {
    const uint8_t *const bytes = b->bytes, *const classes = b->classes;
    const int32_t n = b->length;
    int32_t length;
    int first = rl_wb_at(bytes, classes, n, p, &length);
    if (first == RL_WB_ICU) return 0;
    int32_t i = p + length;
    *status = UBRK_WORD_NONE;
    if (first == RL_WB_CR) {
        if (i < n && bytes[i] == '\n') i++;                        // WB3
    } else if (first == RL_WB_SPACE) {
        while (i < n && rl_wb_at(bytes, classes, n, i, &length) == RL_WB_SPACE) i += length;  // WB3d
    } else if (first == RL_WB_LETTER || first == RL_WB_NUMERIC || first == RL_WB_EXTEND_NUM_LET) {
        int last = first, before = -1;
        while (i < n) {
            // ASCII letters and digits, the most of any segment, without the general step.
            uint8_t byte = bytes[i];
            if (byte < 0x80 && ((1u << classes[byte]) & RL_WB_JOINED)) {
                before = last;
                last = classes[byte];
                i++;
                continue;
            }
            int next = rl_wb_at(bytes, classes, n, i, &length);
            if (next == RL_WB_LETTER || next == RL_WB_NUMERIC || next == RL_WB_EXTEND_NUM_LET) {
                before = last; last = next; i += length;                // WB5, WB8 to WB10, WB13a-b
                continue;
            }
            if ((next == RL_WB_MID_LETTER || next == RL_WB_MID_NUM || next == RL_WB_MID_NUM_LET) && i + length < n) {
                int32_t length2;
                int after = rl_wb_at(bytes, classes, n, i + length, &length2);
                if ((last == RL_WB_LETTER && after == RL_WB_LETTER && next != RL_WB_MID_NUM)           // WB6-7
                    || (last == RL_WB_NUMERIC && after == RL_WB_NUMERIC && next != RL_WB_MID_LETTER)) { // WB11-12
                    before = next; last = after; i += length + length2;
                    continue;
                }
                if (after == RL_WB_ICU) return 0;
            }
            break;
        }
        *status = rl_wb_status(last, before);
    }
    // WB4: a scalar ICU is left with (an Extend or Format one, a joiner) may belong to this segment.
    if (i < n && rl_wb_at(bytes, classes, n, i, &length) == RL_WB_ICU) return 0;
    *end = i;
    return 1;
}

/// Writes `c` (below U+0800) as UTF-8; returns its length.
static int rl_wb_put(uint8_t *out, UChar32 c) {
    if (c < 0x80) { out[0] = (uint8_t)c; return 1; }
    out[0] = (uint8_t)(0xC0 | (c >> 6));
    out[1] = (uint8_t)(0x80 | (c & 0x3F));
    return 2;
}

/// Whether the rules, with the classes of `b->classes`, give ICU's boundaries and statuses for `c` in
/// each of the places a probe puts it: alone, doubled, between and beside letters, digits and `_`.
static int rl_wb_agrees(rl_breaker *b, UChar32 c) {
    static const char *const places[] = {"a%a", "1%1", "%", "%%", "a%%a", "1%%1", "_%_", "a%1", "%.a"};
    uint8_t probe[256];
    int32_t n = 0;
    for (size_t k = 0; k < sizeof(places) / sizeof(*places); k++) {
        for (const char *s = places[k]; *s; s++) {
            if (*s == '%') n += rl_wb_put(probe + n, c);
            else probe[n++] = (uint8_t)*s;
        }
        probe[n++] = ' ';
        probe[n++] = '\n';
    }
    UErrorCode status = U_ZERO_ERROR;
    b->text = utext_openUTF8(b->text, (const char *)probe, n, &status);
    ubrk_setUText(b->iterator, b->text, &status);
    if (U_FAILURE(status)) return 0;
    ubrk_first(b->iterator);
    b->bytes = probe;
    b->length = n;
    int agrees = 1;
    for (int32_t p = 0; agrees && p < n;) {
        int32_t end = 0, segment = 0, boundary = ubrk_next(b->iterator);
        agrees = rl_wb_segment(b, p, &end, &segment) && boundary == end && segment == ubrk_getRuleStatus(b->iterator);
        p = end;
    }
    b->bytes = NULL;
    b->length = 0;
    return agrees;
}

/// The classes of U+0000 to U+07FF: Unicode's Word_Break class, checked against the iterator for every
/// scalar that is not a letter beyond ASCII (a class the rules do not reproduce is tried as "none of
/// those", then left to ICU). About 350 probes, 6 M instructions: made once per locale and process.
static uint8_t *rl_wb_build(rl_breaker *b) {
    uint8_t *classes = (uint8_t *)malloc(0x800);
    if (!classes) return NULL;
    b->classes = classes;
    for (UChar32 c = 0; c < 0x800; c++) {
        int k;
        switch (u_getIntPropertyValue(c, UCHAR_WORD_BREAK)) {
        case U_WB_ALETTER: k = RL_WB_LETTER; break;
        case U_WB_NUMERIC: k = RL_WB_NUMERIC; break;
        case U_WB_EXTENDNUMLET: k = RL_WB_EXTEND_NUM_LET; break;
        case U_WB_MIDLETTER: k = RL_WB_MID_LETTER; break;
        case U_WB_MIDNUM: k = RL_WB_MID_NUM; break;
        case U_WB_MIDNUMLET: case U_WB_SINGLE_QUOTE: k = RL_WB_MID_NUM_LET; break;
        case U_WB_WSEGSPACE: k = RL_WB_SPACE; break;
        case U_WB_CR: k = RL_WB_CR; break;
        // A line end is a segment of its own (WB3a-b), as the rules make any scalar of no other class:
        // what could join one to the next (WB4) is left to ICU in both cases.
        case U_WB_LF: case U_WB_NEWLINE: case U_WB_OTHER: case U_WB_DOUBLE_QUOTE: k = RL_WB_OTHER; break;
        default: k = RL_WB_ICU; break;  // Extend, Format, ZWJ, Hebrew_Letter, Katakana, ...
        }
        // © and ® start emoji sequences (WB3c).
        if (u_hasBinaryProperty(c, UCHAR_EXTENDED_PICTOGRAPHIC)) k = RL_WB_ICU;
        classes[c] = (uint8_t)k;
    }
    for (UChar32 c = 0; c < 0x800; c++) {
        int k = classes[c];
        if (k == RL_WB_ICU || (k == RL_WB_LETTER && c >= 0x80)) continue;
        if (rl_wb_agrees(b, c)) continue;
        classes[c] = RL_WB_OTHER;
        if (k != RL_WB_OTHER && rl_wb_agrees(b, c)) continue;
        classes[c] = RL_WB_ICU;
    }
    return classes;
}

/// The class tables made so far, one per locale name.
static struct rl_wb_table {
    char locale[64];
    const uint8_t *classes;
    struct rl_wb_table *next;
} *rl_wb_tables;
static pthread_mutex_t rl_wb_tables_lock = PTHREAD_MUTEX_INITIALIZER;

/// The class table of the breaker's locale, made with the breaker's iterator the first time.
static const uint8_t *rl_wb_classes(rl_breaker *b, const char *locale) {
    const char *name = locale ? locale : "";
    pthread_mutex_lock(&rl_wb_tables_lock);
    struct rl_wb_table *table = rl_wb_tables;
    while (table && strcmp(table->locale, name) != 0) table = table->next;
    const uint8_t *classes = table ? table->classes : NULL;
    if (!table && strlen(name) < sizeof(table->locale)) {
        uint8_t *made = rl_wb_build(b);
        table = made ? (struct rl_wb_table *)calloc(1, sizeof(struct rl_wb_table)) : NULL;
        if (table) {
            strcpy(table->locale, name);
            table->classes = made;
            table->next = rl_wb_tables;
            rl_wb_tables = table;
            classes = made;
        } else {
            free(made);
        }
    }
    pthread_mutex_unlock(&rl_wb_tables_lock);
    return classes;
}

rl_breaker *rl_breaker_open(int kind, const char *locale, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    UBreakIteratorType type = UBRK_WORD;
    if (kind == RL_BREAK_SENTENCE) type = UBRK_SENTENCE;
    else if (kind == RL_BREAK_CHARACTER) type = UBRK_CHARACTER;
    UBreakIterator *iterator = ubrk_open(type, locale, NULL, 0, &status);
    if (error) *error = (int32_t)status;
    if (U_FAILURE(status) || iterator == NULL) return NULL;
    rl_breaker *breaker = (rl_breaker *)calloc(1, sizeof(rl_breaker));
    if (!breaker) { ubrk_close(iterator); return NULL; }
    breaker->iterator = iterator;
    // A word breaker without a class table (a locale name too long to file, no memory) is ICU's alone.
    if (kind == RL_BREAK_WORD) breaker->classes = rl_wb_classes(breaker, locale);
    return breaker;
}

void rl_breaker_close(rl_breaker *breaker) {
    if (!breaker) return;
    if (breaker->iterator) ubrk_close(breaker->iterator);
    if (breaker->text) utext_close(breaker->text);
    free(breaker);
}

int32_t rl_breaker_set_utf8(rl_breaker *breaker, const char *text, int64_t length) {
    if (breaker->classes) {
        if (length > INT32_MAX) return U_INDEX_OUTOFBOUNDS_ERROR;
        breaker->bytes = (const uint8_t *)text;
        breaker->length = (int32_t)length;
        breaker->position = 0;
        breaker->icu_end = 0;
        breaker->icu_stretches = 0;
        return 0;
    }
    UErrorCode status = U_ZERO_ERROR;
    // utext_openUTF8 reuses the UText it is given, so the same one serves every document.
    breaker->text = utext_openUTF8(breaker->text, text, length, &status);
    if (U_FAILURE(status)) return (int32_t)status;
    ubrk_setUText(breaker->iterator, breaker->text, &status);
    return (int32_t)status;
}

int32_t rl_breaker_first(rl_breaker *breaker) {
    if (breaker->classes) {
        breaker->position = 0;
        breaker->icu_end = 0;
        return 0;
    }
    return ubrk_first(breaker->iterator);
}

/// The next boundary of a word breaker that applies the rules; `*plain` tells a segment the rules found.
static inline __attribute__((always_inline)) int32_t rl_wb_next(rl_breaker *breaker, int32_t *status, int *plain) {
    const int32_t n = breaker->length, p = breaker->position;
    if (p >= n) return -1;
    if (breaker->icu_end == 0) {
        int32_t end;
        if (rl_wb_segment(breaker, p, &end, status)) {
            breaker->position = end;
            *plain = 1;
            return end;
        }
        // ICU's iterator, from this boundary to the next space after an ASCII scalar that is not one.
        int32_t q = p + 1;
        while (q < n && !(breaker->bytes[q] == ' ' && breaker->bytes[q - 1] < 0x80 && breaker->bytes[q - 1] != ' ')) q++;
        UErrorCode error = U_ZERO_ERROR;
        breaker->text = utext_openUTF8(breaker->text, (const char *)breaker->bytes + p, q - p, &error);
        ubrk_setUText(breaker->iterator, breaker->text, &error);
        if (U_FAILURE(error)) return -1;
        ubrk_first(breaker->iterator);
        breaker->icu_start = p;
        breaker->icu_end = q;
        breaker->icu_stretches++;
    }
    int32_t boundary = ubrk_next(breaker->iterator);
    *status = ubrk_getRuleStatus(breaker->iterator);
    *plain = 0;
    int32_t at = boundary == UBRK_DONE ? breaker->icu_end : breaker->icu_start + boundary;
    if (at >= breaker->icu_end) { at = breaker->icu_end; breaker->icu_end = 0; }
    breaker->position = at;
    return at;
}

int32_t rl_breaker_next(rl_breaker *breaker, int32_t *status) {
    int32_t segment = 0;
    int plain = 0;
    if (breaker->classes) {
        int32_t end = rl_wb_next(breaker, &segment, &plain);
        if (status) *status = segment;
        return end;
    }
    int32_t boundary = ubrk_next(breaker->iterator);
    if (boundary == UBRK_DONE) return -1;
    if (status) *status = ubrk_getRuleStatus(breaker->iterator);
    return boundary;
}

int32_t rl_breaker_next_span(rl_breaker *breaker, int32_t *start, int32_t *status) {
    if (!breaker->classes) {
        *start = ubrk_current(breaker->iterator);
        return rl_breaker_next(breaker, status);
    }
    for (;;) {
        int32_t from = breaker->position, segment = 0;
        int plain = 0;
        int32_t end = rl_wb_next(breaker, &segment, &plain);
        if (end < 0) return -1;
        // The rules' runs of spaces are U+0020 only (the one WSegSpace scalar below U+0800).
        if (plain && breaker->bytes[from] == ' ') continue;
        *start = from;
        *status = segment | (plain ? RL_SEGMENT_PLAIN : 0);
        return end;
    }
}

int rl_breaker_applies_rules(const rl_breaker *breaker, int32_t c) {
    return breaker->classes && c >= 0 && c < 0x800 && breaker->classes[c] != RL_WB_ICU;
}

int32_t rl_breaker_icu_stretches(const rl_breaker *breaker) { return breaker->icu_stretches; }

struct rl_folder {
    char locale[32];
    const UNormalizer2 *nfd;
    const UNormalizer2 *nfc;
    UChar *a;
    UChar *b;
    int32_t capacity;
};

rl_folder *rl_folder_open(const char *locale, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *nfd = unorm2_getNFDInstance(&status);
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&status);
    if (error) *error = (int32_t)status;
    if (U_FAILURE(status)) return NULL;
    rl_folder *folder = (rl_folder *)calloc(1, sizeof(rl_folder));
    if (!folder) return NULL;
    strncpy(folder->locale, locale ? locale : "", sizeof(folder->locale) - 1);
    folder->nfd = nfd;
    folder->nfc = nfc;
    return folder;
}

void rl_folder_close(rl_folder *folder) {
    if (!folder) return;
    free(folder->a);
    free(folder->b);
    free(folder);
}

static int rl_folder_reserve(rl_folder *folder, int32_t needed) {
    if (needed <= folder->capacity) return 1;
    int32_t capacity = needed < 64 ? 64 : needed * 2;
    UChar *a = (UChar *)realloc(folder->a, sizeof(UChar) * (size_t)capacity);
    if (!a) return 0;
    folder->a = a;
    UChar *b = (UChar *)realloc(folder->b, sizeof(UChar) * (size_t)capacity);
    if (!b) return 0;
    folder->b = b;
    folder->capacity = capacity;
    return 1;
}

int32_t rl_folder_fold(rl_folder *folder, int mode, const char *src, int32_t length,
                       char *dst, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t units = 0;
    // UTF-16 never needs more units than UTF-8 has bytes; case mapping can grow it a little
    // (ß -> SS) and NFD can triple it, so reserve generously.
    if (!rl_folder_reserve(folder, length * 4 + 16)) return -1;
    u_strFromUTF8(folder->a, folder->capacity, &units, src, length, &status);
    if (U_FAILURE(status)) return -1;

    int32_t mapped;
    if (mode == RL_FOLD_UPPER)
        mapped = u_strToUpper(folder->b, folder->capacity, folder->a, units, folder->locale, &status);
    else
        mapped = u_strToLower(folder->b, folder->capacity, folder->a, units, folder->locale, &status);
    if (U_FAILURE(status)) return -1;

    UChar *result = folder->b;
    int32_t resultLength = mapped;
    if (mode == RL_FOLD_ACCENTS) {
        int32_t decomposed = unorm2_normalize(folder->nfd, folder->b, mapped, folder->a, folder->capacity, &status);
        if (U_FAILURE(status)) return -1;
        // Drop combining marks, except the tilde of ñ/Ñ, which makes another letter in Spanish.
        int32_t out = 0;
        for (int32_t i = 0; i < decomposed; i++) {
            UChar c = folder->a[i];
            if (u_charType(c) == U_NON_SPACING_MARK) {
                int keep = c == 0x0303 && out > 0 && (folder->a[out - 1] == 'n' || folder->a[out - 1] == 'N');
                if (!keep) continue;
            }
            folder->a[out++] = c;
        }
        resultLength = unorm2_normalize(folder->nfc, folder->a, out, folder->b, folder->capacity, &status);
        if (U_FAILURE(status)) return -1;
        result = folder->b;
    } else {
        resultLength = unorm2_normalize(folder->nfc, folder->b, mapped, folder->a, folder->capacity, &status);
        if (U_FAILURE(status)) return -1;
        result = folder->a;
    }

    int32_t bytes = 0;
    status = U_ZERO_ERROR;
    u_strToUTF8(dst, capacity, &bytes, result, resultLength, &status);
    if (status == U_BUFFER_OVERFLOW_ERROR) return bytes;
    if (U_FAILURE(status)) return -1;
    return bytes;
}

int rl_is_extended_pictographic(int32_t c) { return u_hasBinaryProperty(c, UCHAR_EXTENDED_PICTOGRAPHIC); }
int rl_is_emoji_component(int32_t c) { return u_hasBinaryProperty(c, UCHAR_EMOJI_COMPONENT); }
int rl_is_regional_indicator(int32_t c) { return u_hasBinaryProperty(c, UCHAR_REGIONAL_INDICATOR); }
int rl_is_alphabetic(int32_t c) { return u_hasBinaryProperty(c, UCHAR_ALPHABETIC); }
int rl_is_uppercase(int32_t c) { return u_hasBinaryProperty(c, UCHAR_UPPERCASE); }
int rl_is_lowercase(int32_t c) { return u_hasBinaryProperty(c, UCHAR_LOWERCASE); }
int rl_is_combining_mark(int32_t c) {
    int8_t type = u_charType(c);
    return type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK || type == U_ENCLOSING_MARK;
}
int rl_is_punctuation(int32_t c) { return u_ispunct(c); }
int rl_is_white_space(int32_t c) { return u_isUWhiteSpace(c); }
int rl_sentence_break(int32_t c) { return u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK); }

int rl_display_width(int32_t c) {
    if (c < 0x300) return c < 0x20 ? 0 : 1;
    if (rl_is_combining_mark(c) || u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT)) return 0;
    if (u_hasBinaryProperty(c, UCHAR_EMOJI_MODIFIER)) return 0;
    if (u_hasBinaryProperty(c, UCHAR_REGIONAL_INDICATOR)) return 1; // a flag is two of them
    int width = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
    if (width == U_EA_WIDE || width == U_EA_FULLWIDTH) return 2;
    if (u_hasBinaryProperty(c, UCHAR_EMOJI_PRESENTATION)) return 2;
    return 1;
}

const char *rl_icu_version(void) {
    static char text[U_MAX_VERSION_STRING_LENGTH];
    UVersionInfo info;
    u_getVersion(info);
    u_versionToString(info, text);
    return text;
}
