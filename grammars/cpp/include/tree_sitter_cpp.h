#ifndef WASMFIX_TREE_SITTER_CPP_H
#define WASMFIX_TREE_SITTER_CPP_H
// The grammar's entry point, defined in the fetched src/parser.c.
typedef struct TSLanguage TSLanguage;
const TSLanguage *tree_sitter_cpp(void);
#endif
