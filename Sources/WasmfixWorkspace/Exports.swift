// Each stage sees the stages below it and nothing above: the compiler holds the direction.
@_exported import WasmfixSupport
@_exported import WasmfixConfig
