#ifndef WASMFIX_TREE_SITTER_YAML_H
#define WASMFIX_TREE_SITTER_YAML_H
// The grammar's entry point, defined in the fetched src/parser.c.
typedef struct TSLanguage TSLanguage;
const TSLanguage *tree_sitter_yaml(void);
#endif
