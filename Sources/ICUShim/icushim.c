// Every ICU call replylint makes. Kept in C so that no Swift module ever includes ICU headers.
#include "icushim.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utext.h>
#include <unicode/uversion.h>

struct rl_breaker {
    UBreakIterator *iterator;
    UText *text;
};

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
    return breaker;
}

void rl_breaker_close(rl_breaker *breaker) {
    if (!breaker) return;
    if (breaker->iterator) ubrk_close(breaker->iterator);
    if (breaker->text) utext_close(breaker->text);
    free(breaker);
}

int32_t rl_breaker_set_utf8(rl_breaker *breaker, const char *text, int64_t length) {
    UErrorCode status = U_ZERO_ERROR;
    // utext_openUTF8 reuses the UText it is given, so the same one serves every document.
    breaker->text = utext_openUTF8(breaker->text, text, length, &status);
    if (U_FAILURE(status)) return (int32_t)status;
    ubrk_setUText(breaker->iterator, breaker->text, &status);
    return (int32_t)status;
}

int32_t rl_breaker_first(rl_breaker *breaker) {
    return ubrk_first(breaker->iterator);
}

int32_t rl_breaker_next(rl_breaker *breaker, int32_t *status) {
    int32_t boundary = ubrk_next(breaker->iterator);
    if (boundary == UBRK_DONE) return -1;
    if (status) *status = ubrk_getRuleStatus(breaker->iterator);
    return boundary;
}

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
