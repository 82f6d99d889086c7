// Written for wasmfix: the YAML 1.2 core schema's plain-scalar resolution, which
// tree-sitter-yaml's src/scanner.c includes as "schema.core.c" and no PyPI sdist ships.
// grammars/fetch.sh copies this file into grammars/yaml/src/.
//
// The scanner feeds each character of a plain scalar to adv_sch_stt (including blanks that
// may turn out to trail it) and reads *rlt_sch when the scalar ends: the tag of the text fed
// so far, ignoring trailing blanks. YAML 1.2.2, section 10.3.2:
//   null   null | Null | NULL | ~
//   bool   true | True | TRUE | false | False | FALSE
//   int    [-+]? [0-9]+ | 0o [0-7]+ | 0x [0-9a-fA-F]+
//   float  [-+]? ( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?
//          | [-+]? \. ( inf | Inf | INF ) | \. ( nan | NaN | NAN )
//   str    anything else

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

typedef enum {
    RS_STR,
    RS_INT,
    RS_NULL,
    RS_BOOL,
    RS_FLOAT,
} ResultSchema;

// States. Words (null, true, .inf, ...) are matched as (word, characters matched so far):
// SCH_WORD + word * 6 + matched.
#define SCH_STT_FRZ -1 // not a core-schema scalar: a string whatever follows
enum {
    SCH_START = 0,
    SCH_TILDE,      // ~
    SCH_SIGN,       // + or -
    SCH_ZERO,       // 0 (unsigned: may start 0o / 0x)
    SCH_DEC,        // [-+]?[0-9]+
    SCH_OCT_PREFIX, // 0o
    SCH_OCT,        // 0o[0-7]+
    SCH_HEX_PREFIX, // 0x
    SCH_HEX,        // 0x[0-9a-fA-F]+
    SCH_DOT,        // .        (then digits, inf or nan)
    SCH_SIGN_DOT,   // [-+].    (then digits or inf)
    SCH_FRACTION,   // a float's digits after its point, or "1."
    SCH_EXP,        // ...e
    SCH_EXP_SIGN,   // ...e+
    SCH_EXP_DIGITS, // ...e+5
    SCH_BLANK,      // blanks after the scalar so far: anything but a blank makes it a string
    SCH_WORD = 20,
};

static const char *const sch_words[] = {
    "null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE", // after SCH_START
    "inf",  "Inf",  "INF",                                                      // after either dot
    "nan",  "NaN",  "NAN",                                                      // after SCH_DOT only
};
#define SCH_WORDS_PLAIN 9
#define SCH_WORDS_INF_END 12
#define SCH_WORDS_END 15

static ResultSchema sch_word_result(int word) {
    return word < 3 ? RS_NULL : word < SCH_WORDS_PLAIN ? RS_BOOL : RS_FLOAT;
}

// The word state after matching `matched` characters of a word in [first, end) whose first
// `matched` characters equal those of word `like` and whose next is `c`; SCH_STT_FRZ if none.
static int8_t sch_word_step(int first, int end, int like, int matched, int32_t c, ResultSchema *rlt_sch) {
    for (int word = first; word < end; word++) {
        const char *text = sch_words[word];
        if ((int)strlen(text) > matched && (unsigned char)text[matched] == c &&
            (like < 0 || strncmp(text, sch_words[like], matched) == 0)) {
            *rlt_sch = (int)strlen(text) == matched + 1 ? sch_word_result(word) : RS_STR;
            return (int8_t)(SCH_WORD + word * 6 + matched + 1);
        }
    }
    *rlt_sch = RS_STR;
    return SCH_STT_FRZ;
}

static inline int8_t sch_to(int8_t state, ResultSchema result, ResultSchema *rlt_sch) {
    *rlt_sch = result;
    return state;
}

static int8_t adv_sch_stt(int8_t sch_stt, int32_t cur_chr, ResultSchema *rlt_sch) {
    if (sch_stt == SCH_STT_FRZ) {
        *rlt_sch = RS_STR;
        return SCH_STT_FRZ;
    }
    bool is_blank = cur_chr == ' ' || cur_chr == '\t';
    if (is_blank) {
        // The scalar may end here: keep its tag until something follows the blanks.
        return sch_stt == SCH_START ? sch_to(SCH_STT_FRZ, RS_STR, rlt_sch) : SCH_BLANK;
    }
    bool is_digit = cur_chr >= '0' && cur_chr <= '9';
    bool is_exp = cur_chr == 'e' || cur_chr == 'E';
    switch (sch_stt) {
        case SCH_START:
            if (cur_chr == '~') return sch_to(SCH_TILDE, RS_NULL, rlt_sch);
            if (cur_chr == '+' || cur_chr == '-') return sch_to(SCH_SIGN, RS_STR, rlt_sch);
            if (cur_chr == '0') return sch_to(SCH_ZERO, RS_INT, rlt_sch);
            if (is_digit) return sch_to(SCH_DEC, RS_INT, rlt_sch);
            if (cur_chr == '.') return sch_to(SCH_DOT, RS_STR, rlt_sch);
            return sch_word_step(0, SCH_WORDS_PLAIN, -1, 0, cur_chr, rlt_sch);
        case SCH_SIGN:
            if (is_digit) return sch_to(SCH_DEC, RS_INT, rlt_sch);
            if (cur_chr == '.') return sch_to(SCH_SIGN_DOT, RS_STR, rlt_sch);
            break;
        case SCH_ZERO:
            if (cur_chr == 'o') return sch_to(SCH_OCT_PREFIX, RS_STR, rlt_sch);
            if (cur_chr == 'x') return sch_to(SCH_HEX_PREFIX, RS_STR, rlt_sch);
            // fall through: 0 is also the start of a decimal
        case SCH_DEC:
            if (is_digit) return sch_to(SCH_DEC, RS_INT, rlt_sch);
            if (cur_chr == '.') return sch_to(SCH_FRACTION, RS_FLOAT, rlt_sch);
            if (is_exp) return sch_to(SCH_EXP, RS_STR, rlt_sch);
            break;
        case SCH_OCT_PREFIX:
        case SCH_OCT:
            if (cur_chr >= '0' && cur_chr <= '7') return sch_to(SCH_OCT, RS_INT, rlt_sch);
            break;
        case SCH_HEX_PREFIX:
        case SCH_HEX:
            if (is_digit || (cur_chr >= 'a' && cur_chr <= 'f') || (cur_chr >= 'A' && cur_chr <= 'F')) {
                return sch_to(SCH_HEX, RS_INT, rlt_sch);
            }
            break;
        case SCH_DOT:
        case SCH_SIGN_DOT:
            if (is_digit) return sch_to(SCH_FRACTION, RS_FLOAT, rlt_sch);
            return sch_word_step(SCH_WORDS_PLAIN, sch_stt == SCH_DOT ? SCH_WORDS_END : SCH_WORDS_INF_END, -1, 0,
                                 cur_chr, rlt_sch);
        case SCH_FRACTION:
            if (is_digit) return sch_to(SCH_FRACTION, RS_FLOAT, rlt_sch);
            if (is_exp) return sch_to(SCH_EXP, RS_STR, rlt_sch);
            break;
        case SCH_EXP:
            if (cur_chr == '+' || cur_chr == '-') return sch_to(SCH_EXP_SIGN, RS_STR, rlt_sch);
            // fall through
        case SCH_EXP_SIGN:
        case SCH_EXP_DIGITS:
            if (is_digit) return sch_to(SCH_EXP_DIGITS, RS_FLOAT, rlt_sch);
            break;
        default:
            if (sch_stt >= SCH_WORD) {
                int word = (sch_stt - SCH_WORD) / 6, matched = (sch_stt - SCH_WORD) % 6;
                int first = word < SCH_WORDS_PLAIN ? 0 : SCH_WORDS_PLAIN;
                int end = word < SCH_WORDS_PLAIN ? SCH_WORDS_PLAIN : SCH_WORDS_END;
                return sch_word_step(first, end, word, matched, cur_chr, rlt_sch);
            }
            break; // SCH_TILDE and SCH_BLANK take nothing more
    }
    return sch_to(SCH_STT_FRZ, RS_STR, rlt_sch);
}
