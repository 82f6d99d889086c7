#ifndef WASMFIX_TREE_SITTER_BASH_H
#define WASMFIX_TREE_SITTER_BASH_H
// The grammar's entry point, defined in the fetched src/parser.c.
typedef struct TSLanguage TSLanguage;
const TSLanguage *tree_sitter_bash(void);
#endif
